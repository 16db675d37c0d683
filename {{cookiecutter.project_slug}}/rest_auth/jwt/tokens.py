"""Issue JWTs: a new pair per login, each token signed once, with its expiry."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from rest_framework_simplejwt import settings as simplejwt_settings
from rest_framework_simplejwt.tokens import RefreshToken, Token
from rest_framework_simplejwt.utils import datetime_from_epoch

from rest_auth.app_settings import api_settings

# Claim of an access token naming the refresh token it was issued with: logout revokes that
# refresh token even when the client cannot send it (an HttpOnly cookie whose path does
# not cover the logout endpoint).
REFRESH_JTI_CLAIM = "refresh_jti"


def jwt_settings() -> Any:
    # simplejwt replaces its settings object when SIMPLE_JWT changes: look it up each time.
    return simplejwt_settings.api_settings


def access_token_for(refresh: RefreshToken) -> Token:
    """Return the access token of a refresh token: its claims, and the refresh token's id."""
    access = refresh.access_token
    access[REFRESH_JTI_CLAIM] = refresh[jwt_settings().JTI_CLAIM]
    return access


def jwt_encode(user: AbstractBaseUser) -> tuple[Any, Any]:
    """Return a new (access, refresh) pair, with the claims of JWT_TOKEN_CLAIMS_SERIALIZER."""
    refresh = api_settings.JWT_TOKEN_CLAIMS_SERIALIZER.get_token(user)
    return access_token_for(refresh), refresh


def encoded(token: Token) -> str:
    """Return the token as a JWT string, signed once per token object.

    simplejwt signs anew on every ``str(token)``; a login puts each token in the body and
    in a cookie, so the text is kept on the token after the first call. Call it only once
    the token's claims are final.
    """
    text = getattr(token, "_encoded", None)
    if text is None:
        text = token._encoded = str(token)  # type: ignore[attr-defined]
    return text


def expiration(token: Token) -> datetime:
    """Return when the token expires, from its own ``exp`` claim."""
    return datetime_from_epoch(token["exp"])


def refresh_token_in_body() -> bool:
    """False when the refresh token travels only in its HttpOnly cookie: JavaScript (and so
    an injected script) never sees it."""
    return not (api_settings.JWT_AUTH_HTTPONLY and api_settings.JWT_AUTH_REFRESH_COOKIE)


def jwt_login_body(user: AbstractBaseUser, access: Token, refresh: Token) -> dict[str, Any]:
    """Return what JWT_SERIALIZER(_WITH_EXPIRATION) shows after a login.

    The refresh token is an empty string when it is kept out of bodies, so the body keeps
    dj-rest-auth's shape.
    """
    return {
        "user": user,
        "access": encoded(access),
        "refresh": encoded(refresh) if refresh_token_in_body() else "",
        "access_expiration": expiration(access),
        "refresh_expiration": expiration(refresh),
    }
