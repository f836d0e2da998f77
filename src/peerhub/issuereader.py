"""Read a filled-in issue form back into a group file, checked like any group file.

GitHub renders an issue form's answers as Markdown: one `### Label` heading per
field, the answer under it, `_No response_` when left empty. Answers are found by
the labels `issueform.form_fields` gives them; problems point at the answer's line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .checkins import RATINGS
from .fieldtypes import new_opaque_id
from .filenames import slug_problem, slugify
from .groupwriter import append_checkin, group_yaml
from .hub import Hub
from .issueform import NO_RESPONSE, FormField, checkin_fields, form_fields
from .models import CheckIn, Group, today
from .privacy import addresses
from .problems import Problem, dotted, suggest
from .rules import check_group
from .validation import validate
from .yamlsafe import YamlProblem, load_bytes

__all__ = ["checkin_from_issue", "comment", "group_from_issue"]


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


def _answers(
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


def group_from_issue(hub: Hub, body: str, display: str = "issue") -> tuple[str, str, list[Problem]]:
    """(slug, YAML text, problems) for an issue body; the YAML is only usable without errors."""
    fields = {f.label: f for f in form_fields(hub)}
    data, seen, problems = _answers(fields, body, display)
    data["added"] = today()
    if data.get("visibility") == "anonymous":
        data["anonymous_id"] = new_opaque_id()
    slug = slugify(str(data.get("name", "")))
    text = group_yaml(data)
    reported = {p.field for p in problems}
    lines = {spec.field: seen.get(spec.label, 1) for spec in fields.values()}
    checked = _check(hub, slug, text, display, lines)
    return slug, text, sorted(problems + [p for p in checked if p.field not in reported])


def checkin_from_issue(
    hub: Hub, body: str, display: str = "issue"
) -> tuple[str, str, list[Problem]]:
    """(group file, its new text, problems) for a "Record a check-in" issue body: the
    file as it is in `hub.root` with the check-in added after its last one, checked
    like any group file. The new text is only usable without errors.
    """
    fields = {f.label: f for f in checkin_fields()}
    data, seen, problems = _answers(fields, body, display)
    lines = {spec.field: seen.get(spec.label, 1) for spec in fields.values()}
    page = str(data.pop("group", ""))
    slug = _group_at(hub, page)
    if slug is None:
        if page:
            problems.append(
                Problem(
                    display,
                    lines["group"],
                    1,
                    "group",
                    f"no group page at '{page}'; copy the address of your group's page "
                    "in the hub (a private group adds its check-in in a pull request)",
                )
            )
        return "", "", sorted(problems)
    path = f"groups/{slug}.yml"
    raw = (hub.root / path).read_bytes()
    entry = {key: data.get(key) for key in CheckIn.model_fields}
    for key in RATINGS:  # the dropdowns' values are the digits 1 to 5
        entry[key] = int(entry[key]) if str(entry[key]).isdigit() else entry[key]
    with contextlib.suppress(TypeError, ValueError):
        entry["date"] = dt.date.fromisoformat(str(entry["date"]))
    text = append_checkin(raw.decode("utf-8"), entry)
    reported = {p.field for p in problems}
    found = []
    for p in _check_file(hub, slug, text, display):
        leaf = p.field.rsplit(".", 1)[-1]
        if leaf not in reported:
            found.append(Problem(display, lines.get(leaf, 1), 1, leaf, p.message, p.severity))
    return path, text, sorted(problems + found)


def _group_at(hub: Hub, page: str) -> str | None:
    """The file name (slug) of the published group whose page `page` names."""
    name = page.strip().rstrip("/").rpartition("groups/")[2].split("/")[0].split("?")[0]
    by_address = {address: slug for slug, address in addresses(hub).items()}
    return by_address.get(name) if name else None


def _check_file(hub: Hub, slug: str, text: str, display: str) -> list[Problem]:
    """A group file's problems, as the build would find them."""
    try:
        doc = load_bytes(text.encode(), display)
    except YamlProblem as exc:
        return [exc.problem]
    group, found = validate(doc, Group)
    if group is None:
        return found
    return [
        Problem(display, 1, 1, dotted(loc), message, severity)
        for loc, message, severity in check_group(slug, group, hub.formats, today())
    ]


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


def _check(hub: Hub, slug: str, text: str, display: str, lines: dict[str, int]) -> list[Problem]:
    """Validate the produced file like any group file; point problems at form sections."""
    found = _check_file(hub, slug, text, display)
    reserved = slug_problem(slug, "groups") if slug else None
    if not slug:
        found.append(Problem(display, 1, 1, "name", "use letters or digits in the group name"))
    elif reserved:
        found.append(
            Problem(
                display,
                1,
                1,
                "name",
                f"the group name gives the file name "
                f"'{slug}.yml', but {reserved}; choose another name",
            )
        )
    elif slug in hub.groups:
        found.append(
            Problem(
                display,
                1,
                1,
                "name",
                f"a group file groups/{slug}.yml already exists; choose another name",
            )
        )
    located = []
    for p in found:
        key = p.field.split("[")[0]
        line = lines.get(key, lines.get(key.split(".")[0], 1))
        located.append(Problem(display, line, 1, p.field, p.message, p.severity))
    return sorted(located)


class _BadAnswer(ValueError):
    """An answer that cannot become a file value; the message says what to change."""


def _choice(spec: FormField, text: str) -> str:
    for value, label in spec.options:
        if label.lower() == text.lower():
            return value
    raise _BadAnswer(f"choose one of the form's options, got '{text}'")


def _choices(spec: FormField, text: str) -> list[str]:
    values = []
    for part in (p.strip() for p in text.split(",")):
        try:
            values.append(_choice(spec, part))
        except _BadAnswer:
            raise _BadAnswer(f"'{part}' is not one of the form's options") from None
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


def _decimal(text: str) -> float | str:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return text  # the model's check says what is expected


def _link(line: str) -> dict[str, str]:
    title, _, url = line.rpartition("|")
    return {"title": title.strip() or url.strip(), "url": url.strip()}


def _put(data: dict[str, Any], dotted_field: str, value: Any) -> None:
    *parents, last = dotted_field.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def comment(problems_text: str) -> str:
    """The bot's reply to an issue whose answers need fixing, in Markdown.

    The problems quote the contributor's answers, so they sit in a code fence longer
    than any run of backticks in them: an answer cannot close the fence early.
    """
    longest = max((len(run) for run in re.findall(r"`+", problems_text)), default=0)
    fence = "`" * max(3, longest + 1)
    return (
        "Thanks! A few answers need changing before this can become a page:\n\n"
        f"{fence}text\n{problems_text.rstrip()}\n{fence}\n\n"
        "Edit the issue and the check runs again.\n"
    )
