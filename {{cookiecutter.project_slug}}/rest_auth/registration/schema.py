"""OpenAPI descriptions of the registration endpoints (see rest_auth/schema.py)."""

from __future__ import annotations

from allauth.account import app_settings as allauth_settings
from drf_spectacular.extensions import OpenApiViewExtension
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view

from rest_auth.schema import (
    THROTTLED,
    VALIDATION_ERROR,
    described,
    login_responses,
    message,
)

from . import flows

TAG = "registration"
INVALID_KEY = message("The key is wrong, used or expired.")


def verified_responses(view: type) -> dict:
    """A verified address logs its user in only with ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION."""
    if allauth_settings.LOGIN_ON_EMAIL_CONFIRMATION:
        return login_responses(view)
    return {200: message("The address is verified.")}


class RegisterViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.registration.views.RegisterView"

    def view_replacement(self) -> type:
        if flows.verification_is_mandatory():
            created = {201: message("Verification e-mail sent (also when the address is taken).")}
        else:
            created = login_responses(self.target_class, status=201)
        return described(
            self.target_class,
            tag=TAG,
            operation_id="register",
            summary="Create an account",
            responses={
                **created,
                400: VALIDATION_ERROR,
                403: message("Sign-up is closed."),
                429: THROTTLED,
            },
        )


class VerifyEmailViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.registration.views.VerifyEmailView"

    def view_replacement(self) -> type:
        return described(
            self.target_class,
            tag=TAG,
            operation_id="verify_email",
            summary="Verify an email address with the key from its link",
            responses={
                **verified_responses(self.target_class),
                400: VALIDATION_ERROR,
                404: INVALID_KEY,
                429: THROTTLED,
            },
        )


class ConfirmEmailViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.registration.views.ConfirmEmailView"

    def view_replacement(self) -> type:
        view = type(self.target_class.__name__, (self.target_class,), {})
        return extend_schema_view(
            get=extend_schema(
                tags=[TAG],
                operation_id="confirm_email_redirect",
                summary="Redirect a verification link to the frontend's page (changes nothing)",
                responses={
                    302: OpenApiResponse(description="To the frontend's verification page.")
                },
            ),
            post=extend_schema(
                tags=[TAG],
                operation_id="confirm_email",
                summary="Verify the email address of the key in the path",
                request=None,
                responses={
                    **verified_responses(self.target_class),
                    404: INVALID_KEY,
                    429: THROTTLED,
                },
            ),
        )(view)


class ResendEmailVerificationViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.registration.views.ResendEmailVerificationView"

    def view_replacement(self) -> type:
        return described(
            self.target_class,
            tag=TAG,
            operation_id="resend_email",
            summary="Send a new verification link (the same answer for any address)",
            responses={
                200: message("Sent, if the address awaits verification."),
                400: VALIDATION_ERROR,
                429: THROTTLED,
            },
        )


class EmailVerificationSentViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.registration.views.EmailVerificationSentView"

    def view_replacement(self) -> type:
        return described(
            self.target_class,
            method="get",
            tag=TAG,
            operation_id="email_verification_sent",
            summary="Where allauth's flows redirect after sending a verification email",
            request=None,
            responses={200: message("Verification e-mail sent.")},
        )
