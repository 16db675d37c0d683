"""dj-rest-auth 7.2.0's own test suite, run against the everything-on variant.

The generated README promises that code written for dj-rest-auth works after changing the
import prefix. The proof is the library's own tests (``test_api.py``, ``test_serializers.py``,
``test_social.py``, ``test_utils.py``: 70 tests), taken from its sdist on PyPI, with
``dj_rest_auth`` rewritten to ``rest_auth``, run with the library's own test settings and
URLs against a bake with JWT, registration, social login and passkeys. Every test that
fails must be a deliberate divergence, listed with its reason in the template's README.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import ROOT, Variant, variant

VERSION = "7.2.0"
SDIST = f"dj_rest_auth-{VERSION}.tar.gz"
SDIST_SHA256 = "f77af37da5cf6ee28f03f283a378a2f5761860e72d1d6f2fa3d50e6286000482"
TEST_MODULES = ("test_api.py", "test_serializers.py", "test_social.py", "test_utils.py")
TOTAL = 70
# 70, less the deliberate divergences and the tests that fail with the library itself here.
MIN_PASSED = 60
# The library's test requirements this template's virtualenv may lack (requirements.txt
# pins them; fetched into the cache when absent): mocked HTTP, and allauth's OAuth 1.0a
# client that its twitter provider needs.
TEST_REQUIREMENTS = {
    "responses": "responses==0.25.8",
    "oauthlib": "oauthlib==3.3.1",
    "requests_oauthlib": "requests-oauthlib==2.0.0",
}
CACHE = ROOT / "build" / f"dj-rest-auth-{VERSION}"

EVERYTHING_ON: Variant = variant(
    auth_mode="jwt", registration=True, social_providers="google_github", passkeys=True
)

# Library tests that fail here on purpose: test id -> the reason. Security is the only
# acceptable reason. The template README lists each under "Deliberate divergences".
CSRF_AT_LOGIN = (
    "a login that sets the JWT cookies rotates the CSRF token (a new csrftoken cookie), as "
    "Django does at a session login: a token planted before login stops working"
)
DIVERGENCES: dict[str, str] = {
    "test_api.py::APIBasicTests::test_blacklisting": (
        "a malformed logout body is a 401 with a JSON detail, not a 500"
    ),
    "test_api.py::APIBasicTests::test_cookie_authentication": CSRF_AT_LOGIN,
    "test_api.py::APIBasicTests::test_custom_jwt_claims_cookie_w_authentication": CSRF_AT_LOGIN,
    "test_api.py::APIBasicTests::test_csrf_wo_login_csrf_enforcement": CSRF_AT_LOGIN,
    "test_api.py::APIBasicTests::test_csrf_w_login_csrf_enforcement": CSRF_AT_LOGIN,
    "test_api.py::APIBasicTests::test_csrf_w_login_csrf_enforcement_2": CSRF_AT_LOGIN,
    "test_social.py::TestSocialAuth::test_email_clash_with_existing_account": (
        "a social login with an address another account has does not say so (no account "
        "enumeration): 201 'Verification e-mail sent.' under mandatory verification"
    ),
    "test_social.py::TestSocialConnectAuth::test_social_connect": (
        "with SESSION_LOGIN off a sign-up opens no session (the library's allauth login "
        "does), so the session-only connect request that follows is anonymous"
    ),
}

# Library tests that fail with dj-rest-auth 7.2.0 itself in this environment (checked by
# running its own suite against the library here): not counted against rest_auth.
FAIL_WITH_THE_LIBRARY: dict[str, str] = {
    "test_serializers.py::TestSocialLoginSerializer::test_http_error": (
        "asks the real graph.facebook.com, which the test machines cannot reach"
    ),
    "test_serializers.py::TestPasswordChangeSerializer::test_custom_validation": (
        "reverses a URL under the library's ROOT_URLCONF 'urls', a module its sdist lacks"
    ),
}


# What the library's test setup needs added to run against this project, and why:
# rest_auth rate-limits its endpoints (default rates carried by the app) and counts in the
# cache, which outlives a test; the library's suite, written without limits, makes more
# requests from one client in a run than a limit allows in an hour. Each test starts
# with empty counters, so the limits stay on and every test sees them as a client would.
CONFTEST = """\
import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limit_counters():
    cache.clear()
"""


def fetch_sdist() -> Path:
    """The sdist, downloaded once with pip into build/ and checked against its hash."""
    sdist = CACHE / SDIST
    if not sdist.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-binary",
                ":all:",
                f"dj-rest-auth=={VERSION}",
                "-d",
                str(CACHE),
            ],
            check=True,
            capture_output=True,
        )
    digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
    assert digest == SDIST_SHA256, f"{sdist} is not the dj-rest-auth {VERSION} sdist"
    return sdist


def missing_requirements_path() -> Path | None:
    """A directory with the test requirements missing from this virtualenv, or None."""
    missing = [
        spec
        for module, spec in TEST_REQUIREMENTS.items()
        if importlib.util.find_spec(module) is None
    ]
    if not missing:
        return None
    target = CACHE / "site-packages"
    if not all((target / module).exists() for module in TEST_REQUIREMENTS):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--no-deps",
                "--target",
                str(target),
                *TEST_REQUIREMENTS.values(),
            ],
            check=True,
            capture_output=True,
        )
    return target


def rewrite(text: str) -> str:
    # Dotted paths into the library's own tests package name it as it is imported here,
    # ``tests`` (``rest_auth.tests`` is the generated project's own test package).
    text = text.replace("dj_rest_auth.tests.", "tests.").replace("dj_rest_auth", "rest_auth")
    # The one step more than the prefix (README, "Moving from dj-rest-auth"): social login
    # is an app of its own here, installed beside registration.
    return text.replace(
        "'rest_auth.registration',",
        "'rest_auth.registration',\n    'rest_auth.registration.social',",
    )


def install_jwt_app(settings: str) -> str:
    # JWT support is an app of its own here (rest_auth.jwt): the one line a project moving
    # off the library adds to INSTALLED_APPS when it uses JWTs (see the README).
    assert "    'rest_auth',\n" in settings
    return settings.replace("    'rest_auth',\n", "    'rest_auth',\n    'rest_auth.jwt',\n", 1)


def library_tests(sdist: Path, workdir: Path) -> Path:
    """The library's ``tests`` package, rewritten, in ``workdir``: importable as ``tests``
    (the library's settings and test modules name it so, e.g. ROOT_URLCONF 'tests.urls')."""
    tests = workdir / "tests"
    tests.mkdir(parents=True)
    prefix = f"dj_rest_auth-{VERSION}/dj_rest_auth/tests/"
    with tarfile.open(sdist) as archive:
        for member in archive.getmembers():
            name = member.name
            if member.isfile() and name.startswith(prefix) and name.endswith(".py"):
                text = archive.extractfile(member).read().decode()
                target = tests / name.removeprefix(prefix)
                text = rewrite(text)
                if target.name == "settings.py":
                    text = install_jwt_app(text)
                target.write_text(text)
    (workdir / "conftest.py").write_text(CONFTEST)
    (workdir / "pytest.ini").write_text("[pytest]\nDJANGO_SETTINGS_MODULE = tests.settings\n")
    return tests


def run_library_suite(project: Path, workdir: Path) -> dict[str, str]:
    """Run the rewritten suite in a subprocess; each test id -> passed/failed/skipped."""
    library_tests(fetch_sdist(), workdir)
    path = [str(workdir), str(project)]
    extra = missing_requirements_path()
    if extra is not None:
        path.append(str(extra))
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = os.pathsep.join(path)
    report = workdir / "junit.xml"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            f"--junitxml={report}",
            *(f"tests/{module}" for module in TEST_MODULES),
        ],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    return outcomes(report)


def outcomes(report: Path) -> dict[str, str]:
    results = {}
    for case in ET.parse(report).iter("testcase"):
        module, _, cls = case.get("classname").removeprefix("tests.").partition(".")
        test_id = f"{module}.py::{cls}::{case.get('name')}"
        kinds = {child.tag for child in case}
        if kinds & {"failure", "error"}:
            results[test_id] = "failed"
        elif "skipped" in kinds:
            results[test_id] = "skipped"
        else:
            results[test_id] = "passed"
    return results


def test_the_library_suite_passes_but_for_listed_divergences(baked, tmp_path_factory):
    # One test, so that pytest-xdist runs the library's suite once.
    results = run_library_suite(baked(EVERYTHING_ON), tmp_path_factory.mktemp("dj_rest_auth"))
    assert len(results) == TOTAL
    not_passed = {test for test, outcome in results.items() if outcome != "passed"}
    listed = {**DIVERGENCES, **FAIL_WITH_THE_LIBRARY}
    assert sorted(not_passed - listed.keys()) == []
    # A listed test that passes again is no longer a difference: take it off its list.
    assert sorted(test for test in listed if results.get(test) == "passed") == []
    assert len(results) - len(not_passed) >= MIN_PASSED


def test_the_readme_lists_every_divergence():
    readme = (ROOT / "README.md").read_text()
    section = readme.partition("### Deliberate divergences")[2].partition("\n## ")[0]
    test_names = re.findall(r"`(test_\w+)`", section)
    assert sorted(test_names) == sorted(test.rpartition("::")[2] for test in DIVERGENCES)
