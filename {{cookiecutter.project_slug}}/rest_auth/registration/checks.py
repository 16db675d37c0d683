"""System checks of registration: configurations under which sign-up cannot work as built.

Ids continue rest_auth's (``rest_auth.E02x`` / ``W02x``); silence one with
SILENCED_SYSTEM_CHECKS where you know better.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register

from rest_auth.app_settings import api_settings
from rest_auth.checks import missing_throttle_rates

from .throttling import THROTTLE_SCOPES, VERIFICATION_EMAIL_SCOPE

ALLAUTH_APPS = ("allauth", "allauth.account")
ALLAUTH_MIDDLEWARE = "allauth.account.middleware.AccountMiddleware"


@register()
def check_registration(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    errors = check_allauth_installed()
    if errors:
        return errors  # the other checks need allauth's settings and models
    return [
        *check_adapter(),
        *check_throttle_rates(),
        *check_serializers(),
        *check_backends(),
    ]


def check_allauth_installed() -> list[CheckMessage]:
    missing = [app for app in ALLAUTH_APPS if not apps.is_installed(app)]
    if ALLAUTH_MIDDLEWARE not in settings.MIDDLEWARE:
        missing.append(ALLAUTH_MIDDLEWARE)
    if not missing:
        return []
    return [
        Error(
            f"rest_auth.registration is installed without django-allauth's {', '.join(missing)}.",
            hint="Add 'allauth' and 'allauth.account' to INSTALLED_APPS (after "
            "'rest_auth.registration') and the middleware to MIDDLEWARE.",
            id="rest_auth.E020",
        )
    ]


def check_adapter() -> list[CheckMessage]:
    from allauth.account.adapter import get_adapter

    from .adapter import AccountAdapter

    if isinstance(get_adapter(), AccountAdapter):
        return []
    return [
        Error(
            f"ACCOUNT_ADAPTER = {getattr(settings, 'ACCOUNT_ADAPTER', None)!r} does not "
            "subclass rest_auth.registration.adapter.AccountAdapter: links in emails would "
            "point at allauth's own pages, which this API does not serve.",
            hint="Set ACCOUNT_ADAPTER to 'rest_auth.registration.adapter.AccountAdapter' "
            "or a subclass of it.",
            id="rest_auth.E021",
        )
    ]


def check_throttle_rates() -> list[CheckMessage]:
    return missing_throttle_rates(THROTTLE_SCOPES, always=(VERIFICATION_EMAIL_SCOPE,), id="E022")


def subclasses(setting: str, base: type) -> bool | None:
    """Whether a REST_AUTH serializer setting names a subclass of base (None: unimportable,
    which rest_auth.E004 reports)."""
    try:
        value = getattr(api_settings, setting)
    except ImportError:
        return None
    return isinstance(value, type) and issubclass(value, base)


def check_serializers() -> list[CheckMessage]:
    from . import serializers
    from .flows import verification_is_mandatory

    messages: list[CheckMessage] = []
    reset = subclasses("PASSWORD_RESET_SERIALIZER", serializers.PasswordResetSerializer)
    confirm = subclasses(
        "PASSWORD_RESET_CONFIRM_SERIALIZER", serializers.PasswordResetConfirmSerializer
    )
    if None not in (reset, confirm) and reset != confirm:
        messages.append(
            Error(
                "REST_AUTH's PASSWORD_RESET_SERIALIZER and PASSWORD_RESET_CONFIRM_SERIALIZER "
                "do not agree: one uses allauth's reset tokens, the other Django's, so no "
                "reset link could be confirmed.",
                hint="Subclass both from rest_auth.registration.serializers, or neither.",
                id="rest_auth.E023",
            )
        )
    login = subclasses("LOGIN_SERIALIZER", serializers.LoginSerializer)
    if verification_is_mandatory() and login is False:
        messages.append(
            Warning(
                "ACCOUNT_EMAIL_VERIFICATION is 'mandatory', but REST_AUTH['LOGIN_SERIALIZER'] "
                "does not subclass rest_auth.registration.serializers.LoginSerializer: users "
                "with unverified addresses can log in.",
                hint="Subclass rest_auth.registration.serializers.LoginSerializer.",
                id="rest_auth.W020",
            )
        )
    return messages


def check_backends() -> list[CheckMessage]:
    from allauth.account.auth_backends import AuthenticationBackend
    from django.contrib.auth import get_backends

    if not any(isinstance(backend, AuthenticationBackend) for backend in get_backends()):
        return []
    return [
        Warning(
            "allauth's AuthenticationBackend is in AUTHENTICATION_BACKENDS: the API's login "
            "resolves email addresses itself and checks the password through Django's "
            "ModelBackend; allauth's backend would hash a wrong password a second time "
            "(a slower, distinguishable failure) or, alone, refuse logins by email.",
            hint="Set AUTHENTICATION_BACKENDS = ['django.contrib.auth.backends.ModelBackend'].",
            id="rest_auth.W021",
        )
    ]
