"""Login under each ACCOUNT_LOGIN_METHODS: which fields it takes, how addresses match."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import MD5PasswordHasher
from django.urls import reverse

from rest_auth.registration.tests.conftest import use_login_method, who_am_i
from rest_auth.tests.conftest import PASSWORD, log_in

INVALID = {"non_field_errors": ["Unable to log in with provided credentials."]}


def must_include(field):
    # dj-rest-auth's wording: the field this login method needs.
    return {"non_field_errors": [f'Must include "{field}" and "password".']}


LOGIN_URL = reverse("rest_login")


def post_login(client, **body):
    return client.post(LOGIN_URL, {"password": PASSWORD, **body}, format="json")


@pytest.mark.django_db
class TestUsernameOrEmail:
    @pytest.fixture(autouse=True)
    def _method(self, settings):
        use_login_method(settings, "username_email")

    def test_username(self, api_client, user):
        log_in(api_client, username="alice", password=PASSWORD)
        assert who_am_i(api_client) == "alice"

    def test_email_in_any_case(self, api_client, user):
        log_in(api_client, email="ALICE@example.COM", password=PASSWORD)
        assert who_am_i(api_client) == "alice"

    def test_neither(self, api_client, user):
        response = post_login(api_client)
        assert response.json() == {
            "non_field_errors": ['Must include either "username" or "email" and "password".']
        }


@pytest.mark.django_db
class TestUsernameOnly:
    @pytest.fixture(autouse=True)
    def _method(self, settings):
        use_login_method(settings, "username")

    def test_username(self, api_client, user):
        log_in(api_client, username="alice", password=PASSWORD)
        assert who_am_i(api_client) == "alice"

    def test_email_is_not_accepted(self, api_client, user):
        response = post_login(api_client, email="alice@example.com")
        assert (response.status_code, response.json()) == (400, must_include("username"))

    def test_email_is_ignored_beside_a_username(self, api_client, user, django_user_model):
        django_user_model.objects.create_user(username="bob", password="bobs-password-123")
        response = post_login(api_client, username="bob", email="alice@example.com")
        assert response.json() == INVALID


@pytest.mark.django_db
class TestEmailOnly:
    @pytest.fixture(autouse=True)
    def _method(self, settings):
        use_login_method(settings, "email")

    def test_email_in_any_case(self, api_client, user):
        log_in(api_client, email="Alice@Example.com", password=PASSWORD)
        assert who_am_i(api_client) == "alice"

    def test_username_is_not_accepted(self, api_client, user):
        response = post_login(api_client, username="alice")
        assert (response.status_code, response.json()) == (400, must_include("email"))

    def test_blank_email(self, api_client, user):
        response = post_login(api_client, email="")
        assert (response.status_code, response.json()) == (400, must_include("email"))

    def test_any_address_of_the_account(self, api_client, user):
        EmailAddress.objects.create(user=user, email="alice@work.example", verified=True)
        log_in(api_client, email="ALICE@work.example", password=PASSWORD)
        assert who_am_i(api_client) == "alice"

    def test_address_stored_in_mixed_case(self, api_client, django_user_model, optional):
        django_user_model.objects.create_user(
            username="erin", email="Erin@Example.com", password=PASSWORD
        )
        log_in(api_client, email="erin@example.COM", password=PASSWORD)
        assert who_am_i(api_client) == "erin"

    def test_address_shared_by_two_accounts_identifies_neither(
        self, api_client, user, django_user_model
    ):
        other = django_user_model.objects.create_user(username="alice2", password=PASSWORD)
        EmailAddress.objects.create(user=other, email="alice@example.com", verified=False)
        assert post_login(api_client, email="alice@example.com").json() == INVALID


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [
        {"username": "nobody", "email": "nobody@example.com"},
        {"username": "alice", "email": "alice@example.com", "password": "wrong"},
        {"username": "alice", "password": "wrong"},
        {"email": "alice@example.com", "password": "wrong"},
    ],
)
def test_every_failure_hashes_the_password_once(api_client, user, monkeypatch, login_method, body):
    calls = []
    original = MD5PasswordHasher.encode
    monkeypatch.setattr(
        MD5PasswordHasher, "encode", lambda *a, **k: calls.append(1) or original(*a, **k)
    )
    response = post_login(api_client, **body)
    assert response.status_code == 400
    # A body without the field this method requires is refused before any password work.
    checked = response.json() == INVALID
    assert len(calls) == (1 if checked else 0)


@pytest.mark.django_db
def test_inactive_user_gets_the_same_answer(api_client, user, login_method):
    user.is_active = False
    user.save()
    body = {"username": "alice", "email": "alice@example.com"}
    assert post_login(api_client, **body).json() == INVALID


@pytest.mark.django_db
def test_unverified_under_mandatory(api_client, user, settings, login_method):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    EmailAddress.objects.filter(user=user).update(verified=False)
    body = {"username": "alice", "email": "alice@example.com"}
    response = post_login(api_client, **body)
    assert (response.status_code, response.json()) == (
        400,
        {"non_field_errors": ["E-mail is not verified."]},
    )
    EmailAddress.objects.filter(user=user).update(verified=True)
    assert post_login(api_client, **body).status_code in (200, 204)
