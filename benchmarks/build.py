"""Benchmark the hub's build against two peers built in the same run, at N synthetic groups.

Usage: .venv/bin/python benchmarks/build.py [--sizes 1000 5000] [--repeat 3]   (`make bench`)

For each N it copies the project into a temporary folder with N seeded synthetic groups
added, and measures in separate processes: `peerhub validate`, the full `mkdocs build
--strict`, and two Material sites with no hub: the floor (N trivial pages) and the
peer (the same N groups written by hand as Markdown pages, as a team without the hub
would publish them), each `--repeat` times in turn, keeping the medians: one build on
this machine can take a quarter longer than the next. It prints one table with the
budgets, then where the largest build's time goes (`parts.py`).
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from parts import profile

# The synthetic groups are the test suite's helper, shared.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from synthetic import write_groups

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1800000000"}
BARE_CONFIG = """site_name: Bare
theme:
  name: material
  font: false
plugins:
  - search
nav:
  - index.md
not_in_nav: |
  /p/*.md
"""


def run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Seconds and peak memory (MiB) of one command in its own process."""
    start = time.perf_counter()
    # Output goes to a file, not a pipe: a full pipe would stall the command mid-run.
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=output, stderr=output)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            output.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{output.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def hub_copy(tmp: Path, groups: int) -> Path:
    """The real project with `groups` seeded synthetic groups added."""
    work = tmp / f"hub-{groups}"
    shutil.copytree(
        ROOT,
        work,
        ignore=shutil.ignore_patterns(
            ".venv",
            "node_modules",
            "site",
            ".git",
            "__pycache__",
            ".*_cache",
            "benchmarks",
            "tests",
        ),
    )
    write_groups(work, groups)
    return work


def bare_copy(tmp: Path, pages: int) -> Path:
    """A bare Material site of `pages` trivial pages kept out of the nav: the engine's floor."""
    work = tmp / f"bare-{pages}"
    (work / "docs" / "p").mkdir(parents=True)
    (work / "mkdocs.yml").write_text(BARE_CONFIG)
    (work / "docs" / "index.md").write_text("# Bare\n\nThe engine's floor.\n")
    for index in range(pages):
        (work / "docs" / "p" / f"{index}.md").write_text(
            f"# Page {index}\n\nA trivial page number {index} with a little text.\n"
        )
    return work


def by_hand(group: dict) -> str:
    """A group's page as a maintainer would write it in Markdown: its facts and story."""
    facts = [
        ("Audience", group["audience"]),
        ("Sector", group["sector"]),
        ("Formats", ", ".join(group["formats"])),
        ("Main outcome", group["outcomes"]["primary"]),
        ("Members", group["size"]["members"]),
        ("Meets", f"{group['cadence']}, {group['session_minutes']} minutes, {group['mode']}"),
        ("Started", group["started"]),
    ]
    rows = "".join(f"| {name} | {value} |\n" for name, value in facts)
    worked = "".join(f"- {line}\n" for line in group["what_worked"])
    advice = "".join(f"- {line}\n" for line in group["advice"])
    return (
        f"# {group['name']}\n\n{group['summary']}\n\n| | |\n| --- | --- |\n{rows}\n"
        f"## Our story\n\n{group['story']}\n\n## What worked\n\n{worked}\n"
        f"## Advice\n\n{advice}"
    )


def peer_copy(tmp: Path, hub: Path) -> Path:
    """A bare Material site with the hub's synthetic groups written by hand as pages."""
    work = tmp / f"peer-{hub.name}"
    (work / "docs" / "p").mkdir(parents=True)
    (work / "mkdocs.yml").write_text(BARE_CONFIG)
    (work / "docs" / "index.md").write_text("# Groups\n\nOur peer groups.\n")
    for source in sorted((hub / "groups").glob("synthetic-group-*.yml")):
        group = yaml.safe_load(source.read_text(encoding="utf-8"))
        (work / "docs" / "p" / f"{source.stem}.md").write_text(by_hand(group))
    return work


def first_search_bytes(site: Path, page: Path) -> int:
    """Gzipped bytes a reader fetches before the first search result (page and its assets)."""
    html = page.read_text()
    assets = [site / "search" / "search_index.json"]
    for folder, pattern in (
        ("assets/stylesheets", "*.css"),
        ("assets/javascripts", "*.js"),
        ("assets/javascripts/workers", "*.js"),
    ):
        assets += [p for p in (site / folder).glob(pattern) if p.name in html or "search" in p.name]
    assets += [site / "assets" / name for name in ("hub.css", "picker.js")]
    return sum(len(gzip.compress(p.read_bytes(), 6)) for p in [page, *assets] if p.is_file())


def measure(tmp: Path, groups: int, repeat: int) -> dict[str, float]:
    """Every build figure for one number of groups: each command run `repeat` times,
    the four taking turns (so a busy spell of the machine falls on all of them), and
    the median of each kept.
    """
    hub = hub_copy(tmp, groups)
    bare = bare_copy(tmp, groups)
    peer_site = peer_copy(tmp, hub)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
    commands = {
        "validate": ([str(Path(sys.executable).parent / "peerhub"), "validate"], hub),
        "build": ([*mkdocs, "--strict"], hub),
        "floor": (mkdocs, bare),
        "peer": (mkdocs, peer_site),
    }
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, (command, cwd) in commands.items():
            runs[name].append(run(command, cwd))
    validate, build, floor, peer = (
        statistics.median(s for s, _ in runs[name]) for name in commands
    )
    memory = statistics.median(m for _, m in runs["build"])
    floor_memory = statistics.median(m for _, m in runs["floor"])
    site = hub / "site"
    pages = sorted((site / "groups").glob("synthetic-group-*/index.html"))
    largest = max(p.stat().st_size for p in pages)
    return {
        "groups": groups,
        "build": build,
        "floor": floor,
        "ratio": build / floor,
        "peer": peer,
        "peer_ratio": build / peer,
        "project": hub,
        "memory": memory,
        "floor_memory": floor_memory,
        "validate": validate,
        "validate_share": validate / build,
        "page_bytes": largest,
        "search_bytes": first_search_bytes(site, site / "index.html"),
        "index_bytes": (site / "search" / "search_index.json").stat().st_size,
    }


def main() -> int:
    """Measure at each size, print the table, then the largest build's parts."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each command; the median is kept"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = [measure(Path(folder), n, args.repeat) for n in args.sizes]
        parts = profile(results[-1]["project"], results[-1]["build"])
    print(
        f"{'groups':>7} {'hub s':>6} {'floor s':>7} {'÷floor':>6} {'peer s':>6} {'÷peer':>6} "
        f"{'hub MiB':>7} {'floor MiB':>9} {'validate s':>10} {'val/build':>9} "
        f"{'page KB':>7} {'search KB':>9} {'index KB':>8}"
    )
    for r in results:
        print(
            f"{r['groups']:>7} {r['build']:>6.1f} {r['floor']:>7.1f} {r['ratio']:>6.2f} "
            f"{r['peer']:>6.1f} {r['peer_ratio']:>6.2f} {r['memory']:>7.0f} "
            f"{r['floor_memory']:>9.0f} {r['validate']:>10.2f} {r['validate_share']:>9.1%} "
            f"{r['page_bytes'] / 1024:>7.1f} {r['search_bytes'] / 1024:>9.0f} "
            f"{r['index_bytes'] / 1024:>8.0f}"
        )
    if len(results) >= 2:
        small, large = results[0], results[-1]
        growth = large["build"] / small["build"]
        print(f"growth {large['groups']}/{small['groups']}: {growth:.2f}x (budget ≤ 5.5x)")
    print(
        "budgets at 5000: ÷floor ≤ 1.5, ÷peer ≤ 0.7, hub memory ≤ 2x the floor's, "
        "validate ≤ 10% of build; group page ≤ 40 KB; search download ≤ 3 MB (gzip)"
    )
    print(f"\nwhere the {results[-1]['groups']}-group build's {results[-1]['build']:.1f} s go:")
    for part, seconds in sorted(parts.items(), key=lambda item: -item[1]):
        print(f"{seconds:>6.2f}  {part}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
