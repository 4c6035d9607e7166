"""The benchmark of issue 11: every aim measured in one run, written to bench/RESULTS.md.

    pip install -e ".[bench]" && python bench/run.py [--runs 7]

Every measurement runs as its own process, interleaved with its floor in the same run, so the
ratios hold on a busy machine. The sections of RESULTS.md it writes: start-up (``livb --help``,
``check`` and ``status`` against the import floor), the large city (bench/synthetic.py),
``render alle --pdf`` against ``render alle`` plus one LibreOffice batch, and rendering alone
(render_runner.py: livb beside docxtpl and a string floor). The "Fuzz" section of RESULTS.md
(bench/fuzz_loader.py) is kept as it is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import synthetic

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "halle"
RESULTS = HERE / "RESULTS.md"
PYTHON = sys.executable
LIVB = shutil.which("livb") or f"{Path(PYTHON).parent}/livb"
FLOOR = "floor: import typer, pydantic, ruamel.yaml"
TYPER_APP = "a typer app (one command, one path argument)"
# The smallest typer program: typer 0.29 converts each parameter with a pydantic TypeAdapter,
# so running any command loads pydantic's model machinery, which the floor does not import.
TYPER_APP_CODE = """
import sys
from pathlib import Path
import typer
app = typer.Typer()
@app.command()
def check(map: Path) -> None:
    print(map)
@app.command()
def status() -> None:
    pass
app(sys.argv[1:], standalone_mode=False)
"""
DATUM = ["--datum", synthetic.TODAY.isoformat()]


LOAD_ONLY = "loading examples/halle alone (no CLI, no rules)"
# pydantic builds and runs the validators of livb's models in every process that loads a folder.
LOAD_ONLY_CODE = """
import sys
from pathlib import Path
from livb.folder.project import load_project
assert load_project(Path(sys.argv[1])).project is not None
"""


def run_once(command: list[str]) -> float:
    """Wall time (s) of one process (exit 0 or 1: findings are a result, not a failure)."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr.decode()[-2000:]}")
    return elapsed


def interleaved(
    commands: dict[str, list[str]],
    runs: int,
    before: dict[str, Callable[[], None]] | None = None,
) -> dict[str, float]:
    """The median wall time per command, the commands interleaved run by run.

    ``before``: what to do, untimed, before each run of a command (emptying a cache).
    """
    times: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():  # warm the file cache once
        run_once(command)
    for _ in range(runs):
        for name, command in commands.items():
            if before and name in before:
                before[name]()
            times[name].append(run_once(command))
    return {name: statistics.median(t) for name, t in times.items()}


def verdict(value: float, limit: float, below: bool = False) -> str:
    met = value < limit if below else value <= limit
    return "met" if met else "**not met**"


def startup(runs: int, cities: dict[str, Path]) -> tuple[list[str], dict[str, float]]:
    commands = {
        "python -c pass": [PYTHON, "-c", "pass"],
        FLOOR: [PYTHON, "-c", "import typer, pydantic, ruamel.yaml"],
        TYPER_APP: [PYTHON, "-c", TYPER_APP_CODE, "check", str(EXAMPLE)],
        LOAD_ONLY: [PYTHON, "-c", LOAD_ONLY_CODE, str(EXAMPLE)],
        "livb --help": [LIVB, "--help"],
        "livb check examples/halle": [LIVB, "check", str(EXAMPLE)],
        "livb status examples/halle": [LIVB, "status", str(EXAMPLE)],
    }
    for name, city in cities.items():
        commands[f"livb check {name}"] = [LIVB, "check", str(city), *DATUM]
    first = next(iter(cities))
    commands[f"livb status {first}"] = [LIVB, "status", str(cities[first]), *DATUM]
    times = interleaved(commands, runs)
    floor = times[FLOOR]
    lines = [
        "## Start-up, check and status",
        "",
        f"Whole processes, median of {runs} interleaved runs, seconds.",
        "",
        "| command | median s | / floor |",
        "|---|---:|---:|",
    ]
    lines += [f"| {n} | {t:.3f} | {t / floor:.2f}× |" for n, t in times.items()]
    return lines, times


PHASES = """
import datetime as dt, json, sys, time
from pathlib import Path
t0 = time.perf_counter()
import typer, pydantic, ruamel.yaml
t1 = time.perf_counter()
import livb.cli.app, livb.model, livb.method.check
t2 = time.perf_counter()
from livb.folder.project import load_project
loaded = load_project(Path(sys.argv[1]))
t3 = time.perf_counter()
livb.method.check.check_loaded(loaded, today=dt.date.today())
t4 = time.perf_counter()
print(json.dumps({"floor imports": t1 - t0, "livb's imports (cli, models, rules)": t2 - t1,
                  "loading (YAML, pydantic's validators built, validation)": t3 - t2,
                  "the rules": t4 - t3}))
"""


def check_phases(folder: Path, runs: int) -> list[str]:
    """Where the time of `livb check` goes, in one process (the median of each phase)."""
    samples = []
    for _ in range(runs):
        done = subprocess.run(
            [PYTHON, "-c", PHASES, str(folder)], capture_output=True, text=True, check=True
        )
        samples.append(json.loads(done.stdout))
    lines = [
        "",
        f"Where `livb check examples/halle` spends its time (in one process, median of {runs}):",
        "",
        "| phase | s |",
        "|---|---:|",
    ]
    lines += [f"| {k} | {statistics.median(s[k] for s in samples):.3f} |" for k in samples[0]]
    return lines


def render_with_pdf(runs: int, work: Path) -> tuple[list[str], dict[str, float]]:
    """render alle, render alle --pdf, and one LibreOffice batch over the same documents."""
    halle = work / "halle"
    shutil.copytree(EXAMPLE, halle)
    plain, with_pdf = work / "docx", work / "pdf"
    render = [LIVB, "render", "alle", str(halle), "--force", "--uit", str(plain)]
    render_pdf = [LIVB, "render", "alle", str(halle), "--force", "--pdf", "--uit", str(with_pdf)]
    docx_times, pdf_times, batch_times = [], [], []
    for _ in range(runs):
        docx_times.append(run_once(render))
        pdf_times.append(run_once(render_pdf))
        batch_times.append(libreoffice_batch(sorted(plain.glob("*.docx")), work / "batch"))
    documents = len(list(plain.glob("*.docx")))
    pdfs = len(list(with_pdf.glob("*.pdf")))
    times = {
        "render": statistics.median(docx_times),
        "pdf": statistics.median(pdf_times),
        "batch": statistics.median(batch_times),
    }
    ratio = times["pdf"] / (times["render"] + times["batch"])
    lines = [
        "## render alle --pdf (examples/halle)",
        "",
        f"Whole processes, median of {runs} runs: {documents} documents, {pdfs} PDFs.",
        "",
        "| command | median s |",
        "|---|---:|",
        f"| livb render alle | {times['render']:.2f} |",
        f"| one LibreOffice batch over the same .docx (soffice --convert-to pdf) | {times['batch']:.2f} |",
        f"| livb render alle --pdf | {times['pdf']:.2f} |",
        "",
        f"`render alle --pdf` / (`render alle` + one batch) = {ratio:.2f} (aim ≤ 1.5: "
        f"{verdict(ratio, 1.5)}).",
    ]
    return lines, times | {"ratio": ratio}


def libreoffice_batch(documents: list[Path], work: Path) -> float:
    """One soffice run converting every document, with a fresh profile as livb starts it."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    soffice = shutil.which("soffice") or "soffice"
    return run_once([
        soffice, f"-env:UserInstallation={(work / 'profiel').as_uri()}", "--headless",
        "--norestore", "--nologo", "--nodefault", "--convert-to", "pdf", "--outdir",
        str(work / "uit"), *map(str, documents),
    ])  # fmt: skip


def render_alone(runs: int, work: Path, scales: tuple[float, ...]) -> tuple[list[str], dict]:
    """The plan of the synthetic city rendered by livb, docxtpl and the floor (render_runner)."""
    results: dict[tuple[str, float], dict[str, float]] = {}
    for scale in scales:
        city = synthetic.make_city(work / f"render-{scale}", scale)
        for _ in range(runs):
            for mode in ("livb", "docxtpl", "floor", "livb-gc"):
                sample = runner(mode, city, work / f"{mode}-{scale}.docx")
                best = results.get((mode, scale))
                if best is None or sample["render"] < best["render"]:
                    best = sample
                peak = max(sample["rss_mib"], best["rss_mib"])
                results[(mode, scale)] = best | {"rss_mib": peak}
    first = runner("livb", work / "render-1.0", work / "first.docx", cache=work / "leeg")
    charts = {}
    for scale in (0.25, 1.0):
        city = work / f"render-{scale}"
        if not city.exists():
            synthetic.make_city(city, scale)
        try:
            charts[scale] = runner("livb-grafieken", city, work / f"charts-{scale}.docx")
        except RuntimeError as error:
            charts[scale] = {"error": str(error)}

    lines = [
        "## Rendering alone",
        "",
        "The plan of the synthetic city (bench/synthetic.py; ×1 = the realistic large city: 5",
        "priorities, 20 strategic goals, 100 operational goals, 1,000 actions), the same content",
        "three ways: livb (Jinja → Markdown → WordprocessingML), docxtpl (a Word template with",
        "`{%tr %}` loops) and the floor (the same WordprocessingML, with table grid, widths and",
        "styles, written as strings and zipped; bench/render_runner.py). None draws the charts",
        "here (livb's plan draws them: below). `render` is from the loaded folder to the .docx on",
        "disk, start-up (interpreter, imports) and loading the folder are apart. Best of "
        f"{runs} runs per cell; memory is the peak of the whole process.",
        "",
        "| scale | mode | start s | load s | render s | peak MiB | render / docxtpl | render / floor |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for scale in scales:
        docxtpl, floor = results[("docxtpl", scale)], results[("floor", scale)]
        for mode in ("livb", "docxtpl", "floor", "livb-gc"):
            r = results[(mode, scale)]
            lines.append(
                f"| ×{scale:g} | {mode} | {r['start']:.2f} | {r['load']:.2f} | {r['render']:.2f} | "
                f"{r['rss_mib']:.0f} | {r['render'] / docxtpl['render']:.2f} | "
                f"{r['render'] / floor['render']:.2f} |"
            )
    small, large = min(scales), max(scales)
    growth = results[("livb", large)]["render"] / results[("livb", small)]["render"]
    content = large / small
    peak = results[("livb", large)]["rss_mib"]

    def ratio(scale: float, other: str) -> float:
        return results[("livb", scale)]["render"] / results[(other, scale)]["render"]

    lines += ["", "Aims:", ""]
    for scale in scales:
        lines += [
            f"- ×{scale:g}: livb / docxtpl = {ratio(scale, 'docxtpl'):.2f} (aim ≤ 0.5: "
            f"{verdict(ratio(scale, 'docxtpl'), 0.5)}); livb / floor = {ratio(scale, 'floor'):.2f} "
            f"(aim ≤ 3: {verdict(ratio(scale, 'floor'), 3)}).",
        ]
    lines += [
        f"- {content:g}× the content: {growth:.1f}× the render time (aim ≤ {content:g}×: "
        f"{verdict(growth, content)}).",
        f"- peak memory at ×{large:g}: {peak:.0f} MiB (aim < 300: "
        f"{verdict(peak, 300, below=True)}).",
        "- the cyclic GC: the loaded folder frozen out of its passes and each step paused "
        "(livb/core/nogc.py): "
        + "; ".join(
            f"×{scale:g}: {results[('livb-gc', scale)]['render']:.2f} s with the GC as usual, "
            f"{results[('livb', scale)]['render']:.2f} s as livb runs"
            for scale in scales
        )
        + ".",
        "",
        "livb compiles its templates once and keeps them (livb/documents/compiled.py); the rows",
        "above render with them kept, as every render after the first does. The first render",
        "after installing or updating livb compiles them: the plan at ×1 then takes "
        f"{first['render']:.2f} s to render ({first['render'] / results[('docxtpl', 1.0)]['render']:.2f}× docxtpl).",
        "",
        "The plan with its charts (a timeline per strategic goal, the links of the chain):",
        "",
    ]
    for scale, r in charts.items():
        if "error" in r:
            lines.append(f"- ×{scale:g}: fails: {r['error']}")
        else:
            lines.append(f"- ×{scale:g}: render {r['render']:.2f} s, peak {r['rss_mib']:.0f} MiB.")
    lines += [
        "",
        "A timeline shows up to 20 actions one by one (1.2 + 0.42 inch per row, 200 dpi); a",
        "strategic goal with more (50 at ×1) gets a bar per operational goal, so a chart stays",
        "smaller than half a page. The pictures travel beside the Markdown (a ```grafiek block",
        "names a chart by number), so a template's limit of 10 million characters counts text only;",
        "each distinct chart is drawn once per run.",
    ]
    return lines, {f"{m} ×{s:g}": r for (m, s), r in results.items()}


def runner(mode: str, city: Path, out: Path, cache: Path | None = None) -> dict[str, float]:
    """One render_runner process; ``cache``: livb's template cache folder for this one."""
    command = [PYTHON, str(HERE / "render_runner.py"), mode, str(city), str(out)]
    environment = os.environ | ({"XDG_CACHE_HOME": str(cache)} if cache else {})
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=environment)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1])
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    result["start"] = wall - result["load"] - result["render"]  # with the interpreter's start
    return result


PEAK_CODE = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
"""Runs one command as its only child: its peak memory (KiB), not that of other children."""


def peak_mib(command: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak memory (MiB) of one process."""
    start = time.perf_counter()
    done = subprocess.run([PYTHON, "-c", PEAK_CODE, *command], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    code, peak = done.stdout.split()
    if code != "0":
        raise RuntimeError(f"failed: {' '.join(command)}")
    return elapsed, int(peak) / 1024


def plan_whole_process(runs: int, work: Path) -> tuple[list[str], dict[str, float]]:
    """`livb render plan` with its charts, as a whole process, against docxtpl without charts.

    docxtpl's process (bench/render_runner.py) loads the folder with livb and builds the same
    plan's data; it makes no charts. livb's charts are native Word charts made from their
    data, so every run makes each one (there is nothing to keep between runs). Halle and the
    x1 city: the median of interleaved runs; the x10 city once, with its peak memory.
    """
    cities = {"examples/halle": EXAMPLE, "city ×1": work / "render-1.0"}
    if not cities["city ×1"].exists():
        synthetic.make_city(cities["city ×1"], 1.0)
    ratios: dict[str, float] = {}
    lines = [
        "## The plan with its charts, whole processes",
        "",
        "`livb render plan` (start-up, loading, every chart made, the .docx written) against",
        "docxtpl's whole process without charts (bench/render_runner.py: loading with livb, the",
        f"plan's data, the template rendered). Median of {runs} interleaved runs, seconds.",
        "",
        "| folder | charts | livb s | docxtpl s | livb / docxtpl |",
        "|---|---:|---:|---:|---:|",
    ]
    out = work / "plan-livb"
    for name, folder in cities.items():
        times = interleaved(
            {
                "livb": [LIVB, "render", "plan", str(folder), *DATUM, "--uit", str(out),
                         "--force"],
                "docxtpl": [PYTHON, str(HERE / "render_runner.py"), "docxtpl", str(folder),
                            str(work / "plan-docxtpl.docx")],
            },
            runs,
        )  # fmt: skip
        ratios[name] = times["livb"] / times["docxtpl"]
        lines.append(
            f"| {name} | {_charts_in(out / 'plan.docx')} | {times['livb']:.2f} "
            f"| {times['docxtpl']:.2f} | {ratios[name]:.2f}× |"
        )
    large = work / "render-10.0"
    if not large.exists():
        synthetic.make_city(large, 10.0)
    try:
        wall, peak = peak_mib(
            [LIVB, "render", "plan", str(large), *DATUM, "--uit", str(work / "plan-x10"),
             "--force"]
        )  # fmt: skip
    except RuntimeError as error:  # the rows above stay: they do not depend on this one
        large_line = f"- the ×10 city: **{error}**"
    else:
        ratios["x10 peak MiB"] = peak
        large_line = (
            f"- the ×10 city: `livb render plan` renders with its "
            f"{_charts_in(work / 'plan-x10' / 'plan.docx')} charts in {wall:.1f} s, "
            f"peak {peak:.0f} MiB (aim ≤ 300: {verdict(peak, 300)})."
        )
    lines += [
        "",
        f"- aim ≤ 1.5×: Halle {ratios['examples/halle']:.2f}× "
        f"({verdict(ratios['examples/halle'], 1.5)}), ×1 {ratios['city ×1']:.2f}× "
        f"({verdict(ratios['city ×1'], 1.5)}).",
        large_line,
    ]
    return lines, ratios


def _charts_in(document: Path) -> int:
    with zipfile.ZipFile(document) as package:
        return sum(n.startswith("word/charts/") for n in package.namelist())


def fuzz_section() -> list[str]:
    """The "Fuzz" section of the current RESULTS.md, as it is."""
    if not RESULTS.exists():
        return []
    text = RESULTS.read_text(encoding="utf-8")
    start = text.find("## Fuzz")
    if start < 0:
        return []
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else len(text)].rstrip().splitlines()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--render-runs", type=int, default=3)
    parser.add_argument("--pdf-runs", type=int, default=2)
    parser.add_argument("--plan-only", action="store_true", help="print the plan's section only")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="livb-bench-"))
    if args.plan_only:
        try:
            print("\n".join(plan_whole_process(args.render_runs, work)[0]))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return
    # As an installed livb runs: Python keeps compiled modules (.pyc) and livb its compiled
    # templates (in a cache of the benchmark's own; render_alone measures an empty one apart).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")
    began = dt.datetime.now(dt.UTC)
    try:
        city = synthetic.make_city(work / "city", 1.0)
        noisy = work / "city-findings"
        shutil.copytree(city, noisy)
        findings = 0
        for path in (noisy / "doelstellingen").glob("*.yaml"):
            text = path.read_text(encoding="utf-8")
            findings += text.count("trekker: actor-")
            path.write_text(text.replace("trekker: actor-", "trekker: onbekend-"), "utf-8")
        cities = {"city ×1": city, f"city ×1 with {findings} findings": noisy}
        start_lines, start = startup(args.runs, cities)
        start_lines += check_phases(EXAMPLE, args.runs)
        pdf_lines, pdf = render_with_pdf(args.pdf_runs, work)
        render_lines, rendered = render_alone(args.render_runs, work, (1.0, 10.0))
        plan_lines, _ = plan_whole_process(args.render_runs, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    floor = start[FLOOR]
    aims = [
        ("`livb check examples/halle` ≤ 1.5× the import floor",
         start["livb check examples/halle"] / floor, 1.5, "×"),
        ("`livb status examples/halle` ≤ 1.5× the import floor",
         start["livb status examples/halle"] / floor, 1.5, "×"),
        ("`livb --help` ≤ 1.2× the import floor", start["livb --help"] / floor, 1.2, "×"),
        ("`livb check` of the large city (×1) < 0.8 s", start["livb check city ×1"], 0.8, " s"),
        ("`render alle --pdf` ≤ 1.5× (`render alle` + one LibreOffice batch)",
         pdf["ratio"], 1.5, "×"),
    ]  # fmt: skip
    for scale in ("×1", "×10"):
        livb = rendered[f"livb {scale}"]["render"]
        aims += [
            (f"rendering the plan alone, {scale}: ≤ 0.5× docxtpl",
             livb / rendered[f"docxtpl {scale}"]["render"], 0.5, "×"),
            (f"rendering the plan alone, {scale}: ≤ 3× the floor",
             livb / rendered[f"floor {scale}"]["render"], 3, "×"),
        ]  # fmt: skip
    summary = [
        "## Aims of issue 11 at a glance",
        "",
        "| aim | measured | |",
        "|---|---:|---|",
    ]
    for text, value, limit, unit in aims:
        summary.append(f"| {text} | {value:.2f}{unit} | {verdict(value, limit, unit == ' s')} |")
    summary += [
        "",
        f"For scale: {TYPER_APP} takes {start[TYPER_APP] / floor:.2f}× the floor, about the",
        "whole budget of `check`: typer converts every parameter with a pydantic TypeAdapter, so",
        "running any typer command loads pydantic's model machinery, which the floor (`import",
        f"pydantic` is lazy) does not. And {LOAD_ONLY} takes {start[LOAD_ONLY] / floor:.2f}× the",
        "floor: pydantic builds the validators of the models the folder uses and validates it, in",
        "every process. Checking Halle within 1.5× the floor would need neither typer's runtime",
        "nor a per-process pydantic validation, both of which the design card prescribes.",
        "Growth and memory of rendering: see its section.",
    ]
    head = [
        "# Benchmarks",
        "",
        f"`python bench/run.py` on {began:%Y-%m-%d %H:%M} UTC, {platform.node()}: Linux "
        f"{platform.release()}, {os.cpu_count()} cores, Python {platform.python_version()}. The",
        "machine was shared with other work while it ran: absolute times are an upper bound; the",
        "ratios compare processes run side by side in the same run.",
        "",
    ]
    body = [*head, *summary, "", *start_lines, "", *pdf_lines, "", *render_lines, ""]
    body += [*plan_lines, ""]
    fuzz = fuzz_section()
    text = "\n".join(body + ([*fuzz, ""] if fuzz else []))
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
