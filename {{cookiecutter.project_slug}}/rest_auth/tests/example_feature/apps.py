from rest_auth.features import FeatureConfig


class ExampleFeatureConfig(FeatureConfig):
    default = True
    name = "rest_auth.tests.example_feature"
    label = "rest_auth_example_feature"
    settings_module = "rest_auth.tests.example_feature.app_settings"
    checks_module = "rest_auth.tests.example_feature.checks"
    library_names = {"rest_auth.serializers.ExampleName": "rest_auth.tests.example_feature.Name"}

    def ready(self) -> None:
        super().ready()
        from rest_auth.strategies import register_strategy

        from .strategy import ExampleStrategy

        register_strategy(ExampleStrategy)
