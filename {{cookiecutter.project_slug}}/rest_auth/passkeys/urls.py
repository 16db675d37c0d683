"""Routes of the passkeys feature, mounted under /api/auth/passkeys/."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "register/begin/", views.PasskeyRegisterBeginView.as_view(), name="passkey_register_begin"
    ),
    path(
        "register/complete/",
        views.PasskeyRegisterCompleteView.as_view(),
        name="passkey_register_complete",
    ),
    path("login/begin/", views.PasskeyLoginBeginView.as_view(), name="passkey_login_begin"),
    path(
        "login/complete/", views.PasskeyLoginCompleteView.as_view(), name="passkey_login_complete"
    ),
    path("", views.PasskeyListView.as_view(), name="passkey_list"),
    path("<int:pk>/", views.PasskeyDetailView.as_view(), name="passkey_detail"),
]
