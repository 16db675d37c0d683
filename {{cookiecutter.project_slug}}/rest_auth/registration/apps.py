from django.apps import AppConfig


class RegistrationConfig(AppConfig):
    name = "rest_auth.registration"
    # "registration" alone would clash too easily with a project's own app.
    label = "rest_auth_registration"
    verbose_name = "REST registration"
    # dj-rest-auth's names that live here, by the module dj-rest-auth defines them in
    # (rest_auth/compat.py serves them from there).
    library_names = {
        "rest_auth.forms": [
            "rest_auth.registration.forms.AllAuthPasswordResetForm",
            "rest_auth.registration.forms.default_url_generator",
        ]
    }
    # How the core tests (rest_auth/tests/) run with it (rest_auth/tests/conftest.py).
    core_test_support = "rest_auth.registration.tests.core_support"
    # The default rates of its throttle scopes (rest_auth.throttling.default_rates()).
    default_throttle_rates = "rest_auth.registration.throttling.DEFAULT_RATES"

    def ready(self) -> None:
        from rest_auth import serializers as core

        from . import checks  # noqa: F401 - registers the system checks
        from .serializers import clean_username

        # User details take usernames by the same rules as sign-up (as with dj-rest-auth).
        if clean_username not in core.username_cleaners:
            core.username_cleaners.append(clean_username)
