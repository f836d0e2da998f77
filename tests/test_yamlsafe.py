"""The strict YAML reader: what it keeps, what it refuses, where it points."""

from __future__ import annotations

import time

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from peerhub.content.yamlbuilder import LOADER, Builder
from peerhub.content.yamlsafe import MAX_BYTES, MAX_DEPTH, YamlProblem, load_bytes

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
    assert doc.position(("agenda", 0, "minutes"), key=True) == (4, 5)
    assert doc.position(("agenda", 0, "minutes")) == (4, 14)
    assert doc.where(("agenda", 0)) == (3, 5)
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


def read_whole(raw: bytes) -> tuple[object, dict, dict] | str:
    """The oracle: the full reader alone, every position noted as it reads."""
    builder = Builder("x.yml")
    try:
        data = builder.build(yaml.parse(raw.decode("utf-8"), Loader=LOADER))
    except YamlProblem as exc:
        return str(exc.problem)
    return data, builder.values, builder.keys


def read_as_the_hub_does(raw: bytes) -> tuple[object, dict, dict] | str:
    """`load_bytes`, then every position the full reader noted, asked of the document."""
    try:
        doc = load_bytes(raw, "x.yml")
    except YamlProblem as exc:
        return str(exc.problem)
    whole = read_whole(raw)
    assert not isinstance(whole, str), whole
    values = {loc: doc.position(loc) for loc in whole[1]}
    keys = {loc: doc.position(loc, key=True) for loc in whole[2]}
    return doc.data, values, keys


def test_a_plain_file_is_read_once_and_again_only_when_a_position_is_asked_for() -> None:
    doc = load_bytes(b"name: x\nagenda:\n  - step: a\n", "x.yml")
    assert doc.source is not None  # only the top level's positions so far
    assert set(doc.values) == {(), ("name",), ("agenda",)}
    assert doc.position(("agenda", 0, "step")) == (3, 11)
    assert doc.source is None
    assert doc.values[("agenda", 0, "step")] == (3, 11)


def test_every_content_file_reads_as_the_full_reader_reads_it() -> None:
    """Data, every position and every refusal, for the repository's content files and
    every bad-input case: the quick first read changes none of them."""
    files = [*REPO.glob("*/*.yml"), *REPO.glob("tests/cases/*/*/*.yml")]
    assert len(files) > 60
    for path in files:
        raw = path.read_bytes()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if b"\x00" in raw or len(raw) > MAX_BYTES:
            continue
        try:
            expected = read_whole(raw)
        except yaml.YAMLError:
            continue  # not YAML at all: the same parser error either way (test_yamlsafe_messages)
        assert read_as_the_hub_does(raw) == expected, path


UNUSUAL = [
    "&anchor v",
    "*alias",
    "!!str 5",
    "!tag v",
    "! v",
    "{a: 1, a: 2}",
    "[a, {'': 1}]",
    "{[a]: 1}",
    "{? {a: 1} : 2}",
    '"null"',
    "~",
    "",
    "'quoted'",
    "|\n    block",
]


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.sampled_from(UNUSUAL) | st.text(alphabet="abc :-", max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]")
            | st.dictionaries(st.sampled_from(["a", "b", "c"]), inner, max_size=3).map(
                lambda d: "{" + ", ".join(f"{k}: {v}" for k, v in d.items()) + "}"
            )
        ),
        max_leaves=8,
    ),
    st.sampled_from(["top", "nested", "twice"]),
)
def test_any_value_anywhere_reads_as_the_full_reader_reads_it(value: str, where: str) -> None:
    text = {
        "top": f"name: x\nfield: {value}\n",
        "nested": f"name: x\nfield:\n  - {{inner: {value}}}\n",
        "twice": f"field: {value}\nfield: {value}\n",
    }[where]
    raw = text.encode()
    try:
        expected = read_whole(raw)
    except yaml.YAMLError:
        with pytest.raises(YamlProblem):
            load_bytes(raw, "x.yml")
        return
    assert read_as_the_hub_does(raw) == expected


def nested(levels: int) -> str:
    """A value `levels` deep below the top-level field `f` (depth counts from the file)."""
    return "f: " + "[" * (levels - 1) + "x" + "]" * (levels - 1) + "\n"


@pytest.mark.parametrize(
    "text",
    [
        "--- &root\nname: x\n",
        "--- !!map\nname: x\n",
        "&key name: x\n",
        "!!str name: x\n",
        "name: x\n? [a]\n: 1\n",
        "name: x\n---\nname: y\n",
        nested(MAX_DEPTH),
        nested(MAX_DEPTH + 1),
        "f:\n  &a g: 1\n",
        "f:\n  !!str g: 1\n",
    ],
)
def test_the_edges_of_what_is_refused_read_as_the_full_reader_reads_them(text: str) -> None:
    assert read_as_the_hub_does(text.encode()) == read_whole(text.encode())
