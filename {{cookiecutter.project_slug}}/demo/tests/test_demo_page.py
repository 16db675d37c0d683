"""The demo page is served with its script inlined and a CSRF cookie for its API calls."""

import pytest
from django.template.loader import get_template
from django.test import Client
from django.urls import reverse

from demo.views import FEATURE_SCRIPTS


@pytest.mark.django_db
@pytest.mark.parametrize("url", [reverse("demo"), "/app/password-reset/MQ/abc-123/"])
def test_page_is_served_with_a_csrf_cookie(url):
    client = Client()
    response = client.get(url)
    assert response.status_code == 200
    assert "csrftoken" in response.cookies
    body = response.content.decode()
    assert "const demo = " in body and "demo.start();" in body
    assert "<script src=" not in body  # everything inline: no static files, no CDN


@pytest.mark.django_db
def test_the_page_has_a_tab_icon():
    client = Client()
    assert 'rel="icon" href="/favicon.ico"' in client.get(reverse("demo")).content.decode()
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")


@pytest.mark.django_db
def test_the_page_inlines_each_named_feature_script():
    body = Client().get(reverse("demo")).content.decode()
    for script in FEATURE_SCRIPTS:
        source = get_template(script).template.source
        assert source.strip() in body, script
