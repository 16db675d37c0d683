from django.apps import AppConfig


class SocialConfig(AppConfig):
    """Social login and connect with django-allauth's socialaccount providers."""

    name = "rest_auth.registration.social"
    label = "rest_auth_social"
    verbose_name = "REST social login"
    # dj-rest-auth's names that live here, by the module dj-rest-auth defines them in
    # (rest_auth/compat.py serves them from there).
    library_names = {
        "rest_auth.registration.views": [
            "rest_auth.registration.social.views.SocialLoginView",
            "rest_auth.registration.social.views.SocialConnectView",
            "rest_auth.registration.social.views.SocialAccountListView",
            "rest_auth.registration.social.views.SocialAccountDisconnectView",
        ],
        "rest_auth.registration.serializers": [
            "rest_auth.registration.social.serializers.SocialLoginSerializer",
            "rest_auth.registration.social.serializers.SocialConnectMixin",
            "rest_auth.registration.social.serializers.SocialConnectSerializer",
            "rest_auth.registration.social.serializers.SocialAccountSerializer",
        ],
    }

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the social login system checks
