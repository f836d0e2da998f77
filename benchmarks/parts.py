"""Where a hub build's time goes: one `mkdocs build` run under cProfile, its time split
into named parts, so a regression names the part that grew.

The profiler slows Python down unevenly, so each part is reported as its share of the
profiled run applied to the build's own (unprofiled) seconds: an estimate, good for
seeing which part moved, not a stopwatch reading.
"""

from __future__ import annotations

import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

#: part → the (file ending, function) whose cumulative time it is. Parts do not nest:
#: each is outside the others, once `split` takes the swap out of the hook's last step.
FUNCTIONS = {
    "content loaded and validated": [("peerhub/render/project.py", "check_project")],
    "data files, pages' list": [("peerhub/adapter/hook.py", "on_files")],
    "the hub's page bodies": [("peerhub/adapter/material.py", "render")],
    "guides' Markdown": [("mkdocs/structure/pages.py", "render")],
    "CSP per page": [("peerhub/adapter/hook.py", "_policed")],
    "writing files": [("mkdocs/utils/__init__.py", "write_file")],
    "static files copied": [("mkdocs/structure/files.py", "copy_static_files")],
    "search index": [
        ("material/plugins/search/plugin.py", "on_page_context"),
        ("material/plugins/search/plugin.py", "on_post_build"),
        ("peerhub/adapter/hook.py", "on_post_build"),
    ],
    "the new site swapped in": [("peerhub/adapter/sitebuild.py", "publish")],
    "macros plugin per page": [("mkdocs_macros/plugin.py", "on_page_markdown")],
}
#: Whole steps of the build; the theme's templates are what `_build_page` spends outside
#: the parts above.
BUILD_PAGE = ("mkdocs/commands/build.py", "_build_page")


def cumulative(stats: pstats.Stats, ending: str, name: str) -> float:
    """Seconds spent in (and under) every function `name` defined in a file ending so."""
    return sum(
        row[3]
        for (path, _, function), row in stats.stats.items()  # type: ignore[attr-defined]
        if function == name and path.endswith(ending)
    )


def split(stats: pstats.Stats) -> dict[str, float]:
    """The profiled seconds of each part, and of the rest."""
    parts = {
        part: sum(cumulative(stats, e, n) for e, n in functions)
        for part, functions in FUNCTIONS.items()
    }
    # The hook's on_post_build adds the groups to the search index, then swaps the site in.
    parts["search index"] -= parts["the new site swapped in"]
    in_page = ("CSP per page", "writing files", "search index")
    parts["Material's templates per page"] = cumulative(stats, *BUILD_PAGE) - sum(
        parts[p] for p in in_page
    )
    total = stats.total_tt  # type: ignore[attr-defined]
    parts["the rest (MkDocs, start-up, nav, sitemap, swap)"] = total - sum(parts.values())
    return {part: max(seconds, 0.0) for part, seconds in parts.items()}


def profile(project: Path, seconds: float) -> dict[str, float]:
    """Each part's estimated seconds of a build of `project` that took `seconds`."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "build.prof"
        command = [sys.executable, "-m", "cProfile", "-o", str(out)]
        command += ["-m", "mkdocs", "build", "--strict", "--quiet"]
        subprocess.run(command, cwd=project, check=True, capture_output=True)
        stats = pstats.Stats(str(out))
    parts = split(stats)
    scale = seconds / sum(parts.values())
    return {part: s * scale for part, s in parts.items()}
