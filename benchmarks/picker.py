"""Benchmark the outcome picker: bytes a reader downloads for it, and time to results.

Usage: .venv/bin/python benchmarks/picker.py [--runs N]   (or `make bench`)

Builds the hub into a temporary folder, serves it on 127.0.0.1, and in the headless
Chromium the tests drive measures, for each outcome, the time from clicking it to the
second animation frame after the results are rendered (results painted).
Prints a table; the budgets are in SPEC.md.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

from peerhub.render.chromium import ARGS, DRIVEN  # the browser tests' Chromium, launched alike

ROOT = Path(__file__).resolve().parents[1]

SIZE_BUDGET = 60 * 1024
TIME_BUDGET_MS = 100.0
# From the click to the frame that shows that outcome's designs (its data is fetched
# on the first choice of it, as a reader's first visit would).
MEASURE = """(id) => new Promise(resolve => {
    const start = performance.now();
    const radio = document.getElementById(id);
    radio.click();
    const shown = () => document.getElementById("picker-results").dataset.outcome === radio.value;
    const wait = () => shown()
        ? requestAnimationFrame(() => resolve(performance.now() - start))
        : requestAnimationFrame(wait);
    wait();
})"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def gz(path: Path) -> int:
    """Size of a file after gzip, as a reader downloads it."""
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def main() -> int:
    """Measure the picker's download and its time to results, and print them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="clicks per outcome")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "hub"
        shutil.copytree(
            ROOT,
            work,
            ignore=shutil.ignore_patterns(
                ".venv", "node_modules", "site", ".git", "__pycache__", ".*_cache"
            ),
        )
        server = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(work / "site"))
        )
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEERHUB_SITE_URL": url}
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
            cwd=work,
            env=env,
            check=True,
        )
        site = work / "site"
        script = gz(site / "assets/picker.js") + gz(site / "assets/hub.js")
        # The picker fetches the chosen outcome's data only: the largest is the budget's.
        data = max(gz(path) for path in (site / "assets" / "picker").glob("*.json"))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        timings: list[float] = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=DRIVEN, args=ARGS)
            page = browser.new_page()
            page.goto(url + "outcomes/")
            page.wait_for_selector("#outcome-picker.ph-picker--ready")
            ids = page.eval_on_selector_all("input[name=outcome]", "els => els.map(e => e.id)")
            for _ in range(args.runs):
                for element_id in ids:
                    timings.append(page.evaluate(MEASURE, element_id))
            browser.close()
        server.shutdown()
        server.server_close()
    total = script + data
    median, worst = statistics.median(timings), max(timings)
    rows = [
        ("picker.js + hub.js (gzip)", f"{script / 1024:.1f} KB", ""),
        ("largest outcome's picker data (gzip)", f"{data / 1024:.1f} KB", ""),
        (
            "script + data (gzip)",
            f"{total / 1024:.1f} KB",
            f"≤ {SIZE_BUDGET // 1024} KB: {'ok' if total <= SIZE_BUDGET else 'OVER'}",
        ),
        (
            f"choose → painted, median of {len(timings)}",
            f"{median:.1f} ms",
            f"< {TIME_BUDGET_MS:.0f} ms: {'ok' if median < TIME_BUDGET_MS else 'OVER'}",
        ),
        ("choose → painted, slowest", f"{worst:.1f} ms", ""),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'picker measure'.ljust(width)}  {'value':>9}  budget")
    for name, value, budget in rows:
        print(f"{name.ljust(width)}  {value:>9}  {budget}")
    return 0 if total <= SIZE_BUDGET and median < TIME_BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
