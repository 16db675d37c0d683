"""Small building blocks the views and serializers share."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Model, QuerySet
from django.utils.functional import lazy

from .app_settings import api_settings
{%- if cookiecutter.auth_mode == "jwt" %}
from .jwt_auth import access_token_for, blacklist_refresh_tokens
{%- endif %}


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
{%- if cookiecutter.auth_mode == "jwt" %}


def jwt_encode(user: AbstractBaseUser) -> tuple[Any, Any]:
    """A new (access, refresh) token pair, with the claims of JWT_TOKEN_CLAIMS_SERIALIZER."""
    refresh = api_settings.JWT_TOKEN_CLAIMS_SERIALIZER.get_token(user)
    return access_token_for(refresh), refresh
{%- endif %}


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
{%- if cookiecutter.auth_mode == "jwt" %}
    """Delete every API token of the user, and blacklist their refresh tokens.

    Blacklisting needs simplejwt's blacklist app; access tokens issued before a password
    change are refused anyway (SIMPLE_JWT CHECK_REVOKE_TOKEN).
    """
    token_model = api_settings.TOKEN_MODEL
    if token_model is not None:
        token_model.objects.filter(user=user).delete()
    blacklist_refresh_tokens(user)
{%- else %}
    """Delete every API token of the user (a no-op when TOKEN_MODEL is None)."""
    token_model = api_settings.TOKEN_MODEL
    if token_model is not None:
        token_model.objects.filter(user=user).delete()
{%- endif %}


def _format(template: str, *args: Any, **kwargs: Any) -> str:
    return template.format(*args, **kwargs)


# str.format() evaluated when the result is used: a translated template (gettext_lazy) is
# formatted in the language active then, not at import.
format_lazy = lazy(_format, str)
