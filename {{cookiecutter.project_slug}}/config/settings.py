"""Django settings for {{ cookiecutter.project_name }}.

Everything that differs between machines is read from the environment, or from a `.env`
file beside manage.py (variables already in the environment win). `.env.example` lists
and explains each variable.

https://docs.djangoproject.com/en/5.2/ref/settings/
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

# GENERAL
# ------------------------------------------------------------------------------
# Off unless asked for: a forgotten variable must not expose debug pages in production.
DEBUG = env.bool("DEBUG", default=False)
# No default on purpose: the post-generation hook wrote a fresh one into .env.
SECRET_KEY = env("SECRET_KEY")
# https://docs.djangoproject.com/en/5.2/ref/settings/#allowed-hosts
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=["localhost", "127.0.0.1"] if DEBUG else ["{{ cookiecutter.domain_name }}"],
)
# Origins (scheme://host[:port]) allowed to send unsafe requests with the CSRF cookie,
# e.g. a single-page app served from another port or subdomain.
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# APPS
# ------------------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.staticfiles",
    "rest_framework",
{%- if cookiecutter.auth_mode == "token" %}
    "rest_framework.authtoken",
{%- endif %}
    "users",
    "rest_auth",
{%- if cookiecutter.passkeys %}
    "rest_auth.passkeys",
{%- endif %}
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
# The Site's domain is used in emails when PASSWORD_RESET_USE_SITES_DOMAIN is on;
# the users app's migrations set it to the production domain.
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# DATABASES, CACHES
# ------------------------------------------------------------------------------
# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url
DATABASES = {
{%- if cookiecutter.database == "postgresql" %}
    "default": env.db("DATABASE_URL", default="postgres://localhost:5432/{{ cookiecutter.project_slug }}"),
{%- else %}
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
{%- endif %}
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Throttling counters live here. Local memory is per process: use Redis in production
# (CACHE_URL=redis://host:6379/0) so every worker sees the same counts.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}

# AUTHENTICATION
# ------------------------------------------------------------------------------
AUTH_USER_MODEL = "users.User"
# https://docs.djangoproject.com/en/5.2/topics/auth/passwords/#password-validation
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# EMAIL
# ------------------------------------------------------------------------------
# Development prints emails to the console; production must name a real server,
# e.g. EMAIL_URL=smtp+tls://user:password@smtp.example.com:587
vars().update(env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else env.NOTSET))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="noreply@{{ cookiecutter.domain_name }}")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("{{ cookiecutter.author_name }}", "{{ cookiecutter.email }}")]
MANAGERS = ADMINS

# Links in emails (password reset) open this frontend, which renders the form and calls
# the API. Required in production: links must never be built from the request's Host.
FRONTEND_URL = env("FRONTEND_URL", default="http://localhost:3000" if DEBUG else env.NOTSET)

# SECURITY
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto, set this to true.
if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# STATIC FILES
# ------------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# DJANGO REST FRAMEWORK
# ------------------------------------------------------------------------------
# https://www.django-rest-framework.org/api-guide/settings/
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
{%- if cookiecutter.auth_mode == "token" %}
        "rest_framework.authentication.TokenAuthentication",
{%- else %}
        "rest_framework.authentication.SessionAuthentication",
{%- endif %}
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # The browsable API is a development aid; production answers JSON only.
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        *(["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    ],
    # Views opt in with a `throttle_scope`; the auth views name theirs below.
    "DEFAULT_THROTTLE_CLASSES": ["rest_auth.throttling.ScopedRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "rest_auth_login": env("THROTTLE_RATE_LOGIN", default="20/minute"),
        "rest_auth_password_change": env("THROTTLE_RATE_PASSWORD_CHANGE", default="10/hour"),
        "rest_auth_password_reset": env("THROTTLE_RATE_PASSWORD_RESET", default="5/hour"),
    },
}

# REST_AUTH: the in-tree auth app. Every key and its default: rest_auth/app_settings.py.
REST_AUTH = {
{%- if cookiecutter.auth_mode == "token" %}
    "TOKEN_MODEL": "rest_framework.authtoken.models.Token",
    # Token clients never use the session: creating one per login is wasted work.
    "SESSION_LOGIN": False,
{%- else %}
    # No API tokens: the session cookie set at login is the credential.
    "TOKEN_MODEL": None,
    "SESSION_LOGIN": True,
{%- endif %}
    # Changing the password requires the current one.
    "OLD_PASSWORD_FIELD_ENABLED": True,
    "LOGOUT_ON_PASSWORD_CHANGE": env.bool("LOGOUT_ON_PASSWORD_CHANGE", default=False),
    "PASSWORD_RESET_USE_SITES_DOMAIN": env.bool("PASSWORD_RESET_USE_SITES_DOMAIN", default=False),
{%- if cookiecutter.passkeys %}
    # Passkeys (WebAuthn) belong to one site, the relying party: its host name (the RP id)
    # and the exact origins of the pages that create and use them. Browsers refuse
    # passkeys on IP addresses, so develop on http://localhost:8000, not 127.0.0.1.
    # https://www.w3.org/TR/webauthn-3/#relying-party-identifier
    "PASSKEY_RP_ID": env(
        "PASSKEY_RP_ID",
        default="localhost" if DEBUG else "{{ cookiecutter.domain_name }}",
    ),
    "PASSKEY_RP_NAME": env("PASSKEY_RP_NAME", default="{{ cookiecutter.project_name }}"),
    "PASSKEY_RP_ORIGINS": env.list(
        "PASSKEY_RP_ORIGINS",
        default=["http://localhost:8000"] if DEBUG else ["https://{{ cookiecutter.domain_name }}"],
    ),
    "PASSKEY_CHALLENGE_TIMEOUT": env.int("PASSKEY_CHALLENGE_TIMEOUT", default=300),
{%- endif %}
}

# LOGGING
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(asctime)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}
