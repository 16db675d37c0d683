"""The demo page, and the frontend routes that emails link to (FRONTEND_URL points here)."""

from django.urls import path

from .views import DemoView

urlpatterns = [
    path("", DemoView.as_view(), name="demo"),
    path("password-reset/<str:uid>/<str:token>/", DemoView.as_view(), name="demo_password_reset"),
]
