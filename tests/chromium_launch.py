"""How the benchmarks and the browser tests launch Chromium: Debian's package (or the
one PEERHUB_CHROMIUM names), with the flags a machine without outside network needs.
"""

from __future__ import annotations

import os
import shutil

CHROMIUM = os.environ.get("PEERHUB_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
