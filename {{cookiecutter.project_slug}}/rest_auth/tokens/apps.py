from django.apps import AppConfig


class TokensConfig(AppConfig):
    name = "rest_auth.tokens"
    # Prefixed: "tokens" alone is a label other apps may well use.
    label = "rest_auth_tokens"
    verbose_name = "API tokens"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the token system checks
