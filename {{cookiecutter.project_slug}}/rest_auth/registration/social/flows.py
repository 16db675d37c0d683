"""What a verified social login does to accounts, as plain functions the views call.

The few allauth internals they use (``SocialLogin._accept_login``, the connect flow's
``validate_disconnect``), as allauth's own views do, are reached through
``allauth_compat`` (socialaccount) and ``registration.allauth_compat``.

allauth's own flows answer with redirects and pages; these answer with a user or an API
error, and follow the same rules: an existing provider account logs its user in; an
address the provider verified logs in the local account that has it
(SOCIALACCOUNT_EMAIL_AUTHENTICATION); otherwise a new account is made, subject to
ACCOUNT_EMAIL_VERIFICATION like a sign-up.
"""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account import app_settings as account_settings
from allauth.account import signals as account_signals
from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.models import EmailAddress
from allauth.account.utils import has_verified_email, user_email, user_username
from allauth.socialaccount import app_settings as socialaccount_settings
from allauth.socialaccount import signals
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialAccount, SocialLogin
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.settings import api_settings as drf_settings

from ..allauth_compat import assess_unique_email, send_verification_email_to_address
from ..flows import notify_existing_account, send_quietly, verification_is_mandatory
from .allauth_compat import accept_login, disconnect, validate_disconnect

EMAIL_TAKEN = _("User is already registered with this e-mail address.")
NO_EMAIL = _("The provider did not share an e-mail address, and one is required.")
UNVERIFIED = _("E-mail is not verified.")
INACTIVE = _("User account is disabled.")
SIGNUP_RACE = _("This account was signed up by another request just now; log in again.")
CONNECTED_OTHER = _("The third-party account is already connected to a different account.")


def refused(*messages: str) -> ValidationError:
    """A 400 shaped as a serializer's own (``{"non_field_errors": [...]}``)."""
    return ValidationError({drf_settings.NON_FIELD_ERRORS_KEY: list(messages)})


@dataclass
class SocialSignIn:
    """The outcome: ``user`` may log in now, unless ``verification_sent`` (mandatory
    verification of a new account's address, or a taken address whose owner was told)."""

    user: AbstractBaseUser | None
    verification_sent: bool = False


def sign_in(request: HttpRequest, sociallogin: SocialLogin) -> SocialSignIn:
    """Log in the account of a verified provider identity, making one if there is none."""
    # An existing provider account, else a local account by an address the provider
    # verified (only with SOCIALACCOUNT_EMAIL_AUTHENTICATION).
    sociallogin.lookup()
    get_adapter(request).pre_social_login(request, sociallogin)
    signals.pre_social_login.send(sender=SocialLogin, request=request, sociallogin=sociallogin)
    if sociallogin.is_existing:
        return SocialSignIn(user=existing_user(request, sociallogin))
    return sign_up(request, sociallogin)


def existing_user(request: HttpRequest, sociallogin: SocialLogin) -> AbstractBaseUser:
    user = sociallogin.user
    if not user.is_active:
        raise refused(INACTIVE)
    # As allauth does at login: a local account found by email loses a password set
    # before its address was verified, and (AUTO_CONNECT) gains the provider account.
    matched_email = accept_login(request, sociallogin)
    if matched_email:
        # The provider vouched for the mailbox: the address counts as verified here too.
        EmailAddress.objects.filter(user=user, email__iexact=matched_email).update(verified=True)
    if verification_is_mandatory() and not has_verified_email(user):
        raise refused(UNVERIFIED)
    return user


def sign_up(request: HttpRequest, sociallogin: SocialLogin) -> SocialSignIn:
    if not get_adapter(request).is_open_for_signup(request, sociallogin):
        raise PermissionDenied(_("Sign-up is closed."))
    email = user_email(sociallogin.user) or next(
        (address.email for address in sociallogin.email_addresses), None
    )
    if email:
        unique = assess_unique_email(email)
        if unique is None:
            # Taken, and mandatory verification lets us hide it: as a sign-up would,
            # email the owner and answer as if a verification email was sent.
            notify_existing_account(request, email)
            return SocialSignIn(user=None, verification_sent=True)
        if unique is False:
            raise refused(EMAIL_TAKEN)
    elif email_required():
        raise refused(NO_EMAIL)
    user = sociallogin.user
    try:
        get_account_adapter(request).clean_username(user_username(user))
    except DjangoValidationError:
        user_username(user, "")  # taken or invalid: allauth derives a free one
    try:
        with transaction.atomic():
            get_adapter(request).save_user(request, sociallogin, form=None)
    except IntegrityError:
        # The same provider account signing up twice at once: the second loses the race.
        raise refused(SIGNUP_RACE) from None
    announce_signup(request, sociallogin)
    if verification_is_mandatory() and not has_verified_email(user):
        return SocialSignIn(user=user, verification_sent=True)
    return SocialSignIn(user=user)


def email_required() -> bool:
    """SOCIALACCOUNT_EMAIL_REQUIRED; by default whether ACCOUNT_SIGNUP_FIELDS asks for one."""
    return socialaccount_settings.EMAIL_REQUIRED


def announce_signup(request: HttpRequest, sociallogin: SocialLogin) -> None:
    """After the new account is saved with the provider's addresses: announce it, and ask
    to verify a primary address the provider did not vouch for."""
    user = sociallogin.user
    account_signals.user_signed_up.send(
        sender=type(user), request=request, user=user, sociallogin=sociallogin
    )
    address = EmailAddress.objects.get_primary(user)
    verification = account_settings.EMAIL_VERIFICATION
    if (
        address is not None
        and not address.verified
        and verification != account_settings.EmailVerificationMethod.NONE
    ):
        send_quietly(send_verification_email_to_address, request, address, signup=True)


def connect(request: HttpRequest, sociallogin: SocialLogin, user: AbstractBaseUser) -> None:
    """Add the provider account to ``user``; refuse one that belongs to someone else."""
    account = sociallogin.account
    try:
        with transaction.atomic():
            existing = (
                SocialAccount.objects.select_for_update()
                .filter(provider=account.provider, uid=account.uid)
                .first()
            )
            if existing is not None and existing.user_id != user.pk:
                raise refused(CONNECTED_OTHER)
            if existing is not None:
                existing.extra_data = account.extra_data
                existing.save(update_fields=["extra_data"])
                return
            sociallogin.connect(request, user)
    except IntegrityError:
        # Two users connecting the same provider account at once: one wins.
        raise refused(CONNECTED_OTHER) from None


def disconnect_account(request: HttpRequest, account: SocialAccount) -> None:
    """Remove a provider account, unless it is the user's last way to log in.

    allauth's rule: the last provider account stays while the user has no usable
    password (or, under mandatory verification, no verified address). The user's rows
    are locked, so two disconnects at once cannot remove both of the last two.
    """
    with transaction.atomic():
        accounts = list(SocialAccount.objects.select_for_update().filter(user_id=account.user_id))
        if account.pk not in {other.pk for other in accounts}:
            return  # already removed by a concurrent request
        try:
            validate_disconnect(request, account)
        except DjangoValidationError as exc:
            raise refused(*exc.messages) from None
        disconnect(request, account)
