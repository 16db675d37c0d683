"""Sign-up and email verification on the demo page, in each verification mode."""

import re

import pytest
from allauth.account.models import EmailAddress

from demo.tests.browser import screenshot, submit

PASSWORD = "a-strong-passphrase-42"
VERIFY_LINK = re.compile(r"https?://\S+/verify-email/[^/\s]+/")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("verification", ["mandatory", "optional", "none"])
def test_sign_up_and_confirm_the_address(page, sent_mail, settings, verification):
    from playwright.sync_api import expect

    settings.ACCOUNT_EMAIL_VERIFICATION = verification
    status = page.get_by_test_id("status")
    page.goto("/")
    submit(
        page,
        "register",
        username="carol",
        email="carol@example.com",
        password1=PASSWORD,
        password2=PASSWORD,
    )
    result = page.get_by_test_id("register-result")
    if verification == "mandatory":  # no credential until the address is confirmed
        expect(result).to_contain_text("Verification e-mail sent.")
        expect(status).to_have_text("Not logged in")
        screenshot(page, f"registration-{verification}")
    else:
        expect(result).to_have_text("Signed up and logged in.")
        expect(status).to_have_text("Logged in as carol")
        screenshot(page, f"registration-{verification}")
        page.get_by_test_id("logout-submit").click()
        expect(status).to_have_text("Not logged in")
    if verification == "none":
        assert sent_mail(timeout=0) == []
        return

    [message] = sent_mail()  # sent after the answer
    page.goto(VERIFY_LINK.search(message.body).group())
    page.get_by_test_id("verify-email-submit").click()
    expect(page.get_by_test_id("verify-email-result")).to_have_text(
        "Your email address is confirmed."
    )
    assert EmailAddress.objects.get(email="carol@example.com").verified

    page.goto("/")
    submit(page, "login", username="carol", password=PASSWORD)
    expect(status).to_have_text("Logged in as carol")
