"""A document's own convention for where its cases name their providers, and what can be a provider at all.

A collection writes every case the same way: the provider on a closing line (（X供稿）, 数据来源：X), a line under
the title, a bracket in the heading (评估对象一【X】title), a signature, a sentence opening (X代表介绍，…). The case
rules of ``provider.py`` know many such frames by their words; a document nobody described uses a frame they do not
know, or knows it for most cases and then writes one case a little differently (a bare place where the others sign
with a bureau, 代表称 where the others write 代表介绍). Read across the document, the cases tell the frame: the same
line of each case (counted from the heading or from the case's end), the same words before the unit and right after
it. Where the frame holds for most cases, a case whose own rules found no provider, found a fragment, or found only
the subject of a sentence reads its provider from the same frame, when what stands there can provide a case.

Split from ``provider.py`` by noun: this module reads the document's frame; ``provider.py`` reads one case.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from ftzgraph.graph.data_files import load_lexicon as load_lexicon_file
from ftzgraph.graph.extract._agency_names import load_divisions, load_lexicon
from ftzgraph.graph.extract._agency_zones import official_zone_name
from ftzgraph.graph.extract._provider_headings import ADOPTING_RE
from ftzgraph.graph.extract._split_leads import is_generic, is_place, place_lead_not
from ftzgraph.graph.extract._split_units import labelled_provider, signature_unit, stem_place
from ftzgraph.graph.extract._split_words import fallback_words
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.model import CaseText

_NUMERAL_RE = re.compile(r"[0-9０-９一二三四五六七八九十百零〇①-⑳ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+")
_NAME_RE = re.compile(r"[\u4e00-\u9fff（）()·]{2,30}")
_LEFT_CHARS = 8
"""The most characters a frame's words before the unit may have: a label, a bracket, a dash, 记者从, 评估对象一【. More
is a sentence the unit stands in, which no other case repeats."""
_MARK_RE = re.compile(r"[：:（()）【】〔〕\[\]［］—｜|丨《》]")
_FRAGMENT_RE = re.compile(r"^(?:有关|相关|其他|其它)")
"""Words a generic phrase opens with (有关部门, 相关单位): no unit."""
_PREPOSITIONS = "在于从据向对由将把"
"""A preposition before a fragment or a unit (在全市, 由市商务局): a piece of a sentence, never a unit's name."""
_CONJUNCTIONS = "并且又也还而"
"""A conjunction before one (并在全市率先推行, 又由X局): the next clause of a sentence, never a unit's name."""


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


@lru_cache(maxsize=8192)  # a name is read in many frames and cases; a served process keeps a bounded few
def is_fragment(name: str) -> bool:
    """True when ``name`` is a piece of a sentence or a generic word rather than a unit: 在全市, 全省, 我市, 有关部门,
    园区 alone. A name opening with a real division's name or stem (从化区, 于都县, 将乐县商务局, 本溪市) is none, and
    neither is a court's own 本院 (``provider_court`` names it)."""
    divisions = load_divisions()
    if name.startswith("本院") or any(
        name[:k] in divisions.names or name[:k] in divisions.stems for k in range(2, min(len(name), 8) + 1)
    ):
        return False
    if name[:1] in _PREPOSITIONS + _CONJUNCTIONS and len(name) > 2 and (is_fragment(name[1:]) or can_provide(name[1:])):
        return True
    return bool(_FRAGMENT_RE.search(name) or re.search(place_lead_not(), name) or is_generic(name))


def _placed(name: str) -> bool:
    """True when ``name`` opens with a place: a division's name or stem (吉安, 宝鸡市, 陈仓区), a level (市X局, 区X局,
    自治区X厅) or an FTZ or area the gazetteer knows (南沙片区X局)."""
    divisions = load_divisions()
    if name.startswith(_LEVELS) or any(
        name[:k] in divisions.names or name[:k] in divisions.stems for k in range(2, min(len(name), 10) + 1)
    ):
        return True
    found = load_gazetteer().find_places(name)
    return bool(found and found[0][0] == 0)


_LEVELS = ("省", "市", "区", "县", "州", "盟", "旗", "自治区", "自治州", "自治县", "中共", "国家", "中国")
"""A body written by its level alone (市商务局, 区法院), or a national network's name (国家税务总局X, 中国人民银行X)."""


@lru_cache(maxsize=8192)
def can_provide(name: str) -> bool:
    """True when ``name`` is a unit that can provide a case: a place (a province, city, county, district, an FTZ or
    its area, a development zone), the stem of one city or county, or a body whose name parses as one: a place, a
    level or a network before a body's core, a unit's or an organisation's ending (X市商务局, 吉安海关, X出入境边防
    检查站, X管委会, X市贸促会)."""
    if not _NAME_RE.fullmatch(name) or is_fragment(name):
        return False
    divisions = load_divisions()
    if name in divisions.names or name in divisions.full_of or stem_place(name):
        return True
    if load_gazetteer().resolve(name) is not None:
        return True  # 南沙片区: an FTZ's area by its own name
    if (official := official_zone_name(name)) != name:
        return can_provide(official)  # 宝鸡高新区管委会: a development zone by its official name
    if not _placed(name):
        return False
    cores = [m for m in load_lexicon().core_re.finditer(name) if m.end() == len(name)]
    if cores and cores[-1].start() >= 1:
        return True
    signed = signature_unit(name)
    inner = any(m.end() < len(name) for m in load_lexicon().core_re.finditer(name))  # X局参照…推行: a sentence
    organisation = 4 <= len(name) <= 12 and not inner and name.endswith(tuple(fallback_words()["organisation_endings"]))
    return (signed is not None and signed[0] == name) or (is_place(name) and len(name) <= 12) or organisation


@cache
def _origin_field_re() -> re.Pattern[str]:
    words = load_lexicon_file("origins")
    labels = sorted({*words["origin_labels"], *words["origin_nouns"]}, key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, labels))})\s*[】\]〕]?\s*[：:｜|]?\s*$")


def origin_field(text: str, start: int) -> bool:
    """True when the words before ``start`` on its line are a field's label naming where a practice came from
    (先行地：, 【经验来源】, data/lexicon/origins.yaml): whatever unit or place follows, it is no provider."""
    return start >= 0 and _origin_field_re().search(text[text.rfind("\n", 0, start) + 1 : start]) is not None


def provided_unit(name: str) -> str:
    """``name`` without the words a provider line goes on with after its unit (X海关提供背景材料 read as X海关提供,
    X管委会整理): the longest start of ``name`` that can provide, when what follows it is a short phrase that ends no
    organisation's name (吉安市现代物流协会 and 锦州港股份有限公司 stay whole). Else ``name`` as written."""
    if can_provide(name):
        return name
    endings = (*fallback_words()["organisation_endings"], *fallback_words()["unit_suffixes"])
    for end in range(len(name) - 2, 2, -1):
        rest = name[end:]
        if can_provide(name[:end]):
            return name[:end] if re.fullmatch("[\u4e00-\u9fff]{2,6}", rest) and not rest.endswith(endings) else name
    return name


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


def _left(line: str, start: int) -> str | None:
    """The frame's words before a unit at ``start``: the line's start, or, after a paragraph's last sentence (…。（X
    经验）), what follows that sentence, marked ``…``."""
    before = line[:start]
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
        left = _left(head, start - head_start)
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


def _unit_in(text: str) -> tuple[int, int] | None:
    """The span of the unit a bracket's or a line's words name (本题由X协助设计, 报送：X, ——X, X): after a 由 or a
    label's colon, the longest run that can provide."""
    begin = 0
    for mark in ("由", "：", ":", "——", "—", "\t", "\u3000"):
        at = text.rfind(mark)
        if at >= 0:
            begin = max(begin, at + len(mark))
    rest = text[begin:].strip()
    begin = text.find(rest, begin) if rest else begin
    for end in range(min(len(rest), 30), 1, -1):
        if can_provide(rest[:end]):
            return begin, begin + end
    return None


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
        for a, b in spans:
            unit = _unit_in(line[a:b])
            if unit is None:
                continue
            start, end = a + unit[0], a + unit[1]
            left = _left(line, start)
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
        if frame == best or case.table_row is not None or case.given_provider is not None:
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


_STAND_IN = "市商务局"
"""A body's name standing in for the unit a frame holds, to ask whether the frame's words label a provider."""
