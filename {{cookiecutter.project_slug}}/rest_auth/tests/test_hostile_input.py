"""Malformed and hostile request bodies get a 4xx with a JSON body, never a 500."""

import json

import pytest
from django.urls import reverse
from rest_framework import parsers

from rest_auth.parsers import JSONParser
from rest_auth.tests.test_fuzz import ENDPOINTS as BODY_ENDPOINTS
from rest_auth.tests.test_fuzz import FIELDS as FUZZED_FIELDS

ENDPOINTS = [
    "rest_login",
    "rest_logout",
    "rest_user_details",
    "rest_password_change",
    "rest_password_reset",
    "rest_password_reset_confirm",
]
BODIES = {
    "deeply nested": b"[" * 100_000 + b"]" * 100_000,
    "invalid utf-8": b'{"username": "\xff\xfe"}',
    "truncated": b'{"username": "alice", "pass',
    "a list": b"[]",
    "a string": b'"alice"',
    "wrong types": b'{"username": ["a"], "email": {"x": 1}, "password": 3, "uid": null}',
    "NUL bytes": b'{"username": "al\\u0000ice", "email": "a\\u0000@x.com", "password": "x\\u0000"}',
    "ORM keywords": b'{"_connector": "OR", "username__startswith": "a", "password": "x"}',
    # JSON can write a lone surrogate; UTF-8 (a hash, the database, a JWT) cannot.
    "lone surrogates": b'{"username": "\\ud800", "email": "a\\udfff@x.com", "password": "\\ud800"}',
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", ENDPOINTS)
@pytest.mark.parametrize("body", BODIES.values(), ids=BODIES.keys())
def test_hostile_body_is_a_client_error(auth_client, name, body):
    method = auth_client.patch if name == "rest_user_details" else auth_client.post
    response = method(reverse(name), body, content_type="application/json")
    # Logout accepts any body; the user endpoint may ignore unknown keys: both stay below 500.
    assert response.status_code < 500
    if response.status_code >= 400:
        assert isinstance(response.json(), dict)


# Every field name the auth serializers read (the social login's too), each holding a lone
# surrogate (JSON's "\\ud800" escape): a character that no encoding can write.
TEXT_FIELDS = [*FUZZED_FIELDS, "access_token", "code", "id_token"]
SURROGATES = json.dumps(dict.fromkeys(TEXT_FIELDS, "\ud800"))


@pytest.fixture(params=["rest_auth.parsers.JSONParser", "rest_framework.parsers.JSONParser"])
def json_parser(request, monkeypatch):
    """The project's JSON parser, or DRF's own: rest_auth is a reusable app, and a project
    may parse JSON with DRF's, which lets a surrogate through to the views."""
    if request.param.startswith("rest_framework."):
        monkeypatch.setattr(JSONParser, "parse", parsers.JSONParser.parse)


@pytest.mark.django_db
@pytest.mark.usefixtures("unthrottled", "json_parser")
@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "logged-in"])
@pytest.mark.parametrize(("path", "method"), BODY_ENDPOINTS)
def test_text_no_encoding_can_write_is_a_400_naming_the_field(
    request, api_client, path, method, logged_in
):
    client = request.getfixturevalue("auth_client") if logged_in else api_client
    response = getattr(client, method)(path, SURROGATES, content_type="application/json")
    assert response.status_code < 500, response.content
    if response.status_code == 400:
        body = response.json()
        named = [field for field in body if field in TEXT_FIELDS]
        assert any("Surrogate characters are not allowed: U+D800." in str(body[f]) for f in named)
    else:
        # The view ignored the body (a logout without JWT, a key in the path, a 401 first):
        # harmless text gets the same answer.
        harmless = json.dumps(dict.fromkeys(FUZZED_FIELDS, "x"))
        again = getattr(client, method)(path, harmless, content_type="application/json")
        assert again.status_code == response.status_code, response.content


NOT_TEXT = "Surrogate characters are not allowed: U+{}."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "answer"),
    [
        (
            '{"email": "a@x.com", "username": {"b": ["\\ud800"]}}',
            {"username": [NOT_TEXT.format("D800")]},
        ),
        ('{"\\ud800": "x"}', {"detail": NOT_TEXT.format("D800")}),
        ('["ok", "\\udfff"]', {"detail": NOT_TEXT.format("DFFF")}),
    ],
    ids=["nested value", "key", "not an object"],
)
def test_the_parser_names_the_field_holding_a_lone_surrogate(api_client, body, answer):
    response = api_client.post(reverse("rest_login"), body, content_type="application/json")
    assert (response.status_code, response.json()) == (400, answer)


MEGABYTE_PASSWORD = "x" * 1_000_000


@pytest.fixture
def hashes(monkeypatch, settings):
    """The length of each password the test hasher hashed: making a hash, or checking one
    (the test settings' MD5 hasher checks by hashing again)."""
    from django.contrib.auth.hashers import get_hasher

    hasher = type(get_hasher())
    calls = []
    original = hasher.encode

    def counted(self, password, *args, **kwargs):
        calls.append(len(password))
        return original(self, password, *args, **kwargs)

    monkeypatch.setattr(hasher, "encode", counted)
    return calls


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("rest_login", {"username": "alice", "password": MEGABYTE_PASSWORD}),
        ("rest_login", {"email": "alice@example.com", "password": MEGABYTE_PASSWORD}),
        (
            "rest_password_change",
            {
                "old_password": MEGABYTE_PASSWORD,
                "new_password1": "a-new-passphrase-42",
                "new_password2": "a-new-passphrase-42",
            },
        ),
        (
            "rest_password_change",
            {
                "old_password": "correct-horse-battery-staple",
                "new_password1": MEGABYTE_PASSWORD,
                "new_password2": MEGABYTE_PASSWORD,
            },
        ),
        (
            "rest_password_reset_confirm",
            {
                "uid": "MQ",
                "token": "set-password",
                "new_password1": MEGABYTE_PASSWORD,
                "new_password2": MEGABYTE_PASSWORD,
            },
        ),
    ],
    ids=["login", "login by email", "change: old", "change: new", "reset confirm"],
)
def test_a_megabyte_password_is_refused_before_hashing(auth_client, hashes, name, body):
    response = auth_client.post(reverse(name), body, format="json")
    assert response.status_code == 400
    password_fields = [key for key, value in body.items() if value is MEGABYTE_PASSWORD]
    assert set(password_fields) <= set(response.json())
    # The current password may be checked (it is of a sane length); the megabyte never is.
    assert all(length < 1_000 for length in hashes)


@pytest.mark.django_db
def test_a_failed_login_hashes_exactly_once(user, api_client, hashes):
    response = api_client.post(
        reverse("rest_login"), {"username": "alice", "password": "wrong"}, format="json"
    )
    assert response.status_code == 400
    assert len(hashes) == 1


TAMPERED = {
    "garbage": "not-a-real-value",
    "signed-looking": "eyJhbGciOiJub25lIn0.eyJ1c2VyX2lkIjoxfQ.",
    # As a WSGI server hands over any header: its bytes (UTF-8 here) read as latin-1.
    "non-ascii": "\u00e9\u4e2d\x00".encode().decode("latin-1"),
    "long": "a" * 4000,
}


def cookie_names():
    """The session and CSRF cookies, and those the REST_AUTH settings name (``*_COOKIE``:
    the token cookies of the features this project has)."""
    from django.conf import settings

    from rest_auth.app_settings import api_settings

    names = [settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME]
    for key in api_settings.defaults:
        if key.endswith("_COOKIE") and getattr(api_settings, key):
            names.append(getattr(api_settings, key))
    return names


@pytest.mark.django_db
@pytest.mark.parametrize("value", TAMPERED.values(), ids=TAMPERED.keys())
def test_tampered_cookies_are_a_client_error(auth_client, value):
    for name in cookie_names():
        auth_client.cookies[name] = value
    responses = [
        auth_client.get(reverse("rest_user_details")),
        auth_client.post(reverse("rest_logout")),
        auth_client.post(reverse("rest_login"), {"username": "alice", "password": "x"}),
    ]
    for response in responses:
        assert response.status_code < 500
        if response.status_code >= 400:
            assert isinstance(response.json(), dict)
