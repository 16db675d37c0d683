"""A fake GitHub: the token exchange and the REST API endpoints allauth calls."""

from __future__ import annotations

from dataclasses import dataclass

import requests

from .fake_provider import Answer, FakeProvider

TOKEN_URL = "https://github.com/login/oauth/access_token"
USER_URL = "https://api.github.com/user"
EMAILS_URL = "https://api.github.com/user/emails"


@dataclass
class FakeGitHub(FakeProvider):
    provider_id = "github"

    def endpoints(self) -> dict:
        return {
            ("POST", TOKEN_URL): self.token,
            ("GET", USER_URL): self.user,
            ("GET", EMAILS_URL): self.emails,
        }

    def token(self, request: requests.PreparedRequest) -> Answer:
        identity, access_token = self.redeem(request)
        if identity is None:
            # GitHub reports a bad code with 200 and an error body.
            return 200, {"error": "bad_verification_code"}
        return 200, {"access_token": access_token, "scope": "read:user,user:email"}

    def user(self, request: requests.PreparedRequest) -> Answer:
        identity = self.bearer(request)
        if identity is None:
            return 401, {"message": "Bad credentials"}
        return 200, {
            "id": int(identity.uid),
            "login": identity.username,
            "name": f"{identity.first_name} {identity.last_name}",
            "email": None,  # the public address; the verified ones come from /user/emails
        }

    def emails(self, request: requests.PreparedRequest) -> Answer:
        identity = self.bearer(request)
        if identity is None:
            return 401, {"message": "Bad credentials"}
        if identity.email is None:
            return 200, []
        return 200, [
            {
                "email": identity.email,
                "primary": True,
                "verified": identity.email_verified,
                "visibility": "private",
            }
        ]


FAKE = FakeGitHub
