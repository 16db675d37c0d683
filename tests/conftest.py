"""Shared machinery of the template's tests: baking variants once, and running their tools.

Each variant is baked once per test run (``baked()`` caches by answers) and shared by every
test that inspects it. The variants' own suites run in this same virtualenv, which holds
the union of every variant's dependencies (requirements.txt).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from cookiecutter.main import cookiecutter

ROOT = Path(__file__).resolve().parent.parent
PROMPTS = json.loads((ROOT / "cookiecutter.json").read_text())
IN_CI = os.environ.get("CI", "").lower() == "true"
POSTGRES = ("127.0.0.1", 5432)

sys.path.insert(0, str(ROOT / "hooks"))


@dataclass(frozen=True)
class Variant:
    """A set of answers worth baking, with a short name for test ids and database names."""

    name: str
    answers: tuple[tuple[str, str | bool], ...]

    @property
    def context(self) -> dict[str, str | bool]:
        return dict(self.answers)

    def __str__(self) -> str:
        return self.name


def variant(**answers: str | bool) -> Variant:
    # Yes/no answers name themselves: passkeys=True -> "passkeys", False -> "no_passkeys".
    words = [
        value if isinstance(value, str) else (key if value else f"no_{key}")
        for key, value in answers.items()
    ]
    return Variant("_".join(words) or "default", tuple(sorted(answers.items())))


# The option matrix: every auth_mode on every database, with passkeys (the default);
# without passkeys once per auth_mode (what pruning them leaves behind).
VARIANTS = [
    *(
        variant(auth_mode=auth_mode, database=database, passkeys=True)
        for auth_mode in PROMPTS["auth_mode"]
        for database in PROMPTS["database"]
    ),
    *(
        variant(auth_mode=auth_mode, database="sqlite", passkeys=False)
        for auth_mode in PROMPTS["auth_mode"]
    ),
]


def bake(output_dir: Path, **answers: str | bool) -> Path:
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
        # One database per variant, so variants can run side by side.
        env["DATABASE_URL"] = f"postgres://postgres@{POSTGRES[0]}:{POSTGRES[1]}/{chosen.name}"
    env.update(extra)
    return env


def run(command: list[str], cwd: Path, env: dict[str, str], timeout: int = 600):
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
