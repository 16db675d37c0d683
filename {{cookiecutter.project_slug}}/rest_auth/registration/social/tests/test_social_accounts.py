"""Connecting provider accounts to the logged-in user, listing and disconnecting them."""

from __future__ import annotations

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.urls import reverse
from rest_framework.test import APIClient

from rest_auth.registration.tests.conftest import who_am_i
from rest_auth.tests.conftest import PASSWORD, create_account, log_in, use_credentials

from .fake_provider import Identity
from .login_requests import connect_url, iter_messages, social_login, with_access_token, with_code

User = get_user_model()
ACCOUNTS = reverse("social_account_list")


def disconnect_url(account: SocialAccount) -> str:
    return reverse("social_account_disconnect", kwargs={"pk": account.pk})


@pytest.mark.django_db
@pytest.mark.parametrize("proof_of", [with_code, with_access_token], ids=["code", "token"])
def test_connect_adds_the_provider_account_and_answers_as_a_login(
    auth_client, user, provider, identity, proof_of
):
    response = auth_client.post(connect_url(provider), proof_of(provider, identity), format="json")

    assert response.status_code in (200, 204), response.content
    account = SocialAccount.objects.get()
    assert (account.user, account.provider, account.uid) == (
        user,
        provider.provider_id,
        identity.uid,
    )
    use_credentials(auth_client, response)
    assert who_am_i(auth_client) == user.username
    # From now on the provider logs in this user.
    login = social_login(APIClient(), provider, **with_access_token(provider, identity))
    assert login.status_code in (200, 204)
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_connecting_twice_keeps_one_account(auth_client, provider, identity):
    for _ in range(2):
        response = auth_client.post(
            connect_url(provider), with_access_token(provider, identity), format="json"
        )
        assert response.status_code in (200, 204), response.content
        use_credentials(auth_client, response)
    assert SocialAccount.objects.count() == 1


@pytest.mark.django_db
def test_an_account_connected_to_another_user_is_a_400(auth_client, user, provider, identity):
    other = APIClient()
    assert social_login(other, provider, **with_access_token(provider, identity)).status_code
    owner = SocialAccount.objects.get().user

    response = auth_client.post(
        connect_url(provider), with_access_token(provider, identity), format="json"
    )

    assert response.status_code == 400
    assert "The third-party account is already connected to a different account." in iter_messages(
        response
    )
    assert SocialAccount.objects.get().user == owner != user


@pytest.mark.django_db
def test_connect_needs_a_logged_in_user(api_client, provider, identity):
    response = api_client.post(
        connect_url(provider), with_access_token(provider, identity), format="json"
    )
    assert response.status_code in (401, 403)
    assert not SocialAccount.objects.exists()


@pytest.mark.django_db
def test_connect_with_a_refused_token_is_a_400(auth_client, provider):
    response = auth_client.post(connect_url(provider), {"access_token": "forged"}, format="json")
    assert response.status_code == 400


@pytest.mark.django_db
def test_the_list_shows_the_users_own_accounts_only(auth_client, user, provider, identity):
    social_login(
        APIClient(),
        provider,
        **with_access_token(provider, Identity(uid="1", email="x@example.com")),
    )
    response = auth_client.post(
        connect_url(provider), with_access_token(provider, identity), format="json"
    )
    use_credentials(auth_client, response)

    listed = auth_client.get(ACCOUNTS)

    assert listed.status_code == 200
    [account] = listed.json()
    assert account["provider"] == provider.provider_id
    assert account["uid"] == identity.uid
    assert set(account) == {"id", "provider", "uid", "last_login", "date_joined"}


@pytest.mark.django_db
def test_the_list_needs_a_logged_in_user(api_client):
    assert api_client.get(ACCOUNTS).status_code in (401, 403)


@pytest.mark.django_db
def test_disconnect_removes_the_account(auth_client, provider, identity):
    response = auth_client.post(
        connect_url(provider), with_access_token(provider, identity), format="json"
    )
    use_credentials(auth_client, response)
    account = SocialAccount.objects.get()

    response = auth_client.post(disconnect_url(account))

    assert response.status_code == 200
    assert response.json()["uid"] == identity.uid
    assert not SocialAccount.objects.exists()
    assert auth_client.get(ACCOUNTS).json() == []


@pytest.mark.django_db
def test_another_users_account_cannot_be_disconnected(auth_client, provider, identity):
    social_login(APIClient(), provider, **with_access_token(provider, identity))
    account = SocialAccount.objects.get()

    response = auth_client.post(disconnect_url(account))

    assert response.status_code == 404
    assert SocialAccount.objects.exists()


@pytest.mark.django_db
def test_the_last_login_method_of_an_account_without_a_password_stays(provider, identity):
    client = APIClient()
    response = social_login(client, provider, **with_access_token(provider, identity))
    use_credentials(client, response)
    account = SocialAccount.objects.get()
    assert not account.user.has_usable_password()

    refused = client.post(disconnect_url(account))

    assert refused.status_code == 400
    assert "Your account has no password set up." in iter_messages(refused)
    assert SocialAccount.objects.exists()
    # With a password it is no longer the last way in.
    account.user.set_password(PASSWORD)
    account.user.save()
    relog = APIClient()
    log_in(relog, username=account.user.username, password=PASSWORD)
    assert relog.post(disconnect_url(account)).status_code == 200


@pytest.mark.django_db
def test_one_of_two_provider_accounts_may_go_without_a_password(provider, identity):
    client = APIClient()
    use_credentials(client, social_login(client, provider, **with_access_token(provider, identity)))
    second = Identity(uid="5151", email="dana@example.com")
    connected = client.post(
        reverse(f"{provider.provider_id}_connect"),
        with_access_token(provider, second),
        format="json",
    )
    use_credentials(client, connected)
    first, last = SocialAccount.objects.order_by("pk")

    assert client.post(disconnect_url(first)).status_code == 200
    assert client.post(disconnect_url(last)).status_code == 400


@pytest.mark.django_db
def test_disconnect_needs_a_logged_in_user(api_client, provider, identity):
    create_account("someone", "someone@example.com", PASSWORD)
    social_login(APIClient(), provider, **with_access_token(provider, identity))
    account = SocialAccount.objects.get()
    assert api_client.post(disconnect_url(account)).status_code in (401, 403)
