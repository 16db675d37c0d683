"""REST_AUTH keys of the passkeys feature; they join ``rest_auth.app_settings.api_settings``.

This module must not import ``webauthn`` (nor anything that does): the serializer paths
below are imported only when a passkey view first reads them.
"""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # Relying party: the site passkeys are bound to. Required; see checks.py.
    "PASSKEY_RP_ID": None,  # a host name, e.g. "example.com" (no scheme, no port)
    "PASSKEY_RP_NAME": None,  # shown by the browser when a passkey is created
    "PASSKEY_RP_ORIGINS": None,  # exact origins of the pages, e.g. ["https://example.com"]
    # Seconds between a ceremony's begin and complete calls.
    "PASSKEY_CHALLENGE_TIMEOUT": 300,
    # Serializers
    "PASSKEY_REGISTER_BEGIN_SERIALIZER": (
        "rest_auth.passkeys.serializers.PasskeyRegisterBeginSerializer"
    ),
    "PASSKEY_REGISTER_COMPLETE_SERIALIZER": (
        "rest_auth.passkeys.serializers.PasskeyRegisterCompleteSerializer"
    ),
    "PASSKEY_LOGIN_BEGIN_SERIALIZER": "rest_auth.passkeys.serializers.PasskeyLoginBeginSerializer",
    "PASSKEY_LOGIN_COMPLETE_SERIALIZER": (
        "rest_auth.passkeys.serializers.PasskeyLoginCompleteSerializer"
    ),
    "PASSKEY_LIST_SERIALIZER": "rest_auth.passkeys.serializers.PasskeyListSerializer",
    "PASSKEY_UPDATE_SERIALIZER": "rest_auth.passkeys.serializers.PasskeyUpdateSerializer",
}

IMPORT_STRINGS: tuple[str, ...] = (
    "PASSKEY_REGISTER_BEGIN_SERIALIZER",
    "PASSKEY_REGISTER_COMPLETE_SERIALIZER",
    "PASSKEY_LOGIN_BEGIN_SERIALIZER",
    "PASSKEY_LOGIN_COMPLETE_SERIALIZER",
    "PASSKEY_LIST_SERIALIZER",
    "PASSKEY_UPDATE_SERIALIZER",
)
