"""Set and clear the JWT cookies, both with the same attributes, from one place."""

from __future__ import annotations

from typing import Any

from rest_framework.response import Response
from rest_framework_simplejwt.tokens import Token

from rest_auth.app_settings import api_settings

from .tokens import encoded, expiration


def cookie_attributes(path: str = "/") -> dict[str, Any]:
    """Return the attributes both JWT cookies are set and cleared with."""
    return {
        "path": path,
        "domain": api_settings.JWT_AUTH_COOKIE_DOMAIN,
        "secure": api_settings.JWT_AUTH_SECURE,
        "httponly": api_settings.JWT_AUTH_HTTPONLY,
        # False means no SameSite attribute at all, which Django writes for None.
        "samesite": api_settings.JWT_AUTH_SAMESITE or None,
    }


def set_jwt_access_cookie(response: Response, access: Token) -> None:
    name = api_settings.JWT_AUTH_COOKIE
    if name:
        response.set_cookie(
            name, encoded(access), expires=expiration(access), **cookie_attributes()
        )


def set_jwt_refresh_cookie(response: Response, refresh: Token) -> None:
    name = api_settings.JWT_AUTH_REFRESH_COOKIE
    if name:
        path = api_settings.JWT_AUTH_REFRESH_COOKIE_PATH
        response.set_cookie(
            name, encoded(refresh), expires=expiration(refresh), **cookie_attributes(path)
        )


def set_jwt_cookies(response: Response, access: Token, refresh: Token) -> None:
    """Set the configured cookies; each expires with the token it carries."""
    set_jwt_access_cookie(response, access)
    set_jwt_refresh_cookie(response, refresh)


def unset_jwt_cookies(response: Response) -> None:
    """Clear the configured cookies, with the attributes (path, domain) they were set with."""
    expired = {"max_age": 0, "expires": "Thu, 01 Jan 1970 00:00:00 GMT"}
    if api_settings.JWT_AUTH_COOKIE:
        response.set_cookie(api_settings.JWT_AUTH_COOKIE, "", **expired, **cookie_attributes())
    if api_settings.JWT_AUTH_REFRESH_COOKIE:
        path = api_settings.JWT_AUTH_REFRESH_COOKIE_PATH
        response.set_cookie(
            api_settings.JWT_AUTH_REFRESH_COOKIE, "", **expired, **cookie_attributes(path)
        )
