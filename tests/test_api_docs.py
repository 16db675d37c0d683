"""Variants with API docs: drf-spectacular generates their schema without a warning, in the
words of each variant."""

import json
import sys

import pytest
from conftest import VARIANTS, project_env, run

DOCS_VARIANTS = [variant for variant in VARIANTS if variant.context["api_docs"]]


@pytest.mark.parametrize("variant", DOCS_VARIANTS, ids=str)
def test_spectacular_validates_without_warnings(baked, variant, tmp_path):
    project = baked(variant)
    schema = tmp_path / "schema.yaml"
    command = [sys.executable, "manage.py", "spectacular", "--validate", "--fail-on-warn"]
    result = run([*command, "--file", str(schema)], project, project_env(variant, DEBUG="true"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "/api/auth/login/" in schema.read_text()


@pytest.mark.parametrize("variant", DOCS_VARIANTS, ids=str)
def test_login_summary_says_what_this_variant_logs_in_with(baked, variant, tmp_path):
    project = baked(variant)
    schema = tmp_path / "schema.json"
    command = [sys.executable, "manage.py", "spectacular", "--format", "openapi-json"]
    result = run([*command, "--file", str(schema)], project, project_env(variant, DEBUG="true"))
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads(schema.read_text())["paths"]["/api/auth/login/"]["post"]["summary"]
    # Without registration login takes either; with it, what login_method says.
    answers = variant.context
    method = answers["login_method"] if answers["registration"] else "username_email"
    expected = {
        "username_email": "Log in with a username or an email address and a password",
        "username": "Log in with a username and a password",
        "email": "Log in with an email address and a password",
    }
    assert summary == expected[method]
