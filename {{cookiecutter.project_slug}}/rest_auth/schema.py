"""OpenAPI descriptions of the auth endpoints, for drf-spectacular.

The views carry no schema code: these extensions describe them while the schema is being
generated. They read REST_AUTH at that moment, so a serializer configured there (say a
custom USER_DETAILS_SERIALIZER) is what the schema shows. config/urls.py imports this
module, which registers the extensions.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiViewExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers

from .app_settings import api_settings

TAG = "auth"


class DetailSerializer(serializers.Serializer):
    """A message: ``{"detail": "..."}``."""

    detail = serializers.CharField(read_only=True)


VALIDATION_ERROR = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description='Invalid input: `{"<field>": ["message", ...]}`, or '
    '`{"non_field_errors": [...]}` for errors of the whole body.',
)
NOT_AUTHENTICATED = OpenApiResponse(DetailSerializer, description="No valid credentials.")
THROTTLED = OpenApiResponse(
    DetailSerializer, description="Too many requests; the Retry-After header says when to retry."
)


def message(description: str) -> OpenApiResponse:
    return OpenApiResponse(DetailSerializer, description=description)


def described(view: type, method: str = "post", tag: str = TAG, **schema: Any) -> type:
    """A subclass of ``view`` carrying the OpenAPI description of one of its methods."""
    subclass = type(view.__name__, (view,), {})
    return extend_schema_view(**{method: extend_schema(tags=[tag], **schema)})(subclass)


def login_responses(view: type, status: int = 200) -> dict[int, Any]:
    """What a view answers when it logs a user in: see LoginResponseMixin."""
    if api_settings.TOKEN_MODEL is not None or api_settings.USE_JWT:
        return {status: view().get_response_serializer()}
    return {204: OpenApiResponse(description="Logged in: the session cookie is set.")}


class LoginViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.views.LoginView"

    def view_replacement(self) -> type:
        return described(
            self.target_class,
            operation_id="login",
            summary="Log in with a username or email address and a password",
            responses={
                **login_responses(self.target_class),
                400: VALIDATION_ERROR,
                429: THROTTLED,
            },
        )


class LogoutViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.views.LogoutView"

    def view_replacement(self) -> type:
        return described(
            self.target_class,
            operation_id="logout",
            summary="Log out: end the session and revoke the credential of the request",
            request=None,
            responses={200: message("Logged out.")},
        )


class UserDetailsViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.views.UserDetailsView"

    def view_replacement(self) -> type:
        user = api_settings.USER_DETAILS_SERIALIZER
        errors = {401: NOT_AUTHENTICATED, 403: NOT_AUTHENTICATED}
        update = {200: user, 400: VALIDATION_ERROR, **errors}
        view = type(self.target_class.__name__, (self.target_class,), {})
        return extend_schema_view(
            get=extend_schema(
                tags=[TAG],
                operation_id="user_retrieve",
                summary="The logged-in user",
                responses={200: user, **errors},
            ),
            put=extend_schema(
                tags=[TAG],
                operation_id="user_update",
                summary="Replace the user's editable fields",
                responses=update,
            ),
            patch=extend_schema(
                tags=[TAG],
                operation_id="user_partial_update",
                summary="Change some of the user's fields",
                responses=update,
            ),
        )(view)


class PasswordChangeViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.views.PasswordChangeView"

    def view_replacement(self) -> type:
        return described(
            self.target_class,
            operation_id="password_change",
            summary="Change the password of the logged-in user",
            responses={
                200: message("The new password is saved."),
                400: VALIDATION_ERROR,
                401: NOT_AUTHENTICATED,
                403: NOT_AUTHENTICATED,
                429: THROTTLED,
            },
        )


class PasswordResetViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.views.PasswordResetView"

    def view_replacement(self) -> type:
        return described(
            self.target_class,
            operation_id="password_reset",
            summary="Email a password reset link (the answer is the same for unknown addresses)",
            responses={
                200: message("Sent, if the address has an account."),
                400: VALIDATION_ERROR,
                429: THROTTLED,
            },
        )


class PasswordResetConfirmViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.views.PasswordResetConfirmView"

    def view_replacement(self) -> type:
        return described(
            self.target_class,
            operation_id="password_reset_confirm",
            summary="Set a new password with the uid and token of a reset link",
            responses={
                200: message("The password is reset."),
                400: VALIDATION_ERROR,
                429: THROTTLED,
            },
        )
