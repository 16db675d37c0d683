"""API tokens (TOKEN_MODEL): what login hands out, and how TOKEN_* settings change it.

Written against whatever TOKEN_MODEL is configured: the project's hashed tokens here, DRF's
plain Token under standalone_settings (test_standalone.py).
"""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from rest_auth.app_settings import api_settings
from rest_auth.tests.conftest import PASSWORD, use_credentials
from rest_auth.utils import tokens_with_key

LOGIN_URL = reverse("rest_login")
USER_URL = reverse("rest_user_details")


def login(client):
    return client.post(LOGIN_URL, {"username": "alice", "password": PASSWORD}, format="json")


def token_client(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.mark.django_db
class TestTokenLogin:
    def test_login_returns_a_key_of_the_users_token(self, api_client, user):
        response = login(api_client)
        assert response.status_code == 200
        key = response.json()["key"]
        assert list(tokens_with_key(api_settings.TOKEN_MODEL, key)) == list(
            api_settings.TOKEN_MODEL.objects.filter(user=user)
        )

    def test_the_token_authenticates(self, api_client, user):
        key = login(api_client).json()["key"]
        assert token_client(key).get(USER_URL).json()["username"] == "alice"

    def test_a_wrong_token_is_401(self, api_client, user):
        api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-key")
        response = api_client.get(USER_URL)
        assert (response.status_code, response.json()) == (401, {"detail": "Invalid token."})

    def test_token_model_none_falls_back_to_the_session(self, api_client, user, rest_auth_settings):
        token_model = api_settings.TOKEN_MODEL
        rest_auth_settings(TOKEN_MODEL=None, SESSION_LOGIN=True)
        assert login(api_client).status_code == 204
        assert not token_model.objects.exists()

    def test_token_serializer_default_is_just_the_key(self, api_client, user):
        assert set(login(api_client).json()) == {"key"}

    def test_token_serializer_custom(self, api_client, user, rest_auth_settings):
        rest_auth_settings(
            TOKEN_SERIALIZER="rest_auth.tests.custom_serializers.TokenWithUserSerializer"
        )
        assert login(api_client).json()["username"] == "alice"

    def test_token_creator_custom(self, api_client, user, rest_auth_settings):
        rest_auth_settings(
            TOKEN_CREATOR="rest_auth.tests.custom_serializers.rotating_token_creator"
        )
        first, second = login(api_client).json()["key"], login(APIClient()).json()["key"]
        assert first != second
        assert token_client(first).get(USER_URL).status_code == 401
        assert token_client(second).get(USER_URL).status_code == 200
        assert api_settings.TOKEN_MODEL.objects.filter(user=user).count() == 1

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
        assert not api_settings.TOKEN_MODEL.objects.filter(user=user).exists()

    def test_logout_with_someone_elses_garbage_deletes_nothing(self, auth_client, user):
        token_client("x" * 40).post(reverse("rest_logout"))
        assert api_settings.TOKEN_MODEL.objects.filter(user=user).exists()
        assert auth_client.get(USER_URL).status_code == 200

    def test_password_change_keeps_the_token_unless_told(
        self, auth_client, user, rest_auth_settings
    ):
        rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=False, LOGOUT_ON_PASSWORD_CHANGE=False)
        new = "a-new-passphrase-42"
        body = {"new_password1": new, "new_password2": new}
        response = auth_client.post(reverse("rest_password_change"), body, format="json")
        assert api_settings.TOKEN_MODEL.objects.filter(user=user).exists()
        # With one token per user (DRF's), it is a new key, which the answer hands over.
        use_credentials(auth_client, response)
        rest_auth_settings(LOGOUT_ON_PASSWORD_CHANGE=True)
        auth_client.post(reverse("rest_password_change"), body, format="json")
        assert not api_settings.TOKEN_MODEL.objects.filter(user=user).exists()

    def test_a_deactivated_users_token_is_refused(self, auth_client, user):
        user.is_active = False
        user.save(update_fields=["is_active"])
        response = auth_client.get(USER_URL)
        assert response.status_code == 401
