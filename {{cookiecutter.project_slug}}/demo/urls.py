"""The demo page at /, and under /app/ for the frontend routes that emails link to.

In development FRONTEND_URL is http://localhost:8000/app, so a reset link opens
/app/password-reset/<uid>/<token>/: like a single-page app's server, every path under
/app/ answers the page, and its script reads the path.
"""

from django.urls import path

from .views import DemoView, favicon

urlpatterns = [
    path("", DemoView.as_view(), name="demo"),
    path("app/<path:route>/", DemoView.as_view(), name="demo_route"),
    path("favicon.ico", favicon, name="demo_favicon"),
]
