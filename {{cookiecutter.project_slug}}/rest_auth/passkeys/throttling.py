"""Rate limit of the passkey ceremonies' first step, which stores a challenge per call.

The scope has a default rate (DEFAULT_RATES); the project's
``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` overrides it.
"""

from rest_auth.throttling import ClientIPRateThrottle

PASSKEY_BEGIN_SCOPE = "rest_auth_passkey_begin"
THROTTLE_SCOPES = (PASSKEY_BEGIN_SCOPE,)
DEFAULT_RATES: dict[str, str | None] = {PASSKEY_BEGIN_SCOPE: "30/minute"}


class PasskeyBeginThrottle(ClientIPRateThrottle):
    """Login and registration begin, per client IP (also for logged-in users)."""

    scope = PASSKEY_BEGIN_SCOPE
