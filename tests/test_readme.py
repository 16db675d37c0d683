"""The READMEs' commands, run as printed: the template's two (what CI runs, and the first one
really serves), and each baked project's quick start and "Try it" against the served project."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from conftest import DEFAULT_ANSWERS, POSTGRES, ROOT, RUN_ID, require_service
from cookiecutter.main import cookiecutter

README = (ROOT / "README.md").read_text()


def first_section_commands() -> list[str]:
    first_section = README.split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", first_section, re.S).group(1)
    return [line.split("#")[0].strip() for line in block.strip().splitlines()]


def test_first_section_has_exactly_two_commands():
    assert first_section_commands() == ["python3 tasks.py serve", "python3 tasks.py test"]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "exec python3 tasks.py test" in ci


# The ports these tests serve on: the first free one is taken. Each xdist worker has its
# own ten, so two workers never race for the same free port between check and bind.
WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
PORTS = range(8140 + 10 * WORKER, 8150 + 10 * WORKER)


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS}")


def answer_status(url: str, body: bytes | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@contextmanager
def served(command: list[str], cwd: Path, url: str, env: dict[str, str] | None = None):
    """Run ``command`` (a server) until the block ends; enter once ``url`` answers."""
    server = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.stdout.read()
            try:
                answer_status(url)
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start in time"
                time.sleep(0.5)
        yield server
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_serve_bakes_migrates_and_answers(tmp_path):
    port = free_port()
    command = [sys.executable, str(ROOT / "tasks.py"), "serve", "--port", str(port)]
    url = f"http://localhost:{port}/api/auth/login/"
    with served([*command, "--output", str(tmp_path)], ROOT, url):
        body = json.dumps({"username": "nobody", "password": "wrong"}).encode()
        status, answer = answer_status(url, body)
    assert status == 400
    assert json.loads(answer) == {
        "non_field_errors": ["Unable to log in with provided credentials."]
    }
    assert (tmp_path / "my_api" / "db.sqlite3").exists()


# --- The baked project's README, run as printed ------------------------------------------

PRESETS = sorted((ROOT / "presets").glob("*.yaml"))
# The quick start's first steps make the project's own virtualenv: the template's stands in
# for it (linked as .venv), which holds every variant's dependencies.
VIRTUALENV_STEPS = ("python3 -m venv .venv", ".venv/bin/pip install ")


def sh_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", text, re.S)


def commands_and_outputs(block: str) -> list[tuple[str, str | None]]:
    """Split a shell block into commands, each with the output its README shows, if any.

    A comment right below a command is what it prints; a comment after a blank line, or
    above a command, is prose.
    """
    steps: list[tuple[str, str | None]] = []
    attached = False
    lines = iter(block.splitlines())
    for line in lines:
        if not line.strip():
            attached = False
        elif line.startswith("#"):
            if attached:
                command, output = steps[-1]
                shown = line[1:].strip()
                steps[-1] = (command, shown if output is None else f"{output}\n{shown}")
        else:
            command = line
            while command.endswith("\\"):
                command += "\n" + next(lines)
            steps.append((command, None))
            attached = True
    return steps


def same_output(shown: str, printed: str) -> bool:
    """Compare what the README shows with what was printed; a shown JSON string that ends
    in ``...`` stands for any string that starts like it."""
    try:
        return matches(json.loads(shown), json.loads(printed))
    except ValueError:
        return shown == printed.strip()


def matches(shown: object, printed: object) -> bool:
    if isinstance(shown, str) and shown.endswith("...") and isinstance(printed, str):
        return printed.startswith(shown[:-3])
    if isinstance(shown, dict) and isinstance(printed, dict):
        return shown.keys() == printed.keys() and all(
            matches(shown[key], printed[key]) for key in shown
        )
    return shown == printed


# Each preset, the default bake, and session mode (whose login answers without a body).
JOURNEYS = {
    "default": {},
    **{preset.stem: {"config_file": str(preset)} for preset in PRESETS},
    "session": {"extra_context": {"auth_mode": "session"}},
}


def journey_answers(journey: dict) -> dict[str, object]:
    chosen = journey.get("extra_context", {})
    if "config_file" in journey:
        chosen = yaml.safe_load(Path(journey["config_file"]).read_text())["default_context"]
    return {**DEFAULT_ANSWERS, **chosen}


@contextmanager
def fresh_database(answers: dict[str, object], name: str) -> Iterator[dict[str, str]]:
    """The environment variables that give the project a database of its own."""
    if answers["database"] != "postgresql":
        yield {}
        return
    require_service(POSTGRES, "PostgreSQL")
    import psycopg

    server = f"postgresql://postgres@{POSTGRES[0]}:{POSTGRES[1]}"
    database = f"readme_{RUN_ID}_{name}".replace("-", "_")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{database}"')
    try:
        yield {"DATABASE_URL": f"{server}/{database}"}
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE "{database}" WITH (FORCE)')


@pytest.mark.parametrize("name", JOURNEYS)
def test_readme_quick_start_and_try_it_run_as_printed(name, tmp_path):
    journey = JOURNEYS[name]
    answers = journey_answers(journey)
    project = Path(cookiecutter(str(ROOT), no_input=True, output_dir=str(tmp_path), **journey))
    (project / ".venv").symlink_to((ROOT / ".venv").resolve(), target_is_directory=True)
    readme = (project / "README.md").read_text()
    port = free_port()
    # Served elsewhere than the README's port 8000, as its quick start says to.
    elsewhere = {"localhost:8000": f"localhost:{port}"}

    def as_served(command: str) -> str:
        for printed, used in elsewhere.items():
            command = command.replace(printed, used)
        return command

    [quick_start] = sh_blocks(readme)[0].strip().splitlines()[:1]
    steps = [step for step in quick_start.split(" && ") if not step.startswith(VIRTUALENV_STEPS)]
    *setup, server = steps
    assert server.startswith(".venv/bin/python manage.py runserver localhost:8000"), server
    try_it = sh_blocks(readme.split("\nTry it", 1)[1])[0]

    with fresh_database(answers, name) as database:
        env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
        env.update(database, DEV_ORIGIN=f"http://localhost:{port}")
        for step in setup:
            result = subprocess.run(
                ["bash", "-c", step], cwd=project, env=env, capture_output=True, text=True
            )
            assert result.returncode == 0, (step, result.stdout, result.stderr)
        url = f"http://localhost:{port}/api/auth/user/"
        with served(["bash", "-c", f"exec {as_served(server)} --noreload"], project, url, env):
            steps = commands_and_outputs(try_it)
            script = ["set -euo pipefail"]
            for number, (command, _) in enumerate(steps):
                script += [as_served(command), f"printf '\\n@@{number}@@\\n'"]
            result = subprocess.run(
                ["bash", "-c", "\n".join(script)],
                cwd=project,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            )
    printed = re.split(r"\n@@\d+@@\n", result.stdout)
    done = len(printed) - 1
    assert result.returncode == 0, (steps[done][0], printed[-1], result.stderr)
    assert done == len(steps)
    for (command, shown), output in zip(steps, printed, strict=False):
        if shown is not None:
            assert same_output(shown, output), (command, shown, output)
