"""POST /api/auth/login/: who may log in, what they get back, and what failures look like."""

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.urls import reverse

from rest_auth.tests.answers import assert_same_answer
from rest_auth.tests.conftest import PASSWORD, log_in

INVALID = {"non_field_errors": ["Unable to log in with provided credentials."]}
LOGIN_URL = reverse("rest_login")


def post_login(client, **body):
    return client.post(LOGIN_URL, body, format="json")


@pytest.mark.django_db
class TestCredentials:
    def test_username_and_password(self, api_client, user):
        response = log_in(api_client, username="alice", password=PASSWORD)
        assert api_client.get(reverse("rest_user_details")).data["username"] == "alice"
        assert response.status_code in (200, 204)

    def test_email_in_any_case(self, api_client, user):
        log_in(api_client, email="ALICE@Example.com", password=PASSWORD)
        assert api_client.get(reverse("rest_user_details")).data["username"] == "alice"

    def test_email_wins_over_a_wrong_username(self, api_client, user, django_user_model):
        django_user_model.objects.create_user(username="bob", password="bobs-password-123")
        log_in(api_client, username="bob", email="alice@example.com", password=PASSWORD)
        assert api_client.get(reverse("rest_user_details")).data["username"] == "alice"

    def test_unknown_email_falls_back_to_the_username(self, api_client, user):
        log_in(api_client, username="alice", email="nobody@example.com", password=PASSWORD)
        assert api_client.get(reverse("rest_user_details")).data["username"] == "alice"

    def test_login_updates_last_login(self, api_client, user):
        assert user.last_login is None
        log_in(api_client, username="alice", password=PASSWORD)
        user.refresh_from_db()
        assert user.last_login is not None


@pytest.mark.django_db
class TestFailures:
    def test_wrong_password(self, api_client, user):
        response = post_login(api_client, username="alice", password="wrong")
        assert (response.status_code, response.json()) == (400, INVALID)

    def test_unknown_username_gets_the_same_answer(self, api_client, user):
        response = post_login(api_client, username="nobody", password=PASSWORD)
        assert (response.status_code, response.json()) == (400, INVALID)

    def test_unknown_email_gets_the_same_answer(self, api_client, user):
        response = post_login(api_client, email="nobody@example.com", password=PASSWORD)
        assert (response.status_code, response.json()) == (400, INVALID)

    def test_inactive_user_gets_the_same_answer(self, api_client, user):
        user.is_active = False
        user.save()
        response = post_login(api_client, username="alice", password=PASSWORD)
        assert (response.status_code, response.json()) == (400, INVALID)

    def test_email_shared_by_two_accounts_is_refused_not_a_500(
        self, api_client, user, django_user_model
    ):
        django_user_model.objects.create_user(
            username="alice2", email="Alice@example.com", password=PASSWORD
        )
        response = post_login(api_client, email="alice@example.com", password=PASSWORD)
        assert (response.status_code, response.json()) == (400, INVALID)

    @pytest.mark.parametrize(
        "body",
        [
            {"username": "nobody", "password": "x"},
            {"email": "nobody@example.com", "password": "x"},
            {"username": "alice", "password": "wrong"},
            {"email": "alice@example.com", "password": "wrong"},
        ],
    )
    def test_every_failure_hashes_the_password_once(self, api_client, user, monkeypatch, body):
        calls = []
        original = MD5PasswordHasher.encode
        monkeypatch.setattr(
            MD5PasswordHasher, "encode", lambda *a, **k: calls.append(1) or original(*a, **k)
        )
        post_login(api_client, **body)
        assert len(calls) == 1

    @pytest.mark.parametrize("state", ["inactive", "unusable password"])
    @pytest.mark.parametrize("by", ["username", "email"])
    def test_an_account_that_may_not_log_in_costs_one_hash_and_answers_alike(
        self, api_client, user, monkeypatch, state, by
    ):
        calls = []
        original = MD5PasswordHasher.encode
        monkeypatch.setattr(
            MD5PasswordHasher, "encode", lambda *a, **k: calls.append(1) or original(*a, **k)
        )
        unknown = post_login(api_client, **{by: "nobody@example.com", "password": PASSWORD})
        if state == "inactive":
            user.is_active = False
        else:
            user.set_unusable_password()
        user.save()
        calls.clear()
        identifier = {"username": "alice", "email": "alice@example.com"}[by]
        known = post_login(api_client, **{by: identifier, "password": PASSWORD})
        assert len(calls) == 1
        assert_same_answer(unknown, known)

    def test_missing_username_and_email(self, api_client):
        response = post_login(api_client, password=PASSWORD)
        assert response.status_code == 400
        assert response.json() == {
            "non_field_errors": ['Must include either "username" or "email" and "password".']
        }

    def test_missing_password(self, api_client):
        response = post_login(api_client, username="alice")
        assert (response.status_code, response.json()) == (
            400,
            {"password": ["This field is required."]},
        )

    def test_malformed_email(self, api_client):
        response = post_login(api_client, email="not-an-address", password=PASSWORD)
        assert response.status_code == 400
        assert "email" in response.json()

    def test_oversized_password_is_refused_before_hashing(self, api_client, user):
        response = post_login(api_client, username="alice", password="x" * 100_000)
        assert response.status_code == 400
        assert "password" in response.json()

    def test_malformed_json(self, api_client):
        response = api_client.post(LOGIN_URL, b"{not json", content_type="application/json")
        assert response.status_code == 400
        assert "detail" in response.json()

    def test_get_is_not_allowed(self, api_client):
        assert api_client.get(LOGIN_URL).status_code == 405


@pytest.mark.django_db
class TestSettings:
    def test_login_serializer_default_needs_no_extra_field(self, api_client, user):
        response = post_login(api_client, username="alice", password=PASSWORD)
        assert response.status_code in (200, 204)

    def test_login_serializer_custom(self, api_client, user, rest_auth_settings):
        rest_auth_settings(
            LOGIN_SERIALIZER="rest_auth.tests.custom_serializers.TermsLoginSerializer"
        )
        response = post_login(api_client, username="alice", password=PASSWORD)
        assert response.json() == {"accept_terms": ["This field is required."]}
        response = post_login(api_client, username="alice", password=PASSWORD, accept_terms=True)
        assert response.status_code in (200, 204)

    def test_session_login_on_logs_the_session_in(self, api_client, user, rest_auth_settings):
        # With no token model the session cookie is the only credential: 204, no body.
        # (SESSION_LOGIN off is tested with API tokens, and refused by rest_auth.E007 without.)
        rest_auth_settings(TOKEN_MODEL=None, SESSION_LOGIN=True, USE_JWT=False)
        response = post_login(api_client, username="alice", password=PASSWORD)
        assert (response.status_code, response.content) == (204, b"")
        assert api_client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_login_is_throttled(api_client, user, throttle_rates):
    throttle_rates(rest_auth_login="2/minute")
    for _ in range(2):
        assert post_login(api_client, username="alice", password="wrong").status_code == 400
    response = post_login(api_client, username="alice", password=PASSWORD)
    assert response.status_code == 429
    assert "Retry-After" in response.headers
    assert "detail" in response.json()
