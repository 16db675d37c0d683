"""Helpers of the no-enumeration tests: answers a client cannot tell apart.

An endpoint that takes an address or a username must not reveal whether an account has
it: the status, the body, the headers and the cookies are the same for a known and an
unknown account, and stay the same when sending the email fails.
"""

from __future__ import annotations

from smtplib import SMTPServerDisconnected
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend

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
