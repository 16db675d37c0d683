"""With simplejwt's blacklist app: logout, rotation and password changes revoke refresh
tokens, and a revoked or reused refresh token is refused."""
{% if cookiecutter.database == "postgresql" %}
import threading
from concurrent.futures import ThreadPoolExecutor
{%- endif %}
from datetime import timedelta

import pytest
{%- if cookiecutter.database == "postgresql" %}
from django.db import IntegrityError, connection, transaction
{%- else %}
from django.db import IntegrityError, transaction
{%- endif %}
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from rest_auth.jwt.revocation import consume_refresh_token
from rest_auth.jwt.tests.helpers import (
    CHANGE_URL,
    COOKIE_MODE,
    HEADER_MODE,
    LOGOUT_URL,
    REFRESH_COOKIE,
    REFRESH_URL,
    USER_URL,
    VERIFY_URL,
    bad_tokens,
    genuine,
    login,
)

NEW = "a-new-passphrase-42"


def refresh(client, token):
    return client.post(REFRESH_URL, {"refresh": str(token)}, format="json")


def blacklisted(token) -> bool:
    return BlacklistedToken.objects.filter(
        token__jti=RefreshToken(str(token), verify=False)["jti"]
    ).exists()


@pytest.mark.django_db
class TestLogout:
    def test_logout_blacklists_the_refresh_token_in_the_body(self, user, rest_auth_settings):
        rest_auth_settings(**HEADER_MODE)
        token = genuine(user, "refresh")
        response = APIClient().post(LOGOUT_URL, {"refresh": str(token)}, format="json")
        assert response.json() == {"detail": "Successfully logged out."}
        assert blacklisted(token)
        response = refresh(APIClient(), token)
        assert (response.status_code, response.json()["detail"]) == (401, "Token is blacklisted")

    def test_logout_blacklists_the_refresh_token_in_the_cookie(
        self, api_client, user, rest_auth_settings
    ):
        # The Django test client sends every cookie whatever its path; a browser sends the
        # refresh cookie to logout only if JWT_AUTH_REFRESH_COOKIE_PATH covers it, as "/" does.
        rest_auth_settings(**COOKIE_MODE)
        login(api_client)
        token = api_client.cookies[REFRESH_COOKIE].value
        csrf = {"HTTP_X_CSRFTOKEN": api_client.cookies["csrftoken"].value}
        assert api_client.post(LOGOUT_URL, **csrf).json() == {"detail": "Successfully logged out."}
        assert blacklisted(token)

    def test_logout_revokes_the_refresh_cookie_a_browser_does_not_send(
        self, api_client, user, rest_auth_settings
    ):
        # With the refresh cookie's path limited to the refresh endpoint, a browser does not
        # send it to logout: the access token names it instead.
        rest_auth_settings(**{**COOKIE_MODE, "JWT_AUTH_REFRESH_COOKIE_PATH": REFRESH_URL})
        login(api_client)
        token = api_client.cookies.pop(REFRESH_COOKIE).value
        csrf = {"HTTP_X_CSRFTOKEN": api_client.cookies["csrftoken"].value}
        assert api_client.post(LOGOUT_URL, **csrf).json() == {"detail": "Successfully logged out."}
        assert blacklisted(token)

    def test_logout_with_a_bearer_token_revokes_its_refresh_token(
        self, api_client, user, rest_auth_settings
    ):
        rest_auth_settings(**HEADER_MODE)
        body = login(api_client).json()
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {body['access']}")
        assert client.post(LOGOUT_URL).json() == {"detail": "Successfully logged out."}
        assert blacklisted(body["refresh"])

    def test_logout_without_a_refresh_token_is_401(self, user, rest_auth_settings):
        rest_auth_settings(**HEADER_MODE)
        response = APIClient().post(LOGOUT_URL)
        assert (response.status_code, response.json()) == (
            401,
            {
                "detail": "No refresh token: send it as 'refresh' in the body, or in its cookie.",
                "code": "token_not_valid",
            },
        )

    @pytest.mark.parametrize(
        "kind",
        [
            "missing",
            "blacklisted",
            "forged",
            "expired",
            "malformed",
            "wrong_type",  # an access token given as the refresh token
            "user_id_of_the_wrong_type",
        ],
    )
    def test_a_bad_logout_is_401_and_writes_nothing(self, user, rest_auth_settings, kind):
        rest_auth_settings(**HEADER_MODE)
        access = login(APIClient()).json()["access"]
        if kind == "blacklisted":
            token = genuine(user, "refresh")
            token.blacklist()
            body = {"refresh": str(token)}
        else:
            body = {} if kind == "missing" else {"refresh": bad_tokens(user, "refresh")[kind]}
        client = APIClient()
        if kind != "missing":  # with it, the access token would name its refresh token
            client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
        rows = (OutstandingToken.objects.count(), BlacklistedToken.objects.count())
        response = client.post(LOGOUT_URL, body, format="json")
        assert (response.status_code, response.json()["code"]) == (401, "token_not_valid")
        assert (OutstandingToken.objects.count(), BlacklistedToken.objects.count()) == rows
        # The access token sent along was not revoked either.
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
        assert client.get(USER_URL).status_code == 200

    def test_logout_with_a_blacklisted_token_is_401_and_still_clears_cookies(
        self, user, rest_auth_settings
    ):
        rest_auth_settings(**COOKIE_MODE)
        token = genuine(user, "refresh")
        token.blacklist()
        response = APIClient().post(LOGOUT_URL, {"refresh": str(token)}, format="json")
        assert (response.status_code, response.json()["code"]) == (401, "token_not_valid")
        assert response.cookies[REFRESH_COOKIE].value == ""

    def test_verify_refuses_a_blacklisted_refresh_token(self, user):
        token = genuine(user, "refresh")
        token.blacklist()
        response = APIClient().post(VERIFY_URL, {"token": str(token)}, format="json")
        assert response.status_code == 401


@pytest.mark.django_db
class TestRotation:
    @pytest.fixture(autouse=True)
    def _rotation(self, settings):
        settings.SIMPLE_JWT = {
            **getattr(settings, "SIMPLE_JWT", {}),
            "ROTATE_REFRESH_TOKENS": True,
            "BLACKLIST_AFTER_ROTATION": True,
        }

    def test_refresh_rotates_and_blacklists_the_old_token(self, user, rest_auth_settings):
        rest_auth_settings(**HEADER_MODE)
        old = genuine(user, "refresh")
        body = refresh(APIClient(), old).json()
        assert RefreshToken(body["refresh"])["jti"] != old["jti"]
        assert blacklisted(old)
        assert refresh(APIClient(), body["refresh"]).status_code == 200

    def test_a_refreshed_access_token_names_the_new_refresh_token(self, user, rest_auth_settings):
        rest_auth_settings(**HEADER_MODE)
        body = refresh(APIClient(), genuine(user, "refresh")).json()
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {body['access']}")
        client.post(LOGOUT_URL)
        assert blacklisted(body["refresh"])

    def test_a_reused_rotated_token_is_refused(self, user, rest_auth_settings):
        rest_auth_settings(**HEADER_MODE)
        old = genuine(user, "refresh")
        assert refresh(APIClient(), old).status_code == 200
        response = refresh(APIClient(), old)
        assert (response.status_code, response.json()["code"]) == (401, "token_not_valid")

    def test_rotation_through_cookies(self, api_client, user, rest_auth_settings):
        rest_auth_settings(**COOKIE_MODE)
        login(api_client)
        csrf = {"HTTP_X_CSRFTOKEN": api_client.cookies["csrftoken"].value}
        first = api_client.cookies[REFRESH_COOKIE].value
        response = api_client.post(REFRESH_URL, **csrf)
        second = response.cookies[REFRESH_COOKIE].value
        assert second and second != first
        assert "refresh" not in response.json()  # HttpOnly: the cookie only
        assert api_client.post(REFRESH_URL, **csrf).status_code == 200  # with the new cookie
        api_client.cookies[REFRESH_COOKIE] = first
        assert api_client.post(REFRESH_URL, **csrf).status_code == 401

    def test_a_token_is_consumed_once(self, user):
        token = genuine(user, "refresh")
        consume_refresh_token(RefreshToken(str(token)))
        with pytest.raises(TokenError, match="blacklisted"):
            # verify=False: as a concurrent use that checked the blacklist before the first
            # one wrote to it.
            consume_refresh_token(RefreshToken(str(token), verify=False))

    def test_the_blacklist_holds_one_row_per_token(self, user):
        # What makes consuming atomic: the second insert fails, whoever comes second.
        outstanding = RefreshToken(str(genuine(user, "refresh"))).outstand()[0]
        BlacklistedToken.objects.create(token=outstanding)
        with pytest.raises(IntegrityError), transaction.atomic():
            BlacklistedToken.objects.create(token=outstanding)
{%- if cookiecutter.database == "postgresql" %}


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_refreshes_with_one_token_one_wins(user, rest_auth_settings, settings):
    """Real concurrency, on PostgreSQL: two requests race with one refresh token."""
    settings.SIMPLE_JWT = {
        **settings.SIMPLE_JWT,
        "ROTATE_REFRESH_TOKENS": True,
        "BLACKLIST_AFTER_ROTATION": True,
    }
    rest_auth_settings(**HEADER_MODE)
    token = str(genuine(user, "refresh"))
    start = threading.Barrier(2)

    def use_token() -> int:
        try:
            start.wait()
            return refresh(APIClient(), token).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        statuses = sorted(pool.map(lambda _: use_token(), range(2)))
    assert statuses == [200, 401]
{%- endif %}


@pytest.mark.django_db
class TestWhatIsStored:
    """The blacklist app's rows keep what revocation needs, the jti, and no usable token."""

    def test_a_refresh_token_read_from_the_database_does_not_refresh(
        self, user, rest_auth_settings
    ):
        rest_auth_settings(**HEADER_MODE)
        issued = login(APIClient()).json()["refresh"]
        [row] = OutstandingToken.objects.all()
        assert row.jti == RefreshToken(issued)["jti"]
        assert row.token == ""
        assert refresh(APIClient(), row.token).status_code == 401
        assert refresh(APIClient(), issued).status_code == 200

    def test_no_way_of_recording_a_token_stores_it(self, user, rest_auth_settings):
        rest_auth_settings(**HEADER_MODE)
        issued = login(APIClient()).json()["refresh"]  # a login
        rotated = refresh(APIClient(), issued).json()["refresh"]  # a rotation
        RefreshToken.for_user(user)  # simplejwt's own views, custom code
        # A token without its row (issued before the blacklist app was installed) gets one
        # at logout, or from simplejwt's blacklist().
        other = genuine(user, "refresh")
        unrecorded = [RefreshToken(rotated)["jti"], other["jti"]]
        OutstandingToken.objects.filter(jti__in=unrecorded).delete()
        APIClient().post(LOGOUT_URL, {"refresh": rotated}, format="json")
        RefreshToken(str(other)).blacklist()
        assert OutstandingToken.objects.count() == 4
        assert set(OutstandingToken.objects.values_list("token", flat=True)) == {""}

    def test_migrate_empties_the_rows_written_before(self, user):
        from django.core.management import call_command

        token = genuine(user, "refresh")
        # As simplejwt wrote them before: update() runs no save() and no receiver.
        OutstandingToken.objects.update(token=str(token))
        call_command("migrate", verbosity=0)
        assert OutstandingToken.objects.get().token == ""
        assert not blacklisted(token)

    def test_flushexpiredtokens_still_deletes_the_expired_rows(self, user):
        from django.core.management import call_command

        expired, live = genuine(user, "refresh"), genuine(user, "refresh")
        an_hour_ago = timezone.now() - timedelta(hours=1)
        OutstandingToken.objects.filter(jti=expired["jti"]).update(expires_at=an_hour_ago)
        call_command("flushexpiredtokens")
        assert list(OutstandingToken.objects.values_list("jti", flat=True)) == [live["jti"]]


@pytest.mark.django_db
class TestPasswordChange:
    def change(self, user):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {genuine(user)}")
        body = {"new_password1": NEW, "new_password2": NEW}
        return client.post(CHANGE_URL, body, format="json")

    def test_logout_on_password_change_blacklists_every_refresh_token(
        self, user, rest_auth_settings
    ):
        rest_auth_settings(
            **HEADER_MODE, OLD_PASSWORD_FIELD_ENABLED=False, LOGOUT_ON_PASSWORD_CHANGE=True
        )
        tokens = [genuine(user, "refresh") for _ in range(3)]
        assert self.change(user).status_code == 200
        assert all(blacklisted(token) for token in tokens)
        assert all(refresh(APIClient(), token).status_code == 401 for token in tokens)

    def test_without_logout_on_password_change_nothing_is_blacklisted(
        self, user, rest_auth_settings
    ):
        rest_auth_settings(
            **HEADER_MODE, OLD_PASSWORD_FIELD_ENABLED=False, LOGOUT_ON_PASSWORD_CHANGE=False
        )
        tokens = [genuine(user, "refresh") for _ in range(2)]
        assert self.change(user).status_code == 200
        assert not any(blacklisted(token) for token in tokens)
        # ...they are refused anyway, being issued under the old password (CHECK_REVOKE_TOKEN).
        assert all(refresh(APIClient(), token).status_code == 401 for token in tokens)

    def test_other_users_tokens_are_left_alone(self, user, django_user_model, rest_auth_settings):
        rest_auth_settings(
            **HEADER_MODE, OLD_PASSWORD_FIELD_ENABLED=False, LOGOUT_ON_PASSWORD_CHANGE=True
        )
        bob = django_user_model.objects.create_user(username="bob", password="bobs-pass-123")
        bobs = genuine(bob, "refresh")
        self.change(user)
        assert not blacklisted(bobs)
        assert OutstandingToken.objects.filter(user=bob).count() == 1


@pytest.mark.django_db
def test_logout_without_credentials_is_401(api_client):
    # Logout's job here is to revoke a refresh token, and none was sent.
    response = api_client.post(LOGOUT_URL)
    assert (response.status_code, response.json()["code"]) == (401, "token_not_valid")
