"""Which layout a document is: a collection of 复制推广 cases, a State Council batch notice, a MOFCOM
best-practice collection, or a collection of a province's own innovations.

The layouts need different parsers (a notice lists items by domain, not cases with providers), and a
province's innovation series must never be taken for its 复制推广 series. The rules are regexes in
``data/lexicon/layouts.yaml``, tried in order on the title; nothing here names a document.
"""

from __future__ import annotations

import re
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.model import CASE_COLLECTION, Document, Layout
from ftzgraph.graph.sources.metadata import document_series


def layout_lexicon() -> dict[str, Any]:
    """The layout rules and the notice / best-practice words of ``data/lexicon/layouts.yaml``."""
    return load_lexicon("layouts")


def _matches(patterns: list[str], text: str) -> str | None:
    for pattern in patterns:
        if re.search(pattern, text, re.M):
            return pattern
    return None


_SENTENCE_RE = re.compile(r"[^\s。；！？]{2}[。；！？](?!\s*$)|，[^\n]*[。；！？]")
"""A line holding a sentence: a full stop before more text, or a clause running on to one."""


def detect_layout(document: Document) -> Layout:
    """The layout of ``document`` by the first rule in the lexicon that its title (or head) satisfies."""
    lexicon = layout_lexicon()
    head = document.text[: int(lexicon["head_chars"])]
    # with no title line found, the head's lines stand in for it, but not its sentences: a lead paragraph saying
    # 我市抓好改革试点经验复制推广工作 tells what an article is about, it is no notice's title
    subject = document.title or "\n".join(line for line in head[:300].split("\n") if not _SENTENCE_RE.search(line))
    for rule in lexicon["layouts"]:
        if _matches(rule.get("not_title") or [], subject):
            continue
        found = _matches(rule.get("title") or [], subject)
        if found:
            return Layout(rule["name"], f"title matched '{found}'")
        found = _matches(rule.get("head") or [], head)
        if found:
            return Layout(rule["name"], f"text matched '{found}'")
    return Layout(CASE_COLLECTION, "no layout rule matched")


def collection_series(document: Document, layout: str) -> tuple[str | None, int | None]:
    """The series and batch number of a collection: the title's own phrase (``第三批省级创新实践案例`` ->
    ``省级创新实践案例``, 3), else the layout's fallback label, so two series never share a value."""
    series, number = document_series(document)
    if series is None and number is None:
        return None, None
    if series is None:
        series = layout_lexicon()["series_fallback"].get(layout)
    return series, number
