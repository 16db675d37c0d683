"""dj-rest-auth's module ``jwt_auth``: its names, kept in the ``rest_auth.jwt`` app."""

# None of these imports DRF's views: they read DEFAULT_AUTHENTICATION_CLASSES on import,
# which may name JWTCookieAuthentication by this module.
from .jwt.authentication import JWTCookieAuthentication as JWTCookieAuthentication
from .jwt.cookies import set_jwt_access_cookie as set_jwt_access_cookie
from .jwt.cookies import set_jwt_cookies as set_jwt_cookies
from .jwt.cookies import set_jwt_refresh_cookie as set_jwt_refresh_cookie
from .jwt.cookies import unset_jwt_cookies as unset_jwt_cookies
from .jwt.refresh_view import get_refresh_view as get_refresh_view
from .jwt.serializers import CookieTokenRefreshSerializer as CookieTokenRefreshSerializer
