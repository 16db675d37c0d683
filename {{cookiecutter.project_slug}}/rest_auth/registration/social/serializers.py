"""Serializers of social login (django-allauth's socialaccount providers).

A client proves who it is at a provider with one of:

- ``access_token``: an OAuth2 access token the client got itself (a mobile SDK);
- ``code``: the authorization code the provider sent to the frontend's callback page
  (an SPA); it is exchanged here for an access token, with the view's ``callback_url``;
- ``id_token``: an OpenID Connect ID token, for providers that accept one.

``validate()`` asks the provider who the token belongs to and puts the unsaved
``SocialLogin`` in ``validated_data["sociallogin"]``; the view decides what happens to it
(``rest_auth.registration.social.flows``). The view names the allauth ``adapter_class``
and the ``client_class`` used to exchange a code, as with dj-rest-auth.
"""

from __future__ import annotations

import logging
from typing import Any

import requests
from allauth.socialaccount.models import SocialAccount, SocialLogin, SocialToken
from allauth.socialaccount.providers.base import AuthProcess, ProviderException
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2Adapter
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers, status
from rest_framework.exceptions import APIException

logger = logging.getLogger(__name__)


def view_with_adapter(context: dict[str, Any]) -> Any:
    """The view in the serializer's context; it must name allauth's ``adapter_class``."""
    view = context.get("view")
    if view is None:
        raise serializers.ValidationError(_("View is not defined, pass it as a context variable"))
    if getattr(view, "adapter_class", None) is None:
        raise serializers.ValidationError(_("Define adapter_class in view"))
    return view


class ProviderUnavailable(APIException):
    """The provider did not answer (timeout, connection refused): not the client's fault."""

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _("The provider could not be reached. Try again later.")
    default_code = "provider_unavailable"


class SocialLoginSerializer(serializers.Serializer):
    """One of ``access_token``, ``code`` or ``id_token``, as the provider allows."""

    access_token = serializers.CharField(required=False, allow_blank=True, max_length=4096)
    code = serializers.CharField(required=False, allow_blank=True, max_length=4096)
    id_token = serializers.CharField(required=False, allow_blank=True, max_length=8192)

    missing_input_message = _("Incorrect input. access_token, code or id_token is required.")
    rejected_message = _("The provider did not accept this token or code.")
    code_exchange_message = _("Failed to exchange code for access token.")
    id_token_not_supported_message = _("This provider does not accept an id_token.")

    def _get_request(self) -> HttpRequest:
        request = self.context["request"]
        return getattr(request, "_request", request)

    def get_social_login(
        self, adapter: OAuth2Adapter, app: Any, token: SocialToken, response: dict[str, Any]
    ) -> SocialLogin:
        """Ask the provider who the token belongs to. Override to adjust the login."""
        social_login = adapter.complete_login(self._get_request(), app, token, response=response)
        social_login.token = token
        return social_login

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        view = view_with_adapter(self.context)
        adapter = view.adapter_class(self._get_request())
        provider = adapter.get_provider()
        try:
            if attrs.get("code"):
                login = self.login_from_code(view, adapter, provider, attrs["code"])
            elif attrs.get("access_token"):
                login = self.login_from_access_token(adapter, provider, attrs)
            elif attrs.get("id_token"):
                login = self.login_from_id_token(provider, attrs["id_token"])
            else:
                raise serializers.ValidationError(self.missing_input_message)
        except (requests.Timeout, requests.ConnectionError) as exc:
            logger.warning("Social login: %s did not answer: %s", provider.id, exc)
            raise ProviderUnavailable() from exc
        except (
            requests.RequestException,
            OAuth2Error,
            ProviderException,
            PermissionDenied,
            DjangoValidationError,
            ValueError,
            KeyError,
        ) as exc:
            # The provider answered, and not with an identity: its words stay in the logs.
            logger.info("Social login: %s refused: %r", provider.id, exc)
            raise serializers.ValidationError(self.rejected_message) from exc
        attrs["sociallogin"] = login
        return attrs

    def login_from_code(
        self, view: Any, adapter: OAuth2Adapter, provider: Any, code: str
    ) -> SocialLogin:
        app = provider.app
        client = view.client_class(
            self._get_request(),
            app.client_id,
            app.secret,
            adapter.access_token_method,
            adapter.access_token_url,
            view.callback_url,
            scope_delimiter=adapter.scope_delimiter,
            headers=adapter.headers,
            basic_auth=adapter.basic_auth,
        )
        try:
            response = client.get_access_token(code)
        except OAuth2Error as exc:
            logger.info("Social login: %s refused the code: %s", provider.id, exc)
            raise serializers.ValidationError(self.code_exchange_message) from exc
        # Tokens that came straight from the provider over TLS need no signature check.
        adapter.did_fetch_access_token = True
        token = adapter.parse_token(response)
        token.app = app if app.pk else None
        return self.get_social_login(adapter, app, token, response)

    def login_from_access_token(
        self, adapter: OAuth2Adapter, provider: Any, attrs: dict[str, Any]
    ) -> SocialLogin:
        response = {"access_token": attrs["access_token"]}
        if attrs.get("id_token"):
            # An OpenID provider reads the identity from the ID token (signature checked).
            response["id_token"] = attrs["id_token"]
        token = adapter.parse_token(response)
        token.app = provider.app if provider.app.pk else None
        return self.get_social_login(adapter, provider.app, token, response)

    def login_from_id_token(self, provider: Any, id_token: str) -> SocialLogin:
        if not getattr(provider, "supports_token_authentication", False):
            raise serializers.ValidationError(self.id_token_not_supported_message)
        # Verifies the signature against the provider's published keys, audience and expiry.
        return provider.verify_token(self._get_request(), {"id_token": id_token})


class SocialConnectMixin:
    """Mark the login a serializer makes as connecting an account to the logged-in user."""

    def get_social_login(self, *args: Any, **kwargs: Any) -> SocialLogin:
        social_login = super().get_social_login(*args, **kwargs)  # type: ignore[misc]
        social_login.state["process"] = AuthProcess.CONNECT
        return social_login


class SocialConnectSerializer(SocialConnectMixin, SocialLoginSerializer):
    """The same input, for adding a provider account to the logged-in user."""


class SocialAccountSerializer(serializers.ModelSerializer):
    """A provider account connected to the user (no tokens, no raw provider data)."""

    class Meta:
        model = SocialAccount
        fields = ("id", "provider", "uid", "last_login", "date_joined")
        read_only_fields = fields
