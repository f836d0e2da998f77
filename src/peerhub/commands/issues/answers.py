"""The answers in a filled-in issue form: each found under its question's label and
read into a file value, with a problem at its line when it cannot be.

GitHub renders an issue form's answers as Markdown: one `### Label` heading per
field, the answer under it, `_No response_` when left empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from peerhub.commands.issues.questions import NO_RESPONSE, FormField
from peerhub.content.problems import Problem, suggest

__all__ = ["answers"]


@dataclass
class _Section:
    label: str
    line: int
    text: str
    value_line: int = 0


def _sections(body: str) -> list[_Section]:
    sections: list[_Section] = []
    for number, line in enumerate(body.replace("\r\n", "\n").split("\n"), start=1):
        heading = re.match(r"^###\s+(.*?)\s*$", line)
        if heading:
            sections.append(_Section(heading.group(1), number, ""))
        elif sections:
            sections[-1].text += line + "\n"
            if line.strip() and not sections[-1].value_line:
                sections[-1].value_line = number
    for section in sections:
        section.text = section.text.strip()
        if section.text == NO_RESPONSE:
            section.text = ""
    return sections


def answers(
    fields: dict[str, FormField], body: str, display: str
) -> tuple[dict[str, Any], dict[str, int], list[Problem]]:
    """(values by field, line of each answered label, problems) from an issue body."""
    problems: list[Problem] = []
    data: dict[str, Any] = {}
    seen: dict[str, int] = {}
    headings: dict[str, int] = {}
    for section in _sections(body):
        if section.label in headings:
            problems.append(
                Problem(
                    display,
                    section.line,
                    1,
                    "(form)",
                    f"the section '### {section.label}' appears twice (first on line "
                    f"{headings[section.label]}); keep one answer",
                )
            )
            continue
        headings[section.label] = section.line
        if section.label == "Consent":
            seen["Consent"] = section.line
            if "[x]" not in section.text.lower():
                problems.append(
                    Problem(
                        display,
                        section.line,
                        1,
                        "consent",
                        "tick the consent box before we can publish anything",
                    )
                )
            continue
        spec = fields.get(section.label)
        if spec is None:
            hint = suggest(section.label, fields) or "; remove it or use the form as it is"
            problems.append(
                Problem(
                    display,
                    section.line,
                    1,
                    "(form)",
                    f"unexpected section '{section.label}'{hint}",
                )
            )
            continue
        seen[spec.label] = section.value_line or section.line
        if not section.text:
            continue
        try:
            value = _PARSERS[spec.kind](spec, section.text)
        except _BadAnswer as exc:
            problems.append(Problem(display, section.value_line, 1, spec.field, str(exc)))
            continue
        if value not in (None, "", []):
            _put(data, spec.field, value)
    return data, seen, problems + _missing(fields.values(), seen, display)


def _missing(specs: Iterable[FormField], seen: dict[str, int], display: str) -> list[Problem]:
    """Problems for required sections (and the consent) that the issue leaves out."""
    missing = [
        Problem(display, 1, 1, spec.field, f"the section '### {spec.label}' is missing; fill it in")
        for spec in specs
        if spec.required and spec.label not in seen
    ]
    if "Consent" not in seen:
        missing.append(
            Problem(
                display, 1, 1, "consent", "the section '### Consent' is missing; use the issue form"
            )
        )
    return missing


class _BadAnswer(ValueError):
    """An answer that cannot become a file value; the message says what to change."""


def _choice(spec: FormField, text: str) -> str | bool:
    for value, label in spec.options:
        if label.lower() == text.lower():
            if {v for v, _ in spec.options} == {"true", "false"}:
                return value == "true"  # a yes/no question: written as YAML's true/false
            return value
    raise _BadAnswer(f"choose one of the form's options, got '{text}'{_nearest(spec, text)}")


def _nearest(spec: FormField, text: str) -> str:
    return suggest(text, [label for _, label in spec.options])


def _choices(spec: FormField, text: str) -> list[str]:
    values = []
    for part in (p.strip() for p in text.split(",")):
        try:
            values.append(_choice(spec, part))
        except _BadAnswer:
            raise _BadAnswer(
                f"'{part}' is not one of the form's options{_nearest(spec, part)}"
            ) from None
    return values


def _lines(spec: FormField, text: str) -> list[Any]:
    items = [re.sub(r"^[-*]\s+", "", line).strip() for line in text.split("\n")]
    items = [item for item in items if item]
    return [_link(item) for item in items] if spec.field == "links" else items


_PARSERS: dict[str, Callable[[FormField, str], Any]] = {
    "input": lambda _spec, text: text,
    "textarea": lambda _spec, text: text,
    "number": lambda _spec, text: _number(text),
    "decimal": lambda _spec, text: _decimal(text),
    "checkbox": lambda _spec, text: "[x]" in text.lower() or None,
    "dropdown": _choice,
    "multi": _choices,
    "lines": _lines,
}


def _number(text: str) -> int | str:
    """A whole number as `int()` reads it (`8`, ` +8 `); other text goes on to the
    model's check, which says what is expected (`str.isdigit()` lets `²` through).
    """
    try:
        return int(text.strip())
    except ValueError:
        return text


def _decimal(text: str) -> int | float | str:
    """A number, written as a whole number when it is one (`6`, not `6.0`)."""
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return text  # the model's check says what is expected
    return int(number) if number.is_integer() else number


def _link(line: str) -> dict[str, str]:
    title, _, url = line.rpartition("|")
    return {"title": title.strip() or url.strip(), "url": url.strip()}


def _put(data: dict[str, Any], dotted_field: str, value: Any) -> None:
    *parents, last = dotted_field.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value
