"""System checks of JWT mode, registered by JWTConfig.ready.

No import of simplejwt here: one of these checks is that it is installed at all.
"""

from __future__ import annotations

import importlib.util
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register
from django.urls import NoReverseMatch, reverse

from rest_auth.checks import configured

SAMESITE_VALUES = ("Strict", "Lax", "None", False)


@register()
def check_jwt_settings(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if not isinstance(getattr(settings, "REST_AUTH", None) or {}, dict):
        return []  # rest_auth.E001 says what is wrong
    return [*check_simplejwt(), *check_samesite(), *check_refresh_cookie_path()]


@register(deploy=True)
def check_jwt_deployment(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Only with ``manage.py check --deploy``: what is fine in development but not live."""
    if not isinstance(getattr(settings, "REST_AUTH", None) or {}, dict):
        return []
    uses_cookies = configured("JWT_AUTH_COOKIE") or configured("JWT_AUTH_REFRESH_COOKIE")
    if uses_cookies and not configured("JWT_AUTH_SECURE"):
        return [
            Warning(
                "REST_AUTH['JWT_AUTH_SECURE'] is False: browsers send the JWT cookies over "
                "plain HTTP too, where anyone on the network can read them.",
                hint="Set JWT_AUTH_SECURE to True in production (the generated settings "
                "use `not DEBUG`).",
                id="rest_auth.W002",
            )
        ]
    return []


def check_simplejwt() -> list[CheckMessage]:
    if configured("USE_JWT") and importlib.util.find_spec("rest_framework_simplejwt") is None:
        return [
            Error(
                "REST_AUTH['USE_JWT'] is True, but djangorestframework-simplejwt is not installed.",
                hint="pip install djangorestframework-simplejwt (see pyproject.toml).",
                id="rest_auth.E011",
            )
        ]
    return []


def check_samesite() -> list[CheckMessage]:
    samesite = configured("JWT_AUTH_SAMESITE")
    if samesite not in SAMESITE_VALUES:
        return [
            Error(
                f"REST_AUTH['JWT_AUTH_SAMESITE'] = {samesite!r} is not a SameSite value.",
                hint="Use 'Strict', 'Lax', 'None', or False for no SameSite attribute.",
                id="rest_auth.E013",
            )
        ]
    # Browsers drop a SameSite=None cookie that is not also Secure.
    uses_cookies = configured("JWT_AUTH_COOKIE") or configured("JWT_AUTH_REFRESH_COOKIE")
    if uses_cookies and samesite == "None" and not configured("JWT_AUTH_SECURE"):
        return [
            Error(
                "REST_AUTH['JWT_AUTH_SAMESITE'] is 'None' but JWT_AUTH_SECURE is False: "
                "browsers refuse SameSite=None cookies without the Secure attribute.",
                hint="Set JWT_AUTH_SECURE to True (and serve over HTTPS), or use 'Lax'.",
                id="rest_auth.E012",
            )
        ]
    return []


def path_covers(cookie_path: str, request_path: str) -> bool:
    """RFC 6265 path-match: does a browser send a cookie with this path to this URL?"""
    if request_path == cookie_path:
        return True
    if not request_path.startswith(cookie_path):
        return False
    return cookie_path.endswith("/") or request_path[len(cookie_path)] == "/"


def check_refresh_cookie_path() -> list[CheckMessage]:
    if not configured("JWT_AUTH_REFRESH_COOKIE"):
        return []
    try:
        refresh_path = reverse("token_refresh")
    except NoReverseMatch:
        return []  # the refresh endpoint is not routed: nothing to send the cookie to
    cookie_path = configured("JWT_AUTH_REFRESH_COOKIE_PATH")
    if isinstance(cookie_path, str) and path_covers(cookie_path, refresh_path):
        return []
    return [
        Warning(
            f"REST_AUTH['JWT_AUTH_REFRESH_COOKIE_PATH'] = {cookie_path!r} does not cover the "
            f"refresh endpoint {refresh_path!r}: browsers will not send the refresh cookie there.",
            hint=f"Set it to {refresh_path!r} (or a parent path such as '/').",
            id="rest_auth.W001",
        )
    ]
