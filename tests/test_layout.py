"""No module of the package grows past 300 lines: a longer one holds more than one job.

Split such a module by what its parts do, named for what each holds; its docstring's
first sentence then goes into ARCHITECTURE.md's module table.
"""

from __future__ import annotations

import pytest

from conftest import REPO

PACKAGE = REPO / "src" / "peerhub"
MAX_LINES = 300
MODULES = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("module", MODULES)
def test_no_module_is_over_300_lines(module: str) -> None:
    length = len((PACKAGE / module).read_text(encoding="utf-8").splitlines())
    assert length <= MAX_LINES, f"src/peerhub/{module} has {length} lines (at most {MAX_LINES})"
