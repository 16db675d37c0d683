"""Small building blocks the views and serializers share."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Model

from .app_settings import api_settings


def default_create_token(
    token_model: type[Model], user: AbstractBaseUser, serializer: Any
) -> Model:
    """The default TOKEN_CREATOR: the user's one token, created on first login."""
    token, _ = token_model.objects.get_or_create(user=user)
    return token


def revoke_tokens(user: AbstractBaseUser) -> None:
    """Delete every API token of the user (a no-op when TOKEN_MODEL is None)."""
    token_model = api_settings.TOKEN_MODEL
    if token_model is not None:
        token_model.objects.filter(user=user).delete()
