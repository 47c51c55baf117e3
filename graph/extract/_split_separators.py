"""Cases parted by separator lines, with no heading mark at all.

Some collections carry no mark on their cases' headings: a work meeting's speeches stand between asterisms (＊　＊　＊),
a bulletin's items between rule lines (————), a survey log's entries between ※※※ under a date line, a group chat's
messages under sender lines (姓名（X局）  10:32) between date lines. The mark-reading rules find no family there, so
such a text came out as one case or none, or its cases were headed by the speaker line under each headline.

A separator family is the lines of one shape (one asterism, a rule, a date between rules, a sender line). Its parts
are what stands after each of its lines up to the next separator line of any shape; a sender line opens its
message, and a titled message with no case text goes on over the same sender's next messages that have no title of
their own. A part is a case when its first line, past date lines and furniture (a speaker or sender line), is
title-like, and its text is a case's length and holds a figure or a case word (做法, 成效 …); parts before the first
case (a masthead, a preamble) and after the last (a closing note, distribution lines) are none. A family counts only
when at least two of its cases and most of them name a reform, and most parts from the first case to the last are
cases: a news article's one asterism, a footer rule or a notice's signature rule cuts nothing. Each case ends where
its part ends, so short chat replies (收到, 👍) and the notes between parts belong to no case.

Only layout words are read (data/lexicon/layouts.yaml `separators`); nothing names a document.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_counted import MIN_CASE_CHARS, title_like
from ftzgraph.graph.extract._split_furniture import furniture_heading
from ftzgraph.graph.extract._split_lines import Line
from ftzgraph.graph.extract._split_shapes import names_reform
from ftzgraph.graph.extract._split_units import labelled_provider
from ftzgraph.graph.extract._split_words import FIGURE_RE

_DATE = r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
_DATE_LINE_RE = re.compile(
    rf"^\s*(?:{_DATE})[\s\u3000]*(?:(?:星期|周)[一二三四五六日天])?[\s\u3000]*(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
    r"[\s\u3000]*(?P<rest>[^\s\u3000，。；：:,;]{0,8})\s*$"
)
"""A date line of a log or a chat: a date, perhaps a weekday, a time and a place (2024年5月8日　星期三　长春)."""
_WHO = r"[^\s\u3000，。：:]{1,10}(?:[\s\u3000]?[（(][^）)\s]{1,24}[）)])"
_AT = r"(?:(?:{_DATE})[\s\u3000]*)?\d{1,2}:\d{2}(?::\d{2})?".replace("{_DATE}", _DATE)
_SENDER_RE = re.compile(rf"^\s*(?:(?P<who>{_WHO}?)[\s\u3000]+{_AT}|\[?{_AT}\]?[\s\u3000]+(?P<after>{_WHO})[:：]?)\s*$")
"""A chat's sender line: a name, perhaps its body in brackets, then the time, perhaps after the date (刘洋（川南临港
片区）  14:05, 李娟 (哈尔滨片区) 2024-08-19 15:21:33), or the time first and the name with its body after it (10:17
李某（南京片区）, 2024-07-03 10:21:07 刘某(X局)): a client's export writes either."""
_SENTENCE_RE = re.compile(r"[。；;！？!?]")
_STOP_RE = re.compile(r"[。；;]")
_HEADLINE_CHARS = 30  # a line this short may be a headline with ！ or ？ in it


@cache
def _lexicon() -> dict[str, Any]:
    return dict(load_lexicon("layouts")["separators"])


@cache
def _separator_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = _lexicon()
    symbols = re.escape(words["asterisms"] + words["rules"])
    rule = "[" + re.escape(words["rules"]) + "]"
    alone = re.compile(rf"^[\s\u3000]*(?:[{symbols}][\s\u3000]*){{{int(words['min_symbols'])},}}$")
    dated = re.compile(
        rf"^[\s\u3000]*{rule}{{2,}}[\s\u3000]*(?:{_DATE})[^—\-─━═]{{0,12}}?[\s\u3000]*{rule}{{2,}}[\s\u3000]*$"
    )
    return alone, dated


def separator_shape(text: str) -> str | None:
    """The shape of a separator line (its distinct characters; ``date`` for a date between rules); None for any other
    line."""
    alone, dated = _separator_res()
    if dated.match(text):
        return "date"
    if alone.match(re.sub("([…⋯])", r"\1\1", text)):  # an ellipsis character counts twice: …… is a rule
        return "".join(sorted(set(re.sub(r"[\s\u3000]", "", text))))
    return None


def sender(text: str) -> str | None:
    """Who sends the message a chat's sender line opens; None for any other line."""
    found = _SENDER_RE.match(text)
    return (found["who"] or found["after"]) if found else None


_COVER_LINE_RE = re.compile(r"^[\s\u3000]*[^“”\"「」\s]{2,30}[，,][^“”\"「」]{2,30}[：:][\s\u3000]*$")
"""A message's line to its readers over what it pastes (浦口区的材料见附件，我把正文贴在这里：): a clause and a colon,
no quoted name."""


def skipped_line(text: str) -> bool:
    """A line read past when looking for a part's title: blank, a date line, furniture (a speaker or sender line), a
    line to the readers over the pasted text."""
    return (
        not text.strip()
        or bool(_DATE_LINE_RE.match(text))
        or furniture_heading(text.strip())
        or bool(_COVER_LINE_RE.match(text))
    )


@dataclass(frozen=True)
class Parted:
    """A split by separator lines: each case's title line, the line its span starts at, the line it ends before."""

    titles: list[int]
    starts: list[int]
    ends: list[int]
    names: dict[int, str] = field(default_factory=dict)
    """Titles read elsewhere than on the title line (a chair's announcement), by title line; else the line's own."""


def _title(lines: list[Line], start: int, end: int) -> int | None:
    """The index of the part's title line: its first line past skipped ones, when title-like."""
    first = next((i for i in range(start, end) if not skipped_line(lines[i].text)), None)
    if first is None:
        return None
    text = lines[first].text.strip()
    low, high = _lexicon()["title_chars"]
    if not low <= len(text) <= high or not title_like(text):
        return None
    # a headline may exclaim or ask (一张清单管到底！X县这项改革获点赞) where a sentence's stop would end a text line
    stops = _SENTENCE_RE if len(text) > _HEADLINE_CHARS else _STOP_RE
    return None if stops.search(text) else first


def without_furniture(lines: list[Line], index: int, title: str) -> str:
    """``title``, read for the heading on line ``index``, without the furniture line under it that a reader of
    wrapped headings joined to it (a headline over its speaker line: title / X局局长　姓名), or a provider's labelled
    field after it on its line (title　报送单位：X)."""
    below = next((line.text.strip() for line in lines[index + 1 :] if line.text.strip()), "")
    if below and title.rstrip().endswith(below) and skipped_line(below) and len(title) > len(below):
        return title.rstrip()[: -len(below)].rstrip()
    for gap in re.finditer(r"[\u3000\t]+|\s{2,}", title):  # title　报送单位：X: the provider's field after the title
        if gap.start() >= 4 and labelled_provider(title[gap.end() :]):
            return title[: gap.start()]
    return title


def _holds_case(lines: list[Line], title: int, end: int) -> bool:
    """True when a part's text under its title reads as a case's: a case's length, and a figure with a unit
    (the fallback's ``FIGURE_RE``) or a case word (``_case_words``)."""
    return holds_case_text("".join(line.text.strip() for line in lines[title + 1 : end] if not skipped_line(line.text)))


def holds_case_text(body: str) -> bool:
    """True when a part's text reads as a case's (see ``_holds_case``)."""
    if len(body) < MIN_CASE_CHARS:
        return False
    return bool(FIGURE_RE.search(body)) or any(word in body for word in _case_words())


@cache
def _case_words() -> tuple[str, ...]:
    """The words of a case's text: the separators' own (做法, 成效 …) and the fallback's words of action and result."""
    layouts = load_lexicon("layouts")
    return tuple(layouts["separators"]["case_words"]) + tuple(layouts["fallback"]["case_words"])


def _parts(lines: list[Line], body_from: int, shape: str) -> list[tuple[int, int, str | None]]:
    """The parts a family opens, as (first line, end line, sender) triples: after each of its separator lines, or
    from each sender line on; any separator line ends a part. What another shape opens (a masthead framed by rules of
    another kind) is none of this family's parts."""
    bounds: list[tuple[int, str | None, bool]] = []  # (line index, sender of the message, opens a part)
    for i in range(body_from, len(lines)):
        text = lines[i].text
        if shape == "sender" and (who := sender(text)):
            bounds.append((i, who, True))
        elif (found := separator_shape(text)) is not None:
            bounds.append((i, None, found == shape))
    bounds.append((len(lines), None, False))
    return [(i if who else i + 1, j, who) for (i, who, opens), (j, _, _) in itertools.pairwise(bounds) if opens]


def _cases(lines: list[Line], parts: list[tuple[int, int, str | None]]) -> list[tuple[int | None, int, int]]:
    """Each part with its title line (or None) and its span; a titled message whose text holds no case goes on over
    the same sender's next untitled messages (a title sent first, the text a minute later)."""
    found = []
    k = 0
    while k < len(parts):
        a, b, who = parts[k]
        title = _title(lines, a, b)
        while title is not None and who and not _holds_case(lines, title, b) and k + 1 < len(parts):
            na, nb, nwho = parts[k + 1]
            if nwho != who or _title(lines, na, nb) is not None:
                break
            b, k = nb, k + 1
        found.append((title, a, b))
        k += 1
    return found


def separated_split(lines: list[Line], body_from: int) -> Parted | None:
    """The split by the separator family that gives the most cases, or None when none parts the text into cases."""
    shapes: dict[str, int] = {}
    for line in lines[body_from:]:
        if (shape := separator_shape(line.text)) is not None:
            shapes[shape] = shapes.get(shape, 0) + 1
        elif sender(line.text):
            shapes["sender"] = shapes.get("sender", 0) + 1
    best: Parted | None = None
    for shape, count in shapes.items():
        if count < 2:
            continue
        found = _cases(lines, _parts(lines, body_from, shape))
        cases = [(t, a, b) for t, a, b in found if t is not None and _holds_case(lines, t, b)]
        named = sum(1 for t, _, _ in cases if names_reform(lines[t].text))
        if named < 2 or 2 * named <= len(cases):
            continue
        inner = [
            p
            for p in found
            if cases[0][1] <= p[1] <= cases[-1][1] and any(lines[k].text.strip() for k in range(p[1], p[2]))
        ]
        if 2 * len(cases) <= len(inner):
            continue
        if best is None or len(cases) > len(best.titles):
            best = Parted([t for t, _, _ in cases], [a for _, a, _ in cases], [b for _, _, b in cases])
    return best
