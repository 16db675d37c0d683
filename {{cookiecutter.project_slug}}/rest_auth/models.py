"""The API token model in use, checked: dj-rest-auth's ``get_token_model()``.

rest_auth keeps its own models in its feature packages (``rest_auth.tokens``); this module
holds no model.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model

from .app_settings import api_settings


def get_token_model() -> type[Model] | None:
    """Return TOKEN_MODEL, or raise ImproperlyConfigured if no login method can work.

    With none of TOKEN_MODEL, USE_JWT and SESSION_LOGIN a login would hand out nothing;
    DRF's Token without ``rest_framework.authtoken`` installed has no table.
    """
    token_model = api_settings.TOKEN_MODEL
    if not any((token_model, api_settings.USE_JWT, api_settings.SESSION_LOGIN)):
        raise ImproperlyConfigured(
            "No authentication is configured for rest auth: set TOKEN_MODEL, or turn on "
            "USE_JWT or SESSION_LOGIN in REST_AUTH."
        )
    if (
        token_model
        and token_model._meta.app_label == "authtoken"
        and not apps.is_installed("rest_framework.authtoken")
    ):
        raise ImproperlyConfigured(
            "TOKEN_MODEL is DRF's Token: add 'rest_framework.authtoken' to INSTALLED_APPS, "
            "or set REST_AUTH['TOKEN_MODEL'] to another model or None."
        )
    return token_model


def __getattr__(name: str) -> Any:
    # dj-rest-auth's module-level TokenModel, read when asked for (settings may change
    # after import, e.g. override_settings in tests).
    if name == "TokenModel":
        return get_token_model()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
