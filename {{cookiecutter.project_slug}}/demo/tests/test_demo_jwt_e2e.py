"""JWT mode on the demo page: tokens where the answers put them, and a working refresh."""

from datetime import timedelta

import pytest
from rest_framework_simplejwt.tokens import AccessToken

from demo.tests.browser import screenshot, submit
from rest_auth.app_settings import api_settings
from rest_auth.tests.conftest import PASSWORD


@pytest.mark.django_db(transaction=True)
def test_login_and_refresh_through_the_page(page, user):
    from playwright.sync_api import expect

    status = page.get_by_test_id("status")
    page.goto("/")
    submit(page, "login", login="alice", password=PASSWORD)
    expect(status).to_have_text("Logged in as alice")

    cookies = {cookie["name"]: cookie for cookie in page.context.cookies()}
    if api_settings.JWT_AUTH_COOKIE:
        # Browser mode: HttpOnly cookies, out of the page script's reach.
        assert cookies[api_settings.JWT_AUTH_COOKIE]["httpOnly"]
        assert cookies[api_settings.JWT_AUTH_REFRESH_COOKIE]["httpOnly"]
    else:
        # Header mode: no token cookie; the page holds the tokens in memory.
        assert not {"access_token", "refresh_token"} & cookies.keys()

    page.get_by_test_id("token-refresh-submit").click()
    expect(page.get_by_test_id("token-refresh-result")).to_have_text(
        "A new access token was issued."
    )
    expect(status).to_have_text("Logged in as alice")  # the page goes on with the new token
    screenshot(page, "jwt-refreshed")

    page.get_by_test_id("logout-submit").click()
    expect(status).to_have_text("Not logged in")


@pytest.fixture
def short_lived_access(monkeypatch):
    """Access tokens (and their cookie) that expire two seconds after they are issued.

    simplejwt reads ACCESS_TOKEN_LIFETIME once, into the token class: patch the class.
    """
    monkeypatch.setattr(AccessToken, "lifetime", timedelta(seconds=2))


def refresh_calls(page) -> list[str]:
    """The token/refresh/ requests the page makes from now on."""
    calls: list[str] = []

    def record(request) -> None:
        if "/token/refresh/" in request.url:
            calls.append(request.url)

    page.on("request", record)
    return calls


@pytest.mark.django_db(transaction=True)
def test_an_expired_access_token_is_renewed(page, user, short_lived_access):
    from playwright.sync_api import expect

    status = page.get_by_test_id("status")
    page.goto("/")
    submit(page, "login", login="alice", password=PASSWORD)
    expect(status).to_have_text("Logged in as alice")
    calls = refresh_calls(page)

    page.wait_for_timeout(2500)  # the access token has expired
    submit(page, "user", first_name="Alice")
    expect(page.get_by_test_id("user-info")).to_contain_text("Alice")
    expect(status).to_have_text("Logged in as alice")
    user.refresh_from_db()
    assert user.first_name == "Alice"
    assert len(calls) == 1

    if api_settings.JWT_AUTH_COOKIE:
        # A reload too: the refresh cookie outlives the access cookie.
        page.wait_for_timeout(2500)
        page.reload()
        expect(status).to_have_text("Logged in as alice")
        assert len(calls) == 2


@pytest.mark.django_db(transaction=True)
def test_a_refused_renewal_is_not_asked_again(page, user):
    from playwright.sync_api import expect

    status = page.get_by_test_id("status")
    page.goto("/")
    submit(page, "login", login="alice", password=PASSWORD)
    expect(status).to_have_text("Logged in as alice")
    page.context.clear_cookies()  # as when the refresh token has expired too
    calls = refresh_calls(page)
    page.reload()
    expect(status).to_have_text("Not logged in")
    submit(page, "login", login="alice", password="wrong")
    expect(page.get_by_test_id("login-result")).to_contain_text("Unable to log in")
    expect(status).to_have_text("Not logged in")
    # Cookies: one try on load, the last login left a refresh cookie. Headers: the tokens
    # were in the page's memory, gone with the reload: nothing to renew with.
    assert len(calls) == (1 if api_settings.JWT_AUTH_COOKIE else 0)
