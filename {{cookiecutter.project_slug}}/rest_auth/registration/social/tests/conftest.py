"""Fixtures of the social login tests, and the registration ones they share.

``provider`` runs a test once per provider this project was generated with, against a
fake of it (``fake_<provider>.py``) registered as that provider's OAuth app. Every HTTP
call allauth makes goes to the fakes (fake_provider.py); none reaches the network.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter

from rest_auth.registration.tests.conftest import *  # noqa: F403 - the registration fixtures
from rest_auth.registration.tests.conftest import (  # noqa: F401 - autouse, private
    _baseline_login_method,
    _fresh_throttle_counters,
)

from .fake_provider import FakeTransport, Identity
from .fakes import fake_classes, use_fake
from .login_requests import with_access_token, with_code


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


@pytest.fixture(params=fake_classes(), ids=lambda fake: fake.provider_id)
def provider(request: pytest.FixtureRequest, settings: Any, transport: FakeTransport) -> Any:
    """Each generated provider in turn, played by its fake."""
    return use_fake(settings, transport, request.param())


@pytest.fixture
def identity() -> Identity:
    """Someone new to this site, with an address the provider verified."""
    return Identity(uid="4242", email="dana@example.com", username="dana")


@pytest.fixture(params=[with_code, with_access_token], ids=["code", "access_token"])
def proof(request: pytest.FixtureRequest) -> Any:
    """Each way a client proves a provider identity: an authorization code (web apps) or
    an access token (mobile apps)."""
    return request.param


def iter_messages(response: Any) -> Iterator[str]:
    body = response.json()
    for value in body.values():
        yield from value if isinstance(value, list) else [value]
