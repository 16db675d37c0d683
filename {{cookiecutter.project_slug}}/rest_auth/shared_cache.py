"""The default cache, for state every worker must see: throttle counters, revoked tokens.

Such state decides whether a request may go on, so when the cache cannot be reached the
request is refused with ``503`` and a ``Retry-After`` header (fail closed), and the error
is logged: an attacker must not get unlimited password guesses, or a revoked token back,
by taking the cache down.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status

logger = logging.getLogger(__name__)

# Seconds a client is told to wait when the cache cannot be reached.
RETRY_AFTER = 30


class ServiceUnavailable(exceptions.APIException):
    """``503 {"detail": ...}`` with a ``Retry-After`` header (DRF sets it from ``wait``)."""

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _("Service temporarily unavailable, try again later.")
    default_code = "service_unavailable"

    def __init__(self, wait: int = RETRY_AFTER) -> None:
        super().__init__()
        self.wait = wait


class FailClosedCache:
    """The default cache, turning any failure to reach it into a logged 503."""

    def __getattr__(self, name: str) -> Any:
        method = getattr(cache, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return method(*args, **kwargs)
            except ValueError:
                raise  # incr()/decr() of a missing key: an answer, not an outage
            except Exception:  # noqa: BLE001 - whatever the backend raises, the cache is down
                logger.exception("Shared cache unavailable: cache.%s failed", name)
                raise ServiceUnavailable() from None

        return call


shared_cache = FailClosedCache()
