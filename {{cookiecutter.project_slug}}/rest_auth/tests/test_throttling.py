"""Rate limits: per client IP, per account (failed logins only), per email address; and a
cache that cannot be reached fails closed (503), never open."""

import logging

import pytest
from django.core import mail
from django.urls import reverse
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from rest_auth.app_settings import api_settings
from rest_auth.throttling import LoginFailureThrottle, normalized_key

from .conftest import PASSWORD, assert_throttled, client_at, create_account

LOGIN_URL = reverse("rest_login")
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        # Nothing listens on port 1: every cache call fails at once.
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}


def post_login(client, **body):
    return client.post(LOGIN_URL, body, format="json")


@pytest.fixture
def per_account(throttle_rates):
    """Three failed logins per account; no per-client limit in the way."""
    throttle_rates(rest_auth_login=None, rest_auth_login_failures="3/hour")


@pytest.mark.django_db
class TestFailedLoginsPerAccount:
    def test_failures_from_many_addresses_lock_the_account(self, user, per_account):
        for number in range(3):
            response = post_login(client_at(f"10.0.0.{number}"), username="alice", password="x")
            assert response.status_code == 400
        # From yet another address, even with the right password: the guessing must stop.
        assert_throttled(post_login(client_at("10.0.0.99"), username="alice", password=PASSWORD))

    def test_the_login_is_case_folded_and_stripped(self, user, per_account):
        for typed in ("ALICE", " Alice", "alice "):
            assert (
                post_login(client_at("10.0.0.1"), username=typed, password="x").status_code == 400
            )
        assert_throttled(post_login(client_at("10.0.0.2"), username="alice", password=PASSWORD))

    def test_failures_by_email_count_for_that_email(self, user, per_account):
        for _ in range(3):
            post_login(client_at("10.0.0.1"), email="Alice@Example.com", password="x")
        assert_throttled(
            post_login(client_at("10.0.0.2"), email="alice@example.com", password=PASSWORD)
        )

    def test_other_accounts_are_not_locked(self, user, per_account):
        create_account("bob", "bob@example.com", PASSWORD)
        for _ in range(3):
            post_login(client_at("10.0.0.1"), username="alice", password="x")
        response = post_login(client_at("10.0.0.1"), username="bob", password=PASSWORD)
        assert response.status_code in (200, 204)

    def test_a_success_of_another_account_does_not_reset_the_count(self, user, per_account):
        create_account("bob", "bob@example.com", PASSWORD)
        attacker = client_at("10.0.0.1")
        for _ in range(2):
            post_login(attacker, username="alice", password="x")
        # The attacker's own account, from the same address.
        response = post_login(client_at("10.0.0.1"), username="bob", password=PASSWORD)
        assert response.status_code in (200, 204)
        post_login(attacker, username="alice", password="x")
        assert_throttled(post_login(attacker, username="alice", password=PASSWORD))

    def test_a_success_of_the_same_account_does_not_reset_the_count(self, user, per_account):
        # Documented choice: failures expire with the rate's period, not at a success.
        for _ in range(2):
            post_login(client_at("10.0.0.1"), username="alice", password="x")
        response = post_login(client_at("10.0.0.1"), username="alice", password=PASSWORD)
        assert response.status_code in (200, 204)
        post_login(client_at("10.0.0.1"), username="alice", password="x")
        assert_throttled(post_login(client_at("10.0.0.1"), username="alice", password=PASSWORD))

    def test_successful_logins_do_not_count(self, user, per_account):
        for _ in range(5):
            response = post_login(client_at("10.0.0.1"), username="alice", password=PASSWORD)
            assert response.status_code in (200, 204)

    def test_no_rate_means_no_limit(self, user, throttle_rates):
        throttle_rates(rest_auth_login=None, rest_auth_login_failures=None)
        for _ in range(5):
            post_login(client_at("10.0.0.1"), username="alice", password="x")
        response = post_login(client_at("10.0.0.1"), username="alice", password=PASSWORD)
        assert response.status_code in (200, 204)


def test_parallel_guesses_are_all_counted(throttle_rates):
    # Parallel requests all pass the throttle before any view runs: each must already be
    # counted then, or a burst would get past the limit.
    throttle_rates(rest_auth_login_failures="3/hour")
    factory = APIRequestFactory()
    burst = []
    for _ in range(5):
        request = Request(
            factory.post(LOGIN_URL, {"username": "alice", "password": "x"}, format="json"),
            parsers=[JSONParser()],
        )
        burst.append(LoginFailureThrottle().allow_request(request, view=None))
    assert burst == [True, True, True, False, False]


def test_the_cache_key_is_bounded_whatever_was_typed():
    assert len(normalized_key("a" * 1_000_000)) == 64
    assert normalized_key(" Ünïcode\u00df ") == normalized_key("ünïcodess")


@pytest.mark.django_db
class TestPerClientAddress:
    def test_login_attempts_are_limited_per_ip(self, user, throttle_rates):
        throttle_rates(rest_auth_login="2/minute", rest_auth_login_failures=None)
        create_account("bob", "bob@example.com", PASSWORD)
        attacker = client_at("10.0.0.1")
        post_login(attacker, username="alice", password="x")
        post_login(attacker, username="bob", password="x")
        assert_throttled(post_login(attacker, username="carol", password="x"))
        # Another address has its own count.
        response = post_login(client_at("10.0.0.2"), username="alice", password=PASSWORD)
        assert response.status_code in (200, 204)

    def test_a_forged_x_forwarded_for_is_ignored_without_trusted_proxies(
        self, user, throttle_rates
    ):
        throttle_rates(rest_auth_login="2/minute", rest_auth_login_failures=None)
        for number in range(2):
            client = client_at("10.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
            post_login(client, username="alice", password="x")
        client = client_at("10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.77")
        assert_throttled(post_login(client, username="alice", password="x"))

    def test_with_a_trusted_proxy_the_address_it_saw_counts(self, user, throttle_rates, settings):
        throttle_rates(rest_auth_login="2/minute", rest_auth_login_failures=None)
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
        # Behind one proxy every request comes from the proxy's address; the last
        # X-Forwarded-For entry is the client the proxy saw (earlier ones the client wrote).
        for _ in range(2):
            post_login(
                client_at("10.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.7"),
                username="alice",
                password="x",
            )
        other = client_at("10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.8")
        assert post_login(other, username="alice", password="x").status_code == 400
        same = client_at("10.0.0.1", HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.7")
        assert_throttled(post_login(same, username="alice", password="x"))


@pytest.mark.django_db
class TestPasswordResetEmailsPerAddress:
    url = reverse("rest_password_reset")

    def test_one_address_gets_a_limited_number_of_emails(self, user, throttle_rates):
        throttle_rates(rest_auth_password_reset=None, rest_auth_password_reset_email="2/hour")
        for number, typed in enumerate(["alice@example.com", "ALICE@example.com "]):
            response = client_at(f"10.0.0.{number}").post(self.url, {"email": typed}, format="json")
            assert response.status_code == 200
        response = client_at("10.0.0.9").post(
            self.url, {"email": "alice@example.com"}, format="json"
        )
        assert_throttled(response)
        assert len(mail.outbox) == 2
        # Another address is not affected.
        response = client_at("10.0.0.9").post(self.url, {"email": "bob@example.com"}, format="json")
        assert response.status_code == 200


@pytest.mark.django_db
class TestCacheDown:
    """With the shared cache unreachable, throttled endpoints refuse (503) instead of
    going unthrottled; the others keep working."""

    @pytest.mark.parametrize(
        ("name", "body"),
        [
            ("rest_login", {"username": "alice", "password": PASSWORD}),
            ("rest_password_reset", {"email": "alice@example.com"}),
        ],
    )
    def test_throttled_endpoints_fail_closed(self, user, settings, caplog, name, body):
        settings.CACHES = UNREACHABLE_REDIS
        with caplog.at_level(logging.ERROR, logger="rest_auth.shared_cache"):
            response = client_at("10.0.0.1").post(reverse(name), body, format="json")
        assert response.status_code == 503
        assert int(response.headers["Retry-After"]) > 0
        assert "detail" in response.json()
        assert "Shared cache unavailable" in caplog.text

    def test_endpoints_that_need_no_shared_state_keep_working(self, auth_client, settings):
        def anonymous_logout() -> int:
            return client_at("10.0.0.1").post(reverse("rest_logout")).status_code

        # 200, or 401 where logout wants the refresh token to blacklist: the same either way.
        logout_status = anonymous_logout()
        settings.CACHES = UNREACHABLE_REDIS
        response = auth_client.get(reverse("rest_user_details"))
        if api_settings.USE_JWT:
            # Whether the access token was revoked (by a logout) is in the cache: unknown, so
            # the token is not accepted either.
            assert response.status_code == 503
            assert "detail" in response.json()
        else:
            assert response.status_code == 200
        assert anonymous_logout() == logout_status < 500
