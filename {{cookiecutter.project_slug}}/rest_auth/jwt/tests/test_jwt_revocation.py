"""JWT revocation: after a password reset, a password change with LOGOUT_ON_PASSWORD_CHANGE,
or deactivation, access tokens (in the header and in the cookie) and refresh tokens (in the
body and in the cookie) issued before are refused at the next request.

Access tokens cannot be blacklisted: they are refused because they carry a hash of the
password they were issued under (SIMPLE_JWT CHECK_REVOKE_TOKEN, on in the generated
settings; without it they would live on until they expire), and simplejwt checks that
their user is active. Refresh tokens are refused for the same reasons, and with the
blacklist app are also blacklisted.
"""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from rest_auth.jwt.tests.helpers import (
    CHANGE_URL,
    COOKIE_MODE,
    REFRESH_COOKIE,
    REFRESH_URL,
    USER_URL,
    login,
)
from rest_auth.tests.test_password_reset import confirm, link_in, request_reset

NEW = "a-new-passphrase-42"

pytestmark = pytest.mark.django_db


class Credentials:
    """What one login handed out, kept by a client of each kind."""

    def __init__(self) -> None:
        self.browser = APIClient(enforce_csrf_checks=True)
        body = login(self.browser).json()
        self.access, self.refresh = body["access"], body["refresh"]
        self.refresh_cookie = self.browser.cookies[REFRESH_COOKIE].value

    def access_in_the_header(self) -> int:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {self.access}")
        return client.get(USER_URL).status_code

    def access_in_the_cookie(self) -> int:
        return self.browser.get(USER_URL).status_code

    def refresh_in_the_body(self) -> int:
        return APIClient().post(REFRESH_URL, {"refresh": self.refresh}, format="json").status_code

    def refresh_in_the_cookie(self) -> int:
        browser = APIClient(enforce_csrf_checks=True)
        browser.cookies[REFRESH_COOKIE] = self.refresh_cookie
        browser.cookies["csrftoken"] = self.browser.cookies["csrftoken"].value
        csrf = self.browser.cookies["csrftoken"].value
        return browser.post(REFRESH_URL, HTTP_X_CSRFTOKEN=csrf).status_code

    def answers(self) -> dict[str, int]:
        # Access first: under rotation a successful refresh would consume the refresh token.
        return {
            "access in the header": self.access_in_the_header(),
            "access in the cookie": self.access_in_the_cookie(),
            "refresh in the body": self.refresh_in_the_body(),
            "refresh in the cookie": self.refresh_in_the_cookie(),
        }


REFUSED = dict.fromkeys(
    [
        "access in the header",
        "access in the cookie",
        "refresh in the body",
        "refresh in the cookie",
    ],
    401,
)


@pytest.fixture
def issued(user: Any, rest_auth_settings: Any) -> list[Credentials]:
    """Two logins with every transport at once: cookies, and tokens in the body too."""
    rest_auth_settings(**{**COOKIE_MODE, "JWT_AUTH_HTTPONLY": False})
    credentials = [Credentials(), Credentials()]
    assert credentials[0].access_in_the_header() == 200
    assert credentials[1].access_in_the_cookie() == 200
    return credentials


def test_a_password_reset_refuses_every_token_issued_before(issued, mailoutbox):
    anonymous = APIClient()
    request_reset(anonymous)
    link = link_in(mailoutbox[-1])
    assert confirm(anonymous, link["uid"], link["token"]).status_code == 200
    assert [credentials.answers() for credentials in issued] == [REFUSED, REFUSED]


def test_logout_on_password_change_refuses_every_token_issued_before(issued, rest_auth_settings):
    rest_auth_settings(LOGOUT_ON_PASSWORD_CHANGE=True, OLD_PASSWORD_FIELD_ENABLED=False)
    changer = APIClient()
    changer.credentials(HTTP_AUTHORIZATION=f"Bearer {issued[0].access}")
    body = {"new_password1": NEW, "new_password2": NEW}
    assert changer.post(CHANGE_URL, body, format="json").status_code == 200
    assert [credentials.answers() for credentials in issued] == [REFUSED, REFUSED]


def test_deactivation_refuses_every_token_at_the_next_request(issued, user):
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert [credentials.answers() for credentials in issued] == [REFUSED, REFUSED]
