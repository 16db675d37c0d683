"""What the social login tests send (a login or connect with a proof of identity) and read
(the messages of an answer)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from rest_framework.test import APIClient

from .fake_provider import FakeProvider, Identity


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


def iter_messages(response: Any) -> Iterator[str]:
    body = response.json()
    for value in body.values():
        yield from value if isinstance(value, list) else [value]
