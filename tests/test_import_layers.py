"""The pipeline's direction is enforced: import-linter, as `make lint` runs it, fails on
an import against the stages' order or a cycle, and passes the package as it is."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` over the package copied to `root`, with the project's contracts."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root / "src")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "src", tmp_path / "src", ignore=shutil.ignore_patterns("*.egg-info"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_package_keeps_both_contracts(package_copy: Path) -> None:
    result = lint_imports(package_copy)
    assert result.returncode == 0, result.stdout
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        # Deciding must not know how pages are written.
        ("decisions/joining.py", "from peerhub.render import urls", "stages"),
        # Reading content must not reach the site built from it.
        ("content/rules.py", "from peerhub.site import Site", "stages"),
        # Two modules of one package importing each other.
        ("render/urls.py", "from peerhub.render import cards", "cycle"),
    ],
)
def test_a_wrong_way_import_fails(package_copy: Path, module: str, line: str, broken: str) -> None:
    path = package_copy / "src" / "peerhub" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = lint_imports(package_copy)
    assert result.returncode != 0
    contract = {
        "stages": "The stages import only the stages below them",
        "cycle": "No import cycle between the modules of a package",
    }[broken]
    assert f"{contract} BROKEN" in result.stdout
