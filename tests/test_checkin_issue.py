"""The "Record a check-in" issue form and `peerhub from-issue` adding its answers to a
group's file: every line already there stays as it was, and the result is checked
like any group file, with problems pointing at the issue's sections."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from peerhub.commands.cli import main
from peerhub.commands.issues.definitions import checkin_form_yaml
from peerhub.commands.issues.questions import checkin_fields
from peerhub.commands.issues.reader import checkin_from_issue
from peerhub.commands.issues.writer import append_checkin
from peerhub.render.project import check_project, load_site

from conftest import REPO, VALID_GROUP, make_project

BODY = (Path(__file__).parent / "issues" / "check-in.md").read_text()

#: A group file as people write them: comments, blank lines, a key after the list.
WRITTEN = (
    "# Our circle; ask Dana before changing this file.\n"
    + VALID_GROUP
    + """\
started: 2025-01
checkins:
    - date: 2025-03-01   # the first one
      members: 8
      meetings: 3
      attendance: 6
      process: 3
      results: 2
      safety: 4

# The rest is about how we run.
running: true
"""
)

#: What the form's answers add, written by hand.
ADDED = """\
    - date: 2025-10-01
      members: 8
      meetings: 3
      attendance: 6.5
      process: 4
      results: 3
      safety: 5
"""
#: The same entry where the list is indented by two spaces.
ADDED_BY_TWO = ADDED.replace("    ", "  ", 1).replace("\n      ", "\n    ")


def hub_with(tmp_path: Path, text: str, visibility: str = "") -> object:
    return load_site(
        make_project(tmp_path / "hub", groups={"example-circle.yml": text + visibility})
    )


def test_committed_check_in_form_is_current() -> None:
    committed = (REPO / ".github" / "ISSUE_TEMPLATE" / "record-check-in.yml").read_text()
    assert committed == checkin_form_yaml(), "run `peerhub issue-form` to refresh it"


def test_the_form_asks_every_check_in_field_in_order() -> None:
    form = yaml.safe_load(checkin_form_yaml())
    assert form["labels"] == ["check-in"]
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert ids == [
        "group",
        "date",
        "members",
        "meetings",
        "attendance",
        "process",
        "results",
        "safety",
        "note",
        "consent",
    ]
    ratings = next(item for item in form["body"] if item.get("id") == "safety")
    assert ratings["attributes"]["options"] == [
        "1: Not true",
        "2: Rarely true",
        "3: Sometimes true",
        "4: Mostly true",
        "5: Fully true",
    ]
    assert checkin_fields()[0].label == "Your group's page"


def test_the_check_in_goes_after_the_last_one_and_nothing_else_moves(tmp_path: Path) -> None:
    path, text, problems = checkin_from_issue(hub_with(tmp_path, WRITTEN), BODY, "body.md")
    assert problems == []
    assert path == "groups/example-circle.yml"
    before, after = WRITTEN.split("\n# The rest", 1)
    assert text == before.rstrip("\n") + "\n" + ADDED + "\n# The rest" + after


def test_a_group_without_check_ins_gets_the_list_at_the_end(tmp_path: Path) -> None:
    _, text, problems = checkin_from_issue(hub_with(tmp_path, VALID_GROUP), BODY, "body.md")
    assert problems == []
    assert text == VALID_GROUP + "checkins:\n" + ADDED_BY_TWO


def test_the_written_file_passes_the_projects_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path / "hub", groups={"example-circle.yml": WRITTEN})
    body = tmp_path / "body.md"
    body.write_text(BODY.replace("_No response_", "New members joined after the summer."))
    assert main(["from-issue", str(body), "--write", "--root", str(root)]) == 0
    assert capsys.readouterr().out == "added a check-in to groups/example-circle.yml\n"
    hub, problems = check_project(root)
    assert problems == []
    checkins = hub.groups["example-circle"].checkins
    assert [str(c.date) for c in checkins] == ["2025-03-01", "2025-10-01"]
    assert checkins[-1].note == "New members joined after the summer."
    # Another check-in later in October is refused, at the date's line.
    body.write_text(BODY.replace("2025-10-01", "2025-10-20"))
    assert main(["from-issue", str(body), "--root", str(root)]) == 1
    assert capsys.readouterr().out.startswith(
        "body.md:7:1: error: date: a second check-in in 2025-10; record at most one a month"
    )


def test_an_anonymous_group_is_found_by_its_page_address(tmp_path: Path) -> None:
    hub = hub_with(tmp_path, WRITTEN, "visibility: anonymous\nanonymous_id: q7w2e9r4t5y8\n")
    body = BODY.replace("groups/example-circle/", "groups/anonymous-q7w2e9r4t5y8/")
    path, _, problems = checkin_from_issue(hub, body, "body.md")
    assert (path, problems) == ("groups/example-circle.yml", [])
    # Its file name is not a page address: an anonymous group's name stays out of issues.
    _, _, problems = checkin_from_issue(hub, BODY, "body.md")
    assert [p.field for p in problems] == ["group"]


def test_a_private_group_has_no_page_to_name(tmp_path: Path) -> None:
    hub = hub_with(tmp_path, WRITTEN, "visibility: private\n")
    path, text, problems = checkin_from_issue(hub, BODY, "body.md")
    assert (path, text) == ("", "")
    assert [str(p) for p in problems] == [
        "body.md:3:1: error: group: no group page at "
        "'https://hub.example.org/groups/example-circle/'; copy the address of your group's "
        "page in the hub (a private group adds its check-in in a pull request)"
    ]


def test_bad_answers_point_at_their_sections(tmp_path: Path) -> None:
    hub = hub_with(tmp_path, WRITTEN)
    _, _, problems = checkin_from_issue(hub, BODY.replace("\n8\n", "\n5\n"), "body.md")
    assert [str(p) for p in problems] == [
        "body.md:19:1: error: attendance: 6.5 is more than members (5); attendance is how "
        "many members come to a meeting, on average",
    ]
    body = BODY.replace("3: Sometimes true", "7: Wonderful").replace("\n6.5\n", "\nsix\n")
    _, _, problems = checkin_from_issue(hub, body, "body.md")
    assert [str(p) for p in problems] == [
        "body.md:19:1: error: attendance: expected a number such as 6 or 6.5; got 'six'",
        "body.md:27:1: error: results: choose one of the form's options, got '7: Wonderful'",
    ]


def test_the_bots_reply_names_the_check_in_forms_questions(tmp_path: Path) -> None:
    """Every problem in the first reply, the date's rule included (it is checked on the
    written file), under the questions as the form shows them, with no line numbers."""
    root = make_project(tmp_path / "hub", groups={"example-circle.yml": WRITTEN})
    body = (
        BODY.replace("2025-10-01", "2999-10-01")
        .replace("\n8\n", "\neight\n")
        .replace("\n6.5\n", "\nabout six\n")
        .replace("3: Sometimes true", "7: Wonderful")
    )
    (tmp_path / "body.md").write_text(body)
    args = ["from-issue", str(tmp_path / "body.md"), "--root", str(root)]
    assert main([*args, "--comment", str(tmp_path / "reply.md")]) == 1
    assert (tmp_path / "reply.md").read_text() == (
        "Thanks! A few answers need changing before this can become a page:\n\n"
        "- **Date of the check-in**: 2999-10-01 is in the future; record a check-in after it\n"
        "- **How many members does the group have today?**: write a whole number, such as 8 "
        "(the answer was 'eight')\n"
        "- **How many members came to a meeting, on average, in that time?**: write a number, "
        "such as 6.5 (the answer was 'about six')\n"
        "- **I am making progress on what this group is for.**: choose one of the form's "
        "options, got '7: Wonderful'\n"
        "\nEdit the issue and the check runs again.\n"
    )


def test_missing_answers_and_consent_are_named(tmp_path: Path) -> None:
    body = BODY.split("### Consent")[0].replace("### Date of the check-in\n\n2025-10-01\n\n", "")
    _, _, problems = checkin_from_issue(hub_with(tmp_path, WRITTEN), body, "body.md")
    assert [str(p) for p in problems] == [
        "body.md:1:1: error: consent: the section '### Consent' is missing; use the issue form",
        "body.md:1:1: error: date: the section '### Date of the check-in' is missing; fill it in",
    ]


@pytest.mark.parametrize(
    "entry",
    [
        "  - {date: 2025-03-01, members: 8, meetings: 3, attendance: 6, process: 3, "
        "results: 2, safety: 4}\n",
        "  - members: 8\n    date: 2025-03-01\n    meetings: 3\n    attendance: 6\n"
        "    process: 3\n    results: 2\n    safety: 4\n",
    ],
    ids=["flow-mapping", "date-not-first"],
)
def test_the_new_entry_starts_at_the_dash_of_the_one_above(tmp_path: Path, entry: str) -> None:
    written = VALID_GROUP + "started: 2025-01\ncheckins:\n" + entry
    _, text, problems = checkin_from_issue(hub_with(tmp_path, written), BODY, "body.md")
    assert problems == []
    assert text == written + ADDED_BY_TWO


#: Where a written file gets the new check-in, in the files below.
HERE = "<new>"
#: A check-in already there, as a flow mapping.
EARLIER = (
    "{date: 2025-03-01, members: 8, meetings: 3, attendance: 6, process: 3, results: 2, safety: 4}"
)
#: The form's answers as a flow mapping, written by hand.
ADDED_FLOW = (
    "{date: 2025-10-01, members: 8, meetings: 3, attendance: 6.5, process: 4, results: 3, "
    "safety: 5}"
)
NOTE = "Two joined, one left: we are 8 again."
#: The same with the note, quoted as YAML needs it in a flow mapping and in a block.
ADDED_FLOW_NOTE = ADDED_FLOW.replace("}", f", note: '{NOTE}'}}")
STARTED = VALID_GROUP + "started: 2025-01\n"


@pytest.mark.parametrize(
    ("written", "added", "note"),
    [
        (STARTED + f"checkins: [{EARLIER}{HERE}]\n", ", " + ADDED_FLOW, ""),
        (STARTED + f"checkins: [{EARLIER}{HERE}]\n", ", " + ADDED_FLOW_NOTE, NOTE),
        (
            STARTED + f"checkins: [\n  {EARLIER},\n  {EARLIER.replace('03', '06')}{HERE}\n]\n",
            ",\n  " + ADDED_FLOW,
            "",
        ),
        (
            STARTED + f"checkins: [   # oldest first\n    {EARLIER}{HERE},\n  ]  # ours\n"
            "running: true\n",
            ",\n    " + ADDED_FLOW_NOTE,
            NOTE,
        ),
        (VALID_GROUP + f"checkins: [{HERE}]   # none yet\n", ADDED_FLOW, ""),
        (VALID_GROUP + f"checkins: [{HERE}\n]   # none yet\nrunning: true\n", ADDED_FLOW, ""),
        (VALID_GROUP + f"{HERE}...\n", "checkins:\n" + ADDED_BY_TWO, ""),
        (VALID_GROUP + f"\n# Check-ins go below.\n{HERE}\n...\n", "checkins:\n" + ADDED_BY_TWO, ""),
        (
            STARTED + f"checkins:\n  - {EARLIER}  # first\n{HERE}\n# More soon.\n...\n",
            ADDED_BY_TWO,
            "",
        ),
        (
            STARTED + f"checkins:\n- {EARLIER}\n{HERE}...\n# Kept after the end.\n",
            ADDED_BY_TWO.replace("\n  ", "\n").removeprefix("  "),
            "",
        ),
    ],
    ids=[
        "flow-one-line",
        "flow-one-line-with-a-note",
        "flow-one-item-a-line",
        "flow-trailing-comma-and-comments",
        "flow-empty-with-comment",
        "flow-empty-on-two-lines",
        "document-end-marker",
        "document-end-marker-after-comments",
        "block-list-then-document-end-marker",
        "dashes-at-the-keys-column-then-document-end-marker",
    ],
)
def test_the_entry_is_the_only_change(tmp_path: Path, written: str, added: str, note: str) -> None:
    before = written.replace(HERE, "")
    body = BODY.replace("_No response_", note) if note else BODY
    _, text, problems = checkin_from_issue(hub_with(tmp_path, before), body, "body.md")
    assert problems == []  # the new file loads and passes every check
    assert text == written.replace(HERE, added)
    assert text.replace(added, "", 1) == before


def test_crlf_line_endings_stay(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file saved on Windows keeps its CRLF line endings, the new lines included."""
    written = STARTED + f"checkins:\n  - {EARLIER}\n{HERE}# The end.\n"
    before = written.replace(HERE, "").replace("\n", "\r\n").encode()
    root = make_project(tmp_path / "hub")
    (root / "groups" / "example-circle.yml").write_bytes(before)
    body = tmp_path / "body.md"
    body.write_text(BODY, encoding="utf-8")
    assert main(["from-issue", str(body), "--write", "--root", str(root)]) == 0
    assert capsys.readouterr().out == "added a check-in to groups/example-circle.yml\n"
    after = (root / "groups" / "example-circle.yml").read_bytes()
    added = ADDED_BY_TWO.replace("\n", "\r\n").encode()
    assert after == written.replace("\n", "\r\n").replace(HERE, added.decode()).encode()
    assert after.replace(added, b"", 1) == before
    hub, problems = check_project(root)
    assert problems == []
    assert [str(c.date) for c in hub.groups["example-circle"].checkins] == [
        "2025-03-01",
        "2025-10-01",
    ]


def test_a_file_without_a_last_line_break_gets_one_before_the_list(tmp_path: Path) -> None:
    before = VALID_GROUP.removesuffix("\n")
    _, text, problems = checkin_from_issue(hub_with(tmp_path, before), BODY, "body.md")
    assert problems == []
    assert text == before + "\ncheckins:\n" + ADDED_BY_TWO


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"], ids=["u2028", "u2029", "u0085"])
def test_a_line_break_character_in_the_note_is_refused(tmp_path: Path, char: str) -> None:
    """YAML (and many editors) read these as line breaks: a one-line note may not hold one."""
    hub = hub_with(tmp_path, WRITTEN)
    body = BODY.replace("_No response_", f"Two joined{char}one left")
    path, _, problems = checkin_from_issue(hub, body, "body.md")
    assert path == "groups/example-circle.yml"
    assert [str(p) for p in problems] == [
        f"body.md:35:1: error: note: must fit on one line, but contains a line break "
        f"character (U+{ord(char):04X}) at character 11; delete it"
    ]


def test_a_line_break_character_is_written_as_an_escape() -> None:
    """The writer never lets a value break the file's lines, whatever the checks say."""
    entry = {"date": "2025-10-01", "members": 8, "note": "Two joined\u2028one left\x85"}
    assert append_checkin(VALID_GROUP, entry) == (
        VALID_GROUP
        + "checkins:\n  - date: '2025-10-01'\n    members: 8\n"
        + '    note: "Two joined\\Lone left\\N"\n'
    )


@pytest.mark.parametrize(
    "answer",
    ["+8", "\u0668", "\uff18", "0_8"],
    ids=["plus", "arabic-indic", "full-width", "underscore"],
)
def test_a_number_answer_is_read_as_int_reads_it(tmp_path: Path, answer: str) -> None:
    """What int() reads as 8 (after the answer's spaces are stripped) is 8."""
    hub = hub_with(tmp_path, VALID_GROUP)
    body = BODY.replace("\n8\n", f"\n  {answer} \n")
    _, text, problems = checkin_from_issue(hub, body, "body.md")
    assert problems == []
    assert text == VALID_GROUP + "checkins:\n" + ADDED_BY_TWO


@pytest.mark.parametrize(
    "answer",
    ["\u00b2", "8\u00b2", "\u2467", "8.0"],
    ids=["superscript", "8-squared", "circled", "8.0"],
)
def test_a_number_answer_int_cannot_read_gets_the_forms_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], answer: str
) -> None:
    """`²` and `⑧` are digits to str.isdigit(), not to int(): the usual message, no traceback."""
    root = make_project(tmp_path / "hub", groups={"example-circle.yml": WRITTEN})
    body = tmp_path / "body.md"
    body.write_text(BODY.replace("\n8\n", f"\n{answer}\n"), encoding="utf-8")
    assert main(["from-issue", str(body), "--root", str(root)]) == 1
    assert capsys.readouterr().out == (
        f"body.md:11:1: error: members: expected a whole number such as 8, got '{answer}'\n"
    )


def test_a_whole_number_of_people_is_written_without_a_decimal_point(tmp_path: Path) -> None:
    """ "6" at a meeting on average is written `attendance: 6`, as a person would."""
    body = BODY.replace("\n6.5\n", "\n6\n")
    _, text, problems = checkin_from_issue(hub_with(tmp_path, VALID_GROUP), body, "body.md")
    assert problems == []
    assert "attendance: 6\n" in text or "attendance: 6," in text
    assert "6.0" not in text
