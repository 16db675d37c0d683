"""What only Google does: log in with the ID token of Google Sign-In (Android, iOS, web)."""

from __future__ import annotations

import time

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.urls import reverse

from .fake_google import FakeGoogle
from .fake_provider import Identity
from .fakes import use_fake
from .login_requests import iter_messages

URL = reverse("google_login")


@pytest.fixture
def provider(settings, transport) -> FakeGoogle:
    """Only Google here, whatever other providers the project has."""
    return use_fake(settings, transport, FakeGoogle())


@pytest.mark.django_db
def test_an_id_token_signs_up_and_logs_in(api_client, provider, identity):
    response = api_client.post(URL, {"id_token": provider.id_token(identity)}, format="json")

    assert response.status_code in (200, 204), response.content
    account = SocialAccount.objects.get()
    assert (account.provider, account.uid) == ("google", identity.uid)
    assert account.user.email == identity.email


@pytest.mark.django_db
@pytest.mark.parametrize(
    "claims",
    [
        {"aud": "another-apps-client-id"},
        {"iss": "https://accounts.example.test"},
        {"exp": int(time.time()) - 60},
    ],
    ids=["audience", "issuer", "expired"],
)
def test_an_id_token_for_another_app_issuer_or_time_is_refused(
    api_client, provider, identity, claims
):
    token = provider.id_token(identity, **claims)
    response = api_client.post(URL, {"id_token": token}, format="json")
    assert response.status_code == 400
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_an_id_token_with_a_forged_signature_is_refused(api_client, provider, identity):
    header, payload, signature = provider.id_token(identity).split(".")
    forged = f"{header}.{payload}.{signature[::-1]}"
    response = api_client.post(URL, {"id_token": forged}, format="json")
    assert response.status_code == 400
    assert "The provider did not accept this token or code." in iter_messages(response)


@pytest.mark.django_db
def test_an_access_token_with_its_id_token_reads_the_identity_from_the_id_token(
    api_client, provider, identity
):
    _, access_token = provider.grant(Identity(uid="999", email="other@example.com"))
    body = {"access_token": access_token, "id_token": provider.id_token(identity)}
    response = api_client.post(URL, body, format="json")
    assert response.status_code in (200, 204), response.content
    assert SocialAccount.objects.get().uid == identity.uid
