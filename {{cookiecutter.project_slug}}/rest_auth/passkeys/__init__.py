"""Passkeys (WebAuthn): register a passkey while logged in, then log in with it alone.

Add ``"rest_auth.passkeys"`` to INSTALLED_APPS and set PASSKEY_RP_ID, PASSKEY_RP_NAME and
PASSKEY_RP_ORIGINS in REST_AUTH. The endpoints are in ``urls.py``; the ceremonies, as plain
functions, in ``ceremonies.py``.
"""
