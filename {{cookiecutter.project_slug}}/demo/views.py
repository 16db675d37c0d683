from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.generic import TemplateView

from rest_auth.app_settings import api_settings

# The panels of each optional feature this project was generated with: scripts in
# templates/demo/features/, named here so that renaming one fails loudly.
FEATURE_SCRIPTS = [
    # in page order
{%- if cookiecutter.auth_mode == "jwt" %}
    "demo/features/jwt.js",
{%- endif %}
{%- if cookiecutter.passkeys %}
    "demo/features/passkeys.js",
{%- endif %}
{%- if cookiecutter.registration %}
    "demo/features/registration.js",
{%- endif %}
]

# A key on the page's colours: the tab icon, so browsers find one instead of a 404.
FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
    '<rect width="16" height="16" rx="3" fill="#1d2330"/>'
    '<circle cx="5.5" cy="8" r="2.5" fill="none" stroke="#fff" stroke-width="1.5"/>'
    '<path d="M8 8h5.5M11.5 8v2.5" stroke="#fff" stroke-width="1.5"/></svg>'
)


def page_config(request: HttpRequest | None = None) -> dict[str, Any]:
    """Return the fields the API's login and sign-up serializers take, as configured now.

    Login takes a username, an email address or either (by the login methods); sign-up
    takes what its serializer asks for, owner's custom fields included.
    """
    context = {"request": request}
    login = api_settings.LOGIN_SERIALIZER(context=context).fields
    config: dict[str, Any] = {
        "login_methods": [name for name in ("username", "email") if name in login]
    }
    register = getattr(api_settings, "REGISTER_SERIALIZER", None)  # with registration only
    if register is not None:
        config["signup_fields"] = [
            {"name": name, "required": field.required}
            for name, field in register(context=context).fields.items()
            if not field.read_only
        ]
    return config


@method_decorator(ensure_csrf_cookie, name="dispatch")
class DemoView(TemplateView):
    """The demo page; also answers the links of emails (password reset) it handles.

    The page's script is inlined, so it needs no static files and works with DEBUG off.
    Each optional feature of the project adds its panels in a script of FEATURE_SCRIPTS.
    """

    template_name = "demo/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["demo_config"] = page_config(self.request)
        context["feature_scripts"] = FEATURE_SCRIPTS
        return context


@cache_control(max_age=86400)
def favicon(request: HttpRequest) -> HttpResponse:
    """Serve the tab icon at /favicon.ico, where browsers look for it."""
    return HttpResponse(FAVICON, content_type="image/svg+xml")
