"""A software authenticator and browser, just enough WebAuthn to drive the ceremonies.

It reads the options JSON the server sends (as ``PublicKeyCredential.parse*OptionsFromJSON``
would), makes ES256 credentials with ``none`` attestation, signs assertions, and answers
with what ``credential.toJSON()`` gives in a browser. Knobs let tests send what an honest
authenticator would not: no user verification, a counter that goes back, another origin.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
from dataclasses import dataclass, field
from typing import Any

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

FLAG_UP = 0x01  # user present
FLAG_UV = 0x04  # user verified
FLAG_AT = 0x40  # attested credential data follows
AAGUID = bytes(16)  # "none" attestation: all zeros


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def from_b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Credential:
    credential_id: bytes
    private_key: ec.EllipticCurvePrivateKey
    rp_id: str
    user_handle: bytes
    resident: bool
    sign_count: int = 0

    def cose_public_key(self) -> bytes:
        numbers = self.private_key.public_key().public_numbers()
        return cbor2.dumps(
            {
                1: 2,  # kty: EC2
                3: -7,  # alg: ES256
                -1: 1,  # crv: P-256
                -2: numbers.x.to_bytes(32, "big"),
                -3: numbers.y.to_bytes(32, "big"),
            }
        )


class AuthenticatorRefusedError(Exception):
    """What the browser would reject with (InvalidStateError, NotAllowedError)."""


@dataclass
class SoftAuthenticator:
    origin: str
    user_verification: bool = True
    # Added to the counter on each assertion; 0 behaves like a synced passkey.
    counter_step: int = 1
    transports: tuple[str, ...] = ("internal", "hybrid")
    credentials: dict[bytes, Credential] = field(default_factory=dict)

    def flags(self, *extra: int) -> int:
        value = FLAG_UP | (FLAG_UV if self.user_verification else 0)
        for flag in extra:
            value |= flag
        return value

    def client_data(self, kind: str, challenge: str, origin: str | None) -> bytes:
        return json.dumps(
            {
                "type": kind,
                "challenge": challenge,
                "origin": origin or self.origin,
                "crossOrigin": False,
            }
        ).encode()

    def create(
        self, options: dict[str, Any], *, resident: bool = True, origin: str | None = None
    ) -> dict[str, Any]:
        """``navigator.credentials.create({publicKey: options})``, then ``.toJSON()``."""
        rp_id = options["rp"]["id"]
        excluded = {from_b64url(c["id"]) for c in options.get("excludeCredentials", [])}
        if excluded & self.credentials.keys():
            raise AuthenticatorRefusedError("InvalidStateError: already registered here")
        assert any(param["alg"] == -7 for param in options["pubKeyCredParams"])
        credential = Credential(
            credential_id=os.urandom(32),
            private_key=ec.generate_private_key(ec.SECP256R1()),
            rp_id=rp_id,
            user_handle=from_b64url(options["user"]["id"]),
            resident=resident,
        )
        self.credentials[credential.credential_id] = credential
        return self.registration_response(credential, options["challenge"], origin=origin)

    def registration_response(
        self, credential: Credential, challenge: str, *, origin: str | None = None
    ) -> dict[str, Any]:
        """The registration answer for ``credential`` (again, to test duplicates)."""
        attested = (
            AAGUID
            + struct.pack(">H", len(credential.credential_id))
            + credential.credential_id
            + credential.cose_public_key()
        )
        authenticator_data = (
            hashlib.sha256(credential.rp_id.encode()).digest()
            + bytes([self.flags(FLAG_AT)])
            + struct.pack(">I", credential.sign_count)
            + attested
        )
        attestation_object = cbor2.dumps(
            {"fmt": "none", "attStmt": {}, "authData": authenticator_data}
        )
        client_data = self.client_data("webauthn.create", challenge, origin)
        return {
            "id": b64url(credential.credential_id),
            "rawId": b64url(credential.credential_id),
            "type": "public-key",
            "authenticatorAttachment": "platform",
            "response": {
                "clientDataJSON": b64url(client_data),
                "attestationObject": b64url(attestation_object),
                "authenticatorData": b64url(authenticator_data),
                "transports": list(self.transports),
                "publicKeyAlgorithm": -7,
            },
            "clientExtensionResults": {"credProps": {"rk": credential.resident}},
        }

    def get(
        self,
        options: dict[str, Any],
        *,
        credential_id: bytes | None = None,
        origin: str | None = None,
        user_handle: bytes | None = None,
    ) -> dict[str, Any]:
        """``navigator.credentials.get({publicKey: options})``, then ``.toJSON()``.

        Uses an allowed credential, or, when none is listed, a discoverable one (returning
        its user handle). ``credential_id`` picks one regardless, as a hostile client could.
        """
        rp_id = options["rpId"]
        allowed = [from_b64url(c["id"]) for c in options.get("allowCredentials", [])]
        if credential_id is None:
            candidates = [
                c.credential_id
                for c in self.credentials.values()
                if c.rp_id == rp_id and (c.credential_id in allowed if allowed else c.resident)
            ]
            if not candidates:
                raise AuthenticatorRefusedError("NotAllowedError: no credential for this request")
            credential_id = candidates[0]
        credential = self.credentials[credential_id]
        credential.sign_count += self.counter_step
        authenticator_data = (
            # The RP id the credential was made for, whatever the options say.
            hashlib.sha256(credential.rp_id.encode()).digest()
            + bytes([self.flags()])
            + struct.pack(">I", credential.sign_count)
        )
        client_data = self.client_data("webauthn.get", options["challenge"], origin)
        signature = credential.private_key.sign(
            authenticator_data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256())
        )
        handle = user_handle if user_handle is not None else credential.user_handle
        return {
            "id": b64url(credential.credential_id),
            "rawId": b64url(credential.credential_id),
            "type": "public-key",
            "authenticatorAttachment": "platform",
            "response": {
                "clientDataJSON": b64url(client_data),
                "authenticatorData": b64url(authenticator_data),
                "signature": b64url(signature),
                # Discoverable credentials return their user handle; others may omit it.
                "userHandle": b64url(handle)
                if credential.resident or user_handle is not None
                else None,
            },
            "clientExtensionResults": {},
        }
