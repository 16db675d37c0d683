"""Settings of the rest_auth app, read from the ``REST_AUTH`` dictionary of Django settings.

For example your project's settings might include::

    REST_AUTH = {
        "LOGIN_SERIALIZER": "myapp.serializers.LoginSerializer",
        "SESSION_LOGIN": False,
    }

Read them from ``api_settings``; dotted paths come back as the objects they name::

    from rest_auth.app_settings import api_settings

    api_settings.LOGIN_SERIALIZER  # the class, imported on first access

Values are resolved on first access and cached per attribute. The cache is dropped when
Django's ``setting_changed`` signal fires, so ``override_settings(REST_AUTH=...)`` works in
tests. Code that needs a setting reads it when it runs (per request), never at import.

Optional features keep their defaults beside their code: each feature app's AppConfig
(a ``rest_auth.features.FeatureConfig``) names its settings module, which defines
``DEFAULTS`` and ``IMPORT_STRINGS`` the same way as this one (and possibly
``FOREIGN_SETTINGS`` and ``CORE_DEFAULTS``: see ``rest_auth.features``). The features
installed join ``api_settings`` on first use.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.utils.module_loading import import_string

from .features import app_installed, feature_settings_modules

DEFAULTS: dict[str, Any] = {
    # Serializers
    "LOGIN_SERIALIZER": "rest_auth.serializers.LoginSerializer",
    "TOKEN_SERIALIZER": "rest_auth.serializers.TokenSerializer",
    "USER_DETAILS_SERIALIZER": "rest_auth.serializers.UserDetailsSerializer",
    "PASSWORD_RESET_SERIALIZER": "rest_auth.serializers.PasswordResetSerializer",
    "PASSWORD_RESET_CONFIRM_SERIALIZER": "rest_auth.serializers.PasswordResetConfirmSerializer",
    "PASSWORD_CHANGE_SERIALIZER": "rest_auth.serializers.PasswordChangeSerializer",
    # Token: the model whose rows are API keys (None: no API keys), and what creates them
    "TOKEN_MODEL": "rest_framework.authtoken.models.Token",
    "TOKEN_CREATOR": "rest_auth.utils.default_create_token",
    # Behaviour
    "PASSWORD_RESET_USE_SITES_DOMAIN": False,
    "OLD_PASSWORD_FIELD_ENABLED": False,
    "LOGOUT_ON_PASSWORD_CHANGE": False,
    "SESSION_LOGIN": True,
    "USE_JWT": False,
}

# Settings whose values are dotted paths (or tuples of them) to import.
IMPORT_STRINGS: tuple[str, ...] = (
    "LOGIN_SERIALIZER",
    "TOKEN_SERIALIZER",
    "USER_DETAILS_SERIALIZER",
    "PASSWORD_RESET_SERIALIZER",
    "PASSWORD_RESET_CONFIRM_SERIALIZER",
    "PASSWORD_CHANGE_SERIALIZER",
    "TOKEN_MODEL",
    "TOKEN_CREATOR",
)


@cache
def all_defaults() -> tuple[dict[str, Any], frozenset[str]]:
    """Return the defaults and import strings of the core and of every installed feature."""
    defaults, import_strings = dict(DEFAULTS), set(IMPORT_STRINGS)
    replaced: dict[str, Any] = {}
    for module in feature_settings_modules():
        clash = defaults.keys() & module.DEFAULTS.keys()
        if clash:
            raise RuntimeError(f"{module.__name__} redefines REST_AUTH keys: {sorted(clash)}")
        defaults.update(module.DEFAULTS)
        import_strings.update(module.IMPORT_STRINGS)
        if all(app_installed(app) for app in getattr(module, "CORE_DEFAULTS_APPS", ())):
            replaced.update(getattr(module, "CORE_DEFAULTS", {}))
    defaults.update(replaced)
    return defaults, frozenset(import_strings)


def perform_import(value: Any, setting_name: str) -> Any:
    """Import a dotted path, or each path of a list or tuple; leave other values alone."""
    if isinstance(value, str):
        return import_from_string(value, setting_name)
    if isinstance(value, (list, tuple)):
        return tuple(import_from_string(item, setting_name) for item in value)
    return value


def import_from_string(value: str, setting_name: str) -> Any:
    try:
        return import_string(value)
    except ImportError as exc:
        raise ImportError(
            f"Could not import {value!r} for REST_AUTH setting {setting_name!r}: {exc}"
        ) from exc


class APISettings:
    """The REST_AUTH settings, as attributes with defaults and imported dotted paths."""

    def __init__(self, user_settings: dict[str, Any] | None = None) -> None:
        if user_settings is not None:
            self._user_settings = user_settings
        self._cached_attrs: set[str] = set()

    @property
    def defaults(self) -> dict[str, Any]:
        return all_defaults()[0]

    @property
    def import_strings(self) -> frozenset[str]:
        return all_defaults()[1]

    @property
    def user_settings(self) -> dict[str, Any]:
        if not hasattr(self, "_user_settings"):
            self._user_settings = getattr(settings, "REST_AUTH", None) or {}
        return self._user_settings

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("_") or attr not in self.defaults:
            raise AttributeError(f"Invalid REST_AUTH setting: {attr!r}")
        if attr in self.user_settings:
            value = self.user_settings[attr]
        else:
            value = self.defaults[attr]
        if attr in self.import_strings:
            value = perform_import(value, attr)
        self._cached_attrs.add(attr)
        setattr(self, attr, value)
        return value

    def reload(self, *, user_settings: bool = True) -> None:
        """Forget the resolved values (and, unless told not to, the REST_AUTH read)."""
        for attr in self._cached_attrs:
            # Code written for dj-rest-auth may have deleted a cached value itself.
            vars(self).pop(attr, None)
        self._cached_attrs.clear()
        if user_settings and hasattr(self, "_user_settings"):
            delattr(self, "_user_settings")


api_settings = APISettings()

# dj-rest-auth's names: settings it no longer accepts (none), and the REST_AUTH dictionary.
REMOVED_SETTINGS: list[str] = []


def __getattr__(name: str) -> Any:
    if name == "USER_SETTINGS":
        return getattr(settings, "REST_AUTH", None)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def reload_api_settings(*, setting: str, **kwargs: Any) -> None:
    if setting == "REST_AUTH":
        api_settings.reload()
    elif setting == "INSTALLED_APPS":
        # Which features are installed decides some defaults (CORE_DEFAULTS).
        all_defaults.cache_clear()
        api_settings.reload(user_settings=False)


setting_changed.connect(reload_api_settings)
