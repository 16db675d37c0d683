"""POST /api/auth/registration/: what each verification mode answers, and every refusal."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from rest_auth.registration.tests.conftest import (
    NEW_PASSWORD,
    SENT,
    assert_answers_like_login,
    register,
    use_credentials,
    use_login_method,
    verification_key,
    who_am_i,
)

CUSTOM = "rest_auth.registration.tests.custom_serializers"


@pytest.mark.django_db
class TestResponse:
    def test_answer_of_each_mode(self, api_client, client, verification, mailoutbox):
        response = register(api_client)
        carol = EmailAddress.objects.get(email="carol@example.com")
        assert carol.user.username == "carol" and not carol.verified
        if verification == "mandatory":
            assert (response.status_code, response.json()) == (201, SENT)
            assert who_am_i(api_client) is None
        else:
            # The login endpoint's answer, with 201 for the body it has.
            other = api_client.__class__(enforce_csrf_checks=True)
            login = other.post(
                reverse("rest_login"),
                {"username": "carol", "password": NEW_PASSWORD},
                format="json",
            )
            assert_answers_like_login(response, login, status=201)
            use_credentials(api_client, response)
            assert who_am_i(api_client) == "carol"
        if verification == "none":
            assert mailoutbox == []
        else:
            [message] = mailoutbox
            assert message.to == ["carol@example.com"]
            assert verification_key(message)

    @pytest.mark.parametrize("taken", [False, True])
    def test_a_failing_mail_server_does_not_change_the_answer(
        self, api_client, user, monkeypatch, mandatory, taken
    ):
        def refuse(message, fail_silently=False):
            if not fail_silently:
                raise ConnectionRefusedError("mail server down")
            return 0

        monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
        response = register(api_client, **({"email": "alice@example.com"} if taken else {}))
        assert (response.status_code, response.json()) == (201, SENT)

    def test_register_updates_last_login_when_it_logs_in(self, api_client, optional):
        register(api_client)
        assert EmailAddress.objects.get(email="carol@example.com").user.last_login is not None

    def test_email_is_stored_lower_case(self, api_client, optional):
        register(api_client, email="Carol@Example.COM")
        assert EmailAddress.objects.get().email == "carol@example.com"

    def test_get_is_not_allowed(self, api_client):
        assert api_client.get(reverse("rest_register")).status_code == 405

    def test_passwords_are_kept_out_of_error_reports(self, rf):
        from rest_auth.registration.views import RegisterView

        request = rf.post("/", {"password1": "x"})
        RegisterView.as_view()(request)
        assert set(request.sensitive_post_parameters) == {"password1", "password2"}


@pytest.mark.django_db
class TestFieldErrors:
    def test_taken_username(self, api_client, user, verification):
        response = register(api_client, username="alice")
        assert response.status_code == 400
        assert list(response.json()) == ["username"]

    def test_taken_username_in_another_case(self, api_client, user):
        response = register(api_client, username="ALICE")
        assert list(response.json()) == ["username"]

    def test_username_taken_while_signing_up(self, api_client, user, monkeypatch):
        # Both sign-ups passed validation; the database refuses the second.
        from allauth.account.adapter import DefaultAccountAdapter

        original = DefaultAccountAdapter.clean_username
        monkeypatch.setattr(
            DefaultAccountAdapter,
            "clean_username",
            lambda self, username, shallow=False: original(self, username, shallow=True),
        )
        response = register(api_client, username="alice")
        assert response.status_code == 400
        assert list(response.json()) == ["username"]

    def test_password_mismatch(self, api_client):
        response = register(api_client, password2="something-else-42")
        assert response.status_code == 400
        assert response.json() == {"password2": ["The two password fields didn't match."]}

    @pytest.mark.parametrize(
        ("password", "message"),
        [
            ("short", "too short"),
            ("password123", "too common"),
            ("98127364519", "entirely numeric"),
            ("carol-example-com", "too similar"),
        ],
    )
    def test_password_validators(self, api_client, password, message, django_user_model):
        response = register(api_client, password1=password, password2=password)
        assert response.status_code == 400
        assert list(response.json()) == ["password1"]
        assert any(message in error for error in response.json()["password1"])
        assert not django_user_model.objects.filter(username="carol").exists()

    def test_invalid_email(self, api_client):
        response = register(api_client, email="not-an-address")
        assert list(response.json()) == ["email"]

    def test_invalid_username(self, api_client):
        response = register(api_client, username="no spaces allowed")
        assert list(response.json()) == ["username"]

    def test_missing_fields(self, api_client):
        response = api_client.post(reverse("rest_register"), {}, format="json")
        assert set(response.json()) == {"username", "email", "password1", "password2"}

    def test_oversized_password_is_refused_before_hashing(self, api_client):
        response = register(api_client, password1="x" * 100_000, password2="x" * 100_000)
        assert list(response.json()) == ["password1", "password2"]


@pytest.mark.django_db
class TestSignupFields:
    def test_email_login_asks_no_username_and_makes_one(self, api_client, settings, optional):
        use_login_method(settings, "email")
        response = register(api_client, username=None)
        assert response.status_code in (201, 204)
        user = EmailAddress.objects.get(email="carol@example.com").user
        assert user.username  # allauth derived a unique one

    def test_username_required_when_logging_in_by_username(self, api_client, settings):
        use_login_method(settings, "username")
        assert list(register(api_client, username=None).json()) == ["username"]

    def test_optional_email(self, api_client, settings, django_user_model):
        settings.ACCOUNT_EMAIL_VERIFICATION = "none"
        settings.ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
        response = register(api_client, email=None)
        assert response.status_code in (201, 204)
        assert django_user_model.objects.get(username="carol").email == ""

    def test_single_password_field(self, api_client, settings, optional):
        settings.ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*"]
        response = register(api_client, password2=None)
        assert response.status_code in (201, 204)


@pytest.mark.django_db
class TestTakenEmail:
    """A taken address must not be revealed when verification is mandatory."""

    def test_mandatory_answers_as_a_fresh_signup(
        self, api_client, user, mandatory, mailoutbox, django_user_model
    ):
        fresh = register(api_client, username="dave", email="dave@example.com")
        mailoutbox.clear()
        taken = register(api_client, email="ALICE@example.com")
        assert (taken.status_code, taken.json()) == (fresh.status_code, fresh.json()) == (201, SENT)
        assert not django_user_model.objects.filter(username="carol").exists()
        assert EmailAddress.objects.filter(email__iexact="alice@example.com").count() == 1
        [message] = mailoutbox  # the owner learns of it; nothing to verify is sent
        assert message.to == ["alice@example.com"]
        assert "already belongs to an account" in message.body
        assert "https://app.example.test/password-reset/" in message.body
        assert "/verify-email/" not in message.body

    @pytest.mark.parametrize("mode", ["optional", "none"])
    def test_without_mandatory_it_is_a_field_error(
        self, api_client, user, settings, mode, mailoutbox, django_user_model
    ):
        settings.ACCOUNT_EMAIL_VERIFICATION = mode
        response = register(api_client, email="Alice@Example.com")
        assert response.status_code == 400
        assert response.json() == {
            "email": ["A user is already registered with this e-mail address."]
        }
        assert not django_user_model.objects.filter(username="carol").exists()
        assert mailoutbox == []


@pytest.mark.django_db
class TestSettings:
    def test_register_serializer_custom_signup(
        self, api_client, rest_auth_settings, monkeypatch, django_user_model, optional
    ):
        saved = {}

        class Profile:
            phone_number = ""

            def save(self):
                saved["phone_number"] = self.phone_number

        profiles = {}
        monkeypatch.setattr(
            django_user_model,
            "profile",
            property(lambda user: profiles.setdefault(user.pk, Profile())),
            raising=False,
        )
        rest_auth_settings(REGISTER_SERIALIZER=f"{CUSTOM}.CustomRegisterSerializer")
        response = register(api_client, phone_number="+44 20 7946 0000")
        assert response.status_code in (201, 204)
        assert saved == {"phone_number": "+44 20 7946 0000"}

    def test_register_serializer_default_ignores_unknown_fields(
        self, api_client, rest_auth_settings, monkeypatch, django_user_model, optional
    ):
        monkeypatch.setattr(django_user_model, "profile", None, raising=False)
        response = register(api_client, phone_number="+44 20 7946 0000")
        assert response.status_code in (201, 204)

    def test_register_serializer_with_only_save_request(
        self, api_client, rest_auth_settings, django_user_model, optional
    ):
        rest_auth_settings(REGISTER_SERIALIZER=f"{CUSTOM}.InviteCodeRegisterSerializer")
        refused = register(api_client, invite_code="guess")
        assert refused.json() == {"invite_code": ["Unknown invite code."]}
        response = register(api_client, invite_code="let-me-in")
        assert response.status_code in (201, 204)
        assert django_user_model.objects.filter(username="carol").exists()

    def test_register_permission_classes_default_allows(self, api_client):
        assert register(api_client).status_code in (201, 204)

    def test_register_permission_classes_custom_refuses(
        self, api_client, user, rest_auth_settings, django_user_model
    ):
        rest_auth_settings(REGISTER_PERMISSION_CLASSES=(f"{CUSTOM}.DenyAll",))
        response = register(api_client)
        assert (response.status_code, response.json()) == (
            403,
            {"detail": "Sign-up is by invitation only."},
        )
        assert not django_user_model.objects.filter(username="carol").exists()
        # The setting is for the register view only: login is still open.
        login = api_client.post(
            reverse("rest_login"), {"username": "alice", "password": "x"}, format="json"
        )
        assert login.status_code == 400

    def test_register_permission_classes_are_read_per_request(
        self, api_client, rest_auth_settings, settings
    ):
        rest_auth_settings(REGISTER_PERMISSION_CLASSES=(f"{CUSTOM}.DenyAll",))
        assert register(api_client).status_code == 403
        rest_auth_settings(REGISTER_PERMISSION_CLASSES=("rest_framework.permissions.AllowAny",))
        assert register(api_client).status_code in (201, 204)

    def test_signup_closed(self, api_client, monkeypatch, django_user_model):
        # The adapter decides (ACCOUNT_SIGNUP_ENABLED, from allauth 65.22, is one way to say no).
        closed = "allauth.account.adapter.DefaultAccountAdapter.is_open_for_signup"
        monkeypatch.setattr(closed, lambda adapter, request: False)
        response = register(api_client)
        assert (response.status_code, response.json()) == (403, {"detail": "Sign-up is closed."})
        assert not django_user_model.objects.exists()

    def test_throttled(self, api_client, throttle_rates):
        throttle_rates(rest_auth_register="1/hour")
        assert register(api_client).status_code in (201, 204)
        # Another anonymous client from the same address (carol's may now be logged in).
        again = register(api_client.__class__(), username="dave", email="d@example.com")
        assert again.status_code == 429


@pytest.mark.django_db
def test_a_megabyte_password_is_refused_before_hashing(api_client, monkeypatch):
    from django.contrib.auth.hashers import get_hasher

    calls = []
    hasher = type(get_hasher())
    monkeypatch.setattr(hasher, "encode", lambda *args, **kwargs: calls.append(1))
    huge = "x" * 1_000_000
    response = register(api_client, password1=huge, password2=huge)
    assert response.status_code == 400
    assert {"password1", "password2"} <= set(response.json())
    assert calls == []
