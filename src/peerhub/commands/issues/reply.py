"""The bot's reply to an issue whose answers need changing, in the form's own words.

A contributor filled in a form, not a file. So each problem names the question as the
form shows it and says what to write there: every problem at once, in the form's
order, with no line number, file name or field name of a file they never saw.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from peerhub.commands.issues.questions import FormField
from peerhub.content.problems import Problem, one_line

__all__ = ["reply"]

#: What to write in a whole-number question, by field (else 8, a group's size), and in
#: the check-in's one question that takes a decimal (the average attendance).
NUMBER_EXAMPLES = {"session_minutes": "45"}
DECIMAL_EXAMPLE = "6.5"
#: Words about editing a file, and what they mean on the form.
_FILE_WORDS = (
    ("write one, or delete the line", "answer it, or leave it empty"),
    ("remove this line or", "clear that answer or"),
    ("remove this line", "clear that answer"),
    ("remove the line", "clear that answer"),
    ("delete the line", "clear that answer"),
)
#: Characters Markdown or GitHub would read in a quoted answer (emphasis, code, links,
#: HTML, mentions, issue references, tables), written as character references.
_MARKDOWN = re.compile(r"[\\`*_\[\]<>&@#|~!]")


def reply(problems: Sequence[Problem], questions: Sequence[FormField]) -> str:
    """The reply, in Markdown: one item per problem, under its question's label."""
    order = {spec.label: index for index, spec in enumerate(questions)}
    items = []
    for problem in problems:
        spec = _question(problem.field, questions)
        label = spec.label if spec else _OTHER_LABELS.get(problem.field, "The form")
        twice = re.match(r"the section '### (.*)' appears twice", problem.message)
        label = twice.group(1) if twice else label
        text = _plain(_in_form_words(problem, spec, questions))
        items.append((order.get(label, len(order)), f"- **{label}**: {text}"))
    listed = "\n".join(dict.fromkeys(item for _, item in sorted(items)))
    return (
        "Thanks! A few answers need changing before this can become a page:\n\n"
        f"{listed}\n\nEdit the issue and the check runs again.\n"
    )


_OTHER_LABELS = {"consent": "Consent", "(form)": "The form"}


def _question(field: str, questions: Sequence[FormField]) -> FormField | None:
    """The question whose answer fills `field`, else the first question of its
    top-level field (`links[1].url` → Links, `contact` → Contact name).
    """
    path = re.sub(r"\[\d+\]", "", field)
    for spec in questions:
        if spec.field == path:
            return spec
    root = path.partition(".")[0]
    return next((s for s in questions if s.field.partition(".")[0] == root), None)


def _in_form_words(problem: Problem, spec: FormField | None, questions: Sequence[FormField]) -> str:
    message = one_line(problem.message)
    if spec is not None and message.startswith("expected a whole number"):
        example = NUMBER_EXAMPLES.get(spec.field, "8")
        return f"write a whole number, such as {example}{_answered(message)}"
    if spec is not None and spec.kind == "decimal" and message.startswith("expected a number"):
        return f"write a number, such as {DECIMAL_EXAMPLE}{_answered(message)}"
    if re.match(r"the section '### .*' is missing; fill it in$", message):
        return "this question is gone from the issue; edit the issue and answer it"
    if re.match(r"the section '### .*' appears twice", message):
        return "the issue answers this question twice; keep one answer"
    unexpected = re.match(r"unexpected section '(.*)'; (.*)$", message)
    if unexpected:
        return f"“{unexpected.group(1)}” is not a question on the form; {unexpected.group(2)}"
    for said, meant in _FILE_WORDS:
        message = message.replace(said, meant)
    return _named_by_label(message, questions)


def _answered(message: str) -> str:
    shown = re.search(r"got ('.*')$", message)
    return f" (the answer was {shown.group(1)})" if shown else ""


def _named_by_label(message: str, questions: Sequence[FormField]) -> str:
    """`visibility: public` → “What may we publish?”: Public; a bare `contact:` →
    “Contact name”: file fields and values as the form names them.
    """
    for spec in questions:
        leaf = spec.field.rpartition(".")[2]
        for value, shown in spec.options:
            answer = "ticked" if spec.kind == "checkbox" else shown
            written = rf"'?\b{re.escape(leaf)}: {re.escape(value)}\b'?"
            message = re.sub(written, f"“{spec.label}”: {answer}", message)
    for spec in questions:  # a bare `contact:` is the first question it fills
        root = spec.field.partition(".")[0]
        message = re.sub(rf"(?<![\w“]){re.escape(root)}:(?=\s|$)", f"“{spec.label}”", message)
    return message


def _plain(text: str) -> str:
    """`text` with every character Markdown would read written as a reference, so a
    quoted answer shows as written and mentions or links nobody.
    """
    return _MARKDOWN.sub(lambda m: f"&#{ord(m.group())};", text)
