"""Fixtures of the demo page's tests: the auth tests' account, and a real browser.

The browser is Chromium (CHROMIUM_PATH, default /usr/bin/chromium) driven by Playwright;
without them the browser tests are skipped on a developer machine and fail when CI=true.
"""

import os
from pathlib import Path
from unittest import mock

import pytest

# The demo page logs in the account the auth tests use: their fixtures, shared.
from rest_auth.tests.conftest import (  # noqa: F401
    _feature_settings,
    _fresh_throttle_counters,
    rest_auth_settings,
    sent_mail,
    user,
)

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


@pytest.fixture(scope="session")
def live_server():
    """pytest-django's live server, serving one request at a time as a gunicorn sync
    worker does. Its threads share the tests' in-memory SQLite connection, which takes
    one user at a time: the mail a view sends after its answer (``rest_auth.mail``) must
    be done before the page's next request is served."""
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread
    from pytest_django.live_server_helper import LiveServer

    class OneRequestAtATime(WSGIServer):
        # Serves in the live server's thread, which already uses the shared connection.
        def __init__(self, *args: object, connections_override: object = None, **kwargs: object):
            super().__init__(*args, **kwargs)

    with mock.patch.object(LiveServerThread, "server_class", OneRequestAtATime):
        server = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"))
    yield server
    server.stop()


@pytest.fixture
def page(browser, live_server, settings):
    settings.FRONTEND_URL = f"{live_server.url}/app"  # email links open this page
    context = browser.new_context(base_url=live_server.url)
    yield context.new_page()
    context.close()
