"""Routes of the auth app, mounted under /api/auth/ by config/urls.py."""

from django.urls import {% if cookiecutter.passkeys %}include, {% endif %}path

from . import views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="rest_login"),
    path("logout/", views.LogoutView.as_view(), name="rest_logout"),
    path("user/", views.UserDetailsView.as_view(), name="rest_user_details"),
    path("password/change/", views.PasswordChangeView.as_view(), name="rest_password_change"),
    path("password/reset/", views.PasswordResetView.as_view(), name="rest_password_reset"),
    path(
        "password/reset/confirm/",
        views.PasswordResetConfirmView.as_view(),
        name="rest_password_reset_confirm",
    ),
{%- if cookiecutter.passkeys %}
    path("passkeys/", include("rest_auth.passkeys.urls")),
{%- endif %}
]
