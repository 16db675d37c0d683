"""Variants with API docs: drf-spectacular generates their schema without a warning."""

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
