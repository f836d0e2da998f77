"""Golden bad-input cases: every folder in tests/cases is one case.

A case holds content files (laid over a small valid project) and `expected.txt`,
the exact lines `peerhub validate` must print. The same lines must stop
`mkdocs build --strict` without a traceback and without touching an existing site/.
Adding a case is adding a folder.

Every case runs MkDocs' command line in the test's own process (`mkdocs_build_here`):
a new Python for each of some sixty builds cost most of the suite's time. A few
representative cases also run the real command in a process of its own, and must
print what the in-process run printed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from peerhub.commands.cli import main

from conftest import (
    failed_build_keeps_site,
    make_project,
    mkdocs_build,
    mkdocs_build_here,
    site_files,
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
    case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = case_project(case, tmp_path)
    code = main(["validate", "--root", str(root)])
    out = normalized(capsys.readouterr().out).splitlines()
    assert out == expected_lines(case)
    has_error = any(": error: " in line for line in expected_lines(case))
    assert code == (1 if has_error else 0)


ERROR_CASES = [c for c in CASES if any(": error: " in x for x in expected_lines(c))]


@pytest.mark.parametrize("case", ERROR_CASES, ids=[c.name for c in ERROR_CASES])
def test_mkdocs_build_stops_with_same_messages_and_keeps_site(case: Path, tmp_path: Path) -> None:
    root = case_project(case, tmp_path)
    output = normalized(failed_build_keeps_site(root, mkdocs_build_here))
    for line in expected_lines(case):
        assert line in output


ACCEPTED_CASES = [c for c in CASES if not expected_lines(c)]


def accepted_input_builds_into_safe_pages(case: Path, root: Path) -> None:
    pages = [root / "site" / "groups" / p.stem / "index.html" for p in case.rglob("groups/*.yml")]
    assert pages
    for page in pages:
        article = soup(page).select_one("div.ph-group")
        assert article is not None
        assert unsafe_parts(article) == []


@pytest.mark.parametrize("case", ACCEPTED_CASES, ids=[c.name for c in ACCEPTED_CASES])
def test_accepted_input_builds_into_safe_pages(case: Path, tmp_path: Path) -> None:
    root = case_project(case, tmp_path)
    result = mkdocs_build_here(root)
    assert result.returncode == 0, result.stdout + result.stderr
    accepted_input_builds_into_safe_pages(case, root)


#: Cases run both ways: errors in groups, in formats and in files (YAML itself), and an
#: accepted hostile group; each prints the same in a process of its own as in this one.
BOTH_WAYS = ["missing-field", "format-every-message", "duplicate-key", "hostile-text-accepted"]


def without_timings(output: str, root: Path) -> list[str]:
    """What a build printed, less the seconds it took, the project's folder and the
    staging folder's name."""
    output = output.replace(str(root), "<project>")
    output = re.sub(r"in \d+\.\d+ seconds", "in N seconds", output)
    return re.sub(r"\.site-build-\d+-[0-9a-f]+", ".site-build-N", output).splitlines()


@pytest.mark.parametrize("name", BOTH_WAYS)
def test_the_real_command_prints_what_the_in_process_run_prints(name: str, tmp_path: Path) -> None:
    case = Path(__file__).parent / "cases" / name
    roots = [case_project(case, tmp_path / way) for way in ("process", "here")]
    if expected_lines(case):
        real, here = (
            failed_build_keeps_site(roots[0], mkdocs_build),
            failed_build_keeps_site(roots[1], mkdocs_build_here),
        )
        for line in expected_lines(case):
            assert line in normalized(real)
    else:
        epoch = {"SOURCE_DATE_EPOCH": "1800000000"}  # the same dates in both sites
        done = [mkdocs_build(roots[0], **epoch), mkdocs_build_here(roots[1], **epoch)]
        assert [r.returncode for r in done] == [0, 0], done[0].stderr + done[1].stderr
        accepted_input_builds_into_safe_pages(case, roots[0])
        real, here = (r.stdout + r.stderr for r in done)
        assert site_files(roots[0] / "site") == site_files(roots[1] / "site")
    assert without_timings(normalized(real), roots[0]) == without_timings(
        normalized(here), roots[1]
    )
