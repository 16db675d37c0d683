"""Serializers of registration, and the allauth-aware login and password reset ones.

With registration, the project's REST_AUTH points LOGIN_SERIALIZER and the two password
reset serializers at the classes below: login follows ACCOUNT_LOGIN_METHODS and refuses
unverified addresses under mandatory verification; password reset uses allauth's token
generator and email templates. Subclass these (not ``rest_auth.serializers``) to customise.
"""

from __future__ import annotations

from typing import Any

from allauth.account import app_settings as allauth_settings
from allauth.account import signals
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.account.utils import has_verified_email, url_str_to_user_pk
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, serializers

from rest_auth import serializers as core
from rest_auth.features import library_name
from rest_auth.mail import send_after_response
from rest_auth.serializers import password_field
from rest_auth.utils import format_lazy

from .allauth_compat import assess_unique_email
from .flows import verification_is_mandatory
from .forms import AllAuthPasswordResetForm

UserModel = get_user_model()
LoginMethod = allauth_settings.LoginMethod


def signup_fields() -> dict[str, dict[str, bool]]:
    """ACCOUNT_SIGNUP_FIELDS as allauth reads it: {"email": {"required": True}, ...}."""
    return allauth_settings.SIGNUP_FIELDS


def clean_username(username: str) -> str:
    """Check a username against allauth's rules (ACCOUNT_USERNAME_VALIDATORS, _MIN_LENGTH,
    _BLACKLIST); uniqueness is the model field's validator, which knows the user edited."""
    if not apps.is_installed("allauth.account"):  # removed by a test's modify_settings
        return username
    return get_adapter().clean_username(username, shallow=True)


class RegisterSerializer(serializers.Serializer):
    """Validates a sign-up; ``save(request)`` creates the user and returns it.

    Which of ``username``, ``email`` and ``password2`` are asked for, and which are
    required, follows ACCOUNT_SIGNUP_FIELDS. To collect more, subclass and add fields, then
    store them in ``custom_signup(request, user)``; it runs after the user is saved, in the
    same transaction.
    """

    username = serializers.CharField(max_length=150)
    email = serializers.EmailField()
    password1 = password_field(write_only=True)
    password2 = password_field(write_only=True)

    # Set by validate_email(): under mandatory verification a taken address is not an
    # error the client may see (see RegisterView).
    account_already_exists = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        wanted = signup_fields()
        if not allauth_settings.USER_MODEL_USERNAME_FIELD:
            wanted.pop("username", None)
        for name in ("username", "email", "password2"):
            if name not in self.fields:  # a subclass dropped it (``username = None``)
                continue
            if self.fields[name].default is not serializers.empty:
                continue  # a subclass made it optional with a default of its own
            if name not in wanted:
                self.fields.pop(name)
            else:
                self.fields[name].required = wanted[name]["required"]
                if not wanted[name]["required"]:
                    self.fields[name].allow_blank = True

    def validate_username(self, username: str) -> str:
        return get_adapter().clean_username(username) if username else username

    def validate_email(self, email: str) -> str:
        if not email:
            return email
        email = get_adapter().clean_email(email)
        unique = assess_unique_email(email)
        if unique is False:
            raise serializers.ValidationError(
                _("A user is already registered with this e-mail address.")
            )
        # None: taken, but mandatory verification lets us hide it (allauth's rule).
        self.account_already_exists = unique is None
        return email

    def validate_password1(self, password: str) -> str:
        # The rules that need no user; validate() checks those comparing with the user.
        return get_adapter().clean_password(password)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "password2" in self.fields and attrs.get("password1") != attrs.get("password2"):
            raise serializers.ValidationError(
                {"password2": [_("The two password fields didn't match.")]}
            )
        # Validators such as UserAttributeSimilarityValidator compare with the new user.
        candidate = UserModel(
            **{
                field: attrs[name]
                for name, field in (
                    ("username", allauth_settings.USER_MODEL_USERNAME_FIELD),
                    ("email", allauth_settings.USER_MODEL_EMAIL_FIELD),
                )
                if field and attrs.get(name)
            }
        )
        try:
            if attrs.get("password1"):
                get_adapter().clean_password(attrs["password1"], user=candidate)
        except DjangoValidationError as exc:
            raise serializers.ValidationError({"password1": list(exc.messages)}) from None
        return attrs

    def get_cleaned_data(self) -> dict[str, Any]:
        """What allauth's adapter.save_user() reads as the sign-up form's cleaned data."""
        return {
            "username": self.validated_data.get("username", ""),
            "email": self.validated_data.get("email", ""),
            "password1": self.validated_data["password1"],
        }

    def custom_signup(self, request: HttpRequest, user: AbstractBaseUser) -> None:
        """Override to store extra fields; runs after the user is saved."""

    def save(self, request: HttpRequest) -> AbstractBaseUser:  # type: ignore[override]
        adapter = get_adapter()
        self.cleaned_data = self.get_cleaned_data()
        try:
            with transaction.atomic():
                user = adapter.save_user(request, adapter.new_user(request), self)
                self.custom_signup(request, user)
        except IntegrityError:
            # Two sign-ups raced for one username: validation passed for both, the
            # database's unique index refuses the second. A field error, not a 500.
            if "username" not in self.fields:
                raise
            raise serializers.ValidationError(
                {"username": [adapter.error_messages["username_taken"]]}
            ) from None
        return user


class VerifyEmailSerializer(serializers.Serializer):
    """The key from a verification link."""

    key = serializers.CharField(max_length=500)


class ResendEmailVerificationSerializer(serializers.Serializer):
    email = serializers.EmailField()


class LoginSerializer(core.LoginSerializer):
    """Login by what ACCOUNT_LOGIN_METHODS allows, refusing unverified addresses when
    ACCOUNT_EMAIL_VERIFICATION is mandatory.

    ``{"username"}``: ``username`` is required, ``email`` is not accepted; ``{"email"}``:
    the reverse; both: either. An address matches any of the account's addresses, in any
    case; one shared by two accounts identifies neither.
    """

    unverified_email_message = _("E-mail is not verified.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        methods = allauth_settings.LOGIN_METHODS
        accepted = [
            name
            for name, method in (("username", LoginMethod.USERNAME), ("email", LoginMethod.EMAIL))
            if method in methods
        ]
        for name in ("username", "email"):
            if name not in accepted:
                self.fields.pop(name, None)
        # The one field this login method needs; a missing one is refused in validate().
        self.required_field = accepted[0] if len(accepted) == 1 else None

    def username_for_email(self, email: str) -> str | None:
        accounts = set(
            EmailAddress.objects.filter(email__iexact=email).values_list("user_id", flat=True)
        )
        accounts.update(
            UserModel._default_manager.filter(
                **{f"{UserModel.get_email_field_name()}__iexact": email}
            ).values_list("pk", flat=True)
        )
        if len(accounts) != 1:
            return None
        user = UserModel._default_manager.get(pk=accounts.pop())
        return user.get_username()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.required_field and not attrs.get(self.required_field):
            raise exceptions.ValidationError(
                format_lazy(_('Must include "{}" and "password".'), self.required_field)
            )
        attrs = super().validate(attrs)
        if verification_is_mandatory() and not has_verified_email(attrs["user"]):
            raise exceptions.ValidationError(self.unverified_email_message)
        return attrs


class PasswordResetSerializer(core.PasswordResetSerializer):
    """Emails a reset link made with allauth's token generator, from allauth's templates
    (``account/email/password_reset_key_*``), to each active account with the address,
    through ``password_reset_form_class`` (AllAuthPasswordResetForm)."""

    password_reset_form_class = AllAuthPasswordResetForm

    def save(self) -> None:  # type: ignore[override] - sends mail, creates nothing
        request = self.context["request"]
        # Finding the accounts and mailing them wait for the answer to go out: how long
        # the answer takes must not tell whether the address has an account.
        send_after_response(
            self.reset_form.save, getattr(request, "_request", request), **self.get_email_options()
        )


class PasswordResetConfirmSerializer(core.PasswordResetConfirmSerializer):
    """Sets a new password from the ``uid`` (base 36) and ``token`` of an allauth link."""

    def get_token_generator(self) -> PasswordResetTokenGenerator:
        return allauth_settings.PASSWORD_RESET_TOKEN_GENERATOR()

    def get_user(self, uid: str) -> AbstractBaseUser:
        try:
            return UserModel._default_manager.get(pk=url_str_to_user_pk(uid))
        except (
            ValueError,
            TypeError,
            OverflowError,
            DjangoValidationError,
            UserModel.DoesNotExist,
        ):
            raise exceptions.ValidationError({"uid": [self.invalid_link_message]}) from None

    def save(self) -> AbstractBaseUser:  # type: ignore[override]
        user = super().save()
        request = self.context["request"]
        signals.password_reset.send(sender=type(user), request=request._request, user=user)
        return user


def __getattr__(name: str) -> Any:
    # dj-rest-auth's names of optional features, kept in their own apps (rest_auth/features.py).
    return library_name(__name__, name)
