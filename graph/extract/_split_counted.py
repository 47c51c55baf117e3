"""The candidate splits a stated count chooses among, and the choice: each structural family, each family of lines
marked alike or of one shape, the spans a heading's lone mark opens, ranked by whether their case count is the stated
one, their headings read as titles and their sections are case-sized. Split from ``_split_declared.py`` by noun:
that module reads what a collection says about itself (its count, its list of titles); this one weighs the splits
against it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_declared import _SENTENCE_END, Split, Start
from ftzgraph.graph.extract._split_furniture import contents_entry, furniture_heading
from ftzgraph.graph.extract._split_shapes import MARK_NUMBER, heading_mark
from ftzgraph.graph.extract._split_words import is_section_heading
from ftzgraph.graph.text import CJK_RE, NUMERAL_CLASS, title_key

if TYPE_CHECKING:
    from ftzgraph.graph.extract._split_lines import Line

MIN_CASE_CHARS = 40
"""A section with fewer characters than this is no case (a list's line, a contents entry)."""


_OUTLINE_MARK_RE = re.compile(rf"^[（(]?[{NUMERAL_CLASS}]+[)）、.．]\s*")


def counted_split(
    count: int,
    current: Split,
    candidates: Iterable[Callable[[], Iterable[Split]]],
    numbered: Callable[[], Iterable[Split]],
    lines: list[Line],
    skip: set[int],
) -> Split:
    """The split of ``count`` cases: ``current`` when it has that many and its headings are titles, unless its
    headings carry no number and a ``numbered`` family (甲 乙 丙 丁, ⒈ ⒉ ⒊ ⒋) of as many headings stands elsewhere (the
    lines under those headings taken for them); else the first candidate (in the order given, each made only when
    asked) that has, its case-size sections counted without the lines in ``skip`` (group headings), and whose headings
    are titles (``_titled``); else, of the splits of that count, the one that reads most like cases (``_rank``: titles,
    distinct, numbered 1..N, sections holding the case words); else ``current``. A recurring line matching the count
    (a post's counters, a speaker caption) is no reason to cut there."""
    if len(current[0]) == count and _titled(current, lines):
        if any(s[2] is not None for s in current[0]):
            return current
        heads = [s[0] for s in current[0]]
        for starts, titles in _fits(count, [numbered], lines, skip):
            if [s[0] for s in starts] != heads:
                return starts, titles
            # the same headings: their titles without the marks the rules kept (ⅰ. title)
            marked = {i: t for i, t in titles.items() if heading_mark(current[1].get(i, lines[i].bare))}
            return current[0], {**current[1], **marked}
        return current
    fits: list[Split] = [current] if len(current[0]) == count else []
    for split in _fits(count, [*([numbered] if fits else []), *candidates], lines, skip):
        if _titled(split, lines) and not fits:
            return split
        fits.append(split)
    return max(fits, key=lambda split: _rank(split, lines), default=current)


def _heading_titles(split: Split, lines: list[Line]) -> list[str]:
    return [split[1].get(s[0]) or lines[s[0]].bare for s in split[0]]


def _titled(split: Split, lines: list[Line]) -> bool:
    """True when every heading of ``split`` is title-like (``title_like``) and no two read alike."""
    titles = _heading_titles(split, lines)
    return all(map(title_like, titles)) and len({title_key(t) for t in titles}) == len(titles)


def _rank(split: Split, lines: list[Line]) -> tuple[int, int, bool, int]:
    """How much ``split`` reads like the cases: its title-like headings, its distinct ones, numbering 1..N, and its
    sections holding the genre's words of action and result."""
    starts, _ = split
    titles = _heading_titles(split, lines)
    numbers = [s[2] for s in starts]
    bounds = [*(s[0] for s in starts[1:]), len(lines)]
    words = _lexicon_fallback()["case_words"]
    worded = sum(
        any(word in line.text for line in lines[s[0] + 1 : end] for word in words)
        for s, end in zip(starts, bounds, strict=True)
    )
    return (
        sum(map(title_like, titles)),
        len({title_key(t) for t in titles}),
        numbers == list(range(1, len(starts) + 1)),
        worded,
    )


_TITLE_MIN_CJK = 4


def title_like(text: str) -> bool:
    """True when a heading's text can be a case's title: enough Chinese words (``_TITLE_MIN_CJK``), and neither page or
    post furniture (counters, a date-time stamp, a speaker caption, a masthead: ``furniture_heading``) nor a section's
    words (基本情况, 主要成效)."""
    mark = heading_mark(text)
    words = text[mark.end :] if mark else text
    if len(CJK_RE.findall(words)) < _TITLE_MIN_CJK or furniture_heading(text):
        return False
    return not is_section_heading(re.sub(r"^[\W\d_]+|[\W\d_]+$", "", words))


@cache
def _lexicon_fallback() -> dict[str, Any]:
    return dict(load_lexicon("layouts")["fallback"])


def _fits(
    count: int, candidates: Iterable[Callable[[], Iterable[Split]]], lines: list[Line], skip: set[int]
) -> Iterator[Split]:
    for make in candidates:
        for starts, titles in make():
            kept = [s for s in starts if s[0] not in skip]
            if len(kept) == count and _case_sized(lines, kept) and not _outline_parts((kept, titles), lines):
                yield kept, titles


def _outline_parts(split: Split, lines: list[Line]) -> bool:
    """True when half the headings of ``split`` or more are section words (一、总体情况 … 三、存在的问题): the parts of
    a report's own outline, however well their number matches the count, are no family of cases."""
    titles = [_OUTLINE_MARK_RE.sub("", t) for t in _heading_titles(split, lines)]
    return 2 * sum(map(is_section_heading, titles)) >= len(titles)


def _case_sized(lines: list[Line], starts: list[Start]) -> bool:
    bounds = [*(s[1] for s in starts), len(lines)]
    return all(
        sum(len(line.text.strip()) for line in lines[a + 1 : b]) >= MIN_CASE_CHARS
        for a, b in itertools.pairwise(bounds)
    )


def style_families(lines: list[Line], body_from: int, style: Callable[[Line], str | None]) -> list[Split]:
    """Each heading level as a split: the lines of one heading style (bold, 一、, （一）, 1., 2.1), one family each."""
    families: dict[str, list[Start]] = {}
    for i in range(body_from, len(lines)):
        bare = lines[i].bare
        if not bare or len(bare) > 80 or bare.endswith(_SENTENCE_END[:2]) or contents_entry(bare):
            continue
        if (found := style(lines[i])) is not None:
            families.setdefault(found, []).append((i, i, None))
    return [(starts, {}) for starts in families.values()]


def shape_families(lines: list[Line], body_from: int) -> list[Split]:
    """Families of heading lines marked alike by a number of any shape (甲 乙 丙, 【第一例】, ⒈ ⒉, Case 1), each
    numbered 1, 2, 3 … in order, with their titles without the marks."""
    families: dict[str, list[tuple[int, int, str]]] = {}
    for i in range(body_from, len(lines)):
        bare = lines[i].bare
        if (
            not bare
            or len(bare) > 80
            or bare.endswith(_SENTENCE_END)
            or contents_entry(bare)
            or furniture_heading(bare)
        ):
            continue
        mark = heading_mark(bare)  # graph/extract/_split_shapes.py: the mark's shape, its number abstracted
        if mark is None or mark.number is None or len(title := bare[mark.end :].strip()) < 4:
            continue
        families.setdefault(mark.shape, []).append((i, mark.number, title))
    splits: list[Split] = []
    for members in families.values():
        if [m[1] for m in members] == list(range(1, len(members) + 1)) and len(members) >= 2:
            starts: list[Start] = [(i, i, n) for i, n, _ in members]
            splits.append((starts, {i: t for i, _, t in members}))
    return splits


_MARK_ALONE_RE = re.compile(rf"^\S{{0,6}}?\s?(?:{MARK_NUMBER})[^\w]{{0,3}}$")
"""A line holding only a case's mark and number (CASE 01, 专题三, ⒊, 【第2例】) over its title."""


def marked_spans(lines: list[Line], starts: list[Start], body_from: int) -> list[Start]:
    """``starts`` whose case opens on the line holding only its mark right above its title (CASE 01 / title): the
    mark belongs to the case it opens, not to the end of the one before."""
    spans = []
    for title, span, number in starts:
        above = title - 1
        while above > body_from and not lines[above].text.strip():
            above -= 1
        bare = lines[above].bare
        marked = span == title and above >= body_from and bare and _MARK_ALONE_RE.match(bare) is not None
        spans.append((title, above if marked else span, number))
    return spans
