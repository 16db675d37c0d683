"""The generated project's layout holds the line: a folder per feature, plain Python in the
app, nothing found by its file name.

Each check is a function of a directory, so it can be run against any checkout of the
template; the tests run it against this one and against the baked variants.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, VARIANTS

TEMPLATE = ROOT / "{{cookiecutter.project_slug}}"
CACHES = {"__pycache__", ".pytest_cache", ".ruff_cache"}

# Test modules of rest_auth/ that still carry Jinja: the standalone run's settings and its
# runner name the features of the variant, and the blacklist tests hold a PostgreSQL-only
# race. Each is to become plain Python (or a file of its own that the hook prunes).
JINJA_NOT_YET_CONVERTED = {
    "rest_auth/tests/standalone_settings.py",
    "rest_auth/tests/test_standalone.py",
    "rest_auth/jwt/tests/test_jwt_blacklist.py",
}
# The one module of rest_auth/ whose job is to choose routes by the answers.
JINJA_ALLOWED = {"rest_auth/urls.py"}

# dj-rest-auth's module paths, kept as one-line re-exports of a feature package's code.
LIBRARY_PATHS = {"rest_auth/jwt_auth.py", "rest_auth/social_serializers.py"}
# Finding code by its file name: a module scan or a glob.
FILE_NAME_DISCOVERY = re.compile(
    r"\bpkgutil\b|\biter_modules\b|\bwalk_packages\b|\bglob\b|\.r?glob\(|\blistdir\(|\bscandir\("
)


def files(project: Path, folder: str, suffixes: tuple[str, ...]) -> list[tuple[str, Path]]:
    """Return (path relative to the project, path) of the files under ``folder``."""
    return [
        (path.relative_to(project).as_posix(), path)
        for path in sorted((project / folder).rglob("*"))
        if path.is_file() and path.suffix in suffixes and not CACHES & set(path.parts)
    ]


def python_with_jinja(template: Path) -> list[str]:
    """Return the Python modules of the template's rest_auth/ that carry a Jinja tag."""
    return [
        relative
        for relative, path in files(template, "rest_auth", (".py",))
        if re.search(r"\{%|\{\{|\{#", path.read_text())
    ]


def feature_modules_outside_packages(project: Path) -> list[str]:
    """Return the jwt_* and social_* modules of rest_auth/: features outside their folder."""
    return [
        relative
        for relative, path in files(project, "rest_auth", (".py",))
        if path.name.startswith(("jwt_", "social_"))
    ]


def file_name_discovery(project: Path) -> list[str]:
    """Return the files of rest_auth/ and demo/ that find code by its file name."""
    return [
        relative
        for folder in ("rest_auth", "demo")
        if (project / folder).exists()
        for relative, path in files(project, folder, (".py", ".js", ".html"))
        if FILE_NAME_DISCOVERY.search(path.read_text())
    ]


def test_no_python_module_of_rest_auth_carries_jinja_but_its_urls():
    allowed = JINJA_ALLOWED | JINJA_NOT_YET_CONVERTED
    assert [path for path in python_with_jinja(TEMPLATE) if path not in allowed] == []


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
def test_features_live_in_their_packages(baked, variant):
    found = feature_modules_outside_packages(baked(variant))
    assert [path for path in found if path not in LIBRARY_PATHS] == []


def test_nothing_finds_code_by_its_file_name():
    assert file_name_discovery(TEMPLATE) == []
