"""Validate the answers before cookiecutter writes a single file.

A bad answer stops the bake with one line naming the prompt, the value and what is
allowed; cookiecutter then removes the (still empty) output directory. The checks are
plain functions of the answers, so the template's tests import and call them directly.
"""

from __future__ import annotations

import json
import keyword
import re
import sys
from collections.abc import Callable

CHOICES = {
    "auth_mode": ("token", "jwt", "session"),
    # These configure django-allauth: they apply only with registration, and are
    # validated (but ignored) without it, where login accepts a username or an email.
    "email_verification": ("mandatory", "optional", "none"),
    "login_method": ("username_email", "username", "email"),
    # Social login is built on allauth too: without registration the answer is ignored.
    "social_providers": ("none", "google", "github", "google_github"),
    "database": ("sqlite", "postgresql"),
}
# Yes/no prompts: JSON booleans in cookiecutter.json, which cookiecutter converts answers
# such as "yes"/"no" to. Anything else reaching the hook is a bug to report, not to guess.
# Each with the auth_mode it applies to (None: every mode); for any other mode the answer
# is ignored, so it is not checked either.
BOOLEANS: dict[str, str | None] = {
    "jwt_cookies": "jwt",
    "jwt_blacklist": "jwt",
    "registration": None,
    "passkeys": None,
    "api_docs": None,
    "demo_page": None,
}

# Module names the generated project imports or creates: a project directory with one of
# these names would shadow it whenever the project's parent directory is on sys.path.
RESERVED_SLUGS = frozenset(
    {
        "config",
        "users",
        "rest_auth",
        "django",
        "rest_framework",
        "allauth",
        "environ",
        "pytest",
        "pytest_django",
        "psycopg",
        "manage",
        "conftest",
        "test",
        "tests",
        "site",
    }
) | frozenset(sys.stdlib_module_names)

HOSTNAME_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def check_text(value: str) -> str | None:
    """Free text lands inside Python and TOML string literals of the generated project."""
    if not value.strip():
        return "must not be empty"
    if any(char in value for char in '"\\\n\r'):
        return "must not contain double quotes, backslashes or line breaks"
    return None


def check_project_slug(value: str) -> str | None:
    if not value.isidentifier() or not value.isascii():
        return (
            "must be a Python identifier: lower-case letters, digits and underscores, "
            "not starting with a digit"
        )
    if keyword.iskeyword(value):
        return "is a Python keyword; choose another name"
    if value != value.lower():
        return "must be lower case"
    if value in RESERVED_SLUGS:
        return (
            "would shadow a module the project imports (standard library, django, "
            "config, users, rest_auth, ...); choose another name"
        )
    return None


def check_domain_name(value: str) -> str | None:
    labels = value.split(".")
    if len(value) > 253 or not all(HOSTNAME_LABEL.match(label) for label in labels):
        return (
            "must be a host name such as example.com or api.example.com "
            "(lower case, no scheme, port or path)"
        )
    return None


def check_email(value: str) -> str | None:
    if not EMAIL.match(value):
        return "must be an email address such as you@example.com"
    return None


def check_choice(name: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if value not in CHOICES[name]:
            return "must be one of: " + ", ".join(CHOICES[name])
        return None

    return check


CHECKS: dict[str, Callable[[str], str | None]] = {
    "project_name": check_text,
    "description": check_text,
    "author_name": check_text,
    "project_slug": check_project_slug,
    "domain_name": check_domain_name,
    "email": check_email,
    **{name: check_choice(name) for name in CHOICES},
}


def validate(answers: dict[str, object]) -> list[str]:
    """One message per bad answer: ``<prompt>: <value> <what is allowed>``."""
    errors = []
    for name, check in CHECKS.items():
        value = answers.get(name)
        problem = check(value) if isinstance(value, str) else "must be text"
        if problem:
            errors.append(f"{name}: {value!r} {problem}")
    for name, mode in BOOLEANS.items():
        value = answers.get(name)
        # Cookiecutter turns yes/no/true/false into booleans; anything else got here
        # through a replay or config file, or a template change, and is refused.
        if mode in (None, answers.get("auth_mode")) and not isinstance(value, bool):
            errors.append(f"{name}: {value!r} must be yes or no (true or false)")
    return errors


def main(answers: dict[str, object]) -> int:
    errors = validate(answers)
    for error in errors:
        print(f"ERROR: {error}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(json.loads(r"""{{ cookiecutter | jsonify }}""")))
