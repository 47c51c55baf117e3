"""Cases found from a document's own repetition, whatever its layout.

The other splitting rules each read a layout someone described (markers, suffixed titles, fields, entries, media
marks). A layout nobody described still repeats itself: each case opens with a line of one shape (the same kind of
mark or none, a similar length, the same relation to blank lines and to the line after it: a byline 文／X under
each title, a run-in “title”： opening each paragraph, a speaker's turn), and what follows each such line reads as a
case (a title that can name a reform, then actors, figures, results). This module groups a document's lines by
shape, makes the segmentation of each group, scores it (how case-like its segments are, how regular their lengths,
whether it has the count the document states) and offers the best one; `split_cases` takes it only where its own
choice is clearly short of it (one case or none, or a count the head states and its split misses), so a layout the
rules read right keeps its split.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_counted import MIN_CASE_CHARS, title_like
from ftzgraph.graph.extract._split_furniture import furniture_heading
from ftzgraph.graph.extract._split_lines import Line
from ftzgraph.graph.extract._split_media import first_name
from ftzgraph.graph.extract._split_shapes import heading_mark
from ftzgraph.graph.text import NUMERAL_CLASS, title_key

FIELD = "field："
"""The mark of a line whose label recurs before its colon, bar or TAB (项目名称：): a form's field."""
HEAD_CHARS = 40
"""A line this long or shorter, with no sentence inside, is a heading; longer, a paragraph."""
ACCEPT_SCORE = 0.6
"""The least score of a split by repetition that replaces the rules' own (mean case-likeness over the spread)."""
NAME_OPENS = 24
"""A paragraph that tells one case names its reform within this many characters of its start."""
NAME_READ = 80
"""The characters read under a heading that holds only its mark (a speaker's line) for the reform its text names."""
_SENTENCE_RE = re.compile(r"[。；！？!?]")
_PAREN_RE = re.compile(rf"^[（(]\s*[{NUMERAL_CLASS}]+\s*[)）]")
_QUOTE_RUNIN_RE = re.compile(r"^(?P<t>[“\"『「][^“”\"『』「」\n]{2,30}[”\"』」][\u4e00-\u9fff]{0,8})[：:](?=\S)")
_LABEL_RUNIN_RE = re.compile(r"^(?P<t>[^\s，,。：:；;“”（）()【】\[\]]{2,16})[：:](?=\S.{10})")
_LATIN_MARK_RE = re.compile(r"^(?P<w>[A-Za-z]{1,4})\s*[0-9０-９]{1,3}\s*[.．、)）:：]\s*(?=\S)")
"""A Latin word with its number opening a line (Q5．, No.3、, P2)."""
_FIELD_RE = re.compile(r"^(?P<t>[^\s，,。：:；;“”（）()【】\[\]｜|丨]{2,8})(?:[：:｜|丨]|\t)")
_FOLLOW_RE = re.compile(r"^\W?(?P<w>[\u4e00-\u9fffA-Za-z]{1,4})\s*[／/｜|丨：:]")
_LABEL_WORD_RE = re.compile(r"[^\W\d_]+")
_LABEL_RE = re.compile(r"^(?P<o>[\[【〔［])[^\]】〕］\n]{1,30}(?P<c>[\]】〕］])")
_ENCLOSED_RE = re.compile(r"^[（(][^\n]*[)）]$")


@dataclass(frozen=True)
class Repeated:
    """A segmentation found by repetition: the title line of each case, its end (exclusive line index), its title
    when the line holds more than the title (a run-in “title”：text, a paragraph naming its reform), and its score."""

    titles: list[int]
    ends: dict[int, int]
    names: dict[int, str]
    score: float


@cache
def _words() -> dict[str, Any]:
    return dict(load_lexicon("layouts")["repetition"])


@cache
def _res() -> dict[str, re.Pattern[str]]:
    words = _words()
    return {
        "actor": re.compile(rf"[\u4e00-\u9fff]{{1,14}}(?:{'|'.join(map(re.escape, words['actor_tails']))})"),
        "figure": re.compile(r"[0-9０-９]+(?:[.．][0-9]+)?\s*(?:%|％|(?![年月日号])[\u4e00-\u9fff])"),
        "outcome": re.compile("|".join(map(re.escape, words["outcome_words"]))),
        "practice": re.compile("|".join(map(re.escape, words["practice_words"]))),
    }


def _mark(text: str) -> str:
    """The shape of the mark opening ``text`` ("" for none): numbers as the shape's class (第九则, 九、, 9．), a
    bracketed word as its bracket ([X], 【X】: a speaker's or a label's name varies), a run-in title as “X”： or X：."""
    if label := _LABEL_RE.match(text):
        return label["o"] + "X" + label["c"]
    if _ENCLOSED_RE.match(text):
        return "（…）"
    if mark := heading_mark(text):
        return _LABEL_WORD_RE.sub("X", mark.shape) if mark.word else mark.shape
    if _PAREN_RE.match(text):
        return "（N）"
    if latin := _LATIN_MARK_RE.match(text):
        return latin["w"].upper() + "N"
    if _QUOTE_RUNIN_RE.match(text):
        return "“X”："
    if _LABEL_RUNIN_RE.match(text) or _FIELD_RE.match(text):
        return "X："
    first = text[:1]
    return first if first and not first.isalnum() and first not in '“"「『《（(' else ""


def _runs_in(mark: str) -> bool:
    return mark in ("“X”：", "X：")


def case_likeness(text: str) -> float:
    """How much ``text`` reads as a case's body, 0 to 1: who acts (a body's name), what was done (a practice's
    verb), what came of it (an outcome's verb) and a figure; 0 when too short to be a case."""
    if len(text) < MIN_CASE_CHARS:
        return 0.0
    return sum(bool(pattern.search(text)) for pattern in _res().values()) / len(_res())


@dataclass(frozen=True)
class _Line:
    """A line's shape: its mark, heading or paragraph, a blank line before it, the word opening the line after it
    (文 of 文／X) and the label before its colon."""

    index: int
    mark: str
    head: bool
    blank_before: bool
    follow: str
    label: str
    """The words before a run-in colon (X：), else ""."""


def _shapes(lines: list[Line], body_from: int) -> list[_Line]:
    shaped = []
    filled = [i for i in range(body_from, len(lines)) if lines[i].text.strip()]
    filled = filled[1:] if body_from == 0 else filled  # the document's first line is its own title or masthead
    for k, i in enumerate(filled):
        bare = lines[i].bare
        head = len(bare) <= HEAD_CHARS and not _SENTENCE_RE.search(bare)
        after = lines[filled[k + 1]].bare if k + 1 < len(filled) else ""
        follow = match["w"] if head and len(after) <= HEAD_CHARS and (match := _FOLLOW_RE.match(after)) else ""
        blank = i > 0 and not lines[i - 1].text.strip()
        label = runin["t"] if (runin := _LABEL_RUNIN_RE.match(bare) or _FIELD_RE.match(bare)) else ""
        shaped.append(_Line(i, _mark(bare), head, blank, follow, label))
    labels = Counter(line.label for line in shaped if line.label)
    # a label that recurs before its colon (项目名称：, 报送单位：) is a form's field (graph/extract/_split_fields.py),
    # not a run-in title, which each case words its own way
    return [replace(line, mark=FIELD) if labels[line.label] >= 2 else line for line in shaped]


def _families(shaped: list[_Line]) -> list[list[_Line]]:
    """Lines grouped by shape at four grains: mark, form, blank before and the word after; without the blank; mark
    and form alone; a mark alone, whether its heading is short or runs in with its text."""
    keys = (
        lambda s: (s.mark, s.head, s.blank_before, s.follow),
        lambda s: (s.mark, s.head, s.follow),
        lambda s: (s.mark, s.head),
        lambda s: (s.mark, s.head or bool(s.mark)),  # a marked heading, short or run in with its text
    )
    found: dict[tuple[int, ...], list[_Line]] = {}
    for key in keys:
        groups: dict[object, list[_Line]] = {}
        for line in shaped:
            groups.setdefault(key(line), []).append(line)
        for members in groups.values():
            found.setdefault(tuple(m.index for m in members), members)
    # a line wholly in brackets is a note (a provider, a source, an omission), never a case's heading
    return [members for members in found.values() if len(members) >= 2 and members[0].mark != "（…）"]


def _segments(lines: list[Line], members: list[_Line], end: int) -> list[Repeated]:
    """The segmentations of one family: a heading or a run-in line opens a case that runs to the next one; a paragraph
    (an example in a speech, a speaker's turn, an ordinal paragraph) may instead tell its case alone, kept only when
    it names a reform and reads as a case: a paragraph's family is read both ways."""
    found: list[_Found | None] = [] if members[0].head else [_paragraph_cases(lines, members)]
    # a field (项目名称：) heads no case, though a speaker's turn (主持人：, X：) may tell one as a paragraph, and a
    # number field (案例编号：JJDX-ZM-01) heads its case as a number line does
    numbered = members[0].mark == FIELD and _numbers_each(lines, members)
    heading = (members[0].mark != FIELD or numbered) and (members[0].head or _LABEL_RE.match(members[0].mark) is None)
    if heading and (members[0].head or members[0].mark):
        found.append(_heading_cases(lines, _without_furniture(lines, members, end), end))
    return [split for one in found if one is not None and (split := _scored(lines, one)) is not None]


def _scored(lines: list[Line], found: _Found) -> Repeated | None:
    """A segmentation with its score, the mean of its segments' case-likeness over the spread of their lengths; None
    when it has fewer than two cases or a segment that is furniture (a lead, a closing note) or a case's section."""
    titles, ends, names, scores = found
    if len(titles) < 2 or min(scores) < _words()["segment_min"]:
        return None
    keys = [title_key(names.get(t) or lines[t].bare) for t in titles]
    if len(set(keys)) < len(keys):
        return None  # one reform named again and again (a story's paragraphs, a running header) is one case at most
    _trim_last(lines, titles, ends)
    lengths = [sum(len(line.bare) for line in lines[t : ends[t]]) for t in titles]
    spread = statistics.pstdev(lengths) / statistics.mean(lengths) if statistics.mean(lengths) else 1.0
    return Repeated(titles, ends, names, statistics.mean(scores) / (1 + spread))


_Found = tuple[list[int], dict[int, int], dict[int, str], list[float]]


def _numbers_each(lines: list[Line], members: list[_Line]) -> bool:
    """True when every member is one field whose value is a distinct code or number (案例编号：JJDX-ZM-01)."""
    values = [lines[m.index].bare[len(m.label) + 1 :].strip() for m in members]
    same = len({m.label for m in members}) == 1
    return same and len(set(values)) == len(values) and all(_CODE_RE.fullmatch(v) for v in values)


def _paragraph_cases(lines: list[Line], members: list[_Line]) -> _Found:
    """The paragraphs of a family that each open by naming a reform (within ``NAME_OPENS`` characters) and read as a
    case with a body acting in them, each a case of its own line; the others stay in no case."""
    titles: list[int] = []
    names: dict[int, str] = {}
    scores: list[float] = []
    for member in members:
        bare = lines[member.index].bare
        name = first_name(bare)
        score = case_likeness(bare)
        if name is None or bare.find(name) > NAME_OPENS or score < _words()["paragraph_min"]:
            continue
        if _res()["actor"].search(bare):
            titles.append(member.index)
            names[member.index] = name
            scores.append(score)
    return titles, {t: t + 1 for t in titles}, names, scores


def _heading_cases(lines: list[Line], members: list[_Line], end: int) -> _Found | None:
    """Each member's case from its line to the next member's, titled by its heading without the mark or by a run-in
    title before its colon; None when a member's heading cannot be a title (no family of cases)."""
    titles: list[int] = []
    ends: dict[int, int] = {}
    names: dict[int, str] = {}
    scores: list[float] = []
    for k, member in enumerate(members):
        i = member.index
        bare = lines[i].bare
        stop = members[k + 1].index if k + 1 < len(members) else end
        body = "".join(line.bare for line in lines[i + 1 : stop])
        runin = _QUOTE_RUNIN_RE.match(bare) or _LABEL_RUNIN_RE.match(bare) if _runs_in(member.mark) else None
        if runin:
            title, body = runin["t"], bare[runin.end() :] + body
            names[i] = title
        else:
            title = "" if member.mark == FIELD else _without_mark(bare)  # 案例编号：X holds its number alone
            if not member.head:  # 一、title（报送单位：X）　text…, Q5．您是否了解“A”？: a heading run in with its text
                title = names[i] = _SENTENCE_RE.split(title, maxsplit=1)[0]
            elif (_mark_only(title) or _unit_only(title)) and (under := _title_under(lines, i, stop)) is not None:
                names[i] = title = lines[under].bare  # ━━ 数字1 ━━ / 3天→6小时 / title: the mark's own line
                # (■兰州新区 / title: a kicker naming the case's unit over its title line, the title below it too)
            elif _mark_only(title) and (named := first_name(body[:NAME_READ])) is not None:
                names[i] = title = named  # 发言人2　00:01:15 / 我是X局的。我们报的案例叫A“B”: the reform it names
        if not title_like(title) or (i not in names and furniture_heading(bare)):
            return None  # a caption, a counter or a date heads no case by its own words
        titles.append(i)
        ends[i] = stop
        scores.append(case_likeness(body))
    return titles, ends, names, scores


def _without_mark(text: str) -> str:
    """``text`` without the mark opening it (一、, （一）, 第一则, 【X】, ◆)."""
    if match := _LABEL_RE.match(text) or _PAREN_RE.match(text) or _LATIN_MARK_RE.match(text):
        return text[match.end() :].strip()
    if mark := heading_mark(text):
        return text[mark.end :].strip()
    return re.sub(r"^[^\w“\"「『《（(]+", "", text).strip()


_BODY_NAME_RE = re.compile(
    r"[\u4e00-\u9fff（）()]{2,40}(?:"
    + "|".join(map(re.escape, load_lexicon("layouts")["repetition"]["actor_tails"]))
    + ")"
)
"""A body's full name alone (中国（广西）自由贸易试验区南宁片区管理委员会办公室): an issuer's or a signature's line."""
_COUNTER_ONLY_RE = re.compile(rf"第?[\u4e00-\u9fffA-Za-z]{{0,6}}?之?[{NUMERAL_CLASS}]+[\u4e00-\u9fff]?")
_CODE_RE = re.compile(r"[A-Za-z0-9０-９\-－_/．.]*[0-9０-９][A-Za-z0-9０-９\-－_/．.]*")
_DATE_RE = re.compile(r"[0-9０-９]{4}\s*[-年./／]\s*[0-9０-９]{1,2}")


def _names_no_reform(title: str) -> bool:
    """True when a heading names a body (an issuer's line over the text, a signature) or an event (X召开…会议), not a
    reform: the furniture around a document's cases."""
    body = _BODY_NAME_RE.fullmatch(re.sub(r"[\s\u3000]+", "", title)) is not None
    dated = _DATE_RE.search(title) is not None
    return body or dated or any(word in title for word in _words()["event_words"])


def _mark_only(title: str) -> bool:
    """True when a heading's words after its mark are no title: too few words, or a word with its number alone
    (系列报道之一, 数字1, 第3页)."""
    return not title_like(title) or _COUNTER_ONLY_RE.fullmatch(re.sub(r"[\s\u3000]+", "", title)) is not None


_UNIT_ONLY_RE = re.compile(r"[\u4e00-\u9fff]{1,12}(?:市|区|县|州|盟|旗|局|厅|委|办|海关|管委会|新区|片区)")


def _unit_only(title: str) -> bool:
    """True when a heading's words after its mark are a unit's or a place's name alone (■兰州新区, ■省市场监管局): a
    kicker naming who did the case, whose title is the line under it."""
    return _UNIT_ONLY_RE.fullmatch(re.sub(r"[\s\u3000]+", "", title)) is not None


def _title_under(lines: list[Line], index: int, stop: int) -> int | None:
    """The first of the two short lines under a heading that holds only its mark (a number line, a big figure) that
    can be a title, or None."""
    under = [j for j in range(index + 1, stop) if lines[j].text.strip()][:2]
    return next((j for j in under if len(lines[j].bare) <= HEAD_CHARS and not _mark_only(lines[j].bare)), None)


def _without_furniture(lines: list[Line], members: list[_Line], end: int) -> list[_Line]:
    """The family without its members before the first and after the last whose segment reads as a case: a masthead,
    an issue line or a lead over the cases, a distribution or editor's line under them, of the same shape."""

    def good(k: int) -> bool:
        stop = members[k + 1].index if k + 1 < len(members) else end
        bare = lines[members[k].index].bare
        body = "".join(line.bare for line in lines[members[k].index + 1 : stop])
        runin = _runs_in(members[k].mark)
        text = bare + body if runin else body
        return case_likeness(text) >= _words()["segment_min"] and not _names_no_reform(_without_mark(bare))

    first = next((k for k in range(len(members)) if good(k)), len(members))
    last = next((k for k in range(len(members) - 1, first - 1, -1) if good(k)), first - 1)
    # between them, a line that holds only its mark (a speaker's line over a chair's word) heads no case when what
    # follows is none: it goes on the case before; a line with a title of its own stands
    return [
        m
        for k, m in enumerate(members[first : last + 1], first)
        if good(k) or title_like(_without_mark(lines[m.index].bare))
    ]


def _trim_last(lines: list[Line], titles: list[int], ends: dict[int, int]) -> None:
    """The last case ends at a blank line once it is as long as the longest case before it: what comes after is the
    document's closing (以上信息供参阅, an editor's line), not more of the case."""
    last = titles[-1]
    longest = max(sum(len(line.bare) for line in lines[t : ends[t]]) for t in titles[:-1])
    total = 0
    for i in range(last, ends[last]):
        total += len(lines[i].bare)
        if total >= longest and not lines[i].text.strip():
            ends[last] = i
            return


def split_score(lines: list[Line], titles: list[int], end: int) -> float:
    """The score of a split whose cases open at ``titles`` and run to the next (the rules' own), as a split by
    repetition is scored: how much its segments read as cases over the spread of their lengths."""
    ends = dict(zip(titles, [*titles[1:], end], strict=True))
    scores = [case_likeness("".join(line.bare for line in lines[t + 1 : ends[t]])) for t in titles]
    lengths = [sum(len(line.bare) for line in lines[t : ends[t]]) for t in titles]
    spread = statistics.pstdev(lengths) / statistics.mean(lengths) if statistics.mean(lengths) else 1.0
    return statistics.mean(scores) / (1 + spread) if titles else 0.0


def repeated_split(lines: list[Line], body_from: int, stated: int | None) -> Repeated | None:
    """The best segmentation of the lines from ``body_from`` by repeated shapes (the one of ``stated`` cases when the
    head states a count), or None when no family of lines reads as cases."""
    shaped = _shapes(lines, body_from)
    found = [split for members in _families(shaped) for split in _segments(lines, members, len(lines))]
    # the count the head states decides; with none, fewer than the fallback's least family are a report's points
    least = int(load_lexicon("layouts")["fallback"]["marked_min_cases"])
    found = [s for s in found if len(s.titles) == stated or (stated is None and len(s.titles) >= least)]
    best = max(found, key=lambda s: (s.score, len(s.titles)), default=None)
    if best is None:
        return None
    # the same cases, each opened by a heading line right over the paragraph the best split opens it with (▲title
    # over a paragraph naming its reform): the headings', whose lines are the titles
    headed = [s for s in found if _heads_each(lines, s.titles, best.titles)]
    best = headed[0] if headed else best
    # the same cases and more of their shape (the first under its lead, with no blank line before it as the others
    # have): the fuller split, when it reads nearly as well
    fuller = [
        s
        for s in found
        if set(best.titles) < set(s.titles) and s.score >= best.score - float(_words()["fuller_margin"])
    ]
    return max(fuller, key=lambda s: (len(s.titles), s.score), default=best)


def _heads_each(lines: list[Line], heads: list[int], paragraphs: list[int]) -> bool:
    """True when each of ``heads`` is the line with text right above the matching one of ``paragraphs``."""
    if len(heads) != len(paragraphs) or heads == paragraphs:
        return False
    for head, paragraph in zip(heads, paragraphs, strict=True):
        above = next((j for j in range(paragraph - 1, -1, -1) if lines[j].text.strip()), None)
        if above != head or len(lines[head].text.strip()) > HEAD_CHARS:
            return False
    return True
