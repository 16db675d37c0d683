"""Settings for the test suite: the project's settings, made fast and self-contained."""

import os

# Tests must run on a fresh clone, where no .env exists yet.
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-used-anywhere-else-0123456789")

from .settings import *  # noqa: E402, F403

# The real hasher is slow by design; tests hash thousands of passwords.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The tests run in one process: a process-local cache counts everything (no Redis needed).
SILENCED_SYSTEM_CHECKS = ["rest_auth.W060"]
FRONTEND_URL = "https://app.example.test"
{%- if cookiecutter.registration and cookiecutter.social_providers != "none" %}
# The tests' fake providers accept any OAuth app; the system checks want one configured.
for provider in SOCIALACCOUNT_PROVIDERS.values():  # noqa: F405
    provider["APP"]["client_id"] = provider["APP"]["client_id"] or "test-client-id"
    provider["APP"]["secret"] = provider["APP"]["secret"] or "test-client-secret"
{%- endif %}
