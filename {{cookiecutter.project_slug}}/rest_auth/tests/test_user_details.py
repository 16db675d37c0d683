"""GET/PUT/PATCH /api/auth/user/."""

import pytest
from django.urls import reverse

USER_URL = reverse("rest_user_details")


@pytest.mark.django_db
class TestUserDetails:
    def test_get(self, auth_client, user):
        assert auth_client.get(USER_URL).json() == {
            "pk": user.pk,
            "username": "alice",
            "email": "alice@example.com",
            "first_name": "",
            "last_name": "",
        }

    def test_patch_changes_only_what_is_sent(self, auth_client, user):
        response = auth_client.patch(USER_URL, {"first_name": "Alice"}, format="json")
        assert response.status_code == 200
        user.refresh_from_db()
        assert (user.first_name, user.username) == ("Alice", "alice")

    def test_put_replaces_the_editable_fields(self, auth_client, user):
        body = {"username": "alice2", "first_name": "A", "last_name": "L"}
        assert auth_client.put(USER_URL, body, format="json").status_code == 200
        user.refresh_from_db()
        assert (user.username, user.first_name, user.last_name) == ("alice2", "A", "L")

    def test_email_and_pk_are_read_only(self, auth_client, user):
        auth_client.patch(USER_URL, {"email": "evil@example.com", "pk": 999}, format="json")
        user.refresh_from_db()
        assert (user.email, user.pk) == ("alice@example.com", user.pk)

    def test_taken_username_is_a_field_error(self, auth_client, django_user_model):
        django_user_model.objects.create_user(username="bob")
        response = auth_client.patch(USER_URL, {"username": "bob"}, format="json")
        assert response.status_code == 400
        assert list(response.json()) == ["username"]

    def test_invalid_username_is_a_field_error(self, auth_client):
        response = auth_client.patch(USER_URL, {"username": "no spaces!"}, format="json")
        assert response.status_code == 400
        assert list(response.json()) == ["username"]

    def test_anonymous_is_refused(self, api_client):
        response = api_client.get(USER_URL)
        assert response.status_code in (401, 403)
        assert response.json() == {"detail": "Authentication credentials were not provided."}

    def test_custom_serializer(self, auth_client, user, rest_auth_settings):
        rest_auth_settings(
            USER_DETAILS_SERIALIZER="rest_auth.tests.custom_serializers.NameOnlyUserSerializer"
        )
        assert auth_client.get(USER_URL).json() == {"pk": user.pk, "first_name": ""}


@pytest.mark.django_db
class TestFieldsBuiltOnce:
    def test_the_model_is_introspected_once_per_class(self, auth_client, user, monkeypatch):
        from rest_framework.serializers import ModelSerializer

        from rest_auth.serializers import UserDetailsSerializer

        UserDetailsSerializer.built_fields.clear()
        built = []
        original = ModelSerializer.get_fields
        monkeypatch.setattr(
            ModelSerializer, "get_fields", lambda self: built.append(1) or original(self)
        )
        first = auth_client.get(USER_URL).json()
        assert auth_client.get(USER_URL).json() == first
        assert len(built) == 1

    def test_each_subclass_has_its_own_fields(self, user):
        from rest_auth.serializers import UserDetailsSerializer
        from rest_auth.tests.custom_serializers import NameOnlyUserSerializer

        assert set(UserDetailsSerializer(user).data) > set(NameOnlyUserSerializer(user).data)
        assert set(NameOnlyUserSerializer(user).data) == set(NameOnlyUserSerializer.Meta.fields)

    def test_instances_do_not_share_field_state(self, user):
        from rest_auth.serializers import UserDetailsSerializer

        first = UserDetailsSerializer(user, context={"seen": 1})
        second = UserDetailsSerializer(user)
        assert first.fields["username"] is not second.fields["username"]
        assert first.fields["username"].parent is first
