"""How a JWT login, logout and password change answer (registered by JWTConfig.ready)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.middleware.csrf import rotate_token
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework_simplejwt.exceptions import TokenError

from rest_auth.app_settings import api_settings
from rest_auth.strategies import LoginStrategy

from .authentication import validated_request_token
from .cookies import set_jwt_cookies, unset_jwt_cookies
from .revocation import (
    blacklist_refresh_tokens,
    revoke_logout_refresh_token,
    revoke_request_access_token,
)
from .tokens import jwt_encode, jwt_login_body


class JWTStrategy(LoginStrategy):
    """With USE_JWT: an access and a refresh token, in the JWT_SERIALIZER body
    (JWT_SERIALIZER_WITH_EXPIRATION with JWT_AUTH_RETURN_EXPIRATION) and the configured
    cookies. Logout revokes both and clears the cookies; a password change revokes every
    token issued before it and hands the client that made it a new pair."""

    @classmethod
    def in_force(cls) -> bool:
        return api_settings.USE_JWT

    def get_response_serializer(self) -> type[BaseSerializer]:
        if api_settings.JWT_AUTH_RETURN_EXPIRATION:
            return api_settings.JWT_SERIALIZER_WITH_EXPIRATION
        return api_settings.JWT_SERIALIZER

    def issue(self, view: Any) -> None:
        view.token = None
        view.access_token, view.refresh_token = jwt_encode(view.user)
        if api_settings.JWT_AUTH_COOKIE:
            # A fresh CSRF token with each cookie login, as Django does for sessions: the
            # frontend reads the csrftoken cookie and sends it back as X-CSRFToken.
            rotate_token(view.request)

    def login_body(self, view: Any) -> Any:
        if getattr(view, "access_token", None) is None:
            return None
        return jwt_login_body(view.user, view.access_token, view.refresh_token)

    def add_to_response(self, view: Any, response: Response) -> None:
        # A view may answer without a login (a sign-up awaiting email verification).
        if getattr(view, "access_token", None) is not None:
            set_jwt_cookies(response, view.access_token, view.refresh_token)

    def authenticate_logout(self, request: Request) -> None:
        # The token's signature, expiry and revocation are checked; its user is not loaded.
        request.auth = validated_request_token(request)

    def logout(self, request: Request, end_session: Any) -> Response:
        # The refresh token first: a bad or missing one is refused before anything (the
        # session included) is ended.
        response = jwt_logout_response(request)
        if response.status_code == status.HTTP_200_OK:
            end_session()
        return response

    def end_after_password_change(self, request: Request, response: Response) -> None:
        revoke_request_access_token(request)
        unset_jwt_cookies(response)

    def renew_after_password_change(
        self, request: Request, user: AbstractBaseUser, response: Response
    ) -> None:
        access, refresh = jwt_encode(user)
        body = jwt_login_body(user, access, refresh)
        response.data.update(access=body["access"], refresh=body["refresh"])
        set_jwt_cookies(response, access, refresh)

    def revoke_user_credentials(self, user: AbstractBaseUser) -> None:
        # Access tokens issued before a password change are refused anyway (SIMPLE_JWT
        # CHECK_REVOKE_TOKEN); refresh tokens are blacklisted where the app is installed.
        blacklist_refresh_tokens(user)


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
