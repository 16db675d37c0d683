"""dj-rest-auth's password reset form for django-allauth, emailing allauth's reset links.

``rest_auth.forms.AllAuthPasswordResetForm`` names this class too; registration's
PasswordResetSerializer uses it (its ``password_reset_form_class``).
"""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import get_adapter
from allauth.account.forms import ResetPasswordForm
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest

from .allauth_compat import filter_users_by_email
from .flows import send_password_reset_emails


def default_url_generator(request: HttpRequest, user: AbstractBaseUser, temp_key: str) -> str:
    """The link in a reset email: the frontend's reset page (AccountAdapter) for the
    user's uid (base 36, allauth's) and the token."""
    key = f"{user_pk_to_url_str(user)}-{temp_key}"
    return get_adapter(request).get_reset_password_from_key_url(key)


class AllAuthPasswordResetForm(ResetPasswordForm):
    """allauth's reset form, answering the same whether or not the address has an account.

    ``save(request, url_generator=..., extra_email_context=...)`` emails each active
    account with the address a link from ``url_generator`` (default_url_generator).
    """

    def clean_email(self) -> str:
        # The accounts are looked up in save(), which runs after the answer has gone out.
        return get_adapter().clean_email(self.cleaned_data["email"])

    def save(self, request: HttpRequest, **kwargs: Any) -> str:  # type: ignore[override]
        email = self.cleaned_data["email"]
        users = filter_users_by_email(email, is_active=True, prefer_verified=True)
        send_password_reset_emails(
            request,
            email,
            users,
            kwargs.get("extra_email_context"),
            url_generator=kwargs.get("url_generator", default_url_generator),
        )
        return email
