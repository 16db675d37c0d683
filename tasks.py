#!/usr/bin/env python3
"""The template's two jobs, on a machine that has nothing but python3 (3.11+).

    python3 tasks.py serve   # bake a project with the default answers, migrate, run it
    python3 tasks.py test    # every test: hooks, each baked variant and its own suite

Both first make `.venv/` beside this file and install requirements.txt into it (again
only when that file changes).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
VENV_PYTHON = VENV / "bin" / "python"
REQUIREMENTS = ROOT / "requirements.txt"


def ensure_venv() -> None:
    """Create the virtualenv and install the requirements, unless already up to date."""
    stamp = VENV / "requirements.sha256"
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted and VENV_PYTHON.exists():
        return
    print(f"Installing {REQUIREMENTS.name} into {VENV} ...", flush=True)
    venv.create(VENV, with_pip=True, clear=True)
    pip = [str(VENV_PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-r", str(REQUIREMENTS)], check=True)
    stamp.write_text(wanted)


def serve(args: argparse.Namespace) -> int:
    """Bake the default project into build/serve/ and serve it on its SQLite database."""
    ensure_venv()
    output = Path(args.output).resolve()
    shutil.rmtree(output, ignore_errors=True)  # a fresh bake each time
    cookiecutter = [str(VENV_PYTHON), "-m", "cookiecutter", "--no-input", str(ROOT)]
    subprocess.run([*cookiecutter, "--output-dir", str(output)], check=True)
    [project] = [path for path in output.iterdir() if path.is_dir()]
    manage = [str(VENV_PYTHON), "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input"], cwd=project, check=True)
    # localhost, not 127.0.0.1: browsers refuse passkeys on IP addresses. DEV_ORIGIN tells
    # the project where it is served (passkey origins, the demo page's links), port included.
    origin = f"http://localhost:{args.port}"
    print(f"\nServing {project} on {origin}/ (Ctrl+C stops)\n")
    server = [*manage, "runserver", "--noreload", f"localhost:{args.port}"]
    env = {**os.environ, "DEV_ORIGIN": origin}
    return subprocess.run(server, cwd=project, env=env).returncode


def test(args: argparse.Namespace) -> int:
    """Run the template's test suite (tests/); extra arguments go to pytest."""
    ensure_venv()
    # One worker per core: most of the time goes to the baked projects' own suites.
    # A later `-n` in the arguments wins (`-n 0` runs everything in this process).
    command = [str(VENV_PYTHON), "-m", "pytest", "tests", "-n", "auto", *args.pytest_args]
    return subprocess.run(command, cwd=ROOT).returncode


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve_parser = commands.add_parser("serve", help=serve.__doc__)
    serve_parser.add_argument("--port", type=int, default=8000)
    serve_parser.add_argument(
        "--output", default=str(ROOT / "build" / "serve"), help="where to bake (emptied first)"
    )
    serve_parser.set_defaults(run=serve)
    test_parser = commands.add_parser("test", help=test.__doc__)
    test_parser.add_argument("pytest_args", nargs=argparse.REMAINDER, help="passed to pytest")
    test_parser.set_defaults(run=test)
    # Everything after `test` goes to pytest untouched: `python3 tasks.py test -x -n 2`.
    argv = sys.argv[1:]
    if argv[:1] == ["test"]:
        args = parser.parse_args(argv[:1])
        args.pytest_args = argv[1:]
    else:
        args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
