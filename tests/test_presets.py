"""The presets in ``presets/``: cookiecutter config files for the common shapes of project.

A preset is read by cookiecutter itself, so a misspelt key is silently dropped and a wrong
value would only show at bake time. These tests read each one as cookiecutter does and check
that every answer is a prompt, passes the pre-generation hook, and reaches the baked project.
"""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
import yaml
from conftest import DEFAULT_ANSWERS, ROOT, bake
from cookiecutter.main import cookiecutter
from pre_gen_project import validate

PRESETS = sorted((ROOT / "presets").glob("*.yaml"))


def preset_answers(preset: Path) -> dict[str, object]:
    return yaml.safe_load(preset.read_text())["default_context"]


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ between two project trees, or exist in one only."""
    comparison = filecmp.dircmp(left, right, ignore=[".env"])
    found = [*comparison.left_only, *comparison.right_only, *comparison.diff_files]
    for name, sub in comparison.subdirs.items():
        found += [f"{name}/{path}" for path in differences(sub.left, sub.right)]
    return found


def test_there_are_presets():
    assert {preset.stem for preset in PRESETS} >= {"spa", "mobile", "token-api"}


@pytest.mark.parametrize("preset", PRESETS, ids=lambda path: path.stem)
def test_preset_answers_are_prompts_with_allowed_values(preset):
    answers = preset_answers(preset)
    assert answers.keys() <= DEFAULT_ANSWERS.keys()
    # The slug is rendered from the name at bake time; any valid one stands in for it here.
    assert validate({**DEFAULT_ANSWERS, "project_slug": "my_api", **answers}) == []


@pytest.mark.parametrize("preset", PRESETS, ids=lambda path: path.stem)
def test_preset_bakes_the_project_its_answers_describe(preset, tmp_path):
    """Baking with ``--config-file`` equals baking with the same answers on the command line."""
    from_preset = Path(
        cookiecutter(
            str(ROOT),
            no_input=True,
            config_file=str(preset),
            output_dir=str(tmp_path / "preset"),
        )
    )
    from_answers = bake(tmp_path / "answers", **preset_answers(preset))
    assert differences(from_preset, from_answers) == []
    # And the preset changed something: it did not silently bake the defaults.
    assert differences(from_preset, bake(tmp_path / "defaults")) != []
