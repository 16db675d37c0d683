"""JWT mode: the cookies, the authentication class, and the refresh and verify endpoints.

Tokens are simplejwt's (``SIMPLE_JWT`` sets lifetimes, signing and rotation); what they are
carried in is decided here, per request, by the ``JWT_AUTH_*`` REST_AUTH settings:

- ``JWTCookieAuthentication`` reads ``Authorization: Bearer <access>`` first, then the
  JWT_AUTH_COOKIE cookie; a request authenticated by the cookie is held to CSRF checks
  (JWT_AUTH_COOKIE_USE_CSRF), like a session.
- ``set_jwt_cookies`` / ``unset_jwt_cookies`` set and clear both cookies with the same
  attributes, from one place (``cookie_attributes``).
- ``CookieTokenRefreshSerializer`` takes the refresh token from the body or, when absent,
  from the JWT_AUTH_REFRESH_COOKIE cookie; the refresh view (``rest_auth.jwt_views``) sets
  the new cookies.

Revocation: with simplejwt's blacklist app installed, logout and rotation blacklist refresh
tokens (in the database; logout finds the refresh token in the body, its cookie, or the
``refresh_jti`` claim of the access token); an access token presented at logout is
remembered as revoked in the cache until it expires, so give production a shared cache
(CACHE_URL). Tokens issued before a password change are refused through simplejwt's
CHECK_REVOKE_TOKEN, which the generated settings turn on.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.apps import apps
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, serializers, status
from rest_framework.authentication import CSRFCheck
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.validators import ProhibitSurrogateCharactersValidator
from rest_framework_simplejwt import settings as simplejwt_settings
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.tokens import RefreshToken, Token, UntypedToken
from rest_framework_simplejwt.utils import datetime_from_epoch

from .app_settings import api_settings
from .jwt_settings import BLACKLIST_APP
from .shared_cache import shared_cache as cache  # a revocation that cannot be read: 503

REVOKED_KEY = "rest_auth:jwt:revoked:{jti}"
# Claim of an access token naming the refresh token it was issued with: logout revokes that
# refresh token even when the client cannot send it (an HttpOnly cookie whose path does
# not cover the logout endpoint).
REFRESH_JTI_CLAIM = "refresh_jti"


def blacklist_installed() -> bool:
    return apps.is_installed(BLACKLIST_APP)


def jwt_settings() -> Any:
    # simplejwt replaces its settings object when SIMPLE_JWT changes: look it up each time.
    return simplejwt_settings.api_settings


# --- Cookies -------------------------------------------------------------------------


def access_token_for(refresh: RefreshToken) -> Token:
    """The access token of a refresh token: its claims, and the refresh token's id."""
    access = refresh.access_token
    access[REFRESH_JTI_CLAIM] = refresh[jwt_settings().JTI_CLAIM]
    return access


def encoded(token: Token) -> str:
    """The token as a JWT string, signed once per token object.

    simplejwt signs anew on every ``str(token)``; a login puts each token in the body and
    in a cookie, so the text is kept on the token after the first call. Call it only once
    the token's claims are final.
    """
    text = getattr(token, "_encoded", None)
    if text is None:
        text = token._encoded = str(token)  # type: ignore[attr-defined]
    return text


def expiration(token: Token) -> datetime:
    """When the token expires, from its own ``exp`` claim."""
    return datetime_from_epoch(token["exp"])


def cookie_attributes(path: str = "/") -> dict[str, Any]:
    """The attributes both JWT cookies are set and cleared with."""
    return {
        "path": path,
        "domain": api_settings.JWT_AUTH_COOKIE_DOMAIN,
        "secure": api_settings.JWT_AUTH_SECURE,
        "httponly": api_settings.JWT_AUTH_HTTPONLY,
        # False means no SameSite attribute at all, which Django writes for None.
        "samesite": api_settings.JWT_AUTH_SAMESITE or None,
    }


def set_jwt_access_cookie(response: Response, access: Token) -> None:
    name = api_settings.JWT_AUTH_COOKIE
    if name:
        response.set_cookie(
            name, encoded(access), expires=expiration(access), **cookie_attributes()
        )


def set_jwt_refresh_cookie(response: Response, refresh: Token) -> None:
    name = api_settings.JWT_AUTH_REFRESH_COOKIE
    if name:
        path = api_settings.JWT_AUTH_REFRESH_COOKIE_PATH
        response.set_cookie(
            name, encoded(refresh), expires=expiration(refresh), **cookie_attributes(path)
        )


def set_jwt_cookies(response: Response, access: Token, refresh: Token) -> None:
    """Set the configured cookies; each expires with the token it carries."""
    set_jwt_access_cookie(response, access)
    set_jwt_refresh_cookie(response, refresh)


def unset_jwt_cookies(response: Response) -> None:
    """Clear the configured cookies, with the attributes (path, domain) they were set with."""
    expired = {"max_age": 0, "expires": "Thu, 01 Jan 1970 00:00:00 GMT"}
    if api_settings.JWT_AUTH_COOKIE:
        response.set_cookie(api_settings.JWT_AUTH_COOKIE, "", **expired, **cookie_attributes())
    if api_settings.JWT_AUTH_REFRESH_COOKIE:
        path = api_settings.JWT_AUTH_REFRESH_COOKIE_PATH
        response.set_cookie(
            api_settings.JWT_AUTH_REFRESH_COOKIE, "", **expired, **cookie_attributes(path)
        )


def refresh_token_in_body() -> bool:
    """False when the refresh token travels only in its HttpOnly cookie: JavaScript (and so
    an injected script) never sees it."""
    return not (api_settings.JWT_AUTH_HTTPONLY and api_settings.JWT_AUTH_REFRESH_COOKIE)


def jwt_login_body(user: AbstractBaseUser, access: Token, refresh: Token) -> dict[str, Any]:
    """What JWT_SERIALIZER(_WITH_EXPIRATION) shows after a login.

    The refresh token is an empty string when it is kept out of bodies, so the body keeps
    the reference's shape.
    """
    return {
        "user": user,
        "access": encoded(access),
        "refresh": encoded(refresh) if refresh_token_in_body() else "",
        "access_expiration": expiration(access),
        "refresh_expiration": expiration(refresh),
    }


# --- Revocation ----------------------------------------------------------------------


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


# --- Authentication ------------------------------------------------------------------


def enforce_csrf(request: Request) -> None:
    """Django's CSRF check, as DRF's SessionAuthentication runs it (403 on failure)."""
    check = CSRFCheck(lambda request: None)
    check.process_request(request)  # reads the CSRF cookie into request.META
    reason = check.process_view(request, None, (), {})
    if reason:
        raise exceptions.PermissionDenied(f"CSRF Failed: {reason}")


class JWTCookieAuthentication(JWTAuthentication):
    """simplejwt's Bearer header authentication, then the access token cookie.

    The header wins: a request that carries one is never read from the cookie, and is not
    held to CSRF checks (a browser does not add headers to cross-site requests by itself).
    """

    def authenticate(self, request: Request) -> tuple[AbstractBaseUser, Token] | None:
        validated_token = self.get_request_token(request)
        if validated_token is None:
            return None
        return self.get_user(validated_token), validated_token

    def get_request_token(self, request: Request) -> Token | None:
        """The request's access token, validated, without loading its user (no query)."""
        header = self.get_header(request)
        if header is not None:
            raw_token = self.get_raw_token(header)
        else:
            raw_token = self.get_cookie_token(request)
        if raw_token is None:
            return None
        return self.get_validated_token(raw_token)

    def get_cookie_token(self, request: Request) -> str | None:
        cookie_name = api_settings.JWT_AUTH_COOKIE
        if not cookie_name:
            return None
        raw_token = request.COOKIES.get(cookie_name) or None
        if api_settings.JWT_AUTH_COOKIE_ENFORCE_CSRF_ON_UNAUTHENTICATED or (
            raw_token is not None and api_settings.JWT_AUTH_COOKIE_USE_CSRF
        ):
            enforce_csrf(request)
        return raw_token

    def get_validated_token(self, raw_token: bytes | str) -> Token:
        token = super().get_validated_token(raw_token)
        # Access tokens are never in the blacklist (only refresh tokens are): the cache
        # alone says whether a logout revoked this one.
        if access_token_revoked(token):
            raise InvalidToken(_("Token has been revoked"))
        return token

    def get_user(self, validated_token: Token) -> AbstractBaseUser:
        try:
            return super().get_user(validated_token)
        except (ValueError, TypeError, OverflowError, DjangoValidationError):
            # A user id of the wrong type (a custom claims serializer, another project's
            # token signed with the same key) is a bad token, not a server error.
            raise InvalidToken(_("Token contained no recognizable user identification")) from None


# --- Refresh and verify --------------------------------------------------------------


class CookieTokenRefreshSerializer(serializers.Serializer):
    """A refresh token from the body (``refresh``) or, when absent, from its cookie.

    ``validated_data`` holds the new ``access`` token, the ``refresh`` token that stays
    valid, and whether it was ``rotated`` (SIMPLE_JWT ROTATE_REFRESH_TOKENS).
    """

    refresh = serializers.CharField(required=False, allow_blank=True, write_only=True)
    token_class = RefreshToken

    def get_raw_token(self, attrs: dict[str, Any]) -> str:
        if attrs.get("refresh"):
            return attrs["refresh"]
        request = self.context["request"]
        cookie_name = api_settings.JWT_AUTH_REFRESH_COOKIE
        raw_token = request.COOKIES.get(cookie_name) if cookie_name else None
        if not raw_token:
            raise InvalidToken(
                _("No refresh token: send it as 'refresh' in the body, or in its cookie.")
            )
        # A cookie is sent by the browser on its own: the same CSRF rule as the access cookie.
        if api_settings.JWT_AUTH_COOKIE_USE_CSRF or (
            api_settings.JWT_AUTH_COOKIE_ENFORCE_CSRF_ON_UNAUTHENTICATED
        ):
            enforce_csrf(request)
        return raw_token

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        refresh = self.token_class(self.get_raw_token(attrs))
        # The user must still exist, be active, and (CHECK_REVOKE_TOKEN) have the password
        # the token was issued under.
        user = JWTCookieAuthentication().get_user(refresh)
        rotate = jwt_settings().ROTATE_REFRESH_TOKENS
        if rotate:
            if jwt_settings().BLACKLIST_AFTER_ROTATION and blacklist_installed():
                consume_refresh_token(refresh)
            refresh.set_jti()
            refresh.set_exp()
            refresh.set_iat()
            if blacklist_installed():
                record_outstanding_token(refresh, user)
        # Built after the rotation, so it names the refresh token that stays valid.
        access = access_token_for(refresh)
        return {"access": access, "refresh": refresh, "rotated": rotate}


class TokenVerifySerializer(serializers.Serializer):
    """Any token of this server, signed, unexpired and not revoked."""

    token = serializers.CharField(write_only=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        token = UntypedToken(attrs["token"])
        if is_revoked(token):
            raise TokenError(_("Token has been revoked"))
        return {}


def validated_request_token(request: Request) -> Token | None:
    """The access token a request carries (header, else cookie with its CSRF check), checked
    for signature, expiry and revocation; its user is not loaded. Raises InvalidToken."""
    return JWTCookieAuthentication().get_request_token(request)


def get_refresh_view() -> type:
    """The refresh view class (the reference's way of reaching it).

    Imported when called, not with this module: DRF's views module reads
    DEFAULT_AUTHENTICATION_CLASSES when it is first imported, which names the class above,
    so this module must not import DRF views itself.
    """
    from .jwt_views import RefreshViewWithCookieSupport

    return RefreshViewWithCookieSupport


# --- Logout --------------------------------------------------------------------------


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


def jwt_logout_response(request: Request) -> Response:
    """Revoke what the request holds, and clear both cookies whatever happens.

    The refresh token (see ``revoke_logout_refresh_token``) is blacklisted first, when the
    blacklist app is installed; without it nothing on the server can revoke a refresh
    token, and the answer says so. A bad or missing refresh token is a 401 that revokes
    nothing. Then the access token the request was made with is revoked until it expires.
    """
    try:
        revoked = revoke_logout_refresh_token(request)
    except TokenError as exc:
        response = Response(
            {"detail": exc.args[0], "code": "token_not_valid"}, status=status.HTTP_401_UNAUTHORIZED
        )
    else:
        revoke_request_access_token(request)
        detail = _("Successfully logged out.")
        if not revoked and not api_settings.JWT_AUTH_COOKIE:
            # dj-rest-auth's words, which clients written for it may show or match.
            detail = _(
                "Neither cookies or blacklist are enabled, so the token has not been deleted "
                "server side. Please make sure the token is deleted client side."
            )
        elif not revoked:
            detail = _(
                "Successfully logged out. The refresh token was not revoked on the server "
                "(no blacklist is installed): it stays valid until it expires."
            )
        response = Response({"detail": detail}, status=status.HTTP_200_OK)
    unset_jwt_cookies(response)
    return response
