"""Benchmark: livb --help, check and status on examples/halle and on a synthetic large city.

Every command runs as a separate process, interleaved with its floor in the same run, so the
ratios hold even on a busy machine. Writes bench/RESULTS-cli.md.

    python bench/bench_cli.py [--runs 10]
"""

from __future__ import annotations

import argparse
import datetime as dt
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


def run_once(command: list[str]) -> float:
    """Wall time (s) of one process."""
    start = time.perf_counter()
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """min and median per command, the commands interleaved run by run."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():  # warm the file cache once
        run_once(command)
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(run_once(command))
    return {n: (min(t), statistics.median(t)) for n, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    python = sys.executable
    livb = shutil.which("livb") or f"{Path(python).parent}/livb"
    work = Path(tempfile.mkdtemp(prefix="livb-bench-"))
    cities = {
        scale: synthetic.make_city(work / f"city-{scale}", scale) for scale in (0.1, 0.5, 1.0)
    }
    sizes = {s: sum(p.stat().st_size for p in c.rglob("*.yaml")) / 1e6 for s, c in cities.items()}

    commands = {
        "python -c pass": [python, "-c", "pass"],
        "floor: import typer, pydantic, ruamel.yaml": [
            python, "-c", "import typer, pydantic, ruamel.yaml"],
        "floor + from pydantic import BaseModel": [
            python, "-c", "import typer, ruamel.yaml; from pydantic import BaseModel"],
        "livb --help": [livb, "--help"],
        "livb check examples/halle": [livb, "check", str(EXAMPLE)],
        "livb status examples/halle": [livb, "status", str(EXAMPLE)],
    }  # fmt: skip
    for scale, city in cities.items():
        commands[f"livb check city ×{scale} ({sizes[scale]:.2f} MB)"] = [livb, "check", str(city)]
    commands[f"livb status city ×1.0 ({sizes[1.0]:.2f} MB)"] = [livb, "status", str(cities[1.0])]
    results = measure(commands, args.runs)
    floor = results["floor: import typer, pydantic, ruamel.yaml"][1]

    lines = [
        "# livb command-line benchmark",
        "",
        f"Run {dt.datetime.now():%Y-%m-%d %H:%M} on {platform.node()} "
        f"({os.cpu_count()} cores, Python {platform.python_version()}), {args.runs} runs each, "
        "interleaved; wall time of the whole process in seconds.",
        "",
        "| command | min | median | median / floor |",
        "|---|---:|---:|---:|",
    ]
    for name, (low, middle) in results.items():
        lines.append(f"| {name} | {low:.3f} | {middle:.3f} | {middle / floor:.2f}× |")
    lines += [
        "",
        "The synthetic city (bench/synthetic.py) at ×1.0: 300 actors, 200 meetings, 50 interviews,",
        "5 priorities, 50 strategic goals, 500 operational goals, 5,000 actions.",
    ]
    (HERE / "RESULTS-cli.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
