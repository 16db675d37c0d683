"""Routes of the connected provider accounts, mounted under /api/auth/socialaccounts/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.SocialAccountListView.as_view(), name="social_account_list"),
    path(
        "<int:pk>/disconnect/",
        views.SocialAccountDisconnectView.as_view(),
        name="social_account_disconnect",
    ),
]
