# The demo page logs in the account the auth tests use: their fixtures, shared.
from rest_auth.tests.conftest import (  # noqa: F401
    _feature_settings,
    _fresh_throttle_counters,
    rest_auth_settings,
    user,
)
