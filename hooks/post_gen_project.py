"""Shape the generated project to the answers.

Optional features live in their own files and folders, so pruning deletes paths; it never
edits lines. ``plan()`` is a pure function of the answers (the template's tests check it
against the option table), ``main()`` carries it out, writes ``.env`` with a fresh secret
key, and prints the next steps.
"""

from __future__ import annotations

import json
import secrets
import shutil
from pathlib import Path

# Everything JWT mode adds: its code, settings, checks, tests and documentation.
JWT_FILES = [
    "rest_auth/jwt",
    "rest_auth/jwt_auth.py",
    "config/tests/test_jwt_production_settings.py",
    "docs/jwt.md",
    "demo/templates/demo/features/jwt.js",
    "demo/tests/test_demo_jwt_e2e.py",
]

# Social login, shared by every provider (its app, and dj-rest-auth's module path of its
# serializers); and what each provider adds.
SOCIAL = "rest_auth/registration/social"
SOCIAL_FILES = [SOCIAL, "rest_auth/social_serializers.py", "docs/social.md"]
SOCIAL_PROVIDER_FILES = {
    provider: [
        f"{SOCIAL}/{provider}.py",
        f"{SOCIAL}/tests/fake_{provider}.py",
        f"{SOCIAL}/tests/test_{provider}.py",
    ]
    for provider in ("google", "github")
}


def social_providers(answers: dict[str, object]) -> set[str]:
    """The providers generated: social login applies only with registration."""
    if not answers["registration"] or answers["social_providers"] == "none":
        return set()
    return set(str(answers["social_providers"]).split("_"))


def plan(answers: dict[str, object]) -> list[str]:
    """The paths, relative to the project, that these answers do not need."""
    remove: list[str] = []
    if answers["auth_mode"] != "token":
        # The hashed API tokens app (its model, migrations, admin and tests), and the tests
        # of token login.
        remove += [
            "rest_auth/tokens",
            "rest_auth/tests/test_token_auth.py",
            "rest_auth/tests/standalone_token_tests.py",
        ]
    if not answers["api_docs"]:
        remove += ["rest_auth/schema.py", "rest_auth/tests/test_schema.py"]
        if answers["registration"]:
            remove.append("rest_auth/registration/schema.py")
        if answers["auth_mode"] == "jwt":
            remove.append("rest_auth/jwt/schema.py")
        if answers["passkeys"]:
            remove.append("rest_auth/passkeys/schema.py")
        if social_providers(answers):
            remove.append(f"{SOCIAL}/schema.py")
    if not answers["demo_page"]:
        remove.append("demo")
    if not answers["registration"]:
        # The package holds its views, allauth adapter, email templates and tests.
        remove += [
            "rest_auth/registration",
            "docs/registration.md",
            "demo/templates/demo/features/registration.js",
            "demo/tests/test_demo_registration_e2e.py",
        ]
    if answers["auth_mode"] != "jwt":
        remove.extend(JWT_FILES)
    elif answers["jwt_blacklist"]:
        remove.append("rest_auth/jwt/tests/test_jwt_without_blacklist.py")
    else:
        remove.append("rest_auth/jwt/tests/test_jwt_blacklist.py")
    if not answers["passkeys"]:
        remove += [
            "rest_auth/passkeys",
            "demo/templates/demo/features/passkeys.js",
            "demo/tests/test_demo_passkeys_e2e.py",
        ]
    providers = social_providers(answers)
    if not providers:
        remove.extend(SOCIAL_FILES)
    for provider, files in SOCIAL_PROVIDER_FILES.items():
        if provider not in providers:
            remove.extend(files)
    # A path inside a folder the plan removes whole goes with it.
    return [path for path in remove if not any(path.startswith(f"{d}/") for d in remove)]


def remove_path(project: Path, relative: str) -> None:
    """Delete a file or folder of the plan. A missing one is a bug in the plan: fail loudly.

    A folder the deletion leaves empty goes too (``docs/`` when no feature documents
    itself there), up to the project directory.
    """
    path = project / relative
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()
    parent = path.parent
    while parent != project and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent


def write_env_file(project: Path) -> None:
    """A local .env for development, with a secret key nobody else has. Git ignores it."""
    secret_key = secrets.token_urlsafe(50)
    (project / ".env").write_text(
        "# Local development settings; see .env.example for every variable.\n"
        f"SECRET_KEY={secret_key}\n"
        "DEBUG=true\n"
    )


def next_steps(project: Path) -> str:
    return (
        f"\nYour project is ready in {project}\n\n"
        "Next steps:\n"
        f"  cd {project}\n"
        '  python3 -m venv .venv && .venv/bin/pip install -e ".[dev]"\n'
        "  .venv/bin/python manage.py migrate\n"
        "  .venv/bin/python manage.py runserver 127.0.0.1:8000\n"
        "  .venv/bin/pytest          # run the tests\n"
    )


def main(answers: dict[str, object], project: Path) -> None:
    for relative in plan(answers):
        remove_path(project, relative)
    write_env_file(project)
    print(next_steps(project))


if __name__ == "__main__":
    main(json.loads(r"""{{ cookiecutter | jsonify }}"""), Path.cwd())
