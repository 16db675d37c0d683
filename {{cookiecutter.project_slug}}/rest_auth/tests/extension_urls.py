"""URLs of the extension point tests: the API, plus views a project subclasses."""

from django.urls import include, path
from rest_framework import serializers

from rest_auth.serializers import LoginSerializer
from rest_auth.views import LoginView


class UsernameOnlyLoginSerializer(LoginSerializer):
    """Drops an inherited field, as DRF allows: no login by email address."""

    email = None


class UsernameOnlyLoginView(LoginView):
    serializer_class = UsernameOnlyLoginSerializer


class RememberingLoginSerializer(LoginSerializer):
    """Adds a field the view's own serializer has and the configured one has not."""

    remember_me = serializers.BooleanField(required=True)


class RememberingLoginView(LoginView):
    serializer_class = RememberingLoginSerializer


urlpatterns = [
    path("username-login/", UsernameOnlyLoginView.as_view(), name="username_login"),
    path("remembering-login/", RememberingLoginView.as_view(), name="remembering_login"),
    path("api/auth/", include("rest_auth.urls")),
]
