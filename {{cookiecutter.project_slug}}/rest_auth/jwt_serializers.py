"""Bodies of a JWT login: ``{"access", "refresh", "user"}``, optionally with expiry times.

Importable from ``rest_auth.serializers`` too, where the reference has them; subclass them
and point JWT_SERIALIZER / JWT_SERIALIZER_WITH_EXPIRATION at your class.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from .app_settings import api_settings


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
