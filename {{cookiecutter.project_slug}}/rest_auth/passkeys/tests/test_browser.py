"""End to end in a real Chromium: its WebAuthn implementation against the running project.

The DevTools virtual authenticator (CTAP2, internal transport, resident keys, user
verification) stands in for the device. Needs Debian's ``chromium`` at /usr/bin/chromium
and the ``playwright`` package; without the browser the test is skipped, except under
CI=true where it must run.
"""

import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def chromium(monkeypatch):
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{CHROMIUM} is missing (CI=true: the browser test may not skip)")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    # The sync Playwright API runs an event loop in this thread, which makes Django refuse
    # ORM calls here; the test's own calls are safe (they do not run inside that loop).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()


def add_virtual_authenticator(context, page) -> None:
    devtools = context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.urls("rest_auth.passkeys.tests.browser_urls")
def test_register_then_log_in_with_and_without_a_username_in_chromium(
    live_server, user, password, rest_auth_settings, settings, chromium
):
    # WebAuthn refuses IP addresses: the page must be on http://localhost:PORT.
    assert live_server.url.startswith("http://localhost:")
    settings.ALLOWED_HOSTS = ["localhost"]
    rest_auth_settings(PASSKEY_RP_ID="localhost", PASSKEY_RP_ORIGINS=[live_server.url])

    context = chromium.new_context()  # one browser context per user
    page = context.new_page()
    add_virtual_authenticator(context, page)
    page.goto(f"{live_server.url}/passkey-page/")

    login = page.evaluate("([u, p]) => passwordLogin(u, p)", [user.username, password])
    assert login["status"] in (200, 204), login
    registered = page.evaluate("() => registerPasskey('Chromium')")
    assert registered["status"] == 201, registered
    assert registered["body"]["name"] == "Chromium"
    assert registered["body"]["discoverable"] is True

    assert page.evaluate("() => logout()")["status"] == 200
    assert page.evaluate("() => whoami()")["status"] in (401, 403)

    answer = page.evaluate("() => passkeyLogin()")
    assert answer["status"] == login["status"], answer
    me = page.evaluate("() => whoami()")
    assert (me["status"], me["body"]["username"]) == (200, user.username)

    # Named by username: the options list the account's credential, as decoys are listed.
    assert page.evaluate("() => logout()")["status"] == 200
    answer = page.evaluate("(username) => passkeyLogin({username})", user.username)
    assert answer["status"] == login["status"], answer
    assert page.evaluate("() => whoami()")["body"]["username"] == user.username
    # Checked through the API, not the ORM: while Playwright's event loop runs, Django
    # would give this thread a connection of its own that nothing closes.
    listed = page.evaluate("() => api('passkeys/', null, 'GET')")
    [passkey] = listed["body"]
    assert passkey["id"] == registered["body"]["id"] and passkey["last_used_at"] is not None
    context.close()
