"""Rate limit of the passkey ceremonies' first step, which stores a challenge per call.

The project's ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` gives the scope a rate; the
system check rest_auth.E062 names a missing one.
"""

from rest_auth.throttling import ClientIPRateThrottle

PASSKEY_BEGIN_SCOPE = "rest_auth_passkey_begin"
THROTTLE_SCOPES = (PASSKEY_BEGIN_SCOPE,)


class PasskeyBeginThrottle(ClientIPRateThrottle):
    """Login and registration begin, per client IP (also for logged-in users)."""

    scope = PASSKEY_BEGIN_SCOPE
