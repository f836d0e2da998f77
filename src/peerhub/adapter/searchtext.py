"""Tables as the search engine should read them: a sentence per row, not a soup of cells.

Material's search indexes a page's text section by section and shows the start of it
as the result's excerpt. A table's cells run together there ("Time Step Notes 0-10
Opening…", or "OutcomeThe question it answersStart with" where cells touch), so a
section that opens with a table gets an excerpt nobody can read. Each table is kept
out of the index (Material's `data-search-exclude`) and followed by a hidden
paragraph holding its rows, one sentence each, which the index reads instead; the page
looks the same. A table already kept out (the directory, a chart's numbers) is left.
"""

from __future__ import annotations

import re

__all__ = ["searchable_tables"]

_TEMPLATE = re.compile(r"(<template\b.*?</template>)", re.S)
_TABLE = re.compile(r"<table(?![^>]*data-search-exclude)([^>]*)>(.*?)</table>", re.S)
_ROW = re.compile(r"<tr[^>]*>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t([hd])[^>]*>(.*?)</t[hd]>", re.S)
_TAG = re.compile(r"<[^>]+>")


def searchable_tables(html: str) -> str:
    """`html` with every indexed table replaced, for the index, by its rows as sentences.
    A `<template>` is left as it is: scripts copy it into the page, where a reader sees it.
    """
    if "<table" not in html:
        return html
    parts = _TEMPLATE.split(html)  # odd parts are templates
    return "".join(p if i % 2 else _TABLE.sub(_with_sentences, p) for i, p in enumerate(parts))


def _with_sentences(table: re.Match[str]) -> str:
    attributes, inside = table.groups()
    sentences = []
    for row in _ROW.findall(inside):
        cells = _CELL.findall(row)
        if not cells or all(kind == "h" for kind, _ in cells):
            continue  # a header row names the columns, which says nothing on its own
        words = [w for _, cell in cells if (w := " ".join(_TAG.sub(" ", cell).split()))]
        sentence = "".join(
            w if not i else (" " if words[i - 1][-1] in "?!:;." else ", ") + w
            for i, w in enumerate(words)
        )
        if sentence:
            sentences.append(sentence.rstrip(".") + ".")
    kept_out = f"<table data-search-exclude{attributes}>{inside}</table>"
    if not sentences:
        return kept_out
    return f'{kept_out}\n<p class="ph-table-words" hidden>{" ".join(sentences)}</p>'
