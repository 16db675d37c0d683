from django.apps import AppConfig


class RestAuthConfig(AppConfig):
    name = "rest_auth"
    verbose_name = "REST authentication"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the system checks
        from .mail import connect_signals

        connect_signals()
