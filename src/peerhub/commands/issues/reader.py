"""Read a filled-in issue form back into a group file, checked like any group file.

`answers` finds each answer under the label `questions.form_fields` gives it; problems
point at the answer's line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from functools import partial

from peerhub.commands.issues.answers import answers
from peerhub.commands.issues.questions import checkin_fields, form_fields
from peerhub.commands.issues.writer import append_checkin, group_yaml
from peerhub.content.fieldtypes import new_opaque_id
from peerhub.content.filenames import slug_problem, slugify
from peerhub.content.groups import CheckIn, Group
from peerhub.content.problems import Problem, dotted
from peerhub.content.refused import accepted_findings, refused
from peerhub.content.rules import check_group
from peerhub.content.validation import validate
from peerhub.content.yamlsafe import YamlProblem, load_bytes
from peerhub.decisions.checkins import RATINGS
from peerhub.site import Site

__all__ = ["checkin_from_issue", "group_from_issue"]


def group_from_issue(
    hub: Site, body: str, display: str = "issue"
) -> tuple[str, str, list[Problem]]:
    """(slug, YAML text, problems) for an issue body; the YAML is only usable without errors."""
    fields = {f.label: f for f in form_fields(hub)}
    data, seen, problems = answers(fields, body, display)
    data["added"] = hub.today  # the day the checks below use, even across midnight
    if data.get("visibility") == "anonymous":
        data["anonymous_id"] = new_opaque_id()
    slug = slugify(str(data.get("name", "")))
    text = group_yaml(data)
    reported = {p.field for p in problems}
    lines = {spec.field: seen.get(spec.label, 1) for spec in fields.values()}
    checked = _check(hub, slug, text, display, lines)
    return slug, text, sorted(problems + [p for p in checked if p.field not in reported])


def checkin_from_issue(
    hub: Site, body: str, display: str = "issue"
) -> tuple[str, str, list[Problem]]:
    """(group file, its new text, problems) for a "Record a check-in" issue body: the
    file as it is in `hub.root` with the check-in added after its last one, checked
    like any group file. The new text is only usable without errors.
    """
    fields = {f.label: f for f in checkin_fields()}
    data, seen, problems = answers(fields, body, display)
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
            reported.add(leaf)
            found.append(Problem(display, lines.get(leaf, 1), 1, leaf, p.message, p.severity))
    if reported & set(_STAND_INS):
        # The date's rules (not in the future, not before the group started) in the same
        # round: checked with valid stand-ins for the answers already refused.
        stand_in = {**entry, **{k: v for k, v in _STAND_INS.items() if k in reported}}
        for p in _check_file(hub, slug, append_checkin(raw.decode("utf-8"), stand_in), display):
            if p.field.endswith(".date") and "date" not in reported:  # stand-ins trip the rest
                found.append(Problem(display, lines["date"], 1, "date", p.message, p.severity))
    return path, text, sorted(problems + found)


#: A valid value for each number a check-in holds, standing in for a refused answer.
_STAND_INS = {"members": 1, "meetings": 0, "attendance": 0, "process": 3, "results": 3, "safety": 3}


def _group_at(hub: Site, page: str) -> str | None:
    """The file name (slug) of the published group whose page `page` names."""
    name = page.strip().rstrip("/").rpartition("groups/")[2].split("/")[0].split("?")[0]
    by_address = {address: slug for slug, address in hub.addresses.items()}
    return by_address.get(name) if name else None


def _check_file(hub: Site, slug: str, text: str, display: str) -> list[Problem]:
    """A group file's problems, as the build would find them."""
    try:
        doc = load_bytes(text.encode(), display)
    except YamlProblem as exc:
        return [exc.problem]
    group, found = validate(doc, Group)
    check = partial(check_group, formats=hub.formats, today=hub.today)
    if group is None:  # the fields it accepted still meet the rules, in the same round
        return found + list(accepted_findings([refused(slug, doc, Group, found)], check))
    return [
        Problem(display, 1, 1, dotted(loc), message, severity)
        for loc, message, severity in check(slug, group)
    ]


def _check(hub: Site, slug: str, text: str, display: str, lines: dict[str, int]) -> list[Problem]:
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
