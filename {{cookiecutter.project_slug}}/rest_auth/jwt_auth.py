"""dj-rest-auth's module ``jwt_auth``: its names, kept in the ``rest_auth.jwt`` app."""

# Authentication first: DRF's views, which the refresh view imports, read
# DEFAULT_AUTHENTICATION_CLASSES, which may name JWTCookieAuthentication by this module.
from .jwt.authentication import JWTCookieAuthentication as JWTCookieAuthentication
from .jwt.cookies import set_jwt_access_cookie as set_jwt_access_cookie
from .jwt.cookies import set_jwt_cookies as set_jwt_cookies
from .jwt.cookies import set_jwt_refresh_cookie as set_jwt_refresh_cookie
from .jwt.cookies import unset_jwt_cookies as unset_jwt_cookies
from .jwt.serializers import CookieTokenRefreshSerializer as CookieTokenRefreshSerializer
from .jwt.views import get_refresh_view as get_refresh_view
