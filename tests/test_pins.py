"""The template's pins: one line per requirement, and the generated pre-commit on the same ruff."""

from __future__ import annotations

import re
from collections import Counter

import yaml
from conftest import ROOT

PROJECT = ROOT / "{{cookiecutter.project_slug}}"


def pinned_requirements() -> dict[str, str]:
    """Map each requirement's normalized name to its pinned version, refusing duplicates."""
    lines = [
        line.split("#")[0].strip() for line in (ROOT / "requirements.txt").read_text().splitlines()
    ]
    pin = re.compile(r"([A-Za-z0-9._-]+)(?:\[[^\]]*\])?==(\S+)")
    pins = [pin.fullmatch(line) for line in lines if line]
    assert all(pins), "every requirement is pinned with =="
    names = [re.sub(r"[-_.]+", "-", match[1]).lower() for match in pins]
    duplicates = [name for name, count in Counter(names).items() if count > 1]
    assert duplicates == [], f"requirements.txt names these more than once: {duplicates}"
    return {name: match[2] for name, match in zip(names, pins, strict=True)}


def test_requirements_name_each_package_once():
    assert "ruff" in pinned_requirements()


def test_pre_commit_runs_the_ruff_the_template_lints_with():
    config = yaml.safe_load((PROJECT / ".pre-commit-config.yaml").read_text())
    [ruff] = [repo for repo in config["repos"] if repo["repo"].endswith("/ruff-pre-commit")]
    assert ruff["rev"] == "v" + pinned_requirements()["ruff"]
