"""Forms reused from Django, adapted to an API whose pages live in a separate frontend."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.tokens import PasswordResetTokenGenerator, default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .app_settings import api_settings
from .features import library_name


def frontend_url() -> str:
    """The base of links in emails: FRONTEND_URL, or the current Site's domain.

    Never built from the request: its Host header is chosen by whoever sends it.
    """
    configured = getattr(settings, "FRONTEND_URL", None) or ""
    if api_settings.PASSWORD_RESET_USE_SITES_DOMAIN:
        from django.contrib.sites.models import Site

        scheme = urlsplit(configured).scheme or "https"
        return f"{scheme}://{Site.objects.get_current().domain}"
    return configured.rstrip("/")


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's password reset form, emailing a link to the frontend's reset page.

    The frontend reads ``uid`` and ``token`` from the link and posts them, with the new
    password, to the password reset confirm endpoint. Edit ``confirm_path`` to match
    your frontend's route; edit the templates to change the email.
    """

    subject_template_name = "rest_auth/password_reset_subject.txt"
    email_template_name = "rest_auth/password_reset_email.txt"
    confirm_path = "/password-reset/{uid}/{token}/"

    def password_reset_url(self, uid: str, token: str) -> str:
        return frontend_url() + self.confirm_path.format(uid=uid, token=token)

    def save(  # type: ignore[override] - links come from settings, never from a request
        self,
        subject_template_name: str | None = None,
        email_template_name: str | None = None,
        html_email_template_name: str | None = None,
        token_generator: PasswordResetTokenGenerator = default_token_generator,
        from_email: str | None = None,
        extra_email_context: dict[str, Any] | None = None,
    ) -> None:
        # Django's get_users() matches the address case-insensitively and yields only
        # active users with a usable password; mail goes to the address stored for the
        # user, never to the one typed in the form.
        for user in self.get_users(self.cleaned_data["email"]):
            uid = urlsafe_base64_encode(force_bytes(user.pk))
            token = token_generator.make_token(user)
            context = {
                "user": user,
                "uid": uid,
                "token": token,
                "password_reset_url": self.password_reset_url(uid, token),
                "site_name": urlsplit(frontend_url()).netloc,
                **(extra_email_context or {}),
            }
            self.send_mail(
                subject_template_name or self.subject_template_name,
                email_template_name or self.email_template_name,
                context,
                from_email,
                getattr(user, user.get_email_field_name()),
                html_email_template_name=html_email_template_name,
            )


def __getattr__(name: str) -> Any:
    # dj-rest-auth's names of optional features, kept in their own apps (rest_auth/features.py).
    return library_name(__name__, name)
