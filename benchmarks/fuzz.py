#!/usr/bin/env python3
"""Fuzz every endpoint of each auth mode with schemathesis: no answer may be a 5xx.

    python3 benchmarks/fuzz.py          # about a minute and a half; --max-examples N

Bakes the token, JWT and session variants (API docs on, everything else default), serves
each with gunicorn (2 workers on 127.0.0.1, production settings, SQLite) and runs
schemathesis against its own OpenAPI schema (/api/schema/): examples, coverage (edge
values and schema violations), fuzzing and stateful phases, at most --max-examples test
cases per operation and phase, with a fixed seed. Requests carry the credential of a
logged-in user (token header, JWT Bearer header, or session cookie + CSRF header), so the
endpoints behind authentication are fuzzed too; logout runs last, on its own. Counts come
from gunicorn's access log: every request schemathesis sent, and how many were answered
5xx. Prints a table and writes benchmarks/fuzz.json. ``tests/test_fuzz.py`` runs it with
assertions; variants without API docs are fuzzed by their own suite
(rest_auth/tests/test_fuzz.py, hypothesis on the serializers).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path

import serving  # beside this file

ROOT = serving.ROOT
RESULTS = Path(__file__).resolve().parent / "fuzz.json"
MODES = ("token", "jwt", "session")
MAX_EXAMPLES = 6
SEED = 20261128
USERNAME, PASSWORD = "fuzzer", "fuzzing-passphrase-2026"
LOGOUT = "/api/auth/logout/"
RUN_SECONDS = 300  # one schemathesis run that is not over by then fails


def answers(mode: str) -> dict[str, object]:
    return {"auth_mode": mode, "api_docs": True}


def credential_headers(port: int, mode: str) -> dict[str, str]:
    """Log the fuzzing user in; the headers that carry its credential."""
    body = {"username": USERNAME, "password": PASSWORD}
    status, headers, content = serving.exchange(port, "POST", "/api/auth/login/", body)
    if status not in (200, 204):
        raise RuntimeError(f"login failed: {status} {content[:300]!r}")
    if mode == "token":
        return {"Authorization": f"Token {json.loads(content)['key']}"}
    if mode == "jwt":
        return {"Authorization": f"Bearer {json.loads(content)['access']}"}
    cookies = SimpleCookie()
    for header in headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    jar = "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items())
    return {"Cookie": jar, "X-CSRFToken": cookies["csrftoken"].value}


def schemathesis(
    port: int, headers: dict[str, str], workdir: Path, max_examples: int, seed: int, *filters: str
) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "run",
        f"http://{serving.HOST}:{port}/api/schema/",
        "--checks",
        "not_a_server_error",
        "--max-examples",
        str(max_examples),
        "--seed",
        str(seed),
        "--workers",
        "1",
        "--request-timeout",
        str(serving.REQUEST_SECONDS),
        *filters,
    ]
    for name, value in headers.items():
        command += ["--header", f"{name}: {value}"]
    # cwd: schemathesis keeps its example database (.hypothesis/) where it runs.
    return subprocess.run(
        command,
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=RUN_SECONDS,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )


def fuzz(
    project: Path, workdir: Path, mode: str, max_examples: int = MAX_EXAMPLES, seed: int = SEED
):
    """Serve ``project`` and fuzz it; what was sent and what came back, per status class."""
    env = serving.production_env(
        project,
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
    )
    for args in (
        ("manage.py", "migrate", "--no-input"),
        ("-c", serving.MAKE_USER, USERNAME, PASSWORD),
    ):
        subprocess.run(
            [sys.executable, *args], cwd=project, env=env, check=True, capture_output=True
        )
    started = time.monotonic()
    logs = {"access_log": workdir / "access.log", "output": workdir / "server.log"}
    with serving.Server(project, env, workers=2, **logs) as server:
        headers = credential_headers(server.port, mode)
        everything = schemathesis(
            server.port, headers, workdir, max_examples, seed, "--exclude-path", LOGOUT
        )
        logout = schemathesis(
            server.port, headers, workdir, max_examples, seed, "--include-path", LOGOUT
        )
        logged = server.requests_by_worker()
    statuses = Counter(
        f"{entry['status'][0]}xx" for entry in logged if "/api/schema/" not in entry["target"]
    )
    # Proof that the credential worked: the user details endpoint answered 2xx.
    authenticated = sum(
        entry["target"].startswith("/api/auth/user/") and entry["status"].startswith("2")
        for entry in logged
    )
    output = everything.stdout + logout.stdout
    tested = sum(int(n) for n in re.findall(r"Tested: (\d+)", output))
    return {
        "mode": mode,
        "operations": tested,
        "requests": sum(statuses.values()),
        "server_errors": statuses.get("5xx", 0),
        "authenticated_2xx": authenticated,
        "statuses": dict(sorted(statuses.items())),
        "exit_codes": [everything.returncode, logout.returncode],
        "tracebacks": (workdir / "server.log")
        .read_text()
        .count("Traceback (most recent call last)"),
        "seconds": round(time.monotonic() - started, 1),
        "output": output[-6000:] + everything.stderr[-2000:] + logout.stderr[-2000:],
    }


def ensure_venv_python() -> None:
    """Re-run this script with the template's virtualenv (tasks.py makes it)."""
    sys.path.insert(0, str(ROOT))
    import tasks

    tasks.ensure_venv()
    if Path(sys.prefix).resolve() != tasks.VENV.resolve():
        os.execv(str(tasks.VENV_PYTHON), [str(tasks.VENV_PYTHON), __file__, *sys.argv[1:]])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--max-examples", type=int, default=MAX_EXAMPLES)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    ensure_venv_python()
    from cookiecutter.main import cookiecutter

    rows = []
    print(f"{'mode':8} {'operations':>10} {'requests':>8} {'5xx':>5} {'seconds':>7}  statuses")
    with tempfile.TemporaryDirectory(prefix="rest-auth-fuzz-") as temporary:
        for mode in MODES:
            workdir = Path(temporary) / mode
            workdir.mkdir()
            with serving.quiet_stdout():
                project = Path(
                    cookiecutter(
                        str(ROOT),
                        no_input=True,
                        extra_context=answers(mode),
                        output_dir=str(workdir),
                    )
                )
            row = fuzz(project, workdir, mode, args.max_examples, args.seed)
            rows.append(row)
            print(
                f"{mode:8} {row['operations']:10} {row['requests']:8} {row['server_errors']:5} "
                f"{row['seconds']:7}  {row['statuses']}",
                flush=True,
            )
            if row["server_errors"]:
                print(row["output"])
    results = {
        "machine": {"cpus": os.cpu_count()},
        "max_examples": args.max_examples,
        "seed": args.seed,
        "modes": [{k: v for k, v in row.items() if k != "output"} for row in rows],
    }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nWritten to {RESULTS.relative_to(ROOT)}")
    return 0 if all(row["server_errors"] == 0 for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
