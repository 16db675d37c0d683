"""Social login endpoints: log in or sign up with a provider account, connect one to the
logged-in user, list and disconnect them.

Each provider's own views (``social_<provider>.py`` beside this module) subclass
SocialLoginView and SocialConnectView and name allauth's ``adapter_class``, as with
dj-rest-auth. A social login answers exactly as the login endpoint does
(LoginResponseMixin): the same token, JWT pair and cookies, or session.
"""

from __future__ import annotations

from typing import Any

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.models import SocialAccount
from allauth.socialaccount.providers.oauth2.client import OAuth2Client
from allauth.socialaccount.providers.oauth2.views import OAuth2Adapter
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from rest_auth.throttling import LOGIN_SCOPE
from rest_auth.views import LoginResponseMixin

from ..views import VERIFICATION_SENT
from . import flows
from .serializers import (
    SocialAccountSerializer,
    SocialConnectSerializer,
    SocialLoginSerializer,
)

# Keeps provider tokens and codes out of error reports.
sensitive_social_fields = method_decorator(
    sensitive_post_parameters("access_token", "code", "id_token", "token_secret"), name="dispatch"
)


@sensitive_social_fields
class SocialLoginView(LoginResponseMixin, GenericAPIView):
    """Log in with a provider: POST ``access_token``, ``code`` or ``id_token``.

    An account new to this site is signed up (201 ``{"detail": "Verification e-mail
    sent."}`` when ACCOUNT_EMAIL_VERIFICATION is mandatory and the provider did not verify
    the address); otherwise the answer is the login endpoint's. A provider that does not
    answer is a 503; a token or code it refuses, a 400.
    """

    permission_classes = (AllowAny,)
    # The same limit as password login: both hand out credentials.
    throttle_scope = LOGIN_SCOPE
    serializer_class: type[BaseSerializer] = SocialLoginSerializer
    adapter_class: type[OAuth2Adapter] | None = None
    # Exchanges an authorization code for an access token.
    client_class: type[OAuth2Client] = OAuth2Client

    @property
    def callback_url(self) -> str:
        """The redirect URI the frontend sent to the provider with the code request: its
        APP ``settings["callback_url"]`` in SOCIALACCOUNT_PROVIDERS."""
        provider = self.adapter_class(self.request._request).get_provider()
        return provider.app.settings.get("callback_url", "")

    def get_serializer_class(self) -> type[BaseSerializer]:
        return self.serializer_class

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response | HttpResponse:
        self.serializer = self.get_serializer(data=request.data)
        self.serializer.is_valid(raise_exception=True)
        try:
            return self.login_with(self.serializer.validated_data["sociallogin"])
        except ImmediateHttpResponse as exc:
            # A SOCIALACCOUNT_ADAPTER's pre_social_login may answer itself.
            return exc.response

    def login_with(self, sociallogin: Any) -> Response:
        outcome = flows.sign_in(self.request._request, sociallogin)
        if outcome.verification_sent:
            return Response({"detail": VERIFICATION_SENT}, status=status.HTTP_201_CREATED)
        self.user = outcome.user
        self.issue_credentials()
        return self.get_response()


class SocialConnectView(SocialLoginView):
    """Connect a provider account to the logged-in user (the same input as login).

    Answers as a login of that user. An account already connected to another user is a
    400.
    """

    serializer_class = SocialConnectSerializer
    permission_classes = (IsAuthenticated,)

    def login_with(self, sociallogin: Any) -> Response:
        flows.connect(self.request._request, sociallogin, self.request.user)
        self.user = self.request.user
        self.issue_credentials()
        return self.get_response()


class SocialAccountListView(ListAPIView):
    """The provider accounts connected to the logged-in user."""

    serializer_class = SocialAccountSerializer
    permission_classes = (IsAuthenticated,)

    def get_queryset(self) -> QuerySet:
        return SocialAccount.objects.filter(user_id=self.request.user.pk).order_by("pk")


class SocialAccountDisconnectView(GenericAPIView):
    """Disconnect one of the user's provider accounts; answers with the removed account.

    The last one stays while the user has no usable password (nor, under mandatory
    verification, a verified address): 400, as the account could not log in again.
    """

    serializer_class = SocialAccountSerializer
    permission_classes = (IsAuthenticated,)

    def get_queryset(self) -> QuerySet:
        return SocialAccount.objects.filter(user_id=self.request.user.pk)

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        account = self.get_queryset().filter(pk=kwargs["pk"]).first()
        if account is None:
            raise NotFound()
        data = self.get_serializer(account).data
        flows.disconnect_account(request._request, account)
        return Response(data, status=status.HTTP_200_OK)
