"""What .env.example says a development default is, the settings make it; one variable moves
the development server to another port."""

from __future__ import annotations

import json
import re
import sys

import pytest
from conftest import project_env, run, variant

SHOW = """
import json
from django.conf import settings
print(json.dumps({
    "DEV_ORIGIN": getattr(settings, "DEV_ORIGIN", None),
    "FRONTEND_URL": settings.FRONTEND_URL,
    "PASSKEY_RP_ORIGINS": settings.REST_AUTH.get("PASSKEY_RP_ORIGINS"),
}))
"""
WITH_DEMO = variant()
WITHOUT_DEMO = variant(demo_page=False)
DEVELOPMENT = {"DEBUG": "true"}


def development_settings(project, chosen, **extra: str) -> dict:
    env = project_env(chosen, **DEVELOPMENT, **extra)
    for name in ("DEV_ORIGIN", "FRONTEND_URL", "PASSKEY_RP_ORIGINS"):
        if name not in extra:
            env.pop(name, None)
    result = run([sys.executable, "manage.py", "shell", "-c", SHOW], project, env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def documented_default(project, name: str) -> str:
    """The development default the comment above ``NAME=`` in .env.example states."""
    text = (project / ".env.example").read_text()
    block = re.search(rf"((?:^#.*\n)+)^{name}=", text, re.M)[1]
    comment = " ".join(line.lstrip("# ") for line in block.splitlines())
    return re.search(r"Default(?: when DEBUG is on)?: (https?://[^\s,]+?)[.,]?(?:\s|$)", comment)[1]


@pytest.mark.parametrize("chosen", [WITH_DEMO, WITHOUT_DEMO], ids=str)
def test_frontend_url_defaults_to_what_env_example_says(baked, chosen):
    project = baked(chosen)
    expected = documented_default(project, "FRONTEND_URL")
    assert development_settings(project, chosen)["FRONTEND_URL"] == expected


def test_development_origins_are_localhost_as_env_example_says(baked):
    project = baked(WITH_DEMO)
    found = development_settings(project, WITH_DEMO)
    assert (
        found["DEV_ORIGIN"] == documented_default(project, "DEV_ORIGIN") == "http://localhost:8000"
    )
    assert found["PASSKEY_RP_ORIGINS"] == [documented_default(project, "PASSKEY_RP_ORIGINS")]
    assert found["FRONTEND_URL"] == "http://localhost:8000/app"


def test_another_port_is_one_variable(baked):
    project = baked(WITH_DEMO)
    found = development_settings(project, WITH_DEMO, DEV_ORIGIN="http://localhost:8150")
    assert found["PASSKEY_RP_ORIGINS"] == ["http://localhost:8150"]
    assert found["FRONTEND_URL"] == "http://localhost:8150/app"
