"""What passkeys store: the credentials, each user's WebAuthn handle, pending challenges."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models

USER_HANDLE_BYTES = 32


def new_user_handle() -> bytes:
    return secrets.token_bytes(USER_HANDLE_BYTES)


def new_challenge_key() -> str:
    return secrets.token_urlsafe(32)


class PasskeyUserHandle(models.Model):
    """The opaque id authenticators store for a user (WebAuthn ``user.id``).

    Random and unrelated to the primary key or the email address: authenticators keep it
    and hand it to any site that asks for a discoverable credential's owner, so it must not
    identify the person anywhere else.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="passkey_user_handle"
    )
    handle = models.BinaryField(max_length=64, unique=True, default=new_user_handle)

    class Meta:
        verbose_name = "passkey user handle"

    def __str__(self) -> str:
        return f"passkey user handle of {self.user}"


class Passkey(models.Model):
    """A registered WebAuthn credential: its id and public key, and what it may log in as."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="passkeys"
    )
    name = models.CharField(max_length=255)
    # Unique across all users: one authenticator's credential logs in one account.
    credential_id = models.BinaryField(max_length=1023, unique=True)
    public_key = models.BinaryField()  # COSE_Key, as the authenticator sent it
    # The authenticator's signature counter, an unsigned 32-bit value: IntegerField would
    # overflow on PostgreSQL above 2**31 - 1.
    sign_count = models.BigIntegerField(default=0)
    transports = models.JSONField(default=list, blank=True)
    # Resident on the authenticator: usable for login without typing a username.
    discoverable = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"


class PasskeyChallenge(models.Model):
    """A challenge handed out by a ceremony's begin call, waiting for its complete call.

    Kept in the database so every worker process on every host sees it; deleted by the
    complete call that uses it (one use), or ignored once ``expires_at`` has passed.
    """

    class Ceremony(models.TextChoices):
        REGISTER = "register", "registration"
        LOGIN = "login", "login"

    # The login ceremony's ``session_id``: the client names its challenge with it.
    key = models.CharField(max_length=64, unique=True, default=new_challenge_key)
    ceremony = models.CharField(max_length=16, choices=Ceremony.choices)
    challenge = models.CharField(max_length=128, db_index=True)  # base64url
    # Registration: the user adding a passkey. Login: the account a username-scoped login
    # names (None for an unknown account, whose login can then never succeed).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True
    )
    # Login only: whether the login named an account (False: usernameless, any passkey).
    scoped = models.BooleanField(default=False)
    name = models.CharField(max_length=255, blank=True)  # registration: the name asked for
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.get_ceremony_display()} challenge until {self.expires_at:%Y-%m-%d %H:%M}"
