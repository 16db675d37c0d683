"""Passkey serializers the tests configure through REST_AUTH, as a project owner would."""

from typing import Any

from rest_framework import serializers

from rest_auth.passkeys.serializers import (
    PasskeyListSerializer,
    PasskeyLoginBeginSerializer,
    PasskeyLoginCompleteSerializer,
    PasskeyRegisterBeginSerializer,
    PasskeyRegisterCompleteSerializer,
    PasskeyUpdateSerializer,
)


class NamedRegisterBeginSerializer(PasskeyRegisterBeginSerializer):
    """Every passkey must be named up front."""

    name = serializers.CharField(max_length=255)


class PoliteRegisterCompleteSerializer(PasskeyRegisterCompleteSerializer):
    def validate_name(self, value: str) -> str:
        if "rude" in value:
            raise serializers.ValidationError("Choose a polite name.")
        return value


class ScopedLoginBeginSerializer(PasskeyLoginBeginSerializer):
    """No usernameless logins: a username is required."""

    username = serializers.CharField()


class TermsLoginCompleteSerializer(PasskeyLoginCompleteSerializer):
    accept_terms = serializers.BooleanField()

    def validate_accept_terms(self, value: bool) -> bool:
        if not value:
            raise serializers.ValidationError("You must accept the terms.")
        return value


class ShortListSerializer(PasskeyListSerializer):
    class Meta(PasskeyListSerializer.Meta):
        fields = ("id", "name")
        read_only_fields = fields


class TrimmedUpdateSerializer(PasskeyUpdateSerializer):
    def validate_name(self, value: str) -> str:
        return value.strip().title()

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return {"name": instance.name}
