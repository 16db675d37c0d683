"""Passkeys in the Django admin: staff can see and revoke a user's passkeys."""

from django.contrib import admin
from webauthn.helpers import bytes_to_base64url

from .models import Passkey


@admin.register(Passkey)
class PasskeyAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "discoverable", "created_at", "last_used_at")
    list_filter = ("discoverable", "created_at", "last_used_at")
    search_fields = ("name",)
    list_select_related = ("user",)
    fields = (
        "user",
        "name",
        "credential_id_base64url",
        "sign_count",
        "transports",
        "discoverable",
        "created_at",
        "last_used_at",
    )
    # A passkey is created by its authenticator; the admin may rename or delete it only.
    readonly_fields = (
        "user",
        "credential_id_base64url",
        "sign_count",
        "transports",
        "discoverable",
        "created_at",
        "last_used_at",
    )

    @admin.display(description="credential id")
    def credential_id_base64url(self, passkey: Passkey) -> str:
        return bytes_to_base64url(bytes(passkey.credential_id))

    def has_add_permission(self, request) -> bool:  # noqa: ANN001 - Django's signature
        return False
