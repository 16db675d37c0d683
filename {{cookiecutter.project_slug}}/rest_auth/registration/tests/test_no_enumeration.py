"""Sign-up and resending a verification link answer alike for known and unknown accounts.

The whole answer is compared (status, body, headers, cookies), also when the mail server
is down; a taken address never gets a second account. Password reset and login have
theirs in rest_auth/tests/ (test_password_reset.py, test_login.py). Last, no email that
an anonymous request triggers takes a link or a name from the request's Host.
"""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import MD5PasswordHasher
from django.urls import reverse

from rest_auth.registration.tests.conftest import RESENT, SENT, register
from rest_auth.registration.tests.conftest import signup_body as signup
from rest_auth.tests.answers import FAILING_EMAIL_BACKEND, assert_same_answer
from rest_auth.tests.conftest import PASSWORD, create_account


def resend(client, email):
    return client.post(reverse("rest_resend_email"), {"email": email}, format="json")


@pytest.fixture(params=["mail delivered", "mail server down"])
def mail_server(request, settings):
    if request.param == "mail server down":
        settings.EMAIL_BACKEND = FAILING_EMAIL_BACKEND
    return request.param


@pytest.mark.django_db
class TestSignUpWithATakenAddress:
    """Under mandatory verification a taken address is hidden (allauth's rule)."""

    @pytest.mark.parametrize("typed", ["alice@example.com", "ALICE@Example.COM"])
    def test_same_answer_as_a_fresh_sign_up(
        self, api_client, user, mandatory, mail_server, typed, django_user_model
    ):
        fresh = register(api_client, username="dave", email="dave@example.com")
        taken = register(api_client, username="carol", email=typed)
        assert (fresh.status_code, fresh.json()) == (201, SENT)
        assert_same_answer(fresh, taken)
        # No second account, nor a second address for the first one.
        assert not django_user_model.objects.filter(username="carol").exists()
        assert EmailAddress.objects.filter(email__iexact="alice@example.com").count() == 1

    def test_a_mail_server_that_is_down_is_logged(
        self, api_client, user, mandatory, settings, caplog
    ):
        settings.EMAIL_BACKEND = FAILING_EMAIL_BACKEND
        register(api_client, email="alice@example.com")
        assert [record for record in caplog.records if record.exc_info]

    def test_hashes_the_password_as_a_fresh_sign_up_does(
        self, api_client, user, mandatory, monkeypatch
    ):
        # The same work, so the time taken does not tell a taken address either.
        calls = []
        original = MD5PasswordHasher.encode
        monkeypatch.setattr(
            MD5PasswordHasher, "encode", lambda *a, **k: calls.append(1) or original(*a, **k)
        )
        register(api_client, username="dave", email="dave@example.com")
        fresh, calls[:] = len(calls), []
        register(api_client, username="carol", email="alice@example.com")
        assert len(calls) == fresh == 1


@pytest.mark.django_db
class TestResend:
    @pytest.fixture
    def addresses(self, user, django_user_model):
        """An address of each kind the endpoint must not tell apart."""
        create_account("erin", "erin@example.com", PASSWORD)
        EmailAddress.objects.filter(email="erin@example.com").update(verified=False)
        inactive = create_account("ivan", "ivan@example.com", PASSWORD)
        EmailAddress.objects.filter(email="ivan@example.com").update(verified=False)
        inactive.is_active = False
        inactive.save()
        return {
            "unknown": "nobody@example.com",
            "verified": "alice@example.com",
            "unverified": "erin@example.com",
            "unverified, in another case": "ERIN@example.com",
            "inactive": "ivan@example.com",
        }

    def test_same_answer_for_every_kind_of_address(
        self, api_client, addresses, mail_server, mailoutbox
    ):
        answers = {kind: resend(api_client, email) for kind, email in addresses.items()}
        assert (answers["unknown"].status_code, answers["unknown"].json()) == (200, RESENT)
        assert_same_answer(*answers.values())
        if mail_server == "mail delivered":  # to the stored address of the one that needs it
            assert [message.to for message in mailoutbox] == [["erin@example.com"]]


@pytest.mark.django_db
class TestHostHeader:
    """Every email an anonymous client can trigger, with a forged Host and X-Forwarded-Host
    that Django would even trust (USE_X_FORWARDED_HOST)."""

    FORGED = {"HTTP_HOST": "evil.example", "HTTP_X_FORWARDED_HOST": "evil.example"}

    @pytest.fixture(autouse=True)
    def _trusting_proxy(self, settings):
        settings.ALLOWED_HOSTS = ["*"]
        settings.USE_X_FORWARDED_HOST = True

    def sent(self, mailoutbox):
        assert mailoutbox
        return [message.body + message.subject for message in mailoutbox]

    def test_sign_up_verification(self, api_client, mailoutbox, optional):
        api_client.post(reverse("rest_register"), signup(), format="json", **self.FORGED)
        assert not [body for body in self.sent(mailoutbox) if "evil.example" in body]

    def test_account_already_exists(self, api_client, user, mailoutbox, mandatory):
        body = signup(email="alice@example.com")
        api_client.post(reverse("rest_register"), body, format="json", **self.FORGED)
        assert not [body for body in self.sent(mailoutbox) if "evil.example" in body]

    def test_resend(self, api_client, user, mailoutbox):
        EmailAddress.objects.filter(user=user).update(verified=False)
        body = {"email": "alice@example.com"}
        api_client.post(reverse("rest_resend_email"), body, format="json", **self.FORGED)
        assert not [body for body in self.sent(mailoutbox) if "evil.example" in body]

    def test_password_reset(self, api_client, user, mailoutbox):
        body = {"email": "alice@example.com"}
        api_client.post(reverse("rest_password_reset"), body, format="json", **self.FORGED)
        assert not [body for body in self.sent(mailoutbox) if "evil.example" in body]
