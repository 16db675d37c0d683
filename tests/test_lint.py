"""The template's own code (hooks, tests, tasks.py) is held to the same lint as its output."""

import subprocess
import sys

from conftest import ROOT


def test_ruff_check_and_format_are_clean():
    for command in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *command],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
