"""Golden bad-input cases: every folder in tests/cases is one case.

A case holds content files (laid over a small valid project) and `expected.txt`,
the exact lines `peerhub validate` must print. The same lines must stop
`mkdocs build --strict` without a traceback and without touching an existing site/.
Adding a case is adding a folder.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from peerhub.cli import main

from conftest import (
    failed_build_keeps_site,
    make_project,
    mkdocs_build,
    soup,
    unsafe_parts,
)

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir())


def case_project(case: Path, tmp_path: Path) -> Path:
    root = make_project(tmp_path / "hub")
    for source in case.rglob("*"):
        if source.is_file() and source.name != "expected.txt":
            target = root / source.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return root


def expected_lines(case: Path) -> list[str]:
    return (case / "expected.txt").read_text(encoding="utf-8").splitlines()


#: Messages suggest a fresh random anonymous_id; expected files say <random id>.
_RANDOM_ID = re.compile(r"(anonymous_id: |such as ')[a-z2-9]{12}\b")


def normalized(output: str) -> str:
    return _RANDOM_ID.sub(r"\1<random id>", output)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_validate_prints_exact_messages(
    case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], update_goldens: bool
) -> None:
    root = case_project(case, tmp_path)
    code = main(["validate", "--root", str(root)])
    out = normalized(capsys.readouterr().out).splitlines()
    if update_goldens:
        (case / "expected.txt").write_text("".join(f"{line}\n" for line in out), "utf-8")
    assert out == expected_lines(case)
    has_error = any(": error: " in line for line in expected_lines(case))
    assert code == (1 if has_error else 0)


ERROR_CASES = [c for c in CASES if any(": error: " in x for x in expected_lines(c))]


@pytest.mark.parametrize("case", ERROR_CASES, ids=[c.name for c in ERROR_CASES])
def test_mkdocs_build_stops_with_same_messages_and_keeps_site(case: Path, tmp_path: Path) -> None:
    output = normalized(failed_build_keeps_site(case_project(case, tmp_path)))
    for line in expected_lines(case):
        assert line in output


ACCEPTED_CASES = [c for c in CASES if not expected_lines(c)]


@pytest.mark.parametrize("case", ACCEPTED_CASES, ids=[c.name for c in ACCEPTED_CASES])
def test_accepted_input_builds_into_safe_pages(case: Path, tmp_path: Path) -> None:
    root = case_project(case, tmp_path)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = [root / "site" / "groups" / p.stem / "index.html" for p in case.rglob("groups/*.yml")]
    assert pages
    for page in pages:
        article = soup(page).select_one("article.ph-group")
        assert article is not None
        assert unsafe_parts(article) == []
