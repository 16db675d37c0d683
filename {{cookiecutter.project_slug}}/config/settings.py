"""Django settings for {{ cookiecutter.project_name }}.

Everything that differs between machines is read from the environment, or from a `.env`
file beside manage.py (variables already in the environment win). `.env.example` lists
and explains each variable.

https://docs.djangoproject.com/en/5.2/ref/settings/
"""
{% if cookiecutter.auth_mode in ("jwt", "token") %}
from datetime import timedelta
{%- endif %}
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
{%- if cookiecutter.demo_page or cookiecutter.passkeys %}
# Where `runserver localhost:8000` (README) serves in development; while DEBUG is on, the
# default of {% if cookiecutter.passkeys %}PASSKEY_RP_ORIGINS{% endif %}{% if cookiecutter.passkeys and cookiecutter.demo_page %} and of {% endif %}{% if cookiecutter.demo_page %}FRONTEND_URL (the demo page){% endif %}.
# Serving on another port? Set it to match.
{%- if cookiecutter.passkeys %}
# localhost, not 127.0.0.1: browsers refuse passkeys on IP addresses.
{%- endif %}
DEV_ORIGIN = env("DEV_ORIGIN", default="http://localhost:8000")
{%- endif %}

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
{%- if cookiecutter.api_docs %}
    "drf_spectacular",
    "drf_spectacular_sidecar",
{%- endif %}
{%- if cookiecutter.auth_mode == "token" %}
    # API tokens stored hashed, one per login, with an expiry (rest_auth/tokens/).
    "rest_auth.tokens",
{%- elif cookiecutter.auth_mode == "jwt" and cookiecutter.jwt_blacklist %}
    # Refresh tokens that logout, rotation or a password change revoked.
    "rest_framework_simplejwt.token_blacklist",
{%- endif %}
    "users",
    "rest_auth",
{%- if cookiecutter.auth_mode == "jwt" %}
    # JWT login: cookies, refresh and verify, revocation (rest_auth/jwt/).
    "rest_auth.jwt",
{%- endif %}
{%- if cookiecutter.registration %}
    # Before allauth, so its email templates (rest_auth/registration/templates/) win.
    "rest_auth.registration",
    "allauth",
    "allauth.account",
{%- if cookiecutter.social_providers != "none" %}
    "rest_auth.registration.social",
    "allauth.socialaccount",
{%- if cookiecutter.social_providers in ("google", "google_github") %}
    "allauth.socialaccount.providers.google",
{%- endif %}
{%- if cookiecutter.social_providers in ("github", "google_github") %}
    "allauth.socialaccount.providers.github",
{%- endif %}
{%- endif %}
{%- endif %}
{%- if cookiecutter.passkeys %}
    "rest_auth.passkeys",
{%- endif %}
{%- if cookiecutter.demo_page %}
    "demo",
{%- endif %}
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # 413 for bodies over DATA_UPLOAD_MAX_MEMORY_SIZE, before anything reads them.
    "config.middleware.RequestSizeLimitMiddleware",
    # JSON for unknown API URLs, also with DEBUG on (Django's debug 404 page is HTML).
    "config.middleware.APINotFoundMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
{%- if cookiecutter.registration %}
    "allauth.account.middleware.AccountMiddleware",
{%- endif %}
]

# Django's default, written out: the largest request body accepted (2.5 MB), file uploads
# aside. Auth requests are small; a larger body is refused with 413.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

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
# A kept connection is checked before a request reuses it: after a database restart the
# next request reconnects instead of failing. Off: that request gets a 503 (config/errors.py)
# and the broken connection is replaced after it.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Throttling counters live here. Local memory is per process: use Redis in production
# (CACHE_URL=redis://host:6379/0) so every worker sees the same counts (rest_auth.W060).
# If it cannot be reached, rate-limited endpoints answer 503 rather than go unthrottled.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
# Keeps the keys of projects (or test runs) that share one Redis database apart. Set here,
# not in CACHE_URL: django-environ does not pass ?key_prefix= to Django's Redis backend.
CACHES["default"]["KEY_PREFIX"] = env("CACHE_KEY_PREFIX", default="")

# AUTHENTICATION
# ------------------------------------------------------------------------------
AUTH_USER_MODEL = "users.User"
# Argon2id first: memory-hard, so guessing leaked hashes on GPUs is expensive. The others
# still verify hashes made before (e.g. imported users); Django re-hashes those with Argon2
# at the next successful login.
# https://docs.djangoproject.com/en/5.2/topics/auth/passwords/#using-argon2-with-django
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
{%- if cookiecutter.auth_mode == "token" %}
# How long an API token is valid after the login that issued it; then the client logs in
# again. Expired tokens are refused; `manage.py clear_expired_tokens` deletes them.
API_TOKEN_LIFETIME = timedelta(days=env.int("API_TOKEN_DAYS", default=30))
{%- endif %}
# https://docs.djangoproject.com/en/5.2/topics/auth/passwords/#password-validation
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

{%- if cookiecutter.registration %}
# ModelBackend alone, also with allauth: the login serializer finds the account for an
# email address itself (any case, any of its addresses) and checks the password once.
# allauth's AuthenticationBackend beside it would hash a wrong password twice (rest_auth.W021).
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]

# REGISTRATION (django-allauth)
# ------------------------------------------------------------------------------
# https://docs.allauth.org/en/latest/account/configuration.html
# Links in allauth's emails point at FRONTEND_URL (rest_auth/registration/adapter.py).
ACCOUNT_ADAPTER = "rest_auth.registration.adapter.AccountAdapter"
{%- if cookiecutter.login_method == "username_email" %}
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
{%- elif cookiecutter.login_method == "username" %}
ACCOUNT_LOGIN_METHODS = {"username"}
{%- if cookiecutter.email_verification == "none" %}
# Nothing is sent to the address, so it is optional.
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
{%- else %}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
{%- endif %}
{%- else %}
ACCOUNT_LOGIN_METHODS = {"email"}
# No username at sign-up: allauth derives a unique one from the address.
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
{%- endif %}
{%- if cookiecutter.email_verification == "mandatory" %}
# Login is refused until the address is verified.
{%- elif cookiecutter.email_verification == "optional" %}
# A verification email is sent at sign-up; login does not wait for it.
{%- else %}
# No verification email is sent.
{%- endif %}
ACCOUNT_EMAIL_VERIFICATION = "{{ cookiecutter.email_verification }}"
ACCOUNT_UNIQUE_EMAIL = True
# A sign-up with a taken address must not reveal that it is taken. Under mandatory
# verification the answer is that of a fresh sign-up and the owner is emailed; otherwise
# uniqueness wins and it is a field error (docs/registration.md explains why).
ACCOUNT_PREVENT_ENUMERATION = True
# allauth would email "you have no account" to unknown addresses, linking to its own
# sign-up page; password reset stays silent for them instead.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# true: POSTing a verification key also logs its user in (the key proves the mailbox).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = env.bool("LOGIN_ON_EMAIL_CONFIRMATION", default=False)
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = env.int("EMAIL_CONFIRMATION_EXPIRE_DAYS", default=3)
# Subjects are written out in the templates (rest_auth/registration/templates/account/email/).
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
{%- endif %}

# EMAIL
# ------------------------------------------------------------------------------
# Development prints emails to the console; production must name a real server,
# e.g. EMAIL_URL=smtp+tls://user:password@smtp.example.com:587
vars().update(env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else env.NOTSET))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="noreply@{{ cookiecutter.domain_name }}")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("{{ cookiecutter.author_name }}", "{{ cookiecutter.email }}")]
MANAGERS = ADMINS

# Links in emails (password reset{% if cookiecutter.registration %}, email verification{% endif %}) open this frontend,
# which renders the form and calls the API. Required in production: links must never be
# built from the request's Host.
{%- if cookiecutter.demo_page %}
# In development the demo page (demo/) is that frontend.
FRONTEND_URL = env("FRONTEND_URL", default=f"{DEV_ORIGIN}/app" if DEBUG else env.NOTSET)
{%- else %}
FRONTEND_URL = env("FRONTEND_URL", default="http://localhost:3000" if DEBUG else env.NOTSET)
{%- endif %}

{%- if cookiecutter.registration and cookiecutter.social_providers != "none" %}

# SOCIAL LOGIN (django-allauth socialaccount; docs/social.md)
# ------------------------------------------------------------------------------
# https://docs.allauth.org/en/latest/socialaccount/configuration.html
# Each provider's OAuth app comes from the environment (no SocialApp rows needed);
# `manage.py check` fails without a client id and secret (rest_auth.E040; a warning,
# W040, while DEBUG is on).
SOCIALACCOUNT_PROVIDERS = {
{%- if cookiecutter.social_providers in ("google", "google_github") %}
    "google": {
        "APP": {
            "client_id": env("SOCIAL_GOOGLE_CLIENT_ID", default=""),
            "secret": env("SOCIAL_GOOGLE_SECRET", default=""),
            "settings": {
                # The redirect URI of the code flow, registered with the app.
                "callback_url": env(
                    "SOCIAL_GOOGLE_CALLBACK_URL", default=f"{FRONTEND_URL}/social/google/callback/"
                ),
            },
        },
        "SCOPE": ["profile", "email"],
    },
{%- endif %}
{%- if cookiecutter.social_providers in ("github", "google_github") %}
    "github": {
        "APP": {
            "client_id": env("SOCIAL_GITHUB_CLIENT_ID", default=""),
            "secret": env("SOCIAL_GITHUB_SECRET", default=""),
            "settings": {
                "callback_url": env(
                    "SOCIAL_GITHUB_CALLBACK_URL", default=f"{FRONTEND_URL}/social/github/callback/"
                ),
            },
        },
        # The user's addresses, with whether GitHub verified each.
        "SCOPE": ["read:user", "user:email"],
    },
{%- endif %}
}
# An address the provider verified logs in the local account that has it, and connects
# the provider account to it; a password set before that address was verified is wiped.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_QUERY_EMAIL = True
# Sign up without a form: the provider's name and address make the account.
SOCIALACCOUNT_AUTO_SIGNUP = True
# Seconds to wait for the provider; a login then fails with 503, not a hung worker.
SOCIALACCOUNT_REQUESTS_TIMEOUT = env.int("SOCIAL_REQUESTS_TIMEOUT", default=5)
{%- endif %}

# SECURITY
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/
# Cookies: over HTTPS only (with DEBUG off), not sent with cross-site subrequests, and the
# session cookie out of JavaScript's reach. The CSRF cookie stays readable: a browser app
# copies it into the X-CSRFToken header (HttpOnly would protect nothing, see Django's docs).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SAMESITE = "Lax"
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
def rate(variable: str, default: str) -> str | None:
    """A rate limit from the environment, e.g. 5/minute; an empty variable: no limit."""
    return env(variable, default=default) or None


# https://www.django-rest-framework.org/api-guide/settings/
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
{%- if cookiecutter.auth_mode == "token" %}
        # DRF's Authorization: Token <key>, looking keys up by their digest.
        "rest_auth.tokens.authentication.TokenAuthentication",
{%- elif cookiecutter.auth_mode == "jwt" %}
        # The Bearer header first, then the access token cookie (held to CSRF checks).
        "rest_auth.jwt.authentication.JWTCookieAuthentication",
{%- else %}
        "rest_framework.authentication.SessionAuthentication",
{%- endif %}
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
{%- if cookiecutter.api_docs %}
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
{%- endif %}
    # DRF's parsers, with a JSON parser that answers 400 to absurdly nested documents.
    "DEFAULT_PARSER_CLASSES": [
        "rest_auth.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # The browsable API is a development aid; production answers JSON only.
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        *(["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    ],
    # Rate limits (rest_auth/throttling.py), counted in the default cache (CACHES above).
    # Per client: views opt in with a `throttle_scope`. Per account and per address: the
    # views add those throttles themselves. An empty THROTTLE_RATE_* variable: no limit.
    "DEFAULT_THROTTLE_CLASSES": ["rest_auth.throttling.ScopedRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        # Per client IP: login attempts{% if cookiecutter.passkeys %} (password and passkey){% endif %}, whatever the account.
        "rest_auth_login": rate("THROTTLE_RATE_LOGIN", "20/minute"),
        # Per account (the username or email typed): failed attempts, whoever makes them.
        "rest_auth_login_failures": rate("THROTTLE_RATE_LOGIN_FAILURES", "10/hour"),
        "rest_auth_password_change": rate("THROTTLE_RATE_PASSWORD_CHANGE", "10/hour"),
        "rest_auth_password_reset": rate("THROTTLE_RATE_PASSWORD_RESET", "5/hour"),
        # Per address: reset emails to one mailbox, whoever asks.
        "rest_auth_password_reset_email": rate("THROTTLE_RATE_PASSWORD_RESET_EMAIL", "3/hour"),
{%- if cookiecutter.registration %}
        "rest_auth_register": rate("THROTTLE_RATE_REGISTER", "10/hour"),
        "rest_auth_verify_email": rate("THROTTLE_RATE_VERIFY_EMAIL", "10/hour"),
        # Per address: sign-up and verification emails to one mailbox, whoever asks.
        "rest_auth_verification_email": rate("THROTTLE_RATE_VERIFICATION_EMAIL", "3/hour"),
{%- endif %}
{%- if cookiecutter.passkeys %}
        # Per client IP: passkey login and registration begin (each stores a challenge).
        "rest_auth_passkey_begin": rate("THROTTLE_RATE_PASSKEY_BEGIN", "30/minute"),
{%- endif %}
    },
    # The client's IP address is REMOTE_ADDR, unless this many proxies in front of the app
    # each append to X-Forwarded-For: then the address the last of them saw. Any other
    # X-Forwarded-For is ignored, since clients can write it.
    "NUM_PROXIES": env.int("TRUSTED_PROXY_COUNT", default=0),
}
{%- if cookiecutter.api_docs %}

# OPENAPI SCHEMA AND DOCS
# ------------------------------------------------------------------------------
# https://drf-spectacular.readthedocs.io/en/latest/settings.html
SPECTACULAR_SETTINGS = {
    "TITLE": "{{ cookiecutter.project_name }}",
    "DESCRIPTION": "{{ cookiecutter.description }}",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Separate request and response components: read-only fields stay out of requests.
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI's files come from the drf-spectacular-sidecar package, not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
}
{%- endif %}

# REST_AUTH: the in-tree auth app. Every key and its default: rest_auth/app_settings.py.
REST_AUTH = {
{%- if cookiecutter.auth_mode == "token" %}
    # Only a SHA-256 digest of each key is stored (a leaked row cannot be replayed), and
    # each login gets its own token, expiring after API_TOKEN_LIFETIME. DRF's plain Token
    # works too: see rest_auth/tokens/__init__.py.
    "TOKEN_MODEL": "rest_auth.tokens.models.AuthToken",
    "TOKEN_CREATOR": "rest_auth.tokens.utils.create_token",
    # Token clients never use the session: creating one per login is wasted work.
    "SESSION_LOGIN": False,
{%- elif cookiecutter.auth_mode == "jwt" %}
    # Login hands out an access and a refresh token (SIMPLE_JWT below); no API tokens,
    # no session.
    "USE_JWT": True,
    "TOKEN_MODEL": None,
    "SESSION_LOGIN": False,
{%- if cookiecutter.jwt_cookies %}
    # Browser clients: both tokens in HttpOnly cookies, so scripts never see the refresh
    # token; requests authenticated by the cookie need the X-CSRFToken header (docs/jwt.md).
    "JWT_AUTH_COOKIE": "access_token",
    "JWT_AUTH_REFRESH_COOKIE": "refresh_token",
    # The refresh token is sent to the refresh endpoint only, not with every request.
    "JWT_AUTH_REFRESH_COOKIE_PATH": "/api/auth/token/refresh/",
    "JWT_AUTH_HTTPONLY": True,
    "JWT_AUTH_SECURE": not DEBUG,
    "JWT_AUTH_SAMESITE": "Lax",
    "JWT_AUTH_COOKIE_USE_CSRF": True,
{%- endif %}
{%- else %}
    # No API tokens: the session cookie set at login is the credential.
    "TOKEN_MODEL": None,
    "SESSION_LOGIN": True,
{%- endif %}
    # Changing the password requires the current one.
    "OLD_PASSWORD_FIELD_ENABLED": True,
    "LOGOUT_ON_PASSWORD_CHANGE": env.bool("LOGOUT_ON_PASSWORD_CHANGE", default=False),
    "PASSWORD_RESET_USE_SITES_DOMAIN": env.bool("PASSWORD_RESET_USE_SITES_DOMAIN", default=False),
{%- if cookiecutter.registration %}
    # allauth-aware versions of the core serializers: login by ACCOUNT_LOGIN_METHODS with
    # mandatory verification enforced; password reset with allauth's tokens and templates.
    "LOGIN_SERIALIZER": "rest_auth.registration.serializers.LoginSerializer",
    "PASSWORD_RESET_SERIALIZER": "rest_auth.registration.serializers.PasswordResetSerializer",
    "PASSWORD_RESET_CONFIRM_SERIALIZER": (
        "rest_auth.registration.serializers.PasswordResetConfirmSerializer"
    ),
    "REGISTER_SERIALIZER": "rest_auth.registration.serializers.RegisterSerializer",
    "REGISTER_PERMISSION_CLASSES": ("rest_framework.permissions.AllowAny",),
{%- endif %}
{%- if cookiecutter.passkeys %}
    # Passkeys (WebAuthn) belong to one site, the relying party: its host name (the RP id)
    # and the exact origins of the pages that create and use them. Browsers refuse
    # passkeys on IP addresses, so develop on DEV_ORIGIN (localhost), not 127.0.0.1.
    # https://www.w3.org/TR/webauthn-3/#relying-party-identifier
    "PASSKEY_RP_ID": env(
        "PASSKEY_RP_ID",
        default="localhost" if DEBUG else "{{ cookiecutter.domain_name }}",
    ),
    "PASSKEY_RP_NAME": env("PASSKEY_RP_NAME", default="{{ cookiecutter.project_name }}"),
    "PASSKEY_RP_ORIGINS": env.list(
        "PASSKEY_RP_ORIGINS",
        default=[DEV_ORIGIN] if DEBUG else ["https://{{ cookiecutter.domain_name }}"],
    ),
    "PASSKEY_CHALLENGE_TIMEOUT": env.int("PASSKEY_CHALLENGE_TIMEOUT", default=300),
{%- endif %}
}
{%- if cookiecutter.auth_mode == "jwt" %}

# JSON Web Tokens, signed with SECRET_KEY.
# https://django-rest-framework-simplejwt.readthedocs.io/en/latest/settings.html
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_TOKEN_MINUTES", default=5)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_TOKEN_DAYS", default=1)),
{%- if cookiecutter.jwt_blacklist %}
    # Each refresh hands out a new refresh token and blacklists the one used: a stolen
    # refresh token works once at most, and its reuse is refused.
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
{%- endif %}
    # Tokens carry a hash of the password they were issued under: a password change or
    # reset ends every token issued before it, as it ends sessions.
    "CHECK_REVOKE_TOKEN": True,
}
{%- endif %}

# LOGGING
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(asctime)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}
