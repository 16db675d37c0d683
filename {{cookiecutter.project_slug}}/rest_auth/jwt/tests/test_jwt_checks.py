"""System checks of JWT mode: each misconfiguration has its id; the project has none."""

import importlib.util

import pytest
from django.core.management import call_command

from rest_auth.jwt import checks as jwt_checks
from rest_auth.jwt.checks import check_jwt_deployment, check_jwt_settings, path_covers


def ids():
    return [message.id for message in check_jwt_settings()]


def test_the_generated_configuration_passes_even_warnings():
    assert ids() == []
    call_command("check", fail_level="WARNING")


def test_the_checks_are_registered(rest_auth_settings):
    from django.core.checks.registry import registry

    assert check_jwt_settings in registry.get_checks()


def test_simplejwt_missing(rest_auth_settings, monkeypatch):
    rest_auth_settings(USE_JWT=True)
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        jwt_checks.importlib.util,
        "find_spec",
        lambda name, *args: (
            None if name == "rest_framework_simplejwt" else real_find_spec(name, *args)
        ),
    )
    assert ids() == ["rest_auth.E011"]
    rest_auth_settings(USE_JWT=False)
    assert ids() == []


def test_simplejwt_present(rest_auth_settings):
    rest_auth_settings(USE_JWT=True)
    assert "rest_auth.E011" not in ids()


@pytest.mark.parametrize(("secure", "expected"), [(False, ["rest_auth.E012"]), (True, [])])
def test_samesite_none_needs_secure(rest_auth_settings, secure, expected):
    rest_auth_settings(JWT_AUTH_COOKIE="access", JWT_AUTH_SAMESITE="None", JWT_AUTH_SECURE=secure)
    assert ids() == expected


def test_samesite_none_without_cookies_is_fine(rest_auth_settings):
    rest_auth_settings(
        JWT_AUTH_COOKIE=None,
        JWT_AUTH_REFRESH_COOKIE=None,
        JWT_AUTH_SAMESITE="None",
        JWT_AUTH_SECURE=False,
    )
    assert ids() == []


@pytest.mark.parametrize("samesite", ["lax", "None ", True, None])
def test_samesite_must_be_a_samesite_value(rest_auth_settings, samesite):
    rest_auth_settings(JWT_AUTH_SAMESITE=samesite)
    assert ids() == ["rest_auth.E013"]


@pytest.mark.parametrize("samesite", ["Strict", "Lax", False])
def test_samesite_values(rest_auth_settings, samesite):
    rest_auth_settings(JWT_AUTH_COOKIE="access", JWT_AUTH_SAMESITE=samesite, JWT_AUTH_SECURE=False)
    assert ids() == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", []),
        ("/api/auth/", []),
        ("/api/auth/token/refresh/", []),
        ("/api/auth/token/refresh", []),
        ("/api/auth/token/refresh/x/", ["rest_auth.W001"]),
        ("/api/auth/logout/", ["rest_auth.W001"]),
        ("/api/auth/tok", ["rest_auth.W001"]),
    ],
)
def test_refresh_cookie_path_must_cover_the_refresh_endpoint(rest_auth_settings, path, expected):
    rest_auth_settings(JWT_AUTH_REFRESH_COOKIE="refresh", JWT_AUTH_REFRESH_COOKIE_PATH=path)
    assert ids() == expected


@pytest.mark.parametrize(
    ("cookie", "secure", "expected"),
    [("access", False, ["rest_auth.W002"]), ("access", True, []), (None, False, [])],
)
def test_deployment_wants_secure_cookies(rest_auth_settings, cookie, secure, expected):
    rest_auth_settings(JWT_AUTH_COOKIE=cookie, JWT_AUTH_REFRESH_COOKIE=None, JWT_AUTH_SECURE=secure)
    assert [message.id for message in check_jwt_deployment()] == expected


def test_deployment_check_runs_only_with_deploy(rest_auth_settings):
    from django.core.checks.registry import registry

    assert check_jwt_deployment in registry.get_checks(include_deployment_checks=True)
    assert check_jwt_deployment not in registry.get_checks()


def test_refresh_cookie_path_does_not_matter_without_the_cookie(rest_auth_settings):
    rest_auth_settings(JWT_AUTH_REFRESH_COOKIE=None, JWT_AUTH_REFRESH_COOKIE_PATH="/elsewhere/")
    assert ids() == []


@pytest.mark.parametrize(
    ("cookie_path", "request_path", "sent"),
    [
        ("/", "/anything", True),
        ("/a/b", "/a/b", True),
        ("/a/b", "/a/b/c", True),
        ("/a/b", "/a/bc", False),
        ("/a/b/", "/a/b/c", True),
        ("/a/b/", "/a/b", False),
    ],
)
def test_path_covers_follows_rfc_6265(cookie_path, request_path, sent):
    assert path_covers(cookie_path, request_path) is sent
