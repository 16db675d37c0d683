"""Serializers the tests configure through REST_AUTH, as a project owner would."""

from typing import Any

from rest_framework import serializers

from rest_auth.serializers import (
    LoginSerializer,
    PasswordChangeSerializer,
    PasswordResetConfirmSerializer,
    PasswordResetSerializer,
    TokenSerializer,
    UserDetailsSerializer,
)


class TermsLoginSerializer(LoginSerializer):
    """Login that also requires accepting the terms."""

    accept_terms = serializers.BooleanField()

    def validate_accept_terms(self, value: bool) -> bool:
        if not value:
            raise serializers.ValidationError("You must accept the terms.")
        return value


class TokenWithUserSerializer(TokenSerializer):
    username = serializers.CharField(source="user.username", read_only=True)


class NameOnlyUserSerializer(UserDetailsSerializer):
    class Meta(UserDetailsSerializer.Meta):
        fields = ("pk", "first_name")


class BrandedPasswordResetSerializer(PasswordResetSerializer):
    def get_email_options(self) -> dict[str, Any]:
        return {"extra_email_context": {"site_name": "Branded Inc"}}


def refuse_word(attrs: dict[str, Any]) -> None:
    if "forbidden" in attrs["new_password1"]:
        raise serializers.ValidationError({"new_password1": ["That word is not allowed."]})


class StrictPasswordResetConfirmSerializer(PasswordResetConfirmSerializer):
    def custom_validation(self, attrs: dict[str, Any]) -> None:
        refuse_word(attrs)


class StrictPasswordChangeSerializer(PasswordChangeSerializer):
    def custom_validation(self, attrs: dict[str, Any]) -> None:
        refuse_word(attrs)


def rotating_token_creator(token_model: Any, user: Any, serializer: Any) -> Any:
    """A TOKEN_CREATOR that issues a new token on every login."""
    token_model.objects.filter(user=user).delete()
    return token_model.objects.create(user=user)
