"""JWT login: simplejwt's access and refresh tokens, in bodies or cookies, with revocation.

A Django app (``rest_auth.jwt``): its AppConfig adds the JWT_* REST_AUTH settings, the
checks and the JWT login strategy. dj-rest-auth's module ``jwt_auth`` is
``rest_auth.jwt_auth``, which re-exports the names from here.
"""
