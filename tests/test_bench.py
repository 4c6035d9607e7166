"""The benchmark of issue 11 in small: ratios with generous margins, never wall-clock limits.

bench/run.py measures every aim at full size and writes bench/RESULTS.md; these tests run the
same measurements at small sizes in the normal test run, so that a change that makes livb
several times slower shows up in review. Each ratio compares processes run side by side (the
commands interleaved, the median or best of a few runs), so a busy machine slows both sides.
Deselect with ``-m 'not bench'``.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from helpers import EXAMPLE

pytestmark = [pytest.mark.bench, pytest.mark.long]

BENCH = Path(__file__).resolve().parent.parent / "bench"
LIVB = shutil.which("livb", path=str(Path(sys.executable).parent)) or "livb"


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    assert done.returncode in (0, 1), done.stderr.decode()[-2000:]
    return time.perf_counter() - start


def medians(commands: dict[str, list[str]], runs: int = 5) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():  # warm the file cache
        wall(command)
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(wall(command))
    return {name: statistics.median(t) for name, t in times.items()}


def city(folder: Path, scale: float) -> Path:
    subprocess.run(
        [sys.executable, str(BENCH / "synthetic.py"), str(folder), str(scale)],
        capture_output=True,
        check=True,
    )
    return folder


def render(mode: str, folder: Path, out: Path, runs: int = 2) -> dict[str, float]:
    """The best of a few runs of bench/render_runner.py: its phases and peak memory."""
    samples = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, str(BENCH / "render_runner.py"), mode, str(folder), str(out)],
            capture_output=True,
            text=True,
            check=True,
        )
        samples.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return min(samples, key=lambda sample: sample["render"])


def test_help_check_and_status_of_halle_stay_near_the_import_floor():
    times = medians(
        {
            "floor": [sys.executable, "-c", "import typer, pydantic, ruamel.yaml"],
            "help": [LIVB, "--help"],
            "check": [LIVB, "check", str(EXAMPLE)],
            "status": [LIVB, "status", str(EXAMPLE)],
        }
    )
    floor = times["floor"]
    assert times["help"] <= 2 * floor, times  # aim 1.2×
    assert times["check"] <= 5 * floor, times  # aim 1.5×, measured ~3×: see bench/RESULTS.md
    assert times["status"] <= 5 * floor, times


def test_many_findings_cost_little_more_than_a_clean_check(tmp_path):
    clean = city(tmp_path / "schoon", 0.5)
    noisy = tmp_path / "fouten"
    shutil.copytree(clean, noisy)
    findings = 0
    for path in (noisy / "doelstellingen").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        findings += text.count("trekker: actor-")
        path.write_text(text.replace("trekker: actor-", "trekker: onbekend-"), encoding="utf-8")
    assert findings >= 400
    datum = ["--datum", "2026-11-21"]
    times = medians(
        {
            "clean": [LIVB, "check", str(clean), *datum],
            "noisy": [LIVB, "check", str(noisy), *datum],
        },
        runs=3,
    )
    assert times["noisy"] <= 4 * times["clean"], times  # measured ~1.8× at 1,000 findings


def test_rendering_grows_no_faster_than_the_content(tmp_path):
    """4× the actions (250 → 1,000): at most 8× the render time (measured ~2.5×)."""
    small = render("livb", city(tmp_path / "klein", 0.25), tmp_path / "klein.docx")
    large = render("livb", city(tmp_path / "groot", 1.0), tmp_path / "groot.docx")
    assert large["render"] <= 8 * small["render"], (small, large)
    assert large["rss_mib"] <= 4 * small["rss_mib"], (small, large)


def test_livb_renders_a_plan_about_as_fast_as_docxtpl(tmp_path):
    pytest.importorskip("docxtpl")
    folder = city(tmp_path / "stad", 1.0)
    livb = render("livb", folder, tmp_path / "livb.docx")
    docxtpl = render("docxtpl", folder, tmp_path / "docxtpl.docx")
    floor = render("floor", folder, tmp_path / "floor.docx")
    assert livb["render"] <= 2 * docxtpl["render"], (livb, docxtpl)  # measured ~0.8× at ×1
    assert livb["render"] <= 10 * floor["render"], (livb, floor)  # measured ~3.6× at ×1


def test_a_ten_times_larger_city_renders_its_plan_with_every_chart(tmp_path):
    """x10: 200 strategic goals, 10,000 actions, 201 charts, against x1 (21 charts)."""
    small = render("livb-grafieken", city(tmp_path / "x1", 1.0), tmp_path / "uit1" / "p", runs=1)
    large = render("livb-grafieken", city(tmp_path / "x10", 10.0), tmp_path / "uit" / "p", runs=1)
    assert large["render"] <= 20 * small["render"], (small, large)  # 10x: measured ~10x
    assert large["rss_mib"] <= 4 * small["rss_mib"], (small, large)  # measured ~2.8x
    with zipfile.ZipFile(tmp_path / "uit" / "plan.docx") as package:  # livb writes plan.docx
        charts = [n for n in package.namelist() if n.startswith("word/charts/")]
    assert len(charts) == 201


def test_the_plan_with_its_charts_as_a_whole_process_stays_near_docxtpl(tmp_path):
    """`livb render plan` of Halle, charts made, against docxtpl's process without charts."""
    pytest.importorskip("docxtpl")
    out = tmp_path / "uit"
    times = medians(
        {
            "livb": [LIVB, "render", "plan", str(EXAMPLE), "--uit", str(out), "--force"],
            "docxtpl": [sys.executable, str(BENCH / "render_runner.py"), "docxtpl",
                        str(EXAMPLE), str(tmp_path / "docxtpl.docx")],
        },
        runs=3,
    )  # fmt: skip
    assert times["livb"] <= 3 * times["docxtpl"], times  # aim 1.5×: see bench/RESULTS.md
