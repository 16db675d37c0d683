"""Shared machinery of the template's tests: baking variants once, and running their tools.

Each variant is baked once per test run (``baked()`` caches by answers) and shared by every
test that inspects it. The variants' own suites run in this same virtualenv, which holds
the union of every variant's dependencies (requirements.txt).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from cookiecutter.main import cookiecutter

ROOT = Path(__file__).resolve().parent.parent
PROMPTS = json.loads((ROOT / "cookiecutter.json").read_text())
IN_CI = os.environ.get("CI", "").lower() == "true"
POSTGRES = ("127.0.0.1", 5432)
RUN_ID = uuid.uuid4().hex[:8]

sys.path.insert(0, str(ROOT / "hooks"))


# What --no-input bakes: the first choice of each list, the value of everything else.
DEFAULT_ANSWERS = {
    key: value[0] if isinstance(value, list) else value
    for key, value in PROMPTS.items()
    if not key.startswith("_")
}


@dataclass(frozen=True)
class Variant:
    """A set of answers worth baking, with a short name for test ids and database names."""

    name: str
    answers: tuple[tuple[str, object], ...]

    @property
    def context(self) -> dict[str, object]:
        """Every answer, as the hooks see them: defaults for those not chosen."""
        return {**DEFAULT_ANSWERS, **dict(self.answers)}

    def __str__(self) -> str:
        return self.name


def variant(**answers: object) -> Variant:
    words = [
        (key if value else f"no_{key}") if isinstance(value, bool) else str(value)
        for key, value in answers.items()
    ]
    return Variant("_".join(words) or "default", tuple(sorted(answers.items())))


# The option matrix, pairwise: every auth_mode on every database; every email_verification
# and every login_method value with each auth_mode; every social provider choice with each
# auth_mode (none: the variants without registration, and the last JWT one); JWT's own
# yes/no prompts in every combination; each other yes/no prompt turned off at least once
# (the defaults turn them all on). Each variant costs a bake and a suite run: add one only
# for a new pair.
VARIANTS = [
    variant(
        auth_mode="token",
        email_verification="optional",
        login_method="username_email",
        social_providers="google",
    ),
    variant(
        auth_mode="token",
        email_verification="mandatory",
        login_method="username",
        social_providers="github",
        database="postgresql",
    ),
    variant(
        auth_mode="token",
        email_verification="none",
        login_method="email",
        social_providers="google_github",
    ),
    variant(auth_mode="token", registration=False, passkeys=False, database="postgresql"),
    variant(
        auth_mode="session",
        email_verification="mandatory",
        login_method="email",
        social_providers="google",
    ),
    variant(
        auth_mode="session",
        email_verification="none",
        login_method="username",
        social_providers="github",
        database="postgresql",
    ),
    variant(
        auth_mode="session",
        email_verification="optional",
        login_method="username_email",
        social_providers="google_github",
        database="postgresql",
    ),
    variant(
        auth_mode="session", registration=False, passkeys=False, api_docs=False, demo_page=False
    ),
    variant(
        auth_mode="jwt",
        email_verification="mandatory",
        login_method="username_email",
        social_providers="google",
    ),
    variant(
        auth_mode="jwt",
        jwt_blacklist=False,
        email_verification="none",
        login_method="email",
        social_providers="github",
    ),
    variant(
        auth_mode="jwt",
        jwt_cookies=False,
        email_verification="optional",
        login_method="username",
        social_providers="google_github",
    ),
    variant(
        auth_mode="jwt", jwt_cookies=False, jwt_blacklist=False, registration=False, passkeys=False
    ),
    variant(auth_mode="jwt", database="postgresql"),
]


def bake(output_dir: Path, **answers: object) -> Path:
    """Bake with cookiecutter's Python API; unknown answers are a mistake, not ignored.

    Cookiecutter silently drops an ``extra_context`` key that cookiecutter.json does not
    have, so a typo (``auth_mod=session``) would bake the defaults without a word.
    """
    unknown = answers.keys() - PROMPTS.keys()
    if unknown:
        raise KeyError(f"not prompts of this template: {sorted(unknown)}")
    return Path(
        cookiecutter(str(ROOT), no_input=True, extra_context=answers, output_dir=str(output_dir))
    )


_baked: dict[Variant, Path] = {}


@pytest.fixture(scope="session")
def baked(tmp_path_factory: pytest.TempPathFactory):
    """``baked(variant)`` -> the project directory, baked on first use in this run."""

    def get(chosen: Variant) -> Path:
        if chosen not in _baked:
            output = tmp_path_factory.mktemp(chosen.name)
            _baked[chosen] = bake(output, **chosen.context)
        return _baked[chosen]

    return get


def service_reachable(address: tuple[str, int]) -> bool:
    try:
        socket.create_connection(address, timeout=2).close()
    except OSError:
        return False
    return True


def require_service(address: tuple[str, int], what: str) -> None:
    """Skip on a developer machine without the service; under CI=true, fail instead."""
    if service_reachable(address):
        return
    message = f"{what} is not reachable at {address[0]}:{address[1]}"
    if IN_CI:
        pytest.fail(message + " (CI=true: tests that need it may not skip)")
    pytest.skip(message)


def project_env(chosen: Variant, **extra: str) -> dict[str, str]:
    """The environment a variant's commands run in: its database, nothing from .env."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    if chosen.context.get("database") == "postgresql":
        require_service(POSTGRES, "PostgreSQL")
        # One database per variant and run, so variants, and runs from other checkouts on
        # the same server, can run side by side. (pytest-django prefixes it with test_.)
        digest = hashlib.sha1(chosen.name.encode()).hexdigest()[:12]
        database = f"r{RUN_ID}_{digest}"
        env["DATABASE_URL"] = f"postgres://postgres@{POSTGRES[0]}:{POSTGRES[1]}/{database}"
    env.update(extra)
    return env


def run(command: list[str], cwd: Path, env: dict[str, str], timeout: int = 600):
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
