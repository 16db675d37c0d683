"""The OpenAPI schema at /api/schema/: valid, complete, and following REST_AUTH."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from openapi_spec_validator import validate

from rest_auth.app_settings import api_settings

DOCS_URL_NAMES = {"schema", "docs"}


def fetch_schema(client) -> dict:
    response = client.get(reverse("schema"), {"format": "json"})
    assert response.status_code == 200
    return response.json()


def served_api_paths(patterns=None, prefix="") -> set[str]:
    """Every API path this project routes, written the way OpenAPI writes it."""
    paths = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            paths |= served_api_paths(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and pattern.name not in DOCS_URL_NAMES:
            if route.startswith("api/"):
                openapi = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
                # drf-spectacular names a "pk" path parameter "id" (SCHEMA_COERCE_PATH_PK).
                paths.add("/" + openapi.replace("{pk}", "{id}"))
    return paths


@pytest.fixture
def schema(api_client):
    return fetch_schema(api_client)


def test_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    validate(schema)


def test_schema_lists_exactly_the_served_endpoints(schema):
    assert set(schema["paths"]) == served_api_paths()


def test_every_operation_is_named_and_tagged(schema):
    operations = [op for path in schema["paths"].values() for op in path.values()]
    ids = [op["operationId"] for op in operations]
    assert len(ids) == len(set(ids))
    assert all(op["tags"] for op in operations)
    assert "login" in ids


@pytest.mark.django_db
def test_login_response_is_this_projects_credential(schema):
    responses = schema["paths"]["/api/auth/login/"]["post"]["responses"]
    if api_settings.TOKEN_MODEL is not None or api_settings.USE_JWT:
        assert "200" in responses and "204" not in responses
    else:
        assert "204" in responses and "200" not in responses
    assert {"400", "429"} <= set(responses)


def test_a_custom_serializer_shows_in_the_schema(api_client, rest_auth_settings):
    assert "NameOnlyUser" not in fetch_schema(api_client)["components"]["schemas"]
    rest_auth_settings(
        USER_DETAILS_SERIALIZER="rest_auth.tests.custom_serializers.NameOnlyUserSerializer"
    )
    components = fetch_schema(api_client)["components"]["schemas"]
    assert set(components["NameOnlyUser"]["properties"]) == {"pk", "first_name"}


def test_docs_page_loads_nothing_from_other_hosts(api_client):
    response = api_client.get(reverse("docs"))
    assert response.status_code == 200
    assets = re.findall(r"""(?:src|href)=["']([^"']+)""", response.content.decode())
    assert assets
    assert [url for url in assets if re.match(r"(https?:)?//", url)] == []


def operations(schema: dict):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def test_login_summary_names_what_login_takes(schema):
    summary = schema["paths"]["/api/auth/login/"]["post"]["summary"]
    fields = schema["components"]["schemas"]["LoginRequest"]["properties"]
    assert ("username" in summary) == ("username" in fields), summary
    assert ("email" in summary) == ("email" in fields), summary


# Python class names (LoginResponseMixin) and dotted paths of this code base: the API docs
# are read by the API's clients, who see neither.
INTERNAL_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b|\b(?:rest_auth|adapter)\.\w+")


def test_operation_texts_name_no_internal_code(schema):
    texts = {
        name: f"{operation.get('summary', '')} {operation.get('description', '')}"
        for name, operation in operations(schema)
    }
    assert {name: INTERNAL_NAME.findall(text) for name, text in texts.items()} == {
        name: [] for name in texts
    }


def free_form_objects(schema: dict, components: dict, seen: frozenset = frozenset()) -> list:
    """Object schemas with no properties, which Swagger UI shows as ``additionalProp1``."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return (
            [] if name in seen else free_form_objects(components[name], components, seen | {name})
        )
    found = []
    if schema.get("type") == "object" and "additionalProperties" in schema:
        if not schema.get("properties"):
            found.append(schema)
    for child in (*schema.get("properties", {}).values(), *schema.get("allOf", [])):
        found += free_form_objects(child, components, seen)
    if "items" in schema:
        found += free_form_objects(schema["items"], components, seen)
    return found


def test_every_answer_shows_a_real_example(schema):
    """A response body is either fully typed or carries an example of itself."""
    components = schema["components"]["schemas"]
    untyped = []
    for name, operation in operations(schema):
        for status, response in operation["responses"].items():
            for media in response.get("content", {}).values():
                if "examples" not in media and free_form_objects(media["schema"], components):
                    untyped.append(f"{name} {status}")
    assert untyped == []


@pytest.mark.django_db
def test_login_400_shows_the_real_message(api_client, schema):
    response = schema["paths"]["/api/auth/login/"]["post"]["responses"]["400"]
    [example] = response["content"]["application/json"]["examples"].values()
    answer = api_client.post(
        reverse("rest_login"),
        {"username": "nobody", "email": "nobody@example.com", "password": "wrong"},
        format="json",
    )
    assert example["value"] == answer.json()
