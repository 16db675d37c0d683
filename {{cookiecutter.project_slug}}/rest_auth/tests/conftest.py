"""Fixtures shared by the rest_auth tests.

``auth_client`` logs in the way this project's clients do: with the API token in the
Authorization header when TOKEN_MODEL is set; the way a feature's login strategy says
(its tests' ``core_support.use_credentials``: a JWT in a header, say); otherwise with the
cookies login set (the session's, a feature's) and the CSRF header a browser app sends.
Most tests use it, so they hold for every transport.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from rest_framework.test import APIClient

from rest_auth.features import installed_features

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def _fresh_throttle_counters() -> None:
    # Throttle counters live in the cache; each test starts with none.
    cache.clear()


@pytest.fixture
def password() -> str:
    return PASSWORD


def feature_test_support() -> Iterator[ModuleType]:
    """Yield the core-test support module each installed feature names in its AppConfig.

    A feature that changes how login works says there (``core_test_support``) how the core
    tests run with it, with any of: ``CORE_TEST_SETTINGS``; ``prepare_account(user)``, which
    makes the ``user`` fixture an account that may log in (registration: login methods,
    mandatory email verification); ``use_credentials(client, response, body)``, which makes
    a client send what a login answered and returns whether it did (JWT: the access token).
    """
    for config in installed_features():
        if config.core_test_support is not None:
            yield importlib.import_module(config.core_test_support)


@pytest.fixture(autouse=True)
def _feature_settings(settings: Any) -> None:
    for support in feature_test_support():
        for name, value in getattr(support, "CORE_TEST_SETTINGS", {}).items():
            setattr(settings, name, value)


def create_account(username: str, email: str, password: str) -> Any:
    """A user who may log in, whatever the project's features ask of accounts."""
    user = get_user_model().objects.create_user(username=username, email=email, password=password)
    for support in feature_test_support():
        if hasattr(support, "prepare_account"):
            support.prepare_account(user)
    return user


@pytest.fixture
def user(db: None) -> Any:
    return create_account("alice", "alice@example.com", PASSWORD)


@pytest.fixture
def api_client() -> APIClient:
    """An anonymous client that, like a browser, is held to CSRF checks."""
    return APIClient(enforce_csrf_checks=True)


def client_at(address: str, **headers: str) -> APIClient:
    """An anonymous client whose requests come from this IP address."""
    return APIClient(enforce_csrf_checks=True, REMOTE_ADDR=address, **headers)


def assert_throttled(response: Any) -> None:
    """A rate limit's answer: 429, when to come back, and why in JSON."""
    assert response.status_code == 429, response.content
    assert int(response.headers["Retry-After"]) > 0
    assert "detail" in response.json()


def log_in(client: APIClient, **credentials: str) -> Any:
    """Log in through the API and make the client send what it got on later requests."""
    response = client.post(reverse("rest_login"), credentials, format="json")
    assert response.status_code in (200, 204), response.content
    use_credentials(client, response)
    return response


def use_credentials(client: APIClient, response: Any) -> None:
    """Send what this response handed out (a login's, a sign-up's, or a password change's
    new tokens)."""
    body = response.data if response.status_code in (200, 201) else None
    if body and "key" in body:
        client.credentials(HTTP_AUTHORIZATION=f"Token {body['key']}")
    elif any(
        support.use_credentials(client, response, body)
        for support in feature_test_support()
        if hasattr(support, "use_credentials")
    ):
        return
    elif "csrftoken" in client.cookies:
        client.credentials(HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)


@pytest.fixture
def auth_client(api_client: APIClient, user: Any) -> APIClient:
    log_in(api_client, username=user.username, password=PASSWORD)
    return api_client


@pytest.fixture
def rest_auth_settings(settings: Any) -> Callable[..., None]:
    """Change some REST_AUTH keys for one test, keeping the project's others."""

    def apply(**overrides: Any) -> None:
        settings.REST_AUTH = {**settings.REST_AUTH, **overrides}

    return apply


@pytest.fixture
def sent_mail(mailoutbox: list[Any]) -> Callable[..., list[Any]]:
    """Wait for the mail a server sends after its answer (``rest_auth.mail``): the test
    client returns once it is sent, a live server's thread sends it a moment later."""

    def wait(count: int = 1, timeout: float = 5.0) -> list[Any]:
        deadline = time.monotonic() + timeout
        while len(mailoutbox) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return list(mailoutbox)

    return wait


@pytest.fixture
def unthrottled(settings: Any) -> None:
    """Rates no test reaches: a 429 would hide what the serializer does."""
    framework = settings.REST_FRAMEWORK
    rates = {scope: "1000000/minute" for scope in framework.get("DEFAULT_THROTTLE_RATES", {})}
    settings.REST_FRAMEWORK = {**framework, "DEFAULT_THROTTLE_RATES": rates}


@pytest.fixture
def throttle_rates(settings: Any) -> Callable[..., None]:
    """Change some throttle rates for one test."""

    def apply(**rates: str) -> None:
        framework = settings.REST_FRAMEWORK
        settings.REST_FRAMEWORK = {
            **framework,
            "DEFAULT_THROTTLE_RATES": {**framework["DEFAULT_THROTTLE_RATES"], **rates},
        }

    return apply
