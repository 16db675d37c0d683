#!/usr/bin/env python3
"""Reliability under concurrency: single-use things work once, nothing answers 5xx.

    python3 benchmarks/reliability.py      # about a minute; PostgreSQL and Redis on 127.0.0.1

Bakes the variant where every single-use thing exists (JWT with rotation and blacklist,
registration with mandatory email verification, passkeys, PostgreSQL), serves it with
gunicorn (3 sync workers on 127.0.0.1) against a database of its own and the Redis at
127.0.0.1:6379 (keys under a prefix of this run, deleted at the end), with the real
password hasher (Argon2id), and fires bounded bursts of parallel requests, each on its own
connection, released together by a barrier:

- one email-confirmation key, one refresh token (rotation), one password-reset link and
  one passkey login challenge, each used by every request of a burst: exactly one may
  succeed;
- parallel password logins of one user: all succeed;
- passkey login ceremonies whose begin and complete are separate connections, run in
  parallel: gunicorn's access log names the worker that answered each step;
- an access token revoked by a logout, then used in parallel: every worker refuses it.

Per scenario: requests, successes, 4xx, 5xx, duplicate rows (rows written beyond what the
successful requests account for, from a count of every table before and after), the
workers that answered, and the time. Prints a table and writes benchmarks/reliability.json.
``tests/test_concurrency.py`` runs the same scenarios with assertions.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import serving  # beside this file

ROOT = serving.ROOT
RESULTS = Path(__file__).resolve().parent / "reliability.json"
ANSWERS: dict[str, object] = {
    "auth_mode": "jwt",
    "jwt_cookies": False,  # header clients: the bursts need no cookie jar
    "jwt_blacklist": True,
    "registration": True,
    "email_verification": "mandatory",
    "passkeys": True,
    "database": "postgresql",
    "demo_page": False,
}
POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/test"
REDIS_URL = "redis://127.0.0.1:6379/0"
WORKERS = 3
BURST = 12  # parallel requests per burst
CEREMONIES = 12
BURST_SECONDS = 120  # a burst that is not over by then fails the run
ORIGIN = "http://localhost:8000"  # the passkeys' relying party: PASSKEY_RP_* below
API = "/api/auth"

# Counts the rows of every table of the project, and the refresh tokens of one user (the
# argument) not revoked yet.
ROW_PROBE = r"""
import json, sys
import django
django.setup()
from django.apps import apps
counts = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
if apps.is_installed("rest_framework_simplejwt.token_blacklist"):
    from rest_framework_simplejwt.token_blacklist.models import OutstandingToken
    live = OutstandingToken.objects.filter(blacklistedtoken__isnull=True)
    counts["live refresh tokens"] = live.filter(user__username=sys.argv[1]).count()
print(json.dumps(counts))
"""
OUTSTANDING = "token_blacklist.OutstandingToken"
BLACKLISTED = "token_blacklist.BlacklistedToken"
CHALLENGES = "passkeys.PasskeyChallenge"
VERIFY_LINK = re.compile(r"/verify-email/(?P<key>[^/\s]+)/")
RESET_LINK = re.compile(r"/password-reset/(?P<uid>[^/\s]+)/(?P<token>[^/\s]+)/")


# --- The served project -------------------------------------------------------------


@dataclass
class Account:
    username: str
    email: str
    password: str


@dataclass
class Answer:
    status: int
    body: Any

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


class Live:
    """A project served by gunicorn, with its own database, cache prefix and mailbox."""

    def __init__(self, project: Path, env: dict[str, str], server: serving.Server, mail: Path):
        self.project, self.env, self.server, self.mail = project, env, server, mail

    def post(
        self, path: str, body: object = None, *, token: str | None = None, tag: str = ""
    ) -> Answer:
        """POST to the API; ``tag`` goes in the query string to find the request in the log."""
        return self.call("POST", path, body, token=token, tag=tag)

    def call(
        self,
        method: str,
        path: str,
        body: object = None,
        *,
        token: str | None = None,
        tag: str = "",
    ) -> Answer:
        headers = {"Authorization": f"Bearer {token}"} if token else None
        target = f"{API}{path}" + (f"?{tag}" if tag else "")
        status, raw = serving.request(self.server.port, method, target, body, headers)
        try:
            return Answer(status, json.loads(raw) if raw else None)
        except ValueError:
            return Answer(status, raw[:200])

    def rows(self, username: str = "") -> dict[str, int]:
        return json.loads(python(self.project, self.env, "-c", ROW_PROBE, username))

    def last_link(
        self, pattern: re.Pattern[str], address: str, timeout: float = 10.0
    ) -> re.Match[str]:
        """The newest link matching ``pattern`` in the mail sent to ``address``. The
        worker sends mail after its answer (rest_auth/mail.py): wait for it a while."""
        deadline = time.monotonic() + timeout
        while True:
            matches: list[re.Match[str]] = []
            for path in sorted(self.mail.glob("*.log"), key=lambda p: p.stat().st_mtime_ns):
                # The file backend separates messages with a line of 79 dashes.
                for message in path.read_text().split("-" * 79):
                    if f"To: {address}" in message:
                        matches += pattern.finditer(message)
            if matches:
                return matches[-1]
            if time.monotonic() > deadline:
                raise AssertionError(f"no mail to {address} with a link like {pattern.pattern}")
            time.sleep(0.05)

    def logged_tracebacks(self) -> int:
        """Tracebacks in the server's log: each is an unhandled error (a 500)."""
        return self.server.output.read_text().count("Traceback (most recent call last)")

    def workers_by_tag(self, prefix: str) -> dict[str, str]:
        """The pid that answered each request whose tag starts with ``prefix``."""
        answered = {}
        for entry in self.server.requests_by_worker():
            _path, _, query = entry["target"].partition("?")
            if query.startswith(prefix):
                answered[query] = entry["pid"]
        return answered


def python(project: Path, env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:2])} failed in {project}:\n{result.stderr[-3000:]}")
    return result.stdout


def served_env(project: Path, database_url: str, cache_prefix: str, mail: Path) -> dict[str, str]:
    """Production settings with the real hasher, this run's database, cache keys and mailbox."""
    return serving.production_env(
        project,
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=database_url,
        CACHE_URL=REDIS_URL,
        CACHE_KEY_PREFIX=cache_prefix,
        EMAIL_URL=f"filemail:///{mail}",
        PASSKEY_RP_ID="localhost",
        PASSKEY_RP_ORIGINS=ORIGIN,
    )


def create_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def delete_cache_keys(prefix: str) -> None:
    """Delete this run's keys only: the Redis database may be shared, so never FLUSHDB."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        for key in client.scan_iter(match=f"{prefix}:*", count=500):
            client.delete(key)
    finally:
        client.close()


@contextmanager
def serve(
    project: Path, database_url: str, workdir: Path, workers: int = WORKERS
) -> Iterator[Live]:
    """Migrate a fresh database, serve the project; drop the database and cache keys after."""
    mail = workdir / "mail"
    mail.mkdir(parents=True, exist_ok=True)
    prefix = f"reliability-{uuid.uuid4().hex[:12]}"
    env = served_env(project, database_url, prefix, mail)
    create_database(database_url)
    try:
        python(project, env, "manage.py", "migrate", "--no-input")
        logs = {"access_log": workdir / "access.log", "output": workdir / "server.log"}
        with serving.Server(project, env, workers=workers, **logs) as server:
            yield Live(project, env, server, mail)
    finally:
        drop_database(database_url)
        delete_cache_keys(prefix)


def soft_authenticator(project: Path) -> Any:
    """The generated suite's software authenticator (rest_auth/passkeys/tests/), loaded by
    path so the project's packages stay out of this process. Its counter stays at 0, as a
    synced passkey's does, so ceremonies may complete in any order."""
    path = project / "rest_auth" / "passkeys" / "tests" / "authenticator.py"
    spec = importlib.util.spec_from_file_location("reliability_authenticator", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.SoftAuthenticator(origin=ORIGIN, counter_step=0)


# --- Outcomes -----------------------------------------------------------------------


@dataclass
class Outcome:
    """What one scenario saw."""

    scenario: str
    requests: int = 0
    successes: int = 0
    client_errors: int = 0
    server_errors: int = 0
    duplicate_rows: int = 0
    workers: int = 0
    seconds: float = 0.0
    statuses: dict[str, int] = field(default_factory=dict)
    unexpected_rows: dict[str, int] = field(default_factory=dict)
    notes: dict[str, Any] = field(default_factory=dict)

    def count(self, answers: list[Answer]) -> None:
        self.requests += len(answers)
        self.successes += sum(answer.ok for answer in answers)
        self.client_errors += sum(400 <= answer.status < 500 for answer in answers)
        self.server_errors += sum(answer.status >= 500 for answer in answers)
        tally = Counter(str(answer.status) for answer in answers)
        self.statuses = dict(sorted((Counter(self.statuses) + tally).items()))

    def compare_rows(
        self, before: dict[str, int], after: dict[str, int], expected: dict[str, int]
    ) -> None:
        """Rows written (or deleted) beyond ``expected``, the changes the successes explain."""
        for label in sorted(set(before) | set(after)):
            if label == "live refresh tokens":
                continue
            change = after.get(label, 0) - before.get(label, 0)
            extra = change - expected.get(label, 0)
            if extra:
                self.unexpected_rows[label] = extra
        self.duplicate_rows = sum(abs(extra) for extra in self.unexpected_rows.values())


def burst(outcome: Outcome, calls: list[Callable[[], Any]]) -> list[Any]:
    """Run the calls in parallel threads, released together; their time adds to ``outcome``."""
    start = threading.Barrier(len(calls))

    def run(call: Callable[[], Any]) -> Any:
        start.wait(timeout=BURST_SECONDS)
        return call()

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = [pool.submit(run, call) for call in calls]
        results = [future.result(timeout=BURST_SECONDS) for future in futures]
    outcome.seconds = round(outcome.seconds + time.monotonic() - started, 2)
    return results


@contextmanager
def scenario(live: Live, name: str) -> Iterator[tuple[Outcome, str]]:
    """An outcome to fill, and a tag for its requests: the workers that answered are counted."""
    outcome = Outcome(name)
    tag = f"s={uuid.uuid4().hex[:8]}"
    yield outcome, tag
    outcome.workers = len(set(live.workers_by_tag(tag).values()))


# --- Accounts -----------------------------------------------------------------------


def sign_up(live: Live, name: str) -> tuple[Account, str]:
    """A new account and the key of its verification link (not yet used)."""
    account = Account(name, f"{name}@example.com", f"{name}-Passphrase-2026")
    answer = live.post(
        "/registration/",
        {
            "username": account.username,
            "email": account.email,
            "password1": account.password,
            "password2": account.password,
        },
    )
    assert answer.status == 201, (answer.status, answer.body)
    return account, live.last_link(VERIFY_LINK, account.email)["key"]


def verified_account(live: Live, name: str) -> Account:
    account, key = sign_up(live, name)
    answer = live.post("/registration/verify-email/", {"key": key})
    assert answer.ok, (answer.status, answer.body)
    return account


def log_in(live: Live, account: Account) -> dict[str, Any]:
    answer = live.post("/login/", {"username": account.username, "password": account.password})
    assert answer.status == 200, (answer.status, answer.body)
    return answer.body


def register_passkey(live: Live, account: Account, authenticator: Any) -> None:
    access = log_in(live, account)["access"]
    options = live.post("/passkeys/register/begin/", {}, token=access)
    assert options.status == 200, (options.status, options.body)
    credential = authenticator.create(options.body)
    answer = live.post("/passkeys/register/complete/", {"credential": credential}, token=access)
    assert answer.status == 201, (answer.status, answer.body)


# --- Scenarios ----------------------------------------------------------------------


def email_confirmations(live: Live, n: int = BURST) -> Outcome:
    """n parallel uses of one email-confirmation key."""
    _account, key = sign_up(live, f"confirm{uuid.uuid4().hex[:6]}")
    with scenario(live, "one email-confirmation key") as (outcome, tag):
        before = live.rows()
        body = {"key": key}
        answers = burst(
            outcome,
            [
                lambda i=i: live.post("/registration/verify-email/", body, tag=f"{tag}&i={i}")
                for i in range(n)
            ],
        )
        outcome.count(answers)
        outcome.compare_rows(before, live.rows(), {})
    return outcome


def logins(live: Live, account: Account, n: int = BURST) -> Outcome:
    """n parallel password logins of one user: each gets its own refresh token."""
    body = {"username": account.username, "password": account.password}
    with scenario(live, "logins of one user") as (outcome, tag):
        before = live.rows()
        answers = burst(
            outcome, [lambda i=i: live.post("/login/", body, tag=f"{tag}&i={i}") for i in range(n)]
        )
        outcome.count(answers)
        outcome.compare_rows(before, live.rows(), {OUTSTANDING: outcome.successes})
        refresh_tokens = {answer.body["refresh"] for answer in answers if answer.ok}
        outcome.notes["distinct refresh tokens"] = len(refresh_tokens)
    return outcome


def refreshes(live: Live, account: Account, n: int = BURST) -> Outcome:
    """n parallel refreshes with one refresh token under rotation; then reuses, one by one."""
    refresh = log_in(live, account)["refresh"]
    with scenario(live, "one refresh token (rotation)") as (outcome, tag):
        before = live.rows()
        answers = burst(
            outcome,
            [
                lambda i=i: live.post("/token/refresh/", {"refresh": refresh}, tag=f"{tag}&i={i}")
                for i in range(n)
            ],
        )
        outcome.count(answers)
        expected = {OUTSTANDING: outcome.successes, BLACKLISTED: outcome.successes}
        outcome.compare_rows(before, live.rows(), expected)
    # Sequentially: the rotated-out token again, then the new one twice.
    rotated = [answer.body["refresh"] for answer in answers if answer.ok]
    outcome.notes["reused rotated token"] = live.post(
        "/token/refresh/", {"refresh": refresh}
    ).status
    if rotated:
        newer = rotated[0]
        outcome.notes["new token, first use"] = live.post(
            "/token/refresh/", {"refresh": newer}
        ).status
        outcome.notes["new token, reused"] = live.post("/token/refresh/", {"refresh": newer}).status
    return outcome


def logged_out_access_tokens(live: Live, account: Account, n: int = BURST) -> Outcome:
    """A logout on one worker, then n parallel uses of its access token: every worker must
    refuse it, which it can only know from the shared cache (Redis)."""
    tokens = log_in(live, account)
    logout = live.post("/logout/", {"refresh": tokens["refresh"]}, token=tokens["access"])
    assert logout.ok, (logout.status, logout.body)
    with scenario(live, "a logged-out access token") as (outcome, tag):
        before = live.rows()
        answers = burst(
            outcome,
            [
                lambda i=i: live.call("GET", "/user/", token=tokens["access"], tag=f"{tag}&i={i}")
                for i in range(n)
            ],
        )
        outcome.count(answers)
        outcome.compare_rows(before, live.rows(), {})
    return outcome


def password_resets(live: Live, account: Account, n: int = BURST) -> Outcome:
    """n parallel uses of one password-reset link, each setting the same new password."""
    sent = live.post("/password/reset/", {"email": account.email})
    assert sent.ok, (sent.status, sent.body)
    link = live.last_link(RESET_LINK, account.email)
    new_password = account.password + "-new"
    body = {
        "uid": link["uid"],
        "token": link["token"],
        "new_password1": new_password,
        "new_password2": new_password,
    }
    with scenario(live, "one password-reset link") as (outcome, tag):
        before = live.rows(account.username)
        answers = burst(
            outcome,
            [
                lambda i=i: live.post("/password/reset/confirm/", body, tag=f"{tag}&i={i}")
                for i in range(n)
            ],
        )
        outcome.count(answers)
        # The reset revokes the refresh tokens the account had.
        revoked = before.get("live refresh tokens", 0) if outcome.successes else 0
        outcome.compare_rows(before, live.rows(), {BLACKLISTED: revoked})
    if outcome.successes:
        account.password = new_password
    login = live.post("/login/", {"username": account.username, "password": new_password})
    outcome.notes["login with the new password"] = login.status
    return outcome


def passkey_challenges(live: Live, authenticator: Any, n: int = BURST) -> Outcome:
    """n parallel completions with one passkey login challenge (one signed answer)."""
    options = live.post("/passkeys/login/begin/", {})
    assert options.status == 200, (options.status, options.body)
    body = {"session_id": options.body["session_id"], "credential": authenticator.get(options.body)}
    with scenario(live, "one passkey challenge") as (outcome, tag):
        before = live.rows()
        answers = burst(
            outcome,
            [
                lambda i=i: live.post("/passkeys/login/complete/", body, tag=f"{tag}&i={i}")
                for i in range(n)
            ],
        )
        outcome.count(answers)
        expected = {OUTSTANDING: outcome.successes, CHALLENGES: -outcome.successes}
        outcome.compare_rows(before, live.rows(), expected)
    return outcome


def passkey_ceremonies(live: Live, authenticator: Any, n: int = CEREMONIES) -> Outcome:
    """n passkey logins in parallel, begin and complete on separate connections."""
    sign = threading.Lock()  # the software authenticator is not thread-safe

    def ceremony(tag: str) -> list[Answer]:
        options = live.post("/passkeys/login/begin/", {}, tag=f"{tag}&step=begin")
        if not options.ok:
            return [options]
        with sign:
            credential = authenticator.get(options.body)
        body = {"session_id": options.body["session_id"], "credential": credential}
        return [options, live.post("/passkeys/login/complete/", body, tag=f"{tag}&step=complete")]

    with scenario(live, "passkey ceremonies") as (outcome, tag):
        before = live.rows()
        steps = burst(outcome, [lambda i=i: ceremony(f"{tag}&i={i}") for i in range(n)])
        answers = [answer for ceremony_answers in steps for answer in ceremony_answers]
        outcome.count(answers)
        completed = sum(len(answers) == 2 and answers[1].ok for answers in steps)
        # A ceremony that completes leaves no challenge behind; each completion logs in.
        expected = {OUTSTANDING: completed, CHALLENGES: n - completed}
        outcome.compare_rows(before, live.rows(), expected)
    answered = live.workers_by_tag(tag)
    crossed = sum(
        answered.get(f"{tag}&i={i}&step=begin") != answered.get(f"{tag}&i={i}&step=complete")
        for i in range(n)
    )
    outcome.notes["ceremonies"] = n
    outcome.notes["completed"] = completed
    outcome.notes["completed on another worker than began"] = crossed
    return outcome


def run_all(live: Live) -> list[Outcome]:
    """Every scenario, in an order where each leaves the next what it needs."""
    account = verified_account(live, f"reliable{uuid.uuid4().hex[:6]}")
    authenticator = soft_authenticator(live.project)
    register_passkey(live, account, authenticator)
    return [
        email_confirmations(live),
        logins(live, account),
        refreshes(live, account),
        passkey_challenges(live, authenticator),
        passkey_ceremonies(live, authenticator),
        logged_out_access_tokens(live, account),
        password_resets(live, account),  # last: it revokes the account's refresh tokens
    ]


# --- The script ---------------------------------------------------------------------


def ensure_venv_python() -> None:
    """Re-run this script with the template's virtualenv (tasks.py makes it)."""
    sys.path.insert(0, str(ROOT))
    import tasks

    tasks.ensure_venv()
    if Path(sys.prefix).resolve() != tasks.VENV.resolve():
        os.execv(str(tasks.VENV_PYTHON), [str(tasks.VENV_PYTHON), __file__, *sys.argv[1:]])


def print_table(outcomes: list[Outcome]) -> None:
    print(
        f"\n{'scenario':30} {'requests':>8} {'2xx':>5} {'4xx':>5} {'5xx':>5} "
        f"{'dup rows':>8} {'workers':>7} {'seconds':>7}"
    )
    for o in outcomes:
        print(
            f"{o.scenario:30} {o.requests:8} {o.successes:5} {o.client_errors:5} "
            f"{o.server_errors:5} {o.duplicate_rows:8} {o.workers:7} {o.seconds:7}"
        )
        for key, value in {**o.notes, **o.unexpected_rows}.items():
            print(f"    {key}: {value}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workers", type=int, default=WORKERS, help="gunicorn workers")
    args = parser.parse_args()
    ensure_venv_python()
    from cookiecutter.main import cookiecutter

    started = time.monotonic()
    database_url = f"postgres://postgres@127.0.0.1:5432/reliability_{uuid.uuid4().hex[:12]}"
    with tempfile.TemporaryDirectory(prefix="rest-auth-reliability-") as temporary:
        workdir = Path(temporary)
        with serving.quiet_stdout():  # the post-generation hook's "next steps"
            project = Path(
                cookiecutter(
                    str(ROOT), no_input=True, extra_context=ANSWERS, output_dir=str(workdir)
                )
            )
        with serve(project, database_url, workdir, workers=args.workers) as live:
            outcomes = run_all(live)
            tracebacks = live.logged_tracebacks()
    print_table(outcomes)
    print(f"\nTracebacks in the server's log: {tracebacks}")
    results = {
        "machine": {"cpus": os.cpu_count()},
        "workers": args.workers,
        "answers": ANSWERS,
        "scenarios": [asdict(outcome) for outcome in outcomes],
        "logged_tracebacks": tracebacks,
        "seconds": round(time.monotonic() - started, 1),
    }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nWritten to {RESULTS.relative_to(ROOT)} ({results['seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
