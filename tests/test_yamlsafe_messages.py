"""The reader's own messages, byte for byte: each row is a file and the one line a
contributor sees (line and column counted from 1)."""

from __future__ import annotations

import pytest

from peerhub.content.yamlsafe import MAX_BYTES, YamlProblem, load_bytes

from conftest import plain_id

NOT_UTF8 = "file is not UTF-8 text; save it with UTF-8 encoding"
NUL = "file contains a NUL character; is it really a text file?"
BELL = "the file contains a control character (U+0007) that YAML does not allow; delete it"
PLAIN_KEYS = "keys must be plain words such as 'name'"
ROWS = [
    (b"\nname: \xff\n", f"g.yml:2:7: error: (yaml): {NOT_UTF8}"),
    (b"name: \xff\n", f"g.yml:1:7: error: (yaml): {NOT_UTF8}"),
    (b"a: 1\nb: \x00 and \x00\n", f"g.yml:2:4: error: (yaml): {NUL}"),  # the first one
    (b"\na: \x00\n", f"g.yml:2:4: error: (yaml): {NUL}"),
    (b"a: \x07\n", f"g.yml:1:4: error: (yaml): {BELL}"),
    (b"\na: \x07\n", f"g.yml:2:4: error: (yaml): {BELL}"),
    (
        b"a: [1, 2\n",
        "g.yml:2:1: error: (yaml): invalid YAML: while parsing a flow sequence: "
        "did not find expected ',' or ']'",
    ),
    # Indentation and quotes, in plain words where the parser's own are cryptic.
    (
        b"a: 1\nb:\n  c: 2\n d: 3\n",
        "g.yml:4:2: error: (yaml): this line starts at column 2, which lines up with no line "
        "above it; start it where the other fields of its block start (top-level fields at "
        "column 1)",
    ),
    (
        b"formats:\n  - a\n - b\n",
        "g.yml:3:2: error: (yaml): this list item starts at column 2, left of the item above "
        "it (column 3); start every '- ' of one list at the same column",
    ),
    (  # lined up with fields above, but a list cannot follow them: the parser's words
        b"a:\n  b: 1\nc:\n  d: 2\n  - x\n",
        "g.yml:5:3: error: (yaml): invalid YAML: while parsing a block mapping: did not "
        "find expected key",
    ),
    (
        b'name: "Test group\nsummary: x\n',
        "g.yml:1:7: error: (yaml): a quote is opened and never closed; end the text with the "
        "same quote mark",
    ),
    (
        b"a: b: c\n",
        "g.yml:1:5: error: (yaml): invalid YAML: unexpected ':'; put text that contains "
        "': ' in quotes",
    ),
    (
        b"a: 1\n\tb: 2\n",
        "g.yml:2:1: error: (yaml): invalid YAML: a tab character is not allowed here; "
        "indent with spaces",
    ),
    (
        b"just a line\n",
        "g.yml:1:1: error: (file): expected fields such as 'name: ...' at the top level, "
        "found a single value",
    ),
    (
        b"- a\n- b\n",
        "g.yml:1:1: error: (file): expected fields such as 'name: ...' at the top level, "
        "found a list",
    ),
    (b'"": 1\n', f"g.yml:1:1: error: (yaml): {PLAIN_KEYS}"),
    (b'a:\n  "": 1\n', f"g.yml:2:3: error: a: {PLAIN_KEYS}"),
    (b"? [a]\n: 1\n", f"g.yml:1:3: error: (yaml): {PLAIN_KEYS}"),
    (b"", "g.yml:1:1: error: (file): the file is empty; it should hold fields such as 'name:'"),
    (
        b"a: 1\n" + b"x" * MAX_BYTES,
        f"g.yml:1:1: error: (file): file is {MAX_BYTES + 5:,} bytes; the limit is {MAX_BYTES:,}",
    ),
]


@pytest.mark.parametrize(("raw", "expected"), ROWS, ids=[plain_id(repr(r[0][:16])) for r in ROWS])
def test_each_unreadable_file_has_its_message(raw: bytes, expected: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        load_bytes(raw, "g.yml")
    assert str(caught.value.problem) == expected
    assert str(caught.value) == expected


def test_a_file_of_exactly_the_limit_is_read() -> None:
    raw = b"a: " + b"x" * (MAX_BYTES - 4) + b"\n"
    assert len(raw) == MAX_BYTES
    assert load_bytes(raw, "g.yml").data == {"a": "x" * (MAX_BYTES - 4)}


def test_a_byte_order_mark_is_not_part_of_the_first_key() -> None:
    doc = load_bytes("\ufeffname: x\n".encode(), "g.yml")
    assert doc.data == {"name": "x"}
    assert doc.values[("name",)] == (1, 7)
