"""The django-allauth socialaccount internals social login calls, in one place.

allauth's own views use them; allauth makes no promise about them between releases. Each
function here stands for one and names the first release that has it (pyproject.toml's
django-allauth range allows only releases that have them all); when an allauth upgrade
moves one, this module is the one to change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.socialaccount.internal.flows import connect

if TYPE_CHECKING:
    from allauth.socialaccount.models import SocialAccount, SocialLogin
    from django.http import HttpRequest


def accept_login(request: HttpRequest, sociallogin: SocialLogin) -> str | None:
    """Do allauth's login-time work for a looked-up login; return the address it matched.

    A login matched to a local account by email (SOCIALACCOUNT_EMAIL_AUTHENTICATION)
    loses a password set before the address was verified and, with
    SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT, gains the provider account; the
    matched address is returned (None when the login was not matched by email).
    Stands for ``SocialLogin._accept_login`` and ``SocialLogin._did_authenticate_by_email``
    (since allauth 65.0.0).
    """
    sociallogin._accept_login(request)
    return sociallogin._did_authenticate_by_email


def validate_disconnect(request: HttpRequest, account: SocialAccount) -> None:
    """Refuse to disconnect the last way into an account (a django ValidationError).

    Stands for ``allauth.socialaccount.internal.flows.connect.validate_disconnect``
    (since allauth 65.0.0).
    """
    connect.validate_disconnect(request, account)


def disconnect(request: HttpRequest, account: SocialAccount) -> None:
    """Delete ``account`` as allauth does: its signal and the owner's notification email.

    Stands for ``allauth.socialaccount.internal.flows.connect.disconnect`` (since allauth
    65.0.0).
    """
    connect.disconnect(request, account)
