"""System checks: each impossible configuration has a named error; the project has none."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from rest_auth.checks import check_rest_auth_settings, check_throttling
from rest_auth.throttling import DEFAULT_RATES, LoginFailureThrottle, throttle_rates


def error_ids():
    return [message.id for message in check_rest_auth_settings()]


def test_the_generated_configuration_passes():
    assert error_ids() == []
    call_command("check")  # raises SystemCheckError on any error


def test_manage_py_check_fails_with_the_id(rest_auth_settings):
    rest_auth_settings(LOGIN_SERIALIZR="rest_auth.serializers.LoginSerializer")
    with pytest.raises(SystemCheckError, match="rest_auth.E002"):
        call_command("check")


def test_rest_auth_must_be_a_dict(settings):
    settings.REST_AUTH = ["SESSION_LOGIN"]
    assert error_ids() == ["rest_auth.E001"]


def test_unknown_key_suggests_the_closest_setting(rest_auth_settings):
    rest_auth_settings(SESION_LOGIN=True)
    [message] = check_rest_auth_settings()
    assert message.id == "rest_auth.E002"
    assert "Did you mean 'SESSION_LOGIN'?" in message.hint


@pytest.mark.parametrize(
    ("key", "feature"),
    [
        ("PASSKEY_RP_ID", "Passkeys"),
        ("REGISTER_SERIALIZER", "Registration"),
        ("JWT_SERIALIZER", "JWT support"),
    ],
)
def test_key_of_a_feature_not_generated_says_so(rest_auth_settings, settings, key, feature):
    from rest_auth.app_settings import api_settings

    if key in api_settings.defaults:
        # This project has the feature: its key is a known setting, and the check agrees.
        rest_auth_settings(**{key: api_settings.defaults[key]})
        assert "rest_auth.E003" not in error_ids()
        return
    rest_auth_settings(**{key: "x"})
    [message] = check_rest_auth_settings()
    assert message.id == "rest_auth.E003"
    assert f"{feature} was not generated for this project" in message.msg


@pytest.mark.parametrize("prefix", ["PASSKEY_", "REGISTER_", "JWT_"])
def test_unknown_key_of_a_generated_feature_is_an_unknown_key(rest_auth_settings, prefix):
    """A typo in a feature this project has is a typo, not a missing feature."""
    from rest_auth.app_settings import api_settings

    key = f"{prefix}USER_VERIFICATION"
    rest_auth_settings(**{key: "required"})
    [message] = check_rest_auth_settings()
    if any(known.startswith(prefix) for known in api_settings.defaults):
        assert message.id == "rest_auth.E002"
        assert message.msg == f"REST_AUTH[{key!r}] is not a setting of rest_auth."
    else:
        assert message.id == "rest_auth.E003"


def test_unimportable_dotted_path_names_the_setting(rest_auth_settings):
    rest_auth_settings(USER_DETAILS_SERIALIZER="users.nowhere.Serializer")
    [message] = check_rest_auth_settings()
    assert message.id == "rest_auth.E004"
    assert "USER_DETAILS_SERIALIZER" in message.msg


def test_boolean_settings_must_be_booleans(rest_auth_settings):
    rest_auth_settings(SESSION_LOGIN="no")
    assert "rest_auth.E005" in error_ids()


def test_use_jwt_without_jwt_support(rest_auth_settings):
    from rest_auth.app_settings import api_settings

    rest_auth_settings(USE_JWT=True)
    if "JWT_SERIALIZER" in api_settings.defaults:
        assert "rest_auth.E006" not in error_ids()
    else:
        assert "rest_auth.E006" in error_ids()


def test_login_must_give_some_credential(rest_auth_settings):
    rest_auth_settings(TOKEN_MODEL=None, SESSION_LOGIN=False, USE_JWT=False)
    assert error_ids() == ["rest_auth.E007"]
    rest_auth_settings(SESSION_LOGIN=True)
    assert error_ids() == []


def test_sites_domain_needs_the_sites_framework(rest_auth_settings, settings):
    rest_auth_settings(PASSWORD_RESET_USE_SITES_DOMAIN=True)
    assert error_ids() == []
    settings.INSTALLED_APPS = [
        app for app in settings.INSTALLED_APPS if app != "django.contrib.sites"
    ]
    assert error_ids() == ["rest_auth.E008"]


@pytest.mark.parametrize("frontend_url", [None, "", "app.example.com", "ftp://example.com"])
def test_frontend_url_must_be_absolute(settings, frontend_url):
    settings.FRONTEND_URL = frontend_url
    assert error_ids() == ["rest_auth.E009"]


def test_frontend_url_is_not_needed_with_the_sites_domain(settings, rest_auth_settings):
    settings.FRONTEND_URL = None
    rest_auth_settings(PASSWORD_RESET_USE_SITES_DOMAIN=True)
    assert error_ids() == []


def test_a_scope_without_a_rate_in_settings_gets_its_default(settings):
    # A project with its own REST_FRAMEWORK (no rest_auth_* rates) works, limited.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"rest_auth_login": "2/minute"},
    }
    assert [m for m in check_rest_auth_settings() if m.id == "rest_auth.E010"] == []
    rates = throttle_rates()
    assert rates["rest_auth_login"] == "2/minute"
    assert rates["rest_auth_login_failures"] == DEFAULT_RATES["rest_auth_login_failures"]
    assert LoginFailureThrottle().rate == DEFAULT_RATES["rest_auth_login_failures"]


def throttling_ids():
    return [message.id for message in check_throttling()]


def test_the_generated_throttling_configuration_passes(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}
    assert throttling_ids() == []


@pytest.mark.parametrize("rate", ["5 per minute", "5/fortnight", "five/minute", "/hour", 5])
def test_a_rate_that_does_not_parse_is_an_error(throttle_rates, rate):
    throttle_rates(rest_auth_login=rate)
    assert "rest_auth.E060" in throttling_ids()


@pytest.mark.parametrize("rate", [None, "5/minute", "100/s", "3/hour", "1/day"])
def test_rates_that_parse_pass(throttle_rates, rate):
    throttle_rates(rest_auth_login=rate)
    assert "rest_auth.E060" not in throttling_ids()


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
    ],
)
def test_a_process_local_cache_in_production_is_a_warning(settings, backend):
    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": backend}}
    assert throttling_ids() == ["rest_auth.W060"]


def test_a_process_local_cache_is_fine_in_development(settings):
    settings.DEBUG = True
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert throttling_ids() == []


def test_a_shared_cache_in_production_passes(settings):
    settings.DEBUG = False
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
        }
    }
    assert throttling_ids() == []


def test_trusting_any_x_forwarded_for_is_a_warning(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": None}
    assert "rest_auth.W061" in throttling_ids()
