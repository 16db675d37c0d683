"""URL configuration: the admin and the API."""

from django.contrib import admin
from django.urls import include, path
{%- if cookiecutter.api_docs %}
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

# Register the OpenAPI descriptions of the auth endpoints.
{%- if cookiecutter.auth_mode == "jwt" %}
import rest_auth.jwt.schema  # noqa: F401
{%- endif %}
{%- if cookiecutter.passkeys %}
import rest_auth.passkeys.schema  # noqa: F401
{%- endif %}
{%- if cookiecutter.registration %}
import rest_auth.registration.schema  # noqa: F401
{%- if cookiecutter.social_providers != "none" %}
import rest_auth.registration.social.schema  # noqa: F401
{%- endif %}
{%- endif %}
import rest_auth.schema  # noqa: F401
{%- endif %}

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/auth/", include("rest_auth.urls")),
{%- if cookiecutter.api_docs %}
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
{%- endif %}
{%- if cookiecutter.demo_page %}
    # The demo page at /, and the frontend routes that emails link to.
    path("", include("demo.urls")),
{%- endif %}
]

# JSON instead of HTML error pages (DEBUG off); inside API views DRF answers JSON already.
handler400 = "config.errors.bad_request"
handler404 = "config.errors.not_found"
handler500 = "config.errors.server_error"
