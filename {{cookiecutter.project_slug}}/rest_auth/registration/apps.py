from django.apps import AppConfig


class RegistrationConfig(AppConfig):
    name = "rest_auth.registration"
    # "registration" alone would clash too easily with a project's own app.
    label = "rest_auth_registration"
    verbose_name = "REST registration"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the system checks
