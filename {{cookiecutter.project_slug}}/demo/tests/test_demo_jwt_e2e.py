"""JWT mode on the demo page: tokens where the answers put them, and a working refresh."""

import pytest

from demo.tests.browser import screenshot, submit
from rest_auth.app_settings import api_settings
from rest_auth.tests.conftest import PASSWORD


@pytest.mark.django_db(transaction=True)
def test_login_and_refresh_through_the_page(page, user):
    from playwright.sync_api import expect

    status = page.get_by_test_id("status")
    page.goto("/")
    submit(page, "login", username="alice", password=PASSWORD)
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
