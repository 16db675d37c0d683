"""The side effects of sign-up and email verification, as plain functions the views call.

They take Django's ``HttpRequest`` (``request._request`` in a DRF view), as allauth does.
Sending is delegated to allauth's email verification flow, which also applies its rate
limit per address (ACCOUNT_RATE_LIMITS["confirm_email"]): a resend within the cooldown is
skipped silently, and the links already sent keep working.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from allauth.account import app_settings as allauth_settings
from allauth.account import signals
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress, EmailConfirmation, EmailConfirmationHMAC
from allauth.account.utils import user_email, user_pk_to_url_str, user_username
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.http import HttpRequest

from rest_auth.mail import send_after_response

from .allauth_compat import (
    parse_rates,
    send_verification_email_to_address,
    sync_user_email_address,
)


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
    """Send an email once the answer has gone out; a mail server failure is logged, not
    shown (``rest_auth.mail``).

    The account already exists when its verification email is sent, and the answer must
    not differ by whether mail went out (a taken address sends mail too). The user asks
    for a new link at rest_resend_email.
    """
    send_after_response(send, *args, **kwargs)


def notify_existing_account(request: HttpRequest, email: str, password: str = "") -> None:
    """Someone signed up with a taken address: email its owner, create nothing.

    The client gets the answer of a successful sign-up, so the API does not reveal which
    addresses have accounts; the owner learns of the attempt (and how to reset a forgotten
    password) from the "account already exists" email. The password is hashed all the
    same, so the time the answer takes does not tell either.
    """
    if password:
        make_password(password)
    send_quietly(send_account_already_exists_email, request, email)


def send_account_already_exists_email(request: HttpRequest, email: str) -> None:
    """Email the owner of a taken address (allauth sends "account already exists" to an
    address without a user)."""
    address = EmailAddress(user=None, email=stored_address(email))
    send_verification_email_to_address(request, address, signup=True)


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

    The view calls it after the answer has gone out (``rest_auth.mail``), so how long the
    answer takes does not tell which addresses have accounts.

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
        send_verification_email_to_address(request, address)


def resend_cooldown() -> float | None:
    """Seconds allauth waits before it sends an address another verification link
    (ACCOUNT_RATE_LIMITS["confirm_email"], from ACCOUNT_EMAIL_CONFIRMATION_COOLDOWN: three
    minutes by default); None without a per-address limit."""
    rates = parse_rates(allauth_settings.RATE_LIMITS.get("confirm_email"))
    return max((rate.duration for rate in rates if rate.per == "key"), default=None)


def confirm_email(request: HttpRequest, key: str) -> EmailAddress | None:
    """Mark the address of a verification key verified; None for a bad or expired key.

    A key names an unverified address and works once: the row is locked while it is
    verified, so of two requests racing with one key the second finds it verified and
    fails like any used key.
    """
    # A signed key (ACCOUNT_EMAIL_CONFIRMATION_HMAC, the default), else a stored one.
    confirmation = (
        EmailConfirmationHMAC.from_key(key)
        or EmailConfirmation.objects.all_valid().filter(key=key.lower()).first()
    )
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
    url_generator: Callable[[HttpRequest, AbstractBaseUser, str], str] | None = None,
) -> None:
    """Email each account a reset link made with allauth's token generator; the link
    from ``url_generator(request, user, token)`` if given, else from the adapter.

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
            "password_reset_url": (
                url_generator(request, user, token)
                if url_generator is not None
                else adapter.get_reset_password_from_key_url(f"{uid}-{token}")
            ),
            **(extra_context or {}),
        }
        # As allauth does: the username is worth a reminder only where it logs in.
        if allauth_settings.LoginMethod.USERNAME in allauth_settings.LOGIN_METHODS:
            context.setdefault("username", user_username(user))
        send_quietly(adapter.send_password_reset_mail, user, email, context)
