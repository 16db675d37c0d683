"""Log in with Microsoft: dj-rest-auth's serializer for an access token sent as MSAL names it.

No route is generated for it; a project that adds allauth's ``microsoft`` provider names it
in its own view, as with dj-rest-auth.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from .serializers import SocialLoginSerializer


class MicrosoftLoginSerializer(SocialLoginSerializer):
    """Log in with a Microsoft access token, sent as ``accessToken`` (MSAL's name).

    The view names the allauth ``adapter_class`` (``MicrosoftGraphOAuth2Adapter``).
    """

    accessToken = serializers.CharField(max_length=4096)  # noqa: N815 - the client's name

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return super().validate({**attrs, "access_token": attrs["accessToken"]})
