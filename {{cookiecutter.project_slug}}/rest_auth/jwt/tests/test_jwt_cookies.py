"""JWT cookies: what login, refresh and logout set and clear, each cookie setting both ways,
and CSRF for cookie-authenticated requests (with a client that enforces it, as browsers do).
"""

from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest
from rest_framework.test import APIClient
from rest_framework_simplejwt.backends import TokenBackend
from rest_framework_simplejwt.settings import api_settings as simplejwt_settings
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

from rest_auth.jwt.revocation import blacklist_installed
from rest_auth.jwt.tests.helpers import (
    ACCESS_COOKIE,
    CHANGE_URL,
    COOKIE_MODE,
    LOGOUT_URL,
    REFRESH_COOKIE,
    REFRESH_URL,
    USER_URL,
    bad_tokens,
    genuine,
    login,
)


@pytest.fixture(autouse=True)
def _cookie_mode(rest_auth_settings):
    rest_auth_settings(**COOKIE_MODE)


def csrf_headers(client):
    return {"HTTP_X_CSRFTOKEN": client.cookies["csrftoken"].value}


def browser_after_login(api_client):
    """A CSRF-enforcing client holding only what a browser keeps: the cookies."""
    assert login(api_client).status_code == 200
    return api_client


@pytest.mark.django_db
class TestLoginCookies:
    def test_both_cookies_are_set_with_the_tokens(self, api_client, user):
        response = login(api_client)
        access = AccessToken(response.cookies[ACCESS_COOKIE].value)
        refresh = RefreshToken(response.cookies[REFRESH_COOKIE].value)
        assert access["user_id"] == refresh["user_id"] == str(user.pk)
        assert response.json()["access"] == str(access)

    def test_each_token_is_signed_once(self, api_client, user, monkeypatch):
        # The body and the cookie carry the same text: signing is not repeated for each.
        signed = []
        original = TokenBackend.encode
        monkeypatch.setattr(
            TokenBackend, "encode", lambda *a, **k: signed.append(1) or original(*a, **k)
        )
        response = login(api_client)
        assert response.json()["access"] == response.cookies[ACCESS_COOKIE].value
        # The access and the refresh token; the blacklist app stores the refresh token's
        # text when simplejwt issues it, one signature more that is not ours to share.
        assert len(signed) == 2 + blacklist_installed()

    def test_cookies_expire_with_their_tokens(self, api_client, user):
        response = login(api_client)
        for name, lifetime in (
            (ACCESS_COOKIE, simplejwt_settings.ACCESS_TOKEN_LIFETIME),
            (REFRESH_COOKIE, simplejwt_settings.REFRESH_TOKEN_LIFETIME),
        ):
            morsel = response.cookies[name]
            assert abs(int(morsel["max-age"]) - lifetime.total_seconds()) <= 2
            expires = parsedate_to_datetime(morsel["expires"])
            expected = datetime.now(UTC) + lifetime
            assert abs(expires - expected) <= timedelta(seconds=3)

    def test_a_csrf_cookie_comes_with_the_login(self, api_client, user):
        login(api_client)
        assert api_client.cookies["csrftoken"].value

    def test_no_access_cookie_without_its_name(self, api_client, user, rest_auth_settings):
        rest_auth_settings(JWT_AUTH_COOKIE=None)
        response = login(api_client)
        assert ACCESS_COOKIE not in response.cookies
        assert REFRESH_COOKIE in response.cookies

    def test_no_refresh_cookie_without_its_name(self, api_client, user, rest_auth_settings):
        rest_auth_settings(JWT_AUTH_REFRESH_COOKIE=None)
        response = login(api_client)
        assert REFRESH_COOKIE not in response.cookies
        # ...so the refresh token must be in the body, or the client could never refresh.
        assert RefreshToken(response.json()["refresh"])

    def test_httponly_on_keeps_the_refresh_token_out_of_the_body(
        self, api_client, user, rest_auth_settings
    ):
        rest_auth_settings(JWT_AUTH_HTTPONLY=True)
        response = login(api_client)
        assert response.json()["refresh"] == ""
        assert response.cookies[ACCESS_COOKIE]["httponly"] is True
        assert response.cookies[REFRESH_COOKIE]["httponly"] is True

    def test_httponly_off_puts_the_refresh_token_in_the_body(
        self, api_client, user, rest_auth_settings
    ):
        rest_auth_settings(JWT_AUTH_HTTPONLY=False)
        response = login(api_client)
        assert response.json()["refresh"] == response.cookies[REFRESH_COOKIE].value
        assert not response.cookies[ACCESS_COOKIE]["httponly"]
        assert not response.cookies[REFRESH_COOKIE]["httponly"]

    def test_refresh_cookie_path(self, api_client, user, rest_auth_settings):
        rest_auth_settings(JWT_AUTH_REFRESH_COOKIE_PATH="/api/auth/token/refresh/")
        response = login(api_client)
        assert response.cookies[REFRESH_COOKIE]["path"] == "/api/auth/token/refresh/"
        assert response.cookies[ACCESS_COOKIE]["path"] == "/"

    def test_refresh_cookie_path_default_is_the_root(self, api_client, user, rest_auth_settings):
        rest_auth_settings(JWT_AUTH_REFRESH_COOKIE_PATH="/")
        assert login(api_client).cookies[REFRESH_COOKIE]["path"] == "/"

    @pytest.mark.parametrize("secure", [True, False])
    def test_secure(self, api_client, user, rest_auth_settings, secure):
        rest_auth_settings(JWT_AUTH_SECURE=secure)
        response = login(api_client)
        for name in (ACCESS_COOKIE, REFRESH_COOKIE):
            assert bool(response.cookies[name]["secure"]) is secure

    @pytest.mark.parametrize(
        ("samesite", "attribute"),
        [("Strict", "Strict"), ("Lax", "Lax"), ("None", "None"), (False, "")],
    )
    def test_samesite(self, api_client, user, rest_auth_settings, samesite, attribute):
        rest_auth_settings(JWT_AUTH_SAMESITE=samesite, JWT_AUTH_SECURE=True)
        response = login(api_client)
        for name in (ACCESS_COOKIE, REFRESH_COOKIE):
            assert response.cookies[name]["samesite"] == attribute
            assert ("SameSite" in response.cookies[name].OutputString()) is bool(samesite)

    @pytest.mark.parametrize("domain", [".example.com", None])
    def test_cookie_domain(self, api_client, user, rest_auth_settings, domain):
        rest_auth_settings(JWT_AUTH_COOKIE_DOMAIN=domain)
        response = login(api_client)
        for name in (ACCESS_COOKIE, REFRESH_COOKIE):
            assert response.cookies[name]["domain"] == (domain or "")


@pytest.mark.django_db
class TestCookieAuthentication:
    def test_the_access_cookie_authenticates(self, api_client, user):
        browser = browser_after_login(api_client)
        assert browser.get(USER_URL).json()["username"] == "alice"

    @pytest.mark.parametrize(
        "kind",
        [
            "forged",
            "expired",
            "wrong_signature",
            "alg_none",
            "malformed",
            "malformed_parts",
            "wrong_type",
            "user_id_of_the_wrong_type",
        ],
    )
    def test_bad_tokens_in_the_cookie_are_401(self, api_client, user, kind):
        api_client.cookies[ACCESS_COOKIE] = bad_tokens(user, "access")[kind]
        response = api_client.get(USER_URL)
        assert response.status_code == 401
        assert response.json()["detail"]

    def test_the_header_wins_over_the_cookie(self, api_client, user, django_user_model):
        bob = django_user_model.objects.create_user(username="bob", password="bobs-pass-123")
        api_client.cookies[ACCESS_COOKIE] = str(genuine(user))
        api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {genuine(bob)}")
        assert api_client.get(USER_URL).json()["username"] == "bob"

    def test_no_cookie_auth_without_the_cookie_setting(self, api_client, user, rest_auth_settings):
        rest_auth_settings(JWT_AUTH_COOKIE=None)
        api_client.cookies[ACCESS_COOKIE] = str(genuine(user))
        assert api_client.get(USER_URL).status_code == 401


@pytest.mark.django_db
class TestCsrf:
    def patch_user(self, client, **extra):
        return client.patch(USER_URL, {"first_name": "A"}, format="json", **extra)

    def test_use_csrf_on_refuses_a_cookie_request_without_the_token(
        self, api_client, user, rest_auth_settings
    ):
        rest_auth_settings(JWT_AUTH_COOKIE_USE_CSRF=True)
        browser = browser_after_login(api_client)
        response = self.patch_user(browser)
        assert response.status_code == 403
        assert "CSRF" in response.json()["detail"]

    def test_use_csrf_on_accepts_a_cookie_request_with_the_token(
        self, api_client, user, rest_auth_settings
    ):
        rest_auth_settings(JWT_AUTH_COOKIE_USE_CSRF=True)
        browser = browser_after_login(api_client)
        assert self.patch_user(browser, **csrf_headers(browser)).status_code == 200

    def test_use_csrf_on_does_not_touch_safe_requests(self, api_client, user, rest_auth_settings):
        rest_auth_settings(JWT_AUTH_COOKIE_USE_CSRF=True)
        assert browser_after_login(api_client).get(USER_URL).status_code == 200

    def test_use_csrf_off_accepts_a_cookie_request_without_the_token(
        self, api_client, user, rest_auth_settings
    ):
        rest_auth_settings(JWT_AUTH_COOKIE_USE_CSRF=False)
        browser = browser_after_login(api_client)
        assert self.patch_user(browser).status_code == 200

    def test_header_requests_are_not_held_to_csrf(self, user, rest_auth_settings):
        rest_auth_settings(JWT_AUTH_COOKIE_USE_CSRF=True)
        client = APIClient(enforce_csrf_checks=True)
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {genuine(user)}")
        assert self.patch_user(client).status_code == 200

    def test_enforce_on_unauthenticated_on_refuses_login_without_the_token(
        self, api_client, user, rest_auth_settings
    ):
        rest_auth_settings(JWT_AUTH_COOKIE_ENFORCE_CSRF_ON_UNAUTHENTICATED=True)
        response = login(api_client)
        assert response.status_code == 403
        assert "CSRF" in response.json()["detail"]

    def test_enforce_on_unauthenticated_on_accepts_login_with_the_token(
        self, api_client, user, rest_auth_settings
    ):
        rest_auth_settings(JWT_AUTH_COOKIE_ENFORCE_CSRF_ON_UNAUTHENTICATED=True)
        api_client.cookies["csrftoken"] = "a" * 32
        assert login(api_client, HTTP_X_CSRFTOKEN="a" * 32).status_code == 200

    def test_enforce_on_unauthenticated_off_lets_login_through(
        self, api_client, user, rest_auth_settings
    ):
        rest_auth_settings(
            JWT_AUTH_COOKIE_ENFORCE_CSRF_ON_UNAUTHENTICATED=False, JWT_AUTH_COOKIE_USE_CSRF=True
        )
        assert login(api_client).status_code == 200

    def test_refresh_from_the_cookie_needs_the_token(self, api_client, user):
        browser = browser_after_login(api_client)
        assert browser.post(REFRESH_URL).status_code == 403
        assert browser.post(REFRESH_URL, **csrf_headers(browser)).status_code == 200

    def test_refresh_from_the_cookie_without_csrf_setting(
        self, api_client, user, rest_auth_settings
    ):
        rest_auth_settings(JWT_AUTH_COOKIE_USE_CSRF=False)
        browser = browser_after_login(api_client)
        assert browser.post(REFRESH_URL).status_code == 200


@pytest.mark.django_db
class TestRefreshAndLogoutCookies:
    def test_refresh_reads_the_cookie_and_sets_a_new_access_cookie(self, api_client, user):
        browser = browser_after_login(api_client)
        old_access = browser.cookies[ACCESS_COOKIE].value
        response = browser.post(REFRESH_URL, **csrf_headers(browser))
        assert response.status_code == 200
        new_access = response.cookies[ACCESS_COOKIE].value
        assert new_access == response.json()["access"] != old_access
        assert browser.get(USER_URL).status_code == 200

    def test_refresh_keeps_the_refresh_token_out_of_the_body(
        self, api_client, user, rest_auth_settings
    ):
        rest_auth_settings(JWT_AUTH_HTTPONLY=True)
        browser = browser_after_login(api_client)
        body = browser.post(REFRESH_URL, **csrf_headers(browser)).json()
        assert "refresh" not in body

    def test_a_body_token_wins_over_the_cookie(self, api_client, user, django_user_model):
        bob = django_user_model.objects.create_user(username="bob", password="bobs-pass-123")
        browser = browser_after_login(api_client)
        body = {"refresh": str(genuine(bob, "refresh"))}
        response = browser.post(REFRESH_URL, body, format="json")
        assert AccessToken(response.json()["access"])["user_id"] == str(bob.pk)

    @pytest.mark.parametrize("kind", ["forged", "expired", "alg_none", "malformed", "wrong_type"])
    def test_bad_tokens_in_the_refresh_cookie_are_401(self, api_client, user, kind):
        api_client.cookies[REFRESH_COOKIE] = bad_tokens(user, "refresh")[kind]
        api_client.cookies["csrftoken"] = "b" * 32
        response = api_client.post(REFRESH_URL, HTTP_X_CSRFTOKEN="b" * 32)
        assert response.status_code == 401
        assert response.json()["code"] == "token_not_valid"

    def test_logout_clears_both_cookies_with_their_attributes(
        self, api_client, user, rest_auth_settings
    ):
        rest_auth_settings(
            JWT_AUTH_REFRESH_COOKIE_PATH="/api/auth/token/refresh/",
            JWT_AUTH_COOKIE_DOMAIN=".example.com",
            JWT_AUTH_SAMESITE="Strict",
            JWT_AUTH_SECURE=True,
        )
        browser = browser_after_login(api_client)
        response = browser.post(LOGOUT_URL, **csrf_headers(browser))
        assert response.status_code == 200
        for name, path in ((ACCESS_COOKIE, "/"), (REFRESH_COOKIE, "/api/auth/token/refresh/")):
            morsel = response.cookies[name]
            assert (morsel.value, morsel["max-age"]) == ("", 0)
            assert (morsel["path"], morsel["domain"]) == (path, ".example.com")
            assert (morsel["samesite"], morsel["secure"]) == ("Strict", True)
        assert browser.get(USER_URL).status_code == 401

    def test_logout_with_a_cookie_is_held_to_csrf(self, api_client, user):
        browser = browser_after_login(api_client)
        assert browser.post(LOGOUT_URL).status_code == 403
        assert browser.get(USER_URL).status_code == 200

    def test_logout_with_a_dead_access_cookie_still_clears_the_cookies(self, api_client, user):
        api_client.cookies[ACCESS_COOKIE] = bad_tokens(user, "access")["expired"]
        api_client.cookies["csrftoken"] = "c" * 32
        response = api_client.post(LOGOUT_URL, HTTP_X_CSRFTOKEN="c" * 32)
        # A dead access token names no refresh token to revoke: with the blacklist app that
        # is a 401; either way the cookies go.
        assert response.status_code == (401 if blacklist_installed() else 200)
        assert response.cookies[ACCESS_COOKIE].value == ""

    def test_password_change_without_logout_sets_new_cookies(
        self, api_client, user, rest_auth_settings
    ):
        rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=False, LOGOUT_ON_PASSWORD_CHANGE=False)
        browser = browser_after_login(api_client)
        old_access = browser.cookies[ACCESS_COOKIE].value
        new = "a-new-passphrase-42"
        body = {"new_password1": new, "new_password2": new}
        response = browser.post(CHANGE_URL, body, format="json", **csrf_headers(browser))
        assert response.status_code == 200
        assert response.json()["refresh"] == ""
        assert browser.cookies[ACCESS_COOKIE].value != old_access
        assert browser.get(USER_URL).status_code == 200

    def test_password_change_with_logout_clears_the_cookies(
        self, api_client, user, rest_auth_settings
    ):
        rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=False, LOGOUT_ON_PASSWORD_CHANGE=True)
        browser = browser_after_login(api_client)
        new = "a-new-passphrase-42"
        body = {"new_password1": new, "new_password2": new}
        response = browser.post(CHANGE_URL, body, format="json", **csrf_headers(browser))
        assert response.cookies[ACCESS_COOKIE].value == ""
        assert response.cookies[REFRESH_COOKIE].value == ""
