"""The commented file `peerhub new` writes for a contributor to fill in.

The template (`templates/new-<kind>.yml`) says how to fill in each field, in the
order a contributor thinks of them. A field added to the model that the template
does not mention yet is not left out: it is appended under its docstring, so a new
field reaches contributors even before someone words its comment.
"""

from __future__ import annotations

import json
import re
import textwrap
from importlib import resources

from pydantic import BaseModel

from peerhub.content.clock import today
from peerhub.content.fieldtypes import new_opaque_id
from peerhub.content.formats import Format
from peerhub.content.groups import Group
from peerhub.decisions.privacy import READABLE_NOTE, VISIBILITY_TEXT

__all__ = ["MODELS", "scaffold", "unmentioned"]

MODELS: dict[str, type[BaseModel]] = {"group": Group, "format": Format}


def unmentioned(template: str, model: type[BaseModel]) -> list[str]:
    """The model's fields that no line of `template` starts (as itself, or commented out
    for the contributor to turn on, as `# anonymous_id:`).
    """
    return [name for name in model.model_fields if not re.search(rf"^(# )?{name}:", template, re.M)]


def scaffold(kind: str, name: str, model: type[BaseModel] | None = None) -> str:
    """The new file for a group or format called `name` (`model`: the kind's own)."""
    template = resources.files("peerhub.commands").joinpath(f"templates/new-{kind}.yml").read_text()
    model = model or MODELS[kind]
    values = {
        "{name}": json.dumps(name, ensure_ascii=False),
        "{today}": today().isoformat(),
        "{anonymous_id}": new_opaque_id(),
        "{visibility}": "\n".join(
            textwrap.fill(f"{level}: {text}", 86, initial_indent="#   ", subsequent_indent="#     ")
            for level, text in VISIBILITY_TEXT.items()
        ),
        "{readable}": textwrap.fill(READABLE_NOTE, 88, initial_indent="# ", subsequent_indent="# "),
    }
    text = re.sub(r"\{[a-z_]+\}", lambda m: values.get(m.group(), m.group()), template)
    for field in unmentioned(template, model):
        about = model.model_fields[field].description or field
        text += "\n" + textwrap.fill(about, 88, initial_indent="# ", subsequent_indent="# ")
        text += f"\n{field}:\n"
    return text
