"""Rate limits for the auth endpoints.

Each view names a ``throttle_scope``; the project's ``REST_FRAMEWORK`` settings give each
scope a rate (``"rest_auth_login": "20/minute"``). Counters live in the default cache, so
give production a shared one (Redis) or every worker process counts on its own.
"""

from rest_framework import throttling
from rest_framework.settings import api_settings

LOGIN_SCOPE = "rest_auth_login"
PASSWORD_CHANGE_SCOPE = "rest_auth_password_change"
PASSWORD_RESET_SCOPE = "rest_auth_password_reset"
THROTTLE_SCOPES = (LOGIN_SCOPE, PASSWORD_CHANGE_SCOPE, PASSWORD_RESET_SCOPE)


class ScopedRateThrottle(throttling.ScopedRateThrottle):
    """DRF's scoped throttle, reading the rates when a request comes in.

    DRF copies DEFAULT_THROTTLE_RATES into a class attribute at import, so a changed
    REST_FRAMEWORK setting (``override_settings`` in a test) would never reach it.
    """

    @property
    def THROTTLE_RATES(self) -> dict[str, str | None]:  # noqa: N802 - DRF's attribute name
        return api_settings.DEFAULT_THROTTLE_RATES
