"""REST_AUTH settings of JWT mode, with their defaults (the reference's).

They join ``rest_auth.app_settings.api_settings`` while the ``rest_auth.jwt`` app is
installed (its AppConfig names this module); projects generated without JWT support do not
have it, and ``manage.py check`` then names any ``JWT_*`` key as belonging to a feature
that was not generated (rest_auth.E003).
``USE_JWT`` itself is a core setting.

The token lifetimes, signing key and rotation are simplejwt's settings (``SIMPLE_JWT``).
"""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # Serializers: the login body, the login body with expiry times, and the claims
    "JWT_SERIALIZER": "rest_auth.serializers.JWTSerializer",
    "JWT_SERIALIZER_WITH_EXPIRATION": "rest_auth.serializers.JWTSerializerWithExpiration",
    "JWT_TOKEN_CLAIMS_SERIALIZER": "rest_framework_simplejwt.serializers.TokenObtainPairSerializer",
    # Cookies: names (None: no cookie, the tokens travel in bodies and headers only)
    "JWT_AUTH_COOKIE": None,
    "JWT_AUTH_REFRESH_COOKIE": None,
    # Path of the refresh cookie; limit it to the refresh endpoint so the refresh token is
    # not sent with every request.
    "JWT_AUTH_REFRESH_COOKIE_PATH": "/",
    # Attributes of both cookies
    "JWT_AUTH_SECURE": False,
    # HttpOnly cookies; with a refresh cookie, the refresh token is also left out of bodies.
    "JWT_AUTH_HTTPONLY": True,
    # "Strict", "Lax", "None" (needs JWT_AUTH_SECURE), or False for no SameSite attribute.
    "JWT_AUTH_SAMESITE": "Lax",
    "JWT_AUTH_COOKIE_DOMAIN": None,
    # Bodies carry access_expiration / refresh_expiration.
    "JWT_AUTH_RETURN_EXPIRATION": False,
    # CSRF (when JWT_AUTH_COOKIE is set): required for unsafe requests authenticated by the
    # access cookie, or for every unsafe request without an Authorization header (login too).
    "JWT_AUTH_COOKIE_USE_CSRF": False,
    "JWT_AUTH_COOKIE_ENFORCE_CSRF_ON_UNAUTHENTICATED": False,
}

IMPORT_STRINGS: tuple[str, ...] = (
    "JWT_SERIALIZER",
    "JWT_SERIALIZER_WITH_EXPIRATION",
    "JWT_TOKEN_CLAIMS_SERIALIZER",
)

# The blacklist app of simplejwt: when installed, logout and rotation revoke refresh tokens.
BLACKLIST_APP = "rest_framework_simplejwt.token_blacklist"
