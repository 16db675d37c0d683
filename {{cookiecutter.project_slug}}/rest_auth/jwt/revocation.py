"""Revoke JWTs: refresh tokens in simplejwt's blacklist, access tokens in the cache.

With simplejwt's blacklist app installed, logout and rotation blacklist refresh tokens (in
the database; logout finds the refresh token in the body, its cookie, or the
``refresh_jti`` claim of the access token); an access token presented at logout is
remembered as revoked in the cache until it expires, so give production a shared cache
(CACHE_URL). Tokens issued before a password change are refused through simplejwt's
CHECK_REVOKE_TOKEN, which the generated settings turn on.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.validators import ProhibitSurrogateCharactersValidator
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.tokens import RefreshToken, Token

from rest_auth.app_settings import api_settings
from rest_auth.shared_cache import shared_cache as cache  # a revocation that cannot be read: 503

from .app_settings import BLACKLIST_APP
from .tokens import REFRESH_JTI_CLAIM, expiration, jwt_settings

REVOKED_KEY = "rest_auth:jwt:revoked:{jti}"


def blacklist_installed() -> bool:
    return apps.is_installed(BLACKLIST_APP)


def revoke_access_token(access: Token) -> None:
    """Refuse this access token from now until it expires (it cannot be blacklisted)."""
    remaining = (expiration(access) - timezone.now()).total_seconds()
    if remaining > 0:
        cache.set(REVOKED_KEY.format(jti=access["jti"]), True, timeout=int(remaining) + 1)


def revoke_request_access_token(request: Request) -> None:
    """Revoke the access token the request was authenticated with, if any."""
    if isinstance(request.auth, Token):
        revoke_access_token(request.auth)


def access_token_revoked(token: Token) -> bool:
    """Was this access token revoked (by a logout)? One cache read per request."""
    return bool(cache.get(REVOKED_KEY.format(jti=token.get(jwt_settings().JTI_CLAIM))))


def is_revoked(token: Token) -> bool:
    """Was this token, of either type, revoked: by a logout, or in the blacklist?"""
    if access_token_revoked(token):
        return True
    # Only refresh tokens are ever blacklisted: verifying an access token costs no query.
    if blacklist_installed() and token.get(jwt_settings().TOKEN_TYPE_CLAIM) != "access":
        from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken

        jti = token.get(jwt_settings().JTI_CLAIM)
        return BlacklistedToken.objects.filter(token__jti=jti).exists()
    return False


def outstanding_token_id(token: Token) -> int:
    """The id of a refresh token's OutstandingToken row (one query), created when it has
    none (a token issued before the blacklist app was installed)."""
    from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

    jti = token.get(jwt_settings().JTI_CLAIM)
    found = OutstandingToken.objects.filter(jti=jti).values_list("pk", flat=True).first()
    if found is not None:
        return found
    try:
        return token.outstand()[0].pk
    except (ValueError, TypeError, OverflowError, DjangoValidationError):
        # simplejwt looks the user up by the token's user id, which may be of the wrong type.
        raise TokenError(_("Token contained no recognizable user identification")) from None


def blacklist_token_id(outstanding_id: int) -> None:
    """Blacklist an OutstandingToken row; blacklisting it again changes nothing (one
    INSERT ... ON CONFLICT DO NOTHING, no lookup first)."""
    from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken

    BlacklistedToken.objects.bulk_create(
        [BlacklistedToken(token_id=outstanding_id)], ignore_conflicts=True
    )


def revoke_refresh_token(raw: str) -> None:
    """Blacklist one refresh token. Raises TokenError when it is not a valid refresh token
    (an already blacklisted one included)."""
    blacklist_token_id(outstanding_token_id(RefreshToken(raw)))


def revoke_paired_refresh_token(access: Token) -> bool:
    """Blacklist the refresh token this access token was issued with; False if unknown."""
    from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

    jti = access.get(REFRESH_JTI_CLAIM)
    found = OutstandingToken.objects.filter(jti=jti).values_list("pk", flat=True).first()
    if found is None:
        return False
    blacklist_token_id(found)
    return True


def consume_refresh_token(refresh: RefreshToken) -> None:
    """Blacklist a refresh token that is being rotated; of two concurrent uses, one wins.

    The blacklist row is unique per token: the use that inserts it wins, the other's
    INSERT fails and it is refused, as if it had come after.
    """
    from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken

    token_id = outstanding_token_id(refresh)
    try:
        # A savepoint, so a lost race leaves an enclosing transaction usable.
        with transaction.atomic():
            BlacklistedToken.objects.create(token_id=token_id)
    except IntegrityError:
        raise TokenError(_("Token is blacklisted")) from None


def record_outstanding_token(refresh: RefreshToken, user: AbstractBaseUser) -> None:
    """Record a newly issued refresh token for the blacklist app: one INSERT (simplejwt's
    ``outstand()`` first loads the user again, then looks for the row it is about to add)."""
    from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

    OutstandingToken.objects.create(
        user=user,
        jti=refresh[jwt_settings().JTI_CLAIM],
        created_at=refresh.current_time,
        expires_at=expiration(refresh),
    )


def forget_token_text(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Store an OutstandingToken row without the refresh token itself (pre_save).

    simplejwt writes the whole JWT in ``token`` (``RefreshToken.for_user``, ``outstand()``,
    ``blacklist()``), so a leaked row or backup would hand out working refresh tokens.
    Revocation needs only the ``jti``, which has a column of its own.
    """
    instance.token = ""


def forget_stored_token_texts(**kwargs: Any) -> None:
    """Empty the ``token`` of rows written before forget_token_text (post_migrate; one
    UPDATE, which changes nothing once done)."""
    from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

    OutstandingToken.objects.exclude(token="").update(token="")


def connect_blacklist_receivers() -> None:
    """Keep refresh tokens out of the blacklist app's table: on every save() of a row (all
    that simplejwt and this app do; a bulk_create() or update() of your own is not seen),
    and, for the rows already there, at each ``migrate``."""
    from django.db.models.signals import post_migrate, pre_save
    from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

    pre_save.connect(forget_token_text, sender=OutstandingToken, dispatch_uid=__name__)
    post_migrate.connect(
        forget_stored_token_texts,
        sender=apps.get_app_config(OutstandingToken._meta.app_label),
        dispatch_uid=__name__,
    )


def blacklist_refresh_tokens(user: AbstractBaseUser) -> None:
    """Blacklist every outstanding, unexpired refresh token of the user (needs the app)."""
    if not blacklist_installed():
        return
    from rest_framework_simplejwt.token_blacklist.models import (
        BlacklistedToken,
        OutstandingToken,
    )

    outstanding = OutstandingToken.objects.filter(
        user=user, expires_at__gt=timezone.now(), blacklistedtoken__isnull=True
    )
    BlacklistedToken.objects.bulk_create(
        [BlacklistedToken(token=token) for token in outstanding], ignore_conflicts=True
    )


def logout_refresh_token(request: Request) -> str | None:
    """The refresh token a logout was sent: ``refresh`` in the body, else its cookie."""
    data = request.data if isinstance(request.data, dict) else {}
    cookie_name = api_settings.JWT_AUTH_REFRESH_COOKIE
    raw_token = data.get("refresh") or (request.COOKIES.get(cookie_name) if cookie_name else None)
    if raw_token is not None and not isinstance(raw_token, str):
        raise TokenError(_("Token is invalid"))
    if raw_token:
        # Text no encoding can write (a lone surrogate) is a 400, as a serializer field's.
        try:
            ProhibitSurrogateCharactersValidator()(raw_token)
        except serializers.ValidationError as exc:
            raise serializers.ValidationError({"refresh": exc.detail}) from None
    return raw_token or None


def revoke_logout_refresh_token(request: Request) -> bool:
    """Revoke the refresh token of a logout; False when no blacklist could revoke it.

    Raises TokenError, having written nothing, when the token sent is not a valid refresh
    token of this server (garbage, an access token, expired, already revoked), or when the
    blacklist is installed and the request names no refresh token at all: neither sent,
    nor named by the access token the request was made with.
    """
    raw_token = logout_refresh_token(request)
    if not blacklist_installed():
        if raw_token is not None:
            RefreshToken(raw_token)  # checked all the same: a bad token is a client error
        return False
    if raw_token is not None:
        revoke_refresh_token(raw_token)
    elif not (isinstance(request.auth, Token) and revoke_paired_refresh_token(request.auth)):
        raise TokenError(_("No refresh token: send it as 'refresh' in the body, or in its cookie."))
    return True
