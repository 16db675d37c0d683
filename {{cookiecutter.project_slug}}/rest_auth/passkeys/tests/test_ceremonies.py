"""Full passkey ceremonies with the software authenticator: register, log in, manage."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from rest_auth.app_settings import api_settings
from rest_auth.passkeys.models import Passkey, PasskeyChallenge, PasskeyUserHandle
from rest_auth.passkeys.tests.authenticator import (
    AuthenticatorRefusedError,
    SoftAuthenticator,
    b64url,
    from_b64url,
)
from rest_auth.passkeys.tests.conftest import (
    login,
    login_begin,
    login_complete,
    register,
    register_begin,
    register_complete,
    use_credentials,
    whoami,
)
from rest_auth.tests.conftest import PASSWORD
from rest_auth.utils import tokens_with_key

pytestmark = pytest.mark.django_db

LISTED_FIELDS = {
    "id",
    "name",
    "credential_id",
    "created_at",
    "last_used_at",
    "transports",
    "discoverable",
}


class TestRegistration:
    def test_creation_options(self, auth_client, user):
        options = register_begin(auth_client)
        assert options["rp"] == {
            "id": api_settings.PASSKEY_RP_ID,
            "name": api_settings.PASSKEY_RP_NAME,
        }
        assert options["user"]["name"] == "alice"
        assert options["excludeCredentials"] == []
        assert options["authenticatorSelection"]["userVerification"] == "required"
        assert options["authenticatorSelection"]["residentKey"] == "preferred"
        assert options["attestation"] == "none"
        assert options["extensions"] == {"credProps": True}
        assert options["timeout"] == api_settings.PASSKEY_CHALLENGE_TIMEOUT * 1000
        assert {"alg": -7, "type": "public-key"} in options["pubKeyCredParams"]

    def test_register_stores_the_passkey(self, auth_client, authenticator, user):
        listed = register(auth_client, authenticator, name="Laptop")
        assert set(listed) == LISTED_FIELDS
        assert listed["name"] == "Laptop"
        assert listed["discoverable"] is True
        assert listed["transports"] == ["internal", "hybrid"]
        assert listed["last_used_at"] is None
        [credential] = authenticator.credentials.values()
        assert listed["credential_id"] == b64url(credential.credential_id)
        stored = Passkey.objects.get()
        assert stored.user == user
        assert bytes(stored.credential_id) == credential.credential_id
        assert bytes(stored.public_key) == credential.cose_public_key()
        assert stored.sign_count == 0

    def test_name_given_at_completion_wins(self, auth_client, authenticator):
        credential = authenticator.create(register_begin(auth_client, name="From begin"))
        response = register_complete(auth_client, credential, name="From complete")
        assert response.json()["name"] == "From complete"

    def test_name_defaults(self, auth_client, authenticator):
        assert register(auth_client, authenticator)["name"] == "Passkey"

    def test_non_discoverable_passkey(self, auth_client, authenticator):
        credential = authenticator.create(register_begin(auth_client), resident=False)
        assert register_complete(auth_client, credential).json()["discoverable"] is False

    def test_existing_passkeys_are_excluded(self, auth_client, authenticator, passkey):
        options = register_begin(auth_client)
        assert [c["id"] for c in options["excludeCredentials"]] == [passkey["credential_id"]]
        assert options["excludeCredentials"][0]["transports"] == ["internal", "hybrid"]
        with pytest.raises(AuthenticatorRefusedError, match="InvalidStateError"):
            authenticator.create(options)
        # A second authenticator is welcome.
        other = SoftAuthenticator(origin=authenticator.origin)
        register(auth_client, other)
        assert Passkey.objects.count() == 2

    def test_the_user_handle_is_random_and_stable(self, auth_client, user, authenticator):
        first = from_b64url(register_begin(auth_client)["user"]["id"])
        second = from_b64url(register_begin(auth_client)["user"]["id"])
        assert first == second == bytes(PasskeyUserHandle.objects.get(user=user).handle)
        assert len(first) == 32
        assert str(user.pk).encode() != first and user.email.encode() not in first

    def test_each_user_has_their_own_handle(self, auth_client, bob_client):
        alice = register_begin(auth_client)["user"]["id"]
        bob = register_begin(bob_client)["user"]["id"]
        assert alice != bob

    def test_needs_a_logged_in_user(self, anon_client):
        for name in ("passkey_register_begin", "passkey_register_complete"):
            response = anon_client.post(reverse(name), {}, format="json")
            assert response.status_code in (401, 403)


class TestLogin:
    def test_usernameless_login(self, anon_client, authenticator, passkey):
        options = login_begin(anon_client)
        assert options["allowCredentials"] == []
        assert options["userVerification"] == "required"
        assert options["rpId"] == api_settings.PASSKEY_RP_ID
        assert options["session_id"]
        response = login_complete(anon_client, options, authenticator.get(options))
        assert response.status_code in (200, 204), response.content
        use_credentials(anon_client, response)
        assert whoami(anon_client) == "alice"

    def test_username_scoped_login(self, anon_client, authenticator, passkey):
        options = login_begin(anon_client, username="alice")
        assert [c["id"] for c in options["allowCredentials"]] == [passkey["credential_id"]]
        response = login_complete(anon_client, options, authenticator.get(options))
        use_credentials(anon_client, response)
        assert whoami(anon_client) == "alice"

    def test_email_scoped_login(self, anon_client, authenticator, passkey):
        login(anon_client, authenticator, email="ALICE@example.com")
        assert whoami(anon_client) == "alice"

    def test_non_discoverable_passkey_logs_in_when_scoped(
        self, auth_client, anon_client, authenticator
    ):
        credential = authenticator.create(register_begin(auth_client), resident=False)
        register_complete(auth_client, credential)
        options = login_begin(anon_client)
        with pytest.raises(AuthenticatorRefusedError):
            authenticator.get(options)  # nothing discoverable: the browser finds no passkey
        options = login_begin(anon_client, username="alice")
        assertion = authenticator.get(options)
        assert assertion["response"]["userHandle"] is None
        use_credentials(anon_client, login_complete(anon_client, options, assertion))
        assert whoami(anon_client) == "alice"

    def test_the_answer_is_the_password_logins(self, anon_client, authenticator, passkey):
        password_client = APIClient(enforce_csrf_checks=True)
        by_password = password_client.post(
            reverse("rest_login"), {"username": "alice", "password": PASSWORD}, format="json"
        )
        by_passkey = login(anon_client, authenticator)
        assert by_passkey.status_code == by_password.status_code
        assert set(by_passkey.data or {}) == set(by_password.data or {})
        assert set(by_passkey.cookies) == set(by_password.cookies)
        if "user" in (by_password.data or {}):  # JWTs differ by login, their user does not
            assert by_passkey.data["user"] == by_password.data["user"]
        if "key" in (by_password.data or {}):  # an API token of the same user
            model = api_settings.TOKEN_MODEL
            assert (
                tokens_with_key(model, by_passkey.data["key"]).get().user
                == tokens_with_key(model, by_password.data["key"]).get().user
            )

    def test_login_records_use(self, anon_client, authenticator, passkey, user):
        login(anon_client, authenticator)
        stored = Passkey.objects.get()
        assert stored.sign_count == 1
        assert stored.last_used_at is not None
        user.refresh_from_db()
        assert user.last_login is not None

    def test_logins_repeat(self, authenticator, passkey):
        for count in (1, 2, 3):
            client = APIClient(enforce_csrf_checks=True)
            login(client, authenticator)
            assert whoami(client) == "alice"
            assert Passkey.objects.get().sign_count == count

    def test_challenges_are_stored_in_the_database_and_used_up(
        self, anon_client, authenticator, passkey
    ):
        from django.core.cache import cache

        options = login_begin(anon_client)
        assert PasskeyChallenge.objects.filter(ceremony="login").count() == 1
        cache.clear()  # nothing the completion needs lives in a cache or process memory
        response = login_complete(anon_client, options, authenticator.get(options))
        assert response.status_code in (200, 204)
        assert not PasskeyChallenge.objects.exists()


class TestManagement:
    def test_list_newest_first(self, auth_client, authenticator, passkey):
        second = register(auth_client, SoftAuthenticator(origin=authenticator.origin), name="Phone")
        listed = auth_client.get(reverse("passkey_list")).json()
        assert [item["name"] for item in listed] == ["Phone", "Laptop"]
        assert listed[0] == second
        assert set(listed[1]) == LISTED_FIELDS

    def test_list_shows_only_ones_own(self, bob_client, passkey):
        assert bob_client.get(reverse("passkey_list")).json() == []

    def test_retrieve_rename_delete(self, auth_client, passkey):
        url = reverse("passkey_detail", args=[passkey["id"]])
        assert auth_client.get(url).json() == passkey
        renamed = auth_client.patch(url, {"name": "Work laptop"}, format="json")
        assert renamed.status_code == 200
        assert renamed.json() == {**passkey, "name": "Work laptop"}
        assert auth_client.patch(url, {"name": ""}, format="json").status_code == 400
        assert auth_client.delete(url).status_code == 204
        assert not Passkey.objects.exists()
        assert auth_client.get(url).status_code == 404

    def test_put_is_not_offered(self, auth_client, passkey):
        url = reverse("passkey_detail", args=[passkey["id"]])
        assert auth_client.put(url, {"name": "x"}, format="json").status_code == 405

    def test_another_users_passkey_is_not_found(self, bob_client, passkey):
        url = reverse("passkey_detail", args=[passkey["id"]])
        assert bob_client.get(url).status_code == 404
        assert bob_client.patch(url, {"name": "mine"}, format="json").status_code == 404
        assert bob_client.delete(url).status_code == 404
        assert Passkey.objects.get().name == "Laptop"

    def test_a_deleted_passkey_no_longer_logs_in(
        self, auth_client, anon_client, authenticator, passkey
    ):
        auth_client.delete(reverse("passkey_detail", args=[passkey["id"]]))
        options = login_begin(anon_client)
        response = login_complete(anon_client, options, authenticator.get(options))
        assert response.status_code == 400

    def test_management_needs_a_logged_in_user(self, anon_client, passkey):
        assert anon_client.get(reverse("passkey_list")).status_code in (401, 403)
        url = reverse("passkey_detail", args=[passkey["id"]])
        assert anon_client.get(url).status_code in (401, 403)
