"""System checks of social login, registered by the app's AppConfig.

Ids ``rest_auth.E04x`` / ``W04x``. A provider without its OAuth app's client id and
secret would refuse every login: ``manage.py check`` fails on it (rest_auth.E040), except
in development, where DEBUG is on and a warning (rest_auth.W040) lets the rest run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register


def generated_providers() -> list[str]:
    """Return the ids of the providers this project routes login views for.

    Walks the project's URLconf for SocialLoginView subclasses and reads their
    ``adapter_class``: a provider is generated when its routes are included.
    """
    from django.urls import get_resolver

    from .views import SocialLoginView

    providers: list[str] = []
    for view in routed_view_classes(get_resolver().url_patterns):
        if issubclass(view, SocialLoginView) and view.adapter_class is not None:
            provider = view.adapter_class.provider_id
            if provider not in providers:
                providers.append(provider)
    return providers


def routed_view_classes(patterns: Iterable[Any]) -> Iterator[type]:
    """Yield the class of every class-based view the URL patterns route to."""
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            yield from routed_view_classes(pattern.url_patterns)
        elif isinstance(getattr(pattern.callback, "view_class", None), type):
            yield pattern.callback.view_class


@register()
def check_social_settings(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    errors = check_apps_installed()
    if errors:
        return errors
    if settings.DEBUG:
        return check_credentials(Warning, "rest_auth.W040")
    return check_credentials(Error, "rest_auth.E040")


def check_apps_installed() -> list[CheckMessage]:
    wanted = ["allauth.socialaccount"]
    if apps.is_installed("allauth.socialaccount"):
        # The provider modules import allauth's socialaccount models: only once it is in.
        wanted += [f"allauth.socialaccount.providers.{p}" for p in generated_providers()]
    missing = [app for app in wanted if not apps.is_installed(app)]
    if not missing:
        return []
    return [
        Error(
            f"Social login views are routed, but {', '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} not in INSTALLED_APPS.",
            hint="Add them to INSTALLED_APPS (after 'allauth.account').",
            id="rest_auth.E041",
        )
    ]


def check_credentials(level: type[CheckMessage], check_id: str) -> list[CheckMessage]:
    providers = getattr(settings, "SOCIALACCOUNT_PROVIDERS", {}) or {}
    messages: list[CheckMessage] = []
    for provider in generated_providers():
        app = (providers.get(provider) or {}).get("APP") or {}
        missing = [field for field in ("client_id", "secret") if not app.get(field)]
        if not missing:
            continue
        variable = f"SOCIAL_{provider.upper()}"
        messages.append(
            level(
                f"SOCIALACCOUNT_PROVIDERS[{provider!r}]['APP'] has no "
                f"{' and no '.join(missing)}: nobody can log in with {provider}.",
                hint=f"Set {variable}_CLIENT_ID and {variable}_SECRET in the environment to "
                f"the credentials of the {provider} OAuth app (docs/social.md).",
                id=check_id,
            )
        )
    return messages
