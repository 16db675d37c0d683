"""REST_AUTH settings of registration, with their defaults.

They join ``rest_auth.app_settings.api_settings`` while the app is installed; read them
from there (``api_settings.REGISTER_SERIALIZER``), per request.
"""

from typing import Any

DEFAULTS: dict[str, Any] = {
    # Serializer of RegisterView: validates the sign-up and creates the user in save(request).
    "REGISTER_SERIALIZER": "rest_auth.registration.serializers.RegisterSerializer",
    # Permission classes of RegisterView only (e.g. add a rate-limiting permission).
    "REGISTER_PERMISSION_CLASSES": ("rest_framework.permissions.AllowAny",),
}

IMPORT_STRINGS: tuple[str, ...] = ("REGISTER_SERIALIZER", "REGISTER_PERMISSION_CLASSES")

# django-allauth's own settings, without their prefix, as they end up in REST_AUTH by
# mistake: ``manage.py check`` says which setting each one is (rest_auth.E002).
FOREIGN_SETTINGS: dict[str, str] = {
    "PASSKEY_LOGIN_ENABLED": "django-allauth's MFA_PASSKEY_LOGIN_ENABLED",
    "PASSKEY_SIGNUP_ENABLED": "django-allauth's MFA_PASSKEY_SIGNUP_ENABLED",
}

# While rest_auth.registration and allauth's account app are installed, login and password
# reset are allauth's by default (as in dj-rest-auth with allauth installed): login follows
# ACCOUNT_LOGIN_METHODS, reset links carry allauth's uid and token.
CORE_DEFAULTS: dict[str, Any] = {
    "LOGIN_SERIALIZER": "rest_auth.registration.serializers.LoginSerializer",
    "PASSWORD_RESET_SERIALIZER": "rest_auth.registration.serializers.PasswordResetSerializer",
    "PASSWORD_RESET_CONFIRM_SERIALIZER": (
        "rest_auth.registration.serializers.PasswordResetConfirmSerializer"
    ),
}
CORE_DEFAULTS_APPS: tuple[str, ...] = ("allauth.account",)
