"""Routes of the connected provider accounts, mounted under /api/auth/socialaccounts/."""

from django.urls import path

from . import social_views

urlpatterns = [
    path("", social_views.SocialAccountListView.as_view(), name="social_account_list"),
    path(
        "<int:pk>/disconnect/",
        social_views.SocialAccountDisconnectView.as_view(),
        name="social_account_disconnect",
    ),
]
