"""Routes of the auth app, mounted under /api/auth/ by config/urls.py."""
{% if cookiecutter.registration %}
from django.apps import apps
{%- endif %}
from django.urls import {% if cookiecutter.registration or cookiecutter.passkeys %}include, {% endif %}path

from . import views
{%- if cookiecutter.auth_mode == "jwt" %}
from .jwt.refresh_view import get_refresh_view
from .jwt.views import TokenVerifyView
{%- endif %}

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
{%- if cookiecutter.auth_mode == "jwt" %}
    path("token/verify/", TokenVerifyView.as_view(), name="token_verify"),
    path("token/refresh/", get_refresh_view().as_view(), name="token_refresh"),
{%- endif %}
{%- if cookiecutter.passkeys %}
    path("passkeys/", include("rest_auth.passkeys.urls")),
{%- endif %}
]
{%- if cookiecutter.registration %}

# Registration is an app of its own: its routes exist where it is installed.
if apps.is_installed("rest_auth.registration"):
    urlpatterns.append(path("registration/", include("rest_auth.registration.urls")))
{%- if cookiecutter.social_providers != "none" %}

# Social login, an app of its own: one login and one connect route per provider, and the
# user's connected provider accounts.
if apps.is_installed("rest_auth.registration.social"):
    urlpatterns += [
{%- if cookiecutter.social_providers in ("google", "google_github") %}
        path("google/", include("rest_auth.registration.social.google")),
{%- endif %}
{%- if cookiecutter.social_providers in ("github", "google_github") %}
        path("github/", include("rest_auth.registration.social.github")),
{%- endif %}
        path("socialaccounts/", include("rest_auth.registration.social.urls")),
    ]
{%- endif %}
{%- endif %}
