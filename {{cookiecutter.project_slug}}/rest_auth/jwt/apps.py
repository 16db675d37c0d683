from django.apps import apps

from rest_auth.features import FeatureConfig


class JWTConfig(FeatureConfig):
    # The app's config, not the FeatureConfig this module imports (see rest_auth.features).
    default = True
    name = "rest_auth.jwt"
    # "jwt" alone is a label a project's own app may well use.
    label = "rest_auth_jwt"
    verbose_name = "JSON Web Tokens"
    settings_module = "rest_auth.jwt.app_settings"
    checks_module = "rest_auth.jwt.checks"
    core_test_support = "rest_auth.jwt.tests.core_support"
    library_names = {
        "rest_auth.serializers.JWTSerializer": "rest_auth.jwt.serializers.JWTSerializer",
        "rest_auth.serializers.JWTSerializerWithExpiration": (
            "rest_auth.jwt.serializers.JWTSerializerWithExpiration"
        ),
        "rest_auth.utils.jwt_encode": "rest_auth.jwt.tokens.jwt_encode",
    }

    def ready(self) -> None:
        super().ready()
        from rest_auth.strategies import register_strategy

        from .app_settings import BLACKLIST_APP
        from .strategy import JWTStrategy

        register_strategy(JWTStrategy)

        # With simplejwt's blacklist app, keep refresh tokens out of its table.
        if apps.is_installed(BLACKLIST_APP):
            from .revocation import connect_blacklist_receivers

            connect_blacklist_receivers()
