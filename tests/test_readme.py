"""The README's two commands: they are what CI runs, and the first one really serves."""

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

from conftest import ROOT

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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_bakes_migrates_and_answers(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tasks.py"),
            "serve",
            "--port",
            str(port),
            "--output",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/api/auth/login/"
        body = json.dumps({"username": "nobody", "password": "wrong"}).encode()
        request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.stdout.read()
            try:
                urllib.request.urlopen(request, timeout=5)
            except urllib.error.HTTPError as error:
                status, answer = error.code, json.loads(error.read())
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start in time"
                time.sleep(0.5)
        assert status == 400
        assert answer == {"non_field_errors": ["Unable to log in with provided credentials."]}
        assert (tmp_path / "my_api" / "db.sqlite3").exists()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
