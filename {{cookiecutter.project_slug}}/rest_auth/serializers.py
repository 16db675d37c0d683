"""Serializers of the auth endpoints. Each one can be replaced through REST_AUTH.

Subclass these to change behaviour, then point the setting at your class::

    REST_AUTH = {"USER_DETAILS_SERIALIZER": "users.serializers.UserDetailsSerializer"}
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, ClassVar

from django.contrib.auth import SESSION_KEY, authenticate, get_user_model, update_session_auth_hash
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import PasswordResetTokenGenerator, default_token_generator
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, serializers

from .app_settings import api_settings
from .features import library_name
from .forms import PasswordResetForm
from .mail import send_after_response
from .utils import revoke_tokens

UserModel = get_user_model()

# Longer passwords are refused before any hashing: hashing a megabyte is a denial of service.
PASSWORD_MAX_LENGTH = 128


def password_field(**kwargs: Any) -> serializers.CharField:
    return serializers.CharField(
        max_length=PASSWORD_MAX_LENGTH,
        style={"input_type": "password"},
        trim_whitespace=False,
        **kwargs,
    )


class LoginSerializer(serializers.Serializer):
    """Checks a username and/or email address with a password; ``validated_data["user"]``."""

    username = serializers.CharField(required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    password = password_field()

    # One message for every failure: which part was wrong is not the client's business.
    invalid_credentials_message = _("Unable to log in with provided credentials.")

    def authenticate(self, **credentials: Any) -> AbstractBaseUser | None:
        return authenticate(self.context.get("request"), **credentials)

    def username_for_email(self, email: str) -> str | None:
        """The username of the one account with this address (any case), else None."""
        matches = list(
            UserModel._default_manager.filter(
                **{f"{UserModel.get_email_field_name()}__iexact": email}
            ).values_list(UserModel.USERNAME_FIELD, flat=True)[:2]
        )
        # An address shared by two accounts identifies neither of them.
        return matches[0] if len(matches) == 1 else None

    def get_auth_user(self, username: str, email: str, password: str) -> AbstractBaseUser | None:
        if email:
            username = self.username_for_email(email) or username
        if not username:
            # Hash the password anyway, so an unknown address costs the same time as a known one.
            UserModel().set_password(password)
            return None
        return self.authenticate(**{UserModel.USERNAME_FIELD: username, "password": password})

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        username, email = attrs.get("username", ""), attrs.get("email", "")
        if not (username or email):
            raise exceptions.ValidationError(
                _('Must include either "username" or "email" and "password".')
            )
        user = self.get_auth_user(username, email, attrs["password"])
        # authenticate() refuses inactive users after checking their password, so they
        # get the same answer, after the same work, as a wrong password.
        if user is None:
            raise exceptions.ValidationError(self.invalid_credentials_message)
        attrs["user"] = user
        return attrs


class TokenSerializer(serializers.Serializer):
    """The response of a token login: ``{"key": "..."}``."""

    key = serializers.CharField(read_only=True)


# Checks a new username must pass besides the model field's validators, each returning the
# username to keep; an optional feature adds its own (sign-up's username rules).
username_cleaners: list[Callable[[str], str]] = []


class UserDetailsSerializer(serializers.ModelSerializer):
    """The user as the API shows it, and the fields the user may change.

    The email address is read-only here: changing it should go through verification.

    Shown on every user details request and in every JWT login body, so its fields are
    built once per class: ModelSerializer introspects the model on each instantiation,
    most of the cost of showing a user. A subclass whose fields depend on the request
    should build them in ``get_fields()`` without calling this one's.
    """

    # Fields as ModelSerializer builds them, per class; each instance gets a deep copy.
    built_fields: ClassVar[dict[type, dict[str, serializers.Field]]] = {}

    def get_fields(self) -> dict[str, serializers.Field]:
        cls = type(self)
        if cls not in self.built_fields:
            self.built_fields[cls] = super().get_fields()
        return copy.deepcopy(self.built_fields[cls])

    def validate_username(self, username: str) -> str:
        for clean in username_cleaners:
            username = clean(username)
        return username

    class Meta:
        model = UserModel
        fields = (
            "pk",
            *dict.fromkeys(
                name
                for name in (
                    UserModel.USERNAME_FIELD,
                    UserModel.get_email_field_name(),
                    "first_name",
                    "last_name",
                )
                if hasattr(UserModel, name)
            ),
        )
        read_only_fields = ("pk", UserModel.get_email_field_name())


class PasswordResetSerializer(serializers.Serializer):
    """Emails a reset link to the account with this address, if there is one."""

    email = serializers.EmailField()

    password_reset_form_class = PasswordResetForm

    def get_email_options(self) -> dict[str, Any]:
        """Override to pass options to the form's ``save()``, e.g. other templates."""
        return {}

    def validate_email(self, value: str) -> str:
        self.reset_form = self.password_reset_form_class(data={"email": value})
        if not self.reset_form.is_valid():
            raise serializers.ValidationError(self.reset_form.errors["email"])
        return value

    def save(self) -> None:  # type: ignore[override] - sends mail, creates nothing
        # Finding the account and mailing it wait for the answer to go out: how long the
        # answer takes must not tell whether the address has an account.
        options = self.get_email_options()
        send_after_response(
            self.reset_form.save, token_generator=default_token_generator, **options
        )


class PasswordResetConfirmSerializer(serializers.Serializer):
    """Sets a new password from the ``uid`` and ``token`` of a reset link."""

    new_password1 = password_field()
    new_password2 = password_field()
    uid = serializers.CharField()
    token = serializers.CharField()

    set_password_form_class = SetPasswordForm
    # A link already used, expired, mistyped or made up: the user asks for a new one.
    invalid_link_message = _("This password reset link is invalid or has expired.")

    def custom_validation(self, attrs: dict[str, Any]) -> None:
        """Override to add checks; raise ValidationError to refuse."""

    def get_user(self, uid: str) -> AbstractBaseUser:
        try:
            pk = UserModel._meta.pk.to_python(force_str(urlsafe_base64_decode(uid)))
            return UserModel._default_manager.get(pk=pk)
        except (
            TypeError,
            ValueError,
            OverflowError,
            DjangoValidationError,
            UserModel.DoesNotExist,
        ):
            raise exceptions.ValidationError({"uid": [self.invalid_link_message]}) from None

    def get_token_generator(self) -> PasswordResetTokenGenerator:
        """What made the link's token; it must be what PASSWORD_RESET_SERIALIZER uses."""
        return default_token_generator

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        self.user = self.get_user(attrs["uid"])
        if not self.get_token_generator().check_token(self.user, attrs["token"]):
            raise exceptions.ValidationError({"token": [self.invalid_link_message]})
        self.custom_validation(attrs)
        self.set_password_form = self.set_password_form_class(user=self.user, data=attrs)
        if not self.set_password_form.is_valid():
            raise serializers.ValidationError(self.set_password_form.errors)
        return attrs

    def save(self) -> AbstractBaseUser:  # type: ignore[override]
        with transaction.atomic():
            # Lock the row and check the token again: of two requests racing with one
            # link, the second sees the new password hash and its token no longer matches.
            locked = UserModel._default_manager.select_for_update().get(pk=self.user.pk)
            if not self.get_token_generator().check_token(locked, self.validated_data["token"]):
                raise exceptions.ValidationError({"token": [self.invalid_link_message]})
            locked.set_password(self.set_password_form.cleaned_data["new_password1"])
            locked.save(update_fields=["password"])
            # Whoever held the old password may have taken an API token; it dies here.
            # Sessions end by themselves: their hash no longer matches the password.
            revoke_tokens(locked)
        return locked


class PasswordChangeSerializer(serializers.Serializer):
    """Changes the password of the logged-in user.

    ``old_password`` is asked for only when OLD_PASSWORD_FIELD_ENABLED is on.
    """

    old_password = password_field()
    new_password1 = password_field()
    new_password2 = password_field()

    set_password_form_class = SetPasswordForm

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.old_password_field_enabled = api_settings.OLD_PASSWORD_FIELD_ENABLED
        self.logout_on_password_change = api_settings.LOGOUT_ON_PASSWORD_CHANGE
        if not self.old_password_field_enabled:
            self.fields.pop("old_password", None)
        self.request = self.context.get("request")
        self.user = getattr(self.request, "user", None)

    def validate_old_password(self, value: str) -> str:
        if not self.user.check_password(value):
            raise serializers.ValidationError(
                _("Your old password was entered incorrectly. Please enter it again.")
            )
        return value

    def custom_validation(self, attrs: dict[str, Any]) -> None:
        """Override to add checks; raise ValidationError to refuse."""

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        self.set_password_form = self.set_password_form_class(user=self.user, data=attrs)
        self.custom_validation(attrs)
        if not self.set_password_form.is_valid():
            raise serializers.ValidationError(self.set_password_form.errors)
        return attrs

    def save(self) -> AbstractBaseUser:  # type: ignore[override]
        self.user.set_password(self.set_password_form.cleaned_data["new_password1"])
        self.user.save(update_fields=["password"])
        # Every session of the user ends with the old password's hash. Keep the one that
        # made the change, if the request came with one (a token client has none to keep).
        if not self.logout_on_password_change and SESSION_KEY in self.request.session:
            update_session_auth_hash(self.request, self.user)
        return self.user


def __getattr__(name: str) -> Any:
    # dj-rest-auth's serializers of optional features (the JWT login bodies), where the
    # feature that keeps them is installed.
    return library_name(__name__, name)
