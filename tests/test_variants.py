"""Each variant of the option matrix, baked once: clean output, working tools, passing suite."""

from __future__ import annotations

import ast
import importlib.metadata
import json
import re
import secrets
import sys
import tomllib
from pathlib import Path

import post_gen_project
import pytest
from conftest import VARIANTS, project_env, run

pytestmark = pytest.mark.parametrize("variant", VARIANTS, ids=str)

# Words that must not appear in a variant's code or configuration once its answers
# removed the feature they belong to. Prose (Markdown) may say what was not generated.
PRUNED_MARKERS = {
    ("auth_mode", "session"): ["TokenAuthentication", "rest_framework.authtoken\"", "test_token_auth"],
    ("database", "sqlite"): ["psycopg", "postgres"],
    # The core's checks name the PASSKEY_ prefix to explain a key of a feature that was
    # not generated; everything more specific must be gone.
    ("passkeys", False): [
        "playwright",
        "webauthn",
        "rest_auth.passkeys",
        "passkey_",
        "PASSKEY_RP_ORIGINS",
        "PASSKEY_CHALLENGE_TIMEOUT",
        "cbor2",
        "cryptography",
    ],
}
LOCAL_PACKAGES = {"config", "users", "rest_auth", "manage"}
# Distributions a project declares without importing them: drivers Django loads from
# settings, and command-line tools.
LOADED_NOT_IMPORTED = {"psycopg", "ruff"}


def project_files(project: Path):
    for path in sorted(project.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            yield path


def test_no_template_syntax_remains(baked, variant):
    project = baked(variant)
    leftovers = []
    for path in project_files(project):
        if "templates" in path.relative_to(project).parts:
            continue  # Django templates: their {{ }} is meant to stay
        text = path.read_text()
        if re.search(r"\{\{|\{%|\{#|cookiecutter", text):
            leftovers.append(str(path.relative_to(project)))
    assert leftovers == []


def test_django_templates_are_copied_unrendered(baked, variant):
    email = baked(variant) / "rest_auth/templates/rest_auth/password_reset_email.txt"
    assert "{{ password_reset_url }}" in email.read_text()


def test_pruned_paths_are_gone(baked, variant):
    project = baked(variant)
    for relative in post_gen_project.plan(variant.context):
        assert not (project / relative).exists(), relative


def test_nothing_mentions_what_was_pruned(baked, variant):
    project = baked(variant)
    markers = [
        marker
        for (prompt, answer), words in PRUNED_MARKERS.items()
        if variant.context.get(prompt) == answer
        for marker in words
    ]
    found = [
        f"{path.relative_to(project)}: {marker}"
        for path in project_files(project)
        if path.suffix != ".md"
        for marker in markers
        if marker in path.read_text()
    ]
    assert found == []


def test_env_file_is_written_and_ignored(baked, variant):
    project = baked(variant)
    assert "SECRET_KEY=" in (project / ".env").read_text()
    assert ".env" in (project / ".gitignore").read_text().splitlines()


def test_check_deploy_is_clean_with_production_settings(baked, variant):
    project = baked(variant)
    env = project_env(
        variant,
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="api.example.com",
        EMAIL_URL="smtp+tls://mailer:password@smtp.example.com:587",
        FRONTEND_URL="https://app.example.com",
    )
    command = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    result = run(command, project, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_their_variables(baked, variant):
    project = baked(variant)
    env = project_env(variant, DEBUG="false", SECRET_KEY=secrets.token_urlsafe(50))
    result = run([sys.executable, "manage.py", "check"], project, env)
    assert result.returncode != 0
    assert "EMAIL_URL" in result.stderr


def test_migrations_match_the_models(baked, variant):
    project = baked(variant)
    command = [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"]
    result = run(command, project, project_env(variant))
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean(baked, variant):
    project = baked(variant)
    lint = run([sys.executable, "-m", "ruff", "check", "."], project, project_env(variant))
    assert lint.returncode == 0, lint.stdout + lint.stderr
    formatted = run([sys.executable, "-m", "ruff", "format", "--check", "."], project, project_env(variant))
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr


def declared_distributions(project: Path) -> set[str]:
    pyproject = tomllib.loads((project / "pyproject.toml").read_text())["project"]
    requirements = pyproject["dependencies"] + pyproject["optional-dependencies"]["dev"]
    return {normalize(re.match(r"[A-Za-z0-9_.-]+", line).group()) for line in requirements}


def imported_distributions(project: Path) -> set[str]:
    modules = set()
    for path in project.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    third_party = modules - set(sys.stdlib_module_names) - LOCAL_PACKAGES
    by_module = importlib.metadata.packages_distributions()
    return {normalize(by_module[module][0]) for module in third_party}


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_pyproject_lists_exactly_what_the_project_imports(baked, variant):
    project = baked(variant)
    declared, imported = declared_distributions(project), imported_distributions(project)
    # pytest-django is a plugin: loaded by pytest, configured in pyproject.toml.
    assert imported - declared == set()
    assert declared - imported <= LOADED_NOT_IMPORTED | {"pytest-django"}
    assert ("psycopg" in declared) == (variant.context["database"] == "postgresql")
    assert ("webauthn" in declared) == variant.context["passkeys"]


def test_own_suite_passes(baked, variant):
    project = baked(variant)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "error"]
    result = run(command, project, project_env(variant))
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-3000:]
    assert " passed" in summary and "skipped" not in summary, summary


def test_env_example_documents_every_variable_the_settings_read(baked, variant):
    project = baked(variant)
    settings = (project / "config" / "settings.py").read_text()
    read = set(re.findall(r"\benv(?:\.\w+)?\(\s*\"([A-Z_]+)\"", settings))
    documented = set(re.findall(r"^([A-Z_]+)=", (project / ".env.example").read_text(), re.M))
    assert read, "no env(...) calls found: the pattern is out of date"
    assert read - documented == set()


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "EMAIL_URL": "smtp+tls://mailer:password@smtp.example.com:587",
    "FRONTEND_URL": "https://app.example.com",
}
SHOW_PASSKEY_SETTINGS = (
    "import json; from django.conf import settings; "
    "print(json.dumps({k: v for k, v in settings.REST_AUTH.items() if k.startswith('PASSKEY_')}))"
)


def test_passkey_settings_come_from_the_environment(baked, variant):
    project = baked(variant)

    def passkey_settings(**env: str) -> dict:
        command = [sys.executable, "manage.py", "shell", "-c", SHOW_PASSKEY_SETTINGS]
        result = run(command, project, project_env(variant, **env))
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])

    development = passkey_settings(DEBUG="true")
    if not variant.context["passkeys"]:
        assert development == {}
        return
    assert development == {
        "PASSKEY_RP_ID": "localhost",
        "PASSKEY_RP_NAME": "My API",
        "PASSKEY_RP_ORIGINS": ["http://localhost:8000"],
        "PASSKEY_CHALLENGE_TIMEOUT": 300,
    }
    production = passkey_settings(**PRODUCTION)
    assert production["PASSKEY_RP_ID"] == "example.com"  # the domain_name answer
    assert production["PASSKEY_RP_ORIGINS"] == ["https://example.com"]
    configured = passkey_settings(
        **PRODUCTION,
        PASSKEY_RP_ID="example.org",
        PASSKEY_RP_NAME="Other",
        PASSKEY_RP_ORIGINS="https://example.org,https://app.example.org",
        PASSKEY_CHALLENGE_TIMEOUT="60",
    )
    assert configured == {
        "PASSKEY_RP_ID": "example.org",
        "PASSKEY_RP_NAME": "Other",
        "PASSKEY_RP_ORIGINS": ["https://example.org", "https://app.example.org"],
        "PASSKEY_CHALLENGE_TIMEOUT": 60,
    }
