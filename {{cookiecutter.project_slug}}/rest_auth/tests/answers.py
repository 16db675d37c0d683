"""Helpers of the no-enumeration tests: answers a client cannot tell apart.

An endpoint that takes an address or a username must not reveal whether an account has
it: the status, the body, the headers and the cookies are the same for a known and an
unknown account, and stay the same when sending the email fails.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from smtplib import SMTPServerDisconnected
from typing import Any

from django.core.handlers.wsgi import WSGIHandler
from django.core.mail.backends.base import BaseEmailBackend
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.http import HttpResponse
from django.test import RequestFactory

# Point EMAIL_BACKEND here to simulate a mail server that is down.
FAILING_EMAIL_BACKEND = "rest_auth.tests.answers.FailingEmailBackend"


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that is down: every send raises, as SMTP does (unless told to fail
    silently, as Django's error reports to ADMINS are)."""

    def send_messages(self, email_messages: Any) -> int:
        if self.fail_silently:
            return 0
        raise SMTPServerDisconnected("Connection unexpectedly closed")


def visible(response: Any, *, body: bool = True) -> dict[str, Any]:
    """What a client sees of an answer. ``body=False`` leaves out the body and its length,
    for answers that carry fresh random values (a challenge) but must keep their shape."""
    hidden = set() if body else {"content-length"}
    return {
        "status": response.status_code,
        "headers": sorted(
            (name.lower(), value)
            for name, value in response.headers.items()
            if name.lower() not in hidden
        ),
        "cookies": sorted(response.cookies),
        "body": response.content if body else None,
    }


def assert_same_answer(first: Any, *others: Any, body: bool = True) -> None:
    """Every answer looks exactly like the first one."""
    expected = visible(first, body=body)
    for other in others:
        assert visible(other, body=body) == expected


@contextmanager
def served(path: str, body: dict[str, Any]) -> Iterator[HttpResponse]:
    """POST a JSON body through Django's WSGI handler, as a server does; the response as
    the client has it, before the server closes it (the end of the request).

    Unlike the test client, which closes the response before handing it over, this shows
    what has happened by the time the client has its answer.
    """
    request = RequestFactory().post(path, json.dumps(body), content_type="application/json")
    # As the test client does: the test's database connection must stay open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = WSGIHandler()(request.environ, lambda status, headers: None)
        yield response
        response.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
