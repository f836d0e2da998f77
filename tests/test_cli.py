"""The `peerhub` command: validate, new, schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from peerhub.commands.cli import main
from peerhub.render.schema import schemas

from conftest import REPO, VALID_GROUP, make_project


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_validate_clean_project(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", "--root", str(project))
    assert (code, out) == (0, [])
    files = len(list(project.glob("*/*.yml")))
    assert f"all content is valid ({files} files)" in err


def test_validate_paths_limit_the_report(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "groups" / "bad-one.yml").write_text(VALID_GROUP + "colour: red\n")
    (project / "groups" / "bad-two.yml").write_text(VALID_GROUP + "color: blue\n")
    code, out, _ = run(
        capsys, "validate", "--root", str(project), str(project / "groups" / "bad-two.yml")
    )
    assert code == 1
    assert out == [
        "groups/bad-two.yml:7:1: error: color: unknown field; allowed here: name, "
        "visibility, anonymous_id, summary, added, organization, audience, sector, story, "
        "formats, outcomes, size, mode, cadence, session_minutes, facilitation, started, "
        "ended, running, tools, what_worked, challenges, advice, links, joining, "
        "next_intake, join_how, contact, publish_contact, credit, sources, checkins"
    ]
    code, out, _ = run(capsys, "validate", "--root", str(project), str(project / "formats"))
    assert (code, out) == (0, [])


def test_validate_emits_github_annotations(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (project / "groups" / "typo.yml").write_text(VALID_GROUP + "cadance: monthly\n")
    code, out, err = run(capsys, "validate", "--root", str(project))
    assert code == 1
    assert out == [
        "groups/typo.yml:7:1: error: cadance: unknown field; did you mean 'cadence'?",
        "::error file=groups/typo.yml,line=7,col=1,title=cadance::cadance: unknown field; did "
        "you mean 'cadence'?",
    ]
    assert "1 error, 0 warnings" in err


def test_new_group_writes_a_commented_template(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "new", "group", "Finance Leaders' Circle", "--root", str(project))
    target = project / "groups" / "finance-leaders-circle.yml"
    assert code == 0
    assert out == [
        "wrote groups/finance-leaders-circle.yml: fill it in, then run `peerhub validate`"
    ]
    text = target.read_text()
    assert text.startswith("# yaml-language-server: $schema=../schema/group.schema.json\n")
    assert 'name: "Finance Leaders\' Circle"\n' in text
    code, out, _ = run(capsys, "validate", "--root", str(project))
    assert code == 1
    assert [line.split(": error: ")[1] for line in out] == [
        "summary: has no value; write one, or delete the line",
        "outcomes.primary: has no value; write one, or delete the line",
    ]
    code, _, err = run(capsys, "new", "group", "Finance leaders circle", "--root", str(project))
    assert code == 1
    assert "already exists" in err


def test_new_format_template_starts_with_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path / "hub")
    assert run(capsys, "new", "format", "Fishbowl", "--root", str(root))[0] == 0
    text = (root / "formats" / "fishbowl.yml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../schema/format.schema.json\n")


def test_committed_schemas_are_current() -> None:
    for name, schema in schemas().items():
        committed = json.loads((REPO / "schema" / f"{name}.schema.json").read_text())
        assert committed == schema, f"schema/{name}.schema.json is stale: run `make schema`"


def test_schema_describes_fields_for_editors() -> None:
    group = schemas()["group"]
    assert group["properties"]["visibility"]["enum"] == ["public", "anonymous", "private"]
    assert group["properties"]["name"]["description"].startswith("The group's name")
    assert set(group["required"]) == {"name", "summary", "added", "outcomes"}


#: The keywords of JSON Schema 2020-12 (core, applicator, validation, format, meta-data)
#: the models' schemas may use; anything else is a key no editor or validator reads.
STANDARD_KEYWORDS = {
    "$schema", "$id", "$ref", "$defs", "type", "properties", "required", "items",
    "additionalProperties", "enum", "const", "anyOf", "allOf", "oneOf", "format",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength",
    "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "title",
    "description", "default", "examples",
}  # fmt: skip


def keywords(node: object, inside_properties: bool = False) -> set[str]:
    """Every keyword used in a schema (not the names under `properties` and `$defs`, nor
    what example and default values hold)."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if not inside_properties:
                found.add(key)
            if inside_properties or key not in {"default", "examples", "const", "enum"}:
                found |= keywords(value, inside_properties=key in {"properties", "$defs"})
    elif isinstance(node, list):
        for item in node:
            found |= keywords(item)
    return found


def test_schemas_state_every_bound_in_standard_keywords() -> None:
    """An editor checking a file against the schema refuses what `peerhub validate`
    refuses: a meeting of 99,999 minutes, or of 2."""
    for name, schema in schemas().items():
        assert keywords(schema) <= STANDARD_KEYWORDS, name
    group = yaml.safe_load((REPO / "groups" / "staff-plus-peer-group.yml").read_text())
    group = json.loads(json.dumps(group, default=str))  # dates as the editor sees them: text
    validator = jsonschema.Draft202012Validator(schemas()["group"])
    assert list(validator.iter_errors(group)) == []

    def first_error(minutes: int) -> str:
        errors = validator.iter_errors({**group, "session_minutes": minutes})
        return jsonschema.exceptions.best_match(errors).message

    assert first_error(99999) == "99999 is greater than the maximum of 1440"
    assert first_error(2) == "2 is less than the minimum of 5"
