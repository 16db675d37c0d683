"""OpenAPI descriptions of the auth endpoints, for drf-spectacular.

The views carry no schema code: these extensions describe them while the schema is being
generated. They read REST_AUTH at that moment, so a serializer configured there (say a
custom USER_DETAILS_SERIALIZER) is what the schema shows. config/urls.py imports this
module, which registers the extensions.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiViewExtension
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers

from .app_settings import api_settings

TAG = "auth"


class DetailSerializer(serializers.Serializer):
    """A message: ``{"detail": "..."}``."""

    detail = serializers.CharField(read_only=True)


# Each field's messages, and non_field_errors for those about the body as a whole.
FIELD_ERRORS = {
    "type": "object",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


def validation_error(example: dict[str, list[str]]) -> OpenApiResponse:
    """Describe a 400 answer, with ``example`` as the body the docs show."""
    return OpenApiResponse(
        FIELD_ERRORS,
        description='Invalid input: `{"<field>": ["message", ...]}`, or '
        '`{"non_field_errors": [...]}` for errors of the whole body.',
        # Without an example Swagger UI would invent {"additionalProp1": [...]}.
        examples=[OpenApiExample("Invalid input", value=example)],
    )


# The 400 of every endpoint that takes a body, sent something other than a JSON object.
VALIDATION_ERROR = validation_error(
    {"non_field_errors": ["Invalid data. Expected a dictionary, but got str."]}
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
    """Describe what a view answers when it logs a user in (as password login does)."""
    if api_settings.TOKEN_MODEL is not None or api_settings.USE_JWT:
        return {status: OpenApiResponse(view().get_response_serializer(), credential())}
    return {204: OpenApiResponse(description=credential())}


def credential() -> str:
    """Say, for this project's settings, what a successful login hands out."""
    if api_settings.USE_JWT:
        return "Logged in: an access and a refresh token (or cookies holding them), and the user."
    if api_settings.TOKEN_MODEL is not None:
        return "Logged in: an API token, sent as `Authorization: Token <key>` from now on."
    return "Logged in: no body; the session cookie is set."


def login_identifiers() -> list[str]:
    """Name the fields the configured LOGIN_SERIALIZER finds the account by."""
    fields = api_settings.LOGIN_SERIALIZER().fields
    return [name for name in ("username", "email") if name in fields]


def login_summary() -> str:
    words = {"username": "a username", "email": "an email address"}
    who = " or ".join(words[name] for name in login_identifiers())
    return f"Log in with {who} and a password"


class LoginViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.views.LoginView"

    def view_replacement(self) -> type:
        return described(
            self.target_class,
            operation_id="login",
            summary=login_summary(),
            description="Check the password of the account and answer with the credential "
            "this API uses. A wrong password, an unknown account and an inactive one get "
            "the same answer.",
            responses={
                **login_responses(self.target_class),
                400: validation_error(
                    {"non_field_errors": ["Unable to log in with provided credentials."]}
                ),
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
            description="Answers 200 also without credentials, or with dead ones: the client "
            "is logged out either way.",
            request=None,
            responses={200: message("Logged out.")},
        )


class UserDetailsViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.views.UserDetailsView"

    def view_replacement(self) -> type:
        user = api_settings.USER_DETAILS_SERIALIZER
        errors = {401: NOT_AUTHENTICATED, 403: NOT_AUTHENTICATED}
        invalid = validation_error({"username": ["A user with that username already exists."]})
        update = {200: user, 400: invalid, **errors}
        description = "The logged-in user's account; the email address is read-only here."
        view = type(self.target_class.__name__, (self.target_class,), {})
        return extend_schema_view(
            get=extend_schema(
                tags=[TAG],
                operation_id="user_retrieve",
                summary="The logged-in user",
                description=description,
                responses={200: user, **errors},
            ),
            put=extend_schema(
                tags=[TAG],
                operation_id="user_update",
                summary="Replace the user's editable fields",
                description=description,
                responses=update,
            ),
            patch=extend_schema(
                tags=[TAG],
                operation_id="user_partial_update",
                summary="Change some of the user's fields",
                description=description,
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
                400: validation_error(
                    {
                        "old_password": [
                            "Your old password was entered incorrectly. Please enter it again."
                        ]
                    }
                ),
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
                400: validation_error({"email": ["Enter a valid email address."]}),
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
                400: validation_error({"token": ["Invalid value"]}),
                429: THROTTLED,
            },
        )
