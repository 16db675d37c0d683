"""The lazy settings object: defaults, imports, caching, and reloads under override."""

import pytest
from django.test import override_settings
from django.urls import reverse

from rest_auth.app_settings import DEFAULTS, APISettings, api_settings
from rest_auth.serializers import LoginSerializer
from rest_auth.tests.custom_serializers import NameOnlyUserSerializer


def test_defaults_apply_to_keys_the_project_leaves_out():
    settings_object = APISettings(user_settings={})
    assert settings_object.OLD_PASSWORD_FIELD_ENABLED is False
    assert settings_object.SESSION_LOGIN is True
    # The core's, or (registration's CORE_DEFAULTS) a feature's subclass of it.
    assert issubclass(settings_object.LOGIN_SERIALIZER, LoginSerializer)


def test_project_values_win_over_defaults():
    settings_object = APISettings(user_settings={"SESSION_LOGIN": False})
    assert settings_object.SESSION_LOGIN is False


def test_dotted_paths_are_imported_and_cached():
    path = "rest_auth.tests.custom_serializers.NameOnlyUserSerializer"
    settings_object = APISettings(user_settings={"USER_DETAILS_SERIALIZER": path})
    assert settings_object.USER_DETAILS_SERIALIZER is NameOnlyUserSerializer
    assert "USER_DETAILS_SERIALIZER" in vars(settings_object)  # cached: no second import


def test_a_bad_dotted_path_names_the_setting():
    settings_object = APISettings(user_settings={"LOGIN_SERIALIZER": "nowhere.Nothing"})
    with pytest.raises(ImportError, match="LOGIN_SERIALIZER"):
        _ = settings_object.LOGIN_SERIALIZER


def test_unknown_attribute_is_an_error():
    with pytest.raises(AttributeError, match="NOT_A_SETTING"):
        _ = api_settings.NOT_A_SETTING


def test_core_settings_are_the_references_core_keys():
    assert set(DEFAULTS) == {
        "LOGIN_SERIALIZER",
        "TOKEN_SERIALIZER",
        "USER_DETAILS_SERIALIZER",
        "PASSWORD_RESET_SERIALIZER",
        "PASSWORD_RESET_CONFIRM_SERIALIZER",
        "PASSWORD_CHANGE_SERIALIZER",
        "TOKEN_MODEL",
        "TOKEN_CREATOR",
        "PASSWORD_RESET_USE_SITES_DOMAIN",
        "OLD_PASSWORD_FIELD_ENABLED",
        "LOGOUT_ON_PASSWORD_CHANGE",
        "SESSION_LOGIN",
        "USE_JWT",
    }
    assert set(DEFAULTS) <= set(api_settings.defaults)


def test_override_settings_reaches_the_next_request(auth_client, settings):
    path = "rest_auth.tests.custom_serializers.NameOnlyUserSerializer"
    assert "username" in auth_client.get(reverse("rest_user_details")).data
    with override_settings(REST_AUTH={**settings.REST_AUTH, "USER_DETAILS_SERIALIZER": path}):
        assert set(auth_client.get(reverse("rest_user_details")).data) == {"pk", "first_name"}
    # ...and leaving the override restores the project's value.
    assert "username" in auth_client.get(reverse("rest_user_details")).data
