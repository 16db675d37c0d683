"""The settings production runs with (DEBUG off, the required variables set) are the secure
ones: cookie flags, CSRF, HSTS, HTTPS, JSON only, strict hosts, `check --deploy` clean.

config.settings is loaded in a subprocess, as a server would load it: the test suite's own
settings (config.test_settings) are not what production runs.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# What a deployment must set (see .env.example); nothing else, so defaults are what is tested.
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "EMAIL_URL": "smtp+tls://mailer:password@smtp.example.com:587",
    "FRONTEND_URL": "https://app.example.com",
    # Throttle counters shared by every worker (rest_auth.W060); check does not connect.
    "CACHE_URL": "redis://127.0.0.1:6379/0",
{%- if cookiecutter.registration and cookiecutter.social_providers != "none" %}
    # Each social login provider's OAuth app (rest_auth.E040 without one).
{%- for provider in cookiecutter.social_providers.split("_") %}
    "SOCIAL_{{ provider.upper() }}_CLIENT_ID": "{{ provider }}-client-id",
    "SOCIAL_{{ provider.upper() }}_SECRET": "{{ provider }}-client-secret",
{%- endfor %}
{%- endif %}
}
SHOW_SETTINGS = """
import json
import django
from django.conf import settings
django.setup()
names = [name for name in dir(settings) if name.isupper()]
print(json.dumps({name: getattr(settings, name) for name in names}, default=repr))
"""


def run(*command: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("ALLOWED_HOSTS",)}
    return subprocess.run(
        [sys.executable, *command],
        cwd=PROJECT_ROOT,
        env={**env, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )


@cache
def production() -> dict[str, Any]:
    result = run("-c", SHOW_SETTINGS)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_debug_is_off():
    assert production()["DEBUG"] is False


def test_session_cookie_is_secure_httponly_and_samesite():
    settings = production()
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert settings["SESSION_COOKIE_HTTPONLY"] is True
    assert settings["SESSION_COOKIE_SAMESITE"] in ("Lax", "Strict")


def test_csrf_cookie_is_secure_and_samesite():
    # Not HttpOnly on purpose: a browser app reads it to send the X-CSRFToken header, and
    # Django's docs note that HttpOnly would protect nothing here.
    settings = production()
    assert settings["CSRF_COOKIE_SECURE"] is True
    assert settings["CSRF_COOKIE_SAMESITE"] in ("Lax", "Strict")


def test_csrf_is_checked():
    assert "django.middleware.csrf.CsrfViewMiddleware" in production()["MIDDLEWARE"]


def test_https_only_with_hsts():
    settings = production()
    assert settings["SECURE_SSL_REDIRECT"] is True
    assert settings["SECURE_HSTS_SECONDS"] >= 31536000  # a year
    assert settings["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert settings["SECURE_CONTENT_TYPE_NOSNIFF"] is True


def test_json_only_no_browsable_api():
    renderers = production()["REST_FRAMEWORK"]["DEFAULT_RENDERER_CLASSES"]
    assert renderers == ["rest_framework.renderers.JSONRenderer"]


def test_allowed_hosts_are_strict():
    hosts = production()["ALLOWED_HOSTS"]
    assert hosts, "no host would be served"
    assert not [host for host in hosts if "*" in host or host.startswith(".")], hosts
    assert not {"localhost", "127.0.0.1"} & set(hosts)


def test_links_in_emails_never_come_from_the_request():
    assert production()["FRONTEND_URL"] == "https://app.example.com"


def test_check_deploy_is_clean():
    result = run("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
