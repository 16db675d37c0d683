"""Email sent after the answer has gone out, never while the client waits.

The endpoints that take an address (password reset, resend the verification link, sign-up)
answer the same for every address. Were the mail sent before the answer, the answer would
come later for an address with an account (a mail server round trip): a timing oracle.
So these views hand the work that finds the account and sends its mail to
``send_after_response``, and it runs when the server closes the response, after the
client has the whole body (Django's ``request_finished`` signal). A failure while sending
is logged, never shown: the client already has its answer.

Each worker process (gunicorn runs several) sends the mail of the requests it served, in
the thread that served them, before it takes its next request: nothing waits in memory
between requests. Mail is lost only when the process is killed between the answer and the
send (a worker timeout, SIGKILL); the user then asks for a new link. Outside a request (a
management command, a shell, a task queue) the work runs at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.core.signals import request_finished, request_started

logger = logging.getLogger(__name__)

Work = tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]

# The work deferred by the request being served; None outside a request. A context
# variable follows a request through the threads an ASGI server runs it in.
_pending: ContextVar[list[Work] | None] = ContextVar("rest_auth_pending_mail", default=None)


def send_after_response(send: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """Call ``send(*args, **kwargs)`` once the response has gone out (at once outside a
    request); an exception it raises is logged."""
    pending = _pending.get()
    if pending is None:
        run_quietly(send, args, kwargs)
    else:
        pending.append((send, args, kwargs))


def run_quietly(send: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Run one piece of mail work; log what it raises."""
    try:
        send(*args, **kwargs)
    except Exception:  # noqa: BLE001 - any delivery failure is logged, none is shown
        logger.exception("Failed to send an email (%s)", getattr(send, "__qualname__", send))


def start_request(**kwargs: Any) -> None:
    """A request begins: collect its mail (what an earlier request left is dropped)."""
    _pending.set([])


def send_pending(**kwargs: Any) -> None:
    """The response is closed: run the request's mail work, in the order it was queued."""
    pending = _pending.get()
    # Work queued while running (a flow that defers in turn) runs at once.
    _pending.set(None)
    for send, args, call_kwargs in pending or ():
        run_quietly(send, args, call_kwargs)


def connect_signals() -> None:
    """Collect mail during each request and send it when the response is closed."""
    request_started.connect(start_request, dispatch_uid="rest_auth.mail.start_request")
    request_finished.connect(send_pending, dispatch_uid="rest_auth.mail.send_pending")
