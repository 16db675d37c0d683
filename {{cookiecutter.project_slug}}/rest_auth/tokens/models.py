"""API tokens: a digest of each key, its user, a label and an expiry."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

# What API_TOKEN_LIFETIME defaults to when the project does not set it.
DEFAULT_LIFETIME = timedelta(days=30)
KEY_BYTES = 32
NAME_MAX_LENGTH = 200


def generate_key() -> str:
    """A new key: 256 random bits, URL-safe (43 characters)."""
    return secrets.token_urlsafe(KEY_BYTES)


def key_digest(key: str) -> str:
    """What is stored of a key: its SHA-256, in hex.

    A fast hash is enough here, unlike for passwords: a key is 256 random bits, so there is
    no dictionary to try and no way to guess it from its digest, however many guesses a
    second an attacker has. A slow hash would only slow down every authenticated request.
    """
    return hashlib.sha256(key.encode()).hexdigest()


def token_lifetime() -> timedelta:
    """How long a new token is valid: the API_TOKEN_LIFETIME setting."""
    return getattr(settings, "API_TOKEN_LIFETIME", DEFAULT_LIFETIME)


class AuthTokenQuerySet(models.QuerySet):
    def with_key(self, key: str) -> AuthTokenQuerySet:
        """The token this raw key names (logout deletes it with one DELETE)."""
        return self.filter(digest=key_digest(key))

    def expired(self) -> AuthTokenQuerySet:
        return self.filter(expires__lte=timezone.now())


class AuthToken(models.Model):
    """One API token: created at a login, for one client, until it expires or is deleted.

    Only the digest of the key is stored. The key itself is ``token.key`` on the instance
    that created it, and nowhere else: the login response shows it once.
    """

    digest = models.CharField(max_length=64, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="auth_tokens"
    )
    # Which client it was issued to (the User-Agent at login): tells a user's tokens apart.
    name = models.CharField(max_length=NAME_MAX_LENGTH, blank=True)
    created = models.DateTimeField(default=timezone.now, editable=False)
    expires = models.DateTimeField(db_index=True)

    objects = AuthTokenQuerySet.as_manager()

    # The raw key, on the instance that created it only (not a database field).
    key: str | None = None

    class Meta:
        verbose_name = "API token"
        ordering = ("-created",)

    def __str__(self) -> str:
        return f"API token of {self.user} ({self.name or 'unnamed'})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Like DRF's Token: a token created without a key gets one, so code written for it
        # (``AuthToken.objects.create(user=user).key``) keeps working.
        if not self.digest:
            self.key = generate_key()
            self.digest = key_digest(self.key)
        if self.expires is None:
            self.expires = self.created + token_lifetime()
        super().save(*args, **kwargs)

    @property
    def is_expired(self) -> bool:
        return self.expires <= timezone.now()
