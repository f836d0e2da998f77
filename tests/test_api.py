"""Each module declares its public names in `__all__`, and nothing reaches past them.

A name outside `__all__` is the module's own business and may change without
notice; these tests fail when another module, a hook, a script or a test imports one.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "src" / "peerhub"
MODULES = sorted(
    ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
    for p in PACKAGE.rglob("*.py")
    if p.name != "__init__.py"
)
READERS = sorted(
    p
    for folder in ("src", "hooks", "tests", "benchmarks", "scripts")
    for p in (REPO / folder).rglob("*.py")
)


def _is_submodule(package: str, name: str) -> bool:
    folder = PACKAGE.joinpath(*package.split(".")) if package != "peerhub" else PACKAGE
    return (folder / f"{name}.py").is_file() or (folder / name / "__init__.py").is_file()


def imports_from_the_package(path: Path) -> list[tuple[str, str, int]]:
    """(module, name, line) for every `from peerhub.x import name` that names an object,
    not a submodule (`from peerhub.decisions import privacy`).
    """
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or node.module is None:
            continue
        if node.module.startswith("peerhub."):
            module = node.module.removeprefix("peerhub.")
        else:
            continue
        found += [
            (module, alias.name, node.lineno)
            for alias in node.names
            if alias.name != "*" and not _is_submodule(module, alias.name)
        ]
    return found


@pytest.mark.parametrize("name", MODULES)
def test_every_module_declares_its_public_names(name: str) -> None:
    module = importlib.import_module(f"peerhub.{name}")
    declared = getattr(module, "__all__", None)
    assert declared, f"peerhub.{name} has no __all__"
    assert len(set(declared)) == len(declared)
    assert [n for n in declared if not hasattr(module, n)] == []


@pytest.mark.parametrize("path", READERS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_imports_use_only_public_names(path: Path) -> None:
    outside = [
        f"{path.relative_to(REPO)}:{line}: {name} is not in peerhub.{module}.__all__"
        for module, name, line in imports_from_the_package(path)
        if name not in importlib.import_module(f"peerhub.{module}").__all__
    ]
    assert outside == []
