"""Minimal settings without this project's `config` and `users`: Django's own User model.

test_standalone.py runs the core tests under them to prove rest_auth is a reusable app.
{%- if cookiecutter.auth_mode == "token" %}
They keep the reference's token defaults (DRF's plain Token, default_create_token), so
those stay tested beside the project's hashed tokens.
{%- endif %}
"""
{%- if cookiecutter.auth_mode == "jwt" %}

from datetime import timedelta

# 32 bytes at least: it signs the JWTs, and PyJWT warns about shorter HMAC keys.
SECRET_KEY = "standalone-test-settings-only-signing-key"
{%- else %}

SECRET_KEY = "standalone-test-settings-only"
{%- endif %}
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.sites",
    "rest_framework",
{%- if cookiecutter.auth_mode == "token" %}
    "rest_framework.authtoken",
{%- endif %}
{%- if cookiecutter.auth_mode == "jwt" and cookiecutter.jwt_blacklist %}
    "rest_framework_simplejwt.token_blacklist",
{%- endif %}
    "rest_auth",
{%- if cookiecutter.auth_mode == "jwt" %}
    "rest_auth.jwt",
{%- endif %}
{%- if cookiecutter.passkeys %}
    "rest_auth.passkeys",
{%- endif %}
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "rest_auth.tests.standalone_urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SITE_ID = 1
USE_TZ = True
FRONTEND_URL = "https://app.example.test"
REST_FRAMEWORK = {
{%- if cookiecutter.auth_mode == "jwt" %}
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_auth.jwt.authentication.JWTCookieAuthentication"],
{%- elif cookiecutter.auth_mode == "token" %}
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
{%- else %}
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
{%- endif %}
    "DEFAULT_THROTTLE_CLASSES": ["rest_auth.throttling.ScopedRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "rest_auth_login": None,
        "rest_auth_password_change": None,
        "rest_auth_password_reset": None,
        "rest_auth_login_failures": None,
        "rest_auth_password_reset_email": None,
{%- if cookiecutter.passkeys %}
        "rest_auth_passkey_begin": None,
{%- endif %}
    },
}
REST_AUTH = {
{%- if cookiecutter.auth_mode == "token" %}
    # TOKEN_MODEL and TOKEN_CREATOR: the reference's defaults.
{%- else %}
    "TOKEN_MODEL": None,
{%- endif %}
{%- if cookiecutter.auth_mode == "jwt" %}
    "SESSION_LOGIN": False,
    "USE_JWT": True,
{%- endif %}
{%- if cookiecutter.passkeys %}
    "PASSKEY_RP_ID": "localhost",
    "PASSKEY_RP_NAME": "Standalone",
    "PASSKEY_RP_ORIGINS": ["http://localhost:8000"],
{%- endif %}
}
{%- if cookiecutter.auth_mode == "jwt" %}
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=5),
{%- if cookiecutter.jwt_blacklist %}
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
{%- endif %}
    "CHECK_REVOKE_TOKEN": True,
}
{%- endif %}
