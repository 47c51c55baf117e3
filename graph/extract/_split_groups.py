"""Collections grouped by place: a heading per city, area or body, and the cases under it with no provider of their own.

Some compilations sort their cases by who sent them: 一、厦门市 (or 第一部分 大连片区, 一、X片区（3个）) and under it
the cases of that place, numbered on across the groups (1. 2. | 3. 4.) or again in each group (（一）（二） | （一）).
The provider is written once, in the group heading, so a case's own lines name none; and a group heading that looks
like a case heading (一、 over 1.) or numbering that starts again must not cut the document in the wrong places.

A group heading is a numbered line (一、 / 1、 / 第N部分) that holds nothing but a place or a body, by the endings
places and bodies have (市, 区, 县, 片区, 管委会, 海关, 局 …), optionally with its count of cases (（N个）). A theme
heading (一、贸易便利化) names no provider and is no group. The groups count only as a family: at least two of them,
each followed by at least one case before the next. Lines of a contents list (厦门市……1) are never group headings.

Only layout marks and the endings of place and body names are read; nothing here names a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ftzgraph.graph.extract._split_furniture import contents_entry
from ftzgraph.graph.text import NUMERAL_CLASS, parse_chinese_number

if TYPE_CHECKING:
    from ftzgraph.graph.extract._split_lines import Line

_GROUP_RE = re.compile(
    rf"^[#\s*]*(?:第\s*[{NUMERAL_CLASS}]+\s*部分\s*[:：、.．]?|[{NUMERAL_CLASS}]{{1,3}}\s*[、.．]|[（(]\s*[{NUMERAL_CLASS}]{{1,3}}\s*[)）])"
    r"[\s\u3000]*(?P<p>[^\s\u3000：:“”\"（）()，,。、|｜【】]{1,18}?"
    r"(?:市|区|县|旗|州|盟|片区|新区|管委会|管理委员会|人民政府|海关|局|厅|委员会|委|办公室))"
    rf"[\s\u3000]*(?:[（(]\s*(?:共\s*)?[{NUMERAL_CLASS}]+\s*(?:个|项|篇)\s*(?:案例)?\s*[)）])?[\s*]*$"
)
"""A group heading: its numbering, then only a place or a body, then perhaps its count of cases."""


_PART_RE = re.compile(rf"^[#\s*]*第\s*[{NUMERAL_CLASS}]+\s*部分(?:[\s\u3000:：、.．]+\S.{{0,30}})?$")
"""A part heading (第二部分　金融服务创新): by theme or by place, it closes the case above it."""


def part_headings(lines: list[Line], body_from: int) -> list[int]:
    """The lines from ``body_from`` that head a part of the collection (第N部分 X), contents lines aside: a case never
    runs on over one, whether the part names a place (a group) or a theme (no provider)."""
    return [
        i
        for i in range(body_from, len(lines))
        if len(lines[i].text) <= 40 and _PART_RE.match(lines[i].text.strip()) and not contents_entry(lines[i].text)
    ]


_OUTLINE_RES = (
    re.compile(r"^[\s\u3000]*(?P<n>[一二三四五六七八九十]{1,3})[、.．]"),
    re.compile(r"^[\s\u3000]*[（(](?P<n>[一二三四五六七八九十]{1,3})[)）]"),
    re.compile(r"^[\s\u3000]*(?P<n>[0-9０-９]{1,2})[、.．](?![0-9０-９])"),
    re.compile(r"^[\s\u3000]*[（(](?P<n>[0-9０-９]{1,2})[)）]"),
)
"""The levels of an official document's outline, highest first: 一、 （一） 1． （1）."""


def _outline(text: str) -> tuple[int, int] | None:
    """The outline level and number of a line opened by an official outline mark (二、X: (0, 2)), or None."""
    for level, pattern in enumerate(_OUTLINE_RES):
        if found := pattern.match(text):
            number = parse_chinese_number(found["n"])
            return (level, number) if number is not None else None
    return None


def part_end(lines: list[Line], titles: list[int], body_from: int) -> int | None:
    """The line that closes the part of a notice holding its cases, when the cases are numbered one level below it
    (二、典型做法 / （一）…（三） / 三、下一步工作): the next heading of the part's level, numbered on from the part's;
    None when the cases stand under no such part or nothing follows it. A case's own sections, numbered from 一、,
    never continue the part's number."""
    levels = {found[0] if (found := _outline(lines[t].text)) else None for t in titles}
    if len(levels) != 1 or (level := levels.pop()) is None or not titles:
        return None
    part = next(
        (
            found
            for i in range(titles[0] - 1, body_from - 1, -1)
            if (found := _outline(lines[i].text)) and found[0] < level
        ),
        None,
    )
    if part is None:
        return None
    return next(
        (
            i
            for i in range(titles[-1] + 1, len(lines))
            if len(lines[i].text.strip()) <= 40 and _outline(lines[i].text) == (part[0], part[1] + 1)
        ),
        None,
    )


@dataclass(frozen=True)
class Group:
    """A group heading: its line, and its place or body with the place's offsets in the document."""

    index: int
    name: str
    start: int
    end: int


def group_candidates(lines: list[Line], body_from: int) -> list[Group]:
    """Every line from ``body_from`` that reads as a group heading (not yet known to head any case)."""
    found = []
    for i in range(body_from, len(lines)):
        text = lines[i].text
        if len(text) > 40 or contents_entry(text):
            continue
        if match := _GROUP_RE.match(text):
            found.append(Group(i, match["p"], lines[i].start + match.start("p"), lines[i].start + match.end("p")))
    return found


def heading_groups(candidates: list[Group], title_indexes: list[int]) -> list[Group]:
    """The candidates that each head at least one case (a title line after them and before the next candidate),
    when at least two do; else none: one place line over cases is a document's subtitle, not a grouping."""
    titles = sorted(set(title_indexes) - {g.index for g in candidates})
    ends = [g.index for g in candidates[1:]] + [10**9]
    groups = [g for g, end in zip(candidates, ends, strict=True) if any(g.index < t < end for t in titles)]
    return groups if len(groups) >= 2 else []


def group_of(groups: list[Group], title_index: int) -> Group | None:
    """The group a case whose title is line ``title_index`` belongs to: the nearest group heading above it."""
    above = [g for g in groups if g.index < title_index]
    return above[-1] if above else None
