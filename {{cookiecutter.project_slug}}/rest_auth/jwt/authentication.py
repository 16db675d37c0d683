"""Authenticate requests by their JWT access token: the Bearer header, else the cookie.

``JWTCookieAuthentication`` reads ``Authorization: Bearer <access>`` first, then the
JWT_AUTH_COOKIE cookie; a request authenticated by the cookie is held to CSRF checks
(JWT_AUTH_COOKIE_USE_CSRF), like a session. This module must not import DRF's views: they
read DEFAULT_AUTHENTICATION_CLASSES, which names the class below, when first imported.
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import CSRFCheck
from rest_framework.request import Request
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import InvalidToken
from rest_framework_simplejwt.tokens import Token

from rest_auth.app_settings import api_settings

from .revocation import access_token_revoked


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


def validated_request_token(request: Request) -> Token | None:
    """The access token a request carries (header, else cookie with its CSRF check), checked
    for signature, expiry and revocation; its user is not loaded. Raises InvalidToken."""
    return JWTCookieAuthentication().get_request_token(request)
