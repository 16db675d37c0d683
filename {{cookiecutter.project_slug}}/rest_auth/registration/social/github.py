"""Log in with GitHub, or connect a GitHub account: /api/auth/github/ (and connect/).

Web apps send the authorization ``code`` GitHub gave their callback page; apps that ran
the OAuth flow themselves send the ``access_token``. GitHub has no ID tokens.
"""

from allauth.socialaccount.providers.github.views import GitHubOAuth2Adapter
from django.urls import path

from .views import SocialConnectView, SocialLoginView


class GitHubLogin(SocialLoginView):
    adapter_class = GitHubOAuth2Adapter


class GitHubConnect(SocialConnectView):
    adapter_class = GitHubOAuth2Adapter


urlpatterns = [
    path("", GitHubLogin.as_view(), name="github_login"),
    path("connect/", GitHubConnect.as_view(), name="github_connect"),
]
