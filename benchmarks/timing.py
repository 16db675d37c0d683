#!/usr/bin/env python3
"""How long baking one variant takes, and how long its own test suite runs.

    python3 benchmarks/timing.py            # the default (token) and the JWT variant
    python3 benchmarks/timing.py --bakes 10 # more bakes per variant for a steadier figure

Each bake is `cookiecutter --no-input` run as a user runs it (a new process: Python's
start-up, the prompts' rendering, both hooks), timed from outside; the target is under 2 s.
Then each variant's suite runs once, as its README says (`pytest`, in the baked project,
SQLite, one process), and its wall time and test count are printed. Timings, not tests:
nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = {
    "default (token)": [],
    "jwt": ["auth_mode=jwt"],
}


def ensure_venv_python() -> None:
    """Re-run this script with the template's virtualenv (tasks.py makes it)."""
    sys.path.insert(0, str(ROOT))
    import tasks

    tasks.ensure_venv()
    if Path(sys.prefix).resolve() != tasks.VENV.resolve():
        os.execv(str(tasks.VENV_PYTHON), [str(tasks.VENV_PYTHON), __file__, *sys.argv[1:]])


def bake(output: Path, answers: list[str]) -> tuple[float, Path]:
    """Bake once with the cookiecutter command; (seconds, the project's directory)."""
    command = [str(Path(sys.executable).with_name("cookiecutter")), "--no-input", str(ROOT)]
    started = time.monotonic()
    subprocess.run(
        [*command, "--output-dir", str(output), *answers], check=True, capture_output=True
    )
    seconds = time.monotonic() - started
    [project] = [path for path in output.iterdir() if path.is_dir()]
    return seconds, project


def run_suite(project: Path) -> tuple[float, str]:
    """Run the project's own suite; (seconds, pytest's closing line)."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.monotonic() - started
    lines = [line for line in result.stdout.splitlines() if re.search(r"\d+ passed", line)]
    summary = lines[-1].strip("= ") if lines else f"exit {result.returncode}"
    if result.returncode != 0:
        raise SystemExit(f"the suite of {project} failed:\n{result.stdout[-3000:]}")
    return seconds, summary


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--bakes", type=int, default=5, help="bakes per variant (default 5)")
    args = parser.parse_args()
    ensure_venv_python()
    print(f"{'variant':16} {'bake median':>11} {'bake max':>8} {'suite':>7}  tests")
    with tempfile.TemporaryDirectory(prefix="rest-auth-timing-") as temporary:
        for index, (name, answers) in enumerate(VARIANTS.items()):
            times = []
            for attempt in range(args.bakes):
                seconds, project = bake(Path(temporary) / f"{index}-{attempt}", answers)
                times.append(seconds)
            suite_seconds, summary = run_suite(project)
            print(
                f"{name:16} {statistics.median(times):10.2f}s {max(times):7.2f}s "
                f"{suite_seconds:6.1f}s  {summary}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
