"""The project's own ACCOUNT_* settings, untouched: sign up, verify if needed, log in."""

from typing import Any

import pytest
from allauth.account import app_settings as allauth_settings
from django.urls import reverse

from rest_auth.app_settings import api_settings
from rest_auth.registration.tests.conftest import (
    NEW_PASSWORD,
    register,
    verification_key,
    verify,
    who_am_i,
)
from rest_auth.tests.conftest import log_in


@pytest.fixture(autouse=True)
def _baseline_login_method() -> None:
    """No baseline here: the settings are the generated ones."""


@pytest.mark.django_db
def test_sign_up_and_log_in_as_generated(api_client: Any, mailoutbox: Any) -> None:
    fields = allauth_settings.SIGNUP_FIELDS
    body = {"username": "carol", "email": "carol@example.com"}
    response = register(api_client, **{name: body.get(name) for name in body if name in fields})
    assert response.status_code in (201, 204), response.content
    if allauth_settings.EMAIL_VERIFICATION == "mandatory":
        assert verify(api_client, verification_key(mailoutbox[0])).status_code == 200
    accepted = set(api_settings.LOGIN_SERIALIZER().fields)
    credentials = {name: value for name, value in body.items() if name in accepted}
    client = api_client.__class__(enforce_csrf_checks=True)
    log_in(client, password=NEW_PASSWORD, **credentials)
    assert who_am_i(client) == "carol"
    # What login accepts is what allauth is configured with.
    methods = {getattr(method, "value", method) for method in allauth_settings.LOGIN_METHODS}
    assert accepted - {"password"} == methods


def test_register_is_routed() -> None:
    assert reverse("rest_register") == "/api/auth/registration/"
