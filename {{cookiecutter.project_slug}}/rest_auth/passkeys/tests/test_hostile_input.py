"""Malformed and hostile bodies at the passkey endpoints: a 4xx with a JSON body."""

import pytest
from django.urls import reverse

from rest_auth.tests.test_hostile_input import BODIES

ENDPOINTS = [
    "passkey_register_begin",
    "passkey_register_complete",
    "passkey_login_begin",
    "passkey_login_complete",
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ENDPOINTS)
@pytest.mark.parametrize("body", BODIES.values(), ids=BODIES.keys())
def test_hostile_body_is_a_client_error(auth_client, name, body):
    response = auth_client.post(reverse(name), body, content_type="application/json")
    # Begin ignores keys it does not know: a body it can read is answered as usual.
    assert response.status_code < 500
    if response.status_code >= 400:
        assert isinstance(response.json(), dict)
