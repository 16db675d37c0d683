"""The WebAuthn ceremonies as plain functions: the views parse input, call one, shape output.

Each ceremony has two steps. *Begin* makes a challenge, stores it server-side (the
database: every worker sees it) and returns the options the browser passes to
``navigator.credentials.create()`` or ``.get()``. *Complete* first consumes the stored
challenge (one use: deleted before anything is verified, so a replayed or concurrent
second use fails), then has the ``webauthn`` library verify the browser's answer.

Failures raise ``PasskeyError`` with a message fit for the client. Library messages are
never shown: they describe internals, and differ in ways that help an attacker probe.
"""

from __future__ import annotations

import bisect
import itertools
import json
import struct
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url, generate_challenge
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from ..app_settings import api_settings
from .models import Passkey, PasskeyChallenge, PasskeyUserHandle

UserModel = get_user_model()

# What hostile input makes the library (and our own parsing) raise besides its own
# exceptions: bad base64 and JSON (ValueError), missing keys, wrong types, short byte
# strings (struct.error, IndexError), CBOR of the wrong shape.
MALFORMED = (
    WebAuthnException,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AttributeError,
    OverflowError,
    struct.error,
)

KNOWN_TRANSPORTS = frozenset(transport.value for transport in AuthenticatorTransport)

# What the credentials of an account without passkeys look like at a username-scoped login
# begin, as (value, weight) pairs: a plausible mix of what real accounts have. How many
# passkeys an account has; how long its authenticators' credential ids are (16 bytes:
# Google Password Manager, password managers; 20: iCloud Keychain; 32: Windows Hello,
# many security keys; 64: older security keys); which transports a browser reported for
# them (none: browsers that do not report any).
DECOY_COUNTS = ((1, 70), (2, 20), (3, 7), (4, 2), (5, 1))
DECOY_ID_LENGTHS = ((16, 40), (20, 20), (32, 30), (64, 10))
DECOY_TRANSPORTS = (
    (("hybrid", "internal"), 45),
    (("internal",), 25),
    (("usb",), 10),
    (("nfc", "usb"), 10),
    ((), 10),
)
DEFAULT_NAME = "Passkey"

CHALLENGE_INVALID = _("The passkey challenge is invalid, expired or already used; start again.")
LOGIN_FAILED = _("Unable to log in with this passkey.")
REGISTRATION_FAILED = _("The passkey could not be verified.")
ALREADY_REGISTERED = _("This passkey is already registered.")
NOT_CONFIGURED = _("Passkeys are not configured on this server.")


class PasskeyError(Exception):
    """A ceremony failed; ``message`` can be shown to the client as it is."""

    def __init__(self, message: Any) -> None:
        super().__init__(message)
        self.message = message


class PasskeysNotConfiguredError(PasskeyError):
    """PASSKEY_RP_* settings are missing (``manage.py check`` reports it as well)."""


@dataclass(frozen=True)
class RelyingParty:
    id: str
    name: str
    origins: list[str]


def relying_party() -> RelyingParty:
    """The RP settings, read per call so ``override_settings`` reaches the next request."""
    rp_id = api_settings.PASSKEY_RP_ID
    name = api_settings.PASSKEY_RP_NAME
    origins = api_settings.PASSKEY_RP_ORIGINS
    if not (rp_id and name and origins) or isinstance(origins, str):
        raise PasskeysNotConfiguredError(NOT_CONFIGURED)
    return RelyingParty(id=rp_id, name=name, origins=list(origins))


def user_handle(user: AbstractBaseUser) -> bytes:
    """The user's WebAuthn handle, created on first use."""
    handle, _created = PasskeyUserHandle.objects.get_or_create(user=user)
    return bytes(handle.handle)


def new_challenge(
    ceremony: str, *, user: AbstractBaseUser | None = None, scoped: bool = False, name: str = ""
) -> PasskeyChallenge:
    now = timezone.now()
    # Expired challenges are dead weight; begin calls sweep them up as they go.
    PasskeyChallenge.objects.filter(expires_at__lte=now).delete()
    return PasskeyChallenge.objects.create(
        ceremony=ceremony,
        challenge=bytes_to_base64url(generate_challenge()),
        user=user,
        scoped=scoped,
        name=name,
        expires_at=now + timedelta(seconds=api_settings.PASSKEY_CHALLENGE_TIMEOUT),
    )


def find_challenge(ceremony: str, **lookup: Any) -> PasskeyChallenge | None:
    """The unexpired challenge of this ceremony matching ``lookup``, if any."""
    challenges = PasskeyChallenge.objects.filter(
        ceremony=ceremony, expires_at__gt=timezone.now(), **lookup
    )
    return challenges.first()


def claim_challenge(challenge: PasskeyChallenge | None) -> PasskeyChallenge:
    """Delete the challenge; only the caller whose DELETE removed the row may go on.

    Of two requests that both found the row, the database lets exactly one delete it:
    the other sees a count of 0 and fails, so a challenge is never verified twice.
    """
    if challenge is None:
        raise PasskeyError(CHALLENGE_INVALID)
    deleted, _by_model = PasskeyChallenge.objects.filter(pk=challenge.pk).delete()
    if deleted != 1:
        raise PasskeyError(CHALLENGE_INVALID)
    return challenge


def consume_challenge(ceremony: str, **lookup: Any) -> PasskeyChallenge:
    """Find the challenge and use it up, or fail: the first step of every completion."""
    return claim_challenge(find_challenge(ceremony, **lookup))


def options_json(options: Any) -> dict[str, Any]:
    return json.loads(options_to_json(options))


def descriptors(passkeys: Any) -> list[PublicKeyCredentialDescriptor]:
    return [
        PublicKeyCredentialDescriptor(
            id=bytes(passkey.credential_id),
            transports=[AuthenticatorTransport(t) for t in passkey.transports],
        )
        for passkey in passkeys
    ]


def timeout_ms() -> int:
    return int(api_settings.PASSKEY_CHALLENGE_TIMEOUT) * 1000


# --- registration ---------------------------------------------------------------------


def begin_registration(user: AbstractBaseUser, name: str = "") -> dict[str, Any]:
    """Creation options for a new passkey of ``user``; its existing ones are excluded."""
    rp = relying_party()
    challenge = new_challenge(PasskeyChallenge.Ceremony.REGISTER, user=user, name=name)
    full_name = user.get_full_name() if hasattr(user, "get_full_name") else ""
    options = generate_registration_options(
        rp_id=rp.id,
        rp_name=rp.name,
        user_id=user_handle(user),
        user_name=user.get_username(),
        user_display_name=full_name or user.get_username(),
        challenge=base64url_to_bytes(challenge.challenge),
        timeout=timeout_ms(),
        # Ask for a discoverable credential (login without a username) where the
        # authenticator can make one, and for user verification (PIN, biometrics).
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
        # An authenticator that already holds a passkey of this user refuses to make another.
        exclude_credentials=descriptors(user.passkeys.all()),
    )
    answer = options_json(options)
    # credProps makes the browser tell whether the passkey is discoverable.
    answer["extensions"] = {"credProps": True}
    return answer


def client_data_challenge(credential: dict[str, Any]) -> str:
    """The challenge the browser signed, read from clientDataJSON (not yet verified)."""
    try:
        client_data = json.loads(base64url_to_bytes(credential["response"]["clientDataJSON"]))
        challenge = client_data["challenge"]
        if not isinstance(challenge, str):
            raise TypeError("challenge must be a string")
        return bytes_to_base64url(base64url_to_bytes(challenge))
    except MALFORMED:
        raise PasskeyError(CHALLENGE_INVALID) from None


def is_discoverable(credential: dict[str, Any]) -> bool:
    results = credential.get("clientExtensionResults")
    props = results.get("credProps") if isinstance(results, dict) else None
    return isinstance(props, dict) and props.get("rk") is True


def reported_transports(credential: dict[str, Any]) -> list[str]:
    response = credential.get("response")
    transports = response.get("transports") if isinstance(response, dict) else None
    if not isinstance(transports, list):
        return []
    return [t for t in transports if isinstance(t, str) and t in KNOWN_TRANSPORTS]


def complete_registration(
    user: AbstractBaseUser, credential: dict[str, Any], name: str = ""
) -> Passkey:
    """Verify the browser's answer to ``begin_registration`` and store the new passkey.

    The challenge is found by the user *and* the challenge the browser signed, so two
    registrations a user runs at once (two tabs) each complete with their own.
    """
    rp = relying_party()
    signed = client_data_challenge(credential)
    challenge = consume_challenge(PasskeyChallenge.Ceremony.REGISTER, user=user, challenge=signed)
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=base64url_to_bytes(challenge.challenge),
            expected_rp_id=rp.id,
            expected_origin=rp.origins,  # exact matches; the Host header plays no part
            require_user_verification=True,
        )
    except MALFORMED:
        raise PasskeyError(REGISTRATION_FAILED) from None
    if Passkey.objects.filter(credential_id=verified.credential_id).exists():
        raise PasskeyError(ALREADY_REGISTERED)
    try:
        with transaction.atomic():
            return Passkey.objects.create(
                user=user,
                name=name or challenge.name or DEFAULT_NAME,
                credential_id=verified.credential_id,
                public_key=verified.credential_public_key,
                sign_count=verified.sign_count,
                transports=reported_transports(credential),
                discoverable=is_discoverable(credential),
            )
    except IntegrityError:
        # The same authenticator registered by a concurrent request a moment ago.
        raise PasskeyError(ALREADY_REGISTERED) from None


# --- login ----------------------------------------------------------------------------


def find_account(username: str = "", email: str = "") -> AbstractBaseUser | None:
    """The active account named by an email address (one match, any case) or username."""
    manager = UserModel._default_manager
    user = None
    if email:
        matches = list(manager.filter(**{f"{UserModel.get_email_field_name()}__iexact": email})[:2])
        # An address shared by two accounts identifies neither of them.
        user = matches[0] if len(matches) == 1 else None
    if user is None and username:
        user = manager.filter(**{UserModel.USERNAME_FIELD: username}).first()
    if user is not None and not user.is_active:
        return None
    return user


def descriptor_json(credential_id: bytes, transports: Any) -> dict[str, Any]:
    """An ``allowCredentials`` entry, with its transports in the order browsers report
    them (sorted, once each), so a real entry and a decoy are written alike."""
    descriptor: dict[str, Any] = {"id": bytes_to_base64url(credential_id), "type": "public-key"}
    known = sorted({t for t in transports if t in KNOWN_TRANSPORTS})
    if known:
        descriptor["transports"] = known
    return descriptor


def weighted_pick(choices: tuple[tuple[Any, int], ...], number: int) -> Any:
    """The choice ``number`` (any non-negative integer) lands on, in proportion to weights."""
    bounds = list(itertools.accumulate(weight for _value, weight in choices))
    return choices[bisect.bisect_right(bounds, number % bounds[-1])][0]


def decoy_descriptors(identifier: str) -> list[dict[str, Any]]:
    """Credentials for a login that names no account with passkeys: stable, unguessable,
    and shaped like a real account's.

    Everything (how many, their id lengths and transports, the ids) is derived from an
    HMAC of the identifier with SECRET_KEY: the same name always gets the same answer (a
    second call cannot tell decoys from real ones), and nobody without the key can
    compute it. The shapes are drawn from DECOY_COUNTS, DECOY_ID_LENGTHS and
    DECOY_TRANSPORTS.
    """
    salt = "rest_auth.passkeys.decoy_credential"
    shape = salted_hmac(salt, identifier, algorithm="sha512").digest()
    # Four bytes per pick (16 picks; five decoys need 11), so the weights hold almost exactly.
    picks = [int.from_bytes(shape[i : i + 4], "big") for i in range(0, len(shape), 4)]
    count = weighted_pick(DECOY_COUNTS, picks[0])
    descriptors = []
    for index in range(count):
        id_bytes = salted_hmac(f"{salt}.{index}", identifier, algorithm="sha512").digest()
        length = weighted_pick(DECOY_ID_LENGTHS, picks[1 + 2 * index])
        transports = weighted_pick(DECOY_TRANSPORTS, picks[2 + 2 * index])
        descriptors.append(descriptor_json(id_bytes[:length], transports))
    return descriptors


def login_identifier(username: str, email: str) -> str:
    """What a scoped login's decoys are derived from: the names as they are looked up (an
    email address in any case; a username exactly)."""
    return f"email:{email.casefold()}\nusername:{username}"


def begin_login(username: str = "", email: str = "") -> dict[str, Any]:
    """Request options, plus the ``session_id`` that names the challenge at completion.

    Without a username or email the login is usernameless: any discoverable passkey may
    answer. With one, only that account's passkeys are allowed (non-discoverable ones
    included, which is why they are listed); an account that does not exist, is inactive
    or has no passkey gets decoy credentials (``decoy_descriptors``), answered alike.
    """
    rp = relying_party()
    scoped = bool(username or email)
    user = find_account(username, email) if scoped else None
    passkeys = list(user.passkeys.all()) if user is not None else []
    challenge = new_challenge(PasskeyChallenge.Ceremony.LOGIN, user=user, scoped=scoped)
    options = options_json(
        generate_authentication_options(
            rp_id=rp.id,
            challenge=base64url_to_bytes(challenge.challenge),
            timeout=timeout_ms(),
            user_verification=UserVerificationRequirement.REQUIRED,
        )
    )
    if passkeys:
        options["allowCredentials"] = [
            descriptor_json(bytes(passkey.credential_id), passkey.transports)
            for passkey in passkeys
        ]
    elif scoped:
        options["allowCredentials"] = decoy_descriptors(login_identifier(username, email))
    return {**options, "session_id": challenge.key}


def raw_credential_id(credential: dict[str, Any]) -> bytes:
    try:
        return base64url_to_bytes(credential["rawId"])
    except MALFORMED:
        raise PasskeyError(LOGIN_FAILED) from None


def presented_user_handle(credential: dict[str, Any]) -> bytes | None:
    """The user handle the authenticator returned; None when it returned none."""
    try:
        handle = credential["response"].get("userHandle")
        if handle is None or handle == "":
            return None
        return base64url_to_bytes(handle)
    except MALFORMED:
        raise PasskeyError(LOGIN_FAILED) from None


def complete_login(session_id: str, credential: dict[str, Any]) -> AbstractBaseUser:
    """Verify the browser's answer to ``begin_login``; return the user it logs in.

    The library checks the signature, challenge, origin, RP id, flags and counter; it
    neither finds the credential nor checks whose it is. That is done here: the
    credential by its raw id, its owner against the user handle the authenticator
    returned and against the account a username-scoped login named.
    """
    rp = relying_party()
    challenge = consume_challenge(PasskeyChallenge.Ceremony.LOGIN, key=session_id)
    passkey = (
        Passkey.objects.select_related("user")
        .filter(credential_id=raw_credential_id(credential))
        .first()
    )
    if passkey is None or not passkey.user.is_active:
        raise PasskeyError(LOGIN_FAILED)
    if challenge.scoped and passkey.user_id != challenge.user_id:
        raise PasskeyError(LOGIN_FAILED)
    handle = presented_user_handle(credential)
    if handle is not None and handle != user_handle(passkey.user):
        raise PasskeyError(LOGIN_FAILED)
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=base64url_to_bytes(challenge.challenge),
            expected_rp_id=rp.id,
            expected_origin=rp.origins,
            credential_public_key=bytes(passkey.public_key),
            # A counter that does not grow (unless both are 0, as synced passkeys send)
            # is refused: the authenticator may have been cloned.
            credential_current_sign_count=passkey.sign_count,
            require_user_verification=True,
        )
    except MALFORMED:
        raise PasskeyError(LOGIN_FAILED) from None
    # Only if the counter is still the one verified against: a clone racing the original
    # with the same counter value loses.
    updated = Passkey.objects.filter(pk=passkey.pk, sign_count=passkey.sign_count).update(
        sign_count=verified.new_sign_count, last_used_at=timezone.now()
    )
    if updated != 1:
        raise PasskeyError(LOGIN_FAILED)
    return passkey.user
