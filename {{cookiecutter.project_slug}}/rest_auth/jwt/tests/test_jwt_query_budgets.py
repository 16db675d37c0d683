"""Query budgets of JWT mode (see rest_auth/tests/test_query_budgets.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from rest_auth.app_settings import api_settings
from rest_auth.jwt.revocation import blacklist_installed
from rest_auth.tests.test_query_budgets import LOGIN_URL, login_body

pytestmark = pytest.mark.django_db


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
