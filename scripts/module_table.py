"""Print (or write into ARCHITECTURE.md) the table of the package's modules, from their
docstrings: each module's first sentence is its job, so the table cannot drift.

    .venv/bin/python scripts/module_table.py          # print the table
    .venv/bin/python scripts/module_table.py --write  # refresh ARCHITECTURE.md
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "peerhub"
DOC = REPO / "ARCHITECTURE.md"
START = "<!-- module table: made by scripts/module_table.py --write; do not edit by hand -->"
END = "<!-- end of module table -->"
#: The stages in the order data flows through them.
STAGES = ("content", "decisions", "decisions/picker", "site", "render", "adapter", "commands")


def first_sentence(path: Path) -> str:
    """The docstring's first sentence, on one line."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    paragraph = " ".join(doc.split("\n\n")[0].split())
    match = re.match(r"(.+?\.)(\s|$)", paragraph)
    return (match.group(1) if match else paragraph).rstrip(".").replace("|", "\\|")


def _package_rows(stage: str) -> list[str]:
    if stage == "site":
        return [f"| `site` | `site` | {first_sentence(PACKAGE / 'site.py')} |"]
    folder = PACKAGE / stage
    rows = [f"| `{stage.replace('/', '.')}` | | **{first_sentence(folder / '__init__.py')}** |"]
    modules = sorted(p for p in folder.glob("*.py") if p.name != "__init__.py")
    rows += [f"| | `{p.stem}` | {first_sentence(p)} |" for p in modules]
    for sub in sorted(d for d in folder.iterdir() if (d / "__init__.py").is_file()):
        if f"{stage}/{sub.name}" not in STAGES:
            rows += _package_rows(f"{stage}/{sub.name}")
    return rows


def table() -> str:
    """The Markdown table: package, module, its job."""
    lines = ["| package | module | its job |", "| --- | --- | --- |"]
    for stage in STAGES:
        lines += _package_rows(stage)
    return "\n".join(lines) + "\n"


def written(text: str) -> str:
    """`text` (ARCHITECTURE.md) with the table between its markers replaced."""
    before, rest = text.split(START + "\n", 1)
    _, after = rest.split(END, 1)
    return before + START + "\n" + table() + END + after


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        DOC.write_text(written(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(table(), end="")
