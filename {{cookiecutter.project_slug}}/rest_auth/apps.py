import importlib
import pkgutil

from django.apps import AppConfig


class RestAuthConfig(AppConfig):
    name = "rest_auth"
    verbose_name = "REST authentication"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the system checks
        from .mail import connect_signals

        connect_signals()
        import_module_checks()


def import_module_checks() -> None:
    """Register the checks of a feature still kept in flat modules (``<feature>_checks.py``).

    Transitional: feature apps register theirs through ``rest_auth.features.FeatureConfig``;
    this goes once no feature lives outside an app of its own.
    """
    package = importlib.import_module(__package__)
    for module in pkgutil.iter_modules(package.__path__):
        if not module.ispkg and module.name.endswith("_checks"):
            importlib.import_module(f"{__package__}.{module.name}")
