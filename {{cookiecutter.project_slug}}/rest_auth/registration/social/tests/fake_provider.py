"""A fake OAuth2 provider, answering allauth's HTTP calls at the transport layer.

allauth makes every provider call through ``get_requests_session()`` of its
socialaccount adapter. The ``fake_providers`` fixture (conftest.py) mounts a
``FakeTransport`` on those sessions, so each request reaches the fake provider that
serves its URL instead of the network, and a URL no fake serves fails as an unreachable
host would. Nothing leaves the process.

A provider (``fake_<provider>.py``) lists its endpoints; each gets the prepared request
and answers with a status and a JSON body. ``failure`` makes every endpoint fail the way
a provider in trouble does: ``"error"`` answers 500, ``"timeout"`` never answers in time.
"""

from __future__ import annotations

import json
import secrets
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import requests
from requests.adapters import BaseAdapter

Answer = tuple[int, Any]


@dataclass
class Identity:
    """An account at the provider."""

    uid: str
    email: str | None = "dana@example.com"
    email_verified: bool = True
    username: str = "dana"
    first_name: str = "Dana"
    last_name: str = "Scully"


@dataclass
class FakeProvider(ABC):
    """The state of one provider: its OAuth app, issued codes and tokens, and failures."""

    provider_id = ""
    client_id: str = "fake-client-id"
    secret: str = "fake-client-secret"
    callback_url: str = "https://app.example.test/social/callback/"
    codes: dict[str, Identity] = field(default_factory=dict)
    tokens: dict[str, Identity] = field(default_factory=dict)
    failure: str | None = None
    # The timeout allauth passed with each request, in order.
    timeouts: list[Any] = field(default_factory=list)

    @abstractmethod
    def endpoints(self) -> dict[tuple[str, str], Callable[[requests.PreparedRequest], Answer]]:
        """``{(method, url): handler}``; each provider lists its own."""

    def grant(self, identity: Identity) -> tuple[str, str]:
        """What the provider hands the client for this account: a code and an access token."""
        code, token = secrets.token_urlsafe(16), secrets.token_urlsafe(24)
        self.codes[code] = identity
        self.tokens[token] = identity
        return code, token

    def redeem(self, request: requests.PreparedRequest) -> tuple[Identity | None, str]:
        """The account of a code exchange, if the code, app and redirect URI are right."""
        form = dict(parse_qsl(request.body or ""))
        app_ok = (form.get("client_id"), form.get("client_secret")) == (self.client_id, self.secret)
        identity = self.codes.pop(form.get("code", ""), None)  # a code works once
        if not app_ok or form.get("redirect_uri") != self.callback_url:
            identity = None
        token = next((key for key, value in self.tokens.items() if value is identity), "")
        return identity, token

    def bearer(self, request: requests.PreparedRequest) -> Identity | None:
        """The account of the access token in the Authorization header."""
        words = request.headers.get("Authorization", "").split()
        return self.tokens.get(words[-1]) if len(words) == 2 else None

    def answer(self, request: requests.PreparedRequest, timeout: Any) -> requests.Response:
        self.timeouts.append(timeout)
        if self.failure == "timeout":
            raise requests.ReadTimeout(f"{request.url} did not answer within {timeout}s")
        handler = self.endpoints().get((request.method, request.url.split("?")[0]))
        if handler is None:
            status, body = 404, {"message": "Not Found"}
        elif self.failure == "error":
            status, body = 500, {"error": "server_error"}
        else:
            status, body = handler(request)
        response = requests.Response()
        response.status_code = status
        response._content = json.dumps(body).encode()
        response.headers["Content-Type"] = "application/json"
        response.url, response.request, response.encoding = request.url, request, "utf-8"
        return response

    def serves(self, url: str) -> bool:
        return any(url.split("?")[0] == known for _, known in self.endpoints())


class FakeTransport(BaseAdapter):
    """A requests transport that hands each request to the fake provider serving it."""

    def __init__(self, providers: list[FakeProvider]) -> None:
        super().__init__()
        self.providers = providers

    def send(self, request: requests.PreparedRequest, timeout: Any = None, **kwargs: Any) -> Any:
        for provider in self.providers:
            if provider.serves(request.url):
                return provider.answer(request, timeout)
        raise requests.ConnectionError(f"tests never reach the network: {request.url}")

    def close(self) -> None:
        """Nothing to release."""
