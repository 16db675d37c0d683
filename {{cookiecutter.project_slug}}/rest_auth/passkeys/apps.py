from django.apps import AppConfig


class PasskeysConfig(AppConfig):
    name = "rest_auth.passkeys"
    label = "passkeys"
    verbose_name = "Passkeys"
    default_auto_field = "django.db.models.BigAutoField"
    # The default rates of its throttle scopes (rest_auth.throttling.default_rates()).
    default_throttle_rates = "rest_auth.passkeys.throttling.DEFAULT_RATES"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the passkey system checks
