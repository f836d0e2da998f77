"""`peerhub build` / `make build`: a failed or killed build never loses the published site."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from mkdocs.structure.files import File

from peerhub.adapter import sitebuild
from peerhub.adapter.sitebuild import build_site, disk_full
from peerhub.adapter.sitefolders import LOCK_FILE, Folders, recover
from peerhub.adapter.withdrawal import live_addresses, published_now, withdrawn
from peerhub.commands.cli import main

from conftest import REPO, VALID_GROUP, make_project, mkdocs_build, site_files

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
        ({".site-withdrawn": "withdrawn", ".site-old": "old"}, "old"),  # never put back
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
    seed_site(tmp_path, ".site-withdrawn")  # but a withdrawn site, which is never restored
    assert recover(Folders.of(tmp_path)) is None
    assert entries(tmp_path) == [".site-build"]
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
    from peerhub.adapter.sitebuild import build_site

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


#: Runs the command given after it with SIGINT's default action, which a process that
#: ignores SIGINT would otherwise pass on to it (a shell's background job ignores it:
#: a suite started with `&` made the build ignore Ctrl-C and run to the end).
AS_FROM_A_TERMINAL = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.argv[1], sys.argv[1:])"
)


def test_interrupted_build_keeps_previous_site(project: Path) -> None:
    before = seed_site(project)
    # Each page takes a moment to write, so the interruption lands while MkDocs is
    # writing however fast or loaded the machine is.
    slow = "import time\n\n\ndef on_post_page(output, **kwargs):\n    time.sleep(0.5)\n"
    (project / "hooks" / "slow_writes.py").write_text(slow + "    return output\n")
    config = (project / "mkdocs.yml").read_text()
    config = config.replace("hooks:\n", "hooks:\n  - hooks/slow_writes.py\n", 1)
    (project / "mkdocs.yml").write_text(config)
    # As from a terminal, whatever the test runner's process ignores: Ctrl-C's signal
    # does what it does by default (Python turns it into KeyboardInterrupt).
    peerhub = str(Path(sys.executable).parent / "peerhub")
    process = subprocess.Popen(
        [sys.executable, "-c", AS_FROM_A_TERMINAL, peerhub, "build"],
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


# Builds safe however they are run: two at once, killed, odd site/ states, MkDocs itself.

BIN = Path(sys.executable).parent


def peerhub_build(root: Path, stderr: int = subprocess.PIPE) -> subprocess.Popen[str]:
    """`peerhub build` of `root` in its own session (so that a test can find and end
    every process it started), saying what it says on stderr."""
    return subprocess.Popen(
        [str(BIN / "peerhub"), "build"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        text=True,
        start_new_session=True,
    )


def session_processes(session: int) -> list[str]:
    """The command lines of the live processes of a session."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError):
            continue  # ended while we looked
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(command)
    return found


def test_two_builds_at_once_publish_a_whole_site(project: Path) -> None:
    first, second = peerhub_build(project), peerhub_build(project)
    said = [process.communicate(timeout=300)[1] for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], said
    assert all(text.splitlines()[-1] == "built site/" for text in said)
    together = sorted(site_files(project / "site"))
    assert main(["build", "--root", str(project)]) == 0
    assert together == sorted(site_files(project / "site"))  # all one build writes
    for name in ("api/groups.json", "api/formats.json", "assets/hub.css", "assets/hub.js"):
        assert name in together
    assert building(project) == []


def test_one_build_at_a_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_site(tmp_path)
    lock = os.open(tmp_path / LOCK_FILE, os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)  # as another build holds it
    monkeypatch.setattr(sitebuild.time, "sleep", lambda _seconds: None)
    clock = iter(range(100))
    monkeypatch.setattr(sitebuild.time, "monotonic", lambda: next(clock))
    assert build_site(tmp_path, builder=fake_builder("next"), wait=3) == 1
    assert capsys.readouterr().err.splitlines() == [
        "waiting for another build of this project to finish",
        "error: another build of this project is still running (it holds "
        ".peerhub-build.lock); wait for it to finish and build again",
    ]
    assert entries(tmp_path) == ["site"]  # nothing touched, nothing left open
    assert (tmp_path / "site" / "index.html").read_text() == "<p>previous site</p>"
    os.close(lock)  # the other build ends: the next one runs at once
    assert build_site(tmp_path, builder=fake_builder("next"), wait=0) == 0
    assert capsys.readouterr().err.splitlines() == ["built site/"]
    assert (tmp_path / "site" / "index.html").read_text() == "<p>next site</p>"


def test_a_waiting_build_runs_when_the_other_ends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lock = os.open(tmp_path / LOCK_FILE, os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)
    threading.Timer(0.5, os.close, [lock]).start()
    assert build_site(tmp_path, builder=fake_builder("next"), wait=60) == 0
    assert capsys.readouterr().err.splitlines() == [
        "waiting for another build of this project to finish",
        "built site/",
    ]


def test_each_build_writes_into_a_folder_of_its_own(tmp_path: Path) -> None:
    targets: list[Path] = []

    def build(target: Path) -> int:
        targets.append(target)
        assert list(target.iterdir()) == []  # made for this build, empty
        return fake_builder("v")(target)

    for _ in range(2):
        assert build_site(tmp_path, builder=build) == 0
    assert len(set(targets)) == 2
    for target in targets:
        assert target.parent == tmp_path.resolve()
        assert re.fullmatch(rf"\.site-build-{os.getpid()}-[0-9a-f]{{8}}", target.name)


def test_a_killed_build_leaves_no_mkdocs_running(project: Path) -> None:
    seed_site(project)
    slow = "import time\n\n\ndef on_post_page(output, **kwargs):\n    time.sleep(0.5)\n"
    (project / "hooks" / "slow_writes.py").write_text(slow + "    return output\n")
    config = (project / "mkdocs.yml").read_text()
    slowed = config.replace("hooks:\n", "hooks:\n  - hooks/slow_writes.py\n", 1)
    (project / "mkdocs.yml").write_text(slowed)
    # No pipe: a process left behind would hold it open, and reading it would wait for it.
    process = peerhub_build(project, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not building(project) or not session_processes(process.pid):
            assert process.poll() is None
            assert time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(1)  # MkDocs is writing pages now
        process.kill()
        process.wait(timeout=60)
        time.sleep(0.5)
        assert session_processes(process.pid) == []
    finally:
        for _ in session_processes(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
            break
    (project / "mkdocs.yml").write_text(config)
    assert main(["build", "--root", str(project)]) == 0
    assert (project / "groups" / "example-circle.yml").is_file()
    assert (project / "site" / "groups" / "example-circle" / "index.html").is_file()
    assert "previous site" not in (project / "site" / "index.html").read_text()
    assert building(project) == []


def test_recovery_comes_before_validation(project: Path) -> None:
    # A crash between the swap's two renames, then content that does not validate.
    seed_site(project, ".site-old", "old")
    after = seed_site(project, ".site-new", "new")
    (project / "groups" / "broken.yml").write_text("name: [\n")
    assert main(["build", "--root", str(project)]) == 1
    assert site_files(project / "site") == after
    assert sorted(p.name for p in project.glob(".site*")) == []


@pytest.mark.parametrize("kind", ["link", "file"])
def test_a_site_that_is_not_a_folder_is_refused(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    outside = tmp_path / "outside"
    kept = seed_site(outside.parent, outside.name)
    if kind == "link":
        (project / "site").symlink_to(outside)
        said = (
            "error: site is a symbolic link; the build replaces site/ and will not follow a "
            "link out of the project: remove the link and build again"
        )
    else:
        (project / "site").write_text("not a site")
        said = "error: site is a file, not a folder: move or delete it and build again"
    assert main(["build", "--root", str(project)]) == 1
    assert capsys.readouterr().err.splitlines() == [said]
    assert site_files(outside) == kept
    assert (project / "site").is_symlink() == (kind == "link")
    assert sorted(p.name for p in project.glob(".site*")) == []


def test_mkdocs_build_refuses_a_site_that_is_a_link(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    kept = seed_site(outside.parent, outside.name)
    (project / "site").symlink_to(outside)
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "ERROR   -  site is a symbolic link; the build replaces site/ and will not follow a "
        "link out of the project: remove the link and build again"
    ]
    assert site_files(outside) == kept


def test_the_maintainers_mkdocs_build_keeps_the_site_when_it_fails(project: Path) -> None:
    before = seed_site(project)
    (project / "docs" / "guide.md").write_text(BROKEN_GUIDE)
    result = mkdocs_build(project)  # --strict: the broken link is a warning, and fatal
    assert result.returncode == 1, result.stderr
    assert re.search(r"Aborted with \d+ warnings in strict mode!", result.stdout)
    assert "the build failed; site/ was left as it was" in result.stderr
    assert site_files(project / "site") == before
    assert sorted(p.name for p in project.glob(".site*")) == []
    # Without --strict a warning fails nothing: the build is swapped in.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    loose = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env, check=False
    )
    assert loose.returncode == 0
    assert (project / "site" / "guide" / "index.html").is_file()
    assert sorted(p.name for p in project.glob(".site*")) == []


FULL_DISK = """\
import errno

from mkdocs.structure.files import File


def on_env(env, **kwargs):
    def copy_file(self, dirty=False):
        raise OSError(errno.ENOSPC, "No space left on device", self.abs_dest_path)

    File.copy_file = copy_file
    return env
"""


def test_mkdocs_build_on_a_full_disk_says_so_and_keeps_the_site(project: Path) -> None:
    before = seed_site(project)
    (project / "hooks" / "full_disk.py").write_text(FULL_DISK)
    config = (project / "mkdocs.yml").read_text()
    config = config.replace("hooks:\n", "hooks:\n  - hooks/full_disk.py\n", 1)
    (project / "mkdocs.yml").write_text(config)
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert len(errors) == 1
    assert re.fullmatch(
        r"Error: the disk is full \(.*/\.site-build-\d+-[0-9a-f]{8}/.*\): "
        r"free some space and build again",
        errors[0],
    )
    assert site_files(project / "site") == before
    assert sorted(p.name for p in project.glob(".site*")) == []


def test_peerhub_build_on_a_full_disk_says_so_and_keeps_the_site(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = seed_site(project)

    def copy_file(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "site/assets/hub.css")

    monkeypatch.setattr(File, "copy_file", copy_file)
    assert main(["build", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "Error: the disk is full (site/assets/hub.css): free some space and build again" in err
    assert err.splitlines()[-1] == "build failed; site/ was left as it was"
    assert site_files(project / "site") == before
    assert sorted(p.name for p in project.glob(".site*")) == []


def test_a_builder_that_fills_the_disk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = seed_site(tmp_path)

    def full(target: Path) -> int:
        raise OSError(errno.ENOSPC, "No space left on device", str(target / "x.html"))

    def denied(target: Path) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    assert build_site(tmp_path, builder=full) == 1
    staging = re.escape(str(tmp_path.resolve() / ".site-build-"))
    err = capsys.readouterr().err.splitlines()
    assert re.fullmatch(
        rf"error: the disk is full \({staging}\d+-[0-9a-f]{{8}}/x\.html\): "
        "free some space and build again",
        err[0],
    )
    assert err[1:] == ["build failed; site/ was left as it was"]
    with pytest.raises(PermissionError):  # not a full disk: shown in full
        build_site(tmp_path, builder=denied)
    assert site_files(tmp_path / "site") == before
    assert entries(tmp_path) == ["site"]


def test_disk_full() -> None:
    assert disk_full(OSError(errno.EDQUOT, "Disk quota exceeded")) == (
        "the disk is full: free some space and build again"
    )
    assert disk_full(OSError(errno.EACCES, "Permission denied", "x")) is None
    assert disk_full(ValueError("no space")) is None


# A withdrawn group leaves the site, even when the build fails.

CARD_GUIDE = '# Our groups\n\n{{ group_card("example-circle") }}\n'


@pytest.fixture
def carded(tmp_path: Path) -> Path:
    """A hub whose guide shows the card of a group, built and published."""
    root = make_project(
        tmp_path / "hub",
        groups={"example-circle.yml": VALID_GROUP, "other-circle.yml": VALID_GROUP},
        docs={"guides/ours.md": CARD_GUIDE},
        macros=("guides/ours.md",),
    )
    assert main(["build", "--root", str(root)]) == 0
    return root


@pytest.mark.parametrize("command", ["peerhub", "mkdocs"])
def test_a_group_made_private_leaves_the_site_even_when_the_build_fails(
    carded: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    assert (carded / "site" / "groups" / "example-circle" / "index.html").is_file()
    group = carded / "groups" / "example-circle.yml"
    group.write_text(VALID_GROUP + "visibility: private\n")  # the guide's card now fails
    if command == "peerhub":
        assert main(["build", "--root", str(carded)]) != 0  # mkdocs-macros stops with 100
        said = capsys.readouterr().err.splitlines()
        assert said[-3:] == [
            "build failed; error: the live site/ still published what the content withdrew:",
            "  /groups/example-circle/: groups/example-circle.yml is now private",
            "site/ was deleted so that it stops publishing them; fix the errors above and "
            "build again to publish site/ again",
        ]
    else:
        result = mkdocs_build(carded)
        assert result.returncode != 0
        assert (
            "ERROR   -  the live site/ still published what the content withdrew:\n"
            "  /groups/example-circle/: groups/example-circle.yml is now private\n"
            "site/ was deleted so that it stops publishing them"
        ) in result.stderr
    assert sorted(p.name for p in carded.iterdir() if p.name.startswith(("site", ".site"))) == []
    # Once the guide no longer names it, the site comes back without the group.
    (carded / "docs" / "guides" / "ours.md").write_text("# Our groups\n")
    assert main(["build", "--root", str(carded)]) == 0
    assert not (carded / "site" / "groups" / "example-circle").exists()
    assert (carded / "site" / "groups" / "other-circle" / "index.html").is_file()


def test_a_failed_build_keeps_a_site_that_withdraws_nothing(
    carded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = site_files(carded / "site")
    (carded / "groups" / "broken.yml").write_text("name: [\nvisibility: private\n")
    assert main(["build", "--root", str(carded)]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == "build failed; site/ was left as it was"
    assert site_files(carded / "site") == before


def live(tmp_path: Path, *urls: str) -> Path:
    """A built site whose data lists group pages at `urls`."""
    site = tmp_path / "site"
    (site / "api").mkdir(parents=True)
    groups = [{"slug": url.split("/")[1], "url": url} for url in urls]
    (site / "api" / "groups.json").write_text(json.dumps(groups))
    return site


def test_what_counts_as_withdrawn(tmp_path: Path) -> None:
    groups = tmp_path / "groups"
    groups.mkdir()
    files = {
        "still-public.yml": "name: Still\n",
        "now-private.yml": "name: Now\nvisibility: private\n",
        "now-anonymous.yml": "name: A\nvisibility: anonymous\nanonymous_id: abc123def456\n",
        "broken-private.yml": "name: [\nvisibility: 'private'\n",
        "broken-public.yml": "name: [\n",
        "no-id.yaml": "visibility: anonymous\n",
        "a-list.yml": "- visibility: private\n",
        "new-id.yml": "visibility: anonymous\nanonymous_id: zzz999zzz999\n",
        # A date no calendar has must not stop the reading (it did, with a traceback).
        "bad-date.yml": "started: 2023-02-30\nvisibility: private\n",
        # A whole file in flow style: read as YAML, where a line-by-line look finds nothing.
        "flow.yml": "{name: Flow, visibility: private}\n",
        # Broken YAML: the visibility and id are still found line by line.
        "broken-anon.yml": "name: [\nvisibility: anonymous\nanonymous_id: abc999def999\n",
    }
    for name, text in files.items():
        (groups / name).write_text(text)
    # Not UTF-8 (a Latin-1 e acute): read all the same, the bad byte replaced.
    (groups / "latin.yml").write_bytes(b"name: Caf\xe9\nvisibility: private\n")
    assert published_now(tmp_path) == {
        "groups/a-list.yml": ("public", "", "groups/a-list/"),
        "groups/bad-date.yml": ("private", "", ""),
        "groups/broken-anon.yml": ("anonymous", "abc999def999", "groups/anonymous-abc999def999/"),
        "groups/flow.yml": ("private", "", ""),
        "groups/latin.yml": ("private", "", ""),
        "groups/broken-private.yml": ("private", "", ""),
        "groups/broken-public.yml": ("public", "", "groups/broken-public/"),
        "groups/new-id.yml": ("anonymous", "zzz999zzz999", "groups/anonymous-zzz999zzz999/"),
        "groups/no-id.yaml": ("anonymous", "", ""),
        "groups/now-anonymous.yml": ("anonymous", "abc123def456", "groups/anonymous-abc123def456/"),
        "groups/now-private.yml": ("private", "", ""),
        "groups/still-public.yml": ("public", "", "groups/still-public/"),
    }
    site = live(
        tmp_path,
        "groups/still-public/",
        "groups/now-private/",
        "groups/now-anonymous/",
        "groups/broken-private/",
        "groups/broken-public/",
        "groups/anonymous-abc123def456/",
        "groups/anonymous-old000old000/",
        "groups/deleted/",
        "groups/no-id/",
    )
    assert withdrawn(tmp_path, site) == [
        "/groups/anonymous-old000old000/: no group file publishes it now (deleted or renamed)",
        "/groups/broken-private/: groups/broken-private.yml is now private",
        "/groups/deleted/: no group file publishes it now (deleted or renamed)",
        "/groups/no-id/: groups/no-id.yaml is now anonymous",
        "/groups/now-anonymous/: groups/now-anonymous.yml is now anonymous",
        "/groups/now-private/: groups/now-private.yml is now private",
    ]


def test_an_anonymous_group_made_private_is_withdrawn_at_its_address(tmp_path: Path) -> None:
    (tmp_path / "groups").mkdir()
    (tmp_path / "groups" / "quiet.yml").write_text("visibility: private\nanonymous_id: abc\n")
    site = live(tmp_path, "groups/anonymous-abc/")
    assert withdrawn(tmp_path, site) == ["/groups/anonymous-abc/: groups/quiet.yml is now private"]


@pytest.mark.parametrize("data", ["", "[1", "{}", '[{"name": "x"}]', "[1]"])
def test_a_site_whose_data_cannot_be_read_lists_no_groups(tmp_path: Path, data: str) -> None:
    assert live_addresses(tmp_path / "site") == []  # no site at all
    site = live(tmp_path)
    (site / "api" / "groups.json").write_text(data)
    assert live_addresses(site) == []
