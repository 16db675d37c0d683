"""Every core flow of the demo page in a real headless Chromium, checked in the database."""

import re

import pytest

from demo.tests.browser import screenshot, submit
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
