"""Every core flow of the demo page in a real headless Chromium, checked in the database."""

import re

import pytest

from demo.tests.browser import screenshot, submit
from demo.views import page_config
from rest_auth.app_settings import api_settings
from rest_auth.tests.conftest import PASSWORD


@pytest.mark.django_db(transaction=True)
def test_every_flow_through_the_page(page, user, sent_mail, rest_auth_settings):
    from playwright.sync_api import expect

    rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=True, LOGOUT_ON_PASSWORD_CHANGE=False)
    status = page.get_by_test_id("status")

    page.goto("/")
    expect(status).to_have_text("Not logged in")
    screenshot(page, "1-anonymous")

    submit(page, "login", login="alice", password=PASSWORD)
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
    expect(page.get_by_test_id("login-result")).to_be_empty()  # no "Logged in." of before
    if api_settings.TOKEN_MODEL is not None:
        assert not api_settings.TOKEN_MODEL.objects.filter(user=user).exists()

    submit(page, "password-reset", email="alice@example.com")
    expect(page.get_by_test_id("password-reset-result")).to_contain_text("a link is on its way")
    [message] = sent_mail()  # sent after the answer
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
    login = "alice@example.com" if "email" in page_config()["login_methods"] else "alice"
    submit(page, "login", login=login, password=newer)
    expect(status).to_have_text("Logged in as alice")
    screenshot(page, "4-logged-in-again")


@pytest.mark.django_db(transaction=True)
def test_a_failed_login_shows_the_servers_message(page, user):
    from playwright.sync_api import expect

    page.goto("/")
    submit(page, "login", login="alice", password="wrong")
    expect(page.get_by_test_id("login-result")).to_have_text(
        "non_field_errors: Unable to log in with provided credentials."
    )
    expect(page.get_by_test_id("status")).to_have_text("Not logged in")


@pytest.mark.django_db(transaction=True)
def test_the_login_field_follows_the_login_methods(page, user):
    from playwright.sync_api import expect

    methods = page_config()["login_methods"]
    label = {
        ("username",): "Username",
        ("email",): "Email address",
        ("username", "email"): "Username or email address",
    }[tuple(methods)]
    status = page.get_by_test_id("status")
    page.goto("/")
    expect(page.get_by_label(label, exact=True)).to_be_visible()
    # Typed in the one field, each is sent as what it is ("@": an email address).
    for login in [{"username": "alice", "email": "alice@example.com"}[name] for name in methods]:
        submit(page, "login", login=login, password=PASSWORD)
        expect(status).to_have_text("Logged in as alice")
        page.get_by_test_id("logout-submit").click()
        expect(status).to_have_text("Not logged in")


@pytest.mark.django_db(transaction=True)
def test_no_panel_shows_before_the_page_knows_who_is_there(page, user):
    from playwright.sync_api import expect

    held = []
    # The first user/ request waits, unanswered, until the test lets it go.
    page.route("**/api/auth/user/", lambda route: held.append(route), times=1)
    page.goto("/")
    page.wait_for_function("document.querySelectorAll('#panels section').length > 0")
    expect(page.locator("#panels section:visible")).to_have_count(0)
    expect(page.get_by_test_id("status")).not_to_have_text("Not logged in")
    held[0].continue_()
    expect(page.get_by_test_id("status")).to_have_text("Not logged in")
    expect(page.locator("#login")).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_long_tokens_wrap_on_a_narrow_screen(page, user):
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 360, "height": 800})
    page.goto("/")
    submit(page, "login", login="alice", password=PASSWORD)
    expect(page.get_by_test_id("status")).to_have_text("Logged in as alice")
    log = page.locator("#log")
    expect(log).to_contain_text("/api/auth/login/ -> 2")
    assert log.evaluate("element => element.scrollWidth <= element.clientWidth")
