"""URLs of registration's extension point tests: the API, plus views a project subclasses."""

from typing import Any

from django.urls import include, path

from rest_auth.registration.serializers import PasswordResetSerializer, RegisterSerializer
from rest_auth.registration.views import RegisterView

created: list[Any] = []


class AuditedRegisterView(RegisterView):
    """Records each new user and adds its id to the answer, through dj-rest-auth's hooks."""

    def perform_create(self, serializer: Any) -> Any:
        user = super().perform_create(serializer)
        created.append(user)
        return user

    def get_response_data(self, user: Any) -> dict[str, Any] | None:
        return {"id": user.pk, **(super().get_response_data(user) or {})}


class EmailOnlyRegisterSerializer(RegisterSerializer):
    """Drops an inherited field: allauth makes the username up from the address."""

    username = None


class EmailOnlyRegisterView(RegisterView):
    serializer_class = EmailOnlyRegisterSerializer


def app_reset_link(request: Any, user: Any, temp_key: str) -> str:
    """A reset link for a mobile app, with allauth's uid and token."""
    from allauth.account.utils import user_pk_to_url_str

    return f"myapp://reset/{user_pk_to_url_str(user)}/{temp_key}"


class AppLinkPasswordResetSerializer(PasswordResetSerializer):
    def get_email_options(self) -> dict[str, Any]:
        return {"url_generator": app_reset_link}


urlpatterns = [
    path("audited-register/", AuditedRegisterView.as_view(), name="audited_register"),
    path("email-only-register/", EmailOnlyRegisterView.as_view(), name="email_only_register"),
    path("api/auth/", include("rest_auth.urls")),
]
