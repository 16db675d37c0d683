"""Passkeys on the demo page, in Chromium with the DevTools virtual authenticator."""

import pytest

from demo.tests.browser import screenshot, submit
from demo.views import page_config
from rest_auth.passkeys.models import Passkey
from rest_auth.passkeys.tests.test_browser import add_virtual_authenticator
from rest_auth.tests.conftest import PASSWORD


@pytest.fixture
def passkey_page(page, live_server, rest_auth_settings):
    # WebAuthn binds passkeys to the page's origin: this live server's.
    rest_auth_settings(PASSKEY_RP_ID="localhost", PASSKEY_RP_ORIGINS=[live_server.url])
    page.goto("/")
    add_virtual_authenticator(page.context, page)
    return page


def add_passkey(page, name: str) -> Passkey:
    from playwright.sync_api import expect

    submit(page, "passkey-add", name=name)
    expect(page.get_by_test_id("passkey-add-result")).to_have_text(f'Passkey "{name}" added.')
    return Passkey.objects.get(name=name)


@pytest.mark.django_db(transaction=True)
def test_add_manage_and_log_in_with_a_passkey(passkey_page, user):
    from playwright.sync_api import expect

    page = passkey_page
    status = page.get_by_test_id("status")
    submit(page, "login", login="alice", password=PASSWORD)
    expect(status).to_have_text("Logged in as alice")

    laptop = add_passkey(page, "Laptop")
    # A second passkey, as if from another device (the virtual authenticator holds one).
    phone = Passkey.objects.get(pk=laptop.pk)
    phone.pk, phone.name, phone.credential_id = None, "Phone", b"another device"
    phone.save()
    page.evaluate("demo.refresh()")  # the page shows the list anew
    # One row per passkey, each with its own rename and delete buttons.
    row = page.get_by_test_id(f"passkey-{laptop.pk}")
    expect(row.get_by_label("Name of Laptop")).to_have_value("Laptop")
    expect(page.get_by_test_id(f"passkey-{phone.pk}")).to_contain_text("Last used never")

    row.get_by_label("Name of Laptop").fill("Work laptop")
    row.get_by_role("button", name="Rename Laptop").click()
    expect(page.get_by_test_id("passkey-list-result")).to_have_text('Renamed to "Work laptop".')
    laptop.refresh_from_db()
    assert laptop.name == "Work laptop"
    expect(row.get_by_role("button", name="Rename Work laptop")).to_be_visible()
    screenshot(page, "passkeys-listed")

    page.get_by_test_id("logout-submit").click()
    expect(status).to_have_text("Not logged in")
    page.get_by_test_id("passkey-login-submit").click()  # usernameless: the browser picks
    expect(status).to_have_text("Logged in as alice")
    assert Passkey.objects.filter(user=user, last_used_at__isnull=False).exists()
    screenshot(page, "passkeys-logged-in")

    page.get_by_role("button", name="Delete Phone").click()
    expect(page.get_by_test_id("passkey-list-result")).to_have_text("Deleted Phone.")
    expect(page.get_by_test_id(f"passkey-{phone.pk}")).to_have_count(0)
    assert list(Passkey.objects.filter(user=user)) == [laptop]


@pytest.mark.django_db(transaction=True)
def test_log_in_with_a_passkey_by_username_or_email(passkey_page, user):
    from playwright.sync_api import expect

    page = passkey_page
    status = page.get_by_test_id("status")
    submit(page, "login", login="alice", password=PASSWORD)
    add_passkey(page, "Laptop")
    page.get_by_test_id("logout-submit").click()
    expect(status).to_have_text("Not logged in")

    # What the user types is sent as what it is ("@": an email address), by the login methods.
    for login in [
        {"username": "alice", "email": "alice@example.com"}[method]
        for method in page_config()["login_methods"]
    ]:
        submit(page, "passkey-login", login=login)
        result = page.get_by_test_id("passkey-login-result")
        expect(result).to_have_text("Logged in with a passkey.")
        expect(status).to_have_text("Logged in as alice")
        page.get_by_test_id("logout-submit").click()
        expect(status).to_have_text("Not logged in")
