from typing import Any

from django.apps import apps
from django.core.checks import CheckMessage, Warning, register


@register()
def check_example(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    # Registered for good once imported: silent again once the app is uninstalled.
    if not apps.is_installed("rest_auth.tests.example_feature"):
        return []
    return [Warning("The example feature is installed.", id="rest_auth_example.W001")]
