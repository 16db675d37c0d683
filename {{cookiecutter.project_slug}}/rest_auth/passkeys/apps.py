from django.apps import AppConfig


class PasskeysConfig(AppConfig):
    name = "rest_auth.passkeys"
    label = "passkeys"
    verbose_name = "Passkeys"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the passkey system checks
