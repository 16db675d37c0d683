"""dj-rest-auth's way of reaching the refresh view, importable without DRF's views."""


def get_refresh_view() -> type:
    """Return the refresh view class, imported when called.

    Not with this module: DRF's views read DEFAULT_AUTHENTICATION_CLASSES when first
    imported, which may name JWTCookieAuthentication by ``rest_auth.jwt_auth``, which
    re-exports this function.
    """
    from .views import RefreshViewWithCookieSupport

    return RefreshViewWithCookieSupport
