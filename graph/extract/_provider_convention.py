"""A document's own convention for where its cases name their providers.

A collection writes every case the same way: the provider on a closing line (（X供稿）, 数据来源：X), a line under
the title, a bracket in the heading (评估对象一【X】title), a signature, a sentence opening (X代表介绍，…). The case
rules of ``provider.py`` know many such frames by their words; a document nobody described uses a frame they do not
know, or knows it for most cases and then writes one case a little differently (a bare place where the others sign
with a bureau, 代表称 where the others write 代表介绍). Read across the document, the cases tell the frame: the same
line of each case (counted from the heading or from the case's end), the same words before the unit and right after
it. Where the frame holds for most cases, a case whose own rules found no provider, found a fragment, or found only
the subject of a sentence reads its provider from the same frame, when what stands there can provide a case.

Split from ``provider.py`` by noun: this module reads the document's frame; ``provider.py`` reads one case. What can
be a provider at all is read by ``_provider_units.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ftzgraph.graph.data_files import load_lexicon as load_lexicon_file
from ftzgraph.graph.extract._provider_headings import ADOPTING_RE
from ftzgraph.graph.extract._provider_units import _unit_in, can_provide, is_fragment, origin_field
from ftzgraph.graph.extract._split_units import labelled_provider
from ftzgraph.graph.extract._split_words import fallback_words
from ftzgraph.graph.model import CaseText

_NUMERAL_RE = re.compile(r"[0-9０-９一二三四五六七八九十百零〇①-⑳ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+")
_LEFT_CHARS = 8
"""The most characters a frame's words before the unit may have: a label, a bracket, a dash, 记者从, 评估对象一【. More
is a sentence the unit stands in, which no other case repeats."""
_MARK_RE = re.compile(r"[：:（()）【】〔〕\[\]［］—｜|丨《》]")


@dataclass(frozen=True)
class Frame:
    """Where a provider stands in its case: the line (``head`` for the heading's line, ``top`` counted from the
    first line under it, ``bottom`` from the case's last line), the words before it on that line (numbers as ``#``:
    评估对象一【 and 评估对象二【 are one frame) and the two characters after it ('' at the line's end)."""

    anchor: str
    index: int
    left: str
    right: str

    @property
    def marked(self) -> bool:
        """True when a mark or a line's end sets the unit off (（X供稿）, 报送：X, 【X】, a signature): a frame of its
        own, unlike a sentence's subject (X推出…), which a case's rules may read in any case of any layout."""
        return bool(_MARK_RE.search(self.left + self.right)) or self.right == "" or self.anchor == "head"


_Line = tuple[int, str]


def _lines(case: CaseText) -> tuple[_Line, list[_Line], list[_Line]] | None:
    """The heading's line, the two non-blank lines above it (a form's fields before its title field, which may stand
    before the case's start: offsets below zero), nearest first, and the non-blank lines under it, each with its
    start in the case's text."""
    if case.pieces:
        return None
    text = case.text
    title_end = max(case.heading.end - case.start, 0)
    head_start = text.rfind("\n", 0, max(title_end - 1, 0)) + 1
    head_end = text.find("\n", title_end)
    head_end = len(text) if head_end < 0 else head_end
    before = case.document.text[max(0, case.start - _ABOVE_CHARS) : case.start]  # a form's fields before its title
    above = [
        (at - len(before), line) for at, line in _nonblank(before + text[:head_start], 0, len(before) + head_start)
    ]
    return (head_start, text[head_start:head_end]), above[::-1][:2], _nonblank(text, head_end, len(text))


_ABOVE_CHARS = 200
"""How far above a case's start its fields may stand (责任单位 over 事项名称, the field that titles the case)."""


def _nonblank(text: str, start: int, end: int) -> list[_Line]:
    lines, at = [], start
    for line in text[start:end].split("\n"):
        if line.strip():
            lines.append((at, line))
        at += len(line) + 1
    return lines


def _right(line: str, end: int) -> str:
    """The two characters after a unit, or the mark alone when a mark closes it (】 of 【X】title: the title differs
    from case to case, the mark does not)."""
    right = line[end : end + 2].rstrip()
    return right[:1] if right and _MARK_RE.match(right) else right


def _left(line: str, start: int, head: bool = False) -> str | None:
    """The frame's words before a unit at ``start``: the line's start, or, after a paragraph's last sentence (…。（X
    经验）), what follows that sentence, marked ``…``; in a heading, past its title, the bracket or the wide gap
    opening a field and the field's label (title（相关地区：X）, title　　报送单位：X), marked ``⋯``: the title differs
    from case to case, the field does not."""
    before = line[:start]
    if head and len(before.strip()) > _LEFT_CHARS and (field := _FIELD_OPENING_RE.search(before)):
        return _AFTER_TITLE + re.sub(r"\s+", " ", field.group())
    ends = max(before.rfind(mark) for mark in "。！？!?")
    if len(before.strip()) > _LEFT_CHARS and ends >= 0:
        before = _AFTER_SENTENCE + before[ends + 1 :].strip()
    left = _NUMERAL_RE.sub("#", before.lstrip())
    if len(left) > _LEFT_CHARS and not _FIELD_LABEL_RE.fullmatch(left):
        return None
    return re.sub(r"\s+", " ", left)


_FIELD_LABEL_RE = re.compile(r"[^，,。；;！？!?]{1,16}[：:]\s*")
"""A field's label, longer than a frame's words but no sentence (申报单位（盖章）：): the unit after it is framed."""


_AFTER_SENTENCE = "…"
_AFTER_TITLE = "⋯"
_FIELD_OPENING_RE = re.compile(r"(?:[（(【〔［\[]|\u3000+|[ \t]{2,}|[｜|])[^（(【〔［\[\u3000｜|。！？]{0,8}[：:]\s*$")
"""A field opening near a heading's end: a bracket, a wide gap or a bar, and the field's label before the unit."""


def frame_of(case: CaseText, found: tuple[str, int, int]) -> Frame | None:
    """The frame the provider ``found`` (name and span in the case's text) stands in, or None when it stands inside
    a sentence no other case would repeat."""
    lines = _lines(case)
    if lines is None:
        return None
    (head_start, head), above, below = lines
    _, start, end = found
    if head_start <= start and end <= head_start + len(head):
        if (owner := _title_owner(case, head_start, head)) is not None and owner[1:] == (start, end):
            return _TITLE_OWNER
        left = _left(head, start - head_start, head=True)
        return Frame("head", 0, left, _right(head, end - head_start)) if left is not None else None
    for anchor, rows in (("above", above), ("below", below)):
        for k, (at, line) in enumerate(rows):
            if at <= start and end <= at + len(line):
                left = _left(line, start - at)
                if left is None:
                    return None
                right = _right(line, end - at)
                if anchor == "above":
                    return Frame("above", k, left, right)
                bottom = len(below) - 1 - k
                return Frame("top", k, left, right) if k <= bottom else Frame("bottom", bottom, left, right)
    return None


def _frame_re(frame: Frame) -> re.Pattern[str]:
    left = re.escape(frame.left.strip()).replace("\\ ", r"\s*").replace("\\#", "#").replace("#", _NUMERAL_RE.pattern)
    left = left.replace(re.escape(_AFTER_SENTENCE), r".*[。！？!?]\s*", 1)  # a bracket closing a paragraph
    left = left.replace(re.escape(_AFTER_TITLE), r".+?", 1)  # a field after the heading's title
    right = re.escape(frame.right) if frame.right else r"\s*$"
    name = r"[^\s，。；;、：:“”\"]{2,30}?"
    return re.compile(rf"^\s*{left}\s*(?P<u>{name})(?:、{name})*\s*{right}")  # of units listed, the first


def read_frame(case: CaseText, frame: Frame) -> tuple[str, int, int] | None:
    """The unit standing in ``frame`` in ``case`` (name and span in its text), when one that can provide stands
    there."""
    lines = _lines(case)
    if lines is None:
        return None
    head, above, below = lines
    if frame == _TITLE_OWNER:
        return _title_owner(case, *head)
    if frame.anchor == "head":
        at, line = head
    else:
        rows = above if frame.anchor == "above" else below
        k = len(below) - 1 - frame.index if frame.anchor == "bottom" else frame.index
        if not 0 <= k < len(rows):
            return None
        at, line = rows[k]
    match = _frame_re(frame).match(line)
    if match is None or not can_provide(match["u"]):
        return None
    return match["u"], at + match.start("u"), at + match.end("u")


_TITLE_OWNER = Frame("title", 0, "", "")
"""The unit standing right before the case's title in its heading (3.下列关于X区“title”的说法, X县“title”见成效):
the place whose practice the heading names, whatever words open the heading."""
_OWNER_CHARS = 12


def _title_owner(case: CaseText, head_start: int, head: str) -> tuple[str, int, int] | None:
    """The longest unit that can provide ending right before the title (its quote marks aside) in the heading, when
    the heading names no copying before it (借鉴X“title”: X is where the practice came from)."""
    at = head.find(case.title) if len(case.title) >= 2 else -1
    if at <= 0:
        return None
    before = head[:at].rstrip("“\"「『《‘'")
    if ADOPTING_RE.search(before):
        return None
    for length in range(min(_OWNER_CHARS, len(before)), 1, -1):
        if can_provide(before[-length:]):
            start = head_start + len(before) - length
            return before[-length:], start, start + length
    return None


_BRACKET_RE = re.compile(r"[【〔［\[（(](?P<c>[^【】〔〕［］\[\]（）()\n]{2,40})[】〕］\]）)]")


_TRAILING_FIELD_RE = re.compile(
    r"(?:\u3000|[ \t]{2,}|[｜|])\s*(?P<c>[^\u3000｜|\s]{2,30}[：:]\s*[^\u3000｜|\s]{2,30})\s*$"
)
"""A labelled field closing a heading's line after a wide gap or a bar (title　　报送单位：X)."""


def _candidates(case: CaseText) -> list[tuple[Frame, tuple[str, int, int]]]:
    """Units that can provide, standing in a frame of the heading, the first line under it or the last lines: what
    a case with no provider of its own offers for the document's frame to be learned from."""
    lines = _lines(case)
    if lines is None:
        return []
    head, above, below = lines
    places: list[tuple[str, int, int, str]] = [("head", 0, *head)]
    places += [("above", k, at, line) for k, (at, line) in enumerate(above[:2])]
    places += [("top", k, at, line) for k, (at, line) in enumerate(below[:2])]
    places += [("bottom", k, *below[len(below) - 1 - k]) for k in range(min(3, len(below)))]
    found: list[tuple[Frame, tuple[str, int, int]]] = []
    if (owner := _title_owner(case, *head)) is not None:
        found.append((_TITLE_OWNER, owner))
    for anchor, index, at, line in places:
        spans = [(m.start("c"), m.end("c")) for m in _BRACKET_RE.finditer(line)]
        if anchor != "head":
            spans.append((len(line) - len(line.lstrip()), len(line.rstrip())))
        elif field := _TRAILING_FIELD_RE.search(line):  # title　　相关地区：X: a field after a wide gap
            spans.append((field.start("c"), field.end("c")))
        for a, b in spans:
            unit = _unit_in(line[a:b])
            if unit is None or line[a:b].rstrip(" \t\u3000）)】]〕").endswith(tuple(fallback_words()["media_units"])):
                continue  # （来源：X日报）: an outlet wrote it; the place of its name provides nothing
            start, end = a + unit[0], a + unit[1]
            left = _left(line, start, head=anchor == "head")
            if left is None or origin_field(line, start):
                continue
            frame = Frame(anchor, index, left, _right(line, end))
            if frame.marked:
                found.append((frame, (line[start:end], at + start, at + end)))
    return found


def apply_convention(
    cases: list[CaseText], found: list[tuple[str, int, int] | None]
) -> list[tuple[str, int, int] | None]:
    """Each case's provider once the document's frame is read (``found``: what each case's own rules read, in the
    case's text). The frame most cases' providers stand in, or, when none was read in a frame, the marked frame
    most cases offer a unit in; held by at least two cases and half of them. A case with no provider, a fragment or
    a sentence's subject where the frame is marked takes the unit its frame holds; its ``given_provider`` is set so
    that the case's own reading returns it."""
    if len(cases) < 2:
        return found
    found = _listed_in_order(cases, found)
    frames = [frame_of(c, f) if f and not is_fragment(f[0]) else None for c, f in zip(cases, found, strict=True)]
    learned = best = _held(Counter(f for f in frames if f is not None), len(cases))
    if best is None:  # no frame the cases' own providers stand in: the marked frames the other cases offer a unit in
        offered = Counter(
            f for case, frame in zip(cases, frames, strict=True) if not (frame and frame.marked) for f in _offered(case)
        )
        best = _held(offered, len(cases))
    if best is None:
        return found
    result = list(found)
    for k, (case, frame, got) in enumerate(zip(cases, frames, found, strict=True)):
        # a contents list's row names the title only: the case's frame still tells its provider
        tabled = case.table_row is not None and case.table_row.provider is not None
        if frame == best or tabled or case.given_provider is not None:
            continue
        # a unit read deep in a sentence gives way to a marked frame; one opening a line only to a frame the cases'
        # own providers taught, not to one the cases only offer
        weak = got is None or is_fragment(got[0]) or (best.marked and (frame is None or (learned and not frame.marked)))
        if not weak:
            continue
        unit = read_frame(case, best)
        if unit is None:
            continue
        result[k] = unit
        case.given_provider = (unit[0], case.start + unit[1], case.start + unit[2])
    return result


def _offered(case: CaseText) -> list[Frame]:
    """The frames ``case`` offers a unit in, once each, in reading order: frames tied in votes go to the one the
    cases offer first (承办单位 above 配合单位), the same on every run (a set's order changes with the hash seed)."""
    return list(dict.fromkeys(frame for frame, _ in _candidates(case)))


def _held(votes: Counter[Frame], cases: int) -> Frame | None:
    """The frame most cases hold, when at least two and half of them do; of frames held alike, one whose words label
    a provider (承办单位 over 配合单位, the unit that did the work over the one that helped), else the first offered."""
    if not votes:
        return None
    support = max(votes.values())
    best = max(
        (f for f, n in votes.items() if n == support), key=lambda f: labelled_provider(f.left + _STAND_IN) is not None
    )
    return best if support >= 2 and 2 * support >= cases else None


def _giving_words() -> tuple[str, ...]:
    return tuple(load_lexicon_file("credits")["listing_words"])


_LISTED_RE = re.compile(r"[\u4e00-\u9fff（）()·]{2,40}(?:[、，,][\u4e00-\u9fff（）()·]{2,40})+")
"""A run of names separated by 、 (by commas too, as a pasted text writes them): a list the line may give."""


_LIST_ITEM_END_RE = re.compile(r"\s*(?:[（(][^）)]{1,20}[）)])?\s*")
"""What a listed unit may carry before the next one (A（X区）、B): a bracket, not a verb and its object."""


def _listed_in_order(
    cases: list[CaseText], found: list[tuple[str, int, int] | None]
) -> list[tuple[str, int, int] | None]:
    """Each case's provider from one line naming every case's provider together in the cases' order (本期案例分别由
    A、B、C、D提供, 案例来源：A、B、C、D): a digest's or a post's closing credit, or its head's, which no case's own
    frame holds. The line stands in the head or after the last case's text begins, names as many units that can
    provide as there are cases and says they gave them; each case whose own rules read nothing, a fragment or a unit
    of that line takes its own unit."""
    document = cases[0].document.text
    head_end = min(case.start for case in cases)
    last = cases[-1]
    windows = ((0, head_end), (max(last.heading.end, last.start), last.end))
    for begin, end in windows:
        at = begin
        for line in document[begin:end].split("\n"):
            units = _listed_units(line, len(cases))
            if units:
                return _given_in_order(cases, found, [(u, at + a, at + b) for u, a, b in units], (at, at + len(line)))
            at += len(line) + 1
    return found


def _listed_units(line: str, count: int) -> list[tuple[str, int, int]] | None:
    """The ``count`` units a credit line lists, with their spans in ``line``, or None when it lists another number,
    names a piece that cannot provide, or says no giving (its word: data/lexicon/credits.yaml ``listing_words``)."""
    if not any(word in line for word in _giving_words()):
        return None
    separators = "、" if "、" in line else "[、，,]"  # a line listing with 、 separates its clauses by commas
    for match in _LISTED_RE.finditer(line):
        if separators == "、" and not re.search("、", match.group()):
            continue
        clauses = [(c.group(), match.start() + c.start()) for c in re.finditer(r"[^，,]+", match.group())]
        for listed, at in clauses if separators == "、" else [(match.group(), match.start())]:
            if units := _units_listed(line, listed, at, separators, count):
                return units
    return None


def _units_listed(line: str, listed: str, at: int, separators: str, count: int) -> list[tuple[str, int, int]] | None:
    """The ``count`` units ``listed`` (a run of ``line`` from ``at``) names, split at ``separators``, with their spans
    in ``line``; None when it lists another number or a piece names no unit."""
    pieces = re.split(separators, listed)
    last = re.split("(?:以及|和|及|与)", pieces[-1], maxsplit=1)  # A、B和C提供: the last two joined by a word
    if len(pieces) == count - 1 and len(last) == 2 and all(_unit_in(p) for p in last):
        pieces[-1:] = last
    if len(pieces) != count:
        return None
    units = []
    for k, piece in enumerate(pieces):
        at = line.index(piece, at)
        span = _unit_in(piece)
        if span is None or is_fragment(piece[span[0] : span[1]]):
            return None
        if k < len(pieces) - 1 and not _LIST_ITEM_END_RE.fullmatch(piece[span[1] :]):
            return (
                None  # 县商务局牵头，X海关提供通关指导，…: the clauses of a case's sentence, each unit doing something
            )
        units.append((piece[span[0] : span[1]], at + span[0], at + span[1]))
        at += len(piece)
    return units


def _given_in_order(
    cases: list[CaseText],
    found: list[tuple[str, int, int] | None],
    units: list[tuple[str, int, int]],
    line: tuple[int, int],
) -> list[tuple[str, int, int] | None]:
    result = list(found)
    for k, (case, got, (name, start, end)) in enumerate(zip(cases, found, units, strict=True)):
        read_in_line = got is not None and line[0] <= case.start + got[1] < line[1]
        if case.given_provider is not None or not (got is None or is_fragment(got[0]) or read_in_line):
            continue
        result[k] = name, start - case.start, end - case.start
        case.given_provider = (name, start, end)
    return result


_STAND_IN = "市商务局"
"""A body's name standing in for the unit a frame holds, to ask whether the frame's words label a provider."""
