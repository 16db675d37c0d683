"""Hashed API tokens: what is stored, one per login, expiry, revocation, checks."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from rest_auth.tests.conftest import PASSWORD
from rest_auth.tokens.models import AuthToken, key_digest
from rest_auth.utils import revoke_tokens

LOGIN_URL = reverse("rest_login")
LOGOUT_URL = reverse("rest_logout")
USER_URL = reverse("rest_user_details")

pytestmark = pytest.mark.django_db


def login(user_agent: str = "") -> str:
    client = APIClient(HTTP_USER_AGENT=user_agent)
    response = client.post(LOGIN_URL, {"username": "alice", "password": PASSWORD}, format="json")
    assert response.status_code == 200, response.content
    return response.json()["key"]


def with_key(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


class TestStorage:
    def test_only_a_digest_of_the_key_is_stored(self, user):
        key = login()
        [row] = AuthToken.objects.values()
        assert row["digest"] == key_digest(key) != key
        assert key not in str(row)

    def test_a_leaked_row_cannot_be_replayed(self, user):
        login()
        digest = AuthToken.objects.get().digest
        response = with_key(digest).get(USER_URL)
        assert (response.status_code, response.json()) == (401, {"detail": "Invalid token."})

    def test_keys_are_long_and_random(self, user):
        keys = {login() for _ in range(3)}
        assert len(keys) == 3
        assert all(len(key) >= 43 for key in keys)

    def test_created_without_a_key_gets_one_as_drfs_token_does(self, user):
        token = AuthToken.objects.create(user=user)
        assert token.key and token.digest == key_digest(token.key)
        assert with_key(token.key).get(USER_URL).status_code == 200
        assert AuthToken.objects.get().key is None  # loaded again: the key is gone


class TestOnePerLogin:
    def test_each_login_gets_its_own_token_named_after_the_client(self, user):
        phone, laptop = login("Phone/1.0"), login("Laptop/2.0")
        assert sorted(AuthToken.objects.values_list("name", flat=True)) == [
            "Laptop/2.0",
            "Phone/1.0",
        ]
        assert with_key(phone).get(USER_URL).status_code == 200
        assert with_key(laptop).get(USER_URL).status_code == 200

    def test_logout_ends_only_the_token_it_was_called_with(self, user):
        phone, laptop = login(), login()
        assert with_key(phone).post(LOGOUT_URL).status_code == 200
        assert with_key(phone).get(USER_URL).status_code == 401
        assert with_key(laptop).get(USER_URL).status_code == 200

    def test_revoke_tokens_ends_every_one(self, user):
        keys = [login(), login()]
        revoke_tokens(user)
        assert [with_key(key).get(USER_URL).status_code for key in keys] == [401, 401]

    def test_a_password_change_keeps_only_the_token_it_was_made_with(self, user, django_user_model):
        phone, laptop = login("Phone/1.0"), login("Laptop/2.0")
        bob = django_user_model.objects.create_user("bob", "bob@example.com", PASSWORD)
        bobs = AuthToken.objects.create(user=bob)
        new = "a-new-passphrase-42"
        body = {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
        response = with_key(laptop).post(reverse("rest_password_change"), body, format="json")
        assert response.status_code == 200, response.content
        # The same key goes on working: the client need not read anything from the answer.
        assert "key" not in response.json()
        assert with_key(laptop).get(USER_URL).status_code == 200
        assert with_key(phone).get(USER_URL).status_code == 401
        assert with_key(bobs.key).get(USER_URL).status_code == 200
        assert AuthToken.objects.filter(user=user).count() == 1


class TestExpiry:
    def test_lifetime_comes_from_the_setting(self, user, settings):
        settings.API_TOKEN_LIFETIME = timedelta(hours=2)
        login()
        token = AuthToken.objects.get()
        assert token.expires - token.created == timedelta(hours=2)

    def test_an_expired_token_is_refused_and_deleted(self, user):
        key = login()
        AuthToken.objects.update(expires=timezone.now() - timedelta(seconds=1))
        response = with_key(key).get(USER_URL)
        assert (response.status_code, response.json()) == (401, {"detail": "Token has expired."})
        assert not AuthToken.objects.exists()

    def test_a_token_is_valid_until_it_expires(self, user):
        key = login()
        AuthToken.objects.update(expires=timezone.now() + timedelta(minutes=1))
        assert with_key(key).get(USER_URL).status_code == 200

    def test_clear_expired_tokens_deletes_the_expired_ones_only(self, user):
        expired, valid = login(), login()
        AuthToken.objects.with_key(expired).update(expires=timezone.now())
        out = StringIO()
        call_command("clear_expired_tokens", stdout=out)
        assert "Deleted 1 expired API token(s)." in out.getvalue()
        assert list(AuthToken.objects.values_list("digest", flat=True)) == [key_digest(valid)]


def check_ids() -> set[str]:
    return {message.id for message in run_checks() if message.id.startswith("rest_auth.")}


class TestChecks:
    def test_the_project_passes(self):
        assert not {"rest_auth.E050", "rest_auth.E051", "rest_auth.E052"} & check_ids()

    @pytest.mark.parametrize("lifetime", [timedelta(0), timedelta(days=-1), 30])
    def test_lifetime_must_be_a_positive_timedelta(self, settings, lifetime):
        settings.API_TOKEN_LIFETIME = lifetime
        assert "rest_auth.E050" in check_ids()

    def test_hashed_tokens_need_their_authentication_class(self, settings):
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.TokenAuthentication"],
        }
        assert "rest_auth.E051" in check_ids()

    def test_hashed_tokens_need_a_creator_that_returns_a_new_key(self, rest_auth_settings):
        rest_auth_settings(TOKEN_CREATOR="rest_auth.utils.default_create_token")
        assert "rest_auth.E052" in check_ids()

    def test_other_token_models_are_not_its_business(self, rest_auth_settings):
        rest_auth_settings(TOKEN_MODEL=None, SESSION_LOGIN=True)
        assert not {"rest_auth.E051", "rest_auth.E052"} & check_ids()
