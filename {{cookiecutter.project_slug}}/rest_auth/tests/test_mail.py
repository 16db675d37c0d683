"""rest_auth.mail: mail work waits for the answer to go out, and never fails a request."""

import logging

import pytest
from django.urls import reverse

from rest_auth import mail
from rest_auth.tests.answers import served


def test_outside_a_request_the_work_runs_at_once():
    sent = []
    mail.send_after_response(sent.append, "now")
    assert sent == ["now"]


def test_in_a_request_the_work_waits_for_the_response_to_close(caplog):
    sent = []
    mail.start_request()
    mail.send_after_response(sent.append, "first")
    mail.send_after_response(lambda: 1 / 0)
    mail.send_after_response(sent.append, "after a failure")
    assert sent == []
    with caplog.at_level(logging.ERROR, logger="rest_auth.mail"):
        mail.send_pending()
    assert sent == ["first", "after a failure"]
    assert [record.exc_info[0] for record in caplog.records] == [ZeroDivisionError]
    # The request is over: work runs at once again.
    mail.send_after_response(sent.append, "later")
    assert sent[-1] == "later"


def test_work_queued_while_sending_runs_at_once():
    sent = []
    mail.start_request()
    mail.send_after_response(mail.send_after_response, sent.append, "nested")
    mail.send_pending()
    assert sent == ["nested"]


@pytest.mark.django_db
def test_a_reset_email_is_sent_after_the_answer(user, mailoutbox):
    with served(reverse("rest_password_reset"), {"email": "alice@example.com"}) as response:
        assert response.status_code == 200
        assert mailoutbox == []
    [message] = mailoutbox
    assert message.to == ["alice@example.com"]
