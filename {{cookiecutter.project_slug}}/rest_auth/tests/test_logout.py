"""POST /api/auth/logout/: the credential used stops working."""

import pytest
from django.urls import reverse

LOGOUT_URL = reverse("rest_logout")


# The detail may go on to say what the server could not revoke; JWT without cookies and
# without a blacklist answers with dj-rest-auth's words for that.
LOGGED_OUT = ("Successfully logged out.", "Neither cookies or blacklist are enabled")


@pytest.mark.django_db
def test_logout_ends_the_credential(auth_client):
    response = auth_client.post(LOGOUT_URL)
    assert response.status_code == 200
    assert response.json()["detail"].startswith(LOGGED_OUT)
    assert auth_client.get(reverse("rest_user_details")).status_code in (401, 403)


{%- if cookiecutter.auth_mode == "jwt" and cookiecutter.jwt_blacklist %}


@pytest.mark.django_db
def test_logout_without_credentials_is_401(api_client):
    # Logout's job here is to revoke a refresh token, and none was sent (test_jwt_blacklist).
    response = api_client.post(LOGOUT_URL)
    assert (response.status_code, response.json()["code"]) == (401, "token_not_valid")
{%- else %}


@pytest.mark.django_db
def test_logout_without_credentials_still_answers_200(api_client):
    response = api_client.post(LOGOUT_URL)
    assert response.status_code == 200
    assert response.json()["detail"].startswith(LOGGED_OUT)
{%- endif %}


@pytest.mark.django_db
def test_logout_only_by_post(auth_client):
    assert auth_client.get(LOGOUT_URL).status_code == 405
    assert auth_client.get(reverse("rest_user_details")).status_code == 200
