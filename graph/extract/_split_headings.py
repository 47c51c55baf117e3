"""One line as a possible case heading: its mark or numbering, its style, its number and its text without marks.

The splitter's fallback (graph/extract/_split_fallback.py) groups such headings into families and keeps the family
that opens sections of case size; this module only reads the single line (and the number line above it). A heading
made of section words, a provider line, a date, a contents entry or a line of furniture is none.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ftzgraph.graph.extract._split_fields import labelled_field
from ftzgraph.graph.extract._split_furniture import contents_entry, furniture_heading, picture_line, rendered_line
from ftzgraph.graph.extract._split_lead_titles import headline, headline_title
from ftzgraph.graph.extract._split_shapes import (
    SEPARATORS,
    TOPIC_TAG_RE,
    heading_mark,
    mark_style,
    prose_title,
    title_without_mark,
)
from ftzgraph.graph.extract._split_unit_lines import bracketed_unit, dash_unit, dated_unit
from ftzgraph.graph.extract._split_units import LABEL_HEAD_RE, labelled_provider, place_or_stem, signature_unit
from ftzgraph.graph.extract._split_words import (
    BRACKETED_NUMBER_RE,
    FIGURE_RE,
    MIN_CASE_CHARS,
    NUMBER_ALONE_RE,
    NUMERAL_RUN,
    SENTENCE_END,
    fallback_words,
    is_section_heading,
    strip_marks,
)
from ftzgraph.graph.text import CJK_RE, parse_chinese_number

if TYPE_CHECKING:
    from ftzgraph.graph.extract._split_lines import Line

_NUMBERING: list[tuple[str, re.Pattern[str]]] = [
    # 2.1 title, 2.1.3 实施成效: a word processor's multilevel list kept as text, or a standard's annex clauses after
    # the annex's letter (A.1 title, A.1.3 实施成效); each depth is a style of its own (outline2, outline3), so the
    # level whose sections hold the section words wins
    (
        "outline",
        re.compile(
            r"^(?P<n>(?:[0-9０-９]{1,2}|[A-Z])(?:[.．][0-9０-９]{1,2}){1,3})(?:[\s\u3000]+|[、.．](?![0-9０-９]))"
        ),
    ),
    # 第一篇, 第3集 (a video series' episode), 第二讲 (a course's lecture): a part of a series, each a case
    ("part", re.compile(rf"^第\s*(?P<n>{NUMERAL_RUN})\s*[篇章部则个项集讲课回]\s*[:：、.．]?\s*")),
    (
        "bracket",
        re.compile(
            rf"^[【\[〔]\s*(?:典型|创新)?(?:案例|经验|做法|实践|成果)?\s*(?P<n>{NUMERAL_RUN})\s*[】\]〕]\s*[:：、.．]?\s*"
        ),
    ),
    ("case", re.compile(rf"^(?:典型|创新)?(?:案例|经验|成果|做法)\s*之?\s*(?P<n>{NUMERAL_RUN})\s*[:：、.．｜|丨]?\s*")),
    ("no", re.compile(r"^(?:NO|No|no|PART|Part|part)\s*[.．]?\s*(?P<n>[0-9０-９]{1,3})\s*[:：、.．｜|丨]?\s*")),
    ("padded", re.compile(r"^(?P<n>0[1-9])(?:\s*[｜|丨]\s*|[\s\u3000]+)")),
    ("paren", re.compile(rf"^[（(]\s*(?P<n>{NUMERAL_RUN})\s*[)）]\s*")),
    ("circled", re.compile(r"^(?P<n>[\u2460-\u2473])\s*[:：、.．]?\s*")),
    ("roman", re.compile(r"^(?P<n>[\u2160-\u216b])\s*[:：、.．]?\s*")),
    ("chinese", re.compile(r"^(?P<n>[零〇一二两三四五六七八九十百]+)\s*[、.．]\s*")),
    ("arabic", re.compile(r"^(?P<n>[0-9０-９]+)\s*[、.．]\s*")),
    ("arabic-paren", re.compile(r"^(?P<n>[0-9０-９]+)\s*[)）]\s*")),  # 1）title
    ("chinese", re.compile(r"^(?P<n>[一二三四五六七八九十]{1,3})[ \u3000]+(?=[\u4e00-\u9fff“\"《])")),
    ("arabic", re.compile(r"^(?P<n>[0-9０-９]{1,2})[ \u3000]+(?=[\u4e00-\u9fff“\"《])")),
]
"""Numbering styles of a heading, each with its number: the first that matches is the heading's style."""


_DATE_RE = re.compile(
    r"^[0-9０-９〇一二三四五六七八九十○]{2,4}\s*年(?:\s*[0-9０-９一二三四五六七八九十]{1,2}\s*[月日])*$"
)
"""A line that is only a date (2024年9月10日, 二〇二四年九月): a signature's or a cover's, never a heading."""


_LABEL_END_RE = re.compile(r"[：:】\]。]|\u3000|\s{2,}")


_MD_RE = re.compile(r"^(?P<h>#{1,6})\s*")


_BOLD_RE = re.compile(r"^(?:\*\*|__)(?P<inner>.+?)(?:\*\*|__)$")


_MAX_HEADING_CHARS = 60


def heading_number(text: str) -> int | None:
    """A heading's number in any numerals: 3, 三, ③, Ⅲ."""
    found = parse_chinese_number(text)
    if found is None and len(text) == 1 and "\u2160" <= text <= "\u216b":
        return int(unicodedata.numeric(text))
    return found


@dataclass
class Heading:
    """A line that may head a case: where it is, how it is marked, its number, and its text without the marks."""

    index: int
    start: int
    style: str
    number: int | None
    text: str
    inline: bool = False
    """The case runs on in the heading's own line ((一)title。text…): the title is its first sentence."""


def question_title(text: str) -> tuple[int | None, str] | None:
    """The number and the case a question line of a Q&A page asks about (一问：…“A”是怎样的一项改革？, 问：…“A”…？):
    a labelled question naming exactly one case in quotes, which heads the answer below it; None for any other
    line."""
    label = re.match(fallback_words()["question_line"], text)
    if label is None or (name := asked_case(text[label.end() :])) is None:
        return None
    n = label["n"] or label["k"] or label["m"] or label["q"]
    return (heading_number(n) if n else None), name


_ANSWER_BLANK_RE = re.compile(r"\s*(?:[（(][\s\u3000]*[)）]|[_＿]{2,})\s*$")
"""The blank a quiz leaves for the answer after its stem (…组成？（　　）, …最佳实践案例。（　　）, ____)."""

_ANSWER_NOTE_RE = re.compile(r"([？?])\s*[（(][^（）()]{1,6}[)）]\s*$")
"""A questionnaire's note on how to answer after the question mark (…？（多选）, …？（可多选）): still a question."""


def asked_case(question: str) -> str | None:
    """The one case in quotes a question asks about (…第一个案例“A”是如何做的？), or None: not a question, or no
    case or several named. A quiz's stem asks too: one ending in its answer blank (a choice or a true-or-false
    statement, …的说法，正确的有（　　）) or one setting a task (请简述“A”的主要做法。, ``task_prompts``)."""
    stem = _ANSWER_BLANK_RE.sub("", _ANSWER_NOTE_RE.sub(r"\1", question.rstrip()))
    asks = stem.endswith(("？", "?")) or stem != question.rstrip()
    if not asks and not stem.startswith(tuple(fallback_words()["task_prompts"])):
        return None
    names = re.findall(r"[“\"]([^“”\"]{2,40})[”\"]", question)
    return names[0] if len(names) == 1 else None


def section_label_count(lines: list[Line]) -> int:
    """How many different section words head a line of ``lines``, as a heading (一、基本情况, 【改革背景】,
    **取得成效**) or a label (做法：…). Words in running prose (总结改革成效和做法) do not count: a notice or an
    article speaks of 成效 too, but only a case is laid out in such sections."""
    found: set[str] = set()
    for line in lines:
        label = _section_label(line.text)
        if label:
            found.update(word for word in fallback_words()["section_words"] if word in label)
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


def line_heading(
    lines: list[Line], i: int, is_provider: Callable[[str], object], by_name: bool = False
) -> Heading | None:
    """Line ``i`` as a possible case heading: short, not a sentence, not a provider or section line. With ``by_name``,
    a numbered paragraph is also a whole case when it names a reform in quotes and states a figure (``_named_case``):
    asked only for the next member of a family of such paragraphs already found."""
    raw = lines[i].text.strip()
    caption = picture_line(raw) and not heading_mark(raw)  # ▲ 1：title is no caption
    if not raw or "|" in raw or raw.count("\t") > 1 or contents_entry(raw) or caption or furniture_heading(raw):
        return None  # a table row, a contents line, a picture's placeholder or caption, a post's counters
    if (numbered := _number_line(raw)) and numbered.re is _WORD_NUMBER_RE:
        return None  # ▌数字一 over its figure and title: a number line (heading_under_number), not a title
    style, text = "", raw
    if (md := _MD_RE.match(text)) and not TOPIC_TAG_RE.match(text):  # #话题# title is a post's, no Markdown
        style, text = f"h{len(md['h'])}", text[md.end() :]
    if bold := _BOLD_RE.match(text.strip()):
        style, text = style + "b", bold["inner"]
    unmarked, (text, marked) = (style, text.strip()), strip_marks(text.strip())
    if marked:  # ■ title and ▍专栏 aside: each symbol marks a family of its own
        style += "s" + unmarked[1].lstrip()[0]
    text = text.strip()
    number = None
    joined = (mark := heading_mark(unmarked[1])) is not None and mark.joined  # Ⅱ-1《title》: the mark's reader
    for name, pattern in [] if joined else _NUMBERING:
        if numbered := pattern.match(text):
            if name == "outline":  # 2.1 and 2.1.1 are two levels; the number is the last part
                parts = re.split(r"[.．]", numbered["n"])
                name = f"outline{len(parts)}"
                style, number = f"{style}{name}", heading_number(parts[-1])
            else:
                style, number = f"{style}{name}", heading_number(numbered["n"])
            text = text[numbered.end() :].strip().lstrip(SEPARATORS).strip()  # ①/title: the rest of its mark
            break
    if number is None and labelled_field(text):  # 经验出处：X over 报送：Y: a field of the case under its title
        return None
    if number is None and (shaped := mark_style(unmarked[1], is_section_heading)):  # ◆ (a), 样本一—, 〖经验3〗
        style, number, text = unmarked[0] + shaped[0], shaped[1], shaped[2]
    if number is None and (whole := _WHOLE_BRACKET_RE.fullmatch(text)) is not None:
        style, text = style + "bracketed", whole["t"].strip()  # 【title】 with no number: a web bulletin's heading
    if number is None and (asked := question_title(text)) is not None:  # 一问：…“A”…？ over its answer
        return Heading(i, i, style + "question", asked[0], asked[1])
    if number is not None and (case_asked := asked_case(text)) is not None:
        # 二、第一个案例“A”是如何做的？: a numbered question of a Q&A page; its number counts the questions, not cases
        return Heading(i, i, style + "question", None, case_asked)
    if number is not None and (inline := _inline_case(text) or (_named_case(text) if by_name else None)) is not None:
        return Heading(i, i, style + " inline", number, inline, inline=True)
    if (
        not 2 <= len(text) <= _MAX_HEADING_CHARS
        or len(CJK_RE.findall(text)) < 2
        or text.endswith(SENTENCE_END)
        or "。" in text
        or _DATE_RE.match(text)
    ):
        return None
    if is_provider(raw) or labelled_provider(raw) or dash_unit(raw) or bracketed_unit(raw) or is_section_heading(text):
        return None  # （X片区） under a title names its provider: no heading of its own
    label = LABEL_HEAD_RE.match(text) if number is None else None
    if label and not is_section_heading(label["label"] or label["left"]):
        style += "pipe" if label["pipe"] else "tag"  # 【place】title, provider｜title, “area”｜title
    if not style and (halves := headline(raw)) is not None:  # 南宁海关“A”叠加　B再提速: a briefing's item
        following = next((line.text for line in lines[i + 1 : i + 3] if line.text.strip()), "")
        above = next((line.text for line in reversed(lines[max(i - 2, 0) : i]) if line.text.strip()), "")
        if headline(following) or headline(above):  # 本期要目: the briefing's list of its headlines opens no case
            return None
        return Heading(i, i, "headline", None, headline_title(halves[0]))
    if not style:  # a bare line is a heading only over a provider line (title / 牵头单位：X), or over the rest of
        # its title and then the provider line (跨境电商“中亚海外仓+ / 前置仓”联动 / （报送单位：X）)
        # A bare line right over a section line (title / 做法：…) is one too: a word processor's bold heading once its
        # bold is lost in a plain-text copy.
        following = next(  # a caption or a byline under the title is furniture: the line after it counts, and so
            # does the line after the case's other fields (title / 经验来源：X / 报送单位：Y)
            (
                line.text
                for line in lines[i + 1 : i + 5]
                if line.text.strip() and not furniture_heading(line.text) and not other_field(line.text, is_provider)
            ),
            "",
        )
        if (  # title / X局｜2024-10-18: a card's source line under its title (furniture, so read on its own)
            not (
                is_provider(following)
                or labelled_provider(following)
                or dash_unit(following)
                or bracketed_unit(following)
                or signature_unit(following)  # title / 南京海关 / 改革背景: the unit alone under it names the provider
                or dated_unit(next((line.text for line in lines[i + 1 : i + 3] if line.text.strip()), ""))
            )
            and heading_continuation(lines, i, "", len(lines), is_provider) is None
        ):
            over_section = bool(following) and _section_label(following) is not None and not signature_unit(raw)
            # a byline or a caption between the title and its prose (title / 文／记者　X / prose) is furniture
            # so is a bilingual text's rendering of the title under it (title / English title / prose)
            below = [
                line.text
                for line in lines[i + 1 : i + 6]
                if not furniture_heading(line.text) and not rendered_line(line.text)
            ][:3]
            named = _PLACE_LABEL_RE.match(raw)  # 韶关：title / 台中｜title: a dispatch's place, then the title
            titled = named["t"] if named and place_or_stem(named["p"]) else raw
            if not over_section and not (i and prose_title([lines[i - 1].text, titled, *below])):
                return None
            style = "bare over section" if over_section else "prose"  # prose: a reform's name alone over prose
        else:
            style = "bare"
    return Heading(i, i, style, number, text)


def other_field(text: str, is_provider: Callable[[str], object]) -> bool:
    """True when ``text`` is a labelled field naming neither the provider nor a section (经验来源：X, 推广范围：Y): a
    field between a case's title and its provider line."""
    return labelled_field(text) and not (is_provider(text) or labelled_provider(text)) and _section_label(text) is None


_PLACE_LABEL_RE = re.compile(r"^(?P<p>[\u4e00-\u9fff]{2,8})\s*[：:｜|丨／/]\s*(?P<t>\S.*)$")
"""A bare heading's place before a colon or a bar (韶关：“A”一站办理): a newspaper's section over a city's item."""


_WHOLE_BRACKET_RE = re.compile(r"[【\[〔](?P<t>[^【】\[\]〔〕]{2,60})[】\]〕]")


_INLINE_TITLE_MAX = 30


def _inline_case(text: str) -> str | None:
    """The title of a numbered paragraph that is a whole case ((一)推行“证照分离”改革全覆盖。兴庆区复制推广…): a short
    first sentence, then a case's length of text that names what it copies or learns from (the genre's words). A
    theme's label over a quoted name and a figure is no case by itself (``_named_case``): a report's numbered
    paragraphs read so too."""
    title, _, rest = text.partition("。")
    if not 4 <= len(title) <= _INLINE_TITLE_MAX or "，" in title or len(rest) < MIN_CASE_CHARS:
        return None
    return title if any(word in rest for word in fallback_words()["inline_case_words"]) else None


def _named_case(text: str) -> str | None:
    """The title of a numbered paragraph that tells a case without the genre's words of copying (（四）topic。X县推行
    “A”…, 9. 【X区】title。X区引进…): a short first sentence, then a case's length of text naming a reform in quotes
    and stating a figure. Read only beside members that hold those words, never as a family of its own: a report's
    numbered paragraphs may name quoted slogans and figures too."""
    title, _, rest = text.partition("。")
    if not 4 <= len(title) <= _INLINE_TITLE_MAX or "，" in title or len(rest) < MIN_CASE_CHARS:
        return None
    return title if _QUOTED_NAME_RE.search(text) and FIGURE_RE.search(rest) else None


_QUOTED_NAME_RE = re.compile(r"“[^“”。，,\n]{2,30}”")


_WORD_NUMBER_RE = re.compile(rf"^[\u4e00-\u9fff]{{2,3}}(?P<n>{NUMERAL_RUN})$")
"""A mark's word and its number alone on a line (数字1, 亮点二, 故事3): the number line of a page that names its
items by a word of its own, whatever the word."""

_FIGURE_ALONE_RE = re.compile(r"^[0-9０-９]+(?:[.．][0-9０-９]+)?(?![、．.）)])\S[^。，,；;：:\s]{0,10}$")
"""A figure alone on a short line (3天→6小时, 0次, 2.4亿元, 98%): a data page's big number, no title."""


def figure_alone(text: str) -> bool:
    """True when ``text`` is a figure standing alone on its line (a data page's big number above a title)."""
    return _FIGURE_ALONE_RE.match(text.strip()) is not None


def _number_line(text: str) -> re.Match[str] | None:
    """The number of a line holding only a case's number (01, 【案例一】, ━━ 数字1 ━━), or None."""
    bare = strip_marks(text.strip().strip("*#").strip())[0].strip().strip("━─═=").strip()
    bare = BRACKETED_NUMBER_RE.sub(r"\g<n>", bare)  # 【案例一】 / title: the number in its tag
    if two := _BILINGUAL_NUMBER_RE.match(bare):  # 措施一 Medida 1, Medida 1 措施1: one number in two languages
        own = two["c1"] or two["c2"] or ""
        found = NUMBER_ALONE_RE.match(own) or _WORD_NUMBER_RE.match(own)
        same = found is not None and parse_chinese_number(found["n"]) == int(two["n1"] or two["n2"])
        return found if same else None
    return NUMBER_ALONE_RE.match(bare) or _WORD_NUMBER_RE.match(bare) or _LATIN_NUMBER_RE.match(bare)


_LATIN_NUMBER_RE = re.compile(
    r"^(?!(?:page|p|fig|figure|table|tab|chart|photo|no)\b)[A-Za-z]{2,12}\.?\s*(?P<n>[0-9]{1,2})$", re.I
)
"""A word of another language and a number alone on a line (Medida 1, Caso 2, Item 3), as a bilingual page numbers its
items over their Chinese titles; a page's, a figure's or a table's number is none."""


_BILINGUAL_NUMBER_RE = re.compile(
    r"^(?:[A-Za-z]{2,12}\.?\s*(?P<n1>[0-9]{1,2})[\s\u3000]+(?P<c1>[^\sA-Za-z]{1,8})"
    r"|(?P<c2>[^\sA-Za-z]{1,8})[\s\u3000]+[A-Za-z]{2,12}\.?\s*(?P<n2>[0-9]{1,2}))$"
)
"""A number line in two languages (措施一 Medida 1, Case 3 案例三), as a bilingual portal numbers its items."""


def _short_line(text: str) -> bool:
    """True for a short line that is no sentence: a title under a big number."""
    bare = text.strip()
    return 2 <= len(bare) <= _MAX_HEADING_CHARS and "。" not in bare and not figure_alone(bare)


def heading_under_number(
    lines: list[Line], i: int, end_index: int, is_provider: Callable[[str], object]
) -> Heading | None:
    """A title line under a line that holds only its number (01 / title): the number line opens the case."""
    previous = i - 1
    while previous >= 0 and not lines[previous].text.strip():
        previous -= 1
    if previous >= 0 and signature_unit(lines[previous].text) and not NUMBER_ALONE_RE.match(lines[i].text.strip()):
        previous -= 1  # 附件2-1 / X片区 / title: a submission's cover names its provider between number and title
        while previous >= 0 and not lines[previous].text.strip():
            previous -= 1
    if previous > 0 and figure_alone(lines[previous].text):
        above = previous - 1
        while above > 0 and not lines[above].text.strip():
            above -= 1
        if _number_line(lines[above].text):
            previous = above  # 数字1 / 3天→6小时 / title: a data page's big number between the number and the title
    number_line = strip_marks(lines[previous].text.strip().strip("*#").strip())[0] if previous >= 0 else ""
    alone = _number_line(number_line) if previous >= 0 else None
    if alone is None or i >= end_index:
        return None
    text = lines[i].text.strip().lstrip("#").strip().strip("*_").strip()
    if figure_alone(text) and i + 1 < end_index and _short_line(lines[i + 1].text):
        return None  # the big number over the title line: the title is the next line
    text = title_without_mark(text)  # 附件1-1 / ◆ (a) title
    if signature_unit(text):  # the cover's provider line, not the title
        return None
    if not 2 <= len(text) <= _MAX_HEADING_CHARS or len(CJK_RE.findall(text)) < 2 or text.endswith(SENTENCE_END):
        return None
    if "。" in text or is_provider(text) or labelled_provider(text) or is_section_heading(text):
        return None
    if furniture_heading(text):  # 转发 N ｜ 评论 N under the number line: a post's counters, no title
        return None
    return Heading(i, previous, "alone", parse_chinese_number(alone["n"]), text)


def heading_continuation(
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
        or not CJK_RE.search(text)
        or text.endswith(SENTENCE_END)
        or "。" in text
        or is_provider(raw)
        or labelled_provider(raw)
        or is_section_heading(text)
        or NUMBER_ALONE_RE.match(text)
        or any(pattern.match(text) for _, pattern in _NUMBERING)
        or heading_mark(text)
    ):
        return None
    if heading.count("“") > heading.count("”"):
        return j
    after = next((line.text for line in lines[j + 1 : min(j + 3, end_index)] if line.text.strip()), "")
    return j if after and (is_provider(after) or labelled_provider(after) or dash_unit(after)) else None
