"""The questions of the issue forms: "share your experience" and "record a check-in".

`form_fields` is the one description of the form: `definitions.form_yaml` writes
GitHub's form definition from it, and `reader` reads a filled-in form back by the
same labels, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from peerhub.content.groups import Group
from peerhub.content.vocabulary import (
    CADENCE_LABELS,
    FACILITATION_LABELS,
    MODE_LABELS,
    OUTCOME_IDS,
)
from peerhub.decisions.checkins import COUNTS, QUESTIONS, RATINGS, SCALE
from peerhub.decisions.privacy import READABLE_NOTE, VISIBILITY_TEXT
from peerhub.site import Site

__all__ = [
    "NOT_ASKED",
    "NO_RESPONSE",
    "VISIBILITY_HELP",
    "VISIBILITY_LABELS",
    "FormField",
    "checkin_fields",
    "derived",
    "form_fields",
]

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
    kind: str = "input"  # input, textarea, lines, dropdown, multi, number, decimal, checkbox
    required: bool = False
    description: str = ""
    options: tuple[tuple[str, str], ...] = ()  # (value in the file, text on the form)


def _outcome_options(hub: Site) -> tuple[tuple[str, str], ...]:
    return tuple((o, hub.outcomes[o].name) for o in OUTCOME_IDS if o in hub.outcomes)


#: Group fields the form does not ask for, and why. Every other field is asked: by a
#: question written below, or else by one made from the field itself (`derived`).
NOT_ASKED = {
    "anonymous_id": "the form's reader makes a fresh random one",
    "added": "the form's reader writes the day it reads the issue",
    "credit": "maintainers credit accounts they retell from published material",
    "sources": "maintainers cite the published material they retell",
    "checkins": "a dated list that grows over time; each check-in is added to the file",
}


def form_fields(hub: Site, model: type[BaseModel] = Group) -> tuple[FormField, ...]:
    """The questions, in the order they appear on the form (`model`: for tests)."""
    written = _written(hub)
    asked = {f.field.split(".")[0] for f in written}
    contact = next(i for i, f in enumerate(written) if f.field == "contact.name")
    extra = derived(model, asked | set(NOT_ASKED))
    return (*written[:contact], *extra, *written[contact:])


def derived(model: type[BaseModel], skip: set[str]) -> tuple[FormField, ...]:
    """Plain questions for the fields not in `skip`: the field's docstring is the
    label, and its type gives the kind of answer. A field whose type gives none (a
    list of records, say) gets none; a test then asks for a written question.
    """
    properties = model.model_json_schema(mode="validation")["properties"]
    questions = []
    for name, info in model.model_fields.items():
        kind = None if name in skip else _kind_of(properties[name])
        if kind:
            words = " ".join((info.description or name).split())
            label, _, more = words.partition(". ")
            questions.append(
                FormField(label.rstrip("."), name, kind[0], description=more, options=kind[1])
            )
    return tuple(questions)


def _kind_of(schema: dict[str, Any]) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """(kind, options) of the answer a JSON Schema property takes, if a form can ask it."""
    choices = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    if len(choices) != 1:
        return None
    one = choices[0]
    if "enum" in one:
        return "dropdown", tuple((str(v), str(v)) for v in one["enum"])
    simple = {
        "integer": ("number", ()),
        "string": ("input", ()),
        "boolean": ("dropdown", (("true", "Yes"), ("false", "No"))),
    }
    if one.get("type") == "array" and one.get("items", {}).get("type") == "string":
        return "lines", ()
    return simple.get(one.get("type", ""))


def _written(hub: Site) -> tuple[FormField, ...]:
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
        FormField(
            "Can new members join?",
            "joining",
            "dropdown",
            description="Your page shows this as a badge, and the directory lists open groups.",
            options=(
                ("open", "Yes, we are open to new members"),
                ("waitlist", "There is a waitlist"),
                ("closed", "No, not at the moment"),
            ),
        ),
        FormField(
            "Next intake", "next_intake", description="The month you next take members: YYYY-MM."
        ),
        FormField(
            "How to ask to join",
            "join_how",
            description="One sentence, such as: E-mail the contact with a line about your "
            "role. Published only with the contact, on a public page.",
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


def checkin_fields() -> tuple[FormField, ...]:
    """The "record a check-in" form's questions: the group's page, then the check-in's
    fields in the order of `groups.CheckIn`, worded as the evaluation kit asks them.
    """
    ratings = tuple((str(n), f"{n}: {word}") for n, word in enumerate(SCALE, start=1))
    return (
        FormField(
            "Your group's page",
            "group",
            required=True,
            description="Copy the address of the group's page in the hub: it ends in "
            "groups/ and the page's name, such as groups/staff-plus-peer-group/ (an "
            "anonymous group's name there is random letters). A private group has no "
            "page: add its check-in to its file in a pull request instead.",
        ),
        FormField("Date of the check-in", "date", required=True, description="YYYY-MM-DD."),
        *(
            FormField(question, key, "decimal" if key == "attendance" else "number", True)
            for key, question in COUNTS.items()
        ),
        *(
            FormField(
                sentence,
                key,
                "dropdown",
                required=True,
                description=f"The middle mark of the members' marks ({RATINGS[key].lower()}).",
                options=ratings,
            )
            for key, sentence in QUESTIONS.items()
        ),
        FormField(
            "What stood out since the last check-in?",
            "note",
            description="One sentence, shown on the group's page. Name no one.",
        ),
    )
