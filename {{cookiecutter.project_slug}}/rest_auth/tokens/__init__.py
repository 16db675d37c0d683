"""API tokens stored hashed, one per login, each with an expiry.

The generated token-mode settings point REST_AUTH's TOKEN_MODEL and TOKEN_CREATOR and DRF's
authentication at this app::

    INSTALLED_APPS = [..., "rest_auth.tokens"]
    REST_FRAMEWORK = {
        "DEFAULT_AUTHENTICATION_CLASSES": ["rest_auth.tokens.authentication.TokenAuthentication"],
    }
    REST_AUTH = {
        "TOKEN_MODEL": "rest_auth.tokens.models.AuthToken",
        "TOKEN_CREATOR": "rest_auth.tokens.utils.create_token",
    }
    API_TOKEN_LIFETIME = timedelta(days=30)

Clients see no difference from DRF's Token: login answers ``{"key": "..."}`` and they send
``Authorization: Token <key>``. The database holds only a SHA-256 digest of each key, so a
leaked row or backup cannot be replayed. To go back to DRF's plain tokens (one per user,
stored as is, never expiring; every client shares the key, so a password change replaces
it), install ``rest_framework.authtoken`` and use the REST_AUTH defaults with
``rest_framework.authentication.TokenAuthentication``.
"""
