"""Passkeys on the demo page, in Chromium with the DevTools virtual authenticator."""

import pytest

from demo.tests.browser import screenshot, submit
from rest_auth.passkeys.models import Passkey
from rest_auth.tests.conftest import PASSWORD
from rest_auth.tests.passkeys.test_browser import add_virtual_authenticator


@pytest.mark.django_db(transaction=True)
def test_add_manage_and_log_in_with_a_passkey(page, user, live_server, rest_auth_settings):
    from playwright.sync_api import expect

    # WebAuthn binds passkeys to the page's origin: this live server's.
    rest_auth_settings(PASSKEY_RP_ID="localhost", PASSKEY_RP_ORIGINS=[live_server.url])
    status = page.get_by_test_id("status")
    page.goto("/")
    add_virtual_authenticator(page.context, page)
    submit(page, "login", username="alice", password=PASSWORD)
    expect(status).to_have_text("Logged in as alice")

    submit(page, "passkey-add", name="Laptop")
    expect(page.get_by_test_id("passkey-add-result")).to_have_text('Passkey "Laptop" added.')
    [passkey] = Passkey.objects.filter(user=user)
    expect(page.get_by_test_id("passkey-list-info")).to_contain_text(f"#{passkey.pk} Laptop")

    submit(page, "passkey-list", id=str(passkey.pk), name="Work laptop")
    expect(page.get_by_test_id("passkey-list-info")).to_contain_text("Work laptop")
    passkey.refresh_from_db()
    assert passkey.name == "Work laptop"
    screenshot(page, "passkeys-listed")

    page.get_by_test_id("logout-submit").click()
    expect(status).to_have_text("Not logged in")
    page.get_by_test_id("passkey-login-submit").click()  # usernameless: the browser picks
    expect(status).to_have_text("Logged in as alice")
    passkey.refresh_from_db()
    assert passkey.last_used_at is not None
    screenshot(page, "passkeys-logged-in")

    submit(page, "passkey-list", id=str(passkey.pk))
    expect(page.get_by_test_id("passkey-list-result")).to_have_text("Passkey deleted.")
    assert not Passkey.objects.filter(user=user).exists()
