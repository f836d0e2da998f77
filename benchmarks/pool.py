"""Whether rendering the generated pages' bodies in a pool of processes would pay.

Usage: .venv/bin/python benchmarks/pool.py [--groups 5000] [--workers 2]

Loads a copy of the project with N synthetic groups (as `build.py` does), renders every
generated page's body in this process, then again split between forked workers that
inherit the loaded hub and send the HTML back, and prints both times and whether the
two results are identical. It measures the part a pool could take over; a real build
would also pay for the pool's start inside MkDocs, so the saving shown is an upper bound.
"""

from __future__ import annotations

import argparse
import multiprocessing
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from build import hub_copy

from peerhub.render.pages import GeneratedPage, generated_pages
from peerhub.render.project import load_site

_PAGES: list[GeneratedPage] = []  # set before the fork: each worker inherits it


def _bodies(bounds: tuple[int, int]) -> list[str]:
    start, end = bounds
    return [str(page.body()) for page in _PAGES[start:end]]


def main() -> int:
    """Print both times for one size, and whether the two renderings are identical."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _PAGES[:] = generated_pages(load_site(hub_copy(Path(tmp), args.groups)))
        started = time.perf_counter()
        alone = _bodies((0, len(_PAGES)))
        serial = time.perf_counter() - started
        step = -(-len(_PAGES) // args.workers)
        shares = [(i, min(i + step, len(_PAGES))) for i in range(0, len(_PAGES), step)]
        started = time.perf_counter()
        fork = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(args.workers, mp_context=fork) as pool:
            pooled = [html for part in pool.map(_bodies, shares) for html in part]
        parallel = time.perf_counter() - started
    print(
        f"{len(_PAGES)} page bodies, {args.groups} groups: {serial:.2f} s in one process, "
        f"{parallel:.2f} s in {args.workers} forked workers (start and return included); "
        f"identical: {pooled == alone}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
