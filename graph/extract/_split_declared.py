"""What a collection says about itself: how many cases it holds, and the titles it lists before them.

Every new layout so far marked its case headings some way the splitter's rules did not know, and the document came
out as one case or cut at the wrong level. Whatever the marks, most collections say two things about themselves
before the first case. Their head states a count (现将…4个典型案例印发给你们, 遴选出上述4项典型经验, 成果（共四项）),
and many list the case titles (a 目录 with or without page numbers, 附件：1．A 2．B, a contents slide of bullets).

The count chooses among the splits the rules can make (their own starts, each structural family, the fallback's
family, each heading level, each family of lines marked alike): a split whose case count is the stated one is
preferred, and a final split that disagrees with it is reported. A count is read only when tied to a word of the
genre, and never in a clause about totals (累计…146项, 其中12项被国务院…复制推广).

A list is read as a summary table: its lines become ``TableRow``s, so the title matching that reads a table reads the
list too, and a later line that is a listed title, or holds one as its main part with marks or a provider around it,
opens a case. A list of something above the cases (a notice's own tasks, its attachments) is refused when it
disagrees with the stated count or when its last item holds nearly the whole text.

Only words of the genre (data/lexicon/layouts.yaml ``declared``) and layout marks are read; nothing here names a
document. The candidate splits the count chooses among, and the choice, are in ``_split_counted.py``.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_shapes import heading_mark
from ftzgraph.graph.extract._split_units import signature_unit
from ftzgraph.graph.model import Document, Evidence, TableRow
from ftzgraph.graph.text import NUMERAL_CLASS, parse_chinese_number, title_key

if TYPE_CHECKING:
    from ftzgraph.graph.extract._split_lines import Line

Start = tuple[int, int, int | None]
"""(title line index, span start line index, number), as the splitter's rules give a case's start."""
Split = tuple[list[Start], dict[int, str]]
"""A candidate split: its starts and the titles of those whose heading is not the title as written."""

MAIN_PART = 0.6
"""A listed title is a later line's main part when it makes at least this share of the line's title key."""
LAST_ITEM_SHARE = 5
"""A list whose last item's text is this many times longer than any other item's lists something above the cases."""

_LIST_LABEL_RE = re.compile(r"^(?:附\s*件|目\s*录)\s*[:：]?\s*")
_LIST_NUMBER_RE = re.compile(
    rf"^(?:[（(]\s*(?P<a>[{NUMERAL_CLASS}]+)\s*[)）]|(?P<b>[{NUMERAL_CLASS}]+)\s*[、.．)）]|(?P<c>[\u2460-\u249b]))\s*"
)
_LIST_BULLET_RE = re.compile(r"^[●○◆◇■□▪▫•·※★☆▶►▷→\-—–*>\s\u3000]+")
_PAGE_RE = re.compile(r"(?:[.…·．\-—_]{2,}|\t+|[ \u3000]{2,})[ \u3000]*[0-9０-９]{1,4}[ \u3000]*$")
_WORD_RE = re.compile(r"\w")
_SENTENCE_END = ("。", "；", ";", "：", ":", "，", ",")


@cache
def _lexicon() -> dict[str, Any]:
    return dict(load_lexicon("layouts")["declared"])


@cache
def _count_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lexicon = _lexicon()
    words = "|".join(map(re.escape, lexicon["count_words"]))
    units = "".join(map(re.escape, lexicon["count_units"]))
    modifiers = "|".join(map(re.escape, lexicon["count_modifiers"]))
    number = rf"(?<![第{NUMERAL_CLASS}.．])(?P<n>[{NUMERAL_CLASS}]+)\s*[{units}]"  # no ordinal (第4个) nor decimal
    free = "|".join(map(re.escape, lexicon["count_free_words"]))
    gap = int(lexicon["count_free_chars"])
    # 4个制度创新案例; 四个专题案例
    before = re.compile(
        rf"{number}(?:(?:{modifiers}|“[^“”，,。\n]{{1,8}}”)*(?:{words})|[^，,。；;、\n]{{0,{gap}}}?(?:{free}))"
    )
    after = re.compile(
        rf"(?:{words})[^，,。；;\n]{{0,6}}?(?:共|计)?(?:有|计)?\s*{number}"
    )  # 成果（共四项）, 经验材料4篇
    return before, after


def stated_count(document: Document, lines: list[Line], end: int) -> tuple[int, Evidence] | None:
    """The number of cases the head of a collection (its lines before ``end``) states, with where it says so; None
    when no count is tied to a word of the genre, when every count is of something else, or when two disagree."""
    lexicon = _lexicon()
    head = "\n".join(line.text for line in lines[:end])[: int(lexicon["head_chars"])]
    found: dict[int, Evidence] = {}
    own: dict[int, Evidence] = {}  # the counts of a clause where the document speaks of itself (本期, 本稿)
    for part in re.finditer(r"[^，,。；;！!？?\n]+", head):
        clause = part.group()
        if any(word in clause for word in lexicon["count_not_in_clause"]):
            continue
        if _other_document(_sentence_of(head, part.start())) and not any(w in clause for w in lexicon["count_own"]):
            continue  # 第一批汇总稿已于4月报送，收录…等5项做法: a sentence telling of another document counts its items
        for pattern in (*_count_res(), _own_count_re()):
            for match in pattern.finditer(clause):
                if not any(word in clause[: match.start("n")] for word in lexicon["count_presenting"]) and not any(
                    word in clause[match.end() :] for word in lexicon["count_presenting_after"]
                ):
                    continue  # 这两项案例, 天府新区片区的两项案例: a count the text speaks of, not its own
                number = parse_chinese_number(match["n"])
                if number is not None and number >= 2:
                    where = document.evidence(part.start() + match.start(), part.start() + match.end())
                    found.setdefault(number, where)
                    if any(word in clause[: match.start("n")] for word in lexicon["count_own"]):
                        own.setdefault(number, where)
    if len(found) > 1 and len(own) == 1:  # 第一期已刊登…等5篇, 本期选登4篇: an earlier issue's count is not its own
        return next(iter(own.items()))
    weak = tuple(lexicon["count_weak_words"])  # 形成了4个典型做法 … 梳理政策事项38项: the items of a policy, not cases
    strong = {n: e for n, e in found.items() if not any(w in e.quote for w in weak)}
    if len(found) > 1 and len(strong) == 1:
        return next(iter(strong.items()))
    return next(iter(found.items())) if len(found) == 1 else None


def _other_document(sentence: str) -> bool:
    """True when ``sentence`` tells of another document than this one: a word of ``count_other`` (上期, 已于, 另行),
    or 已 right before a presenting word (已收录的10个案例, 已印发): what was presented before, elsewhere."""
    if any(word in sentence for word in _lexicon()["count_other"]):
        return True
    return "已" in sentence and _presented_re().search(sentence) is not None


@cache
def _presented_re() -> re.Pattern[str]:
    """已 right before a presenting word (已收录, 已印发)."""
    return re.compile("已(?:{})".format("|".join(map(re.escape, _lexicon()["count_presenting"]))))


def _sentence_of(text: str, at: int) -> str:
    """The sentence of ``text`` that holds position ``at``: from the stop before it to the stop after it."""
    start = max(text.rfind(stop, 0, at) for stop in "。；;！!？?\n") + 1
    ends = [e for stop in "。；;！!？?\n" if (e := text.find(stop, at)) >= 0]
    return text[start : min(ends, default=len(text))]


@cache
def _own_count_re() -> re.Pattern[str]:
    """A count right after the document's word for itself and a presenting word (本期选登4篇, 本稿收录6项): said of
    the document's own items, it needs no genre word after its unit."""
    lexicon = _lexicon()
    own = "|".join(map(re.escape, lexicon["count_own"]))
    presenting = "|".join(map(re.escape, lexicon["count_presenting"]))
    units = "".join(map(re.escape, lexicon["count_units"]))
    gap = int(lexicon["count_own_chars"])
    return re.compile(
        rf"(?:{own})[^，,。；;\n]{{0,{gap}}}?(?:{presenting})[^，,。；;\n0-9０-９]{{0,{gap}}}?"
        rf"(?<![第{NUMERAL_CLASS}.．])(?P<n>[{NUMERAL_CLASS}]+)\s*[{units}]"
    )


def count_warning(where: str, stated: tuple[int, Evidence] | None, found: int) -> str | None:
    """The warning for a split that disagrees with the count the document states, or None."""
    if stated is None or stated[0] == found:
        return None
    return f"{where}:{stated[1].line}: the document states {stated[0]} cases ('{stated[1].quote}'); {found} found"


def line_key(line: Line, clean: Callable[[str], str]) -> str:
    """The title key of a line that may be a heading (short, no sentence), else ""."""
    bare = line.bare
    if not bare or len(bare) > 100 or bare.endswith(_SENTENCE_END[:2]):
        return ""
    return title_key(clean(bare))


def contains_listed(key: str, keys: Iterable[str]) -> int | None:
    """The index of the listed title that is the main part of the line whose title key is ``key`` (【第一例】title,
    title（X片区管委会）), or None."""
    size = len(_WORD_RE.findall(key))  # marks and brackets around the title are no part of the measure
    for k, listed in enumerate(keys):
        if len(listed) >= 4 and listed in key and len(listed) >= MAIN_PART * size:
            return k
    return None


def _stripped(text: str) -> tuple[str, int | None, str]:
    """A list line without its label, bullet, number and page (附件：1．title, ● title, title……3), its number, and
    how it is marked (bullet and kind of numbering): a list's items are marked alike, its parts (第一部分 X, 一、X片区)
    otherwise."""
    text = _LIST_LABEL_RE.sub("", text.strip())
    bullet = _LIST_BULLET_RE.match(text)
    style = bullet.group().strip() if bullet else ""
    text = text[bullet.end() :] if bullet else text
    number = None
    if numbered := _LIST_NUMBER_RE.match(text):
        raw = numbered["a"] or numbered["b"] or numbered["c"]
        number = parse_chinese_number(raw) if not numbered["c"] else int(unicodedata.numeric(raw))
        kind = "digit" if raw[0].isdigit() else "numeral"
        style += ("paren " if numbered["a"] else "mark " if numbered["c"] else "dot ") + kind
        text = text[numbered.end() :]
    elif mark := heading_mark(text):  # Ⅱ　part / Ⅱ-1《item》: a mark of another shape tells items from parts too
        style += "shape " + mark.shape
    return _PAGE_RE.sub("", text).strip(), number, style


def _entry(text: str, clean: Callable[[str], str]) -> tuple[str, int | None] | None:
    """A list line's title and number; None when the line is no title (too short or long, a sentence)."""
    text, number, _ = _stripped(text)
    low, high = _lexicon()["list_title_chars"]
    title = clean(text)
    if not low <= len(title_key(title)) <= high or text.endswith(_SENTENCE_END):
        return None
    return title, number


def listed_rows(
    document: Document, lines: list[Line], clean: Callable[[str], str], placed: Callable[[str], Any]
) -> tuple[list[TableRow], int, int]:
    """Rows of the list of case titles near the top of ``document`` (``parse_table``'s result for a list), and the
    line span it covers; ([], -1, -1) when there is none. Each listed line must recur later as a line (or as the main
    part of one), in the list's order, all after the list; ``placed`` reads a provider the list names (X片区：title)."""
    head = min(len(lines), int(_lexicon()["list_head_lines"]))
    keys = [line_key(line, clean) for line in lines]
    joined = "\n".join(keys)
    offsets = [0]
    for key in keys:
        offsets.append(offsets[-1] + len(key) + 1)
    entries: dict[int, tuple[str, int | None, int]] = {}  # line -> title, number, first later line holding it
    for i in range(head):
        if not lines[i].text.strip() or (entry := _entry(lines[i].text, clean)) is None:
            continue
        if (later := _recurrence(title_key(entry[0]), i, joined, offsets, keys)) is not None:
            entries[i] = (entry[0], entry[1], later)
    for whole in _runs(lines, entries):
        styles = [_stripped(lines[i].text)[2] for i in whole]
        most = max(styles, key=styles.count)  # the items, not the parts they stand under
        run = [i for i, style in zip(whole, styles, strict=True) if style == most]
        if len(run) < 3:
            continue
        recurrences = [entries[i][2] for i in run]
        if recurrences[0] <= run[-1] or any(b <= a for a, b in itertools.pairwise(recurrences)):
            continue
        if len({title_key(entries[i][0]) for i in run}) < len(run) or _last_holds_all(lines, recurrences):
            continue
        if all(signature_unit(entries[i][0]) for i in run):  # 交流材料之一　X市人民政府: a list of who, not of titles
            continue
        if (stated := stated_count(document, lines, recurrences[0])) and stated[0] != len(run):
            continue  # a list of something else than the cases the head counts
        numbers = [entries[i][1] for i in run]
        ordered = numbers == list(range(1, len(run) + 1))
        rows = []
        for k, i in enumerate(run):
            title = entries[i][0]
            provider = placed(_stripped(lines[i].text)[0])
            rows.append(
                TableRow(
                    numbers[k] if ordered else k + 1,
                    title,
                    provider["p"] if provider else None,
                    document.evidence(lines[i].start, lines[i].end),
                )
            )
        return rows, run[0], run[-1]
    return _quoted_rows(document, lines, head, joined, offsets, keys)


_QUOTED_RUN_RE = re.compile(r"(?:[“\"][^“”\"\n]{2,40}[”\"][、，,和及与\s]*){3,}")
_QUOTED_RE = re.compile(r"[“\"](?P<t>[^“”\"\n]{2,40})[”\"]")


def _quoted_rows(
    document: Document, lines: list[Line], head: int, joined: str, offsets: list[int], keys: list[str]
) -> tuple[list[TableRow], int, int]:
    """Rows of the case titles a head names in one sentence, in quotes side by side (现将“A”“B”“C”等3个案例印发) or
    apart (其中，“A”由X提供，“B”由Y报送…), when each recurs later as a line or its main part, in order: the same list
    written inline."""
    for i in range(head):
        runs = [(run.start(), list(_QUOTED_RE.finditer(run.group()))) for run in _QUOTED_RUN_RE.finditer(lines[i].text)]
        named: dict[str, re.Match[str]] = {}
        for name in _QUOTED_RE.finditer(lines[i].text):
            named.setdefault(title_key(name["t"]), name)
        # 其中，“A”由X提供，“B”由Y报送…: each name once, as first named, when no run side by side holds the cases
        runs.append((0, list(named.values())))
        for offset, names in runs:
            if len(names) < 3:
                continue
            found = [_recurrence(title_key(n["t"]), i, joined, offsets, keys) for n in names]
            later = [j for j in found if j is not None]
            if len(later) < len(names) or any(b <= a for a, b in itertools.pairwise(later)):
                continue
            stated = stated_count(document, lines, later[0])
            if stated and stated[0] != len(names):
                continue
            at = lines[i].start + offset
            return (
                [
                    TableRow(k + 1, n["t"], None, document.evidence(at + n.start("t"), at + n.end("t")))
                    for k, n in enumerate(names)
                ],
                i,
                i,
            )
    return [], -1, -1


def _recurrence(key: str, after: int, joined: str, offsets: list[int], keys: list[str]) -> int | None:
    """The first line after line ``after`` whose key is ``key`` or holds it as its main part."""
    at = joined.find(key, offsets[after + 1])
    while at >= 0:
        j = bisect.bisect_right(offsets, at) - 1  # the line holding offset ``at``
        if keys[j] == key or contains_listed(keys[j], [key]) is not None:
            return j
        at = joined.find(key, offsets[j + 1]) if j + 1 < len(offsets) else -1
    return None


def _runs(lines: list[Line], entries: dict[int, tuple[str, int | None, int]]) -> list[list[int]]:
    """Runs of at least three listed lines with only blank lines between them, in document order."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i in range(max(entries, default=-1) + 1):
        if i in entries:
            current.append(i)
        elif lines[i].text.strip():
            runs.append(current)
            current = []
    return [run for run in [*runs, current] if len(run) >= 3]


def _last_holds_all(lines: list[Line], recurrences: list[int]) -> bool:
    """True when the text after the last listed line's recurrence is far longer than each other item's: the list
    names parts of the text above the cases (a notice's tasks), the cases standing inside its last part."""
    bounds = [*recurrences, len(lines)]
    sizes = [sum(len(line.text.strip()) for line in lines[a:b]) for a, b in itertools.pairwise(bounds)]
    return len(sizes) >= 2 and sizes[-1] > LAST_ITEM_SHARE * max(sizes[:-1])


def listed_titles(
    lines: list[Line], starts: list[Start], table: list[TableRow], clean: Callable[[str], str]
) -> dict[int, str]:
    """The listed title of each start whose heading holds it with marks around (【第一例】title): the case's title."""
    keys = [title_key(row.title) for row in table]
    titles = {}
    for start in starts:
        key = line_key(lines[start[0]], clean)
        if key and key not in keys and (k := contains_listed(key, keys)) is not None:
            titles[start[0]] = table[k].title
    return titles
