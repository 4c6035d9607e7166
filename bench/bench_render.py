"""Benchmark: livb render on examples/halle, and the plan of a large synthetic city at growing
sizes beside docxtpl and the lxml/string floor, all in the same run. Writes RESULTS-render.md.

    pip install ".[bench]" && python bench/bench_render.py [--runs 3]
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
from pathlib import Path

import synthetic

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "halle"
SCALES = (0.1, 0.25, 0.5, 1.0)


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time of the process and the peak memory it reports."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    rss = (
        json.loads(done.stdout.strip().splitlines()[-1])["rss_mib"] if done.stdout.strip() else 0.0
    )
    return elapsed, rss


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    python = sys.executable
    runner = str(HERE / "render_runner.py")
    livb = shutil.which("livb") or f"{Path(python).parent}/livb"
    work = Path(tempfile.mkdtemp(prefix="livb-render-bench-"))
    halle = work / "halle"
    shutil.copytree(EXAMPLE, halle)

    halle_times = []
    for _ in range(args.runs):
        shutil.rmtree(halle / "output", ignore_errors=True)
        start = time.perf_counter()
        subprocess.run([livb, "render", "alle", str(halle)], capture_output=True, check=True)
        halle_times.append(time.perf_counter() - start)
    documents = len(list((halle / "output").glob("*.docx")))

    rows = []
    for scale in SCALES:
        city = synthetic.make_city(work / f"city-{scale}", scale)
        results = {}
        for mode in ("livb", "docxtpl", "floor"):
            samples = [timed([python, runner, mode, str(city), str(work / f"{mode}-{scale}.docx")])
                       for _ in range(args.runs)]  # fmt: skip
            results[mode] = (statistics.median(s[0] for s in samples), max(s[1] for s in samples))
        actions = 5000 * scale
        rows.append((scale, int(actions), results))

    lines = [
        "# livb render benchmark",
        "",
        f"Run {dt.datetime.now():%Y-%m-%d %H:%M} on {platform.node()} ({os.cpu_count()} cores, "
        f"Python {platform.python_version()}); median of {args.runs} runs; whole processes "
        "(interpreter, imports, loading the folder, rendering, writing).",
        "",
        f"`livb render alle examples/halle` ({documents} documents, with their charts): "
        f"median {statistics.median(halle_times):.2f} s.",
        "",
        "The plan of a synthetic city (bench/synthetic.py; ×1.0 = 5 priorities, 50 strategic goals,",
        "500 operational goals, 5,000 actions), the same content three ways:",
        "livb (Jinja → Markdown → python-docx), docxtpl (a Word template with `{%tr %}` loops) and",
        "the floor (the same WordprocessingML written as strings and zipped, no template engine).",
        "",
        "| scale | actions | livb s | livb MiB | docxtpl s | docxtpl MiB | floor s | floor MiB | livb / docxtpl | livb / floor |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for scale, actions, r in rows:
        lines.append(
            f"| {scale} | {actions} | {r['livb'][0]:.2f} | {r['livb'][1]:.0f} | {r['docxtpl'][0]:.2f} | "
            f"{r['docxtpl'][1]:.0f} | {r['floor'][0]:.2f} | {r['floor'][1]:.0f} | "
            f"{r['livb'][0] / r['docxtpl'][0]:.2f} | {r['livb'][0] / r['floor'][0]:.2f} |"
        )
    small, large = rows[0][2], rows[-1][2]
    lines += [
        "",
        f"Growth from ×0.1 to ×1.0 (10× the content): livb {large['livb'][0] / small['livb'][0]:.1f}× "
        f"the time, docxtpl {large['docxtpl'][0] / small['docxtpl'][0]:.1f}×, "
        f"floor {large['floor'][0] / small['floor'][0]:.1f}×; livb's memory "
        f"{large['livb'][1] / small['livb'][1]:.1f}×.",
    ]
    (HERE / "RESULTS-render.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
