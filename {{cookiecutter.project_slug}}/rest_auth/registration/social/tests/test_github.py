"""What only GitHub does: its addresses come from /user/emails; it has no ID tokens."""

from __future__ import annotations

import pytest
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from .fake_github import FakeGitHub
from .fake_provider import Identity
from .fakes import use_fake
from .login_requests import iter_messages

URL = reverse("github_login")


@pytest.fixture
def provider(settings, transport) -> FakeGitHub:
    """Only GitHub here, whatever other providers the project has."""
    return use_fake(settings, transport, FakeGitHub())


@pytest.mark.django_db
def test_an_id_token_is_refused(api_client, provider):
    response = api_client.post(URL, {"id_token": "a.b.c"}, format="json")
    assert response.status_code == 400
    assert "This provider does not accept an id_token." in iter_messages(response)


@pytest.mark.django_db
def test_the_github_login_becomes_the_username(api_client, provider):
    identity = Identity(uid="31337", email="octo@example.com", username="octocat")
    _, token = provider.grant(identity)
    response = api_client.post(URL, {"access_token": token}, format="json")
    assert response.status_code in (200, 204), response.content
    assert SocialAccount.objects.get().user.username == "octocat"


@pytest.mark.django_db
def test_an_account_without_an_address_cannot_sign_up_where_one_is_required(api_client, provider):
    _, token = provider.grant(Identity(uid="31338", email=None, username="nomail"))
    response = api_client.post(URL, {"access_token": token}, format="json")
    assert response.status_code == 400
    assert "The provider did not share an e-mail address, and one is required." in iter_messages(
        response
    )
    assert not SocialAccount.objects.exists()
