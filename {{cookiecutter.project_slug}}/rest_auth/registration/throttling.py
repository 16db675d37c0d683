"""Rate limits of the registration endpoints: both send email to an address anyone types.

The project's ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` gives each scope a rate; the
system check rest_auth.E022 names a missing one.
"""

REGISTER_SCOPE = "rest_auth_register"
VERIFY_EMAIL_SCOPE = "rest_auth_verify_email"
THROTTLE_SCOPES = (REGISTER_SCOPE, VERIFY_EMAIL_SCOPE)
