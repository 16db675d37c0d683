"""System checks: a REST_AUTH configuration that cannot work fails `manage.py check`.

Each problem has its own id (``rest_auth.E0xx``) so it can be looked up, and silenced with
SILENCED_SYSTEM_CHECKS where the owner knows better.
"""

from __future__ import annotations

import difflib
from typing import Any
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register

from .app_settings import api_settings, perform_import
from .features import feature_settings_modules
from .throttling import (
    LOGIN_FAILURES_SCOPE,
    PASSWORD_RESET_EMAIL_SCOPE,
    THROTTLE_SCOPES,
)

# Caches that each worker process keeps for itself: throttle counters would not add up.
PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)
RATE_PERIODS = ("s", "m", "h", "d")

# The reference's optional features, by key prefix: explains a key this project lacks.
FEATURE_PREFIXES = {"JWT_": "JWT support", "PASSKEY_": "Passkeys", "REGISTER_": "Registration"}

BOOLEAN_SETTINGS = (
    "PASSWORD_RESET_USE_SITES_DOMAIN",
    "OLD_PASSWORD_FIELD_ENABLED",
    "LOGOUT_ON_PASSWORD_CHANGE",
    "SESSION_LOGIN",
    "USE_JWT",
)


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
    foreign = foreign_settings()
    for key in sorted(user_settings.keys() - known):
        if key in foreign:
            errors.append(foreign_setting_error(key, foreign[key]))
            continue
        prefix = next((p for p in FEATURE_PREFIXES if key.startswith(p)), None)
        # Only a feature that is absent explains the key; in one that is there, it is a typo.
        if prefix and not any(name.startswith(prefix) for name in known):
            feature = FEATURE_PREFIXES[prefix]
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


def foreign_settings() -> dict[str, str]:
    """REST_AUTH keys that are another library's settings, each with the setting it is:
    the ``FOREIGN_SETTINGS`` of the installed features' settings modules."""
    found: dict[str, str] = {}
    for module in feature_settings_modules():
        found.update(getattr(module, "FOREIGN_SETTINGS", {}))
    return found


def foreign_setting_error(key: str, setting: str) -> CheckMessage:
    return Error(
        f"REST_AUTH[{key!r}] is not a setting of rest_auth: it looks like {setting}, a "
        "Django setting of its own, which rest_auth's endpoints do not read.",
        hint="Remove the key from REST_AUTH (that library reads its setting at the top "
        "level of settings, if you use its own views).",
        id="rest_auth.E002",
    )


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
    """A scope without a rate makes its throttle fail every request of a view."""
    return missing_throttle_rates(
        THROTTLE_SCOPES, always=(LOGIN_FAILURES_SCOPE, PASSWORD_RESET_EMAIL_SCOPE), id="E010"
    )


def scoped_throttling_on() -> bool:
    from rest_framework.settings import api_settings as drf_settings
    from rest_framework.throttling import ScopedRateThrottle

    throttles = drf_settings.DEFAULT_THROTTLE_CLASSES
    return any(issubclass(throttle, ScopedRateThrottle) for throttle in throttles)


def missing_throttle_rates(
    scopes: tuple[str, ...], always: tuple[str, ...], id: str
) -> list[CheckMessage]:
    """Errors for the scopes with neither a rate in settings nor a default one
    (``rest_auth.throttling.default_rates()``). The scopes of views' ``throttle_scope`` need
    one only with a scoped throttle in DEFAULT_THROTTLE_CLASSES; those in ``always`` belong
    to throttles the views add themselves (per account, per address, per IP)."""
    from .throttling import throttle_rates

    needed = scopes if scoped_throttling_on() else always
    rates = throttle_rates()
    return [
        Error(
            f"REST_FRAMEWORK['DEFAULT_THROTTLE_RATES'] has no rate for the {scope!r} scope.",
            hint=f"Add e.g. '{scope}': '10/hour' (or None for no limit).",
            id=f"rest_auth.{id}",
        )
        for scope in needed
        if scope not in rates
    ]


@register()
def check_throttling(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    return [*check_rate_syntax(), *check_throttle_cache(), *check_client_ip()]


def check_rate_syntax() -> list[CheckMessage]:
    """DRF parses a rate at each request: a typo would make every throttled request a 500."""
    from rest_framework.settings import api_settings as drf_settings

    rates = drf_settings.DEFAULT_THROTTLE_RATES or {}
    return [
        Error(
            f"REST_FRAMEWORK['DEFAULT_THROTTLE_RATES'][{scope!r}] = {rate!r} is not a rate.",
            hint="Write <number>/<period>, the period one of second, minute, hour, day "
            "(e.g. '5/minute'); None or an empty THROTTLE_RATE_* variable: no limit.",
            id="rest_auth.E060",
        )
        for scope, rate in rates.items()
        if rate is not None and not is_rate(rate)
    ]


def is_rate(rate: object) -> bool:
    if not isinstance(rate, str) or rate.count("/") != 1:
        return False
    number, period = rate.split("/")
    return number.isdigit() and period[:1] in RATE_PERIODS


def check_throttle_cache() -> list[CheckMessage]:
    """Production runs several worker processes: counters must be in a shared cache."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if settings.DEBUG or backend not in PROCESS_LOCAL_CACHES:
        return []
    return [
        Warning(
            f"The default cache is {backend.rsplit('.', 1)[-1]}: each worker process counts "
            "throttled requests for itself, so rate limits are multiplied by the number of "
            "processes (and never reached with DummyCache).",
            hint="Use a shared cache in production, e.g. CACHE_URL=redis://host:6379/0.",
            id="rest_auth.W060",
        )
    ]


def check_client_ip() -> list[CheckMessage]:
    """With NUM_PROXIES None, DRF takes the client's address from X-Forwarded-For, which
    any client can write: per-IP rate limits would count whatever address it claims."""
    from rest_framework.settings import api_settings as drf_settings

    if drf_settings.NUM_PROXIES is not None:
        return []
    return [
        Warning(
            "REST_FRAMEWORK['NUM_PROXIES'] is None: per-IP rate limits trust the "
            "X-Forwarded-For header, which clients can forge.",
            hint="Set NUM_PROXIES to the number of proxies in front of the app (0: none, "
            "use REMOTE_ADDR).",
            id="rest_auth.W061",
        )
    ]
