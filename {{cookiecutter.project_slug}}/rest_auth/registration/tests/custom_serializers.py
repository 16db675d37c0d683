"""Register serializers and permissions the tests configure through REST_AUTH."""

from typing import Any

from django.contrib.auth import get_user_model
from rest_framework import serializers
from rest_framework.permissions import BasePermission

from rest_auth.registration.serializers import RegisterSerializer


class CustomRegisterSerializer(RegisterSerializer):
    """The reference's example, unchanged but for the import path."""

    phone_number = serializers.CharField(max_length=20, required=False)

    def custom_signup(self, request, user):
        user.profile.phone_number = self.validated_data.get("phone_number", "")
        user.profile.save()


class InviteCodeRegisterSerializer(serializers.Serializer):
    """Not a RegisterSerializer at all: only the documented contract, save(request)."""

    invite_code = serializers.CharField()
    username = serializers.CharField()
    email = serializers.EmailField()
    password1 = serializers.CharField()

    def validate_invite_code(self, value: str) -> str:
        if value != "let-me-in":
            raise serializers.ValidationError("Unknown invite code.")
        return value

    def save(self, request: Any) -> Any:  # type: ignore[override]
        data = self.validated_data
        return get_user_model().objects.create_user(
            username=data["username"], email=data["email"], password=data["password1"]
        )


class DenyAll(BasePermission):
    message = "Sign-up is by invitation only."

    def has_permission(self, request: Any, view: Any) -> bool:
        return False
