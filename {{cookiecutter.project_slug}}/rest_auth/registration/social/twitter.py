"""Log in with Twitter (X), or connect its account: dj-rest-auth's OAuth 1.0a serializers.

No route is generated for it; a project that adds allauth's ``twitter`` provider names
these in its own views, as with dj-rest-auth.
"""

from __future__ import annotations

import logging
from typing import Any

import requests
from allauth.socialaccount.models import SocialLogin, SocialToken
from allauth.socialaccount.providers.base import ProviderException
from django.http import HttpRequest
from rest_framework import serializers

from .serializers import (
    ProviderUnavailable,
    SocialConnectMixin,
    SocialLoginSerializer,
    view_with_adapter,
)

logger = logging.getLogger(__name__)


class TwitterLoginSerializer(serializers.Serializer):
    """Log in with an OAuth 1.0a provider (allauth's ``twitter``): the user's
    ``access_token`` and ``token_secret``, which the client got from the provider.

    The view names the allauth ``adapter_class`` (``TwitterOAuthAdapter``); like
    SocialLoginSerializer, ``validate()`` asks the provider who the token belongs to and
    puts the unsaved ``SocialLogin`` in ``validated_data["sociallogin"]``.
    """

    access_token = serializers.CharField(max_length=4096)
    token_secret = serializers.CharField(max_length=4096)

    rejected_message = SocialLoginSerializer.rejected_message

    def _get_request(self) -> HttpRequest:
        request = self.context["request"]
        return getattr(request, "_request", request)

    def get_social_login(
        self, adapter: Any, app: Any, token: SocialToken, response: Any
    ) -> SocialLogin:
        """Ask the provider who the token belongs to. Override to adjust the login."""
        social_login = adapter.complete_login(self._get_request(), app, token, response=response)
        social_login.token = token
        return social_login

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        view = view_with_adapter(self.context)
        # allauth's OAuth 1.0a client needs requests-oauthlib, a dependency of OAuth 1.0a
        # providers only: imported when one is used.
        from allauth.socialaccount.providers.oauth.client import OAuthError, get_token_prefix

        request = self._get_request()
        adapter = view.adapter_class(request)
        provider = adapter.get_provider()
        app = provider.app
        token = SocialToken(token=attrs["access_token"], token_secret=attrs["token_secret"])
        token.app = app if app.pk else None
        # allauth's OAuth 1.0a client reads the user's token from the session; it is
        # there for this request only, so no session is stored for it.
        session_key = f"oauth_{get_token_prefix(adapter.access_token_url)}_access_token"
        request.session[session_key] = {
            "oauth_token": attrs["access_token"],
            "oauth_token_secret": attrs["token_secret"],
        }
        try:
            login = self.get_social_login(adapter, app, token, attrs["access_token"])
        except (requests.Timeout, requests.ConnectionError) as exc:
            logger.warning("Social login: %s did not answer: %s", provider.id, exc)
            raise ProviderUnavailable() from exc
        except (requests.RequestException, OAuthError, ProviderException, ValueError) as exc:
            logger.info("Social login: %s refused: %r", provider.id, exc)
            raise serializers.ValidationError(self.rejected_message) from exc
        finally:
            request.session.pop(session_key, None)
        attrs["sociallogin"] = login
        return attrs


class TwitterConnectSerializer(SocialConnectMixin, TwitterLoginSerializer):
    """The same input, for adding the provider account to the logged-in user."""
