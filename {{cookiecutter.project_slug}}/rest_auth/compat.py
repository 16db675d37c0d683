"""dj-rest-auth's names in the modules where it defines them, when a feature keeps the code
in its own app.

dj-rest-auth defines the views, serializers and forms of its optional features in its core
modules (``registration/views.py``, ``forms.py``, ...); here each optional feature keeps
them in its own app, generated only with the feature. The feature's AppConfig names them
in ``library_names``: dj-rest-auth's module path, and the dotted paths of the objects that
stand for its names there::

    library_names = {"<dj-rest-auth's module, under rest_auth>": ["<dotted path>", ...]}

The module at that path looks a name it does not define up here (its ``__getattr__``), so
importing a name from the library's module path works here too.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.utils.module_loading import import_string


def library_name(module: str, name: str) -> Any:
    """Return what an installed feature declares as dj-rest-auth's ``module.name``.

    Raise AttributeError when no installed feature declares it (or before the app registry
    is populated: Python's machinery asks modules for dunder names early).
    """
    if name.startswith("_") or not apps.apps_ready:
        raise AttributeError(f"module {module!r} has no attribute {name!r}")
    for config in apps.get_app_configs():
        for dotted_path in getattr(config, "library_names", {}).get(module, ()):
            if dotted_path.rpartition(".")[2] == name:
                return import_string(dotted_path)
    raise AttributeError(f"module {module!r} has no attribute {name!r}")
