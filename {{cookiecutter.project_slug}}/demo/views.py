from pathlib import Path
from typing import Any

from django.apps import apps
from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.generic import TemplateView

from rest_auth.app_settings import api_settings

FEATURES = Path(__file__).parent / "templates" / "demo" / "features"

# A key on the page's colours: the tab icon, so browsers find one instead of a 404.
FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
    '<rect width="16" height="16" rx="3" fill="#1d2330"/>'
    '<circle cx="5.5" cy="8" r="2.5" fill="none" stroke="#fff" stroke-width="1.5"/>'
    '<path d="M8 8h5.5M11.5 8v2.5" stroke="#fff" stroke-width="1.5"/></svg>'
)


def page_config() -> dict[str, Any]:
    """Return what the page's script must know of this project's settings, read now.

    Login methods and sign-up fields are allauth's (ACCOUNT_LOGIN_METHODS,
    ACCOUNT_SIGNUP_FIELDS) when registration is installed; the core login takes a
    username or an email address.
    """
    config: dict[str, Any] = {"login_methods": ["username", "email"]}
    if apps.is_installed("allauth.account"):
        from allauth.account import app_settings as allauth_settings

        methods = {str(method.value) for method in allauth_settings.LOGIN_METHODS}
        config["login_methods"] = [name for name in ("username", "email") if name in methods]
        config["signup_fields"] = [
            {"name": name, "required": options.get("required", False)}
            for name, options in allauth_settings.SIGNUP_FIELDS.items()
        ]
    # JWT in HttpOnly cookies: the page cannot see the refresh token, yet may use it.
    config["refresh_cookie"] = bool(getattr(api_settings, "JWT_AUTH_REFRESH_COOKIE", None))
    return config


@method_decorator(ensure_csrf_cookie, name="dispatch")
class DemoView(TemplateView):
    """The demo page; also answers the links of emails (password reset) it handles.

    The page's script is inlined, so it needs no static files and works with DEBUG off.
    Each optional feature of the project adds its panels in ``features/<name>.js``.
    """

    template_name = "demo/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["demo_config"] = page_config()
        context["feature_scripts"] = [
            f"demo/features/{path.name}" for path in sorted(FEATURES.glob("*.js"))
        ]
        return context


@cache_control(max_age=86400)
def favicon(request: HttpRequest) -> HttpResponse:
    """Serve the tab icon at /favicon.ico, where browsers look for it."""
    return HttpResponse(FAVICON, content_type="image/svg+xml")
