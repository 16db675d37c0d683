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
TOKEN_MARKERS = [
    "TokenAuthentication",
    'rest_framework.authtoken"',
    "test_token_auth",
    "rest_auth.tokens",
    "AuthToken",
    "API_TOKEN",
    "clear_expired_tokens",
]
JWT_MARKERS = [
    "simplejwt",
    "SIMPLE_JWT",
    "jwt_auth",
    "jwt_views",
    "jwt_checks",
    "jwt_settings",
    "jwt_serializers",
    "jwt_encode",
    "JWT_AUTH",
    "JWTSerializer",
    "Bearer",
    "token_refresh",
    "token_verify",
    "test_jwt",
    "docs/jwt.md",
]
GOOGLE_MARKERS = ["GoogleLogin", "GOOGLE", "google_", "providers.google", "PyJWT[crypto]"]
GITHUB_MARKERS = ["GitHubLogin", "GitHub", "GITHUB", "github_", "providers.github"]
PRUNED_MARKERS = {
    ("auth_mode", "token"): JWT_MARKERS,
    ("auth_mode", "session"): TOKEN_MARKERS + JWT_MARKERS,
    ("auth_mode", "jwt"): TOKEN_MARKERS,
    ("jwt_blacklist", False): ["test_jwt_blacklist", 'ROTATE_REFRESH_TOKENS": True'],
    ("jwt_blacklist", True): ["test_jwt_without_blacklist"],
    ("database", "sqlite"): ["psycopg", "postgres"],
    ("api_docs", False): ["spectacular", "rest_auth.schema", "openapi"],
    ("demo_page", False): ['"demo"', "demo.urls", "playwright", "CHROMIUM"],
    ("registration", False): [
        "allauth",
        "rest_auth.registration",
        "rest_register",
        "EmailAddress",
        "ACCOUNT_",
        "THROTTLE_RATE_REGISTER",
    ],
    # The core's checks name the PASSKEY_ prefix to explain a key of a feature that was
    # not generated; everything more specific must be gone.
    # Social login: the shared code without any provider, each provider without it.
    ("social_providers", "none"): [
        "socialaccount",
        "SOCIALACCOUNT",
        "social_",
        "SOCIAL_",
        "SocialLogin",
        "google_login",
        "github_login",
    ],
    ("social_providers", "google"): GITHUB_MARKERS,
    ("social_providers", "github"): GOOGLE_MARKERS,
    ("passkeys", False): [
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
# Distributions a project declares without importing them: drivers, hashers and cache clients
# Django loads from settings, and command-line tools.
LOADED_NOT_IMPORTED = {"argon2-cffi", "psycopg", "redis", "ruff"}


# What running the project's tools leaves behind; not part of what was generated.
CACHES = {"__pycache__", ".pytest_cache", ".ruff_cache"}


def project_files(project: Path):
    for path in sorted(project.rglob("*")):
        if path.is_file() and not CACHES & set(path.parts):
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


def test_registration_email_templates_are_copied_unrendered(baked, variant):
    emails = baked(variant) / "rest_auth/registration/templates/account/email"
    if not variant.context["registration"]:
        assert not emails.exists()
        return
    signup = emails / "email_confirmation_signup_message.txt"
    assert "{{ activate_url }}" in signup.read_text()
    assert "{{ password_reset_url }}" in (emails / "password_reset_key_message.txt").read_text()


# What each registration answer must write into config/settings.py.
REGISTRATION_SETTINGS = {
    ("email_verification", "optional"): ['ACCOUNT_EMAIL_VERIFICATION = "optional"'],
    ("email_verification", "mandatory"): ['ACCOUNT_EMAIL_VERIFICATION = "mandatory"'],
    ("email_verification", "none"): ['ACCOUNT_EMAIL_VERIFICATION = "none"'],
    ("login_method", "username_email"): [
        'ACCOUNT_LOGIN_METHODS = {"username", "email"}',
        'ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]',
    ],
    ("login_method", "username"): ['ACCOUNT_LOGIN_METHODS = {"username"}', '"username*"'],
    ("login_method", "email"): [
        'ACCOUNT_LOGIN_METHODS = {"email"}',
        'ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]',
    ],
}


def test_registration_answers_reach_the_settings(baked, variant):
    settings = (baked(variant) / "config/settings.py").read_text()
    expected = [
        line
        for (prompt, answer), lines in REGISTRATION_SETTINGS.items()
        if variant.context["registration"] and variant.context[prompt] == answer
        for line in lines
    ]
    assert [line for line in expected if line not in settings] == []
    docs = baked(variant) / "docs" / "registration.md"
    assert docs.exists() == variant.context["registration"]


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


# The OAuth apps of every provider a variant may have (variables of others are unread).
SOCIAL_CREDENTIALS = {
    f"SOCIAL_{provider}_{field}": f"{provider.lower()}-{field.lower()}"
    for provider in ("GOOGLE", "GITHUB")
    for field in ("CLIENT_ID", "SECRET")
}


def production_env(variant, **extra: str) -> dict[str, str]:
    """The variables production must set (DEBUG off), plus ``extra``."""
    return project_env(
        variant,
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        EMAIL_URL="smtp+tls://mailer:password@smtp.example.com:587",
        FRONTEND_URL="https://app.example.com",
        **extra,
    )


def test_check_deploy_is_clean_with_production_settings(baked, variant):
    project = baked(variant)
    env = production_env(
        variant,
        ALLOWED_HOSTS="api.example.com",
        **SOCIAL_CREDENTIALS,
        # Throttle counters shared by every worker (rest_auth.W060); check does not connect.
        CACHE_URL="redis://127.0.0.1:6379/0",
    )
    command = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    result = run(command, project, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_social_login_without_credentials_fails_the_check(baked, variant):
    project = baked(variant)
    result = run([sys.executable, "manage.py", "check"], project, production_env(variant))
    providers = post_gen_project.social_providers(variant.context)
    assert (result.returncode != 0) == bool(providers), result.stdout + result.stderr
    for provider in providers:
        assert f"SOCIAL_{provider.upper()}_CLIENT_ID" in result.stderr
    assert ("rest_auth.E040" in result.stderr) == bool(providers)


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
    formatted = run(
        [sys.executable, "-m", "ruff", "format", "--check", "."], project, project_env(variant)
    )
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr


def declared_distributions(project: Path) -> set[str]:
    pyproject = tomllib.loads((project / "pyproject.toml").read_text())["project"]
    requirements = pyproject["dependencies"] + pyproject["optional-dependencies"]["dev"]
    return {normalize(re.match(r"[A-Za-z0-9_.-]+", line).group()) for line in requirements}


def imported_distributions(project: Path) -> set[str]:
    """Distributions of the modules the code imports, or settings name by dotted path."""
    modules = set()
    for path in project.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    settings = ast.parse((project / "config" / "settings.py").read_text())
    for node in ast.walk(settings):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if re.fullmatch(r"[a-z_][a-z0-9_]*(\.[A-Za-z0-9_]+)*", node.value):
                modules.add(node.value.split(".")[0])
    by_module = importlib.metadata.packages_distributions()
    third_party = modules - set(sys.stdlib_module_names) - LOCAL_PACKAGES
    return {normalize(by_module[module][0]) for module in third_party if module in by_module}


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_pyproject_lists_exactly_what_the_project_imports(baked, variant):
    project = baked(variant)
    declared, imported = declared_distributions(project), imported_distributions(project)
    # pytest-django is a plugin: loaded by pytest, configured in pyproject.toml.
    assert imported - declared == set()
    assert declared - imported <= LOADED_NOT_IMPORTED | {"pytest-django"}
    assert ("psycopg" in declared) == (variant.context["database"] == "postgresql")
    assert ("django-allauth" in declared) == variant.context["registration"]
    assert ("webauthn" in declared) == variant.context["passkeys"]
    providers = post_gen_project.social_providers(variant.context)
    assert ("requests" in declared) == bool(providers)
    assert ("pyjwt" in declared) == ("google" in providers)


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


SETTINGS_SCRIPT = """
import json
from django.conf import settings
print(json.dumps({
    "apps": settings.INSTALLED_APPS,
    "authentication": settings.REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"],
    "rest_auth": settings.REST_AUTH,
    "simple_jwt": getattr(settings, "SIMPLE_JWT", None),
    "debug": settings.DEBUG,
}, default=str))
"""


def test_settings_follow_the_answers(baked, variant):
    project = baked(variant)
    command = [sys.executable, "manage.py", "shell", "-c", SETTINGS_SCRIPT]
    result = run(command, project, project_env(variant))
    assert result.returncode == 0, result.stdout + result.stderr
    # The last line: Django's shell may first say what it imported.
    configured = json.loads(result.stdout.strip().splitlines()[-1])
    answers = variant.context
    jwt, rest_auth = answers["auth_mode"] == "jwt", configured["rest_auth"]
    token = answers["auth_mode"] == "token"
    assert ("rest_auth.tokens" in configured["apps"]) == token
    # Nothing in the generated project needs DRF's plain tokens (its own tests use them).
    assert "rest_framework.authtoken" not in configured["apps"]
    if token:
        assert configured["authentication"] == [
            "rest_auth.tokens.authentication.TokenAuthentication"
        ]
        assert (rest_auth["TOKEN_MODEL"], rest_auth["TOKEN_CREATOR"]) == (
            "rest_auth.tokens.models.AuthToken",
            "rest_auth.tokens.utils.create_token",
        )
    assert rest_auth.get("USE_JWT", False) == jwt
    assert (configured["simple_jwt"] is not None) == jwt
    if not jwt:
        return
    assert configured["authentication"] == ["rest_auth.jwt.authentication.JWTCookieAuthentication"]
    assert (rest_auth["TOKEN_MODEL"], rest_auth["SESSION_LOGIN"]) == (None, False)
    cookies = {key: value for key, value in rest_auth.items() if key.startswith("JWT_AUTH_")}
    if answers["jwt_cookies"]:
        assert cookies == {
            "JWT_AUTH_COOKIE": "access_token",
            "JWT_AUTH_REFRESH_COOKIE": "refresh_token",
            "JWT_AUTH_REFRESH_COOKIE_PATH": "/api/auth/token/refresh/",
            "JWT_AUTH_HTTPONLY": True,
            "JWT_AUTH_SECURE": not configured["debug"],  # the baked .env turns DEBUG on
            "JWT_AUTH_SAMESITE": "Lax",
            "JWT_AUTH_COOKIE_USE_CSRF": True,
        }
    else:
        assert cookies == {}
    blacklist = answers["jwt_blacklist"]
    assert ("rest_framework_simplejwt.token_blacklist" in configured["apps"]) == blacklist
    simple_jwt = configured["simple_jwt"]
    assert simple_jwt.get("ROTATE_REFRESH_TOKENS", False) == blacklist
    assert simple_jwt.get("BLACKLIST_AFTER_ROTATION", False) == blacklist
    assert simple_jwt["CHECK_REVOKE_TOKEN"] is True
    assert simple_jwt["ACCESS_TOKEN_LIFETIME"] == "0:05:00"


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


# The REST_AUTH keys of the reference (REST_AUTH_SETTINGS.md), by the feature that owns them.
REFERENCE_KEYS = {
    "core": {
        "LOGIN_SERIALIZER",
        "TOKEN_SERIALIZER",
        "USER_DETAILS_SERIALIZER",
        "PASSWORD_RESET_SERIALIZER",
        "PASSWORD_RESET_CONFIRM_SERIALIZER",
        "PASSWORD_CHANGE_SERIALIZER",
        "TOKEN_MODEL",
        "TOKEN_CREATOR",
        "PASSWORD_RESET_USE_SITES_DOMAIN",
        "OLD_PASSWORD_FIELD_ENABLED",
        "LOGOUT_ON_PASSWORD_CHANGE",
        "SESSION_LOGIN",
        "USE_JWT",
    },
    "jwt": {
        "JWT_SERIALIZER",
        "JWT_SERIALIZER_WITH_EXPIRATION",
        "JWT_TOKEN_CLAIMS_SERIALIZER",
        "JWT_AUTH_COOKIE",
        "JWT_AUTH_REFRESH_COOKIE",
        "JWT_AUTH_REFRESH_COOKIE_PATH",
        "JWT_AUTH_SECURE",
        "JWT_AUTH_HTTPONLY",
        "JWT_AUTH_SAMESITE",
        "JWT_AUTH_COOKIE_DOMAIN",
        "JWT_AUTH_RETURN_EXPIRATION",
        "JWT_AUTH_COOKIE_USE_CSRF",
        "JWT_AUTH_COOKIE_ENFORCE_CSRF_ON_UNAUTHENTICATED",
    },
    "registration": {"REGISTER_SERIALIZER", "REGISTER_PERMISSION_CLASSES"},
    "passkeys": {
        "PASSKEY_RP_ID",
        "PASSKEY_RP_NAME",
        "PASSKEY_RP_ORIGINS",
        "PASSKEY_CHALLENGE_TIMEOUT",
        "PASSKEY_REGISTER_BEGIN_SERIALIZER",
        "PASSKEY_REGISTER_COMPLETE_SERIALIZER",
        "PASSKEY_LOGIN_BEGIN_SERIALIZER",
        "PASSKEY_LOGIN_COMPLETE_SERIALIZER",
        "PASSKEY_LIST_SERIALIZER",
        "PASSKEY_UPDATE_SERIALIZER",
    },
}
SHOW_REST_AUTH_KEYS = (
    "import json; from rest_auth.app_settings import api_settings; "
    "print(json.dumps(sorted(api_settings.defaults)))"
)


def test_rest_auth_has_the_keys_of_the_generated_features(baked, variant):
    assert sum(len(keys) for keys in REFERENCE_KEYS.values()) == 38
    answers = variant.context
    generated = {
        "core": True,
        "jwt": answers["auth_mode"] == "jwt",
        "registration": answers["registration"],
        "passkeys": answers["passkeys"],
    }
    expected = set().union(*(keys for name, keys in REFERENCE_KEYS.items() if generated[name]))
    command = [sys.executable, "manage.py", "shell", "-c", SHOW_REST_AUTH_KEYS]
    result = run(command, baked(variant), project_env(variant))
    assert result.returncode == 0, result.stderr
    assert set(json.loads(result.stdout.strip().splitlines()[-1])) == expected
