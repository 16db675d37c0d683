"""How an optional feature of rest_auth announces itself: its AppConfig names what it adds.

Each feature is a Django app (a folder of ``rest_auth/``) whose AppConfig subclasses
``FeatureConfig`` and names its modules::

    class ExampleConfig(FeatureConfig):
        default = True
        name = "rest_auth.example"
        settings_module = "rest_auth.example.app_settings"
        checks_module = "rest_auth.example.checks"

- ``settings_module`` defines ``DEFAULTS`` and ``IMPORT_STRINGS`` the way
  ``rest_auth.app_settings`` does; while the app is installed they join ``api_settings``.
  It may also define ``FOREIGN_SETTINGS`` (keys that are another library's settings, which
  ``manage.py check`` names as such in REST_AUTH) and ``CORE_DEFAULTS``: core settings
  whose default it replaces while it and the apps of its ``CORE_DEFAULTS_APPS`` are
  installed.
- ``checks_module`` is imported by ``ready()``; its ``@register``-ed checks run from then on.
- ``default_throttle_rates`` is the dotted path of a dict of the feature's throttle scopes
  and their default rates (``rest_auth.throttling.throttle_rates()`` merges them).
- ``core_test_support`` is the dotted path of a module that says how the core's tests
  (``rest_auth/tests/``) run with the feature installed (``rest_auth/tests/conftest.py``).
- ``library_names`` maps a dj-rest-auth name in a core module to where the feature keeps
  it (``{"rest_auth.serializers.ExampleSerializer":
  "rest_auth.example.serializers.ExampleSerializer"}``): the core module answers for it only
  while the feature is installed.

``default = True`` tells Django which of the two AppConfig subclasses in the app's
``apps.py`` is the app's (the other is the imported FeatureConfig). A subclass that
overrides ``ready()`` calls ``super().ready()``. Nothing looks for features
by file name: an app that is not installed adds nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from types import ModuleType
from typing import Any

from django.apps import AppConfig, apps
from django.conf import settings
from django.utils.module_loading import import_string


class FeatureConfig(AppConfig):
    """The AppConfig of an optional rest_auth feature (see the module docstring)."""

    settings_module: str | None = None
    checks_module: str | None = None
    default_throttle_rates: str | None = None
    core_test_support: str | None = None
    library_names: dict[str, str] = {}

    def ready(self) -> None:
        if self.checks_module is not None:
            importlib.import_module(self.checks_module)

    def get_settings_module(self) -> ModuleType | None:
        if self.settings_module is None:
            return None
        return importlib.import_module(self.settings_module)


def installed_features() -> Iterator[FeatureConfig]:
    """Yield the AppConfig of each installed feature, in INSTALLED_APPS order.

    Settings may be read before the app registry is ready: then each entry of
    INSTALLED_APPS is looked at as Django will (its ``apps.py``; no model is imported).
    """
    if apps.apps_ready:
        configs: Iterable[AppConfig] = apps.get_app_configs()
    else:
        configs = (AppConfig.create(entry) for entry in settings.INSTALLED_APPS)
    for config in configs:
        if isinstance(config, FeatureConfig):
            yield config


def app_installed(name: str) -> bool:
    """Return whether the app is installed, even before the app registry is ready."""
    if apps.apps_ready:
        return apps.is_installed(name)
    return name in settings.INSTALLED_APPS


def feature_settings_modules() -> Iterator[ModuleType]:
    """Yield the settings module of each installed feature that has one."""
    for config in installed_features():
        module = config.get_settings_module()
        if module is not None:
            yield module


def library_name(module: str, name: str) -> Any:
    """Return what an installed feature keeps under dj-rest-auth's ``module.name``.

    For a core module's ``__getattr__``; raises AttributeError when no feature has it.
    """
    if apps.apps_ready and not name.startswith("_"):
        for config in installed_features():
            target = config.library_names.get(f"{module}.{name}")
            if target is not None:
                return import_string(target)
    raise AttributeError(f"module {module!r} has no attribute {name!r}")
