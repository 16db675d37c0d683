"""Fixtures of the social login tests, and the registration ones they share.

``provider`` runs a test once per provider this project was generated with, against a
fake of it (``fake_<provider>.py``) registered as that provider's OAuth app. Every HTTP
call allauth makes goes to the fakes (fake_provider.py); none reaches the network.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

import pytest
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.urls import reverse
from rest_framework.test import APIClient

from rest_auth.registration.social.checks import generated_providers
from rest_auth.registration.tests.conftest import *  # noqa: F403 - the registration fixtures
from rest_auth.registration.tests.conftest import (  # noqa: F401 - autouse, private
    _baseline_login_method,
    _fresh_throttle_counters,
)

from .fake_provider import FakeProvider, FakeTransport, Identity


def fake_classes() -> list[type[FakeProvider]]:
    """Return the fake of each provider this project routes: ``FAKE`` of ``fake_<id>``."""
    return [
        importlib.import_module(f"{__package__}.fake_{provider}").FAKE
        for provider in generated_providers()
    ]


@pytest.fixture(autouse=True)
def transport(monkeypatch: pytest.MonkeyPatch) -> FakeTransport:
    """allauth's provider sessions, with the fakes in place of the network."""
    transport = FakeTransport([])
    real_session = DefaultSocialAccountAdapter.get_requests_session

    def session(adapter: DefaultSocialAccountAdapter) -> Any:
        session = real_session(adapter)  # keeps allauth's timeout on every request
        session.mount("https://", transport)
        session.mount("http://", transport)
        return session

    monkeypatch.setattr(DefaultSocialAccountAdapter, "get_requests_session", session)
    return transport


def set_app(django_settings: Any, provider_id: str, **fields: Any) -> None:
    """Change fields of a provider's APP in SOCIALACCOUNT_PROVIDERS for one test."""
    providers = django_settings.SOCIALACCOUNT_PROVIDERS
    configured = providers[provider_id]
    django_settings.SOCIALACCOUNT_PROVIDERS = {
        **providers,
        provider_id: {**configured, "APP": {**configured["APP"], **fields}},
    }


def use_fake(settings: Any, transport: FakeTransport, fake: FakeProvider) -> FakeProvider:
    """Make the fake the provider's app: its credentials, its redirect URI, its URLs."""
    set_app(
        settings,
        fake.provider_id,
        client_id=fake.client_id,
        secret=fake.secret,
        settings={"callback_url": fake.callback_url},
    )
    transport.providers.append(fake)
    return fake


@pytest.fixture(params=fake_classes(), ids=lambda fake: fake.provider_id)
def provider(request: pytest.FixtureRequest, settings: Any, transport: FakeTransport) -> Any:
    """Each generated provider in turn, played by its fake."""
    return use_fake(settings, transport, request.param())


@pytest.fixture
def identity() -> Identity:
    """Someone new to this site, with an address the provider verified."""
    return Identity(uid="4242", email="dana@example.com", username="dana")


def login_url(provider: FakeProvider) -> str:
    return reverse(f"{provider.provider_id}_login")


def connect_url(provider: FakeProvider) -> str:
    return reverse(f"{provider.provider_id}_connect")


def social_login(client: APIClient, provider: FakeProvider, **body: str) -> Any:
    return client.post(login_url(provider), body, format="json")


def with_code(provider: FakeProvider, identity: Identity) -> dict[str, str]:
    code, _ = provider.grant(identity)
    return {"code": code}


def with_access_token(provider: FakeProvider, identity: Identity) -> dict[str, str]:
    _, token = provider.grant(identity)
    return {"access_token": token}


@pytest.fixture(params=[with_code, with_access_token], ids=["code", "access_token"])
def proof(request: pytest.FixtureRequest) -> Any:
    """Each way a client proves a provider identity: an authorization code (web apps) or
    an access token (mobile apps)."""
    return request.param


def iter_messages(response: Any) -> Iterator[str]:
    body = response.json()
    for value in body.values():
        yield from value if isinstance(value, list) else [value]
