"""The evaluation kit's files to download: a spreadsheet and a notes template.

Both are made from the check-in's model and questions (`groups.CheckIn`,
`checkins.QUESTIONS`), so a new check-in field or a reworded question reaches the
kit, the group file's schema and the printable sheet at once.
"""

from __future__ import annotations

import csv
import io

from peerhub.content.groups import CheckIn
from peerhub.decisions.checkins import COUNTS, QUESTIONS, SCALE

__all__ = ["csv_template", "notes_template"]


def csv_template() -> str:
    """A header row with the check-in's fields, in the order the group file lists them:
    one row per check-in, ready to paste into `checkins:` later.
    """
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(CheckIn.model_fields)
    return out.getvalue()


def notes_template() -> str:
    """A Markdown page for one check-in: the counts, the marks and the talk behind them."""
    scale = ", ".join(f"{n} {word.lower()}" for n, word in enumerate(SCALE, start=1))
    lines = ["# Check-in: GROUP NAME, YYYY-MM-DD", "", "## Counts", ""]
    lines += [f"- {question} (`{key}`): " for key, question in COUNTS.items()]
    lines += ["", "## Ratings", "", f"The middle mark of the members' marks ({scale}).", ""]
    lines += [f"- {sentence} (`{key}`): " for key, sentence in QUESTIONS.items()]
    lines += [
        "",
        "## What the marks mean",
        "",
        "Start with the lowest mark: what made it low?",
        "",
        "## One change to try before the next check-in",
        "",
        "## Note for the hub (optional, one sentence) (`note`)",
        "",
    ]
    return "\n".join(lines)
