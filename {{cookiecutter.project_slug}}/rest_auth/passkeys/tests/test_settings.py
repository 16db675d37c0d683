"""Every PASSKEY_* setting of REST_AUTH, shown to take effect (and the project's defaults)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from rest_framework.test import APIClient

from rest_auth.app_settings import api_settings
from rest_auth.checks import check_rest_auth_settings
from rest_auth.passkeys import app_settings as passkey_settings
from rest_auth.passkeys import serializers
from rest_auth.passkeys.checks import check_passkey_settings
from rest_auth.passkeys.tests.authenticator import SoftAuthenticator
from rest_auth.passkeys.tests.conftest import (
    login,
    login_begin,
    login_complete,
    post,
    register,
    register_begin,
    register_complete,
    whoami,
)

CUSTOM = "rest_auth.passkeys.tests.custom_serializers."
PROJECT_ROOT = Path(__file__).resolve().parents[3]


def test_defaults_are_the_references():
    assert passkey_settings.DEFAULTS == {
        "PASSKEY_RP_ID": None,
        "PASSKEY_RP_NAME": None,
        "PASSKEY_RP_ORIGINS": None,
        "PASSKEY_CHALLENGE_TIMEOUT": 300,
        **{
            f"PASSKEY_{name}_SERIALIZER": f"rest_auth.passkeys.serializers.Passkey{cls}Serializer"
            for name, cls in [
                ("REGISTER_BEGIN", "RegisterBegin"),
                ("REGISTER_COMPLETE", "RegisterComplete"),
                ("LOGIN_BEGIN", "LoginBegin"),
                ("LOGIN_COMPLETE", "LoginComplete"),
                ("LIST", "List"),
                ("UPDATE", "Update"),
            ]
        },
    }
    assert set(passkey_settings.DEFAULTS) <= set(api_settings.defaults)
    assert api_settings.PASSKEY_LIST_SERIALIZER is serializers.PasskeyListSerializer


def test_the_settings_never_import_webauthn():
    """Reading REST_AUTH (even the passkey keys) leaves webauthn unimported: a project
    without passkeys never needs it installed."""
    code = (
        "import sys\n"
        "from django.conf import settings\n"
        "settings.configure(\n"
        "    INSTALLED_APPS=['rest_auth.passkeys'], REST_AUTH={'PASSKEY_RP_ID': 'example.com'}\n"
        ")\n"
        "from rest_auth.app_settings import api_settings\n"
        "assert api_settings.PASSKEY_RP_ID == 'example.com'\n"
        "assert api_settings.PASSKEY_CHALLENGE_TIMEOUT == 300\n"
        "assert 'webauthn' not in sys.modules, 'imported'\n"
        "assert 'rest_auth.passkeys.serializers' not in sys.modules, 'serializers imported'\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
class TestRelyingParty:
    def test_rp_id_and_name(self, rest_auth_settings, auth_client):
        rest_auth_settings(PASSKEY_RP_ID="id.example", PASSKEY_RP_NAME="Example Inc")
        options = register_begin(auth_client)
        assert options["rp"] == {"id": "id.example", "name": "Example Inc"}

    def test_rp_id_decides_which_assertions_verify(
        self, rest_auth_settings, anon_client, authenticator, passkey
    ):
        rest_auth_settings(PASSKEY_RP_ID="id.example")
        options = login_begin(anon_client)
        assert options["rpId"] == "id.example"
        # The passkey was made for the former RP id: the browser would not even offer it.
        [credential] = authenticator.credentials
        response = login_complete(
            anon_client, options, authenticator.get(options, credential_id=credential)
        )
        assert response.status_code == 400

    def test_origins(self, rest_auth_settings, anon_client, authenticator, passkey):
        rest_auth_settings(PASSKEY_RP_ORIGINS=["https://other.example"])
        options = login_begin(anon_client)
        assert login_complete(anon_client, options, authenticator.get(options)).status_code == 400
        options = login_begin(anon_client)
        assertion = authenticator.get(options, origin="https://other.example")
        assert login_complete(anon_client, options, assertion).status_code in (200, 204)

    @pytest.mark.parametrize("key", ["PASSKEY_RP_ID", "PASSKEY_RP_NAME", "PASSKEY_RP_ORIGINS"])
    def test_missing_rp_settings_give_a_clear_400(
        self, rest_auth_settings, auth_client, anon_client, key
    ):
        rest_auth_settings(**{key: None})
        expected = {"non_field_errors": ["Passkeys are not configured on this server."]}
        for client, name in [
            (auth_client, "passkey_register_begin"),
            (anon_client, "passkey_login_begin"),
            (anon_client, "passkey_login_complete"),
        ]:
            body = {
                "credential": {
                    "id": "x",
                    "rawId": "x",
                    "type": "public-key",
                    "response": {"clientDataJSON": "x"},
                },
                "session_id": "x",
            }
            response = post(client, name, body)
            assert (response.status_code, response.json()) == (400, expected), name


@pytest.mark.django_db
class TestSerializerSettings:
    def test_register_begin_serializer(self, rest_auth_settings, auth_client):
        rest_auth_settings(
            PASSKEY_REGISTER_BEGIN_SERIALIZER=CUSTOM + "NamedRegisterBeginSerializer"
        )
        assert post(auth_client, "passkey_register_begin").json() == {
            "name": ["This field is required."]
        }
        assert post(auth_client, "passkey_register_begin", {"name": "Key"}).status_code == 200

    def test_register_complete_serializer(self, rest_auth_settings, auth_client, authenticator):
        rest_auth_settings(
            PASSKEY_REGISTER_COMPLETE_SERIALIZER=CUSTOM + "PoliteRegisterCompleteSerializer"
        )
        credential = authenticator.create(register_begin(auth_client))
        response = register_complete(auth_client, credential, name="rude name")
        assert response.json() == {"name": ["Choose a polite name."]}
        assert register_complete(auth_client, credential, name="Nice").status_code == 201

    def test_login_begin_serializer(self, rest_auth_settings, anon_client):
        rest_auth_settings(PASSKEY_LOGIN_BEGIN_SERIALIZER=CUSTOM + "ScopedLoginBeginSerializer")
        assert post(anon_client, "passkey_login_begin").status_code == 400
        assert post(anon_client, "passkey_login_begin", {"username": "x"}).status_code == 200

    def test_login_complete_serializer(
        self, rest_auth_settings, anon_client, authenticator, passkey
    ):
        rest_auth_settings(
            PASSKEY_LOGIN_COMPLETE_SERIALIZER=CUSTOM + "TermsLoginCompleteSerializer"
        )
        options = login_begin(anon_client)
        response = login_complete(anon_client, options, authenticator.get(options))
        assert response.json() == {"accept_terms": ["This field is required."]}
        options = login_begin(anon_client)
        body = {
            "credential": authenticator.get(options),
            "session_id": options["session_id"],
            "accept_terms": True,
        }
        assert post(anon_client, "passkey_login_complete", body).status_code in (200, 204)

    def test_list_serializer(self, rest_auth_settings, auth_client, authenticator):
        rest_auth_settings(PASSKEY_LIST_SERIALIZER=CUSTOM + "ShortListSerializer")
        created = register(auth_client, authenticator, name="Key")
        assert set(created) == {"id", "name"}
        from django.urls import reverse

        assert auth_client.get(reverse("passkey_list")).json() == [created]

    def test_update_serializer(self, rest_auth_settings, auth_client, passkey):
        from django.urls import reverse

        rest_auth_settings(PASSKEY_UPDATE_SERIALIZER=CUSTOM + "TrimmedUpdateSerializer")
        url = reverse("passkey_detail", args=[passkey["id"]])
        response = auth_client.patch(url, {"name": "  work laptop "}, format="json")
        assert response.json()["name"] == "Work Laptop"


@pytest.mark.django_db
def test_the_development_defaults_work_end_to_end(rest_auth_settings, auth_client):
    """The generated settings' DEBUG defaults: localhost and http://localhost:8000."""
    rest_auth_settings(PASSKEY_RP_ID="localhost", PASSKEY_RP_ORIGINS=["http://localhost:8000"])
    authenticator = SoftAuthenticator(origin="http://localhost:8000")
    register(auth_client, authenticator)
    client = APIClient()
    login(client, authenticator)
    assert whoami(client) == "alice"


class TestChecks:
    def error_ids(self):
        return [m.id for m in [*check_rest_auth_settings(), *check_passkey_settings()]]

    def test_the_generated_configuration_passes(self):
        assert self.error_ids() == []
        call_command("check")

    @pytest.mark.parametrize(
        ("overrides", "error_id"),
        [
            ({"PASSKEY_RP_ID": None}, "rest_auth.E030"),
            ({"PASSKEY_RP_ID": ""}, "rest_auth.E030"),
            ({"PASSKEY_RP_ID": "https://example.com"}, "rest_auth.E030"),
            ({"PASSKEY_RP_NAME": None}, "rest_auth.E031"),
            ({"PASSKEY_RP_NAME": " "}, "rest_auth.E031"),
            ({"PASSKEY_RP_ORIGINS": None}, "rest_auth.E032"),
            ({"PASSKEY_RP_ORIGINS": "https://example.com"}, "rest_auth.E032"),
            ({"PASSKEY_RP_ORIGINS": []}, "rest_auth.E032"),
            ({"PASSKEY_CHALLENGE_TIMEOUT": 0}, "rest_auth.E035"),
            ({"PASSKEY_CHALLENGE_TIMEOUT": "300"}, "rest_auth.E035"),
        ],
    )
    def test_each_problem_has_its_id(self, rest_auth_settings, overrides, error_id):
        rest_auth_settings(**overrides)
        assert error_id in self.error_ids()

    @pytest.mark.parametrize(
        ("origin", "error_id"),
        [
            ("example.com", "rest_auth.E033"),
            ("https://example.com/", "rest_auth.E033"),
            ("https://example.com/login", "rest_auth.E033"),
            ("ftp://example.com", "rest_auth.E033"),
            ("https://example.org", "rest_auth.E034"),
            ("https://notexample.com", "rest_auth.E034"),
            ("https://example.com", None),
            ("https://app.example.com:8443", None),
        ],
    )
    def test_origins_must_be_origins_of_the_rp_id(self, rest_auth_settings, origin, error_id):
        rest_auth_settings(PASSKEY_RP_ID="example.com", PASSKEY_RP_ORIGINS=[origin])
        assert self.error_ids() == ([error_id] if error_id else [])

    def test_manage_py_check_fails_with_the_id(self, rest_auth_settings):
        rest_auth_settings(PASSKEY_RP_ID=None)
        with pytest.raises(SystemCheckError, match="rest_auth.E030"):
            call_command("check")
