"""Benchmark `mkdocs serve`: from saving a group's file to the browser showing the edit.

Usage: .venv/bin/python benchmarks/serve.py [--groups 1000] [--edits 3]   (or `make bench`)

Copies the project with N seeded synthetic groups, starts `mkdocs serve` on a free
port of 127.0.0.1, opens one group's page in headless Chromium (as the tests drive it), then
changes that group's summary in its file and measures the seconds until the open page
shows the new summary (MkDocs rebuilds and its live reload refreshes the page). Budget:
5 s at 1,000 groups.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build import hub_copy
from playwright.sync_api import sync_playwright

from peerhub.render.chromium import ARGS, DRIVEN

# The tests' server helpers, shared (as build.py shares their synthetic groups).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from servers import first_answer, free_port

BUDGET_S = 5.0
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def measure(groups: int, edits: int) -> list[float]:
    """Seconds from each saved edit to the page showing it."""
    with tempfile.TemporaryDirectory() as folder:
        hub = hub_copy(Path(folder), groups)
        source = next(  # a public group: its page is at groups/<file name>/
            path
            for path in sorted((hub / "groups").glob("synthetic-group-*.yml"))
            if "\nvisibility: public\n" in path.read_text(encoding="utf-8")
        )
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
        with tempfile.TemporaryFile() as log:
            server = subprocess.Popen(command, cwd=hub, env=ENV, stdout=log, stderr=log)
            try:
                first_answer(url, server, limit=300)
                return _edits(url, source, edits)
            finally:
                server.terminate()
                server.wait(timeout=30)


def _edits(url: str, source: Path, edits: int) -> list[float]:
    seconds = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=DRIVEN, args=ARGS)
        page = browser.new_page()
        page.goto(f"{url}groups/{source.stem}/")
        for number in range(1, edits + 1):
            words = f"Edited summary number {number}"
            text = source.read_text(encoding="utf-8")
            before = text.split("\nsummary: ", 1)[1].split("\n", 1)[0]
            start = time.monotonic()
            source.write_text(text.replace(f"summary: {before}", f"summary: {words}"))
            page.wait_for_function(
                "words => document.body.innerText.includes(words)", arg=words, timeout=120_000
            )
            seconds.append(time.monotonic() - start)
        browser.close()
    return seconds


def main() -> int:
    """Measure and print the seconds of each edit, their median and the budget."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--groups", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    seconds = measure(args.groups, args.edits)
    shown = ", ".join(f"{s:.1f}" for s in seconds)
    print(
        f"mkdocs serve, {args.groups} groups: a saved group edit shows in the browser after "
        f"{shown} s (median {statistics.median(seconds):.1f} s; budget ≤ {BUDGET_S:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
