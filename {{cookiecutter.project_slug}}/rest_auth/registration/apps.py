from rest_auth.features import FeatureConfig


class RegistrationConfig(FeatureConfig):
    # The app's config, not the FeatureConfig this module imports (see rest_auth.features).
    default = True
    name = "rest_auth.registration"
    # "registration" alone would clash too easily with a project's own app.
    label = "rest_auth_registration"
    verbose_name = "REST registration"
    settings_module = "rest_auth.registration.app_settings"
    checks_module = "rest_auth.registration.checks"
    default_throttle_rates = "rest_auth.registration.throttling.DEFAULT_RATES"
    core_test_support = "rest_auth.registration.tests.core_support"
    library_names = {
        "rest_auth.forms.AllAuthPasswordResetForm": (
            "rest_auth.registration.forms.AllAuthPasswordResetForm"
        ),
        "rest_auth.forms.default_url_generator": (
            "rest_auth.registration.forms.default_url_generator"
        ),
    }

    def ready(self) -> None:
        super().ready()
        from rest_auth import serializers as core

        from .serializers import clean_username

        # User details take usernames by the same rules as sign-up (as with dj-rest-auth).
        if clean_username not in core.username_cleaners:
            core.username_cleaners.append(clean_username)
