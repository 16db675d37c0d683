"""Query budgets: how many SQL statements each auth endpoint may run.

These endpoints sit on every request path of every API built on this project, so their
cost is asserted, not hoped for. Each test runs one request through the test client and
counts the statements (SAVEPOINT / RELEASE included: they are round trips too). Where a
budget is above the ideal, its comment says what stands between them. If a change of yours
needs more, raise the number here on purpose.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from rest_auth.app_settings import api_settings
from rest_auth.strategies import TokenStrategy, login_strategy
from rest_auth.tests.conftest import PASSWORD, feature_test_support, log_in

LOGIN_URL = reverse("rest_login")
LOGOUT_URL = reverse("rest_logout")
USER_URL = reverse("rest_user_details")
CHANGE_URL = reverse("rest_password_change")
NEW_PASSWORD = "a-new-and-longer-passphrase"

pytestmark = pytest.mark.django_db

# The budgets of the credential-issuing strategies, by the strategy in force (a feature's
# strategy brings its own: ``query_budgets(strategy)`` in its tests' core_support.py).
# "issue": what a login adds to reading the user and last_login; "logout"; and
# "password_change" / "password_change_logout" (LOGOUT_ON_PASSWORD_CHANGE), whole.
CORE_BUDGETS = {
    TokenStrategy: {
        "issue": 1,  # the new token's INSERT
        "logout": 1,  # DELETE of the token by its key's digest, without loading it first
        # Authentication (token with its user), the password-only UPDATE, and one DELETE
        # of the user's other tokens.
        "password_change": 3,
        "password_change_logout": 3,  # the same, all of the user's tokens deleted
    },
}


def strategy_budget(action: str) -> int:
    """Return the budget of ``action`` under the login strategy in force."""
    strategy = type(login_strategy())
    for support in feature_test_support():
        budgets = getattr(support, "query_budgets", lambda strategy: None)(strategy)
        if budgets is not None:
            return budgets[action]
    return CORE_BUDGETS[strategy][action]


def session_login() -> bool:
    return bool(api_settings.SESSION_LOGIN)


def login_body() -> dict[str, str]:
    return {"username": "alice", "password": PASSWORD}


def login_checks() -> int:
    """Return what features add to every login (registration, under mandatory email
    verification: whether the address is verified)."""
    supports = feature_test_support()
    return sum(support.login_queries() for support in supports if hasattr(support, "login_queries"))


def test_user_details(auth_client: APIClient, django_assert_max_num_queries: Any) -> None:
    # Token and JWT: the one SELECT that authenticates (token, by its key's digest, joined
    # with its user; the user by the JWT's id). A session reads its row first, then the user.
    budget = 2 if session_login() else 1
    with django_assert_max_num_queries(budget):
        response = auth_client.get(USER_URL)
    assert response.status_code == 200


def test_login(api_client: APIClient, user: Any, django_assert_max_num_queries: Any) -> None:
    # Someone who logged in before: the user, the credential, last_login.
    log_in(APIClient(), **login_body())
    if session_login():
        # Django's login() inserts the session row (an existence check, then the INSERT in
        # a savepoint), and the session middleware saves it again at the end of the request.
        budget = 9
    else:
        budget = 2 + strategy_budget("issue")  # the user, last_login, the credential
    budget += login_checks()
    with django_assert_max_num_queries(budget):
        response = api_client.post(LOGIN_URL, login_body(), format="json")
    assert response.status_code in (200, 204)


def test_logout(auth_client: APIClient, django_assert_max_num_queries: Any) -> None:
    if session_login():
        # Django's logout() reads the session and the user (for user_logged_out), then
        # deletes the row; SessionAuthentication reads the session first.
        budget = 4
    else:
        budget = strategy_budget("logout")
    with django_assert_max_num_queries(budget):
        response = auth_client.post(LOGOUT_URL, format="json")
    assert response.status_code == 200


def test_password_change(auth_client: APIClient, django_assert_max_num_queries: Any) -> None:
    body = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    if session_login():
        # Authentication (session, user) and the password UPDATE fit the budget of 3; the
        # rest is Django's update_session_auth_hash, which keeps the client logged in by
        # moving the session to a new key (insert the new row, delete the old, save it).
        budget = 12
    else:
        budget = strategy_budget("password_change")
    with django_assert_max_num_queries(budget):
        response = auth_client.post(CHANGE_URL, body, format="json")
    assert response.status_code == 200, response.content


def test_password_change_that_logs_out(
    auth_client: APIClient, rest_auth_settings: Any, django_assert_max_num_queries: Any
) -> None:
    rest_auth_settings(LOGOUT_ON_PASSWORD_CHANGE=True)
    body = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    if session_login():
        # Authentication (session, user), the password UPDATE, and Django's logout, which
        # loads the session row before deleting it.
        budget = 5
    else:
        budget = strategy_budget("password_change_logout")
    with django_assert_max_num_queries(budget):
        response = auth_client.post(CHANGE_URL, body, format="json")
    assert response.status_code == 200, response.content
