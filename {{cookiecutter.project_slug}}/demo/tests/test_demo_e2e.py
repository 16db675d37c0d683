"""Every flow of the demo page in a real headless Chromium, checked in the database too.

Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and the playwright package;
without them the test is skipped on a developer machine and fails when CI=true.
Screenshots of the main states go to TEST_ARTIFACTS_DIR (default: test-artifacts/).
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from rest_auth.app_settings import api_settings
from rest_auth.tests.conftest import PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# No sandbox as root in containers; no background traffic to Google on a closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(
    os.environ.get("TEST_ARTIFACTS_DIR", Path(django_settings.BASE_DIR) / "test-artifacts")
)


def unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: the browser tests may not skip)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed")
    if not Path(CHROMIUM).exists():
        unavailable(f"no Chromium at {CHROMIUM}")
    # Playwright's sync API keeps an event loop running in this thread while the browser
    # is open; the ORM calls of the tests (and their database teardown) are still
    # synchronous and safe, so Django's guard against async contexts is lifted meanwhile.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, live_server, settings):
    settings.FRONTEND_URL = live_server.url  # email links open this page
    context = browser.new_context(base_url=live_server.url)
    yield context.new_page()
    context.close()


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"demo-{name}.png"), full_page=True)


def submit(page, panel: str, **values: str) -> None:
    for name, value in values.items():
        page.locator(f"#{panel}-{name}").fill(value)
    page.get_by_test_id(f"{panel}-submit").click()


@pytest.mark.django_db(transaction=True)
def test_every_flow_through_the_page(page, user, mailoutbox, rest_auth_settings):
    from playwright.sync_api import expect

    rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=True, LOGOUT_ON_PASSWORD_CHANGE=False)
    status = page.get_by_test_id("status")

    page.goto("/")
    expect(status).to_have_text("Not logged in")
    screenshot(page, "1-anonymous")

    submit(page, "login", username="alice", password=PASSWORD)
    expect(status).to_have_text("Logged in as alice")
    screenshot(page, "2-logged-in")

    submit(page, "user", first_name="Alice", last_name="Liddell")
    expect(page.get_by_test_id("user-info")).to_contain_text("Alice Liddell")
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("Alice", "Liddell")

    new = "a-new-passphrase-42"
    submit(page, "password-change", old_password=PASSWORD, new_password1=new, new_password2=new)
    changed = page.get_by_test_id("password-change-result")
    expect(changed).to_have_text("New password has been saved.")
    user.refresh_from_db()
    assert user.check_password(new)
    expect(status).to_have_text("Logged in as alice")  # this session survives the change

    page.get_by_test_id("logout-submit").click()
    expect(status).to_have_text("Not logged in")
    if api_settings.TOKEN_MODEL is not None:
        assert not api_settings.TOKEN_MODEL.objects.filter(user=user).exists()

    submit(page, "password-reset", email="alice@example.com")
    expect(page.get_by_test_id("password-reset-result")).to_contain_text("a link is on its way")
    [message] = mailoutbox
    link = re.search(r"https?://\S+/password-reset/\S+/", message.body).group()
    screenshot(page, "3-reset-requested")

    page.goto(link)
    newer = "another-passphrase-43"
    submit(page, "password-reset-confirm", new_password1=newer, new_password2=newer)
    expect(page.get_by_test_id("password-reset-confirm-result")).to_have_text(
        "Password has been reset with the new password."
    )
    user.refresh_from_db()
    assert user.check_password(newer)

    page.goto("/")
    submit(page, "login", email="alice@example.com", password=newer)
    expect(status).to_have_text("Logged in as alice")
    screenshot(page, "4-logged-in-again")


@pytest.mark.django_db(transaction=True)
def test_a_failed_login_shows_the_servers_message(page, user):
    from playwright.sync_api import expect

    page.goto("/")
    submit(page, "login", username="alice", password="wrong")
    expect(page.get_by_test_id("login-result")).to_have_text(
        "non_field_errors: Unable to log in with provided credentials."
    )
    expect(page.get_by_test_id("status")).to_have_text("Not logged in")
