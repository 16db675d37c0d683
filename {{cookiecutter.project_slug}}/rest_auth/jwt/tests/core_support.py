"""How the core tests log in with JWTs (see ``rest_auth.tests.conftest``)."""

from __future__ import annotations

from typing import Any

from rest_framework.test import APIClient


def in_a_cookie(response: Any, value: str) -> bool:
    """Return whether the response also set this value as a cookie (JWT_AUTH_COOKIE)."""
    return any(morsel.value == value for morsel in response.cookies.values())


def use_credentials(client: APIClient, response: Any, body: Any) -> bool:
    """Send the access token as a Bearer header when login gave it in the body only."""
    if body and "access" in body and not in_a_cookie(response, body["access"]):
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {body['access']}")
        return True
    return False


def query_budgets(strategy: type) -> dict[str, int] | None:
    """Return the query budgets of JWT mode (see rest_auth/tests/test_query_budgets.py)."""
    from rest_auth.jwt.revocation import blacklist_installed
    from rest_auth.jwt.strategy import JWTStrategy

    if strategy is not JWTStrategy:
        return None
    if blacklist_installed():
        return {
            "issue": 1,  # the blacklist app records each refresh token issued
            # Blacklisting the refresh token: simplejwt's blacklist check when it reads the
            # token, the id of its OutstandingToken row, and the INSERT of its
            # BlacklistedToken row (ON CONFLICT DO NOTHING: a second logout with it is no
            # error to hide).
            "logout": 3,
            # Authentication, the password UPDATE, and the new refresh token's blacklist row.
            "password_change": 3,
            # Authentication and the password UPDATE; the user's live refresh tokens are
            # read and blacklisted in one INSERT (an INSERT ... SELECT would make it one
            # statement, in raw SQL). The access token is revoked in the cache.
            "password_change_logout": 4,
        }
    return {
        "issue": 0,
        "logout": 0,  # the access token is revoked in the cache, nothing is in the database
        "password_change": 2,  # authentication and the password UPDATE
        "password_change_logout": 2,
    }
