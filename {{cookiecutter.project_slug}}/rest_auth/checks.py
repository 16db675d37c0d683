"""System checks: a REST_AUTH configuration that cannot work fails `manage.py check`.

Each problem has its own id (``rest_auth.E0xx``) so it can be looked up, and silenced with
SILENCED_SYSTEM_CHECKS where the owner knows better.
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
from typing import Any
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from .app_settings import api_settings, perform_import
from .throttling import THROTTLE_SCOPES

# The reference's optional features, by key prefix: explains a key this project lacks.
FEATURE_PREFIXES = {"JWT_": "JWT support", "PASSKEY_": "Passkeys", "REGISTER_": "Registration"}

BOOLEAN_SETTINGS = (
    "PASSWORD_RESET_USE_SITES_DOMAIN",
    "OLD_PASSWORD_FIELD_ENABLED",
    "LOGOUT_ON_PASSWORD_CHANGE",
    "SESSION_LOGIN",
    "USE_JWT",
)


def import_feature_checks() -> None:
    """Register the checks of each optional feature present: ``rest_auth/<feature>_checks.py``.

    Called once the app registry is ready (RestAuthConfig.ready), like this module.
    """
    package = importlib.import_module(__package__)
    for module in pkgutil.iter_modules(package.__path__):
        if not module.ispkg and module.name.endswith("_checks"):
            importlib.import_module(f"{__package__}.{module.name}")


def configured(key: str) -> Any:
    """The value of a setting as written (dotted paths not imported), or its default."""
    return api_settings.user_settings.get(key, api_settings.defaults[key])


@register()
def check_rest_auth_settings(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    user_settings = getattr(settings, "REST_AUTH", None) or {}
    if not isinstance(user_settings, dict):
        return [
            Error(
                f"REST_AUTH must be a dict, not {type(user_settings).__name__}.",
                id="rest_auth.E001",
            )
        ]
    return [
        *check_keys(user_settings),
        *check_imports(),
        *check_booleans(user_settings),
        *check_credentials(),
        *check_password_reset(),
        *check_throttle_rates(),
    ]


def check_keys(user_settings: dict[str, Any]) -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    known = api_settings.defaults.keys()
    for key in sorted(user_settings.keys() - known):
        feature = next((f for p, f in FEATURE_PREFIXES.items() if key.startswith(p)), None)
        if feature:
            errors.append(
                Error(
                    f"REST_AUTH[{key!r}] belongs to a feature this project does not have: "
                    f"{feature} was not generated for this project.",
                    hint="Remove the key, or generate the project again with the feature.",
                    id="rest_auth.E003",
                )
            )
            continue
        close = difflib.get_close_matches(key, known, n=1)
        errors.append(
            Error(
                f"REST_AUTH[{key!r}] is not a setting of rest_auth.",
                hint=f"Did you mean {close[0]!r}?" if close else "See rest_auth/app_settings.py.",
                id="rest_auth.E002",
            )
        )
    return errors


def check_imports() -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    for key in sorted(api_settings.import_strings):
        value = configured(key)
        try:
            perform_import(value, key)
        except Exception as exc:  # noqa: BLE001 - any failure is reported, none is fatal here
            errors.append(
                Error(
                    f"REST_AUTH[{key!r}] = {value!r} cannot be imported: {exc}",
                    hint="Give the dotted path of an existing object, e.g. 'myapp.module.Name'.",
                    id="rest_auth.E004",
                )
            )
    return errors


def check_booleans(user_settings: dict[str, Any]) -> list[CheckMessage]:
    return [
        Error(f"REST_AUTH[{key!r}] must be True or False, not {value!r}.", id="rest_auth.E005")
        for key, value in user_settings.items()
        if key in BOOLEAN_SETTINGS and not isinstance(value, bool)
    ]


def check_credentials() -> list[CheckMessage]:
    """Login must hand the client some credential."""
    if configured("USE_JWT") and "JWT_SERIALIZER" not in api_settings.defaults:
        return [
            Error(
                "REST_AUTH['USE_JWT'] is True, but JWT support was not generated for this project.",
                hint="Set USE_JWT to False, or generate the project again with auth_mode=jwt.",
                id="rest_auth.E006",
            )
        ]
    no_credential = not (configured("TOKEN_MODEL") or configured("SESSION_LOGIN"))
    if no_credential and not configured("USE_JWT"):
        return [
            Error(
                "REST_AUTH['TOKEN_MODEL'] is None while SESSION_LOGIN and USE_JWT are off: "
                "login would give the client no credential.",
                hint="Set TOKEN_MODEL, or turn SESSION_LOGIN or USE_JWT on.",
                id="rest_auth.E007",
            )
        ]
    return []


def check_password_reset() -> list[CheckMessage]:
    """Reset links are built from FRONTEND_URL or the Sites domain, never from the request."""
    if configured("PASSWORD_RESET_USE_SITES_DOMAIN"):
        if not apps.is_installed("django.contrib.sites"):
            return [
                Error(
                    "REST_AUTH['PASSWORD_RESET_USE_SITES_DOMAIN'] is True, "
                    "but django.contrib.sites is not installed.",
                    hint="Add 'django.contrib.sites' to INSTALLED_APPS and set SITE_ID.",
                    id="rest_auth.E008",
                )
            ]
        return []
    frontend_url = getattr(settings, "FRONTEND_URL", None)
    parts = urlsplit(frontend_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return [
            Error(
                f"FRONTEND_URL must be an absolute http(s) URL, not {frontend_url!r}: "
                "password reset emails link to it.",
                hint="Set FRONTEND_URL, e.g. 'https://app.example.com'.",
                id="rest_auth.E009",
            )
        ]
    return []


def check_throttle_rates() -> list[CheckMessage]:
    """A scope without a rate makes DRF's scoped throttles fail every request of a view."""
    from rest_framework.settings import api_settings as drf_settings
    from rest_framework.throttling import ScopedRateThrottle

    throttles = drf_settings.DEFAULT_THROTTLE_CLASSES
    if not any(issubclass(throttle, ScopedRateThrottle) for throttle in throttles):
        return []
    rates = drf_settings.DEFAULT_THROTTLE_RATES or {}
    return [
        Error(
            f"REST_FRAMEWORK['DEFAULT_THROTTLE_RATES'] has no rate for the {scope!r} scope.",
            hint=f"Add e.g. '{scope}': '10/minute' (or None for no limit).",
            id="rest_auth.E010",
        )
        for scope in THROTTLE_SCOPES
        if scope not in rates
    ]
