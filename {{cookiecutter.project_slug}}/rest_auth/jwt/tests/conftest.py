"""The core fixtures, shared (private autouse ones by name: ``*`` leaves them out)."""

from rest_auth.tests.conftest import *  # noqa: F403
from rest_auth.tests.conftest import (
    _feature_settings,  # noqa: F401
    _fresh_throttle_counters,  # noqa: F401
)
