"""OpenAPI descriptions of the social login endpoints (see rest_auth/schema.py).

One extension describes every provider's login view, and one every connect view: they
match subclasses, and name each operation after the view's provider.
"""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiViewExtension
from drf_spectacular.utils import OpenApiResponse

from rest_auth.schema import (
    NOT_AUTHENTICATED,
    THROTTLED,
    VALIDATION_ERROR,
    described,
    login_responses,
    message,
)

TAG = "social"
UNAVAILABLE = message("The provider did not answer in time; try again later.")


def provider_name(view: type) -> str:
    return view.adapter_class.provider_id


class SocialLoginViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.registration.social.views.SocialLoginView"
    match_subclasses = True

    def view_replacement(self) -> type:
        view = self.target
        provider = provider_name(view)
        if issubclass(view, self.connect_view()):
            return described(
                view,
                tag=TAG,
                operation_id=f"{provider}_connect",
                summary=f"Connect a {provider} account to the logged-in user",
                responses={
                    **login_responses(view),
                    400: VALIDATION_ERROR,
                    401: NOT_AUTHENTICATED,
                    403: NOT_AUTHENTICATED,
                    429: THROTTLED,
                    503: UNAVAILABLE,
                },
            )
        return described(
            view,
            tag=TAG,
            operation_id=f"{provider}_login",
            summary=f"Log in or sign up with a {provider} code, access token or ID token",
            responses={
                **login_responses(view),
                201: message("Verification e-mail sent (mandatory verification)."),
                400: VALIDATION_ERROR,
                403: message("Sign-up is closed."),
                429: THROTTLED,
                503: UNAVAILABLE,
            },
        )

    @staticmethod
    def connect_view() -> type:
        from .views import SocialConnectView

        return SocialConnectView


class SocialAccountListViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.registration.social.views.SocialAccountListView"

    def view_replacement(self) -> type:
        return described(
            self.target_class,
            method="get",
            tag=TAG,
            operation_id="social_account_list",
            summary="The provider accounts connected to the logged-in user",
        )


class SocialAccountDisconnectViewSchema(OpenApiViewExtension):
    target_class = "rest_auth.registration.social.views.SocialAccountDisconnectView"

    def view_replacement(self) -> type:
        return described(
            self.target_class,
            tag=TAG,
            operation_id="social_account_disconnect",
            summary="Disconnect a provider account (not the last way to log in)",
            request=None,
            responses={
                200: self.target_class.serializer_class,
                400: VALIDATION_ERROR,
                401: NOT_AUTHENTICATED,
                403: NOT_AUTHENTICATED,
                404: OpenApiResponse(description="No such account of this user."),
            },
        )
