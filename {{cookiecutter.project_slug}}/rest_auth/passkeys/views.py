"""The passkey endpoints. Serializers come from REST_AUTH per request; each view calls one
ceremony step from ``ceremonies.py`` and turns its failure into a 400.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import exceptions, status
from rest_framework.generics import GenericAPIView, ListAPIView, RetrieveUpdateDestroyAPIView
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.throttling import BaseThrottle

from ..app_settings import api_settings
from ..throttling import LOGIN_SCOPE
from ..views import LoginResponseMixin
from . import ceremonies
from .models import Passkey
from .throttling import PasskeyBeginThrottle


class CeremonyFailed(exceptions.APIException):
    """A ceremony step refused the request: ``400 {"non_field_errors": [message]}``,
    the shape of a failed password login."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid"

    def __init__(self, error: ceremonies.PasskeyError) -> None:
        super().__init__({"non_field_errors": [error.message]})


class PasskeyRegisterBeginView(GenericAPIView):
    """Creation options for ``navigator.credentials.create()``."""

    permission_classes = (IsAuthenticated,)

    def get_serializer_class(self) -> type[BaseSerializer]:
        return api_settings.PASSKEY_REGISTER_BEGIN_SERIALIZER

    def get_throttles(self) -> list[BaseThrottle]:
        return [*super().get_throttles(), PasskeyBeginThrottle()]

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            options = ceremonies.begin_registration(
                request.user, serializer.validated_data.get("name", "")
            )
        except ceremonies.PasskeyError as error:
            raise CeremonyFailed(error) from None
        return Response(options)


class PasskeyRegisterCompleteView(GenericAPIView):
    """Store the passkey the browser created; answers 201 with it, as the list shows it."""

    permission_classes = (IsAuthenticated,)

    def get_serializer_class(self) -> type[BaseSerializer]:
        return api_settings.PASSKEY_REGISTER_COMPLETE_SERIALIZER

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            passkey = ceremonies.complete_registration(
                request.user,
                serializer.validated_data["credential"],
                serializer.validated_data.get("name", ""),
            )
        except ceremonies.PasskeyError as error:
            raise CeremonyFailed(error) from None
        output = api_settings.PASSKEY_LIST_SERIALIZER(
            passkey, context=self.get_serializer_context()
        )
        return Response(output.data, status=status.HTTP_201_CREATED)


class PasskeyLoginBeginView(GenericAPIView):
    """Request options for ``navigator.credentials.get()``, with a ``session_id``.

    The answer has the same status and shape for any username or email, known or not.
    """

    permission_classes = (AllowAny,)
    throttle_scope = LOGIN_SCOPE

    def get_serializer_class(self) -> type[BaseSerializer]:
        return api_settings.PASSKEY_LOGIN_BEGIN_SERIALIZER

    def get_throttles(self) -> list[BaseThrottle]:
        return [*super().get_throttles(), PasskeyBeginThrottle()]

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            options = ceremonies.begin_login(
                username=serializer.validated_data.get("username", ""),
                email=serializer.validated_data.get("email", ""),
            )
        except ceremonies.PasskeyError as error:
            raise CeremonyFailed(error) from None
        return Response(options)


class PasskeyLoginCompleteView(LoginResponseMixin, GenericAPIView):
    """Log in with the passkey's signature; answers exactly as password login does."""

    permission_classes = (AllowAny,)
    throttle_scope = LOGIN_SCOPE

    def get_serializer_class(self) -> type[BaseSerializer]:
        return api_settings.PASSKEY_LOGIN_COMPLETE_SERIALIZER

    def login(self) -> None:
        data = self.serializer.validated_data
        try:
            self.user = ceremonies.complete_login(data["session_id"], data["credential"])
        except ceremonies.PasskeyError as error:
            raise CeremonyFailed(error) from None
        self.issue_credentials()

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.serializer = self.get_serializer(data=request.data)
        self.serializer.is_valid(raise_exception=True)
        self.login()
        return self.get_response()


class PasskeyListView(ListAPIView):
    """The logged-in user's passkeys, newest first."""

    permission_classes = (IsAuthenticated,)

    def get_serializer_class(self) -> type[BaseSerializer]:
        return api_settings.PASSKEY_LIST_SERIALIZER

    def get_queryset(self) -> QuerySet:
        return Passkey.objects.filter(user=self.request.user).order_by("-created_at", "-pk")


class PasskeyDetailView(RetrieveUpdateDestroyAPIView):
    """Show (GET), rename (PATCH ``{name}``) or delete (DELETE) one of the user's passkeys.

    Another user's passkey is not found (404): its existence is none of the caller's business.
    """

    permission_classes = (IsAuthenticated,)
    http_method_names = ["get", "patch", "delete", "head", "options"]

    def get_serializer_class(self) -> type[BaseSerializer]:
        if self.request.method == "PATCH":
            return api_settings.PASSKEY_UPDATE_SERIALIZER
        return api_settings.PASSKEY_LIST_SERIALIZER

    def get_queryset(self) -> QuerySet:
        return Passkey.objects.filter(user=self.request.user)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        super().update(request, *args, **kwargs)
        # Answer with the passkey as the list shows it, whatever the update serializer is.
        passkey = self.get_object()
        output = api_settings.PASSKEY_LIST_SERIALIZER(
            passkey, context=self.get_serializer_context()
        )
        return Response(output.data)
