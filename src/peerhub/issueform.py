"""The "share your experience" issue form, and turning a filled-in form into a group file.

GitHub renders an issue form's answers as Markdown: one `### Label` heading per
field, the answer under it, `_No response_` when left empty. `FIELDS` is the one
description of the form: `form_yaml` writes the form from it, and `group_from_issue`
reads answers back by the same labels, so the two cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from .fieldtypes import new_opaque_id
from .models import Group, today
from .privacy import READABLE_NOTE, VISIBILITY_TEXT
from .problems import Problem
from .project import Hub, slug_problem, slugify
from .rules import check_group
from .validation import suggest, validate
from .vocabulary import (
    CADENCE_LABELS,
    FACILITATION_LABELS,
    MODE_LABELS,
    OUTCOME_IDS,
)
from .yamlsafe import YamlProblem, dotted, load_bytes

NO_RESPONSE = "_No response_"
VISIBILITY_LABELS = {level: level.capitalize() for level in VISIBILITY_TEXT}
VISIBILITY_HELP = (
    " ".join(f"{level.capitalize()}: {text}." for level, text in VISIBILITY_TEXT.items())
    + " "
    + READABLE_NOTE
)


@dataclass(frozen=True)
class FormField:
    """One question on the form and the group field its answer fills."""

    label: str
    field: str
    kind: str = "input"  # input, textarea, lines, dropdown, multi, number, checkbox
    required: bool = False
    description: str = ""
    options: tuple[tuple[str, str], ...] = ()  # (value in the file, text on the form)


def _outcome_options(hub: Hub) -> tuple[tuple[str, str], ...]:
    return tuple((o, hub.outcomes[o].name) for o in OUTCOME_IDS if o in hub.outcomes)


def form_fields(hub: Hub) -> tuple[FormField, ...]:
    """The questions, in the order they appear on the form."""
    outcomes = _outcome_options(hub)
    return (
        FormField("Group name", "name", required=True, description="What members call the group."),
        FormField(
            "One-sentence summary", "summary", required=True, description="Who meets, and why."
        ),
        FormField(
            "What may we publish?",
            "visibility",
            "dropdown",
            required=True,
            description=VISIBILITY_HELP,
            options=tuple(VISIBILITY_LABELS.items()),
        ),
        FormField(
            "Who the members are",
            "audience",
            description="For example: staff-plus engineers, NGO executive directors.",
        ),
        FormField("Sector", "sector"),
        FormField(
            "Organization",
            "organization",
            description="Never published for anonymous or private groups.",
        ),
        FormField(
            "Main outcome",
            "outcomes.primary",
            "dropdown",
            required=True,
            description="The one outcome the group mainly serves.",
            options=outcomes,
        ),
        FormField("Other outcomes", "outcomes.secondary", "multi", options=outcomes),
        FormField(
            "Formats you use",
            "formats",
            "multi",
            options=tuple((s, f.name) for s, f in hub.formats.items()),
        ),
        FormField("How you meet", "mode", "dropdown", options=tuple(MODE_LABELS.items())),
        FormField(
            "How often you meet", "cadence", "dropdown", options=tuple(CADENCE_LABELS.items())
        ),
        FormField("Meeting length in minutes", "session_minutes", "number"),
        FormField(
            "Who facilitates",
            "facilitation",
            "dropdown",
            options=tuple(FACILITATION_LABELS.items()),
        ),
        FormField("People invited or eligible", "size.invited", "number"),
        FormField("Members", "size.members", "number"),
        FormField("People at a typical meeting", "size.attendance", "number"),
        FormField("When the group started", "started", description="YYYY, YYYY-MM or YYYY-MM-DD."),
        FormField("When the group ended", "ended", description="Leave empty if it is running."),
        FormField(
            "Is the group still meeting?",
            "running",
            "dropdown",
            description="Pages say so only when you do.",
            options=(("true", "Yes, it still meets"), ("false", "No, it has stopped")),
        ),
        FormField(
            "How the group runs",
            "story",
            "textarea",
            description="How it started and how a meeting goes. *Emphasis*, lists and "
            "https:// links work.",
        ),
        FormField("What worked", "what_worked", "lines", description="One point per line."),
        FormField("What was hard", "challenges", "lines", description="One point per line."),
        FormField("Advice for a new group", "advice", "lines", description="One point per line."),
        FormField("Tools you use", "tools", "lines", description="One per line."),
        FormField(
            "Links", "links", "lines", description="One per line, as: Title | https://address"
        ),
        FormField("Contact name", "contact.name"),
        FormField("Contact e-mail", "contact.email"),
        FormField(
            "Publish the contact?",
            "publish_contact",
            "checkbox",
            options=(("true", "Yes, show the contact on our public page"),),
        ),
    )


def form_yaml(hub: Hub) -> str:
    """The issue form definition for `.github/ISSUE_TEMPLATE/share-experience.yml`."""
    body: list[dict[str, Any]] = [
        {
            "type": "markdown",
            "attributes": {
                "value": "Thank you for sharing! A maintainer turns this into a pull "
                "request; the checks tell you if anything needs changing. Leave out "
                'what you don\'t know: pages say "Not recorded" rather than guess.'
            },
        }
    ]
    for f in form_fields(hub):
        item: dict[str, Any] = {"id": f.field.replace(".", "-").replace("_", "-")}
        attrs: dict[str, Any] = {"label": f.label}
        if f.description:
            attrs["description"] = f.description
        if f.kind in {"input", "number"}:
            item["type"] = "input"
        elif f.kind in {"textarea", "lines"}:
            item["type"] = "textarea"
        elif f.kind == "checkbox":
            item["type"] = "checkboxes"
            attrs["options"] = [{"label": text} for _, text in f.options]
        else:
            item["type"] = "dropdown"
            attrs["options"] = [text for _, text in f.options]
            attrs["multiple"] = f.kind == "multi"
        item["attributes"] = attrs
        if f.required:
            item["validations"] = {"required": True}
        body.append(item)
    body.append(
        {
            "type": "checkboxes",
            "id": "consent",
            "attributes": {
                "label": "Consent",
                "options": [
                    {
                        "label": "The group agreed to share this; nothing here is confidential.",
                        "required": True,
                    }
                ],
            },
        }
    )
    form = {
        "name": "Share a group's experience",
        "description": "Tell other peer groups how yours runs; no git or YAML needed.",
        "title": "Experience: ",
        "labels": ["experience"],
        "body": body,
    }
    header = "# Generated by `peerhub issue-form` from peerhub/issueform.py; do not edit.\n"
    return header + yaml.safe_dump(form, sort_keys=False, allow_unicode=True, width=100)


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


def group_from_issue(hub: Hub, body: str, display: str = "issue") -> tuple[str, str, list[Problem]]:
    """(slug, YAML text, problems) for an issue body; the YAML is only usable without errors."""
    fields = {f.label: f for f in form_fields(hub)}
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
    for spec in fields.values():
        if spec.required and spec.label not in seen:
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    spec.field,
                    f"the section '### {spec.label}' is missing; fill it in",
                )
            )
    if "Consent" not in seen:
        problems.append(
            Problem(
                display, 1, 1, "consent", "the section '### Consent' is missing; use the issue form"
            )
        )
    data["added"] = today()
    if data.get("visibility") == "anonymous":
        data["anonymous_id"] = new_opaque_id()
    slug = slugify(str(data.get("name", "")))
    text = "# yaml-language-server: $schema=../schema/group.schema.json\n" + yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88
    )
    reported = {p.field for p in problems}
    lines = {spec.field: seen.get(spec.label, 1) for spec in fields.values()}
    checked = _check(hub, slug, text, display, lines)
    return slug, text, sorted(problems + [p for p in checked if p.field not in reported])


def _check(hub: Hub, slug: str, text: str, display: str, lines: dict[str, int]) -> list[Problem]:
    """Validate the produced file like any group file; point problems at form sections."""
    try:
        doc = load_bytes(text.encode(), display)
    except YamlProblem as exc:
        return [exc.problem]
    group, found = validate(doc, Group)
    if group is not None:
        found = [
            Problem(display, 1, 1, dotted(loc), message, severity)
            for loc, message, severity in check_group(slug, group, hub.formats, today())
        ]
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
    "input": lambda spec, text: text,
    "textarea": lambda spec, text: text,
    "number": lambda spec, text: int(text) if text.isdigit() else text,
    "checkbox": lambda spec, text: "[x]" in text.lower() or None,
    "dropdown": _choice,
    "multi": _choices,
    "lines": _lines,
}


class _Dumper(yaml.SafeDumper):
    """Writes multi-line answers as readable `|` blocks."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


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
    than any run of backticks in them: an answer cannot close the fence early."""
    longest = max((len(run) for run in re.findall(r"`+", problems_text)), default=0)
    fence = "`" * max(3, longest + 1)
    return (
        "Thanks! A few answers need changing before this can become a page:\n\n"
        f"{fence}text\n{problems_text.rstrip()}\n{fence}\n\n"
        "Edit the issue and the check runs again.\n"
    )
