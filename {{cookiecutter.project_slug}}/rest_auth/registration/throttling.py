"""Rate limits of the registration endpoints: both send email to an address anyone types.

Each scope has a default rate (DEFAULT_RATES); the project's
``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` overrides it.
"""

from rest_auth.throttling import BodyFieldRateThrottle

REGISTER_SCOPE = "rest_auth_register"
VERIFY_EMAIL_SCOPE = "rest_auth_verify_email"
VERIFICATION_EMAIL_SCOPE = "rest_auth_verification_email"
THROTTLE_SCOPES = (REGISTER_SCOPE, VERIFY_EMAIL_SCOPE, VERIFICATION_EMAIL_SCOPE)
DEFAULT_RATES: dict[str, str | None] = {
    REGISTER_SCOPE: "10/hour",
    VERIFY_EMAIL_SCOPE: "10/hour",
    # Per address: sign-up and verification emails to one mailbox, whoever asks.
    VERIFICATION_EMAIL_SCOPE: "3/hour",
}


class VerificationEmailThrottle(BodyFieldRateThrottle):
    """Emails per address from sign-up and resend: a flood of verification (or "you already
    have an account") emails to one mailbox is refused, whichever clients ask."""

    scope = VERIFICATION_EMAIL_SCOPE
    fields = ("email",)
