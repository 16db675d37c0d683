"""dj-rest-auth's names in the modules where it defines them, when this project keeps the
code in a feature module instead.

dj-rest-auth defines its social login views in ``registration/views.py`` and their
serializers in ``registration/serializers.py``; here each optional feature keeps them in
its own module (``<feature>_views.py``, ``<feature>_serializers.py``), generated only with
the feature, or in the feature's package (``registration/forms.py``). ``forms``,
``registration.views`` and ``registration.serializers`` look a name they do not define up
in those modules, so importing a name from the library's module path works here too.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from collections.abc import Iterator
from types import ModuleType
from typing import Any


def feature_modules(package: str, suffix: str) -> Iterator[ModuleType]:
    """Modules ``<package>.<feature>_<suffix>`` and ``<package>.<feature>.<suffix>``."""
    for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
        if info.name == "tests":
            continue
        if not info.ispkg and info.name.endswith(f"_{suffix}"):
            yield importlib.import_module(f"{package}.{info.name}")
        elif info.ispkg and importlib.util.find_spec(f"{package}.{info.name}.{suffix}"):
            yield importlib.import_module(f"{package}.{info.name}.{suffix}")


def defined_in_feature_modules(package: str, suffix: str, name: str) -> Any:
    """The object called ``name`` defined in one of the feature modules of ``package``."""
    if not name.startswith("_"):
        for module in feature_modules(package, suffix):
            # vars(), not getattr(): the calling module is one of these, and its own
            # __getattr__ would ask here again.
            value = vars(module).get(name)
            if getattr(value, "__module__", None) == module.__name__:
                return value
    raise AttributeError(name)
