"""Emails per address: sign-up and resend are limited per mailbox, whichever clients ask."""

import pytest
from django.urls import reverse

from rest_auth.tests.conftest import assert_throttled, client_at

from .conftest import register


@pytest.fixture
def per_address(throttle_rates):
    throttle_rates(
        rest_auth_register=None, rest_auth_verify_email=None, rest_auth_verification_email="2/hour"
    )


@pytest.mark.django_db
class TestVerificationEmailsPerAddress:
    def test_resend_is_limited_per_address_from_any_client(self, per_address):
        url = reverse("rest_resend_email")
        for number, typed in enumerate(["carol@example.com", " CAROL@example.com"]):
            response = client_at(f"10.0.0.{number}").post(url, {"email": typed}, format="json")
            assert response.status_code == 200
        response = client_at("10.0.0.9").post(url, {"email": "carol@example.com"}, format="json")
        assert_throttled(response)
        other = client_at("10.0.0.9").post(url, {"email": "dave@example.com"}, format="json")
        assert other.status_code == 200

    def test_sign_ups_naming_one_address_are_limited(self, per_address, mandatory):
        # Under mandatory verification each sign-up with a taken address emails its owner.
        assert register(client_at("10.0.0.1")).status_code == 201
        assert register(client_at("10.0.0.2"), username="carol2").status_code == 201
        assert_throttled(register(client_at("10.0.0.3"), username="carol3"))
        response = register(client_at("10.0.0.3"), username="dave", email="dave@example.com")
        assert response.status_code == 201
