"""Sign-up and email verification endpoints, mounted under /api/auth/registration/.

Each view validates with its serializer, calls one function of ``flows`` and shapes the
answer. Register and (with ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION) verify end in a login, and
answer exactly as the login endpoint does, through LoginResponseMixin.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from allauth.account import app_settings as allauth_settings
from allauth.account.adapter import get_adapter
from django.http import HttpResponseRedirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.debug import sensitive_post_parameters
from rest_framework import status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from rest_auth.app_settings import api_settings
from rest_auth.features import library_name
from rest_auth.mail import send_after_response
from rest_auth.views import LoginResponseMixin

from . import flows
from .serializers import ResendEmailVerificationSerializer, VerifyEmailSerializer
from .throttling import REGISTER_SCOPE, VERIFY_EMAIL_SCOPE, VerificationEmailThrottle

VERIFICATION_SENT = _("Verification e-mail sent.")

# Keeps the sign-up passwords out of error reports.
sensitive_signup_fields = method_decorator(
    sensitive_post_parameters("password1", "password2"), name="dispatch"
)
# dj-rest-auth's name: for a subclass's dispatch() (``@sensitive_post_parameters_m``).
sensitive_post_parameters_m = method_decorator(sensitive_post_parameters("password1", "password2"))


@sensitive_signup_fields
class RegisterView(LoginResponseMixin, GenericAPIView):
    """Create an account with REGISTER_SERIALIZER.

    Under mandatory email verification: ``201 {"detail": "Verification e-mail sent."}`` and
    no credential, also when the address is taken (its owner is emailed instead, and no
    second account is made). Otherwise the user is logged in and the answer is the login
    endpoint's, with 201 instead of 200 when it has a body.
    """

    # Per client, and per address: a sign-up emails the address it names.
    throttle_scope = REGISTER_SCOPE

    def get_serializer_class(self) -> type[BaseSerializer]:
        # A subclass that names its serializer_class gets it; the setting is the default.
        return self.serializer_class or api_settings.REGISTER_SERIALIZER

    def get_throttles(self) -> list[BaseThrottle]:
        return [*super().get_throttles(), VerificationEmailThrottle()]

    def get_permissions(self) -> list[BasePermission]:
        return [permission() for permission in api_settings.REGISTER_PERMISSION_CLASSES]

    def permission_denied(
        self, request: Request, message: str | None = None, code: str | None = None
    ) -> None:
        # DRF would answer an anonymous client "not authenticated"; sign-up is for
        # anonymous clients, so the permission's own message is the reason.
        raise PermissionDenied(detail=message, code=code)

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if not get_adapter(request._request).is_open_for_signup(request._request):
            raise PermissionDenied(_("Sign-up is closed."))
        self.serializer = self.get_serializer(data=request.data)
        self.serializer.is_valid(raise_exception=True)
        if getattr(self.serializer, "account_already_exists", False):
            data = self.serializer.validated_data
            flows.notify_existing_account(
                request._request, data["email"], data.get("password1", "")
            )
            return self.verification_sent()
        user = self.perform_create(self.serializer)
        return self.login_response(self.get_response_data(user), status.HTTP_201_CREATED)

    def perform_create(self, serializer: BaseSerializer) -> Any:
        """Create the user, start its email verification and, unless verification is
        mandatory, issue its credentials. Returns the user."""
        self.user = serializer.save(self.request._request)
        flows.complete_signup(self.request._request, self.user)
        if not flows.verification_is_mandatory():
            self.issue_credentials()
        return self.user

    def get_response_data(self, user: Any) -> dict[str, Any] | None:
        """The body of a sign-up's answer (201), None for 204 No Content: the login
        endpoint's body, or the "verification sent" detail under mandatory verification."""
        if flows.verification_is_mandatory():
            return {"detail": VERIFICATION_SENT}
        return self.get_login_data()

    def verification_sent(self) -> Response:
        return Response({"detail": VERIFICATION_SENT}, status=status.HTTP_201_CREATED)


class VerifyEmailView(LoginResponseMixin, GenericAPIView):
    """Verify an address with the ``key`` from its verification link.

    ``200 {"detail": "ok"}``; with ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION the key also logs
    its user in, and the answer is the login endpoint's. A wrong, used or expired key is
    a 404 with a ``detail``.
    """

    permission_classes = (AllowAny,)
    throttle_scope = VERIFY_EMAIL_SCOPE
    serializer_class = VerifyEmailSerializer
    invalid_key_message = _("This verification link is invalid or has expired.")

    def get_key(self, request: Request) -> str:
        self.serializer = self.get_serializer(data=request.data)
        self.serializer.is_valid(raise_exception=True)
        return self.serializer.validated_data["key"]

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        address = flows.confirm_email(request._request, self.get_key(request))
        if address is None:
            raise NotFound(self.invalid_key_message)
        if allauth_settings.LOGIN_ON_EMAIL_CONFIRMATION and address.user.is_active:
            self.user = address.user
            self.issue_credentials()
            return self.get_response()
        return Response({"detail": _("ok")}, status=status.HTTP_200_OK)


class ConfirmEmailView(VerifyEmailView):
    """``account_confirm_email``: the key in the path instead of the body.

    POST verifies, as VerifyEmailView does. GET, which is what a mail client or a link
    scanner sends, changes nothing: it redirects to the frontend's verification page (the
    link AccountAdapter puts in emails), where the user confirms.
    """

    def get_key(self, request: Request) -> str:
        self.serializer = self.get_serializer(data={"key": self.kwargs["key"]})
        self.serializer.is_valid(raise_exception=True)
        return self.serializer.validated_data["key"]

    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponseRedirect:
        # The adapter builds the link from the confirmation's key alone.
        confirmation = SimpleNamespace(key=self.get_key(request))
        adapter = get_adapter(request._request)
        return HttpResponseRedirect(
            adapter.get_email_confirmation_url(request._request, confirmation)
        )


class ResendEmailVerificationView(GenericAPIView):
    """Send a new verification link. The answer is the same whether or not the address
    belongs to an account, or is already verified."""

    permission_classes = (AllowAny,)
    # Per client, and per address whoever asks.
    throttle_scope = VERIFY_EMAIL_SCOPE
    serializer_class = ResendEmailVerificationSerializer

    def get_throttles(self) -> list[BaseThrottle]:
        return [*super().get_throttles(), VerificationEmailThrottle()]

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        send_after_response(
            flows.resend_verification_email, request._request, serializer.validated_data["email"]
        )
        return Response({"detail": self.sent_message()}, status=status.HTTP_200_OK)

    @staticmethod
    def sent_message() -> str:
        """What the client is told, whatever the address: allauth skips a resend within its
        cooldown, so the answer says how often links go out."""
        message = _("If this address is waiting for verification, a new link is on its way.")
        cooldown = flows.resend_cooldown()
        if not cooldown:
            return str(message)
        return f"{message} {links_at_most_every(cooldown)}"


def links_at_most_every(seconds: float) -> str:
    """Say how often links go out, in the largest whole unit: "Links are sent at most
    once every 3 minutes." (or "every minute")."""
    if seconds % 3600 == 0:
        count = int(seconds // 3600)
        period = ngettext("hour", "%(count)d hours", count)
    elif seconds % 60 == 0:
        count = int(seconds // 60)
        period = ngettext("minute", "%(count)d minutes", count)
    else:
        count = round(seconds)
        period = ngettext("second", "%(count)d seconds", count)
    return _("Links are sent at most once every %(period)s.") % {
        "period": period % {"count": count}
    }


class EmailVerificationSentView(APIView):
    """``account_email_verification_sent``: where allauth's own flows redirect after
    sending a verification email (``adapter.respond_email_verification_sent``). This API
    answers that redirect with the same body as a sign-up under mandatory verification."""

    permission_classes = (AllowAny,)

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response({"detail": VERIFICATION_SENT}, status=status.HTTP_200_OK)


def __getattr__(name: str) -> Any:
    # dj-rest-auth's names of optional features, kept in their own apps (rest_auth/features.py).
    return library_name(__name__, name)
