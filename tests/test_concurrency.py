"""Single-use things are single-use under concurrency, on PostgreSQL with several workers.

The variant with every single-use thing (JWT with rotation and blacklist, mandatory email
verification, passkeys, PostgreSQL) is served by gunicorn with 3 workers on 127.0.0.1,
with its own database and Redis keys under a prefix of this run. Each burst sends 12
parallel requests that all use one email-confirmation key, one refresh token, one
password-reset link or one passkey challenge: exactly one succeeds, the others get a 4xx,
none a 5xx, and no row is written beyond what the one success explains. The scenarios are
benchmarks/reliability.py's, which reports the same figures for the README.
"""

from __future__ import annotations

import os
import sys

import pytest
from conftest import ROOT, project_env, require_service, variant

sys.path.insert(0, str(ROOT / "benchmarks"))
import reliability  # noqa: E402

REDIS = ("127.0.0.1", 6379)
VARIANT = variant(**reliability.ANSWERS)


@pytest.fixture(scope="module")
def live(baked, tmp_path_factory):
    require_service(REDIS, "Redis")
    project = baked(VARIANT)
    # One database per pytest-xdist worker: each worker that runs a test here serves its own.
    database_url = (
        project_env(VARIANT)["DATABASE_URL"]
        + "_live_"
        + os.environ.get("PYTEST_XDIST_WORKER", "main")
    )
    workdir = tmp_path_factory.mktemp("live")
    with reliability.serve(project, database_url, workdir, workers=3) as served:
        yield served
        assert served.logged_tracebacks() == 0, served.server.output.read_text()[-5000:]


@pytest.fixture
def account(live):
    return reliability.verified_account(live, f"user{os.urandom(4).hex()}")


@pytest.fixture
def authenticator(live, account):
    authenticator = reliability.soft_authenticator(live.project)
    reliability.register_passkey(live, account, authenticator)
    return authenticator


def assert_used_once(outcome: reliability.Outcome) -> None:
    assert outcome.requests == reliability.BURST
    assert (outcome.successes, outcome.server_errors) == (1, 0), outcome
    assert outcome.client_errors == reliability.BURST - 1, outcome
    assert outcome.unexpected_rows == {}, outcome
    # The burst was spread over the workers: the race was between processes.
    assert outcome.workers > 1, outcome


def test_one_email_confirmation_key_confirms_once(live):
    assert_used_once(reliability.email_confirmations(live))


def test_one_refresh_token_rotates_once(live, account):
    outcome = reliability.refreshes(live, account)
    assert_used_once(outcome)
    assert outcome.notes == {
        "reused rotated token": 401,
        "new token, first use": 200,
        "new token, reused": 401,
    }


def test_a_reused_rotated_refresh_token_is_refused(live, account):
    first = reliability.log_in(live, account)["refresh"]
    rotated = live.post("/token/refresh/", {"refresh": first})
    assert rotated.status == 200
    reused = live.post("/token/refresh/", {"refresh": first})
    assert (reused.status, reused.body["code"]) == (401, "token_not_valid")
    # The token it was rotated into works, once.
    assert live.post("/token/refresh/", {"refresh": rotated.body["refresh"]}).status == 200
    assert live.post("/token/refresh/", {"refresh": rotated.body["refresh"]}).status == 401


def test_one_password_reset_link_resets_once(live, account):
    outcome = reliability.password_resets(live, account)
    assert_used_once(outcome)
    assert outcome.notes == {"login with the new password": 200}


def test_one_passkey_challenge_logs_in_once(live, authenticator):
    assert_used_once(reliability.passkey_challenges(live, authenticator))


def test_passkey_ceremonies_complete_on_any_worker(live, authenticator):
    outcome = reliability.passkey_ceremonies(live, authenticator)
    assert (outcome.successes, outcome.server_errors) == (outcome.requests, 0), outcome
    assert outcome.unexpected_rows == {}, outcome
    # The challenge is in the database, not in the memory of the worker that made it.
    assert outcome.notes["completed on another worker than began"] > 0, outcome


def test_parallel_logins_of_one_user_all_succeed(live, account):
    outcome = reliability.logins(live, account)
    assert (outcome.successes, outcome.server_errors) == (reliability.BURST, 0), outcome
    assert outcome.unexpected_rows == {}, outcome
    assert outcome.notes == {"distinct refresh tokens": reliability.BURST}


def test_a_logged_out_access_token_is_refused_by_every_worker(live, account):
    outcome = reliability.logged_out_access_tokens(live, account)
    assert outcome.statuses == {"401": reliability.BURST}, outcome
    assert outcome.workers > 1, outcome
