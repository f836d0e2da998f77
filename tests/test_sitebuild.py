"""`peerhub build` / `make build`: a failed or killed build never loses the published site."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from peerhub import sitebuild
from peerhub.cli import main
from peerhub.sitebuild import LOCK_FILE, Folders, build_site, recover

from conftest import REPO, mkdocs_build, site_files

BROKEN_GUIDE = "# Broken\n\nSee [a missing page](nowhere.md).\n"


def seed_site(root: Path, folder: str = "site", version: str = "previous") -> dict[str, bytes]:
    site = root / folder
    site.mkdir()
    (site / "index.html").write_text(f"<p>{version} site</p>")
    (site / "page.html").write_text(f"<p>{version} page</p>")
    return site_files(site)


def entries(root: Path) -> list[str]:
    """What a folder holds, but the project's lock file (which stays, empty)."""
    return sorted(p.name for p in root.iterdir() if p.name != LOCK_FILE)


def building(root: Path) -> list[Path]:
    """The folders builds are writing into."""
    return sorted(root.glob(".site-build*"))


def fake_builder(version: str, files: int = 3):
    """Writes a small complete site of one version, index.html last (as MkDocs does)."""

    def build(target: Path) -> int:
        target.mkdir(parents=True, exist_ok=True)
        for number in range(files):
            (target / f"file-{number}.html").write_text(version)
        (target / "page.html").write_text(f"<p>{version} page</p>")
        (target / "index.html").write_text(f"<p>{version} site</p>")
        return 0

    return build


def test_successful_build_replaces_site(project: Path) -> None:
    seed_site(project)
    assert main(["build", "--root", str(project)]) == 0
    assert "previous site" not in (project / "site" / "index.html").read_text()
    assert (project / "site" / "groups" / "example-circle").is_dir()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_failure_late_in_the_build_keeps_previous_site(project: Path) -> None:
    # A broken link is only reported after MkDocs has cleaned its output folder.
    (project / "docs" / "index.md").write_text(BROKEN_GUIDE)
    before = seed_site(project)
    assert main(["build", "--root", str(project)]) != 0
    assert site_files(project / "site") == before
    assert building(project) == []


def test_content_error_keeps_previous_site(project: Path) -> None:
    (project / "groups" / "broken.yml").write_text("name: [\n")
    before = seed_site(project)
    assert main(["build", "--root", str(project)]) == 1
    assert site_files(project / "site") == before


def test_crash_between_renames_then_failing_build_restores_the_site(project: Path) -> None:
    # The state a crash leaves between "site/ → .site-old/" and ".site-new/ → site/"
    # when the new build had not finished: only .site-old/ holds a site.
    before = seed_site(project, ".site-old")
    (project / ".site-build").mkdir()
    (project / ".site-build" / "half.html").write_text("half")
    (project / "docs" / "index.md").write_text(BROKEN_GUIDE)
    assert main(["build", "--root", str(project)]) != 0
    assert site_files(project / "site") == before
    assert not (project / ".site-old").exists()
    assert not (project / ".site-build").exists()


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        # (folders present, each holding a complete site of that version) → site/ after
        ({"site": "old"}, "old"),
        ({"site": "old", ".site-new": "new"}, "old"),  # crash before the swap began
        ({".site-old": "old", ".site-new": "new"}, "new"),  # between the two renames
        ({"site": "new", ".site-old": "old"}, "new"),  # before the old site was deleted
        ({".site-old": "old"}, "old"),
        ({".site-new": "new"}, "new"),  # the very first build, before its rename
    ],
)
def test_recover_restores_the_newest_complete_site(
    tmp_path: Path, state: dict[str, str], expected: str
) -> None:
    for folder, version in state.items():
        seed_site(tmp_path, folder, version)
    (tmp_path / ".site-build").mkdir()  # an unfinished build is always thrown away
    (tmp_path / ".site-build-12-0a0b0c0d").mkdir()  # so is one of a killed build
    recover(Folders.of(tmp_path))
    assert (tmp_path / "site" / "index.html").read_text() == f"<p>{expected} site</p>"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_recover_deletes_nothing_without_a_site(tmp_path: Path) -> None:
    (tmp_path / ".site-build").mkdir()
    (tmp_path / ".site-build" / "half.html").write_text("half")
    assert recover(Folders.of(tmp_path)) is None
    assert (tmp_path / ".site-build" / "half.html").is_file()


SWAP_STEPS = ["rename .site-build-*", "rename site", "rename .site-new", "delete .site-old"]


@pytest.mark.parametrize("step", range(len(SWAP_STEPS)), ids=SWAP_STEPS)
def test_a_crash_at_any_step_of_the_swap_loses_no_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: int
) -> None:
    seed_site(tmp_path, "site", "old")
    calls: list[str] = []
    real_rename, real_rmtree = Path.rename, sitebuild.shutil.rmtree
    built = fake_builder("new")
    armed: list[bool] = []

    def builder(target: Path) -> int:
        armed.append(True)  # steps are counted from here: recovery comes before
        return built(target)

    class Crash(Exception):
        pass

    def counted(kind: str, path: Path) -> None:
        if not armed or (kind == "delete" and path.name != ".site-old"):
            return  # clean-up of the build folder is not a step of the swap
        name = re.sub(r"^\.site-build-\d+-[0-9a-f]{8}$", ".site-build-*", path.name)
        calls.append(f"{kind} {name}")
        if len(calls) - 1 == step:
            raise Crash(calls[-1])

    def rename(self: Path, target: Path) -> Path:
        counted("rename", self)
        return real_rename(self, target)

    def rmtree(path: Path, *args: object, **kwargs: object) -> None:
        counted("delete", Path(path))
        real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(Path, "rename", rename)
    monkeypatch.setattr(sitebuild.shutil, "rmtree", rmtree)
    with pytest.raises(Crash):
        build_site(tmp_path, builder=builder)
    monkeypatch.undo()
    assert calls[-1] == SWAP_STEPS[step]
    # Whatever the crash left, the next build (here a failing one) finds a whole site.
    assert build_site(tmp_path, builder=lambda _target: 1) == 1
    text = (tmp_path / "site" / "index.html").read_text()
    assert text == ("<p>old site</p>" if step < 2 else "<p>new site</p>")
    assert entries(tmp_path) == ["site"]


KILL_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from peerhub.sitebuild import build_site

    def build(target):
        target.mkdir(parents=True, exist_ok=True)
        for number in range(300):
            (target / f"file-{number}.html").write_text(sys.argv[2])
        (target / "index.html").write_text(sys.argv[2])
        return 0

    sys.exit(build_site(Path(sys.argv[1]), builder=build))
    """
)


def whole_site_version(site: Path) -> str:
    """The version of a complete site; fails on a half-written or mixed one."""
    files = site_files(site)
    assert len(files) == 301, sorted(files)[:5]
    versions = set(files.values())
    assert len(versions) == 1, versions
    return versions.pop().decode()


def test_sigkill_at_random_moments_never_loses_the_site(tmp_path: Path) -> None:
    rng = random.Random(20261125)
    subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(tmp_path), "v0"], check=True)
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(tmp_path), "v1"], check=True)
    duration = time.monotonic() - started
    previous = "v1"
    for round_number in range(2, 27):
        version = f"v{round_number}"
        process = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(tmp_path), version])
        time.sleep(rng.uniform(0, duration * 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        recover(Folders.of(tmp_path))
        found = whole_site_version(tmp_path / "site")
        assert found in {previous, version}, (round_number, found)
        previous = found


def test_interrupted_build_keeps_previous_site(project: Path) -> None:
    before = seed_site(project)
    # Each page takes a moment to write, so the interruption lands while MkDocs is
    # writing however fast or loaded the machine is.
    slow = "import time\n\n\ndef on_post_page(output, **kwargs):\n    time.sleep(0.5)\n"
    (project / "hooks" / "slow_writes.py").write_text(slow + "    return output\n")
    config = (project / "mkdocs.yml").read_text()
    config = config.replace("hooks:\n", "hooks:\n  - hooks/slow_writes.py\n", 1)
    (project / "mkdocs.yml").write_text(config)
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "peerhub"), "build"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not building(project):  # wait until MkDocs is writing
        assert process.poll() is None
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)
    process.wait(timeout=60)
    assert process.returncode != 0
    assert site_files(project / "site") == before
    assert building(project) == []


def test_two_builds_are_byte_identical(project: Path, tmp_path: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1800000000"}
    first = mkdocs_build(project, str(tmp_path / "one"), **env)
    second = mkdocs_build(project, str(tmp_path / "two"), **env)
    assert first.returncode == second.returncode == 0
    one, two = site_files(tmp_path / "one"), site_files(tmp_path / "two")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_installs_are_pinned_by_hash() -> None:
    for lock in ("site.txt", "dev.txt"):
        text = (REPO / "requirements" / lock).read_text()
        pins = [line for line in text.splitlines() if re.match(r"^[a-z0-9][a-z0-9._-]*==", line)]
        assert len(pins) > 20
        for block in text.split("\n\n"):
            if "==" in block:
                assert "--hash=sha256:" in block
    makefile = (REPO / "Makefile").read_text()
    assert makefile.count("--require-hashes") >= 2
    for workflow in (REPO / ".github" / "workflows").glob("*.yml"):
        for line in workflow.read_text().splitlines():
            if "pip install" in line and "-r requirements" in line:
                assert "--require-hashes" in line, workflow.name


def test_what_a_build_says_and_returns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed_site(tmp_path, ".site-new", "waiting")  # a swap interrupted before its last rename
    assert build_site(tmp_path, builder=fake_builder("next")) == 0
    assert capsys.readouterr().err.splitlines() == [
        "restored site/ from .site-new/, left by an interrupted build",
        "built site/",
    ]
    assert (tmp_path / "site" / "index.html").read_text() == "<p>next site</p>"

    def writes_nothing(target: Path) -> int:
        target.mkdir(exist_ok=True)
        return 0

    before = site_files(tmp_path / "site")
    assert build_site(tmp_path, builder=writes_nothing) == 1  # success without a home page
    assert build_site(tmp_path, builder=lambda _target: 3) == 3
    assert capsys.readouterr().err.splitlines() == ["build failed; site/ was left as it was"] * 2
    assert site_files(tmp_path / "site") == before
    assert entries(tmp_path) == ["site"]


def test_a_first_build_needs_no_previous_site(tmp_path: Path) -> None:
    assert build_site(tmp_path, "public", builder=fake_builder("first")) == 0
    assert (tmp_path / "public" / "index.html").read_text() == "<p>first site</p>"
    assert entries(tmp_path) == ["public"]


def test_the_mkdocs_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """MkDocs' own command line, run in this process: it cannot outlive the build."""
    monkeypatch.delenv("NO_MKDOCS_2_WARNING", raising=False)
    calls = []

    def run_module(name: str, run_name: str) -> None:
        calls.append((name, run_name, sys.argv, os.environ.get("NO_MKDOCS_2_WARNING")))
        code = len(calls) - 1  # 0, then 1, then None, then "text"
        if code:
            raise SystemExit([None, 1, None, "Aborted!"][code])

    monkeypatch.setattr(sitebuild.runpy, "run_module", run_module)
    argv = sys.argv
    builder = sitebuild.mkdocs_builder(tmp_path, ("--quiet",))
    assert [builder(tmp_path / "out") for _ in range(4)] == [0, 1, 0, 1]
    assert sys.argv is argv
    assert calls[0] == (
        "mkdocs",
        "__main__",
        [
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(tmp_path / "mkdocs.yml"),
            "--site-dir",
            str(tmp_path / "out"),
            "--quiet",
        ],
        "1",
    )
