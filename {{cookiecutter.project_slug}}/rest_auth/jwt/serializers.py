"""Serializers of JWT mode: the login bodies, and the refresh and verify requests.

The login bodies (``{"access", "refresh", "user"}``, optionally with expiry times) are
importable from ``rest_auth.serializers`` too, where dj-rest-auth has them; subclass them
and point JWT_SERIALIZER / JWT_SERIALIZER_WITH_EXPIRATION at your class.
``CookieTokenRefreshSerializer`` takes the refresh token from the body or, when absent,
from the JWT_AUTH_REFRESH_COOKIE cookie.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.tokens import RefreshToken, UntypedToken

from rest_auth.app_settings import api_settings

from .authentication import JWTCookieAuthentication, enforce_csrf
from .revocation import (
    blacklist_installed,
    consume_refresh_token,
    is_revoked,
    record_outstanding_token,
)
from .tokens import access_token_for, jwt_settings


class JWTSerializer(serializers.Serializer):
    """The login response in JWT mode.

    The instance is a mapping with ``access``, ``refresh`` (an empty string when the
    refresh token travels only in its HttpOnly cookie) and ``user``, shown with
    USER_DETAILS_SERIALIZER.
    """

    access = serializers.CharField()
    refresh = serializers.CharField(allow_blank=True)
    user = serializers.SerializerMethodField()

    def get_user(self, obj: dict[str, Any]) -> dict[str, Any]:
        # Read per call, so a changed USER_DETAILS_SERIALIZER shows at the next login.
        serializer_class = api_settings.USER_DETAILS_SERIALIZER
        return serializer_class(obj["user"], context=self.context).data


class JWTSerializerWithExpiration(JWTSerializer):
    """JWTSerializer plus when each token expires (JWT_AUTH_RETURN_EXPIRATION)."""

    access_expiration = serializers.DateTimeField()
    refresh_expiration = serializers.DateTimeField()


class CookieTokenRefreshSerializer(serializers.Serializer):
    """A refresh token from the body (``refresh``) or, when absent, from its cookie.

    ``validated_data`` holds the new ``access`` token, the ``refresh`` token that stays
    valid, and whether it was ``rotated`` (SIMPLE_JWT ROTATE_REFRESH_TOKENS).
    """

    refresh = serializers.CharField(required=False, allow_blank=True, write_only=True)
    token_class = RefreshToken

    def get_raw_token(self, attrs: dict[str, Any]) -> str:
        if attrs.get("refresh"):
            return attrs["refresh"]
        request = self.context["request"]
        cookie_name = api_settings.JWT_AUTH_REFRESH_COOKIE
        raw_token = request.COOKIES.get(cookie_name) if cookie_name else None
        if not raw_token:
            raise InvalidToken(
                _("No refresh token: send it as 'refresh' in the body, or in its cookie.")
            )
        # A cookie is sent by the browser on its own: the same CSRF rule as the access cookie.
        if api_settings.JWT_AUTH_COOKIE_USE_CSRF or (
            api_settings.JWT_AUTH_COOKIE_ENFORCE_CSRF_ON_UNAUTHENTICATED
        ):
            enforce_csrf(request)
        return raw_token

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        refresh = self.token_class(self.get_raw_token(attrs))
        # The user must still exist, be active, and (CHECK_REVOKE_TOKEN) have the password
        # the token was issued under.
        user = JWTCookieAuthentication().get_user(refresh)
        rotate = jwt_settings().ROTATE_REFRESH_TOKENS
        if rotate:
            if jwt_settings().BLACKLIST_AFTER_ROTATION and blacklist_installed():
                consume_refresh_token(refresh)
            refresh.set_jti()
            refresh.set_exp()
            refresh.set_iat()
            if blacklist_installed():
                record_outstanding_token(refresh, user)
        # Built after the rotation, so it names the refresh token that stays valid.
        access = access_token_for(refresh)
        return {"access": access, "refresh": refresh, "rotated": rotate}


class TokenVerifySerializer(serializers.Serializer):
    """Any token of this server, signed, unexpired and not revoked."""

    token = serializers.CharField(write_only=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        token = UntypedToken(attrs["token"])
        if is_revoked(token):
            raise TokenError(_("Token has been revoked"))
        return {}
