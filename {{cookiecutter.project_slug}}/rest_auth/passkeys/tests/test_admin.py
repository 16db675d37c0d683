"""Passkeys in the Django admin: staff see every user's passkeys, rename or delete them."""

import pytest
from django.contrib import admin
from django.urls import reverse

from rest_auth.passkeys.models import Passkey

pytestmark = pytest.mark.django_db


def test_passkeys_are_in_the_admin(client, django_user_model, passkey):
    assert admin.site.is_registered(Passkey)
    staff = django_user_model.objects.create_superuser("root", "root@example.com", "pw-12345")
    client.force_login(staff)
    page = client.get(reverse("admin:passkeys_passkey_changelist"))
    assert page.status_code == 200
    assert "Laptop" in page.text
    detail = client.get(reverse("admin:passkeys_passkey_change", args=[passkey["id"]]))
    assert passkey["credential_id"] in detail.text
