"""API tokens in the Django admin: staff can see a user's tokens and revoke them."""

from django.contrib import admin

from .models import AuthToken


@admin.register(AuthToken)
class AuthTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "created", "expires")
    list_filter = ("created", "expires")
    search_fields = ("name",)
    list_select_related = ("user",)
    fields = ("user", "name", "created", "expires")
    readonly_fields = ("user", "name", "created", "expires")

    # A key exists only in the login response that issued it: the admin cannot show one,
    # so it does not create any. Deleting a token revokes it.
    def has_add_permission(self, request) -> bool:  # noqa: ANN001 - Django's signature
        return False
