"""Arbitrary JSON at every endpoint of the auth app: whatever the body, never a 5xx.

Hypothesis writes the bodies: objects whose keys are the serializers' field names (or
anything else) holding any JSON value, bodies that are not objects at all, and bytes that
are not JSON. Each endpoint that takes a body is tried anonymously and logged in, so the
serializers behind authentication see the same input. The endpoints are found in the URL
configuration, so a new view is fuzzed without being listed here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

# Field names of the auth serializers, so that many bodies get past "field required" and
# reach the validation of the values.
FIELDS = [
    "username",
    "email",
    "password",
    "old_password",
    "new_password1",
    "new_password2",
    "password1",
    "password2",
    "uid",
    "token",
    "key",
    "refresh",
    "first_name",
    "last_name",
    "name",
    "session_id",
    "credential",
]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
OBJECTS = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), JSON_VALUES, max_size=6)
# Every field at once, each a string: serializers ignore the fields they do not have, so
# these bodies pass the required-field checks and reach validate().
FULL_FORMS = st.fixed_dictionaries({name: st.text(max_size=30) for name in FIELDS})
# json.dumps writes NaN and Infinity as bare words, which JSON does not have: those bodies
# are invalid JSON, as are the raw bytes.
BODIES = st.one_of(
    FULL_FORMS.map(json.dumps),
    OBJECTS.map(json.dumps),
    JSON_VALUES.map(json.dumps),
    st.binary(max_size=64),
)
BODY_METHODS = ("post", "put", "patch")


def endpoints(
    patterns: list[URLPattern | URLResolver] | None = None, prefix: str = ""
) -> Iterator[tuple[str, str]]:
    """(path, method) of every view of rest_auth that takes a body."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from endpoints(pattern.url_patterns, route)
            continue
        view = getattr(pattern.callback, "cls", None) or getattr(
            pattern.callback, "view_class", None
        )
        if view is None or not view.__module__.startswith("rest_auth."):
            continue
        # Path converters (<int:pk>, <str:key>) get a value each accepts.
        path = "/" + re.sub(r"<[^>]+>", "1", route)
        for method in BODY_METHODS:
            if hasattr(view, method):
                yield path, method


ENDPOINTS = sorted(set(endpoints()))


def test_the_endpoints_are_found():
    paths = {path for path, _method in ENDPOINTS}
    assert {"/api/auth/login/", "/api/auth/password/reset/confirm/"} <= paths


@pytest.mark.django_db
@pytest.mark.usefixtures("unthrottled")
@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "logged-in"])
@pytest.mark.parametrize(("path", "method"), ENDPOINTS)
@settings(
    max_examples=15,
    deadline=None,
    # No example database: the project directory stays as it was.
    database=None,
    # No shrinking: a failing body is reported as generated, at once, instead of after
    # minutes of simplifying 17 fields while each attempt logs a traceback.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=BODIES)
def test_no_body_gets_a_server_error(request, api_client, path, method, logged_in, body):
    client = request.getfixturevalue("auth_client") if logged_in else api_client
    response = getattr(client, method)(path, body, content_type="application/json")
    assert response.status_code < 500, (path, method, body, response.content[:500])
