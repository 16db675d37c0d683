"""What code written for dj-rest-auth does with these classes, after changing the prefix:
view subclasses with their own serializer, serializers that drop an inherited field, and
the library's helpers (``get_token_model``, ``format_lazy``)."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from rest_auth.app_settings import api_settings
from rest_auth.models import get_token_model
from rest_auth.tests.conftest import PASSWORD
from rest_auth.tests.extension_urls import (
    RememberingLoginSerializer,
    UsernameOnlyLoginView,
)
from rest_auth.utils import format_lazy
from rest_auth.views import LoginView

pytestmark = pytest.mark.urls("rest_auth.tests.extension_urls")


def test_a_view_subclass_gets_its_own_serializer_class():
    assert UsernameOnlyLoginView().get_serializer_class() is not api_settings.LOGIN_SERIALIZER
    assert LoginView().get_serializer_class() is api_settings.LOGIN_SERIALIZER


@pytest.mark.django_db
def test_the_subclass_serializer_validates_its_requests(api_client, user):
    url = reverse("remembering_login")
    body = {"username": user.username, "password": PASSWORD}
    refused = api_client.post(url, body, format="json")
    assert (refused.status_code, list(refused.json())) == (400, ["remember_me"])
    accepted = api_client.post(url, {**body, "remember_me": True}, format="json")
    assert accepted.status_code in (200, 204), accepted.content
    assert "remember_me" in RememberingLoginSerializer().fields


@pytest.mark.django_db
def test_a_serializer_may_drop_an_inherited_field(api_client, user):
    url = reverse("username_login")
    by_username = api_client.post(
        url, {"username": user.username, "password": PASSWORD}, format="json"
    )
    assert by_username.status_code in (200, 204), by_username.content
    # A fresh client: the first one now holds the login's cookies, and would need CSRF.
    by_email = APIClient(enforce_csrf_checks=True).post(
        url, {"email": user.email, "password": PASSWORD}, format="json"
    )
    assert by_email.status_code == 400


def test_get_token_model_refuses_a_login_that_hands_out_nothing(rest_auth_settings):
    rest_auth_settings(TOKEN_MODEL=None, SESSION_LOGIN=False, USE_JWT=False)
    with pytest.raises(ImproperlyConfigured):
        get_token_model()


def test_get_token_model_refuses_a_model_whose_app_is_not_installed(rest_auth_settings):
    rest_auth_settings(TOKEN_MODEL="django.contrib.flatpages.models.FlatPage")
    with pytest.raises(ImproperlyConfigured, match="INSTALLED_APPS"):
        get_token_model()


def test_get_token_model_returns_the_configured_model():
    assert get_token_model() is api_settings.TOKEN_MODEL


def test_format_lazy_formats_when_used():
    text = format_lazy("{} {}", "arst", "zxcv")
    assert not isinstance(text, str)
    with translation.override("de"):
        assert str(text) == "arst zxcv"
