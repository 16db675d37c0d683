"""API tokens (TOKEN_MODEL): what login hands out, and how TOKEN_* settings change it."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from rest_auth.tests.conftest import PASSWORD

LOGIN_URL = reverse("rest_login")
USER_URL = reverse("rest_user_details")


def login(client):
    return client.post(LOGIN_URL, {"username": "alice", "password": PASSWORD}, format="json")


@pytest.mark.django_db
class TestTokenLogin:
    def test_login_returns_the_users_token(self, api_client, user):
        response = login(api_client)
        assert response.status_code == 200
        assert response.json() == {"key": Token.objects.get(user=user).key}

    def test_the_token_authenticates(self, api_client, user):
        key = login(api_client).json()["key"]
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        assert client.get(USER_URL).json()["username"] == "alice"

    def test_a_wrong_token_is_401(self, api_client, user):
        api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-key")
        response = api_client.get(USER_URL)
        assert (response.status_code, response.json()) == (401, {"detail": "Invalid token."})

    def test_token_model_none_falls_back_to_the_session(self, api_client, user, rest_auth_settings):
        rest_auth_settings(TOKEN_MODEL=None, SESSION_LOGIN=True)
        assert login(api_client).status_code == 204
        assert not Token.objects.exists()

    def test_token_serializer_default_is_just_the_key(self, api_client, user):
        assert set(login(api_client).json()) == {"key"}

    def test_token_serializer_custom(self, api_client, user, rest_auth_settings):
        rest_auth_settings(
            TOKEN_SERIALIZER="rest_auth.tests.custom_serializers.TokenWithUserSerializer"
        )
        assert login(api_client).json()["username"] == "alice"

    def test_token_creator_default_reuses_the_token(self, api_client, user):
        assert login(api_client).json() == login(APIClient()).json()

    def test_token_creator_custom(self, api_client, user, rest_auth_settings):
        rest_auth_settings(
            TOKEN_CREATOR="rest_auth.tests.custom_serializers.rotating_token_creator"
        )
        first, second = login(api_client).json()["key"], login(APIClient()).json()["key"]
        assert first != second
        assert list(Token.objects.values_list("key", flat=True)) == [second]

    def test_session_login_off_creates_no_session(self, api_client, user, rest_auth_settings):
        rest_auth_settings(SESSION_LOGIN=False)
        assert login(api_client).status_code == 200
        assert "sessionid" not in api_client.cookies

    def test_session_login_on_adds_a_session(self, api_client, user, rest_auth_settings):
        rest_auth_settings(SESSION_LOGIN=True)
        assert "key" in login(api_client).json()
        assert api_client.session["_auth_user_id"] == str(user.pk)

    def test_logout_with_a_dead_token_still_answers_200(self, api_client, user):
        api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-key")
        response = api_client.post(reverse("rest_logout"))
        assert (response.status_code, response.json()) == (
            200,
            {"detail": "Successfully logged out."},
        )

    def test_logout_deletes_the_token(self, auth_client, user):
        auth_client.post(reverse("rest_logout"))
        assert not Token.objects.filter(user=user).exists()

    def test_password_change_keeps_the_token_unless_told(
        self, auth_client, user, rest_auth_settings
    ):
        rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=False, LOGOUT_ON_PASSWORD_CHANGE=False)
        new = "a-new-passphrase-42"
        body = {"new_password1": new, "new_password2": new}
        auth_client.post(reverse("rest_password_change"), body, format="json")
        assert Token.objects.filter(user=user).exists()
        rest_auth_settings(LOGOUT_ON_PASSWORD_CHANGE=True)
        auth_client.post(reverse("rest_password_change"), body, format="json")
        assert not Token.objects.filter(user=user).exists()
