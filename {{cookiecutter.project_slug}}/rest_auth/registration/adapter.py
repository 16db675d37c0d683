"""The django-allauth account adapter of an API whose pages live in a separate frontend.

allauth builds the links in its emails by reversing its own page views, which this API
does not have. Here every link points at the frontend instead (FRONTEND_URL, or the
Site's domain with PASSWORD_RESET_USE_SITES_DOMAIN), never at the request's Host. Edit
the ``*_path`` attributes to match your frontend's routes.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from allauth.account.utils import user_email
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest

from rest_auth.forms import PasswordResetForm, frontend_url


class AccountAdapter(DefaultAccountAdapter):
    """ACCOUNT_ADAPTER of this project: links to the frontend, no flash messages."""

    # The frontend page that reads the key and POSTs it to rest_verify_email.
    email_confirmation_path = "/verify-email/{key}/"
    # The same reset page as without allauth, so one frontend route serves both.
    password_reset_path = PasswordResetForm.confirm_path
    # Pages linked from the "you already have an account" email.
    signup_path = "/signup/"
    password_reset_request_path = "/password-reset/"

    def get_email_confirmation_url(
        self, request: HttpRequest | None, emailconfirmation: Any
    ) -> str:
        return frontend_url() + self.email_confirmation_path.format(key=emailconfirmation.key)

    def get_reset_password_from_key_url(self, key: str) -> str:
        # allauth's opaque key is "<uid>-<token>"; the uid (base 36) has no dash.
        uid, token = key.split("-", 1)
        return frontend_url() + self.password_reset_path.format(uid=uid, token=token)

    def send_account_already_exists_mail(self, email: str) -> None:
        """Tell the owner of a taken address that someone tried to sign up with it."""
        self.send_mail(
            "account/email/account_already_exists",
            email,
            {
                "signup_url": frontend_url() + self.signup_path,
                "password_reset_url": frontend_url() + self.password_reset_request_path,
                "site_name": site_name(),
            },
        )

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # Every template may name the site; a caller's own site_name wins.
        super().send_mail(template_prefix, email, {"site_name": site_name(), **context})

    def send_password_reset_mail(
        self, user: AbstractBaseUser, email: str, context: dict[str, Any]
    ) -> None:
        # Mail goes to the address stored for the account, never to the one typed in.
        stored = (
            EmailAddress.objects.filter(user_id=user.pk, email__iexact=email)
            .values_list("email", flat=True)
            .first()
        )
        super().send_password_reset_mail(user, stored or user_email(user), context)

    def add_message(self, *args: Any, **kwargs: Any) -> None:
        """No flash messages: an API has no next page to show them on, and storing them
        would set a messages cookie on JSON responses."""


def site_name() -> str:
    """How emails name the site: the host of the links they carry."""
    return urlsplit(frontend_url()).netloc
