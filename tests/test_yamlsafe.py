"""The strict YAML reader: what it keeps, what it refuses, where it points."""

from __future__ import annotations

import time

import pytest

from peerhub.content.yamlsafe import MAX_BYTES, YamlProblem, load_bytes

from conftest import REPO


def problem(raw: bytes) -> str:
    with pytest.raises(YamlProblem) as caught:
        load_bytes(raw, "groups/x.yml")
    return str(caught.value.problem)


def test_scalars_stay_as_written() -> None:
    doc = load_bytes(b"a: NO\nb: 19:30\nc: 012345\nd: 1.10\ne: on\nf: 8\n", "x.yml")
    assert doc.data == {"a": "NO", "b": "19:30", "c": "012345", "d": "1.10", "e": "on", "f": "8"}


def test_empty_and_null_become_none_but_quoted_null_is_text() -> None:
    doc = load_bytes(b'a:\nb: ~\nc: null\nd: "null"\ne: ""\n', "x.yml")
    assert doc.data == {"a": None, "b": None, "c": None, "d": "null", "e": ""}


def test_positions_of_keys_and_values() -> None:
    doc = load_bytes(b"name: x\nagenda:\n  - step: a\n    minutes: 5\n", "x.yml")
    assert doc.keys[("agenda", 0, "minutes")] == (4, 5)
    assert doc.values[("agenda", 0, "minutes")] == (4, 14)
    assert doc.position(("agenda", 0, "missing")) == (3, 5)


def test_bom_is_accepted() -> None:
    assert load_bytes(b"\xef\xbb\xbfname: x\n", "x.yml").data == {"name": "x"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a: !!str x\n", "groups/x.yml:1:4: error: a: tags such as"),
        (b"a: &x 1\n", "groups/x.yml:1:4: error: a: anchors ('&name') are not allowed"),
        (b"a: *x\n", "groups/x.yml:1:4: error: a: aliases ('*name') are not allowed"),
        (b"a: 1\na: 2\n", "groups/x.yml:2:1: error: a: duplicate key 'a' (first set on line 1)"),
        (b"a: 1\n---\nb: 2\n", "groups/x.yml:2:1: error: (file): only one document"),
        (b"just text\n", "groups/x.yml:1:1: error: (file): expected fields such as"),
        (b"? [a]\n: 1\n", "groups/x.yml:1:3: error: (yaml): keys must be plain words"),
        (b"a:\n\t- b\n", "groups/x.yml:2:1: error: (yaml): invalid YAML: a tab character"),
        (b"a: caf\xe9\n", "groups/x.yml:1:7: error: (yaml): file is not UTF-8 text"),
        (b"a: b\x00\n", "groups/x.yml:1:5: error: (yaml): file contains a NUL character"),
        (
            b"a: b\x07\n",
            "groups/x.yml:1:5: error: (yaml): the file contains a control character "
            "(U+0007) that YAML does not allow; delete it",
        ),
        (b"# only a comment\n", "groups/x.yml:1:1: error: (file): the file is empty"),
        (b"a: " + b"[" * 40 + b"]" * 40, "error: a[1][1][1][1][1][1][1][1][1][1][1][1]: nested"),
    ],
)
def test_refused_inputs_are_located(raw: bytes, expected: str) -> None:
    assert expected in problem(raw)


def test_size_cap() -> None:
    message = problem(b"a: " + b"x" * MAX_BYTES + b"\n")
    assert message.startswith("groups/x.yml:1:1: error: (file): file is")
    assert f"the limit is {MAX_BYTES:,}" in message


def test_alias_bomb_is_refused_quickly() -> None:
    lines = [b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        refs = ",".join([f"*{prev}"] * 9).encode()
        lines.append(name.encode() + b": &" + name.encode() + b" [" + refs + b"]")
    start = time.perf_counter()
    message = problem(b"\n".join(lines) + b"\n")
    assert time.perf_counter() - start < 1.0
    assert "anchors ('&name') are not allowed" in message


def test_a_cut_down_document_points_where_the_whole_one_does_for_its_field() -> None:
    """A group file is kept after its checks only as `only("anonymous_id")`; the check
    across files (a shared anonymous_id) must still point at the same place."""
    files = sorted(REPO.glob("groups/*.yml")) + sorted(REPO.glob("formats/*.yml"))
    files += sorted(REPO.glob("tests/cases/*/groups/*.yml"))
    compared = 0
    for path in files:
        try:
            whole = load_bytes(path.read_bytes(), path.name)
        except YamlProblem:
            continue
        for name in whole.data:
            slim = whole.only(name)
            assert set(slim.values) <= {(), (name,)}
            assert set(slim.keys) <= {(name,)}
            assert slim.where((name,)) == whole.where((name,)), (path, name)
            compared += 1
    assert compared > 500
