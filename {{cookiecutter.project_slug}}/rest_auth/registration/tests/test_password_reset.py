"""Password reset with allauth installed: allauth's token generator and email templates.

The core tests (rest_auth/tests/test_password_reset.py) run against the same serializers
and hold too; these show that the machinery is allauth's.
"""

import re

import pytest
from allauth.account import app_settings as allauth_settings
from allauth.account.signals import password_reset
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse

from rest_auth.registration.tests.conftest import use_login_method

LINK = re.compile(r"https?://[^/\s]+/password-reset/(?P<uid>[^/\s]+)/(?P<token>[^/\s]+)/")
NEW = "a-new-passphrase-42"
INVALID_LINK = {"token": ["This password reset link is invalid or has expired."]}


@pytest.fixture
def link(api_client, user, mailoutbox):
    api_client.post(reverse("rest_password_reset"), {"email": "alice@example.com"}, format="json")
    [message] = mailoutbox
    match = LINK.search(message.body)
    assert match, message.body
    return match


@pytest.mark.django_db
class TestAllauthMachinery:
    def test_token_is_allauths(self, user, link):
        assert link["uid"] == user_pk_to_url_str(user)  # base 36, allauth's encoding
        generator = allauth_settings.PASSWORD_RESET_TOKEN_GENERATOR()
        assert generator.check_token(user, link["token"])
        assert not default_token_generator.check_token(user, link["token"])

    def test_token_changes_with_the_email_address(self, user, link):
        # allauth's generator hashes the address too: changing it kills the link.
        user.email = "alice@elsewhere.example"
        user.save()
        generator = allauth_settings.PASSWORD_RESET_TOKEN_GENERATOR()
        assert not generator.check_token(user, link["token"])

    def test_email_comes_from_the_projects_allauth_templates(self, link, mailoutbox):
        [message] = mailoutbox
        assert message.subject == "Reset your password on app.example.test"
        assert "(username: alice)" in message.body

    def test_username_left_out_when_logging_in_by_email(
        self, api_client, user, settings, mailoutbox
    ):
        use_login_method(settings, "email")
        api_client.post(
            reverse("rest_password_reset"), {"email": "alice@example.com"}, format="json"
        )
        assert "username:" not in mailoutbox[0].body

    def test_confirm_sends_allauths_signal(self, api_client, user, link):
        received = []

        def receiver(sender, request, user, **kwargs):
            received.append(user.pk)

        password_reset.connect(receiver)
        try:
            data = {
                "uid": link["uid"],
                "token": link["token"],
                "new_password1": NEW,
                "new_password2": NEW,
            }
            response = api_client.post(reverse("rest_password_reset_confirm"), data, format="json")
        finally:
            password_reset.disconnect(receiver)
        assert response.status_code == 200
        assert received == [user.pk]

    def test_a_django_token_is_refused(self, api_client, user):
        data = {
            "uid": user_pk_to_url_str(user),
            "token": default_token_generator.make_token(user),
            "new_password1": NEW,
            "new_password2": NEW,
        }
        response = api_client.post(reverse("rest_password_reset_confirm"), data, format="json")
        assert (response.status_code, response.json()) == (400, INVALID_LINK)

    def test_a_garbage_uid_says_the_link_is_invalid(self, api_client, user):
        data = {"uid": "!!", "token": "x-y", "new_password1": NEW, "new_password2": NEW}
        response = api_client.post(reverse("rest_password_reset_confirm"), data, format="json")
        assert (response.status_code, response.json()) == (400, {"uid": INVALID_LINK["token"]})

    def test_unverified_secondary_address_gets_no_link_when_a_verified_one_exists(
        self, api_client, user, django_user_model, mailoutbox
    ):
        # allauth prefers the account that verified the address over one that merely claims it.
        from allauth.account.models import EmailAddress

        other = django_user_model.objects.create_user(username="mallory", password="x-42-long-pass")
        EmailAddress.objects.create(user=other, email="alice@example.com", verified=False)
        api_client.post(
            reverse("rest_password_reset"), {"email": "alice@example.com"}, format="json"
        )
        assert len(mailoutbox) == 1
        assert LINK.search(mailoutbox[0].body)["uid"] == user_pk_to_url_str(user)
