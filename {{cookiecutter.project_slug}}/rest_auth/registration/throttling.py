"""Rate limits of the registration endpoints: both send email to an address anyone types.

The project's ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` gives each scope a rate; the
system check rest_auth.E022 names a missing one.
"""

from rest_auth.throttling import BodyFieldRateThrottle

REGISTER_SCOPE = "rest_auth_register"
VERIFY_EMAIL_SCOPE = "rest_auth_verify_email"
VERIFICATION_EMAIL_SCOPE = "rest_auth_verification_email"
THROTTLE_SCOPES = (REGISTER_SCOPE, VERIFY_EMAIL_SCOPE, VERIFICATION_EMAIL_SCOPE)


class VerificationEmailThrottle(BodyFieldRateThrottle):
    """Emails per address from sign-up and resend: a flood of verification (or "you already
    have an account") emails to one mailbox is refused, whichever clients ask."""

    scope = VERIFICATION_EMAIL_SCOPE
    fields = ("email",)
