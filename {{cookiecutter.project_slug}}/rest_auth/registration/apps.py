from django.apps import AppConfig


class RegistrationConfig(AppConfig):
    name = "rest_auth.registration"
    # "registration" alone would clash too easily with a project's own app.
    label = "rest_auth_registration"
    verbose_name = "REST registration"

    def ready(self) -> None:
        from rest_auth import serializers as core

        from . import checks  # noqa: F401 - registers the system checks
        from .serializers import clean_username

        # User details take usernames by the same rules as sign-up (as with dj-rest-auth).
        if clean_username not in core.username_cleaners:
            core.username_cleaners.append(clean_username)
