"""Fixtures of the passkey tests: a software authenticator and the ceremonies as steps.

The core fixtures (``user``, ``api_client``, ``auth_client``, ``rest_auth_settings``)
are those of ``rest_auth/tests/conftest.py``, imported here; logins here end the way this project's
clients log in (token header or session cookie + CSRF), like ``log_in`` there.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from rest_auth.app_settings import api_settings
from rest_auth.passkeys.tests.authenticator import SoftAuthenticator
from rest_auth.tests.conftest import *  # noqa: F403 - the core fixtures, shared
from rest_auth.tests.conftest import (  # noqa: F401 - autouse, private
    _feature_settings,
    _fresh_throttle_counters,
    create_account,
    use_credentials,
)


def post(client: APIClient, name: str, body: Any = None, **extra: Any) -> Any:
    return client.post(reverse(name), body if body is not None else {}, format="json", **extra)


def register_begin(client: APIClient, **body: Any) -> dict[str, Any]:
    response = post(client, "passkey_register_begin", body)
    assert response.status_code == 200, response.content
    return response.json()


def register_complete(client: APIClient, credential: Any, **body: Any) -> Any:
    return post(client, "passkey_register_complete", {"credential": credential, **body})


def register(client: APIClient, authenticator: SoftAuthenticator, **body: Any) -> dict[str, Any]:
    """Both registration steps; the new passkey as the API lists it."""
    credential = authenticator.create(register_begin(client, **body))
    response = register_complete(client, credential)
    assert response.status_code == 201, response.content
    return response.json()


def login_begin(client: APIClient, **body: Any) -> dict[str, Any]:
    response = post(client, "passkey_login_begin", body)
    assert response.status_code == 200, response.content
    return response.json()


def login_complete(client: APIClient, options: dict[str, Any], credential: Any) -> Any:
    body = {"credential": credential, "session_id": options["session_id"]}
    return post(client, "passkey_login_complete", body)


def login(client: APIClient, authenticator: SoftAuthenticator, **begin_body: Any) -> Any:
    """Both login steps, then the client sends its new credential; the complete response."""
    options = login_begin(client, **begin_body)
    response = login_complete(client, options, authenticator.get(options))
    assert response.status_code in (200, 204), response.content
    use_credentials(client, response)
    return response


def whoami(client: APIClient) -> str | None:
    response = client.get(reverse("rest_user_details"))
    return response.data.get("username") if response.status_code == 200 else None


@pytest.fixture
def origin() -> str:
    return api_settings.PASSKEY_RP_ORIGINS[0]


@pytest.fixture
def authenticator(origin: str) -> SoftAuthenticator:
    return SoftAuthenticator(origin=origin)


@pytest.fixture
def anon_client() -> APIClient:
    """A second, logged-out client (a browser that has only its passkey)."""
    return APIClient(enforce_csrf_checks=True)


@pytest.fixture
def passkey(auth_client: APIClient, authenticator: SoftAuthenticator) -> dict[str, Any]:
    """Alice's passkey, registered through the API and held by ``authenticator``."""
    return register(auth_client, authenticator, name="Laptop")


@pytest.fixture
def bob(db: None) -> Any:
    return create_account("bob", "bob@example.com", "bobs-password-123")


@pytest.fixture
def bob_client(bob: Any) -> APIClient:
    client = APIClient(enforce_csrf_checks=True)
    response = client.post(
        reverse("rest_login"), {"username": "bob", "password": "bobs-password-123"}, format="json"
    )
    use_credentials(client, response)
    return client
