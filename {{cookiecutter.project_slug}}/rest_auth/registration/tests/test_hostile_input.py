"""Malformed and hostile bodies at the registration endpoints: a 4xx with a JSON body."""

import pytest
from django.urls import reverse

from rest_auth.tests.test_hostile_input import BODIES

ENDPOINTS = ["rest_register", "rest_verify_email", "rest_resend_email"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ENDPOINTS)
@pytest.mark.parametrize("body", BODIES.values(), ids=BODIES.keys())
def test_hostile_body_is_a_client_error(api_client, name, body):
    response = api_client.post(reverse(name), body, content_type="application/json")
    assert 400 <= response.status_code < 500
    assert isinstance(response.json(), dict)
