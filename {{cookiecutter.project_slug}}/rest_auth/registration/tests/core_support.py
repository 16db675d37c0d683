"""How registration adapts the core tests (rest_auth/tests/) to itself.

The core tests describe the core login contract: a username or an email address. Here
they run with allauth configured for both, whatever login_method this project was
generated with, and their ``user`` has a verified address, as a signed-up and verified
user has; the registration tests cover each login method and verification mode.
"""

from typing import Any

from django.apps import apps

CORE_TEST_SETTINGS: dict[str, Any] = {
    "ACCOUNT_LOGIN_METHODS": {"username", "email"},
    "ACCOUNT_SIGNUP_FIELDS": ["username*", "email*", "password1*", "password2*"],
}


def prepare_account(user: Any) -> None:
    """Give the user a verified primary address: under mandatory verification only such
    an account may log in. A no-op where allauth is not installed (rest_auth's standalone
    test settings)."""
    if not apps.is_installed("allauth.account"):
        return
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)


def login_queries() -> int:
    """Return what a login costs here: under mandatory email verification, one read of
    whether the address is verified."""
    from django.conf import settings

    return 1 if getattr(settings, "ACCOUNT_EMAIL_VERIFICATION", None) == "mandatory" else 0
