"""System checks of registration: each broken configuration has its id; the project none."""

import pytest
from django.core.management import call_command

from rest_auth.checks import check_rest_auth_settings
from rest_auth.registration.checks import check_registration
from rest_auth.registration.throttling import DEFAULT_RATES, VerificationEmailThrottle
from rest_auth.throttling import throttle_rates


def ids():
    return [message.id for message in check_registration()]


def test_the_generated_configuration_passes():
    assert ids() == []
    call_command("check")


def test_allauth_apps_missing(settings):
    settings.INSTALLED_APPS = [app for app in settings.INSTALLED_APPS if app != "allauth.account"]
    assert ids() == ["rest_auth.E020"]


def test_allauth_middleware_missing(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "allauth" not in m]
    [message] = check_registration()
    assert message.id == "rest_auth.E020"
    assert "AccountMiddleware" in message.msg


def test_adapter_must_build_frontend_links(settings):
    settings.ACCOUNT_ADAPTER = "allauth.account.adapter.DefaultAccountAdapter"
    assert ids() == ["rest_auth.E021"]


def test_registration_scopes_have_default_rates(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {}}
    assert ids() == []
    assert VerificationEmailThrottle().rate == DEFAULT_RATES["rest_auth_verification_email"]
    assert throttle_rates()["rest_auth_register"] == DEFAULT_RATES["rest_auth_register"]


@pytest.mark.parametrize("key", ["PASSWORD_RESET_SERIALIZER", "PASSWORD_RESET_CONFIRM_SERIALIZER"])
def test_password_reset_serializers_must_agree(rest_auth_settings, key):
    core = {
        "PASSWORD_RESET_SERIALIZER": "rest_auth.serializers.PasswordResetSerializer",
        "PASSWORD_RESET_CONFIRM_SERIALIZER": "rest_auth.serializers.PasswordResetConfirmSerializer",
    }
    rest_auth_settings(**{key: core[key]})
    assert ids() == ["rest_auth.E023"]
    rest_auth_settings(**core)  # both Django's: consistent, if not allauth's
    assert ids() == []


@pytest.mark.parametrize(
    ("mode", "expected"), [("mandatory", ["rest_auth.W020"]), ("optional", [])]
)
def test_mandatory_verification_needs_the_allauth_login(
    rest_auth_settings, settings, mode, expected
):
    settings.ACCOUNT_EMAIL_VERIFICATION = mode
    rest_auth_settings(LOGIN_SERIALIZER="rest_auth.serializers.LoginSerializer")
    assert ids() == expected


def test_register_settings_are_known_keys(rest_auth_settings):
    rest_auth_settings(
        REGISTER_SERIALIZER="rest_auth.registration.serializers.RegisterSerializer",
        REGISTER_PERMISSION_CLASSES=("rest_framework.permissions.AllowAny",),
    )
    assert check_rest_auth_settings() == []
    rest_auth_settings(REGISTER_SERIALIZER="nowhere.Serializer")
    assert [m.id for m in check_rest_auth_settings()] == ["rest_auth.E004"]


@pytest.mark.parametrize(
    "backends",
    [
        ["allauth.account.auth_backends.AuthenticationBackend"],
        [
            "django.contrib.auth.backends.ModelBackend",
            "allauth.account.auth_backends.AuthenticationBackend",
        ],
    ],
)
def test_allauths_backend_is_not_wanted(settings, backends):
    settings.AUTHENTICATION_BACKENDS = backends
    assert ids() == ["rest_auth.W021"]


@pytest.mark.parametrize(
    ("key", "allauth_setting"),
    [
        ("PASSKEY_LOGIN_ENABLED", "MFA_PASSKEY_LOGIN_ENABLED"),
        ("PASSKEY_SIGNUP_ENABLED", "MFA_PASSKEY_SIGNUP_ENABLED"),
    ],
)
def test_a_django_allauth_setting_in_rest_auth_is_named_as_one(
    rest_auth_settings, key, allauth_setting
):
    from rest_auth.checks import check_rest_auth_settings

    rest_auth_settings(**{key: True})
    [message] = check_rest_auth_settings()
    assert message.id == "rest_auth.E002"
    assert f"REST_AUTH[{key!r}] is not a setting of rest_auth" in message.msg
    assert f"django-allauth's {allauth_setting}" in message.msg
    assert "was not generated" not in message.msg
