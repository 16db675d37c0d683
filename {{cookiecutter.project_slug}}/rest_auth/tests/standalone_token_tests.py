"""The reference's token defaults: DRF's plain Token and default_create_token.

The project uses hashed tokens (rest_auth/tokens/), so DRF's Token is installed only under
standalone_settings; test_standalone.py runs this file there by name (its name does not
start with ``test_``, so the project's own run does not collect it).
"""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from rest_auth.app_settings import api_settings
from rest_auth.tests.conftest import PASSWORD
from rest_auth.utils import default_create_token

LOGIN_URL = reverse("rest_login")


def login(client):
    return client.post(LOGIN_URL, {"username": "alice", "password": PASSWORD}, format="json")


def test_the_defaults_are_the_references():
    assert api_settings.TOKEN_MODEL is Token
    assert api_settings.TOKEN_CREATOR is default_create_token


@pytest.mark.django_db
def test_login_returns_the_users_token_as_stored(api_client, user):
    assert login(api_client).json() == {"key": Token.objects.get(user=user).key}


@pytest.mark.django_db
def test_default_token_creator_reuses_the_token(api_client, user):
    assert login(api_client).json() == login(APIClient()).json()
    assert Token.objects.filter(user=user).count() == 1


@pytest.mark.django_db
def test_logout_deletes_the_token_by_its_key(auth_client, user):
    auth_client.post(reverse("rest_logout"))
    assert not Token.objects.exists()


@pytest.mark.django_db
def test_a_password_change_replaces_the_key_every_client_shares(auth_client, user):
    """One token per user: keeping it would keep the user's other clients logged in."""
    old = Token.objects.get(user=user).key
    new_password = "a-new-passphrase-42"
    response = auth_client.post(
        reverse("rest_password_change"),
        {"new_password1": new_password, "new_password2": new_password},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["key"] == Token.objects.get(user=user).key != old
    other_client = APIClient(HTTP_AUTHORIZATION=f"Token {old}")
    assert other_client.get(reverse("rest_user_details")).status_code == 401
