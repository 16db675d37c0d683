"""JWT mode through headers and bodies: login, Bearer authentication, refresh, verify,
logout and password changes, and the JWT settings that shape them (each both ways).

Cookies have their own module (test_jwt_cookies.py); these tests turn them off.
"""

import pytest
from django.utils.dateparse import parse_datetime
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

from rest_auth.app_settings import api_settings
from rest_auth.jwt.app_settings import DEFAULTS
from rest_auth.jwt.authentication import JWTCookieAuthentication
from rest_auth.jwt.revocation import blacklist_installed
from rest_auth.jwt.tests.helpers import (
    CHANGE_URL,
    HEADER_MODE,
    LOGIN_URL,
    LOGOUT_URL,
    REFRESH_URL,
    USER_URL,
    VERIFY_URL,
    bad_tokens,
    genuine,
    login,
)
from rest_auth.utils import jwt_encode

NEW = "a-new-passphrase-42"


@pytest.fixture(autouse=True)
def _header_mode(rest_auth_settings):
    rest_auth_settings(**HEADER_MODE)


def bearer(token) -> APIClient:
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def refresh(client, token, **extra):
    return client.post(REFRESH_URL, {"refresh": str(token)}, format="json", **extra)


def assert_refused(response):
    """401 with a JSON body that says what is wrong; never a 500."""
    assert response.status_code == 401, response.content
    body = response.json()
    assert isinstance(body["detail"], str) and body["detail"]
    assert isinstance(body.get("code", ""), str)


def test_the_reference_jwt_settings_are_all_here():
    assert set(DEFAULTS) == {
        "JWT_SERIALIZER",
        "JWT_SERIALIZER_WITH_EXPIRATION",
        "JWT_TOKEN_CLAIMS_SERIALIZER",
        "JWT_AUTH_COOKIE",
        "JWT_AUTH_REFRESH_COOKIE",
        "JWT_AUTH_REFRESH_COOKIE_PATH",
        "JWT_AUTH_SECURE",
        "JWT_AUTH_HTTPONLY",
        "JWT_AUTH_SAMESITE",
        "JWT_AUTH_COOKIE_DOMAIN",
        "JWT_AUTH_RETURN_EXPIRATION",
        "JWT_AUTH_COOKIE_USE_CSRF",
        "JWT_AUTH_COOKIE_ENFORCE_CSRF_ON_UNAUTHENTICATED",
    }
    assert set(DEFAULTS) <= set(api_settings.defaults)


@pytest.mark.django_db
class TestLogin:
    def test_login_returns_access_refresh_and_user(self, api_client, user):
        response = login(api_client)
        assert response.status_code == 200
        body = response.json()
        assert set(body) == {"access", "refresh", "user"}
        assert body["user"]["username"] == "alice"
        access, refresh = AccessToken(body["access"]), RefreshToken(body["refresh"])
        assert access["user_id"] == refresh["user_id"] == str(user.pk)
        # The access token names its refresh token, so logout can revoke the pair.
        assert access["refresh_jti"] == refresh["jti"]

    def test_the_access_token_authenticates(self, api_client, user):
        access = login(api_client).json()["access"]
        assert bearer(access).get(USER_URL).json()["username"] == "alice"

    def test_use_jwt_off_gives_no_tokens(self, api_client, user, rest_auth_settings):
        rest_auth_settings(USE_JWT=False, TOKEN_MODEL=None, SESSION_LOGIN=True)
        response = login(api_client)
        assert (response.status_code, response.content) == (204, b"")

    def test_no_session_is_created(self, api_client, user):
        login(api_client)
        assert "sessionid" not in api_client.cookies

    def test_jwt_serializer_custom(self, api_client, user, rest_auth_settings):
        rest_auth_settings(JWT_SERIALIZER="rest_auth.jwt.tests.helpers.JWTWithGreetingSerializer")
        assert login(api_client).json()["greeting"] == "Hello alice"

    def test_user_details_serializer_shapes_the_user(self, api_client, user, rest_auth_settings):
        rest_auth_settings(
            USER_DETAILS_SERIALIZER="rest_auth.tests.custom_serializers.NameOnlyUserSerializer"
        )
        assert login(api_client).json()["user"] == {"pk": user.pk, "first_name": ""}

    def test_return_expiration_off(self, api_client, user, rest_auth_settings):
        rest_auth_settings(JWT_AUTH_RETURN_EXPIRATION=False)
        body = login(api_client).json()
        assert "access_expiration" not in body and "refresh_expiration" not in body

    def test_return_expiration_on(self, api_client, user, rest_auth_settings):
        rest_auth_settings(JWT_AUTH_RETURN_EXPIRATION=True)
        body = login(api_client).json()
        access, refresh = AccessToken(body["access"]), RefreshToken(body["refresh"])
        assert parse_datetime(body["access_expiration"]).timestamp() == access["exp"]
        assert parse_datetime(body["refresh_expiration"]).timestamp() == refresh["exp"]

    def test_jwt_serializer_with_expiration_custom(self, api_client, user, rest_auth_settings):
        rest_auth_settings(
            JWT_AUTH_RETURN_EXPIRATION=True,
            JWT_SERIALIZER_WITH_EXPIRATION="rest_auth.jwt.tests.helpers.JWTWithGreetingSerializer",
        )
        body = login(api_client).json()
        assert body["greeting"] == "Hello alice"
        assert "access_expiration" not in body

    def test_token_claims_serializer_default(self, api_client, user):
        assert "username" not in AccessToken(login(api_client).json()["access"]).payload

    def test_token_claims_serializer_custom(self, api_client, user, rest_auth_settings):
        rest_auth_settings(
            JWT_TOKEN_CLAIMS_SERIALIZER="rest_auth.jwt.tests.helpers.ClaimsWithUsername"
        )
        body = login(api_client).json()
        for token in (AccessToken(body["access"]), RefreshToken(body["refresh"])):
            assert (token["username"], token["is_staff"]) == ("alice", False)

    def test_jwt_encode_uses_the_claims_serializer(self, user, rest_auth_settings):
        rest_auth_settings(
            JWT_TOKEN_CLAIMS_SERIALIZER="rest_auth.jwt.tests.helpers.ClaimsWithUsername"
        )
        access, refresh = jwt_encode(user)
        assert access["username"] == refresh["username"] == "alice"
        assert access["token_type"] == "access" and refresh["token_type"] == "refresh"


KINDS = [
    "forged",
    "expired",
    "wrong_signature",
    "alg_none",
    "malformed",
    "malformed_parts",
    "wrong_type",
    "user_id_of_the_wrong_type",
]
# Verify accepts a token of any type signed here, whatever the user id inside.
VERIFY_REFUSES = [kind for kind in KINDS if kind not in ("wrong_type", "user_id_of_the_wrong_type")]


@pytest.mark.django_db
class TestBadTokens:
    @pytest.mark.parametrize("kind", KINDS)
    def test_in_the_header(self, user, kind):
        assert_refused(bearer(bad_tokens(user, "access")[kind]).get(USER_URL))

    @pytest.mark.parametrize("kind", KINDS)
    def test_in_the_refresh_body(self, api_client, user, kind):
        assert_refused(refresh(api_client, bad_tokens(user, "refresh")[kind]))

    @pytest.mark.parametrize("kind", VERIFY_REFUSES)
    def test_in_the_verify_body(self, api_client, user, kind):
        token = bad_tokens(user, "access")[kind]
        assert_refused(api_client.post(VERIFY_URL, {"token": token}, format="json"))

    @pytest.mark.parametrize("kind", KINDS)
    def test_in_the_logout_body(self, api_client, user, kind):
        token = bad_tokens(user, "refresh")[kind]
        response = api_client.post(LOGOUT_URL, {"refresh": token}, format="json")
        if kind == "user_id_of_the_wrong_type" and not blacklist_installed():
            # Signed here; without the blacklist app logout never looks its user up, and
            # says the token was not revoked (in dj-rest-auth's words without cookies).
            assert response.status_code == 200
            detail = response.json()["detail"]
            assert "not revoked" in detail or "not been deleted server side" in detail
        else:
            assert_refused(response)

    def test_header_with_three_parts(self, user):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {genuine(user)} extra")
        assert_refused(client.get(USER_URL))

    def test_refresh_token_of_a_deleted_user(self, api_client, user):
        token = genuine(user, "refresh")
        user.delete()
        assert_refused(refresh(api_client, token))

    def test_access_token_of_a_deleted_user(self, user):
        client = bearer(genuine(user))
        user.delete()
        assert_refused(client.get(USER_URL))

    def test_refresh_token_of_an_inactive_user(self, api_client, user):
        token = genuine(user, "refresh")
        user.is_active = False
        user.save()
        assert_refused(refresh(api_client, token))

    def test_missing_refresh_token(self, api_client):
        response = api_client.post(REFRESH_URL, {}, format="json")
        assert_refused(response)
        assert "No refresh token" in response.json()["detail"]

    def test_refresh_body_that_is_not_an_object(self, api_client):
        response = api_client.post(REFRESH_URL, ["x"], format="json")
        assert response.status_code in (400, 401)

    def test_logout_body_that_is_not_an_object(self, api_client):
        # No refresh token in it: refused where the blacklist could have revoked one.
        response = api_client.post(LOGOUT_URL, ["x"], format="json")
        assert response.status_code == (401 if blacklist_installed() else 200)


@pytest.mark.django_db
class TestRefreshAndVerify:
    def test_refresh_gives_a_working_access_token(self, api_client, user):
        response = refresh(api_client, genuine(user, "refresh"))
        assert response.status_code == 200
        assert bearer(response.json()["access"]).get(USER_URL).status_code == 200

    @pytest.mark.parametrize("return_expiration", [False, True])
    def test_refresh_answers_each_token_with_its_expiry(
        self, api_client, user, rest_auth_settings, return_expiration
    ):
        # dj-rest-auth's refresh body, whatever JWT_AUTH_RETURN_EXPIRATION says.
        rest_auth_settings(JWT_AUTH_RETURN_EXPIRATION=return_expiration)
        body = refresh(api_client, genuine(user, "refresh")).json()
        access = AccessToken(body["access"])
        assert parse_datetime(body["access_expiration"]).timestamp() == access["exp"]
        if "refresh" in body:
            rotated = RefreshToken(body["refresh"])
            assert parse_datetime(body["refresh_expiration"]).timestamp() == rotated["exp"]
        else:
            assert "refresh_expiration" not in body

    def test_refresh_is_not_held_to_csrf_with_a_body_token(self, api_client, user):
        # api_client enforces CSRF checks; a token in the body is not sent by a browser alone.
        assert refresh(api_client, genuine(user, "refresh")).status_code == 200

    @pytest.mark.parametrize("token_type", ["access", "refresh"])
    def test_verify_accepts_genuine_tokens(self, api_client, user, token_type):
        token = str(genuine(user, token_type))
        response = api_client.post(VERIFY_URL, {"token": token}, format="json")
        assert (response.status_code, response.json()) == (200, {})

    def test_verify_needs_a_token(self, api_client):
        response = api_client.post(VERIFY_URL, {}, format="json")
        assert (response.status_code, response.json()) == (
            400,
            {"token": ["This field is required."]},
        )


@pytest.mark.django_db
class TestLogoutAndPasswords:
    def test_logout_revokes_the_access_token_it_was_called_with(self, user):
        client = bearer(jwt_encode(user)[0])  # as login issues it: naming its refresh token
        assert client.post(LOGOUT_URL).status_code == 200
        response = client.get(USER_URL)
        assert_refused(response)
        assert response.json()["detail"] == "Token has been revoked"

    def test_a_dead_access_token_does_not_stop_a_logout(self, user):
        client = bearer(bad_tokens(user, "access")["expired"])
        body = {"refresh": str(genuine(user, "refresh"))}
        assert client.post(LOGOUT_URL, body, format="json").status_code == 200

    def test_other_access_tokens_survive_a_logout(self, user):
        other_device = bearer(jwt_encode(user)[0])
        bearer(jwt_encode(user)[0]).post(LOGOUT_URL)
        assert other_device.get(USER_URL).status_code == 200

    def test_verify_refuses_a_revoked_access_token(self, api_client, user):
        token = jwt_encode(user)[0]
        bearer(token).post(LOGOUT_URL)
        assert_refused(api_client.post(VERIFY_URL, {"token": str(token)}, format="json"))

    def test_password_change_ends_tokens_issued_before(self, user, rest_auth_settings):
        rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=False, LOGOUT_ON_PASSWORD_CHANGE=False)
        other_device_access, other_device_refresh = genuine(user), genuine(user, "refresh")
        body = {"new_password1": NEW, "new_password2": NEW}
        response = bearer(genuine(user)).post(CHANGE_URL, body, format="json")
        assert response.status_code == 200
        # The client that changed it got a new pair...
        new = response.json()
        assert bearer(new["access"]).get(USER_URL).status_code == 200
        assert refresh(APIClient(), new["refresh"]).status_code == 200
        # ...every token issued before is refused.
        assert_refused(bearer(other_device_access).get(USER_URL))
        assert_refused(refresh(APIClient(), other_device_refresh))

    def test_logout_on_password_change_gives_no_new_pair(self, user, rest_auth_settings):
        rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=False, LOGOUT_ON_PASSWORD_CHANGE=True)
        body = {"new_password1": NEW, "new_password2": NEW}
        client = bearer(genuine(user))
        response = client.post(CHANGE_URL, body, format="json")
        assert response.json() == {"detail": "New password has been saved."}
        assert_refused(client.get(USER_URL))

    def test_login_with_the_new_password_works(self, api_client, user, rest_auth_settings):
        rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=False)
        body = {"new_password1": NEW, "new_password2": NEW}
        bearer(genuine(user)).post(CHANGE_URL, body, format="json")
        response = api_client.post(LOGIN_URL, {"username": "alice", "password": NEW}, format="json")
        assert bearer(response.json()["access"]).get(USER_URL).status_code == 200
        assert login(APIClient()).status_code == 400  # with the old password


def test_authentication_without_credentials_leaves_the_request_anonymous(rf):
    assert JWTCookieAuthentication().authenticate(rf.get("/")) is None
