"""Small building blocks the views and serializers share."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Model, QuerySet
from django.utils.functional import lazy

from .app_settings import api_settings
from .features import library_name
from .strategies import registered_strategies


def default_create_token(
    token_model: type[Model], user: AbstractBaseUser, serializer: Any
) -> Model:
    """The default TOKEN_CREATOR: the user's one token, created on first login."""
    token, _ = token_model.objects.get_or_create(user=user)
    return token


def tokens_with_key(token_model: type[Model], key: str) -> QuerySet:
    """The TOKEN_MODEL rows a raw API key names, as a queryset (one DELETE ends them).

    A model that stores keys some other way than as they are (hashed, say) says how to find
    one with a ``with_key(key)`` method on its default manager; otherwise the key is the
    ``key`` field, as in DRF's Token.
    """
    manager = token_model._default_manager
    if hasattr(manager, "with_key"):
        return manager.with_key(key)
    return manager.filter(key=key)


def revoke_other_tokens(request: Any, user: AbstractBaseUser, serializer: Any) -> Model | None:
    """Delete the user's API tokens except the one ``request`` was made with (one DELETE).

    A TOKEN_MODEL with one token per user (DRF's Token, whose ``user`` is one-to-one) shares
    its key among all of the user's clients, so keeping it would keep them all logged in:
    it is replaced instead, and the new token returned for the client that made the
    request. Returns None when that client keeps the credential it has.
    """
    token_model = api_settings.TOKEN_MODEL
    if token_model is None:
        return None
    tokens = token_model._default_manager.filter(user=user)
    current = request.auth if isinstance(request.auth, token_model) else None
    if current is None:
        tokens.delete()
        return None
    if token_model._meta.get_field("user").one_to_one:
        tokens.delete()
        return api_settings.TOKEN_CREATOR(token_model, user, serializer)
    tokens.exclude(pk=current.pk).delete()
    return None


def revoke_tokens(user: AbstractBaseUser) -> None:
    """Delete every API token of the user, and end the credentials of every registered
    login strategy (with JWTs: blacklist the user's refresh tokens)."""
    token_model = api_settings.TOKEN_MODEL
    if token_model is not None:
        token_model.objects.filter(user=user).delete()
    for strategy in registered_strategies:
        strategy().revoke_user_credentials(user)


def _format(template: str, *args: Any, **kwargs: Any) -> str:
    return template.format(*args, **kwargs)


# str.format() evaluated when the result is used: a translated template (gettext_lazy) is
# formatted in the language active then, not at import.
format_lazy = lazy(_format, str)


def __getattr__(name: str) -> Any:
    # dj-rest-auth's helpers of optional features (its JWT encoder), where the feature that
    # keeps them is installed.
    return library_name(__name__, name)
