"""The splitter's general fallback: cases found by the document's own repeated heading family.

The known rules of graph/extract/split.py read the layouts seen so far (案例 N markers, …复制推广案例 suffixes, a
summary table's titles, provider lines under a heading). Every new province's layout so far broke them in a new way
(第一篇, 【案例一】, a bare title over 牵头单位：X, the provider only as a signature), and a collection that is not
split loses every fact it holds. So when the known rules find no case, or fewer than the summary table lists, this
module looks for what every collection has whatever its layout: a family of short heading lines marked the same way
(the same numbering in consecutive order, the same mark shape read from the line in graph/extract/_split_shapes.py,
the same Markdown level, bold, or a bare line over a provider line or alone over prose), each
opening a section of case size that holds the genre's section words (背景 / 做法 / 成效 … in
``data/lexicon/layouts.yaml``). A heading made of section words alone (一、基本情况, 【主要举措】) is a section inside a
case, never a case, which is what keeps the outer family apart from the inner one. Text that is no collection (a
news article, a notice of tasks) has no such family and gives no case: a wrong cut is worse than none.

Only words of the genre and layout marks are read; nothing here names a document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_furniture import contents_entry, furniture_heading, picture_line
from ftzgraph.graph.extract._split_groups import group_candidates
from ftzgraph.graph.extract._split_leads import (
    acting_subject,
    headline,
    headline_subject,
    headline_title,
    is_place,
    news_lead_end,
    ordinal_subject,
    sentence_place,
    speaker_unit,
)
from ftzgraph.graph.extract._split_shapes import (
    SEPARATORS,
    TOPIC_TAG_RE,
    heading_mark,
    mark_style,
    names_reform,
    prose_title,
    title_without_mark,
)
from ftzgraph.graph.text import NUMERAL_CLASS, lines_below, parse_chinese_number, title_key

if TYPE_CHECKING:
    from ftzgraph.graph.extract._split_lines import Line

_N = rf"[{NUMERAL_CLASS}]+"
_NUMBERING: list[tuple[str, re.Pattern[str]]] = [
    # 2.1 title, 2.1.3 实施成效: a word processor's multilevel list kept as text; each depth is a style of its own
    # (outline2, outline3), so the level whose sections hold the section words wins
    (
        "outline",
        re.compile(r"^(?P<n>[0-9０-９]{1,2}(?:[.．][0-9０-９]{1,2}){1,3})(?:[\s\u3000]+|[、.．](?![0-9０-９]))"),
    ),
    ("part", re.compile(rf"^第\s*(?P<n>{_N})\s*[篇章部则个项]\s*[:：、.．]?\s*")),
    (
        "bracket",
        re.compile(
            rf"^[【\[〔]\s*(?:典型|创新)?(?:案例|经验|做法|实践|成果)?\s*(?P<n>{_N})\s*[】\]〕]\s*[:：、.．]?\s*"
        ),
    ),
    ("case", re.compile(rf"^(?:典型|创新)?(?:案例|经验|成果|做法)\s*之?\s*(?P<n>{_N})\s*[:：、.．｜|丨]?\s*")),
    ("no", re.compile(r"^(?:NO|No|no|PART|Part|part)\s*[.．]?\s*(?P<n>[0-9０-９]{1,3})\s*[:：、.．｜|丨]?\s*")),
    ("padded", re.compile(r"^(?P<n>0[1-9])(?:\s*[｜|丨]\s*|[\s\u3000]+)")),
    ("paren", re.compile(rf"^[（(]\s*(?P<n>{_N})\s*[)）]\s*")),
    ("circled", re.compile(r"^(?P<n>[\u2460-\u2473])\s*[:：、.．]?\s*")),
    ("roman", re.compile(r"^(?P<n>[\u2160-\u216b])\s*[:：、.．]?\s*")),
    ("chinese", re.compile(r"^(?P<n>[零〇一二两三四五六七八九十百]+)\s*[、.．]\s*")),
    ("arabic", re.compile(r"^(?P<n>[0-9０-９]+)\s*[、.．]\s*")),
    ("arabic-paren", re.compile(r"^(?P<n>[0-9０-９]+)\s*[)）]\s*")),  # 1）title
    ("chinese", re.compile(r"^(?P<n>[一二三四五六七八九十]{1,3})[ \u3000]+(?=[\u4e00-\u9fff“\"《])")),
    ("arabic", re.compile(r"^(?P<n>[0-9０-９]{1,2})[ \u3000]+(?=[\u4e00-\u9fff“\"《])")),
]
"""Numbering styles of a heading, each with its number: the first that matches is the heading's style."""
_BRACKETED_NUMBER_RE = re.compile(r"^[【〔\[［〖](?P<n>[^【】〔〕\[\]［］〖〗]{1,8})[】〕\]］〗]$")
"""A number line in a tag's brackets (【案例一】, 〔01〕): subtitles or a web copy mark the case above its title so;
round brackets are left out, since （一） alone over a line heads a part as often as a case."""
_NUMBER_ALONE_RE = re.compile(
    rf"^(?:NO\.?|No\.?|PART\s*\.?|Part\s*\.?|第|附\s*件(?:\s*[0-9０-９]+\s*[-－–—]\s*)?|(?:典型|创新)?案例)?\s*(?P<n>{_N})\s*(?:[篇章部则个项]|[.．、])?$"
)
"""A line holding only a number (01, 第一篇, NO.1, Part.01, 附件3, 附件2-3, 案例二): web copies put the case's
number above its title, and notices open each case as an attachment (附件3 / title), a compilation as a
sub-attachment (附件2-3)."""
_SYMBOL_LEAD_RE = re.compile(r"^[▌■□●○◆◇★☆▶►▷→·•※◎\-—–>\s]+")
"""Symbols a web page or a slide puts before a heading (▌改革背景, ◆ title): layout, not text."""
_SYMBOL_CATEGORIES = frozenset({"So", "Sm", "Sk", "Mn", "Cf", "Pd", "Zs"})
"""Unicode categories of marks that lead a heading and are no text: symbols and emoji (■ ▲ 🔹 👉 ✅), their
variation selectors and joiners, dashes and spaces. Brackets, quotes and numerals are other categories."""
FIGURE_RE = re.compile(
    r"[0-9０-９]+(?:\.[0-9]+)?\s*(?:余|多|近)?\s*(?:%|％|个|家|项|件|户|人|次|倍|单|辆|艘|架|宗|亩|天|小时|分钟|"
    r"万|亿|元|吨|平方米|公里|票|批|笔|名|位|本|台|套|张|份|条|座|箱|所|场|株|头|只)"
)
"""A figure with a unit, as a case states its results (40余艘, 35%, 2个工作日); a date (2024年) is none."""
_LABEL_HEAD_RE = re.compile(
    r"^(?:[【〔\[](?P<label>[^】〕\]\n]{2,16})[】〕\]]|(?P<pipe>(?P<left>[^｜|\n]{2,20}?)\s*[｜|]))\s*(?P<t>\S.{1,})$"
)
"""A heading that opens with a label: a bracketed tag (【章贡区】title) or a short text before a vertical bar
(provider｜title, “area”｜title). The label names the case's place, provider or theme, not its reform."""
_DATE_RE = re.compile(
    r"^[0-9０-９〇一二三四五六七八九十○]{2,4}\s*年(?:\s*[0-9０-９一二三四五六七八九十]{1,2}\s*[月日])*$"
)
"""A line that is only a date (2024年9月10日, 二〇二四年九月): a signature's or a cover's, never a heading."""
_LABEL_END_RE = re.compile(r"[：:】\]。]|\u3000|\s{2,}")
_MD_RE = re.compile(r"^(?P<h>#{1,6})\s*")
_BOLD_RE = re.compile(r"^(?:\*\*|__)(?P<inner>.+?)(?:\*\*|__)$")
_SENTENCE_END = ("。", "；", ";", "，", ",", "：", ":", "！", "？", "!", "?", "、")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_CONNECTORS_RE = re.compile(r"[和与及、的]|主要|[【】\[\]〔〕（）()]")
_TRAILING_BRACKET_RE = re.compile(
    r"\s*(?:[（(〔【\[［](?P<p>[^（）()〔〕【】\[\]［］\n]{2,30})[)）〕】\]］]|[｜|丨]\s*(?P<bar>[^｜|丨\s]{2,30}))\s*$"
)
"""What closes a heading after its title: brackets of any kind (title〔X区〕, title【供稿：X局】) or a bar
(title｜X片区)."""
_PROVIDER_VERB_RE = re.compile(r"\s*(?:供稿|提供|报送|推荐|选送)$")
_MAX_HEADING_CHARS = 60
_MIN_CASE_CHARS = 40
"""A section shorter than this is no case (an attachment list's line, a table of contents' entry)."""


def _number(text: str) -> int | None:
    """A heading's number in any numerals: 3, 三, ③, Ⅲ."""
    found = parse_chinese_number(text)
    if found is None and len(text) == 1 and "\u2160" <= text <= "\u216b":
        return int(unicodedata.numeric(text))
    return found


@dataclass
class _Heading:
    """A line that may head a case: where it is, how it is marked, its number, and its text without the marks."""

    index: int
    start: int
    style: str
    number: int | None
    text: str
    inline: bool = False
    """The case runs on in the heading's own line ((一)title。text…): the title is its first sentence."""


@cache
def _lexicon() -> dict[str, Any]:
    return dict(load_lexicon("layouts")["fallback"])


def strip_marks(text: str) -> tuple[str, bool]:
    """``text`` without the symbols leading it (■ ▲ 🔹 👉 ✅ ▌ ◆, any emoji), and whether there were any."""
    lead = _SYMBOL_LEAD_RE.match(text)
    k = lead.end() if lead else 0
    while k < len(text) and (unicodedata.category(text[k]) in _SYMBOL_CATEGORIES or text[k] in "·•※\t"):
        k += 1
    return text[k:], k > 0 and bool(text[:k].strip())


_GLOSS = r"(?:[ \t\u3000]*[A-Za-z][A-Za-z.'&/\- ]{0,40}(?=\s*(?:\*\*|__)?\s*[:：|│｜丨]))?"
"""An English gloss after a label (供稿单位 Contributed by：X): part of the label, never the unit."""


_SCRIPT_TAG = r"(?:【[\u4e00-\u9fff]{1,4}】[ \t\u3000]*(?=[\u4e00-\u9fff]))?"
"""A script's cue before a label (【字幕】供稿：X): layout, neither label nor unit."""


@cache
def _label_re() -> re.Pattern[str]:
    lexicon = _lexicon()
    labels = "|".join(sorted(map(re.escape, lexicon["provider_labels"]), key=len, reverse=True))
    ends = "|".join(sorted(map(re.escape, lexicon["provider_label_ends"]), key=len, reverse=True))
    lead = int(lexicon["provider_label_chars"]) - 2
    bold = r"(?:\*\*|__)?"  # **报送单位**：X, > 来源：X: Markdown marks around the label
    note = r"(?:[（(][\u4e00-\u9fff]{1,6}[)）])?"  # 报送单位（盖章）：X
    known = (
        rf"[（(【\[]?\s*(?:{labels})(?:[/／、](?:{labels}))*{note}\s*{bold}\s*[】\]]?{_GLOSS}\s*{bold}\s*"
        r"(?:[:：]|[|│｜丨])?"
    )
    # 展示单位｜X, 报送机构 Submitted by丨X, 推荐单位/报送单位：X: short phrases ending in a label word, a separator
    phrase = rf"[\u4e00-\u9fff]{{0,{lead}}}(?:{ends})"
    general = (
        rf"[（(【\[]?\s*(?P<general>{phrase}(?:[/／、]{phrase})*){note}{bold}\s*[】\]]?{_GLOSS}\s*{bold}\s*"
        r"(?:[:：]|[|│｜丨])"
    )
    # 谁来做｜X, 我们是谁 | X: a question or a slogan as the label, short, before a separator, holding no unit itself
    slogan = rf"(?P<slogan>[\u4e00-\u9fff]{{2,{lead + 2}}}){bold}[ \t\u3000]*(?:[:：]|[|│｜丨])"
    return re.compile(  # also a form table's row: | 报送单位 | X |
        rf"^\s*(?:[>|│]\s*)?{_SCRIPT_TAG}{bold}\s*(?:{known}|{general}|{slogan})\s*{bold}\s*"
        # 中国（广东）自由贸易试验区X片区管理委员会: a bracket inside the name (not one closing it) is part of it
        r"(?P<unit>(?:[^\s，。；,;:：（）()*|│｜丨]{1,20}[（(][^（）()\n]{1,10}[)）])?[^\s，。；,;:：（）()*|│｜丨】\]］〕]{2,40})"
    )


def labelled_provider(text: str) -> tuple[str, int, int] | None:
    """The unit of a provider-labelled line (牵头单位：X, 【责任单位】X, • 报送：X after a bullet, 展示单位｜X, 供稿单位
    Contributed by：X) with its span in ``text``, or None. A label no word list holds is read only before a separator
    and only when its value is a body or a place; a value with no Chinese (an English gloss) is never a unit."""
    bare = strip_marks(text)[0]
    match = _label_re().match(bare)
    if match is None or not _CJK_RE.search(match["unit"]):
        return None
    if (match["general"] or match["slogan"]) and not (signature_unit(match["unit"]) or is_place(match["unit"])):
        return None
    if match["slogan"] and (_names_unit(match["slogan"]) or match.end("unit") < len(bare.rstrip())):
        return None  # 宁波市北仑区：title, X片区｜title: a place or body before the separator is no label
    lead = len(text) - len(bare)
    return match["unit"], lead + match.start("unit"), lead + match.end("unit")


def _names_unit(text: str) -> bool:
    """True when ``text`` holds a unit's or a place's ending (X片区, X局): a provider itself, never a label."""
    lexicon = _lexicon()
    return any(w in text for w in (*lexicon["unit_suffixes"], *lexicon["place_endings"]))


_CLOSING_BRACKET_RE = re.compile(r"[（(](?P<inner>[^（）()\n]{3,50})[)）]\s*$")


def reported_provider(line: str) -> tuple[str, int, int] | None:
    """The unit a paragraph names as the case's reporter: a labelled provider in brackets closing it (…零成本。
    （汇报单位：X局）) or a meeting hearing its report (会议听取了X局的汇报), as minutes name who brought an item; the
    unit must read as a signature (``signature_unit``). With its span in ``line``."""
    if (bracket := _CLOSING_BRACKET_RE.search(line)) and (found := labelled_provider(bracket["inner"])):
        return found[0], bracket.start("inner") + found[1], bracket.start("inner") + found[2]
    for pattern in _lexicon()["reported_by"]:
        for heard in re.finditer(pattern, line):
            if (unit := signature_unit(heard["u"])) and unit[0] == heard["u"]:
                return heard["u"], heard.start("u"), heard.end("u")
    return None


def titled_reporter(head: str, title: str) -> tuple[str, int, int] | None:
    """The unit a collection's head names as the bringer of the case titled ``title`` (其中，“A”由X提供，“B”由Y报送;
    现将X区“A”、Y局“B”等4个案例…), with its span in ``head``; the unit must read as a body or a place, and the quoted
    name must be the title (written whole, or the one holding the other)."""
    key = title_key(title)
    if len(key) < 2:
        return None
    for pattern in _lexicon()["reported_by_title"]:
        for named in re.finditer(pattern, head):
            told = title_key(named["t"])
            if not (told == key or (min(len(told), len(key)) >= 4 and (told in key or key in told))):
                continue
            unit = named["u"]
            if ((found := signature_unit(unit)) and found[0] == unit) or is_place(unit):
                return unit, named.start("u"), named.end("u")
    return None


def question_title(text: str) -> tuple[int | None, str] | None:
    """The number and the case a question line of a Q&A page asks about (一问：…“A”是怎样的一项改革？, 问：…“A”…？):
    a labelled question naming exactly one case in quotes, which heads the answer below it; None for any other
    line."""
    label = re.match(_lexicon()["question_line"], text)
    if label is None or (name := asked_case(text[label.end() :])) is None:
        return None
    n = label["n"] or label["k"] or label["m"]
    return (_number(n) if n else None), name


def asked_case(question: str) -> str | None:
    """The one case in quotes a question asks about (…第一个案例“A”是如何做的？), or None: not a question, or no
    case or several named."""
    if not question.rstrip().endswith(("？", "?")):
        return None
    names = re.findall(r"[“\"]([^“”\"]{2,40})[”\"]", question)
    return names[0] if len(names) == 1 else None


def _place_over_section(text: str, following: list[tuple[int, str]]) -> tuple[str, int, int] | None:
    """A line that is exactly a place's name (嘉兴市, 甲片区) right under the heading and over the case's first section
    (改革背景): the provider line of a booklet that labels none, as a body's name alone is (``signature_unit``)."""
    bare = text.strip()
    if not (following and is_section_heading(following[0][1].strip())) or not is_place(bare):
        return None
    start = text.find(bare)
    return bare, start, start + len(bare)


def signature_unit(text: str) -> tuple[str, int, int] | None:
    """A signature-like line (a unit's name alone, often right-aligned, as the last line of a case): the unit and its
    span in ``text``, or None when the line is a sentence or does not end with a unit's suffix."""
    lexicon = _lexicon()
    bare = text.strip().strip("*").strip()
    bracket = re.fullmatch(r"[（(](?P<u>[^（）()]+)[)）]", bare)  # （长沙片区管委会）
    unit = _PROVIDER_VERB_RE.sub("", bracket["u"] if bracket else bare)
    shortest = 3 if bracket else 4  # the brackets mark a unit, so a level and a short core (（区法院）) are name enough
    if not shortest <= len(unit) <= int(lexicon["signature_chars"]) or re.search(
        r"[\s，。；：,;:、“”\"\d|│｜丨【】]", unit
    ):
        return None
    if not unit.endswith(tuple(lexicon["unit_suffixes"])):
        return None
    start = text.find(unit)
    return unit, start, start + len(unit)


def is_section_heading(text: str) -> bool:
    """True for a heading made of section words (改革背景, 主要举措和做法, 取得成效): a part of a case, no case."""
    lexicon = _lexicon()
    if len(text) > int(lexicon["section_heading_chars"]):
        return False
    rest = _CONNECTORS_RE.sub("", text)
    words = [w for w in lexicon["section_words"] if w in rest]
    for word in sorted(words, key=len, reverse=True):
        rest = rest.replace(word, "")
    return bool(words) and len(rest) <= 2


def _section_labels(lines: list[Line]) -> int:
    """How many different section words head a line of ``lines``, as a heading (一、基本情况, 【改革背景】,
    **取得成效**) or a label (做法：…). Words in running prose (总结改革成效和做法) do not count: a notice or an
    article speaks of 成效 too, but only a case is laid out in such sections."""
    found: set[str] = set()
    for line in lines:
        label = _section_label(line.text)
        if label:
            found.update(word for word in _lexicon()["section_words"] if word in label)
    return len(found)


def _section_label(raw: str) -> str | None:
    """The section heading or label that opens line ``raw`` (一、基本情况, 【改革背景】, 做法：…), or None."""
    text = strip_marks(raw.strip().lstrip("#").strip().strip("*_").strip())[0]
    for _, pattern in _NUMBERING:
        if numbered := pattern.match(text):
            text = text[numbered.end() :]
            break
    # 做法：…, 【做法】…, （一）主要做法。…, ▲做法　…: a label ends at a colon, bracket, full stop or wide space
    label = _LABEL_END_RE.split(text.lstrip("【[").strip(), maxsplit=1)[0].strip().strip("*_")
    return label if label and is_section_heading(label) else None


def _heading(lines: list[Line], i: int, is_provider: Callable[[str], object]) -> _Heading | None:
    """Line ``i`` as a possible case heading: short, not a sentence, not a provider or section line."""
    raw = lines[i].text.strip()
    caption = picture_line(raw) and not heading_mark(raw)  # ▲ 1：title is no caption
    if not raw or "|" in raw or raw.count("\t") > 1 or contents_entry(raw) or caption or furniture_heading(raw):
        return None  # a table row, a contents line, a picture's placeholder or caption, a post's counters
    style, text = "", raw
    if (md := _MD_RE.match(text)) and not TOPIC_TAG_RE.match(text):  # #话题# title is a post's, no Markdown
        style, text = f"h{len(md['h'])}", text[md.end() :]
    if bold := _BOLD_RE.match(text.strip()):
        style, text = style + "b", bold["inner"]
    unmarked, (text, marked) = (style, text.strip()), strip_marks(text.strip())
    if marked:
        style += "s"
    text = text.strip()
    number = None
    joined = (mark := heading_mark(unmarked[1])) is not None and mark.joined  # Ⅱ-1《title》: the mark's reader
    for name, pattern in [] if joined else _NUMBERING:
        if numbered := pattern.match(text):
            if name == "outline":  # 2.1 and 2.1.1 are two levels; the number is the last part
                parts = re.split(r"[.．]", numbered["n"])
                name = f"outline{len(parts)}"
                style, number = f"{style}{name}", _number(parts[-1])
            else:
                style, number = f"{style}{name}", _number(numbered["n"])
            text = text[numbered.end() :].strip().lstrip(SEPARATORS).strip()  # ①/title: the rest of its mark
            break
    if number is None and (shaped := mark_style(unmarked[1], is_section_heading)):  # ◆ (a), 样本一—, 〖经验3〗
        style, number, text = unmarked[0] + shaped[0], shaped[1], shaped[2]
    if number is None and (whole := _WHOLE_BRACKET_RE.fullmatch(text)) is not None:
        style, text = style + "bracketed", whole["t"].strip()  # 【title】 with no number: a web bulletin's heading
    if number is None and (asked := question_title(text)) is not None:  # 一问：…“A”…？ over its answer
        return _Heading(i, i, style + "question", asked[0], asked[1])
    if number is not None and (case_asked := asked_case(text)) is not None:
        # 二、第一个案例“A”是如何做的？: a numbered question of a Q&A page; its number counts the questions, not cases
        return _Heading(i, i, style + "question", None, case_asked)
    if number is not None and (inline := _inline_case(text)) is not None:
        return _Heading(i, i, style + " inline", number, inline, inline=True)
    if (
        not 2 <= len(text) <= _MAX_HEADING_CHARS
        or len(_CJK_RE.findall(text)) < 2
        or text.endswith(_SENTENCE_END)
        or "。" in text
        or _DATE_RE.match(text)
    ):
        return None
    if (
        is_provider(raw)
        or labelled_provider(raw)
        or _dash_unit(raw)
        or _bracketed_unit(raw)
        or is_section_heading(text)
    ):
        return None  # （X片区） under a title names its provider: no heading of its own
    label = _LABEL_HEAD_RE.match(text) if number is None else None
    if label and not is_section_heading(label["label"] or label["left"]):
        style += "pipe" if label["pipe"] else "tag"  # 【place】title, provider｜title, “area”｜title
    if not style and (halves := headline(raw)) is not None:  # 南宁海关“A”叠加　B再提速: a briefing's item
        following = next((line.text for line in lines[i + 1 : i + 3] if line.text.strip()), "")
        above = next((line.text for line in reversed(lines[max(i - 2, 0) : i]) if line.text.strip()), "")
        if headline(following) or headline(above):  # 本期要目: the briefing's list of its headlines opens no case
            return None
        return _Heading(i, i, "headline", None, headline_title(halves[0]))
    if not style:  # a bare line is a heading only over a provider line (title / 牵头单位：X), or over the rest of
        # its title and then the provider line (跨境电商“中亚海外仓+ / 前置仓”联动 / （报送单位：X）)
        # A bare line right over a section line (title / 做法：…) is one too: a word processor's bold heading once its
        # bold is lost in a plain-text copy.
        following = next(  # a caption or a byline under the title is furniture: the line after it counts
            (line.text for line in lines[i + 1 : i + 5] if line.text.strip() and not furniture_heading(line.text)), ""
        )
        if (
            not (
                is_provider(following)
                or labelled_provider(following)
                or _dash_unit(following)
                or _bracketed_unit(following)
                or signature_unit(following)  # title / 南京海关 / 改革背景: the unit alone under it names the provider
            )
            and _continuation(lines, i, "", len(lines), is_provider) is None
        ):
            over_section = bool(following) and _section_label(following) is not None and not signature_unit(raw)
            # a byline or a caption between the title and its prose (title / 文／记者　X / prose) is furniture
            below = [line.text for line in lines[i + 1 : i + 6] if not furniture_heading(line.text)][:3]
            if not over_section and not (i and prose_title([lines[i - 1].text, raw, *below])):
                return None
            style = "bare over section" if over_section else "prose"  # prose: a reform's name alone over prose
        else:
            style = "bare"
    return _Heading(i, i, style, number, text)


_WHOLE_BRACKET_RE = re.compile(r"[【\[〔](?P<t>[^【】\[\]〔〕]{2,60})[】\]〕]")


_INLINE_TITLE_MAX = 30


def _inline_case(text: str) -> str | None:
    """The title of a numbered paragraph that is a whole case ((一)推行“证照分离”改革全覆盖。兴庆区复制推广…): a short
    first sentence, then a case's length of text that names what it copies or learns from (the genre's words)."""
    title, _, rest = text.partition("。")
    if not 4 <= len(title) <= _INLINE_TITLE_MAX or "，" in title or len(rest) < _MIN_CASE_CHARS:
        return None
    return title if any(word in rest for word in _lexicon()["inline_case_words"]) else None


def _under_number(lines: list[Line], i: int, end_index: int, is_provider: Callable[[str], object]) -> _Heading | None:
    """A title line under a line that holds only its number (01 / title): the number line opens the case."""
    previous = i - 1
    while previous >= 0 and not lines[previous].text.strip():
        previous -= 1
    if previous >= 0 and signature_unit(lines[previous].text) and not _NUMBER_ALONE_RE.match(lines[i].text.strip()):
        previous -= 1  # 附件2-1 / X片区 / title: a submission's cover names its provider between number and title
        while previous >= 0 and not lines[previous].text.strip():
            previous -= 1
    number_line = strip_marks(lines[previous].text.strip().strip("*#").strip())[0] if previous >= 0 else ""
    number_line = _BRACKETED_NUMBER_RE.sub(r"\g<n>", number_line.strip())  # 【案例一】 / title: the number in its tag
    alone = _NUMBER_ALONE_RE.match(number_line) if previous >= 0 else None
    if alone is None or i >= end_index:
        return None
    text = lines[i].text.strip().lstrip("#").strip().strip("*_").strip()
    text = title_without_mark(text)  # 附件1-1 / ◆ (a) title
    if signature_unit(text):  # the cover's provider line, not the title
        return None
    if not 2 <= len(text) <= _MAX_HEADING_CHARS or len(_CJK_RE.findall(text)) < 2 or text.endswith(_SENTENCE_END):
        return None
    if "。" in text or is_provider(text) or labelled_provider(text) or is_section_heading(text):
        return None
    if furniture_heading(text):  # 转发 N ｜ 评论 N under the number line: a post's counters, no title
        return None
    return _Heading(i, previous, "alone", parse_chinese_number(alone["n"]), text)


def _runs(headings: list[_Heading]) -> list[list[_Heading]]:
    """One style's headings cut where the numbering does not go on (an attachment list 1．2．3． before the cases
    1．2．3．, a case's own points): each run is a candidate family. One skipped number is allowed: a heading lost in
    conversion (案例七, then 案例九) leaves its case inside the one before, which is better than no case at all."""
    runs: list[list[_Heading]] = []
    for heading in headings:
        previous = runs[-1][-1] if runs else None
        if (
            previous is None
            or (
                heading.number is not None
                and (previous.number is None or heading.number - previous.number not in (1, 2))
            )
            or (heading.number is None and previous.number is not None)
        ):
            runs.append([heading])
        else:
            runs[-1].append(heading)
    return runs


def _restarted(runs: list[list[_Heading]]) -> list[list[_Heading]]:
    """Runs joined where the numbering starts again at 1 (（一）（二） under 一、贸易类, then （一） under 二、投资类):
    cases numbered within groups. Tried beside the runs themselves; a join with an attachment list fails the
    case-size test and is not taken."""
    joined: list[list[_Heading]] = []
    for run in runs:
        if joined and run[0].number == 1 and joined[-1][-1].number is not None:
            joined[-1] = [*joined[-1], *run]
        else:
            joined.append(list(run))
    return [run for run in joined if run not in runs]


def fallback_starts(
    lines: list[Line], body_from: int, is_provider: Callable[[str], object], end_index: int | None = None
) -> tuple[list[tuple[int, int, int | None]], dict[int, str]]:
    """The cases of a document in an unknown layout: ``(title line, span start line, number)`` for each, as the known
    rules give them, and each title line's heading without its numbering and marks; empty when no family of
    headings separates sections of case size that hold the genre's section words."""
    end_index = len(lines) if end_index is None else end_index
    by_style: dict[str, list[_Heading]] = {}
    continued: set[int] = set()  # lines that carry on the heading above them: no headings of their own
    for i in range(body_from, end_index):
        if i in continued:
            continue
        for heading in (_under_number(lines, i, end_index, is_provider), _heading(lines, i, is_provider)):
            if heading:  # a title under its number line may head a family of either kind: both are tried
                if (j := _continuation(lines, i, heading.text, end_index, is_provider)) is not None:
                    heading.text += lines[j].text.strip()
                    continued.add(j)
                by_style.setdefault(heading.style, []).append(heading)
    need = int(_lexicon()["min_section_words"])
    groups = [
        g.index for g in group_candidates(lines, body_from)
    ]  # （一）X市 over 1．title: the group names the provider
    groups = groups if len(groups) >= 2 else []
    best: list[_Heading] = []
    marked: list[_Heading] = []
    for style, headings in list(by_style.items()):  # one numbering at two heading levels (## 案例一, ### 案例十)
        plain = re.sub(r"^(?:h\d)?b?s?", "", style)
        if plain and plain != style and plain not in ("bare", "alone"):
            by_style.setdefault("any " + plain, []).extend(headings)
    if "bare" in by_style and "bare over section" in by_style:  # titles with no mark, some over their provider
        by_style["any bare"] = by_style["bare"] + by_style["bare over section"]
    for headings in by_style.values():
        headings.sort(key=lambda h: h.index)
        for run in [*_runs(headings), *_restarted(_runs(headings))]:
            if len(run) < 2:
                continue
            ends = [h.index for h in run[1:]] + [end_index]
            sections = [lines[h.index + 1 : end] for h, end in zip(run, ends, strict=True)]
            fit = [  # a case is laid out in sections (two section words, or one over text that reports a reform and
                # its figures), or names its provider: a line opening it (申报单位：X, （X报送）), or its heading's
                # trailing brackets (1．title（都匀市推荐）), or it runs on in its heading
                h.inline
                or (
                    sum(len(line.text.strip()) for line in s) >= _MIN_CASE_CHARS
                    and (
                        (labels := _section_labels(s)) >= need
                        or (labels >= 1 and _reports_a_reform(s))
                        or _opens_with_label(s, is_provider)
                        or _heading_names_provider(h.text)
                        or _closes_with_provider(s, is_provider)
                        or any(reported_provider(line.text) for line in s)
                        or (_under_group(h.index, groups) and _states_a_figure(s))
                    )
                )
                for h, s in zip(run, sections, strict=True)
            ]
            # the most headings, then the outer family (its headings open first: 🔹案例一 over 👉怎么做)
            if _family_rank(run) > _family_rank(marked) and _marked_family(run, sections):
                marked = run
            first = fit.index(True) if True in fit else len(fit)  # a document title marked like the cases goes first
            run = run[first:]
            if len(run) >= 2 and all(fit[first:]) and len(run) > len(best):
                best = run
    best = best or marked  # sections with no section words: only a distinctly marked family of case-like text
    starts = [(h.index, h.start, h.number) for h in best]
    return starts, {h.index: fallback_title(h.text) for h in best}


def _under_group(index: int, groups: list[int]) -> bool:
    """True when a place group heading (graph/extract/_split_groups.py) stands above line ``index`` and the line is
    none itself: a case of a collection grouped by place, whose provider its group heading names."""
    return index not in groups and any(g < index for g in groups)


_STRONG_STYLES = re.compile(
    r"alone|headline|question|prose|(?:h\d)?b?(?:s.*|(?:part|bracket|case|no|padded|mark\+).*|\w*(?:tag|pipe))"
)
"""Heading marks no notice or article uses for its own parts: a leading symbol or emoji, a bracketed tag or a
label before a vertical bar, a number alone above the title, a two-half headline, a Q&A page's question,
案例N / 【案例N】 / 第N篇 / NO.N / 01, a mark read from the line with a symbol, a bracket or a word
(mark+: 〖样本3〗), a reform's name alone over prose (prose). Plain 一、, 1. or A- numbering is not among them: a
notice's parts are numbered so."""


def _reports_a_reform(section: list[Line]) -> bool:
    """True when ``section`` holds a figure with a unit and ``min_case_words`` of the genre's words of action and
    result: a case told in one labelled paragraph (成效：…) and one plain one, which a notice's parts are not."""
    body = "".join(line.text.strip() for line in section)
    words = sum(1 for word in _lexicon()["case_words"] if word in body)
    return bool(FIGURE_RE.search(body)) and words >= int(_lexicon()["min_case_words"])


def _states_a_figure(section: list[Line]) -> bool:
    """True when ``section`` states a figure with a unit (3.5万吨, 85家): a case under a place group heading, which
    names its provider, need only report what it achieved."""
    return bool(FIGURE_RE.search("".join(line.text.strip() for line in section)))


def _family_rank(run: list[_Heading]) -> tuple[int, int]:
    return (len(run), -run[0].start) if run else (0, 0)


def _marked_family(run: list[_Heading], sections: list[list[Line]]) -> bool:
    """True when ``run`` is a family of distinctly marked headings (``_STRONG_STYLES``), at least
    ``marked_min_cases`` of them, each over a section of case-like text: sentences that hold at least
    ``min_case_words`` of the genre's words of action and result (推行, 试点, 缩短 …). This reads a collection whose
    cases are plain paragraphs under ■ provider｜title or 🔹案例N headings, which have no section words. Most of the
    headings must name reforms (``names_reform``: a name in quotes, a title's head word): a notice's parts, however
    marked (◆ 投资管理领域), do not."""
    lexicon = _lexicon()
    if len(run) < int(lexicon["marked_min_cases"]) or not _STRONG_STYLES.fullmatch(run[0].style):
        return False
    if 2 * sum(names_reform(h.text) for h in run) < len(run):
        return False
    need = int(lexicon["min_case_words"])
    for section in sections:
        body = "".join(line.text.strip() for line in section)
        spoken = sum(1 for line in section if line.text.strip()) >= 2  # subtitles or a transcript: phrases, no 。
        if len(body) < _MIN_CASE_CHARS or ("。" not in body and not spoken):
            return False
        words = sum(1 for word in lexicon["case_words"] if word in body)
        if words < need and not (words and FIGURE_RE.search(body)):  # one word of action and a figure of result
            return False
    return True


def _continuation(
    lines: list[Line], i: int, heading: str, end_index: int, is_provider: Callable[[str], object]
) -> int | None:
    """The line right under heading ``i`` that carries on its title (一、边境口岸外籍货车“无 / 人驾驶”跨境接驳, a
    title wrapped in a PDF), or None: a short line that is no sentence, number, section or provider line, when the
    heading leaves a quote open or a provider line follows it (title / rest of title / （报送单位：X））."""
    j, masked = i + 1, False
    while j < min(end_index, i + 8) and not lines[j].text.strip():  # a page break's masked number and header
        masked = masked or bool(lines[j].text)
        j += 1
    if j >= end_index or (j > i + 1 and (not masked or not heading)) or not lines[j].text.strip():
        return None  # a bare line (heading "") is continued only on the very next line, never across a page break
    raw = lines[j].text.strip()
    text, marked = strip_marks(raw)
    if (
        marked
        or _DATE_RE.match(lines[i].text.strip())
        or not 1 <= len(text) <= 20
        or not _CJK_RE.search(text)
        or text.endswith(_SENTENCE_END)
        or "。" in text
        or is_provider(raw)
        or labelled_provider(raw)
        or is_section_heading(text)
        or _NUMBER_ALONE_RE.match(text)
        or any(pattern.match(text) for _, pattern in _NUMBERING)
        or heading_mark(text)
    ):
        return None
    if heading.count("“") > heading.count("”"):
        return j
    after = next((line.text for line in lines[j + 1 : min(j + 3, end_index)] if line.text.strip()), "")
    return j if after and (is_provider(after) or labelled_provider(after) or _dash_unit(after)) else None


def _dash_unit(line: str) -> tuple[str, int, int] | None:
    """The unit of a dash subtitle under a heading (——成都高新区管委会, —X片区): a compilation's way of naming who
    supplied the case; the unit must read as a signature (``signature_unit``)."""
    dash = re.match(r"^[\s\u3000]*[—–－\-]{1,2}[\s\u3000]*", line)
    if dash is None or (found := signature_unit(line[dash.end() :])) is None:
        return None
    return found[0], dash.end() + found[1], dash.end() + found[2]


def _opens_with_label(section: list[Line], is_provider: Callable[[str], object]) -> bool:
    """True when the first line of ``section`` with text is a provider line: labelled (申报单位：X, 牵头单位：X), one
    the known rules read ((X报送), (X提供)), a speech's speaker line (X局局长　某某), or a news item's lead-in before
    its acting subject (本报讯（记者 某某）X局近日…), which names who did it as a provider line does."""
    first = next((line.text for line in section if line.text.strip()), "")
    return (
        labelled_provider(first) is not None
        or bool(is_provider(first))
        or _bracketed_unit(first) is not None
        or speaker_unit(first) is not None  # a speech's speaker line (X局局长　某某)
        or (news_lead_end(first) > 0 and acting_subject(first, 0) is not None)  # 本报讯（记者 某某）X局…
    )


_BRACKETED_LINE_RE = re.compile(r"\s*[（(][^（）()\n]{2,30}[)）]\s*")


def _bracketed_unit(line: str) -> tuple[str, int, int] | None:
    """A line that is only a unit's name in brackets (（区商务局）, （区法院）, under a heading): the unit and its span,
    read as a signature is (``signature_unit``)."""
    return signature_unit(line) if _BRACKETED_LINE_RE.fullmatch(line) else None


def _closes_with_provider(section: list[Line], is_provider: Callable[[str], object]) -> bool:
    """True when the last line of ``section`` with text is a provider line (（供稿：X）, （X供稿）): a case closing
    with who contributed it."""
    last = next((line.text for line in reversed(section) if line.text.strip()), "")
    return (
        labelled_provider(last.strip().lstrip("（(")) is not None
        or bool(is_provider(last))
        or _bracketed_unit(last) is not None  # （吉隆县人民政府）
    )


def _heading_names_provider(text: str) -> bool:
    """True when a heading ends with its provider in brackets (title（都匀市推荐）, title（X片区管委会）)."""
    return fallback_title(text) != text


def fallback_title(text: str) -> str:
    """A heading without its label (【place】title, provider｜title) or provider brackets (title（X片区）,
    title（X供稿）, title（河口县）), which are no part of the title."""
    if label := _LABEL_HEAD_RE.match(text):
        text = label["t"].strip()
    bracket = _TRAILING_BRACKET_RE.search(text)
    if bracket and trailing_unit(text):
        return text[: bracket.start()].strip()
    return text


def trailing_unit(text: str, start: int = 0, end: int | None = None) -> tuple[str, int, int] | None:
    """The provider a heading names after its title, in brackets of any kind or after a bar (title（X片区）,
    title〔X区推荐〕, title【供稿：X局】, title［X海关］, title｜X片区): a unit or a place, alone, with a provider
    verb or after a label; with its span in ``text``. Searched in ``text[start:end]``, the heading's line."""
    bracket = _TRAILING_BRACKET_RE.search(text, start, len(text) if end is None else end)
    if bracket is None:
        return None
    group = "p" if bracket["p"] else "bar"
    inner, at = bracket[group], bracket.start(group)
    if found := labelled_provider(inner):
        return found[0], at + found[1], at + found[2]
    unit = _PROVIDER_VERB_RE.sub("", inner).strip()
    if (unit != inner.strip() and len(unit) >= 2) or signature_unit(unit) or is_place(unit):
        lead = inner.find(unit)
        return unit, at + lead, at + lead + len(unit)
    return None


def cover_unit(text: str, heading_start: int) -> tuple[str, int, int] | None:
    """The unit alone on the line right above the case's heading, when the case opens with its number line above
    it (附件2-1 / 中国（X）自由贸易试验区Y片区 / title): a submission's cover, which names who submitted it; with its
    span."""
    above = text[:heading_start].rstrip()
    start = above.rfind("\n") + 1
    if start == 0 or not _NUMBER_ALONE_RE.match(above[:start].strip().rsplit("\n", 1)[-1].strip()):
        return None
    found = signature_unit(above[start:])
    return (found[0], start + found[1], start + found[2]) if found else None


def fallback_provider(text: str, title_end: int) -> tuple[str, int, int] | None:
    """The provider of a case the known rules name none for: the acting subject of an ordinal paragraph (一是X区推行…)
    or the place leading a paragraph (在X片区，…),
    its heading's trailing brackets with a provider verb (title（都匀市推荐）), a provider-labelled line among the first
    lines under the heading (牵头单位：X), a dash subtitle, or a unit alone right under it (（X片区管委会）, X市商务局),
    else a signature-like unit line closing the case (长沙片区管委会), with its span in ``text``. Lines with no Chinese
    (page numbers between cases) are skipped at the end."""
    heading_start = text.rfind("\n", 0, max(title_end - 1, 0)) + 1
    if found := cover_unit(text, heading_start):  # 附件2-1 / X片区 / title: the cover names who submitted it
        return found
    if found := headline_subject(text):  # 成都海关“A”升级　B提速: a briefing's headline opens with who did it
        return found
    if found := ordinal_subject(text) or sentence_place(text, 0):  # 一是X区推行… / 在X片区，… / 在X方面，Y片区…
        return found
    if found := trailing_unit(text, heading_start, title_end):  # 1．title（都匀市推荐）, title〔X区〕, title｜X片区
        return found
    below = list(lines_below(text, title_end, 4))
    for k, (start, line) in enumerate(below):
        over_section = k <= 2 and k + 1 < len(below) and is_section_heading(below[k + 1][1].strip())
        # title / （X片区管委会） or title / X市商务局: a unit alone right under the heading, or over the first section
        # under a title a large type wrapped onto two lines
        first = k == 0 or over_section
        alone = (
            (signature_unit(line) or _place_over_section(line, below[k + 1 : k + 2]) or speaker_unit(line))
            if first
            else None
        )  # X局局长　某某 under a speech's headline: the speaker's body
        if found := labelled_provider(line) or _dash_unit(line) or alone or reported_provider(line):
            return found[0], start + found[1], start + found[2]
    end = len(text)
    for _ in range(5):  # the provider may stand above a few lines of page furniture or editor's credits
        start = text.rfind("\n", title_end, end) + 1
        if start <= title_end:
            return None
        line = text[start:end]
        end = start - 1
        if len(_CJK_RE.findall(line)) < 2:
            continue
        if found := labelled_provider(line) or _dash_unit(line) or signature_unit(line):  # ——X供稿: not the dash
            return found[0], start + found[1], start + found[2]
        if line.rstrip().endswith(_SENTENCE_END):  # the case's last sentence: no closing provider line
            return None
    return None
