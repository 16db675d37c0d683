"""Without simplejwt's blacklist app: nothing on the server can revoke a refresh token, and
logout says so plainly; cookies are cleared all the same."""

from django.apps import apps
from rest_framework.test import APIClient

from rest_auth.jwt.app_settings import BLACKLIST_APP
from rest_auth.jwt.tests.helpers import (
    COOKIE_MODE,
    HEADER_MODE,
    LOGOUT_URL,
    REFRESH_COOKIE,
    REFRESH_URL,
    genuine,
)

# Without cookies, dj-rest-auth's words.
NOT_REVOKED_NO_COOKIES = (
    "Neither cookies or blacklist are enabled, so the token has not been deleted server side. "
    "Please make sure the token is deleted client side."
)
NOT_REVOKED = (
    "Successfully logged out. The refresh token was not revoked on the server "
    "(no blacklist is installed): it stays valid until it expires."
)


def test_the_blacklist_app_is_not_installed():
    assert not apps.is_installed(BLACKLIST_APP)


def test_logout_says_the_refresh_token_was_not_revoked(db, user, rest_auth_settings):
    rest_auth_settings(**HEADER_MODE)
    token = genuine(user, "refresh")
    response = APIClient().post(LOGOUT_URL, {"refresh": str(token)}, format="json")
    assert (response.status_code, response.json()) == (200, {"detail": NOT_REVOKED_NO_COOKIES})
    # ...and it is true: the token still refreshes.
    response = APIClient().post(REFRESH_URL, {"refresh": str(token)}, format="json")
    assert response.status_code == 200


def test_logout_without_credentials_still_answers_200(db, rest_auth_settings):
    rest_auth_settings(**HEADER_MODE)
    response = APIClient().post(LOGOUT_URL)
    assert (response.status_code, response.json()) == (200, {"detail": NOT_REVOKED_NO_COOKIES})


def test_logout_still_clears_the_cookies(db, user, rest_auth_settings):
    rest_auth_settings(**COOKIE_MODE)
    response = APIClient().post(LOGOUT_URL)
    assert response.json() == {"detail": NOT_REVOKED}
    assert response.cookies[REFRESH_COOKIE].value == ""


def test_refresh_does_not_rotate(db, user):
    response = APIClient().post(
        REFRESH_URL, {"refresh": str(genuine(user, "refresh"))}, format="json"
    )
    # No new refresh token: the access token, with its expiry as dj-rest-auth gives it.
    assert set(response.json()) == {"access", "access_expiration"}
