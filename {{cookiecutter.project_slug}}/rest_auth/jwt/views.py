"""The refresh and verify endpoints of JWT mode (routes ``token_refresh``, ``token_verify``)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.views import TokenViewBase

from .cookies import set_jwt_access_cookie, set_jwt_refresh_cookie
from .serializers import CookieTokenRefreshSerializer, TokenVerifySerializer
from .tokens import encoded, expiration, refresh_token_in_body


class RefreshViewWithCookieSupport(TokenViewBase):
    """POST /token/refresh/: a new access token (and, under rotation, a new refresh token).

    Answers ``{"access", "access_expiration"}``, plus ``refresh`` and ``refresh_expiration``
    when rotated and bodies may carry the refresh token (as dj-rest-auth, whatever
    JWT_AUTH_RETURN_EXPIRATION says); the configured cookies are set too. A bad or missing
    token is a 401.
    """

    serializer_class = CookieTokenRefreshSerializer

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        try:
            serializer.is_valid(raise_exception=True)
        except TokenError as exc:
            raise InvalidToken(exc.args[0]) from exc
        access = serializer.validated_data["access"]
        refresh = serializer.validated_data["refresh"]
        rotated = serializer.validated_data["rotated"]
        # As dj-rest-auth: each token in the body comes with its expiry.
        as_text = serializers.DateTimeField().to_representation
        body: dict[str, Any] = {
            "access": encoded(access),
            "access_expiration": as_text(expiration(access)),
        }
        if rotated and refresh_token_in_body():
            body["refresh"] = encoded(refresh)
            body["refresh_expiration"] = as_text(expiration(refresh))
        response = Response(body, status=status.HTTP_200_OK)
        set_jwt_access_cookie(response, access)
        if rotated:
            set_jwt_refresh_cookie(response, refresh)
        return response


class TokenVerifyView(TokenViewBase):
    """POST /token/verify/ with ``{"token": ...}``: 200 ``{}`` if valid, else 401."""

    serializer_class = TokenVerifySerializer
