"""Routes of registration, mounted under /api/auth/registration/ by rest_auth/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.RegisterView.as_view(), name="rest_register"),
    path("verify-email/", views.VerifyEmailView.as_view(), name="rest_verify_email"),
    path("resend-email/", views.ResendEmailVerificationView.as_view(), name="rest_resend_email"),
    path(
        "account-confirm-email/<str:key>/",
        views.ConfirmEmailView.as_view(),
        name="account_confirm_email",
    ),
    path(
        "account-email-verification-sent/",
        views.EmailVerificationSentView.as_view(),
        name="account_email_verification_sent",
    ),
]
