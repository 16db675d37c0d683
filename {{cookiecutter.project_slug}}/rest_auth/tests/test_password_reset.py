"""POST /api/auth/password/reset/ and /api/auth/password/reset/confirm/."""

import re

import pytest
from django.contrib.sites.models import Site
from django.urls import reverse
from rest_framework.test import APIClient

from rest_auth.app_settings import api_settings
from rest_auth.tests.answers import FAILING_EMAIL_BACKEND, assert_same_answer
from rest_auth.tests.conftest import PASSWORD, create_account

RESET_URL = reverse("rest_password_reset")
CONFIRM_URL = reverse("rest_password_reset_confirm")
SENT = {"detail": "Password reset e-mail has been sent."}
INVALID_LINK = {"token": ["This password reset link is invalid or has expired."]}
NEW = "a-new-passphrase-42"
LINK = re.compile(r"(?P<base>https?://[^/\s]+)/password-reset/(?P<uid>[^/\s]+)/(?P<token>[^/\s]+)/")


def request_reset(client, email="alice@example.com", **extra):
    return client.post(RESET_URL, {"email": email}, format="json", **extra)


def link_in(message):
    match = LINK.search(message.body)
    assert match, message.body
    return match


def confirm(client, uid, token, **body):
    data = {"uid": uid, "token": token, "new_password1": NEW, "new_password2": NEW, **body}
    return client.post(CONFIRM_URL, data, format="json")


@pytest.mark.django_db
class TestRequestReset:
    def test_emails_a_link_to_the_frontend(self, api_client, user, mailoutbox, settings):
        response = request_reset(api_client)
        assert (response.status_code, response.json()) == (200, SENT)
        [message] = mailoutbox
        assert message.to == ["alice@example.com"]
        assert link_in(message)["base"] == settings.FRONTEND_URL

    def test_mail_goes_to_the_stored_address_not_the_typed_one(self, api_client, user, mailoutbox):
        request_reset(api_client, email="ALICE@EXAMPLE.COM")
        assert mailoutbox[0].to == ["alice@example.com"]

    def test_unknown_address_gets_the_same_answer_and_no_mail(self, api_client, user, mailoutbox):
        response = request_reset(api_client, email="nobody@example.com")
        assert (response.status_code, response.json()) == (200, SENT)
        assert mailoutbox == []

    def test_inactive_user_gets_no_mail(self, api_client, user, mailoutbox):
        user.is_active = False
        user.save()
        assert request_reset(api_client).json() == SENT
        assert mailoutbox == []

    def test_a_failing_mail_server_does_not_change_the_answer(self, api_client, user, monkeypatch):
        def refuse(message, fail_silently=False):
            if not fail_silently:  # the error report to ADMINS may fail quietly
                raise ConnectionRefusedError("mail server down")
            return 0

        monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
        response = request_reset(api_client)
        assert (response.status_code, response.json()) == (200, SENT)

    @pytest.mark.parametrize("trust_forwarded_host", [False, True])
    def test_host_header_does_not_reach_the_link(
        self, api_client, user, mailoutbox, settings, trust_forwarded_host
    ):
        settings.ALLOWED_HOSTS = ["*"]
        settings.USE_X_FORWARDED_HOST = trust_forwarded_host
        request_reset(api_client, HTTP_HOST="evil.example", HTTP_X_FORWARDED_HOST="evil.example")
        assert "evil.example" not in mailoutbox[0].body
        assert link_in(mailoutbox[0])["base"] == settings.FRONTEND_URL

    def test_sites_domain_on(self, api_client, user, mailoutbox, rest_auth_settings):
        rest_auth_settings(PASSWORD_RESET_USE_SITES_DOMAIN=True)
        Site.objects.filter(pk=1).update(domain="sites.example.org")
        Site.objects.clear_cache()
        request_reset(api_client)
        assert link_in(mailoutbox[0])["base"] == "https://sites.example.org"

    def test_sites_domain_off(self, api_client, user, mailoutbox, rest_auth_settings, settings):
        rest_auth_settings(PASSWORD_RESET_USE_SITES_DOMAIN=False)
        Site.objects.filter(pk=1).update(domain="sites.example.org")
        Site.objects.clear_cache()
        request_reset(api_client)
        assert link_in(mailoutbox[0])["base"] == settings.FRONTEND_URL

    def test_invalid_address_is_a_field_error(self, api_client):
        response = request_reset(api_client, email="not-an-address")
        assert response.status_code == 400
        assert list(response.json()) == ["email"]

    def test_custom_serializer(self, api_client, user, mailoutbox, rest_auth_settings):
        rest_auth_settings(
            PASSWORD_RESET_SERIALIZER="rest_auth.tests.custom_serializers.BrandedPasswordResetSerializer"
        )
        request_reset(api_client)
        assert "Branded Inc" in mailoutbox[0].subject

    def test_throttled(self, api_client, throttle_rates):
        throttle_rates(rest_auth_password_reset="1/hour")
        assert request_reset(api_client, email="x@example.com").status_code == 200
        assert request_reset(api_client, email="y@example.com").status_code == 429


def account_in_state(state, django_user_model):
    """The address of an account in ``state`` (or of none: "unknown")."""
    if state == "unknown":
        return "nobody@example.com"
    account = create_account("dora", "dora@example.com", PASSWORD)
    if state == "inactive":
        account.is_active = False
    elif state == "unusable password":
        account.set_unusable_password()
    account.save()
    return account.email


@pytest.mark.django_db
class TestNoEnumeration:
    """The answer says nothing of the account: status, body, headers and cookies alike."""

    STATES = ["active", "inactive", "unusable password"]

    @pytest.mark.parametrize("state", STATES)
    def test_same_answer_as_for_an_unknown_address(self, api_client, state, django_user_model):
        unknown = request_reset(api_client, email="nobody@example.com")
        known = request_reset(api_client, email=account_in_state(state, django_user_model))
        assert (unknown.status_code, unknown.json()) == (200, SENT)
        assert_same_answer(unknown, known)

    @pytest.mark.parametrize("state", STATES)
    def test_a_mail_server_that_is_down_changes_nothing_and_is_logged(
        self, api_client, state, django_user_model, settings, caplog
    ):
        settings.EMAIL_BACKEND = FAILING_EMAIL_BACKEND
        unknown = request_reset(api_client, email="nobody@example.com")
        assert not caplog.records
        known = request_reset(api_client, email=account_in_state(state, django_user_model))
        assert_same_answer(unknown, known)
        if state == "active":
            # Logged for the operator, with the traceback; never shown to the client.
            assert [r.exc_info for r in caplog.records if r.levelname == "ERROR"]


# (stored, typed): a typed address that Unicode case folding or normalisation may take for
# the stored one. Whatever matches, mail goes to the stored address, never the typed one.
LOOKALIKES = [
    ("dora@strasse.example", "DORA@STRASSE.EXAMPLE"),  # plain case: a match
    ("dora@straße.example", "dora@STRASSE.example"),  # ß folds to "ss"
    ("dora@kelvin.example", "dora@\u212aelvin.example"),  # KELVIN SIGN lower-cases to "k"
    ("dora@ink.example", "dora@\u0130NK.example"),  # dotted capital I
    ("dora@\u0131nk.example", "dora@INK.example"),  # dotless small i upper-cases to "I"
    ("dora@example.com", "dora@\uff45xample.com"),  # fullwidth e, NFKC-equal to "e"
]
# Two accounts whose stored addresses collide under case folding or normalisation.
COLLIDING = [
    ("dora@straße.example", "dora@strasse.example"),
    ("dora@\u0131nk.example", "dora@ink.example"),
    ("dora@\uff45xample.com", "dora@example.com"),
]


def reset_with(client, message, new_password):
    link = link_in(message)
    response = confirm(
        client, link["uid"], link["token"], new_password1=new_password, new_password2=new_password
    )
    assert response.status_code == 200, response.content


@pytest.mark.django_db
class TestUnicodeAddresses:
    @pytest.mark.parametrize(("stored", "typed"), LOOKALIKES)
    def test_mail_goes_to_the_stored_address_only(
        self, api_client, mailoutbox, django_user_model, stored, typed
    ):
        account = create_account("dora", stored, PASSWORD)
        assert account.email == stored
        response = request_reset(api_client, email=typed)
        assert (response.status_code, response.json()) == (200, SENT)
        assert all(message.to == [stored] for message in mailoutbox), [
            message.to for message in mailoutbox
        ]
        for message in mailoutbox:  # a link, if any, resets that account
            reset_with(api_client, message, NEW)
            account.refresh_from_db()
            assert account.check_password(NEW)

    @pytest.mark.parametrize(("first", "second"), COLLIDING)
    def test_a_colliding_address_never_resets_the_other_account(
        self, api_client, mailoutbox, django_user_model, first, second
    ):
        accounts = {
            first: create_account("dora", first, PASSWORD),
            second: create_account("dorian", second, PASSWORD),
        }
        for address, account in accounts.items():
            mailoutbox.clear()
            request_reset(api_client, email=address)
            [message] = mailoutbox
            assert message.to == [address]
            reset_with(api_client, message, NEW)
            (other,) = (other for other in accounts.values() if other.pk != account.pk)
            other.refresh_from_db()
            assert other.check_password(PASSWORD)  # untouched
            account.refresh_from_db()
            assert account.check_password(NEW)
            account.set_password(PASSWORD)
            account.save()


@pytest.mark.django_db
class TestConfirmReset:
    @pytest.fixture
    def link(self, api_client, user, mailoutbox):
        request_reset(api_client)
        return link_in(mailoutbox[0])

    def test_sets_the_new_password(self, api_client, user, link):
        response = confirm(api_client, link["uid"], link["token"])
        assert (response.status_code, response.json()) == (
            200,
            {"detail": "Password has been reset with the new password."},
        )
        user.refresh_from_db()
        assert user.check_password(NEW)

    def test_a_link_works_once(self, api_client, user, link):
        assert confirm(api_client, link["uid"], link["token"]).status_code == 200
        again = "yet-another-passphrase-42"
        response = confirm(
            api_client, link["uid"], link["token"], new_password1=again, new_password2=again
        )
        assert (response.status_code, response.json()) == (400, INVALID_LINK)
        user.refresh_from_db()
        assert user.check_password(NEW)

    def test_of_two_requests_racing_with_one_link_one_wins(
        self, api_client, user, link, monkeypatch
    ):
        """The second request runs entirely between the first one's validation and its save:
        both found the link valid, only the one that saves first may use it."""
        serializer_class = api_settings.PASSWORD_RESET_CONFIRM_SERIALIZER
        validate = serializer_class.validate
        other = "the-other-passphrase-42"
        started, answers = [], []

        def validate_then_let_the_other_request_run(serializer, attrs):
            validated = validate(serializer, attrs)
            if not started:
                started.append(True)
                answers.append(
                    confirm(
                        APIClient(),
                        link["uid"],
                        link["token"],
                        new_password1=other,
                        new_password2=other,
                    )
                )
            return validated

        monkeypatch.setattr(serializer_class, "validate", validate_then_let_the_other_request_run)
        first = confirm(api_client, link["uid"], link["token"])
        [second] = answers
        assert second.status_code == 200
        assert (first.status_code, first.json()) == (400, INVALID_LINK)
        user.refresh_from_db()
        assert user.check_password(other)

    def test_old_credentials_stop_working(self, auth_client, api_client, user, mailoutbox):
        request_reset(api_client)
        link = link_in(mailoutbox[0])
        assert confirm(api_client, link["uid"], link["token"]).status_code == 200
        assert auth_client.get(reverse("rest_user_details")).status_code in (401, 403)

    @pytest.mark.parametrize("uid", ["garbage", "", "MTIzNDU2Nzg5", "%%%", "A" * 500])
    def test_bad_uid(self, api_client, link, uid):
        response = confirm(api_client, uid, link["token"])
        assert response.status_code == 400
        assert list(response.json()) == ["uid"]
        if uid:  # a blank one is a missing field
            assert response.json()["uid"] == INVALID_LINK["token"]

    def test_bad_token(self, api_client, user, link):
        response = confirm(api_client, link["uid"], "abc-123")
        assert (response.status_code, response.json()) == (400, INVALID_LINK)
        user.refresh_from_db()
        assert user.check_password(PASSWORD)

    def test_mismatched_passwords(self, api_client, link):
        response = confirm(api_client, link["uid"], link["token"], new_password2="different-42")
        assert response.status_code == 400
        assert list(response.json()) == ["new_password2"]

    def test_missing_fields(self, api_client):
        response = api_client.post(CONFIRM_URL, {}, format="json")
        assert response.status_code == 400
        assert set(response.json()) == {"uid", "token", "new_password1", "new_password2"}

    def test_custom_serializer(self, api_client, link, rest_auth_settings):
        rest_auth_settings(
            PASSWORD_RESET_CONFIRM_SERIALIZER="rest_auth.tests.custom_serializers.StrictPasswordResetConfirmSerializer"
        )
        forbidden = "forbidden-passphrase-42"
        response = confirm(
            api_client, link["uid"], link["token"], new_password1=forbidden, new_password2=forbidden
        )
        assert response.json() == {"new_password1": ["That word is not allowed."]}
