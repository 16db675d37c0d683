"""Unknown URLs and crashes answer JSON, not Django's HTML pages."""

import pytest
from django.test import Client
from django.urls import path
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from config import urls as project_urls


def crash(request):
    raise RuntimeError("boom")


urlpatterns = [*project_urls.urlpatterns, path("crash/", crash)]
handler404 = project_urls.handler404
handler500 = project_urls.handler500


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/auth/no-such-endpoint/", "/no/such/page"])
def test_unknown_url_is_a_json_404(url):
    response = Client(HTTP_ACCEPT="text/html").get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/auth/no-such-endpoint/", "/api/auth/passkeys/abc/"])
def test_an_unknown_api_url_is_a_json_404_also_with_debug_on(settings, url):
    settings.DEBUG = True  # Django's own 404 is then its HTML debug page
    response = Client(HTTP_ACCEPT="text/html").get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_a_url_without_its_slash_still_redirects_with_debug_on(settings):
    settings.DEBUG = True
    response = Client().get("/api/auth/user")
    assert (response.status_code, response["Location"]) == (301, "/api/auth/user/")


@pytest.mark.urls(__name__)
def test_a_crash_is_a_json_500():
    response = Client(raise_request_exception=False).get("/crash/")
    assert response.status_code == 500
    assert response.json() == {"detail": "Server error."}


@pytest.mark.urls(__name__)
def test_a_crash_is_json_also_for_a_browser():
    client = Client(raise_request_exception=False, HTTP_ACCEPT="text/html")
    response = client.get("/crash/")
    assert response.status_code == 500
    assert response.json() == {"detail": "Server error."}


@pytest.fixture
def production_renderers(monkeypatch):
    """The renderers of settings.py with DEBUG off (a development .env turns DEBUG on).

    DRF reads DEFAULT_RENDERER_CLASSES once, when APIView is defined: patch the class.
    """
    monkeypatch.setattr(APIView, "renderer_classes", [JSONRenderer])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "status"),
    [
        # What browsers send: */* matches, the API answers as usual, in JSON.
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", 400),
        # HTML only: production renders JSON only, so 406, still in JSON.
        ("text/html", 406),
    ],
)
def test_an_html_accept_header_gets_json_from_the_api(production_renderers, accept, status):
    response = Client(HTTP_ACCEPT=accept).post(
        "/api/auth/login/", {"password": "x"}, content_type="application/json"
    )
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert isinstance(response.json(), dict)


@pytest.mark.django_db
def test_a_body_over_the_limit_is_refused_unread(settings):
    # The declared length is what counts: the 2 bytes sent are never read (the test client
    # would raise if more were read than sent).
    response = Client().post(
        "/api/auth/login/",
        b"{}",
        content_type="application/json",
        CONTENT_LENGTH=str(settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1),
    )
    assert response.status_code == 413
    assert response.json() == {"detail": "Request body too large."}


@pytest.mark.django_db
@pytest.mark.parametrize("content_type", ["application/json", "application/x-www-form-urlencoded"])
def test_a_large_body_is_a_json_413(settings, content_type):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    body = b'{"username": "' + b"a" * 20_000 + b'"}'
    response = Client().post("/api/auth/login/", body, content_type=content_type)
    assert response.status_code == 413
    assert response.json() == {"detail": "Request body too large."}


@pytest.mark.django_db
def test_a_large_multipart_field_is_a_json_413(settings):
    # Multipart is left to Django's parser, which enforces the limit per field.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = Client(raise_request_exception=False).post(
        "/api/auth/login/", {"username": "a" * 20_000, "password": "x"}
    )
    assert response.status_code == 413
    assert response.json() == {"detail": "Request body too large."}


@pytest.mark.django_db
def test_a_body_at_the_limit_is_read(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    body = b'{"username": "' + b"a" * 9_000 + b'", "password": "x"}'
    response = Client().post("/api/auth/login/", body, content_type="application/json")
    assert response.status_code == 400  # wrong credentials, not too large
