"""Query budgets of hashed API tokens (see rest_auth/tests/test_query_budgets.py)."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from rest_auth.tests.test_query_budgets import LOGIN_URL, login_body, login_checks

pytestmark = pytest.mark.django_db


def test_first_login_costs_the_same(
    api_client: APIClient, user: Any, django_assert_max_num_queries: Any
) -> None:
    # Every login inserts a token of its own (rest_auth.tokens): no lookup of an existing
    # one first, and no savepoint around the INSERT.
    with django_assert_max_num_queries(3 + login_checks()):
        response = api_client.post(LOGIN_URL, login_body(), format="json")
    assert response.status_code == 200
