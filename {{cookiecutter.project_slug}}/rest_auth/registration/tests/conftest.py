"""Fixtures of the registration tests: the core ones, plus sign-up helpers.

allauth reads its ACCOUNT_* settings on every access, so one project's suite covers every
email_verification mode and login method by switching them per test (``verification``,
``login_method``), whatever the project was generated with.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from rest_auth.app_settings import api_settings
from rest_auth.tests.conftest import *  # noqa: F403 - the core fixtures, shared
from rest_auth.tests.conftest import _fresh_throttle_counters  # noqa: F401 - autouse, private
from rest_auth.utils import tokens_with_key

NEW_PASSWORD = "a-strong-passphrase-42"
SENT = {"detail": "Verification e-mail sent."}
# The same for every address; allauth sends one link per address per cooldown (3 minutes).
RESENT = {
    "detail": "If this address is waiting for verification, a new link is on its way. "
    "Links are sent at most once every 3 minutes."
}
VERIFY_LINK = re.compile(r"(?P<base>https?://[^/\s]+)/verify-email/(?P<key>[^/\s]+)/")

# ACCOUNT_LOGIN_METHODS and ACCOUNT_SIGNUP_FIELDS of each login_method answer, as the
# generated settings write them.
LOGIN_METHODS = {
    "username_email": ({"username", "email"}, ["username*", "email*", "password1*", "password2*"]),
    "username": ({"username"}, ["username*", "email*", "password1*", "password2*"]),
    "email": ({"email"}, ["email*", "password1*", "password2*"]),
}


@pytest.fixture(autouse=True)
def _baseline_login_method(settings: Any) -> None:
    """Tests start from login by username or email, whatever this project was generated
    with; the ``login_method`` fixture and test_project_configuration.py cover the rest."""
    use_login_method(settings, "username_email")


@pytest.fixture(params=["optional", "mandatory", "none"])
def verification(request: pytest.FixtureRequest, settings: Any) -> str:
    """Each ACCOUNT_EMAIL_VERIFICATION mode in turn."""
    settings.ACCOUNT_EMAIL_VERIFICATION = request.param
    return request.param


def use_login_method(settings: Any, name: str) -> None:
    settings.ACCOUNT_LOGIN_METHODS, settings.ACCOUNT_SIGNUP_FIELDS = LOGIN_METHODS[name]


@pytest.fixture(params=list(LOGIN_METHODS))
def login_method(request: pytest.FixtureRequest, settings: Any) -> str:
    """Each login_method answer in turn."""
    use_login_method(settings, request.param)
    return request.param


@pytest.fixture
def mandatory(settings: Any) -> None:
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"


@pytest.fixture
def optional(settings: Any) -> None:
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"


def signup_body(**overrides: str) -> dict[str, str]:
    body = {
        "username": "carol",
        "email": "carol@example.com",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    return {key: value for key, value in {**body, **overrides}.items() if value is not None}


def register(client: APIClient, **overrides: str) -> Any:
    return client.post(reverse("rest_register"), signup_body(**overrides), format="json")


def verification_key(message: mail.EmailMessage) -> str:
    match = VERIFY_LINK.search(message.body)
    assert match, message.body
    return match["key"]


def verify(client: APIClient, key: str) -> Any:
    return client.post(reverse("rest_verify_email"), {"key": key}, format="json")


def assert_answers_like_login(response: Any, login: Any, status: int) -> None:
    """An answer that ends in a login is the login endpoint's: the same body (201 instead
    of 200 for a sign-up), or the same empty 204 when the session cookie is the credential.

    Credentials issued afresh at each login differ in value, so the bodies are compared by
    their fields; an API token's key must name a token of the same user.
    """
    if login.status_code == 204:
        assert (response.status_code, response.content) == (204, b"")
        return
    assert (login.status_code, response.status_code) == (200, status)
    assert set(response.json()) == set(login.json())
    if "key" in login.json():
        assert token_owner(response.json()["key"]) == token_owner(login.json()["key"])


def token_owner(key: str) -> Any:
    return tokens_with_key(api_settings.TOKEN_MODEL, key).get().user


def who_am_i(client: APIClient) -> str | None:
    """The username the client is logged in as, or None."""
    response = client.get(reverse("rest_user_details"))
    return response.data["username"] if response.status_code == 200 else None
