"""Verification links, POST of their key, resending, and login under each mode."""

import time

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.urls import reverse
from rest_framework.test import APIClient

from rest_auth.registration import flows
from rest_auth.registration.tests.conftest import (
    NEW_PASSWORD,
    RESENT,
    SENT,
    VERIFY_LINK,
    assert_answers_like_login,
    register,
    use_credentials,
    verification_key,
    verify,
    who_am_i,
)

OK = {"detail": "ok"}
INVALID_KEY = {"detail": "This verification link is invalid or has expired."}
UNVERIFIED = {"non_field_errors": ["E-mail is not verified."]}
RESEND_URL = reverse("rest_resend_email")


def login(client, **body):
    return client.post(reverse("rest_login"), {"password": NEW_PASSWORD, **body}, format="json")


def resend(client, email="carol@example.com"):
    return client.post(RESEND_URL, {"email": email}, format="json")


@pytest.fixture
def key(api_client, mailoutbox, settings):
    """Sign carol up (optional verification) and return the key from her email."""
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"
    register(api_client)
    key = verification_key(mailoutbox[-1])
    api_client.logout()
    api_client.credentials()
    return key


@pytest.mark.django_db
class TestLink:
    def test_points_at_the_frontend_with_the_key(self, api_client, mailoutbox, settings, optional):
        register(api_client)
        [message] = mailoutbox
        assert VERIFY_LINK.search(message.body)["base"] == settings.FRONTEND_URL
        assert "Confirm your email address" in message.subject
        assert "carol@example.com" in message.body

    def test_host_header_does_not_reach_the_link(self, api_client, mailoutbox, settings, optional):
        settings.ALLOWED_HOSTS = ["*"]
        api_client.post(
            reverse("rest_register"),
            {
                "username": "carol",
                "email": "carol@example.com",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
            },
            format="json",
            HTTP_HOST="evil.example",
        )
        assert "evil.example" not in mailoutbox[0].body

    def test_sites_domain(self, api_client, mailoutbox, rest_auth_settings, optional):
        rest_auth_settings(PASSWORD_RESET_USE_SITES_DOMAIN=True)
        Site.objects.filter(pk=1).update(domain="sites.example.org")
        Site.objects.clear_cache()
        register(api_client)
        assert VERIFY_LINK.search(mailoutbox[0].body)["base"] == "https://sites.example.org"


@pytest.mark.django_db
class TestVerify:
    def test_verifies_the_address(self, api_client, key):
        response = verify(api_client, key)
        assert (response.status_code, response.json()) == (200, OK)
        assert EmailAddress.objects.get(email="carol@example.com").verified
        assert who_am_i(api_client) is None  # verifying is not logging in (by default)

    def test_a_key_works_once(self, api_client, key):
        assert verify(api_client, key).status_code == 200
        response = verify(api_client, key)
        assert (response.status_code, response.json()) == (404, INVALID_KEY)

    def test_of_two_requests_racing_with_one_key_one_wins(self, api_client, key, monkeypatch):
        """The second request runs entirely between the first one's reading of the key and
        its update: both found the key valid, only one may verify with it."""
        from_key = flows.EmailConfirmationHMAC.from_key
        started, answers = [], []

        def from_key_then_let_the_other_request_run(found_key):
            confirmation = from_key(found_key)
            if not started:
                started.append(True)
                answers.append(verify(APIClient(), key))
            return confirmation

        monkeypatch.setattr(
            flows.EmailConfirmationHMAC, "from_key", from_key_then_let_the_other_request_run
        )
        first = verify(api_client, key)
        [second] = answers
        assert (second.status_code, second.json()) == (200, OK)
        assert (first.status_code, first.json()) == (404, INVALID_KEY)

    @pytest.mark.parametrize("wrong", ["nonsense", "MQ:1tAbCd:abcdefghijklmnop", "x" * 500])
    def test_wrong_key(self, api_client, key, wrong):
        response = verify(api_client, wrong)
        assert (response.status_code, response.json()) == (404, INVALID_KEY)
        assert not EmailAddress.objects.get(email="carol@example.com").verified

    def test_expired_key(self, api_client, key, settings, monkeypatch):
        settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
        later = time.time() + 4 * 24 * 3600
        monkeypatch.setattr("django.core.signing.time.time", lambda: later)
        response = verify(api_client, key)
        assert (response.status_code, response.json()) == (404, INVALID_KEY)

    def test_missing_key(self, api_client):
        response = api_client.post(reverse("rest_verify_email"), {}, format="json")
        assert (response.status_code, response.json()) == (
            400,
            {"key": ["This field is required."]},
        )

    def test_get_is_not_allowed(self, api_client):
        assert api_client.get(reverse("rest_verify_email")).status_code == 405

    def test_key_in_the_path(self, api_client, key):
        url = reverse("account_confirm_email", kwargs={"key": key})
        assert (api_client.post(url).status_code, api_client.post(url).status_code) == (200, 404)
        assert EmailAddress.objects.get(email="carol@example.com").verified

    def test_get_of_the_key_path_only_redirects_to_the_frontend(self, api_client, key, settings):
        response = api_client.get(reverse("account_confirm_email", kwargs={"key": key}))
        assert response.status_code == 302
        assert response["Location"] == f"{settings.FRONTEND_URL}/verify-email/{key}/"
        assert not EmailAddress.objects.get(email="carol@example.com").verified

    def test_verification_sent_page(self, api_client):
        response = api_client.get(reverse("account_email_verification_sent"))
        assert (response.status_code, response.json()) == (200, SENT)

    def test_login_on_confirmation_off(self, api_client, key, settings):
        settings.ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
        assert verify(api_client, key).json() == OK
        assert who_am_i(api_client) is None

    def test_login_on_confirmation_on(self, api_client, key, settings):
        settings.ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
        response = verify(api_client, key)
        other = api_client.__class__(enforce_csrf_checks=True)
        expected = login(other, username="carol")
        assert_answers_like_login(response, expected, status=200)
        use_credentials(api_client, response)
        assert who_am_i(api_client) == "carol"

    def test_throttled(self, api_client, key, throttle_rates):
        throttle_rates(rest_auth_verify_email="1/hour")
        assert verify(api_client, "nonsense").status_code == 404
        assert verify(api_client, key).status_code == 429


@pytest.mark.django_db
class TestLoginByMode:
    def test_mandatory_refuses_until_verified(self, api_client, mailoutbox, mandatory):
        assert register(api_client).json() == SENT
        response = login(api_client, username="carol")
        assert (response.status_code, response.json()) == (400, UNVERIFIED)
        assert verify(api_client, verification_key(mailoutbox[0])).status_code == 200
        assert login(api_client, username="carol").status_code in (200, 204)

    def test_mandatory_wrong_password_does_not_mention_verification(self, api_client, mandatory):
        register(api_client)
        response = login(api_client, username="carol", password="wrong-password")
        assert response.json() == {
            "non_field_errors": ["Unable to log in with provided credentials."]
        }

    def test_mandatory_by_email(self, api_client, mailoutbox, mandatory):
        register(api_client)
        assert login(api_client, email="CAROL@example.com").json() == UNVERIFIED

    @pytest.mark.parametrize("mode", ["optional", "none"])
    def test_other_modes_let_unverified_users_in(self, api_client, settings, mode):
        settings.ACCOUNT_EMAIL_VERIFICATION = mode
        register(api_client)
        client = api_client.__class__(enforce_csrf_checks=True)
        assert login(client, username="carol").status_code in (200, 204)
        assert not EmailAddress.objects.get(email="carol@example.com").verified


@pytest.mark.django_db
class TestResend:
    def test_sends_a_new_working_link(self, api_client, key, mailoutbox):
        mailoutbox.clear()
        cache.clear()  # allauth's per-address cooldown since the sign-up email
        response = resend(api_client, email="Carol@Example.com")
        assert (response.status_code, response.json()) == (200, RESENT)
        [message] = mailoutbox
        assert message.to == ["carol@example.com"]
        assert verify(api_client, verification_key(message)).status_code == 200

    def test_cooldown_skips_sending_but_answers_the_same(self, api_client, key, mailoutbox):
        mailoutbox.clear()
        assert resend(api_client).json() == RESENT
        assert mailoutbox == []
        assert verify(api_client, key).status_code == 200  # the first link still works

    @pytest.mark.parametrize(
        ("cooldown", "said"),
        [
            (60, " Links are sent at most once every minute."),
            (90, " Links are sent at most once every 90 seconds."),
            (7200, " Links are sent at most once every 2 hours."),
            (0, ""),
        ],
    )
    def test_the_answer_says_the_cooldown_of_allauth(self, api_client, settings, cooldown, said):
        settings.ACCOUNT_EMAIL_CONFIRMATION_COOLDOWN = cooldown
        response = resend(api_client, email="nobody@example.com")
        lead = "If this address is waiting for verification, a new link is on its way."
        assert response.json() == {"detail": lead + said}

    @pytest.mark.parametrize("email", ["nobody@example.com", "alice@example.com"])
    def test_same_answer_for_unknown_and_verified_addresses(
        self, api_client, user, email, mailoutbox
    ):
        response = resend(api_client, email=email)
        assert (response.status_code, response.json()) == (200, RESENT)
        assert mailoutbox == []

    def test_account_made_outside_sign_up(
        self, api_client, django_user_model, mailoutbox, mandatory
    ):
        # createsuperuser and the admin store the address on the user only.
        django_user_model.objects.create_user(
            username="frank", email="Frank@Example.com", password=NEW_PASSWORD
        )
        assert login(api_client, username="frank").json() == UNVERIFIED
        assert resend(api_client, email="frank@example.com").json() == RESENT
        [message] = mailoutbox
        assert [address.lower() for address in message.to] == ["frank@example.com"]
        assert verify(api_client, verification_key(message)).status_code == 200
        assert login(api_client, username="frank").status_code in (200, 204)

    def test_invalid_address(self, api_client):
        response = resend(api_client, email="not-an-address")
        assert response.status_code == 400
        assert list(response.json()) == ["email"]
