"""POST /api/auth/password/change/."""

import pytest
from django.urls import reverse

from rest_auth.tests.conftest import PASSWORD, log_in, use_credentials

CHANGE_URL = reverse("rest_password_change")
USER_URL = reverse("rest_user_details")
NEW = "a-new-passphrase-42"


def change(client, **body):
    return client.post(
        CHANGE_URL, {"new_password1": NEW, "new_password2": NEW, **body}, format="json"
    )


@pytest.mark.django_db
class TestPasswordChange:
    def test_changes_the_password(self, auth_client, user, rest_auth_settings):
        rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=True)
        response = change(auth_client, old_password=PASSWORD)
        assert response.status_code == 200
        assert response.json()["detail"] == "New password has been saved."
        user.refresh_from_db()
        assert user.check_password(NEW)

    def test_old_password_required_when_enabled(self, auth_client, user, rest_auth_settings):
        rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=True)
        assert change(auth_client).json() == {"old_password": ["This field is required."]}
        response = change(auth_client, old_password="wrong")
        assert response.status_code == 400
        assert response.json()["old_password"] == [
            "Your old password was entered incorrectly. Please enter it again."
        ]
        user.refresh_from_db()
        assert user.check_password(PASSWORD)

    def test_old_password_not_asked_when_disabled(self, auth_client, user, rest_auth_settings):
        rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=False)
        assert change(auth_client).status_code == 200
        user.refresh_from_db()
        assert user.check_password(NEW)

    def test_logout_on_password_change_ends_the_credential(
        self, auth_client, user, rest_auth_settings
    ):
        rest_auth_settings(LOGOUT_ON_PASSWORD_CHANGE=True, OLD_PASSWORD_FIELD_ENABLED=False)
        assert change(auth_client).status_code == 200
        assert auth_client.get(USER_URL).status_code in (401, 403)

    def test_without_logout_the_current_credential_keeps_working(
        self, auth_client, user, rest_auth_settings
    ):
        rest_auth_settings(LOGOUT_ON_PASSWORD_CHANGE=False, OLD_PASSWORD_FIELD_ENABLED=False)
        response = change(auth_client)
        assert response.status_code == 200
        # A client takes up whatever new credential the change hands out, if any.
        use_credentials(auth_client, response)
        assert auth_client.get(USER_URL).status_code == 200

    def test_mismatched_new_passwords(self, auth_client, rest_auth_settings):
        rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=False)
        response = change(auth_client, new_password2="something-else-42")
        assert response.status_code == 400
        assert response.json() == {"new_password2": ["The two password fields didn’t match."]}

    def test_weak_password_fails_the_validators(self, auth_client, rest_auth_settings):
        rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=False)
        response = change(auth_client, new_password1="123", new_password2="123")
        assert response.status_code == 400
        assert "new_password2" in response.json()

    def test_anonymous_is_refused(self, api_client):
        assert change(api_client, old_password=PASSWORD).status_code in (401, 403)

    def test_custom_serializer(self, auth_client, rest_auth_settings):
        rest_auth_settings(
            OLD_PASSWORD_FIELD_ENABLED=False,
            PASSWORD_CHANGE_SERIALIZER="rest_auth.tests.custom_serializers.StrictPasswordChangeSerializer",
        )
        forbidden = "forbidden-passphrase-42"
        response = change(auth_client, new_password1=forbidden, new_password2=forbidden)
        assert response.json() == {"new_password1": ["That word is not allowed."]}


@pytest.mark.django_db
def test_other_sessions_end_when_the_password_changes(api_client, user, rest_auth_settings):
    """Whoever else was logged in with the old password is out, in every mode."""
    from rest_framework.test import APIClient

    rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=False, LOGOUT_ON_PASSWORD_CHANGE=True)
    other_device = APIClient(enforce_csrf_checks=True)
    log_in(other_device, username="alice", password=PASSWORD)
    log_in(api_client, username="alice", password=PASSWORD)
    assert change(api_client).status_code == 200
    assert other_device.get(USER_URL).status_code in (401, 403)


@pytest.mark.django_db
def test_only_the_client_that_changed_the_password_stays_logged_in(
    api_client, user, rest_auth_settings
):
    """The README's promise without LOGOUT_ON_PASSWORD_CHANGE, whatever the credential."""
    from rest_framework.test import APIClient

    rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=False, LOGOUT_ON_PASSWORD_CHANGE=False)
    other_device = APIClient(enforce_csrf_checks=True)
    log_in(other_device, username="alice", password=PASSWORD)
    log_in(api_client, username="alice", password=PASSWORD)
    response = change(api_client)
    assert response.status_code == 200
    use_credentials(api_client, response)
    assert api_client.get(USER_URL).status_code == 200
    assert other_device.get(USER_URL).status_code in (401, 403)


@pytest.mark.django_db
def test_a_client_without_a_session_is_not_given_one(api_client, user, rest_auth_settings):
    """Keeping "the current session" must not create one for a client that had none."""
    from django.contrib.sessions.models import Session
    from rest_framework.test import APIClient

    rest_auth_settings(OLD_PASSWORD_FIELD_ENABLED=False, SESSION_LOGIN=False)
    client = APIClient()
    client.force_authenticate(user)
    assert change(client).status_code == 200
    assert not Session.objects.exists()
    assert "sessionid" not in client.cookies
