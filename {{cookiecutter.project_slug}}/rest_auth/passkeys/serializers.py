"""Serializers of the passkey endpoints; each can be replaced through REST_AUTH.

They validate input and shape output. The ceremonies themselves (challenges, the
``webauthn`` library, storing credentials) are in ``ceremonies.py``, called by the views.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from webauthn.helpers import bytes_to_base64url

from .models import Passkey

MALFORMED_CREDENTIAL = _("Expected the JSON of a PublicKeyCredential (credential.toJSON()).")


class CredentialField(serializers.JSONField):
    """What ``credential.toJSON()`` returns in the browser: an object with an ``id``, a
    ``rawId``, ``type: "public-key"`` and a ``response`` object.

    Only the outline is checked here, so a wrong shape is a clear field error; the
    ceremony verifies the content.
    """

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        value = super().to_internal_value(data)
        well_formed = (
            isinstance(value, dict)
            and isinstance(value.get("id"), str)
            and isinstance(value.get("rawId"), str)
            and value.get("type") == "public-key"
            and isinstance(value.get("response"), dict)
            and isinstance(value["response"].get("clientDataJSON"), str)
        )
        if not well_formed:
            raise serializers.ValidationError(MALFORMED_CREDENTIAL)
        return value


def name_field() -> serializers.CharField:
    return serializers.CharField(max_length=255, required=False, allow_blank=True)


class PasskeyRegisterBeginSerializer(serializers.Serializer):
    """Starts registering a passkey for the logged-in user; ``name`` labels it."""

    name = name_field()


class PasskeyRegisterCompleteSerializer(serializers.Serializer):
    """The browser's answer to the creation options, and an optional ``name``."""

    credential = CredentialField()
    name = name_field()


class PasskeyLoginBeginSerializer(serializers.Serializer):
    """Starts a passkey login. Without ``username`` and ``email`` it is usernameless."""

    username = serializers.CharField(required=False, allow_blank=True, max_length=254)
    email = serializers.EmailField(required=False, allow_blank=True)


class PasskeyLoginCompleteSerializer(serializers.Serializer):
    """The browser's answer to the request options, with the ``session_id`` of begin."""

    credential = CredentialField()
    session_id = serializers.CharField(max_length=64)


class PasskeyListSerializer(serializers.ModelSerializer):
    """A passkey as the user sees it; the credential id in base64url, as browsers show it."""

    credential_id = serializers.SerializerMethodField()

    class Meta:
        model = Passkey
        fields = (
            "id",
            "name",
            "credential_id",
            "created_at",
            "last_used_at",
            "transports",
            "discoverable",
        )
        read_only_fields = fields

    def get_credential_id(self, passkey: Passkey) -> str:
        return bytes_to_base64url(bytes(passkey.credential_id))


class PasskeyUpdateSerializer(serializers.ModelSerializer):
    """What the owner may change: the name."""

    class Meta:
        model = Passkey
        fields = ("name",)
        extra_kwargs = {"name": {"allow_blank": False}}
