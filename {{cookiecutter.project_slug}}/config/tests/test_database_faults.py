"""A database that is down or restarting: 503 JSON (logged), and the next request works.

The failure is injected where a lost connection shows: at the execution of a query
(``connection.execute_wrapper``), the database errors Django raises for it.
"""

import logging
from contextlib import contextmanager

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.test import Client

LOGIN_URL = "/api/auth/login/"


@contextmanager
def database_down(error: type[Exception]):
    def fail(execute, sql, params, many, context):
        raise error("server closed the connection unexpectedly")

    with connection.execute_wrapper(fail):
        yield


def post_login(client: Client):
    return client.post(
        LOGIN_URL,
        # Both fields: whichever the project logs in with.
        {"username": "alice", "email": "alice@example.com", "password": "x"},
        content_type="application/json",
    )


@pytest.mark.django_db
@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_lost_database_is_a_json_503_then_recovers(error, caplog):
    client = Client(raise_request_exception=False, HTTP_ACCEPT="text/html")
    with caplog.at_level(logging.ERROR, logger="django.request"), database_down(error):
        response = post_login(client)
    assert response.status_code == 503
    assert response.json() == {"detail": "Service temporarily unavailable, try again later."}
    assert int(response["Retry-After"]) > 0
    assert error.__name__ in caplog.text  # logged with its traceback
    # The database is back: the next request is served.
    assert post_login(client).status_code == 400


@pytest.mark.django_db
def test_other_crashes_stay_500(monkeypatch):
    from rest_auth import serializers

    def broken(*args, **kwargs):
        raise RuntimeError("a bug, not an outage")

    monkeypatch.setattr(serializers.LoginSerializer, "validate", broken)
    response = post_login(Client(raise_request_exception=False))
    assert response.status_code == 500
    assert response.json() == {"detail": "Server error."}
