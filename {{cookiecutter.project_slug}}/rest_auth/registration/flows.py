"""The side effects of sign-up and email verification, as plain functions the views call.

They take Django's ``HttpRequest`` (``request._request`` in a DRF view), as allauth does.
Sending is delegated to allauth's email verification flow, which also applies its rate
limit per address (ACCOUNT_RATE_LIMITS["confirm_email"]): a resend within the cooldown is
skipped silently, and the links already sent keep working.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from allauth.account import app_settings as allauth_settings
from allauth.account import signals
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_email, user_pk_to_url_str, user_username
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.http import HttpRequest

from .allauth_compat import send_verification_email_to_address, sync_user_email_address

logger = logging.getLogger(__name__)


def verification_is_mandatory() -> bool:
    return allauth_settings.EMAIL_VERIFICATION == allauth_settings.EmailVerificationMethod.MANDATORY


def complete_signup(request: HttpRequest, user: AbstractBaseUser) -> None:
    """After the user is saved: record its address, announce it, send the verification."""
    address = record_signup_address(user)
    signals.user_signed_up.send(sender=type(user), request=request, user=user)
    verification = allauth_settings.EMAIL_VERIFICATION
    if address is not None and verification != allauth_settings.EmailVerificationMethod.NONE:
        send_quietly(send_verification_email_to_address, request, address, signup=True)


def record_signup_address(user: AbstractBaseUser) -> EmailAddress | None:
    """The new user's address as its unverified primary EmailAddress (None without one).

    allauth's ``setup_user_email`` does this for its sign-up pages, where a social login
    may have stashed an already verified address in the session; reading that stash
    writes a session row on every sign-up, even for clients that use no session (and a
    session cookie only in the answer of a fresh sign-up would tell it apart from a taken
    address). An API sign-up has nothing stashed, and the serializer has already checked
    the address (``assess_unique_email``): one INSERT does it.
    """
    email = user_email(user)
    if not email:
        return None
    address = EmailAddress.objects.create(
        user=user, email=email.lower(), primary=True, verified=False
    )
    # Later reads of the user's addresses in this request (has_verified_email, the
    # verification email) come from this cache, not from the database.
    EmailAddress.objects.fill_cache_for_user(user, [address])
    return address


def send_quietly(send: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """Send an email; a mail server failure is logged, not shown.

    The account already exists when its verification email is sent, and the answer must
    not differ by whether mail went out (a taken address sends mail too). The user asks
    for a new link at rest_resend_email.
    """
    try:
        send(*args, **kwargs)
    except Exception:  # noqa: BLE001 - any delivery failure is logged, none is shown
        logger.exception("Failed to send an email (%s)", getattr(send, "__name__", send))


def notify_existing_account(request: HttpRequest, email: str, password: str = "") -> None:
    """Someone signed up with a taken address: email its owner, create nothing.

    The client gets the answer of a successful sign-up, so the API does not reveal which
    addresses have accounts; the owner learns of the attempt (and how to reset a forgotten
    password) from the "account already exists" email. The password is hashed all the
    same, so the time the answer takes does not tell either.
    """
    if password:
        make_password(password)
    address = EmailAddress(user=None, email=stored_address(email))
    send_quietly(send_verification_email_to_address, request, address, signup=True)


def stored_address(email: str) -> str:
    """The address as an account stores it (mail goes there, not to what was typed)."""
    stored = EmailAddress.objects.filter(email__iexact=email).values_list("email", flat=True)
    if stored:
        return stored[0]
    user_model = get_user_model()
    field = user_model.get_email_field_name()
    users = user_model._default_manager.filter(**{f"{field}__iexact": email})
    return users.values_list(field, flat=True).first() or email


def resend_verification_email(request: HttpRequest, email: str) -> None:
    """Send a new link to an unverified address (any case); do nothing for other addresses.

    An account made outside sign-up (createsuperuser, the admin) has its address only on
    the user; it is recorded as an unverified EmailAddress first, as allauth does at login.
    """
    address = (
        EmailAddress.objects.filter(email__iexact=email, user__is_active=True)
        .select_related("user")
        .first()
    )
    if address is None:
        user_model = get_user_model()
        field = user_model.get_email_field_name()
        users = list(
            user_model._default_manager.filter(**{f"{field}__iexact": email, "is_active": True})[:2]
        )
        if len(users) == 1:
            address = sync_user_email_address(users[0])
    if address is not None and not address.verified:
        send_quietly(send_verification_email_to_address, request, address)


def confirm_email(request: HttpRequest, key: str) -> EmailAddress | None:
    """Mark the address of a verification key verified; None for a bad or expired key.

    A key names an unverified address and works once: the row is locked while it is
    verified, so of two requests racing with one key the second finds it verified and
    fails like any used key.
    """
    confirmation = EmailConfirmationHMAC.from_key(key)
    if confirmation is None:
        return None
    with transaction.atomic():
        address = (
            EmailAddress.objects.select_for_update()
            .filter(pk=confirmation.email_address.pk, verified=False)
            .select_related("user")
            .first()
        )
        if address is None or not get_adapter(request).confirm_email(request, address):
            return None
    return address


def send_password_reset_emails(
    request: HttpRequest,
    email: str,
    users: Iterable[AbstractBaseUser],
    extra_context: dict[str, Any] | None = None,
) -> None:
    """Email each account a reset link made with allauth's token generator.

    As without allauth, a mail server failure is logged, not shown: the answer must not
    depend on whether an account received mail.
    """
    adapter = get_adapter(request)
    token_generator = allauth_settings.PASSWORD_RESET_TOKEN_GENERATOR()
    for user in users:
        uid, token = user_pk_to_url_str(user), token_generator.make_token(user)
        context = {
            "user": user,
            "uid": uid,
            "token": token,
            "key": token,
            "password_reset_url": adapter.get_reset_password_from_key_url(f"{uid}-{token}"),
            **(extra_context or {}),
        }
        # As allauth does: the username is worth a reminder only where it logs in.
        if allauth_settings.LoginMethod.USERNAME in allauth_settings.LOGIN_METHODS:
            context.setdefault("username", user_username(user))
        send_quietly(adapter.send_password_reset_mail, user, email, context)
