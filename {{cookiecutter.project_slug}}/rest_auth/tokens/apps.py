from rest_auth.features import FeatureConfig


class TokensConfig(FeatureConfig):
    # The app's config, not the FeatureConfig this module imports (see rest_auth.features).
    default = True
    name = "rest_auth.tokens"
    # Prefixed: "tokens" alone is a label other apps may well use.
    label = "rest_auth_tokens"
    verbose_name = "API tokens"
    default_auto_field = "django.db.models.BigAutoField"
    checks_module = "rest_auth.tokens.checks"
