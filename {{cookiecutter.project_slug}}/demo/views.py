from pathlib import Path
from typing import Any

from django.utils.decorators import method_decorator
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.generic import TemplateView

FEATURES = Path(__file__).parent / "templates" / "demo" / "features"


@method_decorator(ensure_csrf_cookie, name="dispatch")
class DemoView(TemplateView):
    """The demo page; also answers the links of emails (password reset) it handles.

    The page's script is inlined, so it needs no static files and works with DEBUG off.
    Each optional feature of the project adds its panels in ``features/<name>.js``.
    """

    template_name = "demo/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["feature_scripts"] = [
            f"demo/features/{path.name}" for path in sorted(FEATURES.glob("*.js"))
        ]
        return context
