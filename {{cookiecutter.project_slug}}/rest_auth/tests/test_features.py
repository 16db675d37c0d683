"""Feature apps announce themselves (rest_auth.features): their settings, checks, names
and login strategy count while they are installed, and only then."""

import pytest
from django.conf import settings as django_settings
from django.core.checks import run_checks
from django.test import override_settings
from django.urls import reverse

from rest_auth import serializers as core_serializers
from rest_auth.app_settings import api_settings
from rest_auth.checks import foreign_settings
from rest_auth.features import installed_features
from rest_auth.strategies import registered_strategies
from rest_auth.tests.conftest import PASSWORD

EXAMPLE = "rest_auth.tests.example_feature"


@pytest.fixture
def example_installed():
    with override_settings(INSTALLED_APPS=[*django_settings.INSTALLED_APPS, EXAMPLE]):
        yield
    from rest_auth.tests.example_feature.strategy import ExampleStrategy

    registered_strategies.remove(ExampleStrategy)


def test_a_feature_that_is_not_installed_adds_nothing():
    assert EXAMPLE not in [config.name for config in installed_features()]
    with pytest.raises(AttributeError):
        api_settings.EXAMPLE_GREETING  # noqa: B018
    with pytest.raises(AttributeError):
        core_serializers.ExampleName  # noqa: B018
    assert "EXAMPLE_FOREIGN" not in foreign_settings()


def test_an_installed_feature_adds_its_settings_checks_and_names(example_installed):
    assert EXAMPLE in [config.name for config in installed_features()]
    assert api_settings.EXAMPLE_GREETING == "hello"
    with override_settings(REST_AUTH={**django_settings.REST_AUTH, "EXAMPLE_GREETING": "hi"}):
        assert api_settings.EXAMPLE_GREETING == "hi"
    assert "EXAMPLE_FOREIGN" in foreign_settings()
    assert "rest_auth_example.W001" in [message.id for message in run_checks()]
    assert core_serializers.ExampleName == "the name a feature keeps for a core module"


@pytest.mark.django_db
def test_a_registered_strategy_answers_logins_while_in_force(
    example_installed, api_client, user, rest_auth_settings
):
    body = {"username": user.username, "password": PASSWORD}
    # The first registered strategy in force answers: turn the others off.
    rest_auth_settings(EXAMPLE_ANSWER=True, USE_JWT=False)
    response = api_client.post(reverse("rest_login"), body, format="json")
    assert response.json() == {"greeting": f"hello {user.username}"}
    rest_auth_settings(EXAMPLE_ANSWER=False)
    response = api_client.post(reverse("rest_login"), body, format="json")
    assert "greeting" not in (response.json() if response.content else {})
