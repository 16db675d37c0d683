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
{%- if cookiecutter.auth_mode == "jwt" %}
from django.middleware.csrf import rotate_token
{%- endif %}
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
{%- if cookiecutter.auth_mode == "jwt" %}
from .jwt_auth import (
    jwt_login_body,
    jwt_logout_response,
    revoke_request_access_token,
    set_jwt_cookies,
    unset_jwt_cookies,
    validated_request_token,
)
{%- endif %}
from .throttling import (
    LOGIN_SCOPE,
    PASSWORD_CHANGE_SCOPE,
    PASSWORD_RESET_SCOPE,
    LoginFailureThrottle,
    PasswordResetEmailThrottle,
)
{%- if cookiecutter.auth_mode == "jwt" %}
from .utils import jwt_encode, revoke_other_tokens, revoke_tokens, tokens_with_key
{%- else %}
from .utils import revoke_other_tokens, revoke_tokens, tokens_with_key
{%- endif %}

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
    in the same body: the TOKEN_SERIALIZER body (``{"key": "..."}``) when TOKEN_MODEL is
    set; with SESSION_LOGIN also the session cookie, and ``204 No Content`` when that is
{%- if cookiecutter.auth_mode == "jwt" %}
    the only credential. With USE_JWT, instead of an API token: an access and a refresh
    token in the JWT_SERIALIZER body (JWT_SERIALIZER_WITH_EXPIRATION with
    JWT_AUTH_RETURN_EXPIRATION), and in the configured cookies.
    Expects ``self.request``, ``self.user`` and ``self.serializer``.
    """

    def get_response_serializer(self) -> type[BaseSerializer]:
        if api_settings.USE_JWT:
            if api_settings.JWT_AUTH_RETURN_EXPIRATION:
                return api_settings.JWT_SERIALIZER_WITH_EXPIRATION
            return api_settings.JWT_SERIALIZER
        return api_settings.TOKEN_SERIALIZER
{%- else %}
    the only credential. Expects ``self.request``, ``self.user`` and ``self.serializer``.
    """

    def get_response_serializer(self) -> type[BaseSerializer]:
        return api_settings.TOKEN_SERIALIZER
{%- endif %}

    def process_login(self) -> None:
        # authenticate() records which backend accepted the user; others use the first one.
        backend = getattr(self.user, "backend", None) or settings.AUTHENTICATION_BACKENDS[0]
        django_login(self.request, self.user, backend=backend)

    def issue_credentials(self) -> None:
        token_model = api_settings.TOKEN_MODEL
        self.token = None
{%- if cookiecutter.auth_mode == "jwt" %}
        self.access_token = self.refresh_token = None
        if api_settings.USE_JWT:
            self.access_token, self.refresh_token = jwt_encode(self.user)
            if api_settings.JWT_AUTH_COOKIE:
                # A fresh CSRF token with each cookie login, as Django does for sessions: the
                # frontend reads the csrftoken cookie and sends it back as X-CSRFToken.
                rotate_token(self.request)
        elif token_model is not None:
{%- else %}
        if token_model is not None:
{%- endif %}
            self.token = api_settings.TOKEN_CREATOR(token_model, self.user, self.serializer)
        if api_settings.SESSION_LOGIN:
            self.process_login()
        else:
            # No session, but still a login: receivers such as last_login's update run.
            user_logged_in.send(sender=type(self.user), request=self.request, user=self.user)

    def get_login_data(self) -> dict[str, Any] | None:
        """The body of the answer; None when the session cookie is the only credential."""
        context = {"request": self.request, "view": self}
{%- if cookiecutter.auth_mode == "jwt" %}
        if self.access_token is not None:
            body = jwt_login_body(self.user, self.access_token, self.refresh_token)
            return self.get_response_serializer()(body, context=context).data
{%- endif %}
        if self.token is None:
            return None
        return self.get_response_serializer()(self.token, context=context).data

    def login_response(self, data: dict[str, Any] | None, status_code: int) -> Response:
        """``data`` with this status (204 without a body){% if cookiecutter.auth_mode == "jwt" %}, and the JWT cookies if any{% endif %}."""
        if data is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        response = Response(data, status=status_code)
{%- if cookiecutter.auth_mode == "jwt" %}
        if getattr(self, "access_token", None) is not None:
            set_jwt_cookies(response, self.access_token, self.refresh_token)
{%- endif %}
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
{%- if cookiecutter.auth_mode == "jwt" %}
    With USE_JWT: revoke the refresh token sent (or the one the access token names) and
    the access token used, and clear the cookies (see
    ``rest_auth.jwt_auth.jwt_logout_response``). A refresh token that is garbage, of the
    wrong type or already revoked, or none at all where the blacklist could revoke one, is
    a 401 that ends nothing.
{%- endif %}

    {% if cookiecutter.auth_mode == "jwt" %}Otherwise it answers{% else %}Answers{% endif %} 200 even without credentials, or with dead ones (an unknown API
    token, an ended session{% if cookiecutter.auth_mode == "jwt" %}, an expired access token{% endif %}): the client is logged out either way.
    """

    permission_classes = (AllowAny,)

    def perform_authentication(self, request: Request) -> None:
        # Logout needs the credential, not its user: an API token is deleted by its key
        # (one query, no SELECT first){% if cookiecutter.auth_mode == "jwt" %}, and a JWT is
        # revoked once its signature, expiry and revocation are checked (no query){% endif %}.
        if self.token_key(request) is not None:
            return
        try:
{%- if cookiecutter.auth_mode == "jwt" %}
            if api_settings.USE_JWT:
                request.auth = validated_request_token(request)
                return
{%- endif %}
            request.user  # noqa: B018 - authenticates, as DRF's own perform_authentication
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
{%- if cookiecutter.auth_mode == "jwt" %}
        if api_settings.USE_JWT:
            # The refresh token first: a bad or missing one is refused before anything
            # (the session included) is ended.
            response = jwt_logout_response(request)
            if response.status_code == status.HTTP_200_OK:
                self.logout(request)
            return response
{%- endif %}
        self.logout(request)
        return Response({"detail": _("Successfully logged out.")}, status=status.HTTP_200_OK)


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
{%- if cookiecutter.auth_mode == "jwt" %}

    With USE_JWT, every token issued before the change is refused from now on (SIMPLE_JWT
    CHECK_REVOKE_TOKEN; with LOGOUT_ON_PASSWORD_CHANGE also blacklisted, and the cookies
    cleared). Without LOGOUT_ON_PASSWORD_CHANGE the client that made the change gets a new
    pair: ``access`` and ``refresh`` in the body as at login, and in the cookies.
{%- endif %}
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
{%- if cookiecutter.auth_mode == "jwt" %}
        user = request.user
        response = Response({"detail": _("New password has been saved.")})
        if api_settings.LOGOUT_ON_PASSWORD_CHANGE:
            django_logout(request)
            revoke_tokens(user)
            if api_settings.USE_JWT:
                revoke_request_access_token(request)
                unset_jwt_cookies(response)
            return response
        self.keep_only_this_token(request, serializer, response)
        if api_settings.USE_JWT:
            access, refresh = jwt_encode(user)
            body = jwt_login_body(user, access, refresh)
            response.data.update(access=body["access"], refresh=body["refresh"])
            set_jwt_cookies(response, access, refresh)
        return response
{%- else %}
        response = Response({"detail": _("New password has been saved.")})
        if api_settings.LOGOUT_ON_PASSWORD_CHANGE:
            user = request.user
            django_logout(request)
            revoke_tokens(user)
        else:
            self.keep_only_this_token(request, serializer, response)
        return response
{%- endif %}

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
