"""A heading's mark read from the line itself: the shape of what stands before the heading's words.

The fallback's numbering styles (graph/extract/_split_fallback.py) are a list of the marks seen so far, and every new
layout marked its case headings some other way (〖经验3〗, ◆ (a), 样本一—, 第Ⅱ例). What a family of case headings
has in common is not a known mark but one mark shape repeated with its number counting on. So the run of characters
before the heading's words is read here piece by piece: leading symbols, an opening bracket, a short word
(样本, Case, 第), a number in any numeral system, a counting word after it (例, 篇), a closing bracket, separators. Its
shape keeps every symbol, bracket, separator and word as written and abstracts the number to its numeral system
(ASCII and full-width digits one class, Chinese numerals one, circled, Roman, Latin letters), so the marks of one
family share one shape and the fallback's family rules (consecutive numbers, section words, case-sized sections)
decide, as for the known styles, whether the family is the cases, sections inside them, or nothing.

A mark must end where the heading's words begin: after a separator, a closing bracket or a space, after a numeral
that cannot open a word (①, Ⅲ) or after an ordinal's counting word (第3例); so a title that opens with a numeral
(一站式服务, 2024年) has no mark. A word with no number is a mark too when it recurs (示范：, 〈亮点〉,
◎故事/), unless it names a place or a body (宁波市：) or opens a field (联系人：X　电话：…). And a title with no mark at
all is read by ``prose_title``: a reform's name alone between a blank line and a paragraph of prose.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._agency_names import load_divisions
from ftzgraph.graph.text import parse_chinese_number

_OPEN = "（([【〔〖「『［<〈｛{"
_CLOSE = "）)]】〕〗」』］>〉｝}"
SEPARATORS = "、．.：:｜|—–-－·•/／~～_＿"
_LABEL_ENDS = "：:、．.｜|"
"""What may close a mark's word with no number (示范：title): not a dash or a dot inside a name (中欧班列·长安号)."""
_FINANCIAL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰", "一二三四五六七八九十百")
_CHINESE = "零〇一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
STEMS = "甲乙丙丁戊己庚辛壬癸"
"""The heavenly stems, which count items as numbers do (甲、乙、丙)."""
_ONE_CHAR = "\u2460-\u249b\u2160-\u216b\u2170-\u217b\u2776-\u2793\u3220-\u3229\u3280-\u3289"
"""Numbers written as one mark: ①, ⑴, ⒈, Ⅲ, ⅲ, ❶, ➀, ㈠, ㊀ (each block a numeral system of its own)."""
MARK_NUMBER = rf"[0-9０-９]+|[{_CHINESE}]+|[{STEMS}]|[{_ONE_CHAR}]"
"""A heading mark's number in any numeral system, as a pattern."""
_NUMBER_RE = re.compile(
    rf"(?P<digits>[0-9０-９]{{1,3}})|(?P<chinese>[{_CHINESE}]{{1,4}})|(?P<stem>[{STEMS}])|(?P<one>[{_ONE_CHAR}])"
    r"|(?P<ascii_roman>[IVX]{1,4}|[ivx]{1,4})(?![A-Za-z])|(?P<latin>[A-Za-z])(?![A-Za-z])"
)
_CLASSES = {"digits": "9", "chinese": "九", "stem": "甲", "ascii_roman": "I", "latin": "A"}
_LATIN_WORD_RE = re.compile(r"[A-Za-z]{2,6}\.?\s?")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]+")
_MAX_MARK = 16
_JOINED_WORD = 8
_COUNTED_NOUN_RE = re.compile(rf"[\u4e00-\u9fff]{{1,2}}(?=[{re.escape(_LABEL_ENDS)}])")
"""The longest word before 之 and an ordinal (复制推广举措之三): the join marks the ordinal, so the word may be long."""
_CODE_RE = re.compile(r"(?P<lead>(?![IVXLC]+[-－_.．]?[0-9])[A-Z]{2,8}(?:[-－_][A-Z0-9]{1,8})*[-－_])(?P<n>[0-9]{1,4})")
"""A case code with a running number (CFD-2023-01, BJTZ-24-003): the letters and the fixed parts stay in the shape,
the last number counts the cases. Capitals only, at least two, and no Roman numeral (Ⅳ-1 is a part's item)."""
CHANGE_MARK = "±"


@dataclass(frozen=True)
class Mark:
    """The mark opening a heading: its shape, its number (None for a word or bracket without one), where the
    heading's words begin, and whether the mark is distinct (a symbol, a bracket or a word: no notice numbers its
    parts so) or a plain number and separator (1-, A．), which a notice's parts may use."""

    shape: str
    number: int | None
    end: int
    distinct: bool
    word: str = ""
    """The word of a mark with no number (示范：, 〈亮点〉): a heading's word, which a section's label must not be."""
    joined: bool = False
    """The mark joins two numbers (Ⅱ-1, 4-1, （1/4）): a plain numbering style read from its first would miss that
    the second one counts."""


@cache
def _lexicon() -> dict[str, Any]:
    return dict(load_lexicon("layouts")["fallback"])


def _suffixes() -> tuple[str, ...]:
    return tuple(_lexicon()["mark_counters"])


@cache
def _not_words() -> tuple[str, ...]:
    """Endings of a place's or a body's name (宁波市：title, 商务局：…): a label naming who, no mark."""
    return tuple(_lexicon()["place_endings"]) + tuple(_lexicon()["unit_suffixes"])


def _is_symbol(char: str) -> bool:
    """A mark no word is made of: a symbol, an emoji, a dash, a bullet (not a quote, which opens a title)."""
    category = unicodedata.category(char)
    return category in ("So", "Sm", "Sk", "Po", "Pd") and char not in "“”‘’\"'《》、，。；！？,;!?%％"


def _value(kind: str, text: str) -> int | None:
    """The number a numeral of ``kind`` writes: 3, 三, 叁, 丙, ③, ⒊, Ⅲ, III, C (the third letter)."""
    if kind == "latin":
        return ord(text.upper()) - 64
    if kind == "stem":
        return STEMS.index(text) + 1
    if kind == "one":
        return int(unicodedata.numeric(text))
    if kind == "ascii_roman":
        values = [_ROMAN_VALUES[c] for c in text.upper()]
        return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))
    return parse_chinese_number(unicodedata.normalize("NFKC", text).translate(_FINANCIAL))


def _numeral_class(kind: str, text: str, number: int) -> str:
    """How a number is written, its value aside: 9 for digits of either width, 九 for Chinese numerals, 甲 for the
    stems, I or A for Latin letters, and a one-character mark as the mark of 1 in its block (③ -> ①, ⒊ -> ⒈)."""
    if kind == "one":
        return chr(ord(text) - number + 1)
    return "a" if kind == "latin" and text.islower() else _CLASSES[kind]


def _word(text: str, k: int, marked: bool) -> tuple[int, bool] | None:
    """Where a mark's word (样本, 第, Case, No., 示范) starting at ``k`` ends, and whether a number follows it: the
    shortest run of up to four Chinese characters or a Latin word followed by a number, else a whole run of two to
    four Chinese characters (or a Latin word) right before a label's separator or a closing bracket that names no
    place or unit (示范：, 〈亮点〉, CASE：; not 宁波市： nor a city's stem, 韶关：); None when there is none."""
    latin = _LATIN_WORD_RE.match(text, k)
    ends = [latin.end()] if latin else [k + n for n in range(1, 5) if _CJK_RE.fullmatch(text[k : k + n])]
    for end in ends:
        if _NUMBER_RE.match(text, end):
            return end, True
    # 借鉴复制之一, 复制推广举措之三: a longer word whose ordinal is joined to it by 之 (``mark_ordinal_joins``)
    for n in range(1, _JOINED_WORD + 1) if not latin else ():
        end = k + n
        if not _CJK_RE.fullmatch(text[k:end]):
            break
        if text[end : end + 1] in _lexicon()["mark_ordinal_joins"] and _NUMBER_RE.match(text, end + 1):
            return end + 1, True
    end = (latin.end() - latin.group().endswith(" ")) if latin else ends[-1] if ends else k
    # a Latin word before a Chinese title, or a word after a symbol, is a mark whatever follows (Case—, ◎故事/)
    ends_mark = _LABEL_ENDS + _CLOSE + (SEPARATORS if latin or marked else "")
    if end >= len(text) or end - k < 2 or text[end] not in ends_mark:
        return None
    if latin:
        return end, False
    # 宁波市：, 商务局：, and a city's bare stem (韶关：) name who or where: a label, no mark
    return None if text[k:end].endswith(_not_words()) or load_divisions().by_stem.get(text[k:end]) else (end, False)


def _symbols(text: str, k: int, shape: list[str]) -> int:
    """Past the symbols and spaces from ``k`` (◆, ▶, #), each kept in ``shape``."""
    while k < len(text) and (text[k].isspace() or _is_symbol(text[k])) and text[k] not in SEPARATORS + _OPEN:
        shape.append(" " if text[k].isspace() else text[k])
        k += 1
    return k


@lru_cache(maxsize=16384)
def heading_mark(text: str) -> Mark | None:
    """The mark opening heading ``text`` with its shape and number, or None when the line opens with its words (or
    with a symbol alone, which the fallback reads as a mark of its own). Cached: the splitter asks for the same
    lines' marks from several of its rules."""
    if (topic := TOPIC_TAG_RE.match(text)) and _CJK_RE.search(text, topic.end()):
        return Mark(topic.group().strip(), None, topic.end(), True, topic["w"])  # #话题# title: a thread's posts
    shape: list[str] = []
    k, number, closer, word, counted = _symbols(text, 0, shape), None, "", None, False
    compound = False
    if k < len(text) and text[k] in _OPEN:
        closer = _CLOSE[_OPEN.index(text[k])]
        shape.append(text[k])
        k = _symbols(text, k + 1, shape)
    found = _NUMBER_RE.match(text, k)
    lead = ""
    coded = not found and (code := _CODE_RE.match(text, k)) is not None
    if coded and code:  # CFD-2023-01　title: a code counting on in its last number, distinct as a word is
        lead = code["lead"]
        shape.append(lead)
        found = _NUMBER_RE.match(text, code.start("n"))
    if not found and (word := _word(text, k, k > 0)):  # 样本3, Case 1, 第三例, 示范：
        lead = text[k : word[0]].rstrip()
        # ［更新］ and ［新增］ mark items of one versioned list alike: one change word in the shape
        shape.append(CHANGE_MARK if not word[1] and lead in _lexicon()["change_marks"] else lead)
        k, found = word[0], _NUMBER_RE.match(text, word[0])
    if found:
        kind = found.lastgroup or ""
        number, k = _value(kind, found.group()), found.end()
        shape.append(_numeral_class(kind, found.group(), number or 0))
        if counter := next((s for s in _suffixes() if text.startswith(s, k)), None):
            shape.append(counter)
            k += len(counter)
            counted = lead in _lexicon()["mark_ordinals"]  # 第Ⅱ例title ends its mark (not 一个窗口, 汽车零部件)
            # 3号项目：title, 2号路演｜title: the counted item's one or two characters before a label's separator
            if (noun := _COUNTED_NOUN_RE.match(text, k)) and not noun.group().endswith(_not_words()):
                shape.append(noun.group())
                k = noun.end()
        elif (joined := _joined_number(text, k, bool(closer))) is not None:  # Ⅱ-1, 专栏4-1, （1/4）
            shape.append(joined[0])
            k, compound = joined[1], True
            number = joined[2] if joined[2] is not None else number
    if closer:
        if not text.startswith(closer, k):
            return None
        shape.append(closer)
        k += 1
    open_end = k
    while k < len(text) and (text[k] in SEPARATORS or text[k].isspace()):
        shape.append(" " if text[k].isspace() else text[k])
        k += 1
    if (number is None and not word) or k > _MAX_MARK or k >= len(text) or not _CJK_RE.search(text[k:]):
        return None
    if text[k - 1] in ".．" and text[k].isdigit():  # 3.0版: a decimal, no mark
        return None
    glued = found is not None and k == open_end and text[k] in _TITLE_OPENERS  # 1《title》, Ⅱ-1《title》
    if not (k > open_end or closer or counted or glued or (found and found.lastgroup == "one")):
        return None  # 一站式, 2024年: a numeral the words go on from
    # 联系人：X　电话：…, 时间：2024年: a field, no title; a bracket closing the title (（报送：X）) is none of it
    if number is None and re.search(r"[:：]|\d{4}", re.sub(r"[（(][^（）()]*[)）]\s*$", "", text[k:])):
        return None
    key = re.sub(r" +", " ", "".join(shape)).strip()
    # a part's number joined to an item's (Ⅱ-1, 4-1) is distinct too: a notice numbers its parts one level at a time
    distinct = bool(closer or word or coded or compound or any(_is_symbol(ch) for ch in key if ch not in SEPARATORS))
    return Mark(key, number, k, distinct, "" if number is not None else lead, compound)


TOPIC_TAG_RE = re.compile(r"^#(?P<w>[^#\s][^#\n]{0,30})#\s*")
"""A social post's topic tag before its title (#话题# title): the thread's topic, recurring on every post, a mark."""
_JOINERS = "-－–—·"
"""What joins a part's number to an item's (Ⅱ-1, 4-1): the item's number counts the cases, the part's stays in
the shape. A dot is none: 2.1 is decimal outline numbering, which the fallback reads level by level."""
_TITLE_OPENERS = "《「『〈"
"""Brackets that open a title right after its number (1《title》): no word is written so, so the number is a mark."""


def _joined_number(text: str, k: int, bracketed: bool) -> tuple[str, int, int | None] | None:
    """The second number of a mark at ``k`` (after its first): an item's number joined to its part's (Ⅱ-1 -> 1, kept
    as ``-9`` in the shape), or, inside brackets, the total after a slash ((1/4): the first number counts, ``/9``
    stays); its shape, where it ends and the number that counts (None: keep the first); None when there is none."""
    if k + 1 >= len(text):
        return None
    slash = bracketed and text[k] in "/／"
    if text[k] not in _JOINERS and not slash:
        return None
    found = _NUMBER_RE.match(text, k + 1)
    if found is None or found.lastgroup not in ("digits", "chinese", "one"):
        return None
    kind = found.lastgroup or ""
    value = _value(kind, found.group())
    if value is None or (
        kind == "chinese" and not slash and found.end() < len(text) and _CJK_RE.match(text, found.end())
    ):
        return None  # Ⅱ-一站式: words, not a number
    symbol = "/" if slash else "-"
    return symbol + _numeral_class(kind, found.group(), value), found.end(), None if slash else value


def title_without_mark(title: str) -> str:
    """``title`` without a mark opening it: one with a number (样本一—, (a)), or a word in brackets or after a symbol
    (〈亮点〉, ※范例：); a word and a separator alone (示范：) may be the title's own words and stays."""
    mark = heading_mark(title)
    if mark is None or (mark.number is None and not re.search(rf"[{re.escape(_CLOSE)}]|^\W", mark.shape)):
        return title
    return title[mark.end :]


def mark_style(text: str, is_section: Callable[[str], bool]) -> tuple[str, int | None, str] | None:
    """The fallback's style of a heading opened by a mark (``mark+`` and its shape when the mark is distinct,
    ``mark-`` when it is a plain number), its number and its words; None with no mark, or with a mark whose word is a
    section's (〈做法〉 labels a part of a case)."""
    mark = heading_mark(text)
    if mark is None or (mark.word and is_section(mark.word)):
        return None
    return f"mark{'+' if mark.distinct else '-'}{mark.shape}", mark.number, text[mark.end :].strip()


_PROSE_MIN_CHARS = 40
_TITLE_CHARS = (4, 40)


def prose_title(texts: list[str]) -> bool:
    """True when ``texts[1]`` is a title with no mark at all: a short line alone after a blank line (``texts[0]``),
    over a paragraph of prose (the next line, or the one after a blank line), with no punctuation of a sentence or a
    label and no space inside (not a subhead's two halves), naming a reform (``names_reform``). Ordinary short lines
    (a headline, a date, a signature, a subhead) are none of this at once; the fallback still asks each section to
    read as a case."""
    if len(texts) < 3 or texts[0].strip():
        return False
    title = texts[1].strip()
    rest = texts[3:] if len(texts) > 3 and not texts[2].strip() else texts[2:]
    # the paragraph under it, all its lines: a quote opening a news item's paragraph may stand on a line of its own
    below = "".join(_paragraph(rest))
    if not _TITLE_CHARS[0] <= len(title) <= _TITLE_CHARS[1] or len(below) < _PROSE_MIN_CHARS or "。" not in below:
        return False
    if re.search(r"[，。；：:！？,;!?\s]", title) or len("".join(_CJK_RE.findall(title))) < _TITLE_CHARS[0]:
        return False
    return names_reform(title)


def _paragraph(texts: list[str]) -> list[str]:
    """The lines of ``texts`` up to the first blank one, stripped."""
    out: list[str] = []
    for text in texts:
        if not text.strip():
            break
        out.append(text.strip())
    return out


def names_reform(title: str) -> bool:
    """True when ``title`` names a reform as the genre's titles do: a name in quotes (企业开办“一日办结”) or a
    title's head word (…监管模式); a notice's parts (复制推广的主要内容, 投资管理领域) do not."""
    return bool(re.search(r"[“\"][^“”\"]{2,}[”\"]", title)) or title.endswith(tuple(_lexicon()["title_heads"]))


@cache
def _tag_line_re() -> re.Pattern[str]:
    labels = "|".join(map(re.escape, _lexicon()["tag_labels"]))
    return re.compile(rf"^\s*(?:(?:{labels})\s*[:：]|(?:[#＃][^#＃\s]{{1,20}}\s*)+$)")


def tag_line(text: str) -> bool:
    """True for a line of a case's tags (标签：#政务服务 #金融创新, 栏目：金融创新, a line of #tags alone): a label the
    page files the case under, never its heading nor its provider line; the title is the line it hangs under."""
    return bool(_tag_line_re().match(text))


WORD_LEAD_RE = re.compile(
    r"^(?P<w>\W{0,2}(?:[\u4e00-\u9fff]{2,4}|[A-Za-z]{2,8}))(?P<s>\s*[-—–·:：/｜|]\s*|\s+)(?P<t>\S.{3,58})$"
)
"""A heading opened by a short word and a separator (故事—, Story-, 亮点·): no mark in itself (a name may hold a dash),
a family's when the same word leads several headings."""


def shared_lead(titles: list[str]) -> int:
    """How long the word and separator are that open every one of ``titles`` (亮点·A, 亮点·B: the family's mark, no
    word of either title), at least two titles; 0 when they share none, or only a word before a space (a place's
    name may head each title so)."""
    leads = [WORD_LEAD_RE.match(title) for title in titles]
    if len(titles) < 2 or not all(leads) or not leads[0] or not leads[0]["s"].strip():
        return 0
    mark = leads[0]["w"] + leads[0]["s"]
    return len(mark) if all(title.startswith(mark) for title in titles) else 0
