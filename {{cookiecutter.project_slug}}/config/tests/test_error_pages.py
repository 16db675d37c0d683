"""With DEBUG off, unknown URLs and crashes answer JSON, not Django's HTML pages."""

import pytest
from django.test import Client
from django.urls import path

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


@pytest.mark.urls(__name__)
def test_a_crash_is_a_json_500():
    response = Client(raise_request_exception=False).get("/crash/")
    assert response.status_code == 500
    assert response.json() == {"detail": "Server error."}
