"""Revocation: after a password reset, a password change with LOGOUT_ON_PASSWORD_CHANGE, or
deactivation, every credential issued before is refused at the next request.

Each test logs in several "devices" first, each the way this project's clients do
(``log_in``: API token, JWT header or cookies, or session), plus a plain Django session
(an admin or any other login through Django), then checks that none of them works any more.
Where login hands out JSON Web Tokens, their own revocation tests sit beside this file.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from rest_auth.app_settings import api_settings
from rest_auth.tests.conftest import PASSWORD, log_in
from rest_auth.tests.test_password_reset import confirm, link_in, request_reset

USER_URL = reverse("rest_user_details")
CHANGE_URL = reverse("rest_password_change")
NEW = "a-new-passphrase-42"
# The core serializers, whatever the project configures (a feature may configure its own).
CORE_RESET = {
    "PASSWORD_RESET_SERIALIZER": "rest_auth.serializers.PasswordResetSerializer",
    "PASSWORD_RESET_CONFIRM_SERIALIZER": "rest_auth.serializers.PasswordResetConfirmSerializer",
}

pytestmark = pytest.mark.django_db


def api_device(user: Any) -> APIClient:
    client = APIClient(enforce_csrf_checks=True)
    log_in(client, username=user.username, password=PASSWORD)
    return client


def django_session(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def session_user(client: Client) -> Any:
    """Who Django takes the client's session to be (AnonymousUser once it is revoked)."""
    request = HttpRequest()
    store = import_module(settings.SESSION_ENGINE).SessionStore
    request.session = store(client.cookies[settings.SESSION_COOKIE_NAME].value)
    return get_user(request)


def assert_logged_in(devices: list[APIClient], session: Client, user: Any) -> None:
    assert [device.get(USER_URL).status_code for device in devices] == [200] * len(devices)
    assert session_user(session) == user


def assert_refused(devices: list[APIClient], session: Client) -> None:
    assert all(device.get(USER_URL).status_code in (401, 403) for device in devices)
    assert not session_user(session).is_authenticated


def token_count(user: Any) -> int:
    model = api_settings.TOKEN_MODEL
    return 0 if model is None else model.objects.filter(user=user).count()


@pytest.mark.parametrize("serializers", ["configured", "core"])
def test_a_password_reset_refuses_every_credential_issued_before(
    user, mailoutbox, rest_auth_settings, serializers
):
    if serializers == "core":
        rest_auth_settings(**CORE_RESET)
    devices, session = [api_device(user), api_device(user)], django_session(user)
    assert_logged_in(devices, session, user)
    anonymous = APIClient()
    request_reset(anonymous)
    link = link_in(mailoutbox[-1])
    assert confirm(anonymous, link["uid"], link["token"]).status_code == 200
    assert_refused(devices, session)
    assert token_count(user) == 0
    log_in(APIClient(), username=user.username, password=NEW)  # the new password works


def test_logout_on_password_change_refuses_every_credential_issued_before(user, rest_auth_settings):
    rest_auth_settings(LOGOUT_ON_PASSWORD_CHANGE=True, OLD_PASSWORD_FIELD_ENABLED=False)
    changer, other = api_device(user), api_device(user)
    session = django_session(user)
    assert_logged_in([changer, other], session, user)
    body = {"new_password1": NEW, "new_password2": NEW}
    assert changer.post(CHANGE_URL, body, format="json").status_code == 200
    assert_refused([changer, other], session)
    assert token_count(user) == 0


def test_deactivation_refuses_every_credential_at_the_next_request(user):
    devices, session = [api_device(user), api_device(user)], django_session(user)
    assert_logged_in(devices, session, user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert_refused(devices, session)
    # ...and no new one is handed out.
    response = APIClient().post(
        reverse("rest_login"), {"username": user.username, "password": PASSWORD}, format="json"
    )
    assert response.status_code == 400
