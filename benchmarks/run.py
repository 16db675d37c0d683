#!/usr/bin/env python3
"""Benchmark the auth endpoints of baked projects: queries per request, then throughput.

    python3 benchmarks/run.py          # about two minutes; add --sql to print each query
    python3 benchmarks/run.py --queries-only   # the query counts alone, in seconds

Bakes the token and JWT variants into a temporary directory, migrates their SQLite
databases, and prints how many SQL statements each endpoint runs (Django's query capture
through the test client). Then serves each project with gunicorn (2 workers on 127.0.0.1)
and drives a bounded load at it from a separate process, in two scenarios: a fast hasher
(MD5), which shows the framework's own cost, and the project's real hasher (Argon2id),
which is what login costs in production. Prints a table (requests/s, CPU ms per request
from the workers' own CPU time) and writes benchmarks/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import serving  # beside this file

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results.json"
PASSWORD = "benchmark-passphrase-123"
VARIANTS = {
    # Header clients, so the load generator needs no cookie jar; optional verification, so
    # registration answers with credentials, as login does, and its cost compares to login's.
    "token": {"auth_mode": "token", "email_verification": "optional"},
    "jwt": {"auth_mode": "jwt", "jwt_cookies": False, "email_verification": "optional"},
}
# What each request costs is capped by both: the load ends at whichever comes first.
FAST_REQUESTS, FAST_SECONDS = 2000, 6.0
REAL_REQUESTS, REAL_SECONDS = 60, 10.0
CLIENT_THREADS = 4

# Run inside the baked project (its settings, its database) to count queries per request.
QUERY_PROBE = r"""
import json, sys
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_auth.app_settings import api_settings

password, new_password = sys.argv[1], sys.argv[2]
client = Client(HTTP_HOST="127.0.0.1")
results = {}

def call(name, method, path, body=None, token=None):
    headers = {"HTTP_AUTHORIZATION": token} if token else {}
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(path, body, content_type="application/json", **headers)
    assert response.status_code < 300, (name, response.status_code, response.content)
    results[name] = [query["sql"] for query in queries.captured_queries]
    return response.json() if response.content else {}

login = {"username": "bench", "password": password}
call("login (first)", "post", "/api/auth/login/", login)
body = call("login", "post", "/api/auth/login/", login)
if api_settings.USE_JWT:
    credential = f"Bearer {body['access']}"
else:
    credential = f"Token {body['key']}"
call("user details", "get", "/api/auth/user/", token=credential)
if api_settings.USE_JWT:
    call("jwt verify", "post", "/api/auth/token/verify/", {"token": body["access"]})
    call("jwt refresh", "post", "/api/auth/token/refresh/", {"refresh": body["refresh"]})
change = {"old_password": password, "new_password1": new_password, "new_password2": new_password}
changed = call("password change", "post", "/api/auth/password/change/", change, credential)
if api_settings.USE_JWT:
    credential = f"Bearer {changed['access']}"
    call("logout", "post", "/api/auth/logout/", {"refresh": changed["refresh"]}, credential)
else:
    call("logout", "post", "/api/auth/logout/", token=credential)
signup = {"username": "newcomer", "email": "newcomer@example.com",
          "password1": new_password, "password2": new_password}
call("registration", "post", "/api/auth/registration/", signup)
print(json.dumps(results))
"""

FAST_SETTINGS = """from .settings import *  # noqa: F403

# The benchmark's fast-hasher scenario: what the framework costs without the hashing.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
"""


def ensure_venv_python() -> None:
    """Re-run this script with the template's virtualenv (tasks.py makes it)."""
    sys.path.insert(0, str(ROOT))
    import tasks

    tasks.ensure_venv()
    if Path(sys.prefix).resolve() != tasks.VENV.resolve():
        os.execv(str(tasks.VENV_PYTHON), [str(tasks.VENV_PYTHON), __file__, *sys.argv[1:]])


def project_env(project: Path, settings: str) -> dict[str, str]:
    """Production-like settings on 127.0.0.1, with the project's SQLite database."""
    return serving.production_env(
        project, DJANGO_SETTINGS_MODULE=settings, DATABASE_URL=f"sqlite:///{project / 'db.sqlite3'}"
    )


def bake(output: Path, answers: dict[str, object]) -> Path:
    from cookiecutter.main import cookiecutter

    with serving.quiet_stdout():  # the post-generation hook's "next steps"
        project = Path(
            cookiecutter(str(ROOT), no_input=True, extra_context=answers, output_dir=str(output))
        )
    (project / "config" / "bench_settings.py").write_text(FAST_SETTINGS)
    return project


def python(project: Path, settings: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, *args],
        cwd=project,
        env=project_env(project, settings),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args[:2])} failed in {project}:\n{result.stderr}")
    return result.stdout


def count_queries(project: Path) -> dict[str, list[str]]:
    settings = "config.bench_settings"
    python(project, settings, "manage.py", "migrate", "--no-input")
    python(project, settings, "-c", serving.MAKE_USER, "bench", PASSWORD)
    probe = json.loads(python(project, settings, "-c", QUERY_PROBE, PASSWORD, PASSWORD + "-new"))
    # The load scenarios start from a database without the probe's traces.
    (project / "db.sqlite3").unlink()
    python(project, settings, "manage.py", "migrate", "--no-input")
    return probe


TRANSACTION_STATEMENTS = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")


def split(sql: list[str]) -> dict[str, int]:
    """Queries, and the statements that only open or close a transaction or savepoint."""
    transaction = sum(statement.startswith(TRANSACTION_STATEMENTS) for statement in sql)
    return {"queries": len(sql) - transaction, "transaction": transaction}


def request(port: int, method: str, path: str, body: dict | None, token: str | None):
    return serving.request(port, method, path, body, {"Authorization": token} if token else None)


def load(spec: dict) -> dict:
    """The load generator (its own process): threads sending one request at a time each."""
    sent, failed = [0], [0]
    lock = threading.Lock()
    deadline = time.monotonic() + spec["seconds"]

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                if sent[0] >= spec["requests"]:
                    return
                sent[0] += 1
            status, _ = request(
                spec["port"], spec["method"], spec["path"], spec["body"], spec["token"]
            )
            if status >= 300:
                with lock:
                    failed[0] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(CLIENT_THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"requests": sent[0], "failed": failed[0], "seconds": time.monotonic() - started}


def drive(server: serving.Server, spec: dict) -> dict:
    spec = {**spec, "port": server.port}
    before = serving.worker_cpu_seconds(server.process.pid)
    result = subprocess.run(
        [sys.executable, __file__, "--load", json.dumps(spec)],
        capture_output=True,
        text=True,
        check=True,
    )
    outcome = json.loads(result.stdout)
    cpu = serving.worker_cpu_seconds(server.process.pid) - before
    requests = max(outcome["requests"], 1)
    return {
        "endpoint": spec["name"],
        "requests": outcome["requests"],
        "failed": outcome["failed"],
        "requests_per_second": round(outcome["requests"] / outcome["seconds"], 1),
        "cpu_ms_per_request": round(cpu * 1000 / requests, 2),
    }


def credential(port: int, jwt: bool) -> str:
    status, body = request(
        port, "POST", "/api/auth/login/", {"username": "bench", "password": PASSWORD}, None
    )
    if status != 200:
        raise SystemExit(f"benchmark login failed: {status} {body[:200]!r}")
    data = json.loads(body)
    return f"Bearer {data['access']}" if jwt else f"Token {data['key']}"


ENDPOINTS = {
    "user details": {"method": "GET", "path": "/api/auth/user/", "body": None},
    "login": {
        "method": "POST",
        "path": "/api/auth/login/",
        "body": {"username": "bench", "password": PASSWORD},
    },
}
# (name, settings module, request cap, seconds cap, endpoints). With the real hasher only
# login is worth loading: the other endpoints do not hash.
SCENARIOS = [
    (
        "fast hasher",
        "config.bench_settings",
        FAST_REQUESTS,
        FAST_SECONDS,
        ["user details", "login"],
    ),
    ("argon2", "config.settings", REAL_REQUESTS, REAL_SECONDS, ["login"]),
]


def throughput(project: Path, variant: str) -> list[dict]:
    rows = []
    for scenario, settings, count, seconds, endpoints in SCENARIOS:
        python(project, settings, "-c", serving.MAKE_USER, "bench", PASSWORD)
        server = serving.Server(project, project_env(project, settings), workers=2)
        try:
            token = credential(server.port, variant == "jwt")
            for name in endpoints:
                spec = {"name": name, **ENDPOINTS[name], "requests": count, "seconds": seconds}
                spec["token"] = None if name == "login" else token
                row = {"variant": variant, "scenario": scenario, **drive(server, spec)}
                rows.append(row)
                print(
                    f"{variant:6} {scenario:12} {name:13} {row['requests']:6} "
                    f"{row['failed']:6} {row['requests_per_second']:10} "
                    f"{row['cpu_ms_per_request']:10}",
                    flush=True,
                )
        finally:
            server.stop()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sql", action="store_true", help="print each endpoint's SQL")
    parser.add_argument(
        "--queries-only", action="store_true", help="count queries, skip the load (seconds)"
    )
    parser.add_argument("--load", help=argparse.SUPPRESS)  # the load generator's process
    args = parser.parse_args()
    if args.load:
        print(json.dumps(load(json.loads(args.load))))
        return 0
    ensure_venv_python()
    started = time.monotonic()
    results: dict[str, object] = {"machine": {"cpus": os.cpu_count()}, "queries": {}}
    with tempfile.TemporaryDirectory(prefix="rest-auth-bench-") as temporary:
        projects = {}
        for variant, answers in VARIANTS.items():
            bake_started = time.monotonic()
            projects[variant] = bake(Path(temporary) / variant, answers)
            bake_seconds = round(time.monotonic() - bake_started, 2)
            queries = count_queries(projects[variant])
            counts = {name: split(sql) for name, sql in queries.items()}
            results["queries"][variant] = counts
            results.setdefault("bake_seconds", {})[variant] = bake_seconds
            print(f"\n{variant} variant (baked in {bake_seconds} s): per request")
            print(f"  {'endpoint':16} {'queries':>7} {'transaction statements':>23}")
            for name, sql in queries.items():
                print(f"  {name:16} {counts[name]['queries']:7} {counts[name]['transaction']:23}")
                if args.sql:
                    for statement in sql:
                        print(f"      {statement}")
        rows = []
        if not args.queries_only:
            print(
                f"\n{'variant':6} {'scenario':12} {'endpoint':13} {'sent':>6} {'failed':>6} "
                f"{'req/s':>10} {'CPU ms/req':>10}"
            )
            for variant, project in projects.items():
                rows += throughput(project, variant)
    results["throughput"] = rows
    results["seconds"] = round(time.monotonic() - started, 1)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nWritten to {RESULTS.relative_to(ROOT)} ({results['seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
