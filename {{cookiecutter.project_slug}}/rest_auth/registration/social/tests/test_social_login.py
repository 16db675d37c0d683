"""Social login with each generated provider, against its fake: sign-up, login, the
email verification policy, and how refused, failing and silent providers are answered."""

from __future__ import annotations

from typing import Any

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import resolve, reverse
from rest_framework.test import APIClient

from rest_auth.registration.tests.conftest import SENT, assert_answers_like_login, who_am_i
from rest_auth.tests.conftest import PASSWORD, create_account, use_credentials

from .fake_provider import Identity
from .fakes import set_app
from .login_requests import iter_messages, social_login, with_access_token, with_code

User = get_user_model()


def password_login(user: Any) -> Any:
    """What the login endpoint answers this user, for comparison."""
    return APIClient().post(
        reverse("rest_login"), {"username": user.username, "password": PASSWORD}, format="json"
    )


@pytest.mark.django_db
def test_a_new_user_signs_up_and_gets_what_a_password_login_gets(
    api_client, provider, identity, proof
):
    response = social_login(api_client, provider, **proof(provider, identity))

    user = User.objects.get(email=identity.email)
    account = SocialAccount.objects.get(user=user)
    assert (account.provider, account.uid) == (provider.provider_id, identity.uid)
    assert not user.has_usable_password()
    # The provider verified the address: no verification email, and it counts as verified.
    assert EmailAddress.objects.filter(user=user, email=identity.email, verified=True).exists()
    assert mail.outbox == []
    use_credentials(api_client, response)
    assert who_am_i(api_client) == user.username
    # The same body as a password login of the same user.
    user.set_password(PASSWORD)
    user.save()
    assert_answers_like_login(response, password_login(user), status=200)


@pytest.mark.django_db
def test_the_same_provider_account_logs_in_the_same_user(api_client, provider, identity, proof):
    first = social_login(api_client, provider, **with_access_token(provider, identity))
    assert first.status_code in (200, 204), first.content
    again = social_login(APIClient(), provider, **proof(provider, identity))
    assert again.status_code in (200, 204), again.content
    assert User.objects.count() == 1
    assert SocialAccount.objects.count() == 1


@pytest.mark.django_db
def test_an_address_the_provider_verified_logs_in_the_local_account_that_has_it(
    api_client, provider, identity, proof
):
    local = create_account("dana_local", identity.email, PASSWORD)

    response = social_login(api_client, provider, **proof(provider, identity))

    assert response.status_code in (200, 204), response.content
    use_credentials(api_client, response)
    assert who_am_i(api_client) == "dana_local"
    assert User.objects.count() == 1
    # And the provider account is connected to it from now on.
    assert SocialAccount.objects.get().user == local
    local.refresh_from_db()
    assert local.check_password(PASSWORD)  # its address was verified: the password stays


@pytest.mark.django_db
def test_an_unverified_local_address_loses_its_password_to_the_verified_owner(
    api_client, provider, identity, verification
):
    # Someone signed up with Dana's address and never verified it; Dana logs in with the
    # provider: the account becomes hers, and the squatter's password stops working.
    squatter = get_user_model().objects.create_user("squatter", identity.email, PASSWORD)
    EmailAddress.objects.create(user=squatter, email=identity.email, primary=True, verified=False)

    response = social_login(api_client, provider, **with_access_token(provider, identity))

    assert response.status_code in (200, 204), response.content
    squatter.refresh_from_db()
    assert not squatter.has_usable_password()
    # The provider vouched for the mailbox, so the address is now verified.
    assert EmailAddress.objects.get(user=squatter).verified


@pytest.mark.django_db
def test_an_address_the_provider_did_not_verify_does_not_log_in_its_local_account(
    api_client, provider, verification
):
    create_account("dana_local", "dana@example.com", PASSWORD)
    stranger = Identity(uid="777", email="dana@example.com", email_verified=False)

    response = social_login(api_client, provider, **with_access_token(provider, stranger))

    if verification == "mandatory":
        # As a sign-up with a taken address: the answer does not reveal that it is taken,
        # and the owner is told by email.
        assert (response.status_code, response.json()) == (201, SENT)
        assert [message.to for message in mail.outbox] == [["dana@example.com"]]
    else:
        assert response.status_code == 400
        assert "User is already registered with this e-mail address." in iter_messages(response)
    assert not SocialAccount.objects.exists()
    use_credentials(api_client, response)
    assert who_am_i(api_client) is None


@pytest.mark.django_db
@pytest.mark.usefixtures("mandatory")
def test_mandatory_verification_of_an_address_the_provider_did_not_verify(api_client, provider):
    newcomer = Identity(uid="778", email="newcomer@example.com", email_verified=False)

    response = social_login(api_client, provider, **with_access_token(provider, newcomer))

    # As a sign-up under mandatory verification: no credential, a verification email.
    assert (response.status_code, response.json()) == (201, SENT)
    use_credentials(api_client, response)
    assert who_am_i(api_client) is None
    [message] = mail.outbox
    assert message.to == ["newcomer@example.com"]
    assert SocialAccount.objects.get().user.email == "newcomer@example.com"
    # Until verified, logging in with the provider again is refused like a password login.
    again = social_login(APIClient(), provider, **with_access_token(provider, newcomer))
    assert again.status_code == 400
    assert "E-mail is not verified." in iter_messages(again)


@pytest.mark.django_db
@pytest.mark.usefixtures("mandatory")
def test_mandatory_verification_trusts_an_address_the_provider_verified(
    api_client, provider, identity
):
    response = social_login(api_client, provider, **with_access_token(provider, identity))
    assert response.status_code in (200, 204), response.content
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.usefixtures("optional")
def test_optional_verification_logs_in_and_sends_the_verification_email(api_client, provider):
    newcomer = Identity(uid="779", email="newcomer@example.com", email_verified=False)

    response = social_login(api_client, provider, **with_access_token(provider, newcomer))

    assert response.status_code in (200, 204), response.content
    assert [message.to for message in mail.outbox] == [["newcomer@example.com"]]


@pytest.mark.django_db
def test_an_inactive_user_is_refused(api_client, provider, identity):
    assert social_login(api_client, provider, **with_access_token(provider, identity)).status_code
    User.objects.update(is_active=False)

    response = social_login(APIClient(), provider, **with_access_token(provider, identity))

    assert response.status_code == 400
    assert "User account is disabled." in iter_messages(response)


@pytest.mark.django_db
def test_sign_up_closed(api_client, provider, identity, monkeypatch):
    from rest_auth.registration.adapter import AccountAdapter

    monkeypatch.setattr(AccountAdapter, "is_open_for_signup", lambda self, request: False)
    response = social_login(api_client, provider, **with_access_token(provider, identity))
    assert response.status_code == 403
    assert not User.objects.exists()


@pytest.mark.django_db
def test_a_code_that_is_wrong_or_used_is_a_400(api_client, provider, identity):
    wrong = social_login(api_client, provider, code="not-a-code")
    assert wrong.status_code == 400
    assert "Failed to exchange code for access token." in iter_messages(wrong)

    code = with_code(provider, identity)
    assert social_login(api_client, provider, **code).status_code in (200, 204)
    reused = social_login(APIClient(), provider, **code)
    assert reused.status_code == 400
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_code_sent_to_another_redirect_uri_is_refused(api_client, provider, identity, settings):
    # The code was issued for the callback URL the app registered; this site says another.
    set_app(settings, provider.provider_id, settings={"callback_url": "https://x.test/cb/"})

    response = social_login(api_client, provider, **with_code(provider, identity))

    assert response.status_code == 400
    assert not User.objects.exists()


@pytest.mark.django_db
def test_an_access_token_the_provider_does_not_know_is_a_400(api_client, provider):
    response = social_login(api_client, provider, access_token="forged")
    assert response.status_code == 400
    assert "The provider did not accept this token or code." in iter_messages(response)
    assert not User.objects.exists()


@pytest.mark.django_db
def test_nothing_to_verify_is_a_400(api_client, provider):
    response = social_login(api_client, provider, access_token="", code="")
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["Incorrect input. access_token, code or id_token is required."]
    }


@pytest.mark.django_db
def test_a_provider_error_is_a_400_that_keeps_its_details_out(
    api_client, provider, identity, caplog
):
    body = with_access_token(provider, identity)
    provider.failure = "error"

    with caplog.at_level("INFO", logger="rest_auth.registration.social.serializers"):
        response = social_login(api_client, provider, **body)

    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["The provider did not accept this token or code."]
    }
    assert not User.objects.exists()
    # The provider's own words are for the logs.
    assert f"Social login: {provider.provider_id} refused" in caplog.text


@pytest.mark.django_db
def test_a_provider_error_during_the_code_exchange_is_a_400(api_client, provider, identity):
    body = with_code(provider, identity)
    provider.failure = "error"
    response = social_login(api_client, provider, **body)
    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("proof_of", [with_code, with_access_token], ids=["code", "token"])
def test_a_provider_that_does_not_answer_is_a_503_after_the_configured_timeout(
    api_client, provider, identity, settings, proof_of
):
    settings.SOCIALACCOUNT_REQUESTS_TIMEOUT = 3
    body = proof_of(provider, identity)
    provider.failure = "timeout"

    response = social_login(api_client, provider, **body)

    assert response.status_code == 503
    assert response.json() == {"detail": "The provider could not be reached. Try again later."}
    # allauth waited no longer than the setting says.
    assert provider.timeouts == [3]
    assert not User.objects.exists()


@pytest.mark.django_db
def test_no_request_leaves_for_a_host_no_fake_serves(transport):
    import requests
    from allauth.socialaccount.adapter import get_adapter

    with pytest.raises(requests.ConnectionError, match="never reach the network"):
        with get_adapter().get_requests_session() as session:
            session.get("https://example.com/")


@pytest.mark.django_db
def test_an_existing_username_is_not_taken_over(api_client, provider, identity):
    # The provider's username is taken here by someone else: the new account gets another.
    create_account(identity.username, "someone@example.com", PASSWORD)

    response = social_login(api_client, provider, **with_access_token(provider, identity))

    assert response.status_code in (200, 204), response.content
    new = User.objects.get(email=identity.email)
    assert new.username != identity.username
    assert User.objects.count() == 2


@pytest.mark.django_db
def test_tokens_and_codes_are_kept_out_of_error_reports(rf, provider):
    url = reverse(f"{provider.provider_id}_login")
    request = rf.post(url, {"code": "secret-code"})
    resolve(url).func(request)
    assert set(request.sensitive_post_parameters) == {
        "access_token",
        "code",
        "id_token",
        "token_secret",
    }


@pytest.mark.django_db
def test_social_login_shares_the_login_rate_limit(api_client, provider, identity, throttle_rates):
    throttle_rates(rest_auth_login="1/minute")
    first = social_login(api_client, provider, **with_access_token(provider, identity))
    assert first.status_code in (200, 204), first.content
    second = social_login(APIClient(), provider, **with_access_token(provider, identity))
    assert second.status_code == 429
