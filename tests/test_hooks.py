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
    "database": DEFAULTS["database"][0],
}


def test_the_defaults_are_valid():
    assert pre_gen_project.validate(GOOD) == []


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
        ("auth_mode", "oauth", "must be one of: token, session"),
        ("database", "mysql", "must be one of: sqlite, postgresql"),
    ],
)
def test_bad_answer_names_prompt_value_and_what_is_allowed(prompt, value, allowed):
    [message] = pre_gen_project.validate({**GOOD, prompt: value})
    assert message.startswith(f"{prompt}: {value!r} ")
    assert allowed in message


@pytest.mark.parametrize("domain", ["example.com", "api.example.co.uk", "localhost", "xn--bcher-kva.example"])
def test_good_domains(domain):
    assert pre_gen_project.validate({**GOOD, "domain_name": domain}) == []


@pytest.mark.parametrize("value", ["no", "yes", "", None, 1])
def test_yes_no_prompts_must_be_booleans(value):
    # Cookiecutter converts yes/no answers to booleans before the hook sees them; anything
    # else reaching the hook (a config file with passkeys: "maybe") is refused.
    [message] = pre_gen_project.validate({**GOOD, "passkeys": value})
    assert message == f"passkeys: {value!r} must be yes or no"


def test_yes_no_prompts_are_json_booleans_defaulting_to_yes():
    for name in pre_gen_project.BOOLEANS:
        assert PROMPTS[name] is True, name


def test_passkeys_no_on_the_command_line_prunes_them(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "cookiecutter", "--no-input", str(ROOT), "-o", str(tmp_path),
         "passkeys=no"],
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
        [sys.executable, "-m", "cookiecutter", "--no-input", str(ROOT), "-o", str(tmp_path),
         "project_slug=my-api"],
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
        [sys.executable, "-m", "cookiecutter", "--replay", "--no-input", str(ROOT), "-o", str(tmp_path)],
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

TOKEN_ONLY = ["rest_auth/tests/test_token_auth.py"]
PASSKEYS = ["rest_auth/passkeys", "rest_auth/tests/passkeys"]


@pytest.mark.parametrize(
    ("answers", "removed"),
    [
        ({"auth_mode": "token", "database": "sqlite", "passkeys": True}, []),
        ({"auth_mode": "token", "database": "postgresql", "passkeys": True}, []),
        ({"auth_mode": "session", "database": "sqlite", "passkeys": True}, TOKEN_ONLY),
        ({"auth_mode": "session", "database": "postgresql", "passkeys": True}, TOKEN_ONLY),
        ({"auth_mode": "token", "database": "sqlite", "passkeys": False}, PASSKEYS),
        ({"auth_mode": "session", "database": "sqlite", "passkeys": False}, TOKEN_ONLY + PASSKEYS),
    ],
)
def test_pruning_plan(answers, removed):
    assert post_gen_project.plan(answers) == removed


def test_every_planned_path_exists_in_the_template():
    template = ROOT / "{{cookiecutter.project_slug}}"
    for auth_mode in PROMPTS["auth_mode"]:
        for passkeys in (True, False):
            answers = {**GOOD, "auth_mode": auth_mode, "passkeys": passkeys}
            for relative in post_gen_project.plan(answers):
                assert (template / relative).exists(), relative


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
        line for path in (first, second) for line in (path / ".env").read_text().splitlines()
        if line.startswith("SECRET_KEY=")
    ]
    assert len(secrets) == 2 and secrets[0] != secrets[1]
    assert all(len(line) > len("SECRET_KEY=") + 50 for line in secrets)


def test_every_prompt_has_a_human_text():
    assert set(PROMPTS["__prompts__"]) == set(DEFAULTS)


def test_hook_choices_are_the_prompt_choices():
    for name, choices in pre_gen_project.CHOICES.items():
        assert list(choices) == PROMPTS[name], name
