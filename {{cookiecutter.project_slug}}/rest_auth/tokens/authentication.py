"""``Authorization: Token <key>`` against hashed, expiring tokens (rest_auth.tokens.models)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from .models import AuthToken


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's token authentication (same header, same answers), for hashed keys.

    The key is looked up by its digest, with its user, in one query. An expired token is
    refused and deleted on the spot; ``manage.py clear_expired_tokens`` removes the ones
    nobody presents any more.
    """

    model = AuthToken

    def authenticate_credentials(self, key: str) -> tuple[Any, AuthToken]:
        model = self.get_model()
        try:
            token = model.objects.select_related("user").with_key(key).get()
        except model.DoesNotExist:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        if token.is_expired:
            token.delete()
            raise exceptions.AuthenticationFailed(_("Token has expired."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        return token.user, token
