"""How a login answers: one strategy object per way of handing out credentials.

The views never branch on the mode: LoginResponseMixin, LogoutView and PasswordChangeView
ask ``login_strategy()``, which picks the strategy in force from the REST_AUTH settings
of the moment (so ``override_settings`` works):

- a strategy a feature app registered (``register_strategy``), when its ``in_force()``
  says so: the JWT app's, while USE_JWT is on;
- else ``TokenStrategy`` when TOKEN_MODEL is set: an API token, ``{"key": ...}``;
- else ``SessionStrategy``: the session cookie alone, ``204 No Content``.

With SESSION_LOGIN a session is opened beside the credential whatever the strategy (the
views do that). Write a strategy of your own by subclassing ``LoginStrategy`` and
registering it from your AppConfig's ``ready()``.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from .app_settings import api_settings


class LoginStrategy:
    """Issue a login's credential, show it, and end it: the session-only behaviour.

    Methods get the view, which carries ``request``, ``user`` and ``serializer``; the
    credential issued is kept on the view, under dj-rest-auth's attribute names.
    """

    @classmethod
    def in_force(cls) -> bool:
        """Return whether the settings of the moment choose this strategy."""
        return False

    def get_response_serializer(self) -> type[BaseSerializer]:
        return api_settings.TOKEN_SERIALIZER

    def issue(self, view: Any) -> None:
        """Create the credential of a login and keep it on the view."""
        view.token = None

    def login_body(self, view: Any) -> Any:
        """Return what the response serializer shows; None when the session is the only
        credential (the answer is then 204 No Content)."""
        return getattr(view, "token", None)

    def add_to_response(self, view: Any, response: Response) -> None:
        """Add what travels outside the body (cookies) to a login's answer."""

    def authenticate_logout(self, request: Request) -> None:
        """Read the credential a logout ends (an expired one is not an error there)."""
        request.user  # noqa: B018 - authenticates, as DRF's own perform_authentication

    def logout(self, request: Request, end_session: Any) -> Response:
        """End what the request holds (``end_session()`` ends the session and API token)."""
        end_session()
        return Response({"detail": _("Successfully logged out.")}, status=status.HTTP_200_OK)

    def end_after_password_change(self, request: Request, response: Response) -> None:
        """End the credential the request was made with (LOGOUT_ON_PASSWORD_CHANGE)."""

    def renew_after_password_change(
        self, request: Request, user: AbstractBaseUser, response: Response
    ) -> None:
        """Give the client that changed its password a credential that stays valid."""

    def revoke_user_credentials(self, user: AbstractBaseUser) -> None:
        """End every credential of this kind the user holds (password reset, change)."""


class SessionStrategy(LoginStrategy):
    """The session cookie is the only credential: login answers 204 No Content."""


class TokenStrategy(LoginStrategy):
    """An API token of TOKEN_MODEL, made by TOKEN_CREATOR, in the TOKEN_SERIALIZER body."""

    @classmethod
    def in_force(cls) -> bool:
        return api_settings.TOKEN_MODEL is not None

    def issue(self, view: Any) -> None:
        token_model = api_settings.TOKEN_MODEL
        view.token = api_settings.TOKEN_CREATOR(token_model, view.user, view.serializer)


# Strategies of feature apps, which each registers from its AppConfig.ready().
registered_strategies: list[type[LoginStrategy]] = []


def register_strategy(strategy: type[LoginStrategy]) -> None:
    """Make ``strategy`` answer logins whenever its ``in_force()`` is true."""
    if strategy not in registered_strategies:
        registered_strategies.append(strategy)


def login_strategy() -> LoginStrategy:
    """Return the strategy the settings of the moment choose (see the module docstring)."""
    for strategy in (*registered_strategies, TokenStrategy):
        if strategy.in_force():
            return strategy()
    return SessionStrategy()
