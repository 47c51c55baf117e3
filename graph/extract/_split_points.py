"""Points of an on-site inspection meeting's handbook (现场观摩推进会 会议手册), each one case told by labelled lines.

A handbook holds a cover, a contents list, the agenda with its times, the bodies attending and the route, then each
point of the visit: a heading naming the place (点位1　X, 第一站　X), labelled lines (观摩内容：title, 讲解单位：X,
讲解人：name（post）, 停留时间：…) and the case's paragraphs. The agenda and the route may name the points again and the
attending bodies are no case's. A point is known by its labelled lines, not by its heading: a run of lines
``label：value`` (or 【label】value) holding a title label and a provider label (data/lexicon/layouts.yaml `points`).
Each point runs from the heading line right above its run (or the run itself) to the next point; the last one ends
before the next heading of the document's own outline (五、注意事项). Its title is the title label's value and its
provider the provider label's. Two points are needed. Nothing here names a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_lines import Line

_LABELLED_RE = re.compile(
    r"^[\s\u3000]*(?:【(?P<b>[\u4e00-\u9fff]{2,6})】\s*[:：]?|(?P<l>[\u4e00-\u9fff]{2,6})\s*[:：])\s*(?P<v>\S.*?)\s*$"
)
_OUTLINE_RE = re.compile(r"^[\s\u3000]*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+[章部分篇])")


@dataclass
class Points:
    """Each point's heading line (its title's line), where its case starts and ends (line indices, end exclusive),
    its title, and its provider with the provider value's offsets in the document."""

    titles: dict[int, str]
    starts: dict[int, int]
    ends: dict[int, int]
    providers: dict[int, tuple[str, int, int]]


@cache
def _labels() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The title labels, the provider labels, and those of the provider labels that name a presenter only."""
    words = load_lexicon("layouts")["points"]
    presenters = frozenset(words["presenter_labels"])
    return frozenset(words["title_labels"]), presenters | frozenset(words["acting_labels"]), presenters


_FIELD_RE = re.compile(
    r"(?:^|[ \t\u3000]+)(?:【(?P<b>[\u4e00-\u9fff]{2,6})】\s*[:：]?|(?P<l>[\u4e00-\u9fff]{2,6})\s*[:：])\s*"
)
"""A label opening a field: the line's first, or one after spaces (观摩内容：title　停留时间：20分钟)."""


def _fields(line: Line) -> list[tuple[str, str, int]]:
    """(label, value, value's offset in the document) of each field of a labelled line; [] for any other line."""
    if _LABELLED_RE.match(line.text) is None:
        return []
    marks = list(_FIELD_RE.finditer(line.text))
    fields = []
    for k, mark in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(line.text)
        value = line.text[mark.end() : end].strip()
        if value:
            fields.append((mark["b"] or mark["l"], value, line.start + mark.end()))
    return fields


def _labelled(line: Line) -> tuple[str, str, int] | None:
    """The first field of a labelled line, or None."""
    return next(iter(_fields(line)), None)


def point_split(lines: list[Line], body_from: int) -> Points | None:
    """The points of a handbook in ``lines[body_from:]``, or None when fewer than two runs of labelled lines each
    hold a title label and a provider label."""
    title_labels, provider_labels, _ = _labels()
    runs: list[tuple[int, int]] = []  # (first, last) line index of each run of labelled lines
    i = body_from
    while i < len(lines):
        if _labelled(lines[i]) is None:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and _labelled(lines[j + 1]) is not None:
            j += 1
        runs.append((i, j))
        i = j + 1
    found: list[tuple[int, int, str, tuple[str, int, int]]] = []  # (run start, title line, title, provider)
    for first, last in runs:
        fields = [(k, field) for k in range(first, last + 1) for field in _fields(lines[k])]
        title = next(((k, f[1]) for k, f in fields if f[0] in title_labels), None)
        provider = next((f for _, f in fields if f[0] in provider_labels), None)
        if title is None or provider is None:
            continue
        found.append((first, title[0], title[1], (provider[1], provider[2], provider[2] + len(provider[1]))))
    if len(found) < 2:
        return None
    starts = [_heading_above(lines, first, body_from) for first, _, _, _ in found]
    ends = [*starts[1:], _outline_end(lines, found[-1][0], starts[0], body_from)]
    return Points(
        titles={t: title for _, t, title, _ in found},
        starts={t: s for (_, t, _, _), s in zip(found, starts, strict=True)},
        ends={t: e for (_, t, _, _), e in zip(found, ends, strict=True)},
        providers={t: p for _, t, _, p in found},
    )


def _heading_above(lines: list[Line], first: int, body_from: int) -> int:
    """The point's heading line right above its labelled run (点位1　X), else the run's first line."""
    above = first - 1
    while above >= body_from and not lines[above].text.strip():
        above -= 1
    if above < body_from:
        return first
    bare = lines[above].text.strip()
    return above if len(bare) <= 40 and not bare.endswith(("。", "；", "，", "：", ":")) else first


def _outline_end(lines: list[Line], last_run: int, first_start: int, body_from: int) -> int:
    """Where the last point ends: before the next heading of the outline the document used before its points
    (五、注意事项 after 四、观摩点位介绍), or at the end."""
    outlined = any(_OUTLINE_RE.match(line.text) for line in lines[body_from:first_start])
    if not outlined:
        return len(lines)
    return next((k for k in range(last_run + 1, len(lines)) if _OUTLINE_RE.match(lines[k].text)), len(lines))


def provider_field_line(line: str) -> bool:
    """True when ``line`` is a point's labelled line naming the unit presenting it (讲解单位：X): the case's provider
    on a line of its own, not a body acting in the case (牵头单位：X leads the work: it acts)."""
    match = _LABELLED_RE.match(line)
    return match is not None and (match["b"] or match["l"]) in _labels()[2]
