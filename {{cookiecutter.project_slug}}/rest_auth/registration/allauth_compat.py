"""The django-allauth internals this app calls, in one place.

allauth makes no promise about its ``internal`` packages between releases. Each function
here stands for one of them and names the first release that has it; pyproject.toml's
floor for django-allauth is the newest of those releases, and its ceiling the next major.
When an allauth upgrade moves one of them, this module is the one to change. (Social
login, where generated, keeps the internals it calls in a module of its own beside this.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.account.internal import userkit
from allauth.account.internal.flows import email_verification, manage_email
from allauth.core.internal import ratelimit

if TYPE_CHECKING:
    from allauth.account.models import EmailAddress
    from allauth.core.internal.ratelimit import Rate
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.http import HttpRequest


def assess_unique_email(email: str) -> bool | None:
    """Tell whether a new account may take ``email``: True, False (taken), or None.

    None: the address is taken, but mandatory verification lets the caller hide that.
    Stands for ``allauth.account.internal.flows.manage_email.assess_unique_email``
    (since allauth 65.1.0).
    """
    return manage_email.assess_unique_email(email)


def sync_user_email_address(user: AbstractBaseUser) -> EmailAddress | None:
    """Record the user's email field as an unverified EmailAddress if no row has it.

    Returns the new row; None when the user has no address or its row already exists.

    Stands for ``allauth.account.internal.flows.manage_email.sync_user_email_address``
    (since allauth 65.10.0).
    """
    return manage_email.sync_user_email_address(user)


def send_verification_email_to_address(
    request: HttpRequest, address: EmailAddress, *, signup: bool = False
) -> bool:
    """Email a verification link (or code) for ``address``, under allauth's rate limits.

    Returns whether a message was sent. Stands for
    ``allauth.account.internal.flows.email_verification.send_verification_email_to_address``
    (since allauth 65.10.0).
    """
    return email_verification.send_verification_email_to_address(request, address, signup=signup)


def filter_users_by_email(
    email: str, *, is_active: bool | None = None, prefer_verified: bool = False
) -> list[AbstractBaseUser]:
    """List the users who have ``email``, as a verified or unverified address or field.

    Stands for ``allauth.account.internal.userkit.filter_users_by_email`` (since allauth
    65.20.0; ``allauth.account.utils`` keeps a wrapper that allauth means to deprecate).
    """
    return userkit.filter_users_by_email(
        email, is_active=is_active, prefer_verified=prefer_verified
    )


def parse_rates(rates: str | None) -> list[Rate]:
    """Read an ACCOUNT_RATE_LIMITS value (``"1/3m/key,20/h/ip"``) as allauth does.

    Stands for ``allauth.core.internal.ratelimit.parse_rates`` (since allauth 65.9.0).
    """
    return ratelimit.parse_rates(rates)
