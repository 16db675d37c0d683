"""The API token model in use, checked: dj-rest-auth's ``get_token_model()``.

rest_auth keeps its own models in its feature packages; this module holds no model.
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
    try:
        token_model = api_settings.TOKEN_MODEL
    except RuntimeError as exc:  # Django refuses to import a model of an app not installed
        raise ImproperlyConfigured(
            f"TOKEN_MODEL names a model whose app is not in INSTALLED_APPS (for DRF's Token: "
            f"'rest_framework.authtoken'), or set REST_AUTH['TOKEN_MODEL'] to None: {exc}"
        ) from exc
    if not any((token_model, api_settings.USE_JWT, api_settings.SESSION_LOGIN)):
        raise ImproperlyConfigured(
            "No authentication is configured for rest auth: set TOKEN_MODEL, or turn on "
            "USE_JWT or SESSION_LOGIN in REST_AUTH."
        )
    if token_model and not model_app_installed(token_model):
        raise ImproperlyConfigured(
            f"TOKEN_MODEL is {token_model.__module__}.{token_model.__name__}: add its app to "
            "INSTALLED_APPS ('rest_framework.authtoken' for DRF's Token), or set "
            "REST_AUTH['TOKEN_MODEL'] to another model or None."
        )
    return token_model


def model_app_installed(model: type[Model]) -> bool:
    """Is the app of the module defining ``model`` installed (so it has a table)?

    DRF's Token turns abstract when imported without its app, and keeps its table name
    when the app is removed later (a test's modify_settings): check the defining module.
    """
    app = model.__module__.rpartition(".models")[0]
    return not model._meta.abstract and (not app or apps.is_installed(app))


def __getattr__(name: str) -> Any:
    # dj-rest-auth's module-level TokenModel, read when asked for (settings may change
    # after import, e.g. override_settings in tests).
    if name == "TokenModel":
        return get_token_model()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
