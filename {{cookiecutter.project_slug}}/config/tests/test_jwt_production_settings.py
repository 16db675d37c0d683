"""The JWT cookies in production: Secure, HttpOnly, SameSite, held to CSRF checks; and
tokens issued before a password change are refused (see test_production_settings.py)."""

from config.tests.test_production_settings import production


def test_jwt_cookies_are_secure_httponly_samesite_and_held_to_csrf():
    rest_auth = production()["REST_AUTH"]
    if not (rest_auth.get("JWT_AUTH_COOKIE") or rest_auth.get("JWT_AUTH_REFRESH_COOKIE")):
        return  # generated without cookies: the tokens travel in headers and bodies
    assert rest_auth["JWT_AUTH_SECURE"] is True
    assert rest_auth["JWT_AUTH_HTTPONLY"] is True
    assert rest_auth["JWT_AUTH_SAMESITE"] in ("Lax", "Strict")
    assert rest_auth["JWT_AUTH_COOKIE_USE_CSRF"] is True


def test_tokens_carry_the_password_they_were_issued_under():
    assert production()["SIMPLE_JWT"]["CHECK_REVOKE_TOKEN"] is True
