"""How a case's heading is written, and how the splitter reads one.

A case title carries marks the title itself does not hold: a suffix (复制推广典型案例), a marker with its ordinal
(案例3, 典型做法二), an outline number (2.1), its provider in brackets or before a colon, outer quotes. The patterns of
those marks, the title cleaned of them, the tests the splitter asks of one line (is it a title, a heading of which
style, one cut by a page break or wrapped inside its suffix) and the pairing of titles with a summary table's rows
live here, below graph/extract/split.py, which chooses among the splits they give. Only layout marks are read;
nothing names a document.
"""

from __future__ import annotations

import re

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_declared import contains_listed
from ftzgraph.graph.extract._split_fields import field_title
from ftzgraph.graph.extract._split_furniture import closing_block_re
from ftzgraph.graph.extract._split_lines import BOLD_RE, Line, unbold
from ftzgraph.graph.extract._split_shapes import SEPARATORS, TOPIC_TAG_RE, title_without_mark
from ftzgraph.graph.extract._split_units import place_or_stem
from ftzgraph.graph.extract._split_words import strip_marks
from ftzgraph.graph.model import CaseText, Document, TableRow
from ftzgraph.graph.text import NUMERAL_CLASS, TitleMatcher, title_key, word_alternation

CASE_SUFFIX_RE = re.compile(r"(?:(?:复制推广)?典型案例|复制推广案例)\s*(?:[（(][^（）()\n]{2,30}[)）])?\s*$")
"""The suffix of a case title, optionally followed by its provider in brackets (…复制推广案例（钦州港片区）)."""
OUTLINE_RE = re.compile(
    r"^\s*(?P<n>(?:[0-9０-９]{1,2}|[A-Z])(?:[.．][0-9０-９]{1,2}){1,3})(?:[\s\u3000]+|[、.．](?![0-9０-９]))"
)
"""Decimal outline numbering kept as text (2.1 title, 2.1.3 实施成效): a word processor's multilevel list, or a
standard's annex clauses (A.1 title, A.1.2 实施成效), numbered after the annex's letter."""
HEADING_PROVIDER_RE = re.compile(r"(?:典型案例|复制推广案例)\s*[（(](?P<p>[^（）()\n]{2,30})[)）]\s*$")
_ITEM_MARKER = "(?:{})(?:{})".format(*(word_alternation(w) for w in load_lexicon("layouts")["item_markers"].values()))
_MARKER_QUALIFIER = word_alternation(load_lexicon("layouts")["case_marker_qualifiers"])
MARKER_RE = re.compile(
    rf"^\s*#*\s*(?:\*\*|__)?\s*(?P<open>[【〔［\[])?\s*"
    rf"(?:(?:{_MARKER_QUALIFIER})?(?:典型|创新)?案例|(?:典型|创新)(?:实践|做法|经验|举措)|{_ITEM_MARKER})\s*之?\s*"
    rf"(?:[（(]\s*(?=[{NUMERAL_CLASS}]+\s*[)）]))?(?P<n>[{NUMERAL_CLASS}]+)\s*[)）]?\s*(?(open)[】〕］\]]\s*$)"
    rf"\s*[:：、.．]?\s*(?P<rest>.*)$"
)
"""A case marker: 案例3, 典型案例一, a word with its ordinal (创新实践之一, 典型做法二, 最佳实践案例之一) or an
assessment's item with its ordinal (评估对象一, 评价事项2, 参照事项（一）: ``item_markers``), perhaps set in
brackets as a label line alone (【最佳实践案例之一】, 〔互鉴事项03〕), then the title or nothing: a marker alone
labels the case, whose title is the next line or its name field."""
PADDED_MARKER_RE = re.compile(r"^\s*(?P<n>0[1-9]|[1-9][0-9])(?P<rest>)\s*$")
"""A booklet's case marker: a two-digit number alone on its line (01 over the title). Read only in a document that
writes 01 so, since a bare number is otherwise a page number or a table's cell."""
_BOX_TITLE_CHARS = 40
_BOX_OPEN, _BOX_CLOSE = "┌╔┏【〔\\[▍■◆●▌", "┐╗┓】〕\\]"
BOX_LABEL_RE = re.compile(
    rf"^\s*[{_BOX_OPEN}]?\s*(?:{word_alternation(load_lexicon('layouts')['furniture']['box_labels'])})\s*"
    rf"(?P<n>[{NUMERAL_CLASS}]+)(?![-－—.．][0-9０-９])\s*[{_BOX_CLOSE}]?\s*[:：、]?\s*"
    rf"(?P<rest>[^\s─━—═，,。；;][^，,。；;\n]{{1,{_BOX_TITLE_CHARS}}}?)?[─━—═\s]*$"
)
"""A box's label (┌专栏1┐, 【专栏二】, 专栏3：) alone on its line, a marker whose title is the line under it, or
with the box's title after it (专栏1　title): never a figure line or section heading before the box. A joined number
(专栏4-1) is a chapter's box, read by its shape (graph/extract/_split_shapes.py)."""
ORDINAL_RE = re.compile(rf"^\s*#*\s*(?:[（(]\s*[{NUMERAL_CLASS}]+\s*[)）]|[{NUMERAL_CLASS}]+\s*[、.．])\s*")
PROVIDER_RE = re.compile(
    r"^\s*#*\s*(?:[（(]\s*(?P<a>[^()（）\n]{2,40}?(?:[（(][^()（）\n]{1,10}[)）][^()（）\n]{2,40}?)?)\s*提供\s*[)）]"
    r"|[（(]\s*(?P<d>[^()（）\n]{2,40}?)\s*(?:供稿|报送|推荐)\s*[)）]"
    r"|(?P<b>[^()（）\n，。：:]{2,30}?)\s*提供"
    r"|[（(【]?\s*(?:报送|提供|申报|供稿|推荐|选送)单位\s*(?:[:：]|】\s*[:：]?)\s*(?P<c>[^\n，。]{2,40}?)\s*[)）]?)\s*$"
)
CLOSING_BLOCK_RE = closing_block_re()
"""The distribution block after a collection's last case (抄送：…, 报：/送：/发：); it belongs to no case."""
"""A whole-line bold run, as converters write Word's bold heading paragraphs in Markdown."""
_OUTER_QUOTES = {"“": "”", '"': '"', "「": "」", "『": "』", "《": "》"}
COLLECTION_TITLE_RE = re.compile(r"^(?:附件\s*[:：]?|第\s*[" + NUMERAL_CLASS + r"]+\s*批)")
TITLE_MATCH_MIN = 0.6
"""Similarity (difflib ratio on title keys) above which a table row and a section are the same case."""


HEADING_PLACE_RE = re.compile(
    r"^(?P<p>[^：:“”\"（）()\s]{2,16}?(?:市|区|县|旗|州|盟|镇|乡|片区|管委会|人民政府|局|厅|委员会))[：:]\s*(?P<t>\S.*)$"
)
"""A heading that opens with its provider and a colon (一、义乌市：进口商品…): the provider, then the title."""
HEADING_BRACKET_PLACE_RE = re.compile(
    r"^[（(](?P<p>[^：:“”\"（）()\s]{2,16}?(?:市|区|县|旗|州|盟|镇|乡|片区|管委会|人民政府|局|厅|委员会))[)）]\s*(?P<t>\S.*)$"
)
"""A heading that opens with its provider in brackets (一、（西咸新区）“标准地…”): the provider, then the title."""


HEADING_TRAILING_PLACE_RE = re.compile(
    r"^(?P<t>\S.*?)\s*[（(](?P<p>[^：:“”\"（）()\s]{2,16}?(?:市|区|县|旗|州|盟|镇|乡|片区|管委会|人民政府|局|厅|委员会))[)）]$"
)
"""A heading that ends with its provider in brackets and no case suffix (1、跨境电商“保税备货+直播”监管（营口片区）)."""


_LABEL_UNIT = (
    r"[^：:“”\"（）()\s【】〔〕\[\]｜|丨、，,。.．]{1,20}?"
    r"(?:市|区|县|旗|州|盟|镇|乡|片区|管委会|管理委员会|人民政府|政府|公署|局|厅|委员会|委|海关|分行|支行|中心|办|法院|检察院)"
)
HEADING_TAG_PLACE_RE = re.compile(rf"^[【〔\[](?P<p>{_LABEL_UNIT})[】〕\]]\s*(?P<t>\S.*)$")
"""A heading that opens with its place or provider as a bracketed tag (【章贡区】新办企业…)."""
HEADING_PIPE_PLACE_RE = re.compile(rf"^(?P<p>{_LABEL_UNIT})\s*(?:[｜|丨]|[：:](?!\s*$))\s*(?P<t>\S.*)$")
"""A heading that opens with its provider before a vertical bar or a colon (■ 浦东新区市场监管局｜个体工商户…, X海关：
title); a quoted label (“科技创新片区”｜title) names a theme, not the provider."""
HEADING_END_PLACE_RE = re.compile(
    rf"^(?P<t>\S.*?)\s*(?:——|—|－－|--|[【〔\[（(])\s*(?:(?:报送|推荐|提供|申报|供稿|选送|获奖|参评|参赛)单位\s*[:：]\s*)?"
    rf"(?P<p>{_LABEL_UNIT})\s*(?:[（(][^（）()]{{2,24}}[)）])?\s*[】〕\]）)]?$"
)
"""A heading that ends with its provider after a dash or in brackets (title——X片区, 一、“交房即交证”改革——永吉县,
title【X局】, title（X海关）, title（推荐单位：X局）, an award's title（获奖单位：X局）, also with the body's other
name in brackets after it: title（报送单位：X局（现为Y局））)."""


HEADING_SPACE_PLACE_RE = re.compile(r"^(?P<p>[\u4e00-\u9fff]{2,6})(?:[ \t\u3000]+|\s*[：:｜|丨／/]\s*)(?P<t>\S.{3,})$")
"""A newspaper's headline that opens with its city and a space, a colon, a bar or a slash (雅安 茶叶出口“一证通”,
韶关：“A”, ▲昆山／“A”): the place, then the title."""


def placed_heading(title: str) -> re.Match[str] | None:
    """The provider and title of a heading that names its provider (X：title, （X）title, title（X）, 【X】title,
    X｜title or a place and a space), or None."""
    spaced = HEADING_SPACE_PLACE_RE.match(title)
    return (
        HEADING_PLACE_RE.match(title)
        or HEADING_BRACKET_PLACE_RE.match(title)
        or HEADING_TRAILING_PLACE_RE.match(title)
        or HEADING_TAG_PLACE_RE.match(title)
        or HEADING_PIPE_PLACE_RE.match(title)
        or HEADING_END_PLACE_RE.match(title)
        or (spaced if spaced and place_or_stem(spaced["p"]) else None)
    )


_CLOSING_SYMBOLS_RE = re.compile(
    r"(?<=\S)[\s\u3000]*(?:[\u2190-\u2bff\u2700-\u27bf\U0001f300-\U0001faff]\ufe0f?[\s\u3000]*)+$"
)
"""Symbols (arrows, shapes, dingbats, emoji) ending a heading: a layout's mark around its title, none of its words."""


_CLOSING_COUNTER_RE = re.compile(
    r"(?<=\S)[\s\u3000]*[【\[［（(]\s*[0-9０-９]{1,2}\s*[/／]\s*[0-9０-９]{1,2}\s*[】\]］）)]$"
)
"""A series counter closing a heading (title【2/4】, title（1/3）)."""


def clean_title(text: str) -> str:
    """``# “X” 复制推广典型案例`` -> ``X``: no heading marks, suffix, ordinal or outer quotes, nor the frame of a
    meeting's agenda item or a seminar's topic (关于复制“X”事项, 关于X的讨论: the item is about the case)."""
    title = field_title(unbold(TOPIC_TAG_RE.sub("", text.strip()).lstrip("#").strip()))
    marker = MARKER_RE.match(title)
    if marker:
        title = marker["rest"]
    title = ORDINAL_RE.sub("", OUTLINE_RE.sub("", title, count=1), count=1)
    if title and not title[-1].isalnum():  # ✦ title ✦, ★title★: the mark closing the heading as it opened it
        title = _CLOSING_SYMBOLS_RE.sub("", title)
        title = _CLOSING_COUNTER_RE.sub("", title)  # title【2/4】: the item's place in its series, no word of it
    unmarked = strip_marks(title_without_mark(title.lstrip(SEPARATORS)))[0]  # (01).title, a mark no rule names, ◆
    title = unmarked if CASE_SUFFIX_RE.sub("", unmarked).strip() else title  # 第4项复制推广案例: its own words
    placed = placed_heading(title)
    if placed:
        title = placed["t"]
    title = CASE_SUFFIX_RE.sub("", title).strip()
    if title.endswith("。") and "。" not in title[:-1]:  # 案例三：茶叶出口“产地检测”。 a title closed as a sentence
        title = title[:-1].rstrip()
    for item in load_lexicon("layouts")["fallback"]["agenda_items"]:  # 关于复制“X”事项, 关于X的讨论
        if agenda := re.fullmatch(item, title):
            title = agenda["t"]
            break
    if len(title) >= 2 and (closer := _OUTER_QUOTES.get(title[0])) and title[-1] == closer:
        inner = title[1:-1]  # 『A“B”』 and 《A“B”》 too: the inner quotes are the title's own
        if not re.search(
            re.escape(title[0]) + "|" + re.escape(closer) + ("" if title[0] in "「『《" else r'|[“”"]'), inner
        ):
            title = inner
    return title.strip()


_ORDINAL_TITLE_MIN = 0.8
"""How close a numbered heading's title must be to a table row's title to open that row's case."""


def is_title_line(line: Line, table: TitleMatcher | None, listed: bool) -> bool:
    bare = line.bare
    if not bare or len(bare) > 120:
        return False
    if CASE_SUFFIX_RE.search(bare):
        # 2 典型案例: a chapter of an outline named by the suffix alone (its title a bare number) is no case
        title = clean_title(bare)
        numbered_only = re.fullmatch(rf"[{NUMERAL_CLASS}\s.．、]+", title) is not None
        return bool(title) and not numbered_only and not COLLECTION_TITLE_RE.match(bare) and "汇总" not in bare
    if table is None or len(bare) > 60:
        return False
    # a row's title, or a listed one as the line's main part (【第一例】title（X片区）)
    key = title_key(clean_title(bare))
    if table.best(key, 0.92)[0] >= 0 or (listed and contains_listed(key, table.keys) is not None):
        return True
    # 一、推行“X”服务模式 under a list's “X”服务: a numbered heading that words a row's title with a verb or a noun more
    return ORDINAL_RE.match(line.text) is not None and len(bare) <= 40 and table.best(key, _ORDINAL_TITLE_MIN)[0] >= 0


def cut_by_page_break(lines: list[Line], previous: int, i: int) -> bool:
    """True when only masked page furniture lies between lines ``previous`` and ``i``: the page number and running
    header blanked by graph/sources/page_furniture.py (spaces of their length, unlike an empty line)."""
    between = lines[previous + 1 : i]
    return (
        bool(between)
        and any(line.text and not line.text.strip() for line in between)
        and not CASE_SUFFIX_RE.search(lines[previous].bare)
    )


def continued_heading(lines: list[Line], index: int) -> str:
    """The rest of a heading cut by a page break inside a quote (三、崇左片区：边境贸易“互市+加 / page number and
    running header / 工”监管模式): the line after the masked page furniture, when it closes the quote; else ""."""
    if not opens_quote(lines[index].bare):
        return ""
    j = index + 1
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    if j >= len(lines) or not cut_by_page_break(lines, index, j):
        return ""
    rest = lines[j].text.strip()
    closes = rest.find("”")
    return rest if 0 <= closes <= 12 and len(rest) <= 30 and not heading_style(lines[j]) else ""


def ends_wrapped_suffix(lines: list[Line], i: int) -> bool:
    """True when line ``i`` holds the end of a case-title suffix whose start is on the line before (复制推广案例
    alone, or 典型案 / 例, or 复制推广 / 典型案例): a heading wrapped at any character, as a PDF wraps CJK."""
    if _is_suffix_only(lines[i]):
        return True
    previous = previous_nonblank(lines, i)
    bare = lines[i].bare
    if previous is None or not bare or len(bare) > 8 or CASE_SUFFIX_RE.search(lines[previous].bare):
        return False
    joined = lines[previous].bare + bare
    match = CASE_SUFFIX_RE.search(joined)
    return match is not None and match.start() < len(lines[previous].bare)


def _is_suffix_only(line: Line) -> bool:
    """A line holding only a case-title suffix (复制推广案例): the second line of a wrapped heading."""
    bare = line.bare
    return bool(bare) and CASE_SUFFIX_RE.fullmatch(bare) is not None


def opens_quote(text: str) -> bool:
    """True when ``text`` opens a “quote it does not close: a heading that goes on on the next line."""
    return text.count("“") > text.count("”")


def previous_nonblank(lines: list[Line], i: int) -> int | None:
    j = i - 1
    while j >= 0 and not lines[j].text.strip():
        j -= 1
    return j if j >= 0 else None


def next_nonblank(lines: list[Line], i: int) -> int | None:
    return next((j for j in range(i, len(lines)) if lines[j].text.strip()), None)


def is_plain_title(line: Line) -> bool:
    """A short line that is not a sentence or a provider line: the title under a bare "案例一" marker."""
    bare = line.bare
    return 2 <= len(bare) <= 60 and not bare.endswith(("。", "；", "：", ":")) and not PROVIDER_RE.match(bare)


def heading_style(line: Line) -> str | None:
    """How a line is marked as a heading: bold, 一、, （一）, 1., 2.1 — or None."""
    text = line.text.strip().lstrip("#").strip()
    if BOLD_RE.match(text):
        return "bold"
    if re.match(rf"^[（(]\s*[{NUMERAL_CLASS}]+\s*[)）]", text):
        return "paren"
    if re.match(r"^[零〇一二两三四五六七八九十百]+\s*、", text):
        return "chinese"
    if outline := OUTLINE_RE.match(text):  # 2.1 and 2.1.1: two levels, two styles
        return f"outline{len(re.split(r'[.．]', outline['n']))}"
    if re.match(r"^[0-9０-９]+\s*[、.．]", text):
        return "arabic"
    return None


def match_table(
    cases: list[CaseText], table: list[TableRow], matcher: TitleMatcher | None, warnings: list[str], document: Document
) -> None:
    """Pair table rows with sections (best title similarity first), number unnumbered sections, report leftovers."""
    where = str(document.path)
    keys = [title_key(case.title) for case in cases]
    pairs = sorted(
        (
            (ratio, ci, ri)
            for ci, key in enumerate(keys)
            for ri in range(len(table))
            if matcher is not None and (ratio := matcher.ratio_at_least(ri, key, TITLE_MATCH_MIN)) is not None
        ),
        reverse=True,
    )
    used_cases: set[int] = set()
    used_rows: set[int] = set()
    for ratio, ci, ri in pairs:
        if ratio < TITLE_MATCH_MIN or ci in used_cases or ri in used_rows:
            continue
        used_cases.add(ci)
        used_rows.add(ri)
        case, row = cases[ci], table[ri]
        case.table_row = row
        if case.number is None:
            case.number = row.number
        elif row.number is not None and row.number != case.number:
            case.warnings.append(f"{where}:{case.heading.line}: case {case.number} matches table row {row.number}")
        if title_key(case.title) != title_key(row.title):
            case.warnings.append(
                f"{where}:{case.heading.line}: title differs from the summary table: '{case.title}' vs '{row.title}'"
            )
    for ri, row in enumerate(table):
        if ri not in used_rows:
            warnings.append(
                f"{where}:{row.evidence.line}: summary table row {row.number} '{row.title}' has no case section "
                "(truncated or missing from the document)"
            )
    for ci, case in enumerate(cases):
        if table and ci not in used_cases:
            case.warnings.append(f"{where}:{case.heading.line}: case '{case.title}' is not in the summary table")
    # Sections with neither a marker nor a table row: number them after their predecessor.
    previous = 0
    taken = {c.number for c in cases if c.number is not None}
    for case in cases:
        if case.number is None:
            candidate = previous + 1
            while candidate in taken:
                candidate += 1
            case.number = candidate
            taken.add(candidate)
            case.warnings.append(f"{where}:{case.heading.line}: no case number in the text; numbered {candidate}")
        previous = case.number
