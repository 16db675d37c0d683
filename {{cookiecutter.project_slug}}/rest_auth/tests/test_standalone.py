"""rest_auth works without this project's code: Django's own User model, no `config`."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CORE_TESTS = [
    "test_login.py",
    "test_logout.py",
    "test_user_details.py",
    "test_password_change.py",
    "test_password_reset.py",
    "test_revocation.py",
{%- if cookiecutter.auth_mode == "token" %}
    "test_token_auth.py",
    "standalone_token_tests.py",
{%- endif %}
{%- if cookiecutter.auth_mode == "jwt" %}
    "../jwt/tests/test_jwt_auth.py",
    "../jwt/tests/test_jwt_cookies.py",
    "../jwt/tests/test_jwt_revocation.py",
{%- if cookiecutter.jwt_blacklist %}
    "../jwt/tests/test_jwt_blacklist.py",
{%- else %}
    "../jwt/tests/test_jwt_without_blacklist.py",
{%- endif %}
{%- endif %}
{%- if cookiecutter.passkeys %}
    "../passkeys/tests/test_ceremonies.py",
    "../passkeys/tests/test_security.py",
{%- endif %}
]


def test_core_tests_pass_with_djangos_user_model():
    tests = [str(Path(__file__).parent / name) for name in CORE_TESTS]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--ds=rest_auth.tests.standalone_settings",
{%- if cookiecutter.auth_mode == "jwt" and cookiecutter.database == "postgresql" %}
            # Races need the project's database server, not this in-memory SQLite.
            "-k",
            "not concurrent",
{%- endif %}
            *tests,
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "rest_auth.tests.standalone_settings"},
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout
