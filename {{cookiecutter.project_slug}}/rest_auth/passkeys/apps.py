from rest_auth.features import FeatureConfig


class PasskeysConfig(FeatureConfig):
    # The app's config, not the FeatureConfig this module imports (see rest_auth.features).
    default = True
    name = "rest_auth.passkeys"
    label = "passkeys"
    verbose_name = "Passkeys"
    default_auto_field = "django.db.models.BigAutoField"
    settings_module = "rest_auth.passkeys.app_settings"
    checks_module = "rest_auth.passkeys.checks"
    default_throttle_rates = "rest_auth.passkeys.throttling.DEFAULT_RATES"
