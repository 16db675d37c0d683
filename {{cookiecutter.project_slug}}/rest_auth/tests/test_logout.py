"""POST /api/auth/logout/: the credential used stops working."""

import pytest
from django.urls import reverse

LOGOUT_URL = reverse("rest_logout")


# The detail may go on to say what the server could not revoke...
LOGGED_OUT = "Successfully logged out."
# ...or, where nothing could be revoked on the server, be dj-rest-auth's words for that.
NOTHING_REVOKED = "Neither cookies or blacklist are enabled"


def assert_logged_out(response):
    assert response.status_code == 200
    detail = response.json()["detail"]
    assert detail.startswith(LOGGED_OUT) or detail.startswith(NOTHING_REVOKED), detail


@pytest.mark.django_db
def test_logout_ends_the_credential(auth_client):
    assert_logged_out(auth_client.post(LOGOUT_URL))
    assert auth_client.get(reverse("rest_user_details")).status_code in (401, 403)


@pytest.mark.django_db
def test_logout_without_credentials_still_answers_200(api_client, rest_auth_settings):
    # With the API token or the session (a feature's strategy tests its own answer).
    rest_auth_settings(USE_JWT=False)
    response = api_client.post(LOGOUT_URL)
    assert response.status_code == 200
    assert response.json()["detail"].startswith(LOGGED_OUT)


@pytest.mark.django_db
def test_logout_only_by_post(auth_client):
    assert auth_client.get(LOGOUT_URL).status_code == 405
    assert auth_client.get(reverse("rest_user_details")).status_code == 200
