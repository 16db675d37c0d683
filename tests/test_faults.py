"""Faults, for real: a baked project under gunicorn (2 workers, production settings) whose
database connections are killed, and whose cache is unreachable.

Never stops the shared PostgreSQL or Redis servers: a restart is simulated by terminating
this project's own database connections (``pg_terminate_backend``), and an unreachable
cache by pointing CACHE_URL at a closed port.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import secrets
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import POSTGRES, RUN_ID, project_env, require_service, run, variant

# A PostgreSQL variant of the matrix (its bake is shared with test_variants.py).
FAULTS_VARIANT = variant(
    auth_mode="token", registration=False, passkeys=False, database="postgresql"
)
PASSWORD = "correct-horse-battery-staple"
CLOSED_PORT_REDIS = "redis://127.0.0.1:1/0"
REDIS = ("127.0.0.1", 6379)
SHARED_REDIS = f"redis://{REDIS[0]}:{REDIS[1]}/0"
# The login guessed in Redis: this run's own, so its counter is too. (django-environ drops
# a ?key_prefix= of Django's Redis cache, so keys cannot be told apart by prefix.)
GUESSED = f"guess-{RUN_ID}"
NEW_TOKEN_FOR_ALICE = """
from django.contrib.auth import get_user_model
from rest_auth.tokens.models import AuthToken
print(AuthToken.objects.create(user=get_user_model().objects.get(username="alice")).key)
"""


def admin_connection():
    import psycopg

    host, port = POSTGRES
    return psycopg.connect(
        host=host, port=port, user="postgres", dbname="postgres", autocommit=True
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(database_url: str, cache_url: str, **extra: str) -> dict[str, str]:
    return project_env(
        FAULTS_VARIANT,
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        CACHE_URL=cache_url,
        EMAIL_URL="consolemail://",
        FRONTEND_URL="https://app.example.com",
        # Plain HTTP on the loopback: no redirect to https://.
        SECURE_SSL_REDIRECT="false",
        **extra,
    )


@pytest.fixture(scope="module")
def project(baked, tmp_path_factory):
    """The baked project with its own migrated database and a user; yields (path, url)."""
    require_service(POSTGRES, "PostgreSQL")
    path = baked(FAULTS_VARIANT)
    database = f"faults_{RUN_ID}"
    with admin_connection() as connection:
        connection.execute(f'CREATE DATABASE "{database}"')
    url = f"postgres://postgres@{POSTGRES[0]}:{POSTGRES[1]}/{database}"
    env = production_env(url, "locmemcache://")
    try:
        migrated = run([sys.executable, "manage.py", "migrate", "--no-input"], path, env)
        assert migrated.returncode == 0, migrated.stdout + migrated.stderr
        create = [sys.executable, "manage.py", "createsuperuser", "--no-input"]
        create += ["--username", "alice", "--email", "alice@example.com"]
        made = run(create, path, {**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD})
        assert made.returncode == 0, made.stdout + made.stderr
        yield path, url
    finally:
        with admin_connection() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


class Server:
    """gunicorn with 2 workers on a free port; its log in a file."""

    def __init__(self, project: Path, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.log = log
        command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", "2"]
        command += ["--bind", f"127.0.0.1:{self.port}"]
        with log.open("w") as output:
            self.process = subprocess.Popen(
                command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 30
        while True:
            assert self.process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "gunicorn did not start:\n" + log.read_text()
            try:
                if self.request("GET", "/api/auth/no-such-endpoint/")[0] == 404:
                    break
            except OSError:
                time.sleep(0.2)

    def request(self, method: str, path: str, body=None, headers=None):
        """(status, headers, parsed JSON body); asserts the body is JSON."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            sent = {"Content-Type": "application/json", **(headers or {})}
            connection.request(method, path, json.dumps(body) if body else None, sent)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        assert response.getheader("Content-Type") == "application/json", content[:300]
        return response.status, response, json.loads(content)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture
def serve(project, tmp_path):
    servers = []

    def start(cache_url: str, **extra: str) -> Server:
        path, database_url = project
        env = production_env(database_url, cache_url, **extra)
        servers.append(Server(path, env, tmp_path / "log"))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def login(server: Server):
    return server.request("POST", "/api/auth/login/", {"username": "alice", "password": PASSWORD})


def terminate_connections(database_url: str) -> int:
    database = urlsplit(database_url).path.lstrip("/")
    with admin_connection() as connection:
        rows = connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (database,),
        ).fetchall()
    return len(rows)


@pytest.mark.parametrize("health_checks", ["true", "false"])
def test_a_database_restart_costs_at_most_a_503_then_recovers(project, serve, health_checks):
    server = serve("locmemcache://", CONN_HEALTH_CHECKS=health_checks)
    status, _, body = login(server)
    assert status == 200, body
    token = {"Authorization": f"Token {body['key']}"}

    def user_details() -> int:
        status, response, body = server.request("GET", "/api/auth/user/", headers=token)
        assert status in (200, 503), body  # never a 500, never HTML (asserted in request)
        if status == 503:
            assert int(response.getheader("Retry-After")) > 0
        return status

    # The workers keep their connection between requests (CONN_MAX_AGE).
    for _ in range(6):
        assert user_details() == 200
    # One connection per worker that served a request: the "restart" kills them all.
    killed = terminate_connections(project[1])
    assert killed >= 1

    if health_checks == "true":
        # Each worker notices its dead connection before using it, and reconnects.
        assert [user_details() for _ in range(10)] == [200] * 10
    else:
        # Each worker with a dead connection answers one request 503, logged with the
        # traceback, then reconnects. (Which worker takes a request is up to gunicorn.)
        statuses = []
        while statuses.count(503) < killed and len(statuses) < 40:
            statuses.append(user_details())
        assert statuses.count(503) == killed, statuses
        assert "OperationalError" in server.log.read_text()
        assert [user_details() for _ in range(10)] == [200] * 10
    assert login(server)[0] == 200


def test_production_answers_json_to_a_browser(project, serve):
    server = serve("locmemcache://")
    html = {"Accept": "text/html"}
    assert server.request("GET", "/no/such/page", headers=html)[0] == 404
    status, _, body = server.request("GET", "/api/auth/user/", headers=html)
    assert status == 406 and "detail" in body  # JSON only in production, said in JSON
    browser = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    status, _, body = server.request("GET", "/api/auth/user/", headers=browser)
    assert status == 401 and "detail" in body


def test_a_body_over_the_limit_is_a_json_413_unread(project, serve):
    server = serve("locmemcache://")
    # Announces 3 MB and sends a few bytes: the answer comes without waiting for the rest.
    too_large = {"Content-Length": str(3_000_000)}
    status, _, body = server.request("POST", "/api/auth/login/", {"a": 1}, headers=too_large)
    assert status == 413 and body == {"detail": "Request body too large."}


def test_with_the_cache_down_throttled_endpoints_fail_closed(project, serve):
    # An API token made without a login (login is throttled, so it fails with the cache).
    token = run(
        [sys.executable, "manage.py", "shell", "-c", NEW_TOKEN_FOR_ALICE],
        project[0],
        production_env(project[1], CLOSED_PORT_REDIS),
    )
    assert token.returncode == 0, token.stdout + token.stderr
    key = token.stdout.split()[-1]
    server = serve(CLOSED_PORT_REDIS)

    status, response, body = login(server)
    assert status == 503, body
    assert int(response.getheader("Retry-After")) > 0
    assert "detail" in body
    reset = server.request("POST", "/api/auth/password/reset/", {"email": "alice@example.com"})
    assert reset[0] == 503
    # Endpoints that keep no counters still work.
    authorization = {"Authorization": f"Token {key}"}
    status, _, body = server.request("GET", "/api/auth/user/", headers=authorization)
    assert status == 200 and body["username"] == "alice"
    assert "Shared cache unavailable" in server.log.read_text()


@pytest.fixture
def shared_redis():
    require_service(REDIS, "Redis")
    yield SHARED_REDIS
    import redis

    # The counters of the logins tried (rest_auth.throttling.normalized_key) and their
    # windows' ends.
    client = redis.Redis(host=REDIS[0], port=REDIS[1], db=0)
    for login_typed in (GUESSED, "alice"):
        digest = hashlib.sha256(login_typed.casefold().encode()).hexdigest()
        for key in client.scan_iter(f":1:throttle_rest_auth_login_failures_{digest}*"):
            client.delete(key)


def test_failed_logins_are_counted_across_workers_in_redis(project, serve, shared_redis):
    # No per-client limit: only the per-account one (10 failures an hour by default).
    server = serve(shared_redis, THROTTLE_RATE_LOGIN="")
    wrong = {"username": GUESSED, "password": "wrong"}

    def attempt(_):
        return server.request("POST", "/api/auth/login/", wrong)[0]

    # A burst of parallel guesses, spread over both workers.
    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(pool.map(attempt, range(30)))
    assert sorted(set(statuses)) == [400, 429], statuses
    assert statuses.count(400) == 10, statuses
    # Refused from either worker; other accounts are not affected.
    assert [attempt(0) for _ in range(4)] == [429] * 4
    assert login(server)[0] == 200
