"""Every email of sign-up, verification and password reset leaves after the answer.

``served`` shows what has happened when the client has its answer: no mail yet, so the
time an answer takes cannot tell whether the address has an account. The mail follows
when the server closes the response (``rest_auth.mail``).
"""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from rest_auth.registration.tests.conftest import signup_body
from rest_auth.tests.answers import served


@pytest.fixture
def unverified(user):
    EmailAddress.objects.filter(email="alice@example.com").update(verified=False)
    return user


@pytest.mark.django_db
@pytest.mark.usefixtures("mandatory")
@pytest.mark.parametrize(
    ("name", "body", "account"),
    [
        ("rest_register", signup_body(), None),
        ("rest_register", signup_body(email="alice@example.com"), "user"),
        ("rest_resend_email", {"email": "alice@example.com"}, "unverified"),
        ("rest_password_reset", {"email": "alice@example.com"}, "user"),
    ],
    ids=["verification", "account already exists", "resend", "password reset"],
)
def test_the_email_leaves_after_the_answer(request, mailoutbox, name, body, account):
    if account:
        request.getfixturevalue(account)
    with served(reverse(name), body) as response:
        assert response.status_code < 300, response.content
        assert mailoutbox == []
    [message] = mailoutbox
    assert message.to == [body["email"]]
