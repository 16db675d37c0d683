"""System checks of social login: missing provider credentials have an id, not a 500."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from rest_auth.registration.social.checks import check_social_settings, generated_providers

from .fakes import fake_classes, set_app


def without_credentials(settings, provider_id: str) -> None:
    set_app(settings, provider_id, client_id="", secret="")


def test_every_generated_provider_has_a_fake():
    assert sorted(generated_providers()) == sorted(fake.provider_id for fake in fake_classes())


def test_with_credentials_the_configuration_passes(provider, settings):
    settings.DEBUG = False
    for other in generated_providers():
        if other != provider.provider_id:
            set_app(settings, other, client_id="id", secret="s")
    assert check_social_settings() == []
    call_command("check")


def test_missing_credentials_fail_the_check(provider, settings):
    without_credentials(settings, provider.provider_id)
    settings.DEBUG = False
    [message] = [m for m in check_social_settings() if provider.provider_id in m.msg]
    assert message.id == "rest_auth.E040"
    variable = f"SOCIAL_{provider.provider_id.upper()}_CLIENT_ID"
    assert variable in message.hint
    with pytest.raises(SystemCheckError, match="rest_auth.E040"):
        call_command("check")


def test_missing_credentials_are_a_warning_in_development(provider, settings):
    without_credentials(settings, provider.provider_id)
    settings.DEBUG = True
    ids = {m.id for m in check_social_settings() if provider.provider_id in m.msg}
    assert ids == {"rest_auth.W040"}
    call_command("check")  # a warning: development goes on


def test_provider_app_missing_from_installed_apps(provider, settings):
    app = f"allauth.socialaccount.providers.{provider.provider_id}"
    settings.INSTALLED_APPS = [name for name in settings.INSTALLED_APPS if name != app]
    [message] = check_social_settings()
    assert message.id == "rest_auth.E041"
    assert app in message.msg  # alone: E041 says what is wrong


def test_socialaccount_missing_from_installed_apps(settings):
    settings.INSTALLED_APPS = [
        name for name in settings.INSTALLED_APPS if not name.startswith("allauth.socialaccount")
    ]
    [message] = check_social_settings()
    assert message.id == "rest_auth.E041"
    assert "allauth.socialaccount" in message.msg
