"""Tables as the search index reads them: one sentence per row (`adapter.searchtext`)."""

from __future__ import annotations

from peerhub.adapter.searchtext import searchable_tables

AGENDA = (
    "<table>\n<thead>\n<tr><th>Time</th><th>Step</th></tr>\n</thead>\n<tbody>\n"
    '<tr><td>0–10</td><td><a href="x/">Opening</a> &amp; <em>check-in</em></td></tr>\n'
    "<tr><td>Who?</td><td>Everyone.</td></tr>\n</tbody>\n</table>"
)


def test_each_row_becomes_a_sentence_and_the_table_leaves_the_index() -> None:
    assert searchable_tables(f"<p>Before</p>\n{AGENDA}\n<p>After</p>") == (
        "<p>Before</p>\n"
        + AGENDA.replace("<table>", "<table data-search-exclude>", 1)
        + '\n<p class="ph-table-words" hidden>0–10, Opening &amp; check-in. Who? Everyone.</p>'
        + "\n<p>After</p>"
    )


def test_a_table_kept_out_already_or_without_rows_adds_no_words() -> None:
    kept_out = '<table data-search-exclude class="x"><tr><td>a</td></tr></table>'
    assert searchable_tables(kept_out) == kept_out
    headers_only = '<table class="x"><tr><th>A</th><th>B</th></tr></table>'
    assert searchable_tables(headers_only) == (
        '<table data-search-exclude class="x"><tr><th>A</th><th>B</th></tr></table>'
    )
    assert searchable_tables("<p>No table</p>") == "<p>No table</p>"


def test_a_template_is_left_as_scripts_will_copy_it() -> None:
    """The picker's blank card is a <template> the script fills in: its table stays as
    the outcome pages show it."""
    blank = f"<template id='card'><article>{AGENDA}</article></template>"
    assert searchable_tables(blank) == blank
    assert searchable_tables(f"{blank}{AGENDA}").startswith(f"{blank}<table data-search-exclude>")


def test_cells_join_with_commas_unless_a_cell_ends_its_own_sentence() -> None:
    rows = [["Plan", "Why?", "Format X", "Then"], ["Last", "Step X"]]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    assert searchable_tables(f"<table>{body}</table>").endswith(
        '<p class="ph-table-words" hidden>Plan, Why? Format X, Then. Last, Step X.</p>'
    )
