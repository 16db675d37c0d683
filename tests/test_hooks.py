"""The hooks: bad answers stop the bake before anything is written; pruning follows a plan."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import post_gen_project
import pre_gen_project
import pytest
from conftest import PROMPTS, ROOT, bake
from cookiecutter.exceptions import FailedHookException

DEFAULTS = {key: value for key, value in PROMPTS.items() if not key.startswith("_")}
GOOD = {
    **DEFAULTS,
    "project_slug": "my_api",
    "auth_mode": DEFAULTS["auth_mode"][0],
    "email_verification": DEFAULTS["email_verification"][0],
    "login_method": DEFAULTS["login_method"][0],
    "social_providers": DEFAULTS["social_providers"][0],
    "database": DEFAULTS["database"][0],
}


def test_the_defaults_are_valid():
    assert pre_gen_project.validate(GOOD) == []


def test_the_default_sign_up_does_not_reveal_taken_addresses():
    # Only mandatory verification answers a sign-up with a taken address like a fresh one
    # (the owner is emailed instead); optional and none answer "already registered".
    assert DEFAULTS["email_verification"][0] == "mandatory"


def test_yes_no_prompts_default_to_yes_as_json_booleans():
    assert DEFAULTS["registration"] is True


def test_every_choice_prompt_is_validated_with_the_same_list():
    for name, allowed in pre_gen_project.CHOICES.items():
        assert tuple(PROMPTS[name]) == allowed, name


@pytest.mark.parametrize(
    ("prompt", "value", "allowed"),
    [
        ("project_slug", "my-api", "must be a Python identifier"),
        ("project_slug", "1api", "must be a Python identifier"),
        ("project_slug", "class", "is a Python keyword"),
        ("project_slug", "MyApi", "must be lower case"),
        ("project_slug", "django", "would shadow a module"),
        ("project_slug", "rest_framework", "would shadow a module"),
        ("project_slug", "rest_auth", "would shadow a module"),
        ("project_slug", "config", "would shadow a module"),
        ("project_slug", "users", "would shadow a module"),
        ("project_slug", "test", "would shadow a module"),
        ("project_slug", "email", "would shadow a module"),  # standard library
        ("project_slug", "json", "would shadow a module"),
        ("domain_name", "https://example.com", "must be a host name"),
        ("domain_name", "example.com:8000", "must be a host name"),
        ("domain_name", "-bad.example.com", "must be a host name"),
        ("domain_name", "exa mple.com", "must be a host name"),
        ("domain_name", "", "must be a host name"),
        ("email", "not-an-address", "must be an email address"),
        ("email", "a@b", "must be an email address"),
        ("project_name", "  ", "must not be empty"),
        ("project_name", 'The "Best" API', "must not contain double quotes"),
        ("author_name", "Back\\slash", "must not contain double quotes, backslashes"),
        ("auth_mode", "oauth", "must be one of: token, jwt, session"),
        ("database", "mysql", "must be one of: sqlite, postgresql"),
        ("api_docs", "maybe", "must be yes or no"),
        ("demo_page", None, "must be yes or no"),
        ("email_verification", "always", "must be one of: mandatory, optional, none"),
        ("login_method", "phone", "must be one of: username_email, username, email"),
        ("social_providers", "facebook", "must be one of: none, google, github, google_github"),
        ("social_providers", "google,github", "must be one of: none, google, github"),
        ("registration", "maybe", "must be yes or no"),
        ("registration", None, "must be yes or no"),
        ("project_slug", "allauth", "would shadow a module"),
    ],
)
def test_bad_answer_names_prompt_value_and_what_is_allowed(prompt, value, allowed):
    [message] = pre_gen_project.validate({**GOOD, prompt: value})
    assert message.startswith(f"{prompt}: {value!r} ")
    assert allowed in message


@pytest.mark.parametrize("prompt", ["jwt_cookies", "jwt_blacklist"])
@pytest.mark.parametrize("value", ["maybe", "", None, 1])
def test_jwt_yes_no_prompts_must_be_booleans_in_jwt_mode(prompt, value):
    [message] = pre_gen_project.validate({**GOOD, "auth_mode": "jwt", prompt: value})
    assert message == f"{prompt}: {value!r} must be yes or no (true or false)"


@pytest.mark.parametrize("auth_mode", ["token", "session"])
def test_jwt_answers_are_ignored_in_other_modes(auth_mode):
    answers = {**GOOD, "auth_mode": auth_mode, "jwt_cookies": "maybe", "jwt_blacklist": None}
    assert pre_gen_project.validate(answers) == []


@pytest.mark.parametrize("cookies", [True, False])
@pytest.mark.parametrize("blacklist", [True, False])
def test_jwt_yes_no_answers_are_valid(cookies, blacklist):
    answers = {**GOOD, "auth_mode": "jwt", "jwt_cookies": cookies, "jwt_blacklist": blacklist}
    assert pre_gen_project.validate(answers) == []


def test_yes_no_on_the_command_line_becomes_a_boolean(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cookiecutter",
            "--no-input",
            str(ROOT),
            "-o",
            str(tmp_path),
            "auth_mode=jwt",
            "jwt_cookies=no",
            "jwt_blacklist=yes",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    settings = (tmp_path / "my_api" / "config" / "settings.py").read_text()
    assert '"JWT_AUTH_COOKIE"' not in settings
    assert '"rest_framework_simplejwt.token_blacklist"' in settings


def test_a_yes_no_answer_that_is_neither_stops_the_bake(tmp_path):
    # Cookiecutter itself refuses it, before any hook or file.
    with pytest.raises(ValueError, match="jwt_cookies"):
        bake(tmp_path, auth_mode="jwt", jwt_cookies="maybe")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "domain", ["example.com", "api.example.co.uk", "localhost", "xn--bcher-kva.example"]
)
def test_good_domains(domain):
    assert pre_gen_project.validate({**GOOD, "domain_name": domain}) == []


@pytest.mark.parametrize("value", ["no", "yes", "", None, 1])
def test_yes_no_prompts_must_be_booleans(value):
    # Cookiecutter converts yes/no answers to booleans before the hook sees them; anything
    # else reaching the hook (a config file with passkeys: "maybe") is refused.
    [message] = pre_gen_project.validate({**GOOD, "passkeys": value})
    assert message == f"passkeys: {value!r} must be yes or no (true or false)"


def test_yes_no_prompts_are_json_booleans_defaulting_to_yes():
    for name in pre_gen_project.BOOLEANS:
        assert PROMPTS[name] is True, name


def test_passkeys_no_on_the_command_line_prunes_them(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cookiecutter",
            "--no-input",
            str(ROOT),
            "-o",
            str(tmp_path),
            "passkeys=no",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    project = tmp_path / "my_api"
    assert not (project / "rest_auth" / "passkeys").exists()
    assert "webauthn" not in (project / "pyproject.toml").read_text()


def test_bad_answer_stops_the_bake_and_leaves_nothing(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cookiecutter",
            "--no-input",
            str(ROOT),
            "-o",
            str(tmp_path),
            "project_slug=my-api",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "project_slug: 'my-api' must be a Python identifier" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_bad_answer_through_the_python_api(tmp_path):
    with pytest.raises(FailedHookException):
        bake(tmp_path, email="nobody")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("answer", ["no", "false"])
def test_yes_no_answers_become_booleans(tmp_path, answer):
    project = bake(tmp_path, registration=answer)
    assert not (project / "rest_auth" / "registration").exists()


def test_a_yes_no_answer_that_is_neither_is_refused(tmp_path):
    with pytest.raises(ValueError, match="registration"):
        bake(tmp_path, registration="perhaps")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("registration", [False, True])
def test_registration_answers_are_validated_even_when_ignored(registration):
    # email_verification applies only with registration, but a typo is still a typo.
    [message] = pre_gen_project.validate(
        {**GOOD, "registration": registration, "email_verification": "mandetory"}
    )
    assert message.startswith("email_verification: 'mandetory' ")


def test_choice_outside_its_list_is_refused_before_any_hook(tmp_path):
    # Cookiecutter itself refuses an unknown choice passed as extra context.
    with pytest.raises(ValueError, match="auth_mode"):
        bake(tmp_path, auth_mode="oauth")
    assert list(tmp_path.iterdir()) == []


def test_yes_no_answer_that_is_neither_is_refused_before_any_hook(tmp_path):
    with pytest.raises(ValueError, match="passkeys"):
        bake(tmp_path, passkeys="maybe")
    assert list(tmp_path.iterdir()) == []


def test_typo_in_an_answer_is_refused_by_our_bake_helper(tmp_path):
    """Cookiecutter ignores unknown extra_context keys: a typo would bake the defaults."""
    with pytest.raises(KeyError, match="auth_mod"):
        bake(tmp_path, auth_mod="session")


def test_replay_cannot_be_combined_with_no_input(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cookiecutter",
            "--replay",
            "--no-input",
            str(ROOT),
            "-o",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert list(tmp_path.iterdir()) == []


def test_no_prompt_asks_for_a_secret():
    # Answers are saved in replay files: secrets come from the environment instead.
    # Whole words of the name: "passkeys" is a feature, "api_key" would be a secret.
    secretive = {"secret", "password", "token", "key", "keys"}
    assert not [name for name in DEFAULTS if secretive & set(name.split("_"))]


# --- post-generation: the pruning plan as a table --------------------------------------

TOKEN_ONLY = [
    "rest_auth/tokens",
    "rest_auth/tests/test_token_auth.py",
    "rest_auth/tests/standalone_token_tests.py",
]
API_DOCS = ["rest_auth/schema.py", "rest_auth/tests/test_schema.py"]
DEMO = ["demo"]
REGISTRATION = [
    "rest_auth/registration",
    "docs/registration.md",
    "demo/templates/demo/features/registration.js",
    "demo/tests/test_demo_registration_e2e.py",
    # Social login is part of registration: what it has outside the folder goes too.
    "rest_auth/social_serializers.py",
    "docs/social.md",
]
SOCIAL = ["rest_auth/registration/social", "rest_auth/social_serializers.py", "docs/social.md"]
GOOGLE_ONLY = post_gen_project.SOCIAL_PROVIDER_FILES["google"]
GITHUB_ONLY = post_gen_project.SOCIAL_PROVIDER_FILES["github"]
SOCIAL_SCHEMA = ["rest_auth/registration/social/schema.py"]
JWT_ONLY = list(post_gen_project.JWT_FILES)  # checked against the template's files below
# Without the demo page, its folder goes whole: nothing inside it is listed on its own.
JWT_OUTSIDE_DEMO = [path for path in JWT_ONLY if not path.startswith("demo/")]
WITH_BLACKLIST_ONLY = ["rest_auth/jwt/tests/test_jwt_blacklist.py"]
WITHOUT_BLACKLIST_ONLY = ["rest_auth/jwt/tests/test_jwt_without_blacklist.py"]
JWT = {"auth_mode": "jwt"}
PASSKEYS = [
    "rest_auth/passkeys",
    "demo/templates/demo/features/passkeys.js",
    "demo/tests/test_demo_passkeys_e2e.py",
]


@pytest.mark.parametrize(
    ("answers", "removed"),
    [
        ({"auth_mode": "token"}, JWT_ONLY),
        ({"auth_mode": "session"}, TOKEN_ONLY + JWT_ONLY),
        ({"auth_mode": "token", "database": "postgresql"}, JWT_ONLY),
        (
            {"auth_mode": "token", "api_docs": False},
            [
                *API_DOCS,
                "rest_auth/registration/schema.py",
                "rest_auth/passkeys/schema.py",
                *SOCIAL_SCHEMA,
                *JWT_ONLY,
            ],
        ),
        ({"auth_mode": "token", "demo_page": False}, DEMO + JWT_OUTSIDE_DEMO),
        ({"auth_mode": "token", "registration": False}, REGISTRATION + JWT_ONLY),
        (
            {"auth_mode": "session", "registration": False, "database": "postgresql"},
            TOKEN_ONLY + REGISTRATION + JWT_ONLY,
        ),
        (
            {"auth_mode": "session", "api_docs": False, "demo_page": False, "registration": False},
            [*TOKEN_ONLY, *API_DOCS, "rest_auth/passkeys/schema.py", *DEMO]
            + [path for path in REGISTRATION + JWT_ONLY if not path.startswith("demo/")],
        ),
        # email_verification and login_method change settings, never files.
        *(
            ({"auth_mode": "token", name: value}, JWT_ONLY)
            for name in ("email_verification", "login_method")
            for value in PROMPTS[name]
        ),
        # JWT answers do not matter in other modes
        ({"auth_mode": "token", "jwt_cookies": False, "jwt_blacklist": False}, JWT_ONLY),
        ({**JWT, "jwt_cookies": True, "jwt_blacklist": True}, TOKEN_ONLY + WITHOUT_BLACKLIST_ONLY),
        ({**JWT, "jwt_cookies": False, "jwt_blacklist": True}, TOKEN_ONLY + WITHOUT_BLACKLIST_ONLY),
        ({**JWT, "jwt_cookies": True, "jwt_blacklist": False}, TOKEN_ONLY + WITH_BLACKLIST_ONLY),
        ({**JWT, "jwt_cookies": False, "jwt_blacklist": False}, TOKEN_ONLY + WITH_BLACKLIST_ONLY),
        ({"auth_mode": "token", "passkeys": False}, PASSKEYS + JWT_ONLY),
        ({"auth_mode": "session", "passkeys": False}, TOKEN_ONLY + PASSKEYS + JWT_ONLY),
        ({**JWT, "passkeys": False}, TOKEN_ONLY + PASSKEYS + WITHOUT_BLACKLIST_ONLY),
        # social_providers: each provider's files, the shared ones unless none
        ({"auth_mode": "token", "social_providers": "none"}, JWT_ONLY + SOCIAL),
        ({"auth_mode": "token", "social_providers": "google"}, JWT_ONLY + GITHUB_ONLY),
        (
            {"auth_mode": "session", "social_providers": "github"},
            TOKEN_ONLY + JWT_ONLY + GOOGLE_ONLY,
        ),
        ({**JWT, "social_providers": "google_github"}, TOKEN_ONLY + WITHOUT_BLACKLIST_ONLY),
        (
            {"auth_mode": "token", "api_docs": False, "social_providers": "github"},
            [
                *API_DOCS,
                "rest_auth/registration/schema.py",
                "rest_auth/passkeys/schema.py",
                *SOCIAL_SCHEMA,
                *JWT_ONLY,
                *GOOGLE_ONLY,
            ],
        ),
        # Without registration the answer is ignored: everything social goes.
        (
            {"auth_mode": "token", "registration": False, "social_providers": "google"},
            REGISTRATION + JWT_ONLY,
        ),
    ],
)
def test_pruning_plan(answers, removed):
    # Every provider unless the row says otherwise: each row then lists what its own
    # answers remove.
    answers = {**GOOD, "social_providers": "google_github", **answers}
    assert sorted(post_gen_project.plan(answers)) == sorted(removed)


def test_social_answers_without_registration_are_ignored():
    answers = {**GOOD, "registration": False, "social_providers": "google"}
    assert pre_gen_project.validate(answers) == []
    assert post_gen_project.social_providers(answers) == set()


@pytest.mark.parametrize("social", PROMPTS["social_providers"])
def test_every_planned_social_path_exists_in_the_template(social):
    template = ROOT / "{{cookiecutter.project_slug}}"
    for relative in post_gen_project.plan({**GOOD, "social_providers": social, "api_docs": False}):
        assert (template / relative).exists(), relative


def test_every_social_file_of_the_template_is_pruned_without_social_login():
    template = ROOT / "{{cookiecutter.project_slug}}"
    social_files = {
        str(path.relative_to(template))
        for path in template.rglob("*")
        if path.is_file()
        and "social" in str(path.relative_to(template))
        and "__pycache__" not in path.parts
    }
    pruned = post_gen_project.plan({**GOOD, "social_providers": "none"})
    assert social_files
    assert {
        path
        for path in social_files
        if not any(path == removed or path.startswith(f"{removed}/") for removed in pruned)
    } == set()


def test_every_planned_path_exists_in_the_template():
    template = ROOT / "{{cookiecutter.project_slug}}"
    for auth_mode in PROMPTS["auth_mode"]:
        for blacklist in (True, False):
            everything_off = {
                **GOOD,
                "auth_mode": auth_mode,
                "jwt_blacklist": blacklist,
                "api_docs": False,
                "demo_page": False,
                "registration": False,
                "passkeys": False,
            }
            for relative in post_gen_project.plan(everything_off):
                assert (template / relative).exists(), relative


def test_every_jwt_file_of_the_template_is_pruned_in_other_modes():
    template = ROOT / "{{cookiecutter.project_slug}}"
    package = template / "rest_auth" / "jwt"
    jwt_files = {
        str(path.relative_to(template))
        for path in template.rglob("*")
        if path.is_file()
        and "jwt" in path.name
        and "__pycache__" not in path.parts
        and package not in path.parents
    }
    # The JWT app goes whole: its folder is one entry of the plan.
    assert jwt_files | {"rest_auth/jwt"} == set(post_gen_project.JWT_FILES)
    assert package.is_dir()


def test_a_folder_left_empty_by_pruning_goes_too(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "jwt.md").write_text("x")
    (tmp_path / "kept").mkdir()
    (tmp_path / "kept" / "file.py").write_text("")
    post_gen_project.remove_path(tmp_path, "docs/jwt.md")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kept"]


def test_a_wrong_path_in_the_plan_fails_loudly(tmp_path):
    with pytest.raises(FileNotFoundError):
        post_gen_project.remove_path(tmp_path, "no/such/file.py")


def test_env_file_gets_a_fresh_secret_each_time(tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    post_gen_project.write_env_file(first)
    post_gen_project.write_env_file(second)
    secrets = [
        line
        for path in (first, second)
        for line in (path / ".env").read_text().splitlines()
        if line.startswith("SECRET_KEY=")
    ]
    assert len(secrets) == 2 and secrets[0] != secrets[1]
    assert all(len(line) > len("SECRET_KEY=") + 50 for line in secrets)


def test_every_prompt_has_a_human_text():
    assert set(PROMPTS["__prompts__"]) == set(DEFAULTS)


def test_hook_choices_are_the_prompt_choices():
    for name, choices in pre_gen_project.CHOICES.items():
        assert list(choices) == PROMPTS[name], name
