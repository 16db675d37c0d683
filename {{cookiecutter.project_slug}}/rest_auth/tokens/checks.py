"""System checks of hashed API tokens (registered by TokensConfig.ready)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from rest_auth.app_settings import api_settings
from rest_auth.utils import default_create_token

from .authentication import TokenAuthentication
from .models import AuthToken


@register()
def check_tokens(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    return [*check_lifetime(), *check_token_settings()]


def check_lifetime() -> list[CheckMessage]:
    lifetime = getattr(settings, "API_TOKEN_LIFETIME", None)
    if lifetime is None or (isinstance(lifetime, timedelta) and lifetime > timedelta(0)):
        return []
    return [
        Error(
            f"API_TOKEN_LIFETIME must be a positive timedelta, not {lifetime!r}.",
            hint="e.g. API_TOKEN_LIFETIME = timedelta(days=30) (env API_TOKEN_DAYS).",
            id="rest_auth.E050",
        )
    ]


def imported(key: str) -> Any:
    """A dotted-path setting, imported; None when it cannot be (rest_auth.E004 says why)."""
    try:
        return getattr(api_settings, key)
    except ImportError:
        return None


def uses_hashed_tokens() -> bool:
    model = imported("TOKEN_MODEL")
    return isinstance(model, type) and issubclass(model, AuthToken)


def check_token_settings() -> list[CheckMessage]:
    if not isinstance(getattr(settings, "REST_AUTH", None) or {}, dict):
        return []  # rest_auth.E001 says what is wrong
    if not uses_hashed_tokens():
        return []
    from rest_framework.settings import api_settings as drf_settings

    errors: list[CheckMessage] = []
    classes = drf_settings.DEFAULT_AUTHENTICATION_CLASSES
    if not any(issubclass(cls, TokenAuthentication) for cls in classes):
        errors.append(
            Error(
                "REST_AUTH['TOKEN_MODEL'] stores hashed API tokens, but no authentication "
                "class in REST_FRAMEWORK['DEFAULT_AUTHENTICATION_CLASSES'] reads them: the "
                "keys login hands out would authenticate nothing.",
                hint="Add 'rest_auth.tokens.authentication.TokenAuthentication' (it replaces "
                "rest_framework.authentication.TokenAuthentication).",
                id="rest_auth.E051",
            )
        )
    if imported("TOKEN_CREATOR") is default_create_token:
        errors.append(
            Error(
                "REST_AUTH['TOKEN_CREATOR'] is the reference's default_create_token, which "
                "returns a user's existing token: a hashed token's key cannot be shown again.",
                hint="Set TOKEN_CREATOR to 'rest_auth.tokens.utils.create_token'.",
                id="rest_auth.E052",
            )
        )
    return errors
