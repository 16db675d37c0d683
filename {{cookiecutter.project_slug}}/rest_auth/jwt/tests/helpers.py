"""Tokens for the JWT tests: genuine ones, and every kind of bad one a client may send."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import timedelta
from typing import Any

from django.urls import reverse
from rest_framework import serializers
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken, Token

from rest_auth.jwt.serializers import JWTSerializer
from rest_auth.tests.conftest import PASSWORD

LOGIN_URL = reverse("rest_login")
LOGOUT_URL = reverse("rest_logout")
USER_URL = reverse("rest_user_details")
REFRESH_URL = reverse("token_refresh")
VERIFY_URL = reverse("token_verify")
CHANGE_URL = reverse("rest_password_change")

# Cookie names the tests configure, whatever the project chose.
ACCESS_COOKIE = "test-access"
REFRESH_COOKIE = "test-refresh"
# The settings of a project whose clients keep the tokens themselves (no cookies).
HEADER_MODE = {"JWT_AUTH_COOKIE": None, "JWT_AUTH_REFRESH_COOKIE": None}
# ...and of one whose browser keeps them in cookies.
COOKIE_MODE = {
    "JWT_AUTH_COOKIE": ACCESS_COOKIE,
    "JWT_AUTH_REFRESH_COOKIE": REFRESH_COOKIE,
    "JWT_AUTH_REFRESH_COOKIE_PATH": "/",
    "JWT_AUTH_HTTPONLY": True,
    "JWT_AUTH_COOKIE_USE_CSRF": True,
}


def login(client: Any, **extra: Any) -> Any:
    body = {"username": "alice", "password": PASSWORD}
    return client.post(LOGIN_URL, body, format="json", **extra)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def encode(payload: dict[str, Any], key: str, header: dict[str, Any] | None = None) -> str:
    """A JWT signed with HS256 and any key, or unsigned when the header says alg 'none'."""
    header = header or {"alg": "HS256", "typ": "JWT"}
    signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(payload).encode())}"
    if header["alg"] == "none":
        return f"{signing_input}."
    signature = hmac.new(key.encode(), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64(signature)}"


def genuine(user: Any, token_type: str = "access") -> Token:
    refresh = RefreshToken.for_user(user)
    return refresh if token_type == "refresh" else refresh.access_token


def bad_tokens(user: Any, token_type: str) -> dict[str, str]:
    """Tokens of the given type that must all be refused, by what is wrong with them."""
    token_class = RefreshToken if token_type == "refresh" else AccessToken
    good = genuine(user, token_type)
    claims = dict(good.payload)
    expired = genuine(user, token_type)
    expired.set_exp(lifetime=timedelta(seconds=-10))
    other_type = genuine(user, "access" if token_type == "refresh" else "refresh")
    foreign_id = token_class()
    foreign_id["user_id"] = "not-a-number"
    head_and_payload = str(good).rsplit(".", 1)[0]
    other_signature = str(genuine(user, token_type)).rsplit(".", 1)[1]
    return {
        "forged": encode(claims, key="guessed-secret-key"),
        "expired": str(expired),
        "wrong_signature": f"{head_and_payload}.{other_signature}",
        "alg_none": encode(claims, key="", header={"alg": "none", "typ": "JWT"}),
        "malformed": "not-a-jwt",
        "malformed_parts": "eyJhbGciOiJIUzI1NiJ9.e30.@@@",
        "wrong_type": str(other_type),
        "user_id_of_the_wrong_type": str(foreign_id),
    }


class ClaimsWithUsername(TokenObtainPairSerializer):
    """A JWT_TOKEN_CLAIMS_SERIALIZER that adds claims, as the reference documents."""

    @classmethod
    def get_token(cls, user: Any) -> Token:
        token = super().get_token(user)
        token["username"] = user.username
        token["is_staff"] = user.is_staff
        return token


class JWTWithGreetingSerializer(JWTSerializer):
    """A JWT_SERIALIZER with one more field."""

    greeting = serializers.SerializerMethodField()

    def get_greeting(self, obj: dict[str, Any]) -> str:
        return f"Hello {obj['user'].username}"
