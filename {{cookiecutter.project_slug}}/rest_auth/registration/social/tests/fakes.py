"""Put fakes in place of the providers: the fake of each routed provider, and the settings
of a provider's OAuth app that point it at a fake."""

from __future__ import annotations

import importlib
from typing import Any

from rest_auth.registration.social.checks import generated_providers

from .fake_provider import FakeProvider, FakeTransport


def fake_classes() -> list[type[FakeProvider]]:
    """Return the fake of each provider this project routes: ``FAKE`` of ``fake_<id>``."""
    return [
        importlib.import_module(f"{__package__}.fake_{provider}").FAKE
        for provider in generated_providers()
    ]


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
