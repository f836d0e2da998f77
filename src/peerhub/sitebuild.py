"""Build the site next to `site/` and swap it in only when everything succeeded.

MkDocs cleans its output folder before writing, so a build that fails half-way
(a broken link under --strict, a crash, Ctrl-C) would leave a half-published
site. Building elsewhere and renaming keeps the previous site until a new one
is complete. MkDocs runs as a separate process, so this package need not import it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def build_site(root: Path, site: str = "site", *, extra_args: tuple[str, ...] = ()) -> int:
    """Run `mkdocs build --strict` into a fresh folder; swap it in on success."""
    root = root.resolve()
    target = root / site
    staging = root / f".{site}-new"
    retired = root / f".{site}-old"
    for leftover in (staging, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--site-dir",
        str(staging),
        *extra_args,
    ]
    try:
        code = subprocess.call(command, cwd=root, env=env)
        if code != 0 or not (staging / "index.html").is_file():
            print(f"build failed; {site}/ was left as it was", file=sys.stderr)
            return code or 1
        if target.exists():
            target.rename(retired)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(retired, ignore_errors=True)
    print(f"built {site}/", file=sys.stderr)
    return 0
