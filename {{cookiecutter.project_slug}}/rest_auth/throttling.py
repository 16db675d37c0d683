"""Rate limits for the auth endpoints.

Each scope has a default rate, kept beside its code (``DEFAULT_RATES`` here and in each
feature's ``throttling`` module, which its AppConfig names); the project's
``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` overrides any of them
(``"rest_auth_login": "20/minute"``, or None for no limit). Rates are read per request.

Two kinds of key:

- the client: its IP address (``REMOTE_ADDR``; ``X-Forwarded-For`` only as far as
  ``REST_FRAMEWORK["NUM_PROXIES"]`` trusted proxies vouch for it), or the user when logged
  in (DRF's scoped throttle, named by a view's ``throttle_scope``);
- what the request is about, whoever sends it: the login being guessed (failed attempts
  only), the address an email goes to. A hash of the case-folded value, so ``Alice`` and
  ``alice `` share a counter, and the cache key has a bounded length whatever was sent.

Every request is counted atomically when it arrives (``CountingThrottle``), so a burst of
parallel requests cannot get past a limit.

Counters live in the default cache: give production a shared one (Redis), or every worker
process counts on its own (``rest_auth.W060``). When the cache cannot be reached, throttled
endpoints answer ``503`` (fail closed, ``rest_auth/shared_cache.py``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from typing import Any

from django.utils.module_loading import import_string
from rest_framework import throttling
from rest_framework.request import Request
from rest_framework.settings import api_settings

from .features import installed_features
from .shared_cache import shared_cache

LOGIN_SCOPE = "rest_auth_login"
LOGIN_FAILURES_SCOPE = "rest_auth_login_failures"
PASSWORD_CHANGE_SCOPE = "rest_auth_password_change"
PASSWORD_RESET_SCOPE = "rest_auth_password_reset"
PASSWORD_RESET_EMAIL_SCOPE = "rest_auth_password_reset_email"
THROTTLE_SCOPES = (
    LOGIN_SCOPE,
    LOGIN_FAILURES_SCOPE,
    PASSWORD_CHANGE_SCOPE,
    PASSWORD_RESET_SCOPE,
    PASSWORD_RESET_EMAIL_SCOPE,
)
# The rates a project gets without naming the scope in DEFAULT_THROTTLE_RATES.
DEFAULT_RATES: dict[str, str | None] = {
    # Per client IP: login attempts (password, passkey, social), whatever the account.
    LOGIN_SCOPE: "20/minute",
    # Per account (the username or email typed): failed attempts, whoever makes them.
    LOGIN_FAILURES_SCOPE: "10/hour",
    PASSWORD_CHANGE_SCOPE: "10/hour",
    PASSWORD_RESET_SCOPE: "5/hour",
    # Per address: reset emails to one mailbox, whoever asks.
    PASSWORD_RESET_EMAIL_SCOPE: "3/hour",
}


@cache
def default_rates() -> dict[str, str | None]:
    """Return the default rate of every scope: the core's and each installed feature's."""
    rates = dict(DEFAULT_RATES)
    for config in installed_features():
        if config.default_throttle_rates is not None:
            rates.update(import_string(config.default_throttle_rates))
    return rates


def throttle_rates() -> dict[str, str | None]:
    """Each scope's rate: REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] over the defaults."""
    return {**default_rates(), **(api_settings.DEFAULT_THROTTLE_RATES or {})}


def normalized_key(value: str) -> str:
    """A bounded, cache-safe key for a login or an address: any case, surrounding spaces.

    A lone surrogate (JSON's ``"\\ud800"``, which no encoding can write) is hashed as it
    comes: the serializer refuses the value after the throttle has counted it.
    """
    return hashlib.sha256(value.strip().casefold().encode(errors="surrogatepass")).hexdigest()


class CountingThrottle(throttling.SimpleRateThrottle):
    """DRF's rate throttle with atomic counters in the shared cache, rates read per request.

    DRF keeps a list of timestamps per key, read and written back by each request: a burst
    of parallel requests all read "below the limit" before any of them is written, and all
    get through. Here each request is counted when it arrives with ``cache.incr`` (Redis
    INCR), so the (n+1)-th of a burst is refused. A key's window starts at its first
    request and lasts the rate's period; ``refund()`` takes a request back.

    DRF copies DEFAULT_THROTTLE_RATES into a class attribute at import, so a changed
    REST_FRAMEWORK setting (``override_settings`` in a test) would never reach it.
    """

    cache = shared_cache

    @property
    def THROTTLE_RATES(self) -> dict[str, str | None]:  # noqa: N802 - DRF's attribute name
        return throttle_rates()

    def get_cache_keys(self, request: Request, view: Any) -> list[str]:
        key = self.get_cache_key(request, view)
        return [key] if key is not None else []

    def allow_request(self, request: Request, view: Any) -> bool:
        if self.rate is None:
            return True
        self.now = self.timer()
        self.keys = self.get_cache_keys(request, view)
        over = [key for key in self.keys if self.count(key) > self.num_requests]
        self.full_key = over[0] if over else None
        return not over

    def count(self, key: str) -> int:
        """Add this request to the key's counter; the new count."""
        if self.cache.add(key, 0, self.duration):
            self.cache.set(f"{key}:ends", self.now + self.duration, self.duration)
        try:
            return self.cache.incr(key)
        except ValueError:  # the window ended between add() and incr(): a new one
            self.cache.set(key, 1, self.duration)
            self.cache.set(f"{key}:ends", self.now + self.duration, self.duration)
            return 1

    def refund(self) -> None:
        """Take this request back from its counters."""
        for key in getattr(self, "keys", ()):
            try:
                self.cache.decr(key)
            except ValueError:  # the window ended meanwhile: nothing to take back
                pass

    def wait(self) -> float:
        ends = self.cache.get(f"{self.full_key}:ends") if self.full_key else None
        return max((ends or self.now + self.duration) - self.now, 1)


class ScopedRateThrottle(throttling.ScopedRateThrottle, CountingThrottle):
    """Per client (the user when logged in, else the IP address), for views that name a
    ``throttle_scope``: DRF's scoped throttle, with CountingThrottle's counters."""


class RateThrottle(CountingThrottle):
    """A throttle of one fixed ``scope``, set by subclasses."""


class ClientIPRateThrottle(RateThrottle):
    """Per client IP address, also for logged-in users."""

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def body_values(request: Request, fields: Iterable[str]) -> list[str]:
    """The non-blank string values of these fields of a JSON object or form body."""
    data = request.data
    if not hasattr(data, "get"):  # a JSON list or string: the serializer refuses it
        return []
    values = (data.get(field) for field in fields)
    return [value for value in values if isinstance(value, str) and value.strip()]


class BodyFieldRateThrottle(RateThrottle):
    """Per value of a body field (e.g. the address an email goes to), whoever sends it.

    Subclasses set ``scope`` and ``fields``; each value present has its own counter, and a
    request is refused when any of them is over the rate.
    """

    fields: tuple[str, ...] = ()

    def get_cache_keys(self, request: Request, view: Any) -> list[str]:
        return [
            self.cache_format % {"scope": self.scope, "ident": normalized_key(value)}
            for value in body_values(request, self.fields)
        ]


class PasswordResetEmailThrottle(BodyFieldRateThrottle):
    """Reset emails per address: a flood of reset emails to one mailbox is refused,
    whichever clients send the requests."""

    scope = PASSWORD_RESET_EMAIL_SCOPE
    fields = ("email",)


class LoginFailureThrottle(BodyFieldRateThrottle):
    """Failed logins per account: per login typed, ``username`` and ``email`` each.

    Only failures count: every attempt is counted when it arrives (so parallel guesses
    are counted too), and LoginView refunds a successful one. A success resets no
    counter, neither another account's nor its own: failures expire with the rate's
    period. This stops password guessing spread over many IP addresses; the per-client
    ``rest_auth_login`` rate stops one client trying many accounts.
    """

    scope = LOGIN_FAILURES_SCOPE
    fields = ("username", "email")
