from typing import Any

from rest_framework import serializers

from rest_auth.app_settings import api_settings
from rest_auth.strategies import LoginStrategy


class GreetingSerializer(serializers.Serializer):
    greeting = serializers.CharField()


class ExampleStrategy(LoginStrategy):
    """Answers a login with a greeting, while EXAMPLE_ANSWER is on."""

    @classmethod
    def in_force(cls) -> bool:
        return api_settings.EXAMPLE_ANSWER

    def get_response_serializer(self) -> type:
        return GreetingSerializer

    def login_body(self, view: Any) -> Any:
        return {"greeting": f"{api_settings.EXAMPLE_GREETING} {view.user.get_username()}"}
