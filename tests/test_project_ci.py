"""The generated repository's own CI workflow and pre-commit configuration."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import VARIANTS, project_env

# One variant per database: the workflow differs only there.
CI_VARIANTS = [
    next(variant for variant in VARIANTS if variant.context["database"] == database)
    for database in ("sqlite", "postgresql")
]
# Steps covered elsewhere: installing (this virtualenv has everything) and the suite
# itself (test_variants.py runs it), so here they are only checked for their command.
COVERED = {"Install": 'python -m pip install -e ".[dev]"', "Tests": "pytest"}


def workflow(project: Path) -> dict:
    return yaml.safe_load((project / ".github" / "workflows" / "ci.yml").read_text())


@pytest.mark.parametrize("variant", CI_VARIANTS, ids=str)
def test_workflow_steps_run_in_the_project(baked, variant):
    project = baked(variant)
    job = workflow(project)["jobs"]["test"]
    assert ("services" in job) == (variant.context["database"] == "postgresql")
    venv_bin = str(Path(sys.executable).parent)
    env = project_env(variant, **{**job["env"], "PATH": venv_bin + os.pathsep + os.environ["PATH"]})
    if variant.context["database"] == "postgresql":
        env["DATABASE_URL"] = project_env(variant)["DATABASE_URL"]
    steps = {step["name"]: step["run"] for step in job["steps"] if "run" in step}
    for name, command in steps.items():
        if name in COVERED:
            assert command == COVERED[name]
            continue
        result = subprocess.run(
            command, shell=True, cwd=project, env=env, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, f"{name}: {command}\n{result.stdout}{result.stderr}"


def test_pre_commit_configuration_parses(baked):
    config = yaml.safe_load((baked(VARIANTS[0]) / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff", "ruff-format"} <= hooks
    assert all(repo["rev"].startswith("v") for repo in config["repos"])
