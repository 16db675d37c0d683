"""The auth endpoints. Views parse input with the configured serializer, call one step,
and shape the response; which serializer and which behaviour is read per request.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import login as django_login
from django.contrib.auth import logout as django_logout
from django.contrib.auth.signals import user_logged_in
from django.db.models import QuerySet
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from rest_framework import exceptions, status
from rest_framework.authentication import get_authorization_header
from rest_framework.generics import GenericAPIView, RetrieveUpdateAPIView
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from .app_settings import api_settings
from .strategies import LoginStrategy, login_strategy
from .throttling import (
    LOGIN_SCOPE,
    PASSWORD_CHANGE_SCOPE,
    PASSWORD_RESET_SCOPE,
    LoginFailureThrottle,
    PasswordResetEmailThrottle,
)
from .utils import revoke_other_tokens, revoke_tokens, tokens_with_key

# Keeps passwords out of error reports.
sensitive_password_fields = method_decorator(
    sensitive_post_parameters("password", "old_password", "new_password1", "new_password2"),
    name="dispatch",
)
# dj-rest-auth's name: for a subclass's dispatch() (``@sensitive_post_parameters_m``).
sensitive_post_parameters_m = method_decorator(
    sensitive_post_parameters("password", "old_password", "new_password1", "new_password2")
)


class LoginResponseMixin:
    """Log ``self.user`` in and answer the way password login does.

    Shared by every view that ends in a login, so they all hand out the same credential
    in the same body. What that is, the login strategy in force decides
    (``rest_auth.strategies``): the TOKEN_SERIALIZER body (``{"key": "..."}``) when
    TOKEN_MODEL is set; with SESSION_LOGIN also the session cookie, and ``204 No Content``
    when that is the only credential; a feature's own (JWTs, with USE_JWT).
    Expects ``self.request``, ``self.user`` and ``self.serializer``.
    """

    def get_login_strategy(self) -> LoginStrategy:
        return login_strategy()

    def get_response_serializer(self) -> type[BaseSerializer]:
        return self.get_login_strategy().get_response_serializer()

    def process_login(self) -> None:
        # authenticate() records which backend accepted the user; others use the first one.
        backend = getattr(self.user, "backend", None) or settings.AUTHENTICATION_BACKENDS[0]
        django_login(self.request, self.user, backend=backend)

    def issue_credentials(self) -> None:
        self.get_login_strategy().issue(self)
        if api_settings.SESSION_LOGIN:
            self.process_login()
        else:
            # No session, but still a login: receivers such as last_login's update run.
            user_logged_in.send(sender=type(self.user), request=self.request, user=self.user)

    def get_login_data(self) -> dict[str, Any] | None:
        """Return the body of the answer; None when the session cookie is the only credential."""
        instance = self.get_login_strategy().login_body(self)
        if instance is None:
            return None
        context = {"request": self.request, "view": self}
        return self.get_response_serializer()(instance, context=context).data

    def login_response(self, data: dict[str, Any] | None, status_code: int) -> Response:
        """Answer ``data`` with this status (204 without a body), plus the strategy's cookies."""
        if data is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        response = Response(data, status=status_code)
        self.get_login_strategy().add_to_response(self, response)
        return response

    def get_response(self) -> Response:
        return self.login_response(self.get_login_data(), status.HTTP_200_OK)


@sensitive_password_fields
class LoginView(LoginResponseMixin, GenericAPIView):
    """Check credentials and return the credential this project uses.

    Accepts ``username`` and/or ``email``, and ``password``; answers as described in
    LoginResponseMixin.
    """

    permission_classes = (AllowAny,)
    # Per client; failed attempts per account are counted by LoginFailureThrottle.
    throttle_scope = LOGIN_SCOPE

    def get_serializer_class(self) -> type[BaseSerializer]:
        # A subclass that names its serializer_class gets it; the setting is the default.
        return self.serializer_class or api_settings.LOGIN_SERIALIZER

    def get_throttles(self) -> list[BaseThrottle]:
        self.failures = LoginFailureThrottle()
        return [*super().get_throttles(), self.failures]

    def login(self) -> None:
        self.user = self.serializer.validated_data["user"]
        self.issue_credentials()

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.serializer = self.get_serializer(data=request.data)
        self.serializer.is_valid(raise_exception=True)
        # Only failed attempts stay counted against the account.
        self.failures.refund()
        self.login()
        return self.get_response()


class LogoutView(APIView):
    """End the session and delete the API token the request was made with.

    What else ends, the login strategy in force decides (with USE_JWT: the refresh token
    sent or named by the access token, and the access token used; the cookies are
    cleared; a bad refresh token is a 401 that ends nothing). Otherwise it answers 200
    even without credentials, or with dead ones (an unknown API token, an ended session,
    an expired token): the client is logged out either way.
    """

    permission_classes = (AllowAny,)

    def perform_authentication(self, request: Request) -> None:
        # Logout needs the credential, not its user: an API token is deleted by its key
        # (one query, no SELECT first), and a strategy may read its own without a query.
        if self.token_key(request) is not None:
            return
        try:
            login_strategy().authenticate_logout(request)
        except exceptions.AuthenticationFailed:
            # An expired or revoked credential must not stop a logout: the request goes on
            # without one (set here too, or reading request.auth would authenticate again).
            request.auth = None

    @staticmethod
    def token_key(request: Request) -> str | None:
        """The key of an ``Authorization: Token <key>`` header when TOKEN_MODEL is set."""
        if api_settings.TOKEN_MODEL is None:
            return None
        words = get_authorization_header(request).split()
        if len(words) != 2 or words[0].lower() != b"token":  # the API token's scheme
            return None
        try:
            return words[1].decode()
        except UnicodeError:
            return None

    def logout(self, request: Request) -> None:
        key = self.token_key(request)
        if key is not None:
            # Whoever holds the key may end it, as before: an unknown key deletes nothing.
            tokens_with_key(api_settings.TOKEN_MODEL, key).delete()
        # Django's own request: its user is the session's, so a logout without a session
        # loads no user.
        django_logout(request._request)

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return login_strategy().logout(request, lambda: self.logout(request))


class UserDetailsView(RetrieveUpdateAPIView):
    """Read (GET) and update (PUT, PATCH) the logged-in user, with USER_DETAILS_SERIALIZER."""

    permission_classes = (IsAuthenticated,)

    def get_serializer_class(self) -> type[BaseSerializer]:
        # A subclass that names its serializer_class gets it; the setting is the default.
        return self.serializer_class or api_settings.USER_DETAILS_SERIALIZER

    def get_object(self) -> Any:
        return self.request.user

    def get_queryset(self) -> QuerySet:
        # Only for schema generators; get_object() never queries.
        return get_user_model().objects.none()


@sensitive_password_fields
class PasswordChangeView(GenericAPIView):
    """Change the logged-in user's password.

    With LOGOUT_ON_PASSWORD_CHANGE the request's session ends and the user's API tokens
    are deleted. Otherwise only the client that made the change stays logged in: its
    session or API token stays valid, the user's other API tokens are deleted (with DRF's
    one-per-user Token, whose key every client shares, the key is replaced and the new
    one is in the answer, as at login), and other sessions end with the old password's hash.
    The login strategy in force ends or renews its own credential too (with USE_JWT: every
    token issued before the change is refused; the client that made it gets a new pair,
    in the body as at login and in the cookies, unless LOGOUT_ON_PASSWORD_CHANGE).
    """

    permission_classes = (IsAuthenticated,)
    throttle_scope = PASSWORD_CHANGE_SCOPE

    def get_serializer_class(self) -> type[BaseSerializer]:
        # A subclass that names its serializer_class gets it; the setting is the default.
        return self.serializer_class or api_settings.PASSWORD_CHANGE_SERIALIZER

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        user = request.user
        strategy = login_strategy()
        response = Response({"detail": _("New password has been saved.")})
        if api_settings.LOGOUT_ON_PASSWORD_CHANGE:
            django_logout(request)
            revoke_tokens(user)
            strategy.end_after_password_change(request, response)
            return response
        self.keep_only_this_token(request, serializer, response)
        strategy.renew_after_password_change(request, user, response)
        return response

    def keep_only_this_token(
        self, request: Request, serializer: BaseSerializer, response: Response
    ) -> None:
        """End the user's other API tokens; hand over a replacement if this one had to go."""
        token = revoke_other_tokens(request, request.user, serializer)
        if token is not None:
            context = {"request": request, "view": self}
            response.data.update(api_settings.TOKEN_SERIALIZER(token, context=context).data)


class PasswordResetView(GenericAPIView):
    """Email a password reset link. The answer is the same whether or not the address
    belongs to an account, so it cannot be used to find out who has one."""

    permission_classes = (AllowAny,)
    # Per client, and per address whoever asks (PasswordResetEmailThrottle).
    throttle_scope = PASSWORD_RESET_SCOPE

    def get_serializer_class(self) -> type[BaseSerializer]:
        # A subclass that names its serializer_class gets it; the setting is the default.
        return self.serializer_class or api_settings.PASSWORD_RESET_SERIALIZER

    def get_throttles(self) -> list[BaseThrottle]:
        return [*super().get_throttles(), PasswordResetEmailThrottle()]

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response({"detail": _("Password reset e-mail has been sent.")})


@sensitive_password_fields
class PasswordResetConfirmView(GenericAPIView):
    """Set a new password with the ``uid`` and ``token`` from a reset link."""

    permission_classes = (AllowAny,)
    throttle_scope = PASSWORD_RESET_SCOPE

    def get_serializer_class(self) -> type[BaseSerializer]:
        # A subclass that names its serializer_class gets it; the setting is the default.
        return self.serializer_class or api_settings.PASSWORD_RESET_CONFIRM_SERIALIZER

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response({"detail": _("Password has been reset with the new password.")})
