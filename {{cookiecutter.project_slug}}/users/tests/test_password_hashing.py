"""The project's password hashers: Argon2id for new hashes, older ones upgraded at login.

The rest of the suite uses a fast hasher (config/test_settings.py); these use the real list.
"""

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import identify_hasher, make_password

from config import settings as project_settings

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def production_hashers(settings):
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS


@pytest.mark.django_db
def test_new_passwords_are_hashed_with_argon2(django_user_model):
    user = django_user_model.objects.create_user(username="carol", password=PASSWORD)
    assert identify_hasher(user.password).algorithm == "argon2"


@pytest.mark.django_db
def test_an_old_pbkdf2_hash_still_logs_in_and_is_upgraded(django_user_model):
    user = django_user_model.objects.create_user(username="carol")
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save()
    assert authenticate(username="carol", password=PASSWORD) == user
    user.refresh_from_db()
    assert identify_hasher(user.password).algorithm == "argon2"
