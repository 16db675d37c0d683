"""Log in with Google, or connect a Google account: /api/auth/google/ (and connect/).

Web apps send the authorization ``code`` Google gave their callback page (the redirect
URI must be the APP's ``callback_url``); Android and iOS apps send the ``id_token`` of
Google Sign-In, or an ``access_token``.
"""

from allauth.socialaccount.providers.google.views import GoogleOAuth2Adapter
from django.urls import path

from .views import SocialConnectView, SocialLoginView


class GoogleLogin(SocialLoginView):
    adapter_class = GoogleOAuth2Adapter


class GoogleConnect(SocialConnectView):
    adapter_class = GoogleOAuth2Adapter


urlpatterns = [
    path("", GoogleLogin.as_view(), name="google_login"),
    path("connect/", GoogleConnect.as_view(), name="google_connect"),
]
