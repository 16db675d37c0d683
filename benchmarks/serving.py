"""Serve a baked project with gunicorn on 127.0.0.1 and talk to it: shared by the benchmark
(run.py), the reliability and fuzz scripts, and the template tests that run those two.

Everything here stays on the loopback interface, and every wait is bounded.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
# Limits no scenario should reach: a hung worker fails the run instead of stalling it.
START_SECONDS = 30
REQUEST_SECONDS = 30
# gunicorn's access log: the worker's pid (as <pid>), the request line and the status. A
# scenario can tag its requests (a query string the views ignore) to see which worker answered.
ACCESS_LOG_FORMAT = '%(p)s "%(r)s" %(s)s'
ACCESS_LINE = re.compile(r'^<(?P<pid>\d+)> "(?P<method>\S+) (?P<target>\S+) [^"]*" (?P<status>\d+)')


def production_env(project: Path, **extra: str) -> dict[str, str]:
    """Production-like settings on 127.0.0.1: no debug, no TLS redirect, no throttling.

    Starts from this process's environment without DJANGO_SETTINGS_MODULE (nothing from a
    developer's shell picks the settings); ``extra`` wins over everything.
    """
    base = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    return {
        **base,
        "DEBUG": "false",
        "SECRET_KEY": "loopback-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "SECURE_SSL_REDIRECT": "false",
        "EMAIL_URL": "dummymail://",
        "FRONTEND_URL": "http://localhost:3000",
        "LOG_LEVEL": "WARNING",
        **unthrottled(project),
        **extra,
    }


def unthrottled(project: Path) -> dict[str, str]:
    """Every THROTTLE_RATE_* variable the project's settings read, at a rate never reached:
    load from one address would otherwise measure the throttles."""
    settings = (project / "config" / "settings.py").read_text()
    # Every quoted name, however the settings read it (env(...), or a helper around it).
    names = set(re.findall(r"\"(THROTTLE_RATE_[A-Z0-9_]+)\"", settings))
    return dict.fromkeys(sorted(names), "1000000/minute")


@contextlib.contextmanager
def quiet_stdout() -> Iterator[None]:
    """Silence standard output at the file descriptor: hooks run as child processes."""
    sys.stdout.flush()
    saved = os.dup(1)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 1)
    try:
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def worker_pids(master: int) -> list[int]:
    """The gunicorn master's children: its workers."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def worker_cpu_seconds(master: int) -> float:
    """User + system CPU time of the gunicorn master's children (the workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in worker_pids(master):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


class Server:
    """gunicorn serving ``project`` on a free port of 127.0.0.1 with ``workers`` sync workers.

    With ``access_log`` each request is logged there with the pid of the worker that
    answered it (``requests_by_worker`` reads it back); with ``output`` the server's own
    output (Django's log) goes to that file instead of this process's. A context manager:
    leaving it stops the server.
    """

    def __init__(
        self,
        project: Path,
        env: dict[str, str],
        workers: int = 2,
        access_log: Path | None = None,
        output: Path | None = None,
    ) -> None:
        self.port = free_port()
        self.workers = workers
        self.access_log = access_log
        command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", str(workers)]
        command += ["--bind", f"{HOST}:{self.port}", "--log-level", "warning"]
        command += ["--graceful-timeout", "5"]
        if access_log is not None:
            command += ["--access-logfile", str(access_log)]
            command += ["--access-logformat", ACCESS_LOG_FORMAT]
        self.output = output
        stream = open(output, "ab") if output is not None else None
        try:
            self.process = subprocess.Popen(
                command, cwd=project, env=env, stdout=stream, stderr=stream
            )
        finally:
            if stream is not None:
                stream.close()  # the child keeps its own descriptor
        deadline = time.monotonic() + START_SECONDS
        while True:
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"gunicorn did not start in {project}")
            try:
                socket.create_connection((HOST, self.port), timeout=1).close()
                if len(worker_pids(self.process.pid)) == workers:
                    break
            except OSError:
                pass
            time.sleep(0.1)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def requests_by_worker(self) -> list[dict[str, str]]:
        """Each logged request: ``pid``, ``method``, ``target`` (path and query), ``status``."""
        if self.access_log is None or not self.access_log.exists():
            return []
        lines = self.access_log.read_text().splitlines()
        return [match.groupdict() for line in lines if (match := ACCESS_LINE.match(line))]


def exchange(
    port: int,
    method: str,
    path: str,
    body: object = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One request on its own connection; the status, the headers and the body."""
    sent = {"Content-Type": "application/json", "Host": HOST, **(headers or {})}
    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_SECONDS)
    try:
        payload = json.dumps(body) if body is not None else None
        connection.request(method, path, payload, sent)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def request(
    port: int,
    method: str,
    path: str,
    body: object = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, bytes]:
    """One request on its own connection; the status and the body."""
    status, _headers, content = exchange(port, method, path, body, headers)
    return status, content


# Creates (or resets) a user with the hasher of the settings in use, its address verified
# where allauth is installed: python -c MAKE_USER <username> <password>, in the project.
MAKE_USER = r"""
import sys
import django
django.setup()
from django.contrib.auth import get_user_model
User = get_user_model()
username, password = sys.argv[1], sys.argv[2]
user, _ = User.objects.get_or_create(
    username=username, defaults={"email": f"{username}@example.com"}
)
user.set_password(password)
user.save()
try:
    from allauth.account.models import EmailAddress
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"primary": True, "verified": True}
    )
except ImportError:
    pass
"""
