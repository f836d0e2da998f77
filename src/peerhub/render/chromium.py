"""How the hub runs Chromium: Debian's package (or the one PEERHUB_CHROMIUM names),
headless, with the flags a machine without outside network needs. The card deck's
PDFs are printed with it. The browser tests and benchmarks drive Debian's
chromium-headless-shell when it is installed: the same engine without the full
browser's windowing, which is what Playwright itself runs headless, and lighter.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

__all__ = ["ARGS", "CHROMIUM", "DRIVEN", "print_to_pdf"]

CHROMIUM = os.environ.get("PEERHUB_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
#: The Chromium that Playwright drives in the tests and benchmarks.
DRIVEN = os.environ.get("PEERHUB_CHROMIUM") or shutil.which("chromium-headless-shell") or CHROMIUM
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def print_to_pdf(url: str, target: Path, timeout: float = 120) -> None:
    """Print the page at `url` to `target` as the page's own CSS lays it out (paper
    size from its `@page` rules, no header or footer); raises when Chromium fails.
    """
    target.unlink(missing_ok=True)
    result = subprocess.run(  # noqa: S603 - a fixed Chromium command, no shell
        [
            CHROMIUM,
            "--headless",
            *ARGS,
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        raise RuntimeError(f"Chromium could not print {url}: {result.stderr.strip()[-500:]}")
