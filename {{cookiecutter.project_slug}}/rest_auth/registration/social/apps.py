from rest_auth.features import FeatureConfig

VIEWS = "rest_auth.registration.social.views"
SERIALIZERS = "rest_auth.registration.social.serializers"


class SocialConfig(FeatureConfig):
    """Social login and connect with django-allauth's socialaccount providers."""

    # The app's config, not the FeatureConfig this module imports (see rest_auth.features).
    default = True
    name = "rest_auth.registration.social"
    label = "rest_auth_social"
    verbose_name = "REST social login"
    checks_module = "rest_auth.registration.social.checks"
    # dj-rest-auth defines these in registration/views.py and registration/serializers.py.
    library_names = {
        **{
            f"rest_auth.registration.views.{name}": f"{VIEWS}.{name}"
            for name in (
                "SocialLoginView",
                "SocialConnectView",
                "SocialAccountListView",
                "SocialAccountDisconnectView",
            )
        },
        **{
            f"rest_auth.registration.serializers.{name}": f"{SERIALIZERS}.{name}"
            for name in (
                "SocialLoginSerializer",
                "SocialConnectMixin",
                "SocialConnectSerializer",
                "SocialAccountSerializer",
            )
        },
    }
