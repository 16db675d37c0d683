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
{%- if cookiecutter.registration %}
from django.conf import settings as django_settings
{%- endif %}
from django.urls import reverse
from rest_framework.test import APIClient

from rest_auth.app_settings import api_settings
{%- if cookiecutter.auth_mode == "jwt" %}
from rest_auth.jwt_auth import blacklist_installed
{%- endif %}
from rest_auth.tests.conftest import PASSWORD, log_in

LOGIN_URL = reverse("rest_login")
LOGOUT_URL = reverse("rest_logout")
USER_URL = reverse("rest_user_details")
CHANGE_URL = reverse("rest_password_change")
NEW_PASSWORD = "a-new-and-longer-passphrase"

pytestmark = pytest.mark.django_db


def session_login() -> bool:
    return bool(api_settings.SESSION_LOGIN)


def login_body() -> dict[str, str]:
    return {"username": "alice", "password": PASSWORD}


def verified_address_check() -> int:
{%- if cookiecutter.registration %}
    """Under mandatory email verification, login also reads whether the address is verified."""
    return 1 if django_settings.ACCOUNT_EMAIL_VERIFICATION == "mandatory" else 0
{%- else %}
    """No email verification without registration: nothing to check."""
    return 0
{%- endif %}


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
    elif api_settings.TOKEN_MODEL is not None:
        budget = 3  # the user, the new token's INSERT, last_login
{%- if cookiecutter.auth_mode == "jwt" %}
    else:
        # The user and last_login; the blacklist app records each refresh token issued.
        budget = 3 if blacklist_installed() else 2
{%- endif %}
    budget += verified_address_check()
    with django_assert_max_num_queries(budget):
        response = api_client.post(LOGIN_URL, login_body(), format="json")
    assert response.status_code in (200, 204)
{%- if cookiecutter.auth_mode == "token" %}


def test_first_login_costs_the_same(
    api_client: APIClient, user: Any, django_assert_max_num_queries: Any
) -> None:
    # Every login inserts a token of its own (rest_auth.tokens): no lookup of an existing
    # one first, and no savepoint around the INSERT.
    with django_assert_max_num_queries(3 + verified_address_check()):
        response = api_client.post(LOGIN_URL, login_body(), format="json")
    assert response.status_code == 200
{%- endif %}


def test_logout(auth_client: APIClient, django_assert_max_num_queries: Any) -> None:
    if session_login():
        # Django's logout() reads the session and the user (for user_logged_out), then
        # deletes the row; SessionAuthentication reads the session first.
        budget = 4
    elif api_settings.TOKEN_MODEL is not None:
        budget = 1  # DELETE of the token by its key's digest, without loading it first
{%- if cookiecutter.auth_mode == "jwt" %}
    elif blacklist_installed():
        # Blacklisting the refresh token: simplejwt's blacklist check when it reads the
        # token, the id of its OutstandingToken row, and the INSERT of its BlacklistedToken
        # row (ON CONFLICT DO NOTHING: a second logout with it is no error to hide).
        budget = 3
    else:
        budget = 0  # the access token is revoked in the cache, nothing is in the database
{%- endif %}
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
{%- if cookiecutter.auth_mode == "jwt" %}
    elif api_settings.USE_JWT:
        # Authentication, the password UPDATE, and the new refresh token's blacklist row.
        budget = 3 if blacklist_installed() else 2
{%- endif %}
    else:
        # Authentication (token with its user), the password-only UPDATE, and one DELETE of
        # the user's other tokens.
        budget = 3
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
{%- if cookiecutter.auth_mode == "jwt" %}
    elif api_settings.USE_JWT:
        # Authentication and the password UPDATE; with the blacklist app, the user's live
        # refresh tokens are read and blacklisted in one INSERT (an INSERT ... SELECT would
        # make it one statement, in raw SQL). The access token is revoked in the cache.
        budget = 4 if blacklist_installed() else 2
{%- endif %}
    else:
        budget = 3  # authentication, the password UPDATE, one DELETE of the user's tokens
    with django_assert_max_num_queries(budget):
        response = auth_client.post(CHANGE_URL, body, format="json")
    assert response.status_code == 200, response.content
{%- if cookiecutter.auth_mode == "jwt" %}


def refresh_token(client: APIClient) -> str:
    """The refresh token of a login, from its body or, when kept out of it, its cookie."""
    response = client.post(LOGIN_URL, login_body(), format="json")
    name = api_settings.JWT_AUTH_REFRESH_COOKIE
    return response.data["refresh"] or response.cookies[name].value


def test_jwt_refresh(api_client: APIClient, user: Any, django_assert_max_num_queries: Any) -> None:
    raw = refresh_token(APIClient())
    if blacklist_installed():
        # The is_active check is 1; rotation adds 6 of bookkeeping: simplejwt's blacklist
        # check when it reads the old token (a SELECT the consuming INSERT makes redundant,
        # but simplejwt's RefreshToken runs it on every read), the old token's
        # OutstandingToken id, its BlacklistedToken INSERT inside a savepoint (3: of two
        # concurrent uses, the one whose INSERT fails is refused) and the new token's
        # OutstandingToken INSERT.
        budget = 7
    else:
        budget = 1  # the is_active (and password) check of the token's user
    with django_assert_max_num_queries(budget):
        response = api_client.post(reverse("token_refresh"), {"refresh": raw}, format="json")
    assert response.status_code == 200, response.content


def test_jwt_verify(api_client: APIClient, user: Any, django_assert_max_num_queries: Any) -> None:
    response = api_client.post(LOGIN_URL, login_body(), format="json")
    access = response.data["access"] or response.cookies[api_settings.JWT_AUTH_COOKIE].value
    # Signature, expiry and the logout cache; access tokens are never in the blacklist.
    with django_assert_max_num_queries(0):
        response = api_client.post(reverse("token_verify"), {"token": access}, format="json")
    assert response.status_code == 200, response.content
{%- endif %}
{%- if cookiecutter.registration %}


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
    elif api_settings.TOKEN_MODEL is not None:
        budget += 1  # the new token's INSERT
{%- if cookiecutter.auth_mode == "jwt" %}
    elif blacklist_installed():
        budget += 1  # the blacklist app's record of the refresh token
{%- endif %}
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
{%- endif %}
