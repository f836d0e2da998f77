"""MkDocs hook: validate the hub's content, then add the pages and JSON generated from it.

A thin adapter: all knowledge of formats, groups and outcomes lives in the `peerhub`
package. Generated pages are added with `File.generated`, kept out of the nav, and
never rendered by macros (they hold contributor text).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from peerhub.pages import downloads, generated_files
from peerhub.project import Hub, check_project_cached

log = logging.getLogger("mkdocs.hooks.peerhub")
_state: dict[str, Hub] = {}


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


@event_priority(100)  # before macros and every other plugin: bad content stops the build first
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    hub, problems = check_project_cached(project_root(config))
    for problem in problems:
        if problem.severity == "warning":
            log.warning(str(problem))
    errors = [str(p) for p in problems if p.severity == "error"]
    if errors:
        count = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
        raise PluginError("\n".join([f"content has {count}:", *errors]))
    _state["hub"] = hub
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src_uri, content in generated_files(_state["hub"]):
        existing = files.get_file_from_path(src_uri)
        if existing is not None and existing.generated_by is None:
            raise PluginError(
                f"docs/{src_uri} would be replaced by a generated page; move or rename it"
            )
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """Write downloads such as charter templates, which are Markdown but not pages."""
    site = Path(config.site_dir)
    for path, content in downloads(_state["hub"]):
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
