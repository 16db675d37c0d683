"""OpenAPI descriptions of the passkey endpoints (see rest_auth/schema.py)."""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiViewExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)

from rest_auth.app_settings import api_settings
from rest_auth.schema import (
    NOT_AUTHENTICATED,
    THROTTLED,
    VALIDATION_ERROR,
    described,
    login_responses,
)

TAG = "passkeys"
CEREMONY_FAILED = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description='The ceremony failed: `{"non_field_errors": ["..."]}` (a wrong, used or '
    "expired challenge, a credential that does not verify, or missing relying party settings).",
    examples=[
        OpenApiExample(
            "Not a credential",
            value={
                "credential": ["Expected the JSON of a PublicKeyCredential (credential.toJSON())."]
            },
        )
    ],
)
# What the begin endpoints answer, as webauthn's options_to_json() writes it (challenges
# and ids are base64url, different each time).
CREATION_OPTIONS_EXAMPLE = {
    "rp": {"name": "My API", "id": "localhost"},
    "user": {
        "id": "5_goUtMEkVcJp3yl5AUkIP7R6TLLkSNyqMzdznYBzKQ",
        "name": "admin",
        "displayName": "admin",
    },
    "challenge": (
        "IO9XWL4grED33sFIQjbovHe09Z-b3oZcOw0vkbp-h4lmAqK7qK-emyPVgACBGnIX0lr7fDUJ5EQei2l_4U-ajw"
    ),
    "pubKeyCredParams": [
        {"type": "public-key", "alg": -8},
        {"type": "public-key", "alg": -7},
        {"type": "public-key", "alg": -257},
    ],
    "timeout": 300000,
    "excludeCredentials": [],
    "authenticatorSelection": {
        "residentKey": "preferred",
        "requireResidentKey": False,
        "userVerification": "required",
    },
    "attestation": "none",
    "extensions": {"credProps": True},
}
REQUEST_OPTIONS_EXAMPLE = {
    "challenge": (
        "6NOJqeDcrMy-WQNC0syA-PquAFUpQU7IDjZwY8qx0uXP3h09Rx8WguKcfQgA-IO2N80p7HU4EvaeTM3C8b5lsQ"
    ),
    "timeout": 300000,
    "rpId": "localhost",
    "allowCredentials": [],
    "userVerification": "required",
    "session_id": "fwIjoKb7Bw3aRIwPf8sJYJQuH_Zz6z6Rlu-48FtLOno",
}
AUTHENTICATION_REQUIRED = {401: NOT_AUTHENTICATED, 403: NOT_AUTHENTICATED}


class PasskeyRegisterBeginViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.passkeys.views.PasskeyRegisterBeginView"

    def view_replacement(self) -> type:
        options = OpenApiResponse(
            OpenApiTypes.OBJECT,
            description="PublicKeyCredentialCreationOptions as JSON, for "
            "PublicKeyCredential.parseCreationOptionsFromJSON().",
            examples=[OpenApiExample("Creation options", value=CREATION_OPTIONS_EXAMPLE)],
        )
        return described(
            self.target_class,
            tag=TAG,
            operation_id="passkey_register_begin",
            summary="Start registering a passkey for the logged-in user",
            responses={200: options, 400: CEREMONY_FAILED, **AUTHENTICATION_REQUIRED},
        )


class PasskeyRegisterCompleteViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.passkeys.views.PasskeyRegisterCompleteView"

    def view_replacement(self) -> type:
        return described(
            self.target_class,
            tag=TAG,
            operation_id="passkey_register_complete",
            summary="Store the passkey the browser created (credential.toJSON())",
            responses={
                201: api_settings.PASSKEY_LIST_SERIALIZER,
                400: CEREMONY_FAILED,
                **AUTHENTICATION_REQUIRED,
            },
        )


class PasskeyLoginBeginViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.passkeys.views.PasskeyLoginBeginView"

    def view_replacement(self) -> type:
        options = OpenApiResponse(
            OpenApiTypes.OBJECT,
            description="PublicKeyCredentialRequestOptions as JSON, for "
            "PublicKeyCredential.parseRequestOptionsFromJSON(), plus the `session_id` to send "
            "back. The same shape whether or not the account exists.",
            examples=[OpenApiExample("Request options", value=REQUEST_OPTIONS_EXAMPLE)],
        )
        return described(
            self.target_class,
            tag=TAG,
            operation_id="passkey_login_begin",
            summary="Start logging in with a passkey (usernameless, or for one account)",
            responses={200: options, 400: VALIDATION_ERROR, 429: THROTTLED},
        )


class PasskeyLoginCompleteViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.passkeys.views.PasskeyLoginCompleteView"

    def view_replacement(self) -> type:
        return described(
            self.target_class,
            tag=TAG,
            operation_id="passkey_login_complete",
            summary="Log in with the passkey's signature; answers as password login does",
            responses={
                **login_responses(self.target_class),
                400: CEREMONY_FAILED,
                429: THROTTLED,
            },
        )


class PasskeyListViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.passkeys.views.PasskeyListView"

    def view_replacement(self) -> type:
        view = type(self.target_class.__name__, (self.target_class,), {})
        return extend_schema_view(
            get=extend_schema(
                tags=[TAG],
                operation_id="passkey_list",
                summary="The logged-in user's passkeys, newest first",
                responses={
                    200: api_settings.PASSKEY_LIST_SERIALIZER(many=True),
                    **AUTHENTICATION_REQUIRED,
                },
            ),
        )(view)


class PasskeyDetailViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.passkeys.views.PasskeyDetailView"

    def view_replacement(self) -> type:
        passkey = api_settings.PASSKEY_LIST_SERIALIZER
        not_found = OpenApiResponse(description="No such passkey of this user.")
        errors = {404: not_found, **AUTHENTICATION_REQUIRED}
        view = type(self.target_class.__name__, (self.target_class,), {})
        return extend_schema_view(
            get=extend_schema(
                tags=[TAG], operation_id="passkey_retrieve", responses={200: passkey, **errors}
            ),
            patch=extend_schema(
                tags=[TAG],
                operation_id="passkey_rename",
                request=api_settings.PASSKEY_UPDATE_SERIALIZER,
                responses={200: passkey, 400: VALIDATION_ERROR, **errors},
            ),
            delete=extend_schema(
                tags=[TAG], operation_id="passkey_delete", responses={204: None, **errors}
            ),
        )(view)
