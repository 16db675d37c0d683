"""What code written for dj-rest-auth does with registration, after changing the prefix:
RegisterView's perform_create() and get_response_data() hooks, a sign-up serializer that
drops an inherited field, and AllAuthPasswordResetForm with allauth's uid and token."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from rest_auth import forms
from rest_auth.registration import forms as registration_forms
from rest_auth.registration.serializers import PasswordResetSerializer
from rest_auth.registration.tests import extension_urls
from rest_auth.registration.tests.conftest import NEW_PASSWORD, SENT, signup_body

pytestmark = [
    pytest.mark.urls("rest_auth.registration.tests.extension_urls"),
    pytest.mark.django_db,
]

APP_LINK = re.compile(r"myapp://reset/(?P<uid>[^/\s]+)/(?P<token>[^/\s]+)")


@pytest.fixture(autouse=True)
def _nothing_created():
    extension_urls.created.clear()


def test_register_view_calls_perform_create_and_get_response_data(api_client, optional):
    response = api_client.post(reverse("audited_register"), signup_body(), format="json")
    assert response.status_code == 201, response.content
    [user] = extension_urls.created
    assert user.username == "carol"
    assert response.json()["id"] == user.pk


def test_get_response_data_also_shapes_the_mandatory_verification_answer(api_client, mandatory):
    response = api_client.post(reverse("audited_register"), signup_body(), format="json")
    [user] = extension_urls.created
    assert (response.status_code, response.json()) == (201, {"id": user.pk, **SENT})


def test_a_signup_serializer_may_drop_an_inherited_field(api_client, optional):
    body = signup_body(username=None)
    response = api_client.post(reverse("email_only_register"), body, format="json")
    # 204 where the session cookie is the only credential.
    assert response.status_code in (201, 204), response.content
    user = get_user_model().objects.get(email="carol@example.com")
    assert user.username  # made up by allauth
    assert user.check_password(NEW_PASSWORD)


def test_all_auth_password_reset_form_is_at_the_librarys_path():
    assert forms.AllAuthPasswordResetForm is registration_forms.AllAuthPasswordResetForm
    assert forms.default_url_generator is registration_forms.default_url_generator
    assert PasswordResetSerializer.password_reset_form_class is forms.AllAuthPasswordResetForm


def test_the_form_tells_nothing_about_unknown_addresses(mailoutbox, rf):
    form = forms.AllAuthPasswordResetForm(data={"email": "nobody@example.com"})
    assert form.is_valid(), form.errors
    form.save(rf.post("/"))
    assert mailoutbox == []


def test_reset_confirm_accepts_allauths_uid_and_token_from_a_custom_link(
    api_client, user, mailoutbox, rest_auth_settings
):
    path = "rest_auth.registration.tests.extension_urls.AppLinkPasswordResetSerializer"
    rest_auth_settings(PASSWORD_RESET_SERIALIZER=path)
    api_client.post(reverse("rest_password_reset"), {"email": user.email}, format="json")
    [message] = mailoutbox
    link = APP_LINK.search(message.body)
    assert link, message.body
    response = api_client.post(
        reverse("rest_password_reset_confirm"),
        {
            "uid": link["uid"],
            "token": link["token"],
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
