"""A baked project's dependency ranges tell the truth: it works with the lowest of each.

The template's other tests run every variant in one virtualenv pinned to recent releases
(requirements.txt), which says nothing about the floors of the ranges in a baked
``pyproject.toml``: a floor below a release that has what the code imports bakes a
project that installs and then fails at import. Here the variant with the most
dependencies is baked, the lowest release each of its ranges allows is installed, all of
them in one ``pip install`` (the resolver must accept them together, as it would for an
owner whose other packages hold them down), into a virtualenv of its own, and the
variant's own suite runs there.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import IN_CI, VARIANTS, bake, project_env, variant
from packaging.requirements import Requirement
from packaging.version import Version

# Every dependency a variant can have: JWT with its blacklist, registration with both
# social providers, passkeys, API docs, the demo page, PostgreSQL.
FLOOR_VARIANT = variant(auth_mode="jwt", social_providers="google_github", database="postgresql")


def requirements(project: Path) -> list[Requirement]:
    """The runtime and dev requirements of a baked project's pyproject.toml."""
    metadata = tomllib.loads((project / "pyproject.toml").read_text())["project"]
    listed = metadata["dependencies"] + metadata["optional-dependencies"]["dev"]
    return [Requirement(line) for line in listed]


def floor(requirement: Requirement) -> Version | None:
    """The lowest release a requirement allows: its ``>=`` bound (None without one)."""
    bounds = [Version(spec.version) for spec in requirement.specifier if spec.operator == ">="]
    return max(bounds, default=None)


def floor_pins(project: Path) -> list[str]:
    """``name[extras]==floor`` for each distribution (the highest floor where listed twice)."""
    lowest: dict[str, tuple[Requirement, Version]] = {}
    for requirement in requirements(project):
        version = floor(requirement)
        assert version is not None, f"{requirement} has no floor"
        assert requirement.specifier.contains(version), f"{requirement} excludes its floor"
        seen = lowest.get(requirement.name.lower())
        if seen is None or version > seen[1]:
            lowest[requirement.name.lower()] = (requirement, version)
    return [pin(requirement, version) for requirement, version in lowest.values()]


def pin(requirement: Requirement, version: Version) -> str:
    extras = f"[{','.join(sorted(requirement.extras))}]" if requirement.extras else ""
    return f"{requirement.name}{extras}=={version}"


def pip(python: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    command = [str(python), "-m", "pip", "--disable-pip-version-check", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def virtualenv(where: Path) -> Path:
    """A fresh virtualenv of this interpreter's Python; its python executable."""
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True, timeout=300)
    return where / "bin" / "python"


def require_package_index(python: Path) -> None:
    """Skip without the package index on a developer machine; under CI=true, fail."""
    if pip(python, "index", "versions", "pip", timeout=120).returncode == 0:
        return
    message = "the package index is not reachable: pip cannot install the floors"
    if IN_CI:
        pytest.fail(message + " (CI=true: this test may not skip)")
    pytest.skip(message)


@pytest.mark.parametrize("chosen", VARIANTS, ids=str)
def test_every_range_has_a_floor_it_allows(baked, chosen):
    assert floor_pins(baked(chosen))


def test_a_floor_is_the_lower_bound_with_its_extras():
    assert floor(Requirement("redis")) is None
    assert floor(Requirement("django-allauth>=65.20,<66")) == Version("65.20")
    requirement = Requirement("PyJWT[crypto]>=2.8")
    assert pin(requirement, floor(requirement)) == "PyJWT[crypto]==2.8"


def test_the_suite_passes_on_the_lowest_allowed_releases(baked, tmp_path_factory):
    project = baked(FLOOR_VARIANT)
    python = virtualenv(tmp_path_factory.mktemp("floors") / "venv")
    require_package_index(python)
    pins = floor_pins(project)
    # Prefer wheels (some old floors would build from source); django-allauth ships none.
    installed = pip(python, "install", "--prefer-binary", *pins)
    assert installed.returncode == 0, "\n".join(pins) + installed.stdout[-3000:] + installed.stderr
    assert_own_suite_passes(python, project)
    assert_lint_is_clean(python, project)


def test_a_fresh_install_takes_the_newest_allowed_releases_and_works(tmp_path_factory):
    # A bake of its own: installing writes build files into the project.
    project = bake(tmp_path_factory.mktemp("newest"), **FLOOR_VARIANT.context)
    python = virtualenv(tmp_path_factory.mktemp("newest-venv") / "venv")
    require_package_index(python)
    templates = {
        path.relative_to(project)
        for path in project.rglob("*")
        if "templates" in path.relative_to(project).parts and path.is_file()
    }
    installed = pip(python, "install", f"{project}[dev]")
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr
    assert pip(python, "check").returncode == 0
    # The wheel carries every package's templates (package data), not only its modules.
    where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    found = subprocess.run(
        [str(python), "-c", where], cwd="/", capture_output=True, text=True, check=True
    )
    site_packages = Path(found.stdout.strip())
    assert templates
    assert {path for path in templates if not (site_packages / path).is_file()} == set()
    assert_own_suite_passes(python, project)
    assert_lint_is_clean(python, project)


def assert_lint_is_clean(python: Path, project: Path) -> None:
    """The project's CI lints with the ruff it installed: its rules must hold there too."""
    for command in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [str(python), "-m", "ruff", *command],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def assert_own_suite_passes(python: Path, project: Path) -> None:
    """Run the baked project's own suite with ``python``; it passes, nothing skipped."""
    # Every warning is an error, but for pytest's own: at the lowest releases on PostgreSQL,
    # one database session is still open when pytest-django drops the test database (all
    # tests pass; not yet traced to a package, see the closing note of the session that
    # added this), and pytest-django reports that as a PytestWarning.
    command = [
        *[str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        *["-W", "error", "-W", "default::pytest.PytestWarning"],
    ]
    result = subprocess.run(
        command,
        cwd=project,
        env=project_env(FLOOR_VARIANT),
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-3000:]
    # The browser tests run too: playwright is a dev dependency, Chromium the system's.
    assert " passed" in summary and "skipped" not in summary, summary
