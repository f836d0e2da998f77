"""The core knows no site engine: with MkDocs and Material unimportable, it still
loads the hub and renders every generated page and data file."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

from conftest import REPO

PROBE = """
import json, sys
from pathlib import Path

class Blocked:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"mkdocs", "material"}:
            raise ImportError(f"{name} is not available here")
        return None

sys.meta_path.insert(0, Blocked())
from peerhub.render.datafiles import generated_assets
from peerhub.render.pages import generated_pages, search_entries
from peerhub.render.project import load_site

hub = load_site(Path(sys.argv[1]))
sizes = {page.src_uri: len(page.body()) for page in generated_pages(hub)}
assets = sorted(path for path, _ in generated_assets(hub, "https://hub.example/"))
engines = sorted(m for m in sys.modules if m.split(".")[0] in {"mkdocs", "material"})
print(json.dumps({"sizes": sizes, "assets": assets, "entries": len(search_entries(hub)),
                  "engines": engines}))
"""
#: Modules allowed to know Material's conventions (template names, index shape).
ADAPTER = "material"


def test_every_page_renders_without_mkdocs() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(REPO)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["engines"] == []
    sizes = report["sizes"]
    assert {"formats/index.md", "groups/index.md", "outcomes/index.md", "kits/index.md"} <= set(
        sizes
    )
    assert "reference/settings.md" in sizes
    assert all(size > 200 for size in sizes.values()), sizes
    assert "groups/feed.xml" in report["assets"]
    assert "api/groups.json" in report["assets"]
    assert report["entries"] > 20


def test_only_the_adapter_names_the_themes_conventions() -> None:
    for path in sorted((REPO / "src" / "peerhub").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        imported = {
            alias.name.split(".")[0]
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in (node.names if isinstance(node, ast.Import) else [])
        } | {
            (node.module or "").split(".")[0]
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.ImportFrom) and node.level == 0
        }
        assert not imported & {"mkdocs", "material"}, path.name
        if path.stem != ADAPTER:
            assert "hub-page.html" not in source, path.name
            assert '"template"' not in source, path.name
