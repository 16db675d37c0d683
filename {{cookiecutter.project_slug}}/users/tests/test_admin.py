"""The admin shows a superuser what the project holds: users, and the credentials and
addresses of the generated features."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

ADMIN_MODELS = [
    "users.User",
{%- if cookiecutter.auth_mode == "token" %}
    "rest_auth_tokens.AuthToken",
{%- endif %}
{%- if cookiecutter.registration %}
    "account.EmailAddress",
{%- endif %}
{%- if cookiecutter.passkeys %}
    "passkeys.Passkey",
{%- endif %}
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ADMIN_MODELS)
def test_listed_in_the_admin(admin_client, name):
    model = apps.get_model(name)
    assert model in admin.site._registry
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    assert admin_client.get(url).status_code == 200


@pytest.mark.django_db
def test_every_registered_model_lists_without_error(admin_client):
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert admin_client.get(url).status_code == 200, url
