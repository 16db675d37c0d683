"""OpenAPI descriptions of JWT mode (see rest_auth/schema.py): how JWTs authenticate, and
the refresh, verify and logout endpoints. Registered where config/urls.py imports them."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import (
    OpenApiAuthenticationExtension,
    OpenApiSerializerExtension,
    OpenApiViewExtension,
)
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers

from rest_auth.app_settings import api_settings
from rest_auth.schema import THROTTLED, described, message

HEADER_SCHEME = "jwtAuth"
COOKIE_SCHEME = "jwtCookieAuth"
INVALID_TOKEN = OpenApiResponse(
    inline_serializer(
        "InvalidToken", {"detail": serializers.CharField(), "code": serializers.CharField()}
    ),
    description="The token is missing, malformed, expired, revoked or of the wrong type.",
)


class JWTCookieAuthenticationScheme(OpenApiAuthenticationExtension):
    """The access token in ``Authorization: Bearer``, or else in its cookie."""

    target_class = "rest_auth.jwt.authentication.JWTCookieAuthentication"
    name = [HEADER_SCHEME, COOKIE_SCHEME]

    def cookie(self) -> str | None:
        return api_settings.JWT_AUTH_COOKIE

    def get_security_definition(self, auto_schema: Any) -> list[dict[str, Any]]:
        header = build_bearer_security_scheme_object("AUTHORIZATION", "Bearer", "JWT")
        cookie = {"type": "apiKey", "in": "cookie", "name": self.cookie() or "access_token"}
        return [header, cookie]

    def get_security_requirement(self, auto_schema: Any) -> list[dict[str, list[Any]]]:
        # Either one authenticates (a list of requirements means "or").
        if self.cookie():
            return [{HEADER_SCHEME: []}, {COOKIE_SCHEME: []}]
        return [{HEADER_SCHEME: []}]


class JWTSerializerSchema(OpenApiSerializerExtension):
    """Show the login body's ``user`` as USER_DETAILS_SERIALIZER shows it.

    JWTSerializer builds it in a method, which the schema alone would show as a free-form
    object (``{"additionalProp1": ...}`` in Swagger UI).
    """

    target_class = "rest_auth.jwt.serializers.JWTSerializer"
    match_subclasses = True

    def map_serializer(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        schema = auto_schema._map_basic_serializer(self.target, direction)
        user = auto_schema.resolve_serializer(api_settings.USER_DETAILS_SERIALIZER, direction)
        schema["properties"]["user"] = {"allOf": [user.ref], "readOnly": True}
        return schema


def refreshed_body() -> Any:
    fields: dict[str, serializers.Field] = {
        "access": serializers.CharField(),
        "refresh": serializers.CharField(
            required=False, help_text="Only when rotated, and not kept to its HttpOnly cookie."
        ),
    }
    if api_settings.JWT_AUTH_RETURN_EXPIRATION:
        fields["access_expiration"] = serializers.DateTimeField()
        fields["refresh_expiration"] = serializers.DateTimeField()
    return inline_serializer("TokenRefreshed", fields)


class RefreshViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.jwt.views.RefreshViewWithCookieSupport"

    def view_replacement(self) -> type:
        return described(
            self.target_class,
            operation_id="token_refresh",
            summary="A new access token, from the refresh token in the body or its cookie",
            responses={200: refreshed_body(), 401: INVALID_TOKEN, 429: THROTTLED},
        )


class TokenVerifyViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.jwt.views.TokenVerifyView"

    def view_replacement(self) -> type:
        return described(
            self.target_class,
            operation_id="token_verify",
            summary="Check that a token is this server's, unexpired and not revoked",
            responses={
                200: OpenApiResponse(inline_serializer("TokenValid", {}), description="Valid."),
                401: INVALID_TOKEN,
            },
        )


class JWTLogoutViewSchema(OpenApiViewExtension):
    """Replaces the core description: in JWT mode logout also takes a refresh token."""

    target_class = "rest_auth.views.LogoutView"
    priority = 1

    def view_replacement(self) -> type:
        return described(
            self.target_class,
            operation_id="logout",
            summary="Log out: revoke the access token used and the refresh token, clear cookies",
            description="The refresh token comes from the body, else from its cookie, else "
            "from the access token. One that is garbage, of the wrong type or already "
            "revoked is a 401 that ends nothing.",
            request=inline_serializer(
                "LogoutRequest",
                {"refresh": serializers.CharField(required=False, help_text="Else its cookie.")},
            ),
            responses={
                200: message("Logged out (the detail says what was revoked)."),
                401: INVALID_TOKEN,
            },
        )
