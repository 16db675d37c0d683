"""dj-rest-auth's social login names at the library's module paths, and the serializers'
contract with the view in their context."""

import pytest
from rest_framework.test import APIRequestFactory

from rest_auth import social_serializers
from rest_auth.registration import serializers, views
from rest_auth.registration.social import serializers as social
from rest_auth.registration.social import views as social_views


def test_social_views_are_importable_from_registration_views():
    from rest_auth.registration.views import (
        SocialAccountDisconnectView,
        SocialAccountListView,
        SocialConnectView,
        SocialLoginView,
    )

    assert SocialLoginView is social_views.SocialLoginView
    assert SocialConnectView is social_views.SocialConnectView
    assert SocialAccountListView is social_views.SocialAccountListView
    assert SocialAccountDisconnectView is social_views.SocialAccountDisconnectView


def test_social_serializers_are_importable_from_registration_serializers():
    for name in (
        "SocialLoginSerializer",
        "SocialConnectSerializer",
        "SocialConnectMixin",
        "SocialAccountSerializer",
    ):
        assert getattr(serializers, name) is getattr(social, name)


def test_other_names_are_still_missing():
    with pytest.raises(AttributeError):
        views.NoSuchView  # noqa: B018
    with pytest.raises(ImportError):
        from rest_auth.registration.serializers import NoSuchSerializer  # noqa: F401


@pytest.mark.parametrize(
    ("serializer_class", "body"),
    [
        (social.SocialLoginSerializer, {"access_token": "token"}),
        (social_serializers.TwitterLoginSerializer, {"access_token": "a", "token_secret": "b"}),
    ],
)
@pytest.mark.parametrize(
    ("context", "message"),
    [
        ({}, "View is not defined, pass it as a context variable"),
        ({"view": social_views.SocialLoginView()}, "Define adapter_class in view"),
    ],
)
def test_the_view_and_its_adapter_class_must_be_in_the_context(
    serializer_class, body, context, message
):
    request = APIRequestFactory().post("/")
    serializer = serializer_class(data=body, context={"request": request, **context})
    assert not serializer.is_valid()
    assert serializer.errors == {"non_field_errors": [message]}
