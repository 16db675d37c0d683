"""Passkey ceremonies' first step is limited per client IP: each call stores a challenge."""

import pytest

from rest_auth.passkeys.checks import check_passkey_settings
from rest_auth.passkeys.throttling import DEFAULT_RATES, PasskeyBeginThrottle
from rest_auth.tests.conftest import assert_throttled

from .conftest import post


@pytest.fixture
def two_begins(throttle_rates):
    throttle_rates(rest_auth_login=None, rest_auth_passkey_begin="2/minute")


@pytest.mark.django_db
class TestBeginPerClientAddress:
    def test_login_begin(self, anon_client, two_begins):
        for _ in range(2):
            assert post(anon_client, "passkey_login_begin").status_code == 200
        assert_throttled(post(anon_client, "passkey_login_begin"))
        # Another address has its own count.
        response = post(anon_client, "passkey_login_begin", REMOTE_ADDR="10.0.0.2")
        assert response.status_code == 200

    def test_registration_begin_counts_per_address_also_when_logged_in(
        self, auth_client, two_begins
    ):
        for _ in range(2):
            assert post(auth_client, "passkey_register_begin").status_code == 200
        assert_throttled(post(auth_client, "passkey_register_begin"))
        # The same user from another address has its own count: the key is the client IP.
        response = post(auth_client, "passkey_register_begin", REMOTE_ADDR="10.0.0.2")
        assert response.status_code == 200


def test_the_begin_scope_has_a_default_rate(settings):
    rates = dict(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"])
    del rates["rest_auth_passkey_begin"]
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    assert [m for m in check_passkey_settings() if m.id == "rest_auth.E062"] == []
    assert PasskeyBeginThrottle().rate == DEFAULT_RATES["rest_auth_passkey_begin"]
