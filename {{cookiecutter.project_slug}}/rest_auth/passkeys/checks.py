"""System checks of the passkeys feature: the relying party must be configured.

Without these settings no passkey can be created or used; ``manage.py check`` says so at
start-up, with ids ``rest_auth.E030``... , instead of the first ceremony failing.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.core.checks import CheckMessage, Error, register

from ..checks import configured, missing_throttle_rates
from .throttling import PASSKEY_BEGIN_SCOPE


@register()
def check_passkey_settings(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    return [
        *check_rp_id(),
        *check_rp_name(),
        *check_rp_origins(),
        *check_challenge_timeout(),
        # Begin stores a challenge per call: its per-IP throttle needs a rate.
        *missing_throttle_rates((PASSKEY_BEGIN_SCOPE,), always=(PASSKEY_BEGIN_SCOPE,), id="E062"),
    ]


def check_rp_id() -> list[CheckMessage]:
    rp_id = configured("PASSKEY_RP_ID")
    if isinstance(rp_id, str) and rp_id and "/" not in rp_id and ":" not in rp_id:
        return []
    return [
        Error(
            f"REST_AUTH['PASSKEY_RP_ID'] must be the site's host name, not {rp_id!r}.",
            hint="Set it to the domain passkeys belong to, e.g. 'example.com' "
            "('localhost' in development); no scheme, port or path.",
            id="rest_auth.E030",
        )
    ]


def check_rp_name() -> list[CheckMessage]:
    rp_name = configured("PASSKEY_RP_NAME")
    if isinstance(rp_name, str) and rp_name.strip():
        return []
    return [
        Error(
            f"REST_AUTH['PASSKEY_RP_NAME'] must be a non-empty string, not {rp_name!r}.",
            hint="Browsers show it when a passkey is created, e.g. 'My API'.",
            id="rest_auth.E031",
        )
    ]


def origin_host(origin: Any) -> str | None:
    """The host of an origin such as 'https://example.com:8443'; None if it is not one."""
    if not isinstance(origin, str):
        return None
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if parts.path or parts.query or parts.fragment or origin.endswith("/"):
        return None
    return parts.hostname


def check_rp_origins() -> list[CheckMessage]:
    origins = configured("PASSKEY_RP_ORIGINS")
    if not isinstance(origins, (list, tuple)) or not origins:
        return [
            Error(
                "REST_AUTH['PASSKEY_RP_ORIGINS'] must be a non-empty list of origins, "
                f"not {origins!r}.",
                hint="List the exact origins of the pages that use passkeys, e.g. "
                "['https://example.com'] (['http://localhost:8000'] in development).",
                id="rest_auth.E032",
            )
        ]
    errors: list[CheckMessage] = []
    rp_id = configured("PASSKEY_RP_ID")
    for origin in origins:
        host = origin_host(origin)
        if host is None:
            errors.append(
                Error(
                    f"REST_AUTH['PASSKEY_RP_ORIGINS'] has {origin!r}, which is not an origin.",
                    hint="An origin is scheme://host[:port], without a path or trailing slash.",
                    id="rest_auth.E033",
                )
            )
        elif isinstance(rp_id, str) and rp_id and not (host == rp_id or host.endswith("." + rp_id)):
            # Browsers refuse a ceremony whose RP id is not the page's host or a parent.
            errors.append(
                Error(
                    f"REST_AUTH['PASSKEY_RP_ORIGINS'] has {origin!r}, whose host is not "
                    f"{rp_id!r} or one of its subdomains: browsers would refuse passkeys there.",
                    hint="Make PASSKEY_RP_ID the origins' registrable domain, or fix the origin.",
                    id="rest_auth.E034",
                )
            )
    return errors


def check_challenge_timeout() -> list[CheckMessage]:
    timeout = configured("PASSKEY_CHALLENGE_TIMEOUT")
    if isinstance(timeout, int) and not isinstance(timeout, bool) and timeout > 0:
        return []
    return [
        Error(
            "REST_AUTH['PASSKEY_CHALLENGE_TIMEOUT'] must be a positive number of seconds, "
            f"not {timeout!r}.",
            id="rest_auth.E035",
        )
    ]
