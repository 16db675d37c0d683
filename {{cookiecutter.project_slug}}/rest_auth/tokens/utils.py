"""The TOKEN_CREATOR of hashed tokens."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser

from .models import NAME_MAX_LENGTH, AuthToken


def create_token(
    token_model: type[AuthToken], user: AbstractBaseUser, serializer: Any
) -> AuthToken:
    """A new token for every login, named after the client's User-Agent.

    One per login, not one per user: each device has its own, and logging out on one
    leaves the others logged in. The returned instance carries the raw ``key``.
    """
    request = serializer.context.get("request") if serializer is not None else None
    user_agent = request.META.get("HTTP_USER_AGENT", "") if request is not None else ""
    return token_model.objects.create(user=user, name=user_agent[:NAME_MAX_LENGTH])
