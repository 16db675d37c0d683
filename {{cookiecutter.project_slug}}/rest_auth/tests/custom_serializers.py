"""Serializers the tests configure through REST_AUTH, as a project owner would.

Like an owner, they subclass what this project configures: an optional feature may point
LOGIN_SERIALIZER or the password reset serializers at its own classes (REST_AUTH in
config/settings.py).
"""

import importlib
import os
from typing import Any

from django.utils.module_loading import import_string
from rest_framework import serializers

from rest_auth.app_settings import DEFAULTS
from rest_auth.serializers import PasswordChangeSerializer, TokenSerializer, UserDetailsSerializer


def configured(key: str) -> type:
    """The class the settings module names for a REST_AUTH key, else the default.

    Read from the settings module itself: a test that points the key at a class of this
    file has overridden django.conf.settings while this file is first imported.
    """
    module = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
    written = getattr(module, "REST_AUTH", {})
    return import_string(written.get(key, DEFAULTS[key]))


LoginSerializer = configured("LOGIN_SERIALIZER")
PasswordResetSerializer = configured("PASSWORD_RESET_SERIALIZER")
PasswordResetConfirmSerializer = configured("PASSWORD_RESET_CONFIRM_SERIALIZER")


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
