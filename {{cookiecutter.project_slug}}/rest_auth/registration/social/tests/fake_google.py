"""A fake Google: the token, userinfo and signing-certificate endpoints allauth calls.

ID tokens are signed with a key pair made for these tests only; the fake publishes its
certificate where Google publishes its own, so allauth verifies them as it would Google's.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import jwt
import requests

from .fake_provider import Answer, FakeProvider, Identity

TOKEN_URL = "https://oauth2.googleapis.com/token"
USERINFO_URL = "https://www.googleapis.com/oauth2/v2/userinfo"
CERTS_URL = "https://www.googleapis.com/oauth2/v1/certs"
ISSUER = "https://accounts.google.com"
KEY_ID = "fake-google-key-1"

PRIVATE_KEY = (
    "-----BEGIN PRIVATE KEY-----\n"
    "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCohmWNNNmfrkc4\n"
    "k0NMrMayUihDdryt0Qoa0+CXw3VLb+s8JTyhQVeiFgMbJ0pQ6lVPRCcKTCDau10F\n"
    "sz+nEykQIUGvV4cjTtrvcMHu5LuoXyLSCMNd0IRHjqMQWIuIOe2Vv/IvISPjafm2\n"
    "0joOV7ncZ2vvdpdEClZ75/Isb40JIJWMVa+gTBwPTve8jiD028MWwxlMltfi41SL\n"
    "CZptQwbBB242ku0EJDCPZHhf5XQLn0IpKkgsrX3EDwdas9yacY/XYjU44MoZ3A4W\n"
    "7wnEl9zGDy99Vd7VnfIc4F6g21ejlOOg5t4jqBGG3M1mKfyI3kr7CFGVbSiENrRq\n"
    "CS99ihIjAgMBAAECggEAOp65P1OFaZ55JqxO6iJlYUzjtYfdXMbMcYWG57N1Hv74\n"
    "v+yh+OOeRILMpMrXdmr0rsRhohrWCM/IrT1rJEYtb+9phkD3gGgjDsvVobANuKUT\n"
    "GyUyM/VetfdfMEXkj0e7JW5lo1AvSCEqXBYnXKrWO1z8Ngk119SSvbnyStOopuYO\n"
    "qLPeBUOhNpZXPjiWYa9T+Gz2Ui/1SGS4uyylhgbJzEt8vCA3trVNRJlIm5/slJqf\n"
    "oDvq/5tirRC3tQk2ULcWOYax1l5CUiNVtK82KfLKKAqwe8VPfc4Yo1EqBeAHcx+7\n"
    "C/bGWmg+bGdHL6fOtu9S0ONmpo2WhLifbMzzkzRGpQKBgQDThM5lY81u14fgHWxZ\n"
    "pRW+Q5KvieehHaKgPRbTzU1iNmjWnopTYcUrCUJpC+6ZBxzzvZ73ZcPJnD2NN7+h\n"
    "4iulFJ/7tSbtvweMeTQRRNQGyRukk1W08fZJ0PeXaNkNu1eN7MjO4AeM/+gXxEro\n"
    "j6zxKC5fooAvu+HzQMWReaFDfQKBgQDL9wDn+WDW3eNhzKAw8n2p3cvhmPlNh4RU\n"
    "J/nmIjouHeOxwg5XIdt0HbfEfmD8a5oSVMC6OXgmhqNjD+RxI+UbDDDztC52lJD7\n"
    "uowD2FFrglLfQBFunrP3RWGikeWxqcQm86bob2Nw1BXhnVLKkTAHT3L3q8hBVEOS\n"
    "QVS6LBdeHwKBgA3oPH3UGwy/pRJqPNaEETLqVHmwMoeYYDny6k5QwFbFxwzdbbDf\n"
    "y8vxluk7PJvZKOEpxYr0qPPXjwB6+uGU8lOvUHmHRqD5H3DwAyljgiFUFbozab40\n"
    "7oGZ+L1+yk6p067kM6vOdRCjPspZQKeb0r4kazAkihMZYljRGGxhN+YtAoGBALcY\n"
    "9WdJJvW8GvMgjm1iQgzLXssWWDaRAOnLOTquXywnCM/6NIVjj22df+qUyNvQfG8Y\n"
    "RirmjEWJeALlsV0fq/ur5gXgKhWpKL3RqP+KoQyx4VMoYH29WjEPx6X48wmaLMwK\n"
    "zjq6Q7p1qW7vm/LcgxEM8VgEjbCXxFD29OhrzE5hAoGAShqLuTxCAMNxlUNe/Lcs\n"
    "7t09aP7qAzVlxeGyXcv4y8W51Z48e0ljrdTct7Q3P+MsqHjiQ74LEm8O7OxQyQr4\n"
    "oDQyFQG5wc9lo+xkaVUUFSuV3u+er0lI0zZktnnd639qfhPRz1A30gV7hc0DlmDt\n"
    "Rcyqg4T5Q7+HH2R9huabt5g=\n"
    "-----END PRIVATE KEY-----\n"
)
CERTIFICATE = (
    "-----BEGIN CERTIFICATE-----\n"
    "MIICsTCCAZmgAwIBAgIBATANBgkqhkiG9w0BAQsFADAbMRkwFwYDVQQDDBBmYWtl\n"
    "LWdvb2dsZS50ZXN0MCAXDTI2MDEwMTAwMDAwMFoYDzIxMjUxMjA4MDAwMDAwWjAb\n"
    "MRkwFwYDVQQDDBBmYWtlLWdvb2dsZS50ZXN0MIIBIjANBgkqhkiG9w0BAQEFAAOC\n"
    "AQ8AMIIBCgKCAQEAqIZljTTZn65HOJNDTKzGslIoQ3a8rdEKGtPgl8N1S2/rPCU8\n"
    "oUFXohYDGydKUOpVT0QnCkwg2rtdBbM/pxMpECFBr1eHI07a73DB7uS7qF8i0gjD\n"
    "XdCER46jEFiLiDntlb/yLyEj42n5ttI6Dle53Gdr73aXRApWe+fyLG+NCSCVjFWv\n"
    "oEwcD073vI4g9NvDFsMZTJbX4uNUiwmabUMGwQduNpLtBCQwj2R4X+V0C59CKSpI\n"
    "LK19xA8HWrPcmnGP12I1OODKGdwOFu8JxJfcxg8vfVXe1Z3yHOBeoNtXo5TjoObe\n"
    "I6gRhtzNZin8iN5K+whRlW0ohDa0agkvfYoSIwIDAQABMA0GCSqGSIb3DQEBCwUA\n"
    "A4IBAQAxuDAEQ//7sHQ7awcYllzHZm4v3uyDKpjhCUgKXJV9jbMjDzoqpemuNwuD\n"
    "3Zy6CBvq4K6BG1yYITtaBeMuTisMegfpnpIgneaz5VeI4IUCxJP85G2fpFKoTynA\n"
    "YnWcMdKYeVgl7QCmpU1drBs8zfGm7ztVUsGJrPWIXbR6OtIIpel8p+RudWKHTybA\n"
    "jVRfEqIxtajnV409W4mZRmRomfzGiwIECzHk15/ZJuaCOnI1LOWTf3fActjd1wLJ\n"
    "lwApKtu3AIaT5dB7vaupL6cTPz9B0smBKAsJ+PutG93rhoioV0x30t5gq60MiZAV\n"
    "JlFt6WTZDbQgqpLYh+l7c3GX4TXh\n"
    "-----END CERTIFICATE-----\n"
)


@dataclass
class FakeGoogle(FakeProvider):
    provider_id = "google"

    def endpoints(self) -> dict:
        return {
            ("POST", TOKEN_URL): self.token,
            ("GET", USERINFO_URL): self.userinfo,
            ("GET", CERTS_URL): self.certs,
        }

    def token(self, request: requests.PreparedRequest) -> Answer:
        identity, access_token = self.redeem(request)
        if identity is None:
            return 400, {"error": "invalid_grant", "error_description": "Bad Request"}
        return 200, {
            "access_token": access_token,
            "expires_in": 3599,
            "scope": "openid email profile",
            "id_token": self.id_token(identity),
        }

    def userinfo(self, request: requests.PreparedRequest) -> Answer:
        identity = self.bearer(request)
        if identity is None:
            return 401, {"error": {"code": 401, "status": "UNAUTHENTICATED"}}
        return 200, {
            "id": identity.uid,
            "email": identity.email,
            "verified_email": identity.email_verified,
            "given_name": identity.first_name,
            "family_name": identity.last_name,
            "name": f"{identity.first_name} {identity.last_name}",
        }

    def certs(self, request: requests.PreparedRequest) -> Answer:
        return 200, {KEY_ID: CERTIFICATE}

    def id_token(self, identity: Identity, **claims: Any) -> str:
        """An ID token for this app, signed as Google signs them; ``claims`` override."""
        now = int(time.time())
        payload = {
            "iss": ISSUER,
            "aud": self.client_id,
            "sub": identity.uid,
            "email": identity.email,
            "email_verified": identity.email_verified,
            "given_name": identity.first_name,
            "family_name": identity.last_name,
            "iat": now,
            "exp": now + 3600,
            **claims,
        }
        return jwt.encode(payload, PRIVATE_KEY, algorithm="RS256", headers={"kid": KEY_ID})


FAKE = FakeGoogle
