"""OpenAPI descriptions of the registration endpoints (see rest_auth/schema.py)."""

from __future__ import annotations

from allauth.account import app_settings as allauth_settings
from drf_spectacular.extensions import OpenApiViewExtension
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view

from rest_auth.schema import (
    THROTTLED,
    described,
    login_responses,
    message,
    validation_error,
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
            description = (
                "A verification link is emailed; the account logs in once the address is "
                "verified. A taken address gets the same answer (its owner is emailed)."
            )
        else:
            created = login_responses(self.target_class, status=201)
            description = "The new account is logged in: the answer is the login endpoint's."
        return described(
            self.target_class,
            tag=TAG,
            operation_id="register",
            summary="Create an account",
            description=description,
            responses={
                **created,
                400: validation_error({"password2": ["The two password fields didn't match."]}),
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
                400: validation_error({"key": ["This field is required."]}),
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
                description="What a mail client or a link scanner sends: it changes nothing "
                "and redirects to the frontend's verification page, where the user confirms.",
                responses={
                    302: OpenApiResponse(description="To the frontend's verification page.")
                },
            ),
            post=extend_schema(
                tags=[TAG],
                operation_id="confirm_email",
                summary="Verify the email address of the key in the path",
                description="As `verify-email/`, with the key in the path instead of the body.",
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
                400: validation_error({"email": ["Enter a valid email address."]}),
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
            description="Answers as a sign-up under mandatory verification does.",
            request=None,
            responses={200: message("Verification e-mail sent.")},
        )
