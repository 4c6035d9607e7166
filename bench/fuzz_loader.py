"""A long fuzz run of the loader: mutated copies of examples/halle and generated folders.

Every folder must give findings or a project, never an exception, and every finding must point
inside its file (see tests/fuzzing.py). Writes its figures to the section "Fuzz" of
bench/RESULTS.md; a crash is written to bench/fuzz-crashes/ to reproduce.

    python bench/fuzz_loader.py --examples 3000
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from fuzzing import EXAMPLE, check_property, generated_file, mutation, reset, write_file  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from helpers import MINIMAL, write_tree  # noqa: E402

RESULTS = HERE / "RESULTS.md"
CRASHES = HERE / "fuzz-crashes"


class Tally:
    def __init__(self) -> None:
        self.examples = 0
        self.codes: Counter[str] = Counter()
        self.crashes: list[str] = []


def run(
    name: str, strategy: st.SearchStrategy, base: Path, work: Path, examples: int, tally: Tally
) -> float:
    root = work / f"fuzz-{name}"

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(files=strategy)
    def one(files: list[tuple[str, str | bytes]]) -> None:
        reset(root, base)
        for path, content in files:
            write_file(root, path, content)
        tally.examples += 1
        try:
            outcome = check_property(root)
        except BaseException as error:
            CRASHES.mkdir(exist_ok=True)
            report = CRASHES / f"{name}-{len(tally.crashes) + 1}.txt"
            report.write_text(
                f"{files!r}\n\n{''.join(traceback.format_exception(error))}", encoding="utf-8"
            )
            tally.crashes.append(f"{type(error).__name__}: {error} ({report.name})")
            return
        tally.codes.update(d.code for d in outcome.diagnostics)

    start = time.perf_counter()
    one()
    return time.perf_counter() - start


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def write_section(text: str) -> None:
    """Replace the section '## Fuzz' of RESULTS.md, keeping the other sections."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmarks\n"
    head, marker, rest = old.partition("\n## Fuzz\n")
    tail = ""
    if marker:
        _, next_section, after = rest.partition("\n## ")
        tail = f"\n## {after}" if next_section else ""
    RESULTS.write_text(head.rstrip("\n") + "\n\n" + text + tail, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=3000, help="examples per strategy")
    args = parser.parse_args()
    tally = Tally()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        minimal = write_tree(work / "minimal", MINIMAL)
        times = {
            "mutated examples/halle": run(
                "halle",
                mutation().map(lambda change: [change]),
                EXAMPLE,
                work,
                args.examples,
                tally,
            ),
            "generated files in a minimal folder": run(
                "generated",
                st.lists(generated_file(), min_size=1, max_size=4),
                minimal,
                work,
                args.examples,
                tally,
            ),
        }
    total = sum(times.values())
    rows = "\n".join(f"| {code} | {count} |" for code, count in sorted(tally.codes.items()))
    crashes = "".join(f"- {crash}\n" for crash in tally.crashes)
    section = f"""## Fuzz

`python bench/fuzz_loader.py --examples {args.examples}` on {dt.date.today().isoformat()}, {machine()}.
Each example is a folder checked with `run_checks` (loader, schemas and rules); the property:
findings or a project, never an exception, every finding at a line and column inside its file.
The machine was shared with other work, so the times are an upper bound.

| strategy | examples | time |
|---|---|---|
{chr(10).join(f"| {name} | {args.examples} | {seconds:.0f} s |" for name, seconds in times.items())}

Examples run: {tally.examples} in {total:.0f} s ({tally.examples / total:.1f} per second).
Crashes found: {len(tally.crashes)}.
{crashes}
Findings per code over all examples:

| code | findings |
|---|---|
{rows}
"""
    write_section(section)
    print(section)
    sys.exit(1 if tally.crashes else 0)


if __name__ == "__main__":
    main()
