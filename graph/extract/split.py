"""Split a collection into cases, using both the summary table (汇总表) and the case sections.

Real documents are irregular: some "案例 N" markers are missing, heading levels change, page breaks
cut lines, and titles differ slightly between the table and the section. Sections are found by their
title lines; table rows are matched to sections by title similarity; disagreements become warnings on
the case (or on the document), never exceptions.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_bounds import closing_table, outline_end, with_kickers, with_notes
from ftzgraph.graph.extract._split_casebook import code_number
from ftzgraph.graph.extract._split_declared import (
    MIN_CASE_CHARS,
    Split,
    contains_listed,
    count_warning,
    counted_split,
    listed_rows,
    listed_titles,
    marked_spans,
    shape_families,
    stated_count,
    style_families,
    title_like,
)
from ftzgraph.graph.extract._split_entries import chosen_entries, entry_ends, give_entry_providers
from ftzgraph.graph.extract._split_fallback import fallback_starts, heading_families, reports_a_reform
from ftzgraph.graph.extract._split_fields import field_title, field_title_start, form_title, record_start
from ftzgraph.graph.extract._split_furniture import article_end, box_source_re, closing_block_re, contents_entry
from ftzgraph.graph.extract._split_groups import (
    Group,
    group_candidates,
    group_of,
    heading_groups,
    part_headings,
)
from ftzgraph.graph.extract._split_leads import theme_title
from ftzgraph.graph.extract._split_lines import BOLD_RE, Line, text_lines, unbold
from ftzgraph.graph.extract._split_media import media_split, named_reform
from ftzgraph.graph.extract._split_pasted import pasted_split
from ftzgraph.graph.extract._split_points import point_split
from ftzgraph.graph.extract._split_repetition import ACCEPT_SCORE, Repeated, repeated_split, split_score
from ftzgraph.graph.extract._split_separators import separated_split, skipped_line, without_furniture
from ftzgraph.graph.extract._split_shapes import (
    SEPARATORS,
    TOPIC_TAG_RE,
    names_reform,
    shared_lead,
    title_without_mark,
)
from ftzgraph.graph.extract._split_summary import parse_table
from ftzgraph.graph.extract._split_units import fallback_title, place_or_stem
from ftzgraph.graph.extract._split_words import strip_marks
from ftzgraph.graph.model import CaseText, Document, Evidence, TableRow
from ftzgraph.graph.text import NUMERAL_CLASS, TitleMatcher, parse_chinese_number, title_key, word_alternation

CASE_SUFFIX_RE = re.compile(r"(?:(?:复制推广)?典型案例|复制推广案例)\s*(?:[（(][^（）()\n]{2,30}[)）])?\s*$")
"""The suffix of a case title, optionally followed by its provider in brackets (…复制推广案例（钦州港片区）)."""
OUTLINE_RE = re.compile(
    r"^\s*(?P<n>(?:[0-9０-９]{1,2}|[A-Z])(?:[.．][0-9０-９]{1,2}){1,3})(?:[\s\u3000]+|[、.．](?![0-9０-９]))"
)
"""Decimal outline numbering kept as text (2.1 title, 2.1.3 实施成效): a word processor's multilevel list, or a
standard's annex clauses (A.1 title, A.1.2 实施成效), numbered after the annex's letter."""
HEADING_PROVIDER_RE = re.compile(r"(?:典型案例|复制推广案例)\s*[（(](?P<p>[^（）()\n]{2,30})[)）]\s*$")
_ITEM_MARKER = "(?:{})(?:{})".format(*(word_alternation(w) for w in load_lexicon("layouts")["item_markers"].values()))
MARKER_RE = re.compile(
    rf"^\s*#*\s*(?:\*\*|__)?\s*(?:(?:典型|创新)?案例|(?:典型|创新)(?:实践|做法|经验|举措)|{_ITEM_MARKER})\s*之?\s*"
    rf"(?P<n>[{NUMERAL_CLASS}]+)\s*[:：、.．]?\s*(?P<rest>.*)$"
)
"""A case marker: 案例3, 典型案例一, a word with its ordinal (创新实践之一, 典型做法二) or an assessment's item with its
ordinal (评估对象一, 评价事项2: ``item_markers``), then the title or nothing."""
PADDED_MARKER_RE = re.compile(r"^\s*(?P<n>0[1-9]|[1-9][0-9])(?P<rest>)\s*$")
"""A booklet's case marker: a two-digit number alone on its line (01 over the title). Read only in a document that
writes 01 so, since a bare number is otherwise a page number or a table's cell."""
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

_RUN_ON_TITLE = 40
"""The longest first sentence read as a case's title when its text runs on after it on the marker's line."""
_THEME_READ = 120
"""The characters read under a theme heading for the reform its paragraph names: its first sentences."""
TITLE_MATCH_MIN = 0.6
"""Similarity (difflib ratio on title keys) above which a table row and a section are the same case."""


@dataclass
class SplitResult:
    """The cases of a document, its summary table and what did not fit together."""

    cases: list[CaseText]
    table: list[TableRow]
    warnings: list[str]
    stated_count: tuple[int, Evidence] | None = None
    """How many cases the document's head says it holds, and where (graph/extract/_split_declared.py), or None."""
    repeated: list[CaseText] = field(default_factory=list)
    """When the rules found no case, the cases the document's repetition shows (graph/extract/_split_repetition.py):
    the pipeline takes them when its readers of paragraphs find none either."""


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
    rf"^(?P<t>\S.*?)\s*(?:——|—|－－|--|[【〔\[（(])\s*(?:(?:报送|推荐|提供|申报|供稿|选送)单位\s*[:：]\s*)?"
    rf"(?P<p>{_LABEL_UNIT})\s*(?:[（(][^（）()]{{2,24}}[)）])?\s*[】〕\]）)]?$"
)
"""A heading that ends with its provider after a dash or in brackets (title——X片区, 一、“交房即交证”改革——永吉县,
title【X局】, title（X海关）, title（推荐单位：X局）, also with the body's other name in brackets after it:
title（报送单位：X局（现为Y局））)."""


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


def _is_title_line(line: Line, table: TitleMatcher | None, listed: bool) -> bool:
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
    return table.best(key, 0.92)[0] >= 0 or (listed and contains_listed(key, table.keys) is not None)


def split_cases(document: Document) -> SplitResult:
    """Find the cases of ``document``; see the module docstring for the rules."""
    lines = text_lines(document.text)
    table, table_header, table_last = parse_table(document, lines)
    listed, contents_last = False, -1
    if table and (closed_at := closing_table(lines, [r.title for r in table], table_header, table_last)) is not None:
        lines, table_last = lines[:closed_at], -1  # 附表 repeating the cases after the last one: no case text
    if not table:  # the titles a collection lists before its cases, as a table (graph/extract/_split_declared.py)
        table, _, table_last = listed_rows(document, lines, clean_title, placed_heading)
        listed = bool(table)
        if listed and _marks_cases(lines, table_last + 1, {title_key(row.title) for row in table}):
            # a contents list of parts over marked cases it does not name (三、创新实践 / 创新实践之一　X): no list
            table, contents_last, table_last, listed = [], table_last, -1, False
    matcher = TitleMatcher([title_key(row.title) for row in table]) if table else None
    body_from = table_last + 1 if table else contents_last + 1

    starts: list[tuple[int, int, int | None]] = []  # (title line index, span start line index, marker number)
    pending_marker: tuple[int, int] | None = None  # (line index, number)
    wrapped: dict[int, str] = {}  # title line index -> its heading joined with the suffix on the next line
    padded = any(line.text.strip() == "01" for line in lines[body_from:])
    for i in range(body_from, len(lines)):
        line = lines[i]
        if fields := field_title_start(lines, i):  # 附件3 / 案例名称：X: a case laid out as a form
            starts.append((i, fields[0], fields[1]))
            pending_marker = None
            continue
        if (code := code_number(line.text)) is not None:  # 案例编号：JJDX-ZM-01 over the title line
            pending_marker = (i, code or len(starts) + 1)
            continue
        marker = (
            MARKER_RE.match(line.text)
            or MARKER_RE.match(OUTLINE_RE.sub("", line.text, count=1))  # 4.2　案例1：title, a thesis's section
            or (PADDED_MARKER_RE.match(line.text) if padded else None)
        )
        rest = re.sub(r"(?:\*\*|__)\s*$", "", marker["rest"]).strip() if marker else ""
        if marker and re.match(
            r"[至到~～—－-]+\s*(?:典型|创新)?案例", rest
        ):  # 案例1至案例6见第一单元: a range, no case
            marker = None
        if marker and not CASE_SUFFIX_RE.search(rest):
            number = parse_chinese_number(marker["n"])
            lead = re.match(rf"[^。！？!?]{{2,{_RUN_ON_TITLE}}}(?=。)", rest) if len(rest) > 80 else None
            if rest and (len(rest) <= 80 or lead) and number is not None:
                starts.append((i, i, number))
                pending_marker = None
                if lead:  # 案例一：X市“A”出让。X市参照…: the marker's title is the sentence its text runs on from
                    wrapped[i] = lead.group()
            elif number is not None:
                pending_marker = (i, number)
            continue
        ends_suffix = _ends_wrapped_suffix(lines, i)
        if ends_suffix and starts and starts[-1][0] == _previous_nonblank(lines, i):
            # 案例 26 / “X”复制 / 推广典型案例: the end of the suffix of the heading just started
            wrapped[starts[-1][0]] = lines[starts[-1][0]].text.strip() + line.text.strip()
            continue
        if ends_suffix and starts and starts[-1][0] != i - 1:
            previous = _previous_nonblank(lines, i)
            if (
                previous is not None
                and previous > body_from
                and (
                    _heading_style(lines[previous]) is not None
                    or (_is_plain_title(lines[previous]) and lines[previous].bare.startswith(("“", '"')))
                )
            ):  # 一、“X” / 复制推广案例, or “X”复制推广 / 典型案例 (a quoted title wrapped inside its suffix)
                starts.append((previous, previous, None))
                wrapped[previous] = lines[previous].text.strip() + line.text.strip()
                continue
        is_title = _is_title_line(line, matcher, listed)
        previous = _previous_nonblank(lines, i) if is_title else None
        if previous is not None and previous >= body_from:
            # “创新…‘一站式’ / 纠纷解决机制”复制推广典型案例, or …机制”复制 / 推广典型案例: a title wrapped before
            # or inside its suffix goes on on this line, which is no case of its own
            if starts and starts[-1][0] == previous and not CASE_SUFFIX_RE.search(lines[previous].bare):
                wrapped[previous] = lines[previous].text.strip() + line.text.strip()
                continue
            if _opens_quote(lines[previous].bare) and _is_plain_title(lines[previous]):
                starts.append((previous, previous, None))
                wrapped[previous] = lines[previous].text.strip() + line.text.strip()
                pending_marker = None
                continue
            if (
                _cut_by_page_break(lines, previous, i)
                and _heading_style(lines[previous])
                and not ORDINAL_RE.match(line.bare)
            ):
                # （四）融资租赁飞机异 / — 17 — / header / 地监管…案例（岳阳片区）: a heading cut by a page break
                starts.append((previous, previous, None))
                wrapped[previous] = lines[previous].text.strip() + line.text.strip()
                pending_marker = None
                continue
        if is_title or (pending_marker and _is_plain_title(line)):
            if pending_marker and i - pending_marker[0] <= 4:
                starts.append((i, pending_marker[0], pending_marker[1]))
            else:
                starts.append((i, i, None))
            pending_marker = None
        elif line.text.strip() and pending_marker and i - pending_marker[0] > 4:
            pending_marker = None
    starts = [s for s in starts if not contents_entry(lines[s[0]].text)]  # 案例一 title……3: the contents list
    # …复制推广典型案例 as the collection's own title, its first line, over cases of another layout: no case of its own
    title_only = len(starts) == 1 and starts[0][0] == _next_nonblank(lines, body_from)
    if not starts or title_only:
        structural = _structural_starts(lines, body_from)
        starts = structural if not starts or len(structural) >= 2 else starts
    rules = starts = marked_spans(lines, starts, body_from) if listed else starts
    titles = listed_titles(lines, starts, table, clean_title) if listed else {}  # title line -> heading without marks
    # unknown: graph/extract/_split_fallback.py; one suffixed heading alone may be a collection's own title anywhere
    # (an attachment's title under its notice) over cases of another layout
    lone = len(starts) == 1 and CASE_SUFFIX_RE.search(lines[starts[0][0]].bare) is not None
    if not starts or len(starts) < len(table) or title_only or listed or lone:
        found, found_titles = fallback_starts(lines, body_from, PROVIDER_RE.match)
        if listed and [s[0] for s in found] == [s[0] for s in starts]:  # the same headings, read in their parts
            titles = {**found_titles, **titles}
        # more headings than a list naming every case found (幻灯片 4 over a case's second slide): the list's stand
        complete = listed and len(starts) == len(table)
        starts, titles = (found, found_titles) if len(found) > len(starts) and not complete else (starts, titles)

    starts, titles, part_ends = _separated(lines, body_from, starts, titles)
    if entered := chosen_entries(lines, body_from, [s[0] for s in starts]):  # 【title】text, M月D日　text, 其一，“A”。
        starts = [(t, t, k) for k, t in enumerate(entered.titles, 1)]
        titles, part_ends = entered.names, entry_ends(lines, entered)
    starts, titles, groups = _grouped(lines, body_from, starts, titles)
    stated = stated_count(document, lines, starts[0][1] if len(starts) >= 2 else 60)
    if stated is not None:  # the split of the stated count, among those the rules can make
        candidates: list[Callable[[], Iterable[Split]]] = [
            lambda: [(rules, {})],
            lambda: [(s, {}) for s in _structural_families(lines, body_from).values()],
            lambda: [fallback_starts(lines, body_from, PROVIDER_RE.match)],
            lambda: style_families(lines, body_from, _heading_style),
            lambda: shape_families(lines, body_from),
            lambda: heading_families(lines, body_from, PROVIDER_RE.match),  # ❖ title, a bare title over prose
        ]
        numbered = partial(shape_families, lines, body_from)
        heads = {g.index for g in groups}
        starts, titles = counted_split(stated[0], (starts, titles), candidates, numbered, lines, heads)
        # 承办单位<TAB>X / 督办事项<TAB>title: a form's record opens at its first field, over its title field
        starts = [(t, min(a, record_start(lines, t)), k) for t, a, k in starts]
    starts = with_kickers(lines, _in_order(starts))  # 引题 / title: a report's kicker is its own line
    media = None
    if points := point_split(lines, body_from):  # 点位1　X / 观摩内容：title / 讲解单位：Y: a handbook's points
        starts = [(t, points.starts[t], k) for k, t in enumerate(points.titles, 1)]
        titles, part_ends, groups = points.titles, points.ends, []
    elif not (stated and stated[0] == len(starts)) and (media := media_split(lines, body_from, [s[0] for s in starts])):
        # ▶ 0N｜, 【电讯N】, 系列报道之N: a media text's items, unless the split so far has the count the head states
        starts = [(t, a, k) for k, (t, a) in enumerate(zip(media.titles, media.starts, strict=True), 1)]
        titles, part_ends, groups, entered = media.names, dict(zip(media.titles, media.ends, strict=True)), [], None
    deferred = not starts  # no case at all: the pipeline's readers of paragraphs go first, these cases after them
    if repeated := _repeated(lines, body_from, starts, stated[0] if stated else None):
        # a layout no rule describes: the cases its own repetition shows (graph/extract/_split_repetition.py)
        starts = [(t, t, k) for k, t in enumerate(repeated.titles, 1)]
        titles, part_ends, groups, entered, points, media = repeated.names, repeated.ends, [], None, None, None

    starts = with_notes(lines, starts)  # 【编者按】X区借鉴… / headline: each item's note is its own text
    warnings: list[str] = []
    cases: list[CaseText] = []
    closers = [g.index for g in groups] + part_headings(lines, body_from)  # 一、X市 / 第二部分　theme: no case's text
    closers += [outline] if (outline := outline_end(lines, starts)) is not None else []  # 三、存在问题 after 二、…
    boxed = _box_ends(lines, starts)
    for k, (title_index, span_index, number) in enumerate(starts):
        end_index = starts[k + 1][1] if k + 1 < len(starts) else len(lines)
        end_index = min([end_index, *(i for i in closers if title_index < i < end_index)])
        end_index = min(end_index, boxed[k]) if boxed else end_index
        end_index = min(end_index, part_ends.get(title_index, end_index))
        title_line = lines[title_index]
        start = lines[span_index].start
        end = lines[end_index - 1].end if end_index - 1 >= span_index else title_line.end
        closing = CLOSING_BLOCK_RE.search(document.text, title_line.end, end) if k + 1 == len(starts) else None
        if closing:  # the last case ends before the distribution block (抄送：…)
            end = len(document.text[: closing.start()].rstrip())
        if k + 1 == len(starts):  # …and before a web page's end mark and credits (—— END ——, 编辑：X)
            end = max(article_end(document.text, title_line.end, end), title_line.end)
        trail = len(title_line.text) - len(title_line.text.rstrip().rstrip("*").rstrip())
        lead_end = entered.heads.get(title_index) if entered else None  # an entry's heading is its lead alone
        heading_end = title_line.start + lead_end if lead_end is not None else title_line.end - trail
        heading = document.evidence(title_line.start + _lead(title_line.text), heading_end)
        title = clean_title(
            titles.get(title_index)
            or wrapped.get(title_index, title_line.text.rstrip() + _continued_heading(lines, title_index))
        )
        if form := form_title([x.text for x in lines[title_index:end_index]]):
            title = clean_title(form[1])  # 督办编号 / 承办单位 / 督办事项<TAB>title: the form's title field
        theme_end = document.text.find(title, title_line.start, end) + len(title)
        if theme_title(title) and (named := named_reform(document.text[theme_end : min(end, theme_end + _THEME_READ)])):
            title = clean_title(named)  # （一）在X方面。Y区…推出“A”: the heading names a theme, the text the reform
        group = group_of(groups, title_index)
        cases.append(
            CaseText(
                document,
                number,
                title,
                heading,
                start,
                end,
                group=(group.name, group.start, group.end) if group else None,
                given_provider=given.providers.get(title_index) if (given := points or media) else None,
            )
        )

    if cut := shared_lead([case.title for case in cases]):  # 故事—A, 故事—B: the family's mark, not the titles'
        for case in cases:
            case.title = case.title[cut:]
    give_entry_providers(cases, lines, entered)
    _match_table(cases, table, matcher, warnings, document)
    if deferred:
        return SplitResult([], table, warnings, stated, repeated=cases)
    if cases and (disagrees := count_warning(str(document.path), stated, len(cases))):
        warnings.append(disagrees)
    return SplitResult(cases, table, warnings, stated)


def _repeated(
    lines: list[Line], body_from: int, starts: list[tuple[int, int, int | None]], stated: int | None
) -> Repeated | None:
    """The split by repetition when the rules' own is clearly short of it: they found one case or none, or not the
    count the head states while their cases are not numbered one to the last by the document itself and read less
    like cases than the repetition's; else None, so a split the rules read right stands."""
    found = len(starts)
    if found >= 2 and (stated is None or stated == found):
        return None
    if found >= 2 and [s[2] for s in starts] == list(range(1, found + 1)):
        return None  # 案例一 … 案例四: the document numbers its cases itself, whatever its head says
    repeated = repeated_split(lines, body_from, stated)
    if repeated is None or repeated.score < ACCEPT_SCORE:
        return None
    own = split_score(lines, [s[0] for s in starts], len(lines)) if found >= 2 else 0.0
    if stated:  # the rules' split is as far from agreeing as its count is from the stated one
        own *= max(0.0, 1 - abs(found - stated) / stated)
    return repeated if repeated.score > own else None


def _grouped(
    lines: list[Line], body_from: int, starts: list[tuple[int, int, int | None]], titles: dict[int, str]
) -> tuple[list[tuple[int, int, int | None]], dict[int, str], list[Group]]:
    """Cases grouped under place headings (graph/extract/_split_groups.py): the group headings open no case; when the
    rules so far left a group with no case, the fallback's family is taken if it gives more groups their cases; and
    numbering that starts again in each group is replaced by the cases' order."""
    candidates = group_candidates(lines, body_from)
    if len(candidates) < 2:
        return starts, titles, []
    groups = heading_groups(candidates, [s[0] for s in starts])
    if len(groups) < len(candidates):
        found, found_titles = fallback_starts(lines, body_from, PROVIDER_RE.match)
        better = heading_groups(candidates, [s[0] for s in found])
        if len(better) > len(groups):
            starts, titles, groups = found, found_titles, better
    if not groups:
        return starts, titles, []
    heads = {g.index for g in candidates}
    return [s for s in starts if s[0] not in heads], titles, groups


def _separated(
    lines: list[Line], body_from: int, starts: list[tuple[int, int, int | None]], titles: dict[int, str]
) -> tuple[list[tuple[int, int, int | None]], dict[int, str], dict[int, int]]:
    """The split by separator lines (graph/extract/_split_separators.py) when it finds at least as many cases as
    ``starts``: each case ends where its part ends. Headings already found on the parts' title lines keep the titles
    read for them; as many headings elsewhere that are titles stand; otherwise (fewer cases, a speaker or date line
    taken for the heading) each part's title line heads its case."""
    parted = pasted_split(lines, body_from) or separated_split(lines, body_from)
    if parted is None or len(parted.titles) < len(starts):
        return starts, titles, {}
    ends = dict(zip(parted.titles, parted.ends, strict=True))
    if parted.names:  # attachments or announced cases, numbered in order (附件N, 第N个): their own titles and spans
        return (
            [(t, a, k) for k, (t, a) in enumerate(zip(parted.titles, parted.starts, strict=True), 1)],
            parted.names,
            ends,
        )
    if [s[0] for s in starts] != parted.titles:
        headed = all(title_like(lines[s[0]].text) and not skipped_line(lines[s[0]].text) for s in starts)
        if headed and len(parted.titles) == len(starts):  # as many cases under titles of their own: theirs stand
            return starts, titles, {}
        starts, titles = [(t, a, None) for t, a in zip(parted.titles, parted.starts, strict=True)], {}
    # a part's title: both halves of a headline the rules read the first half of (“A”上线　B提速), without a speaker
    # line joined to it, its provider brackets (title（X推荐）) or a closing colon (a message's first line: “A”做法：)
    own = {}
    for t in ends:
        whole, read = fallback_title(lines[t].text.strip()), titles.get(t, "")
        halves = read and whole.startswith(read) and whole[len(read) : len(read) + 1].isspace()
        own[t] = without_furniture(lines, t, whole if halves or not read else read)
    return starts, {**titles, **{t: title.rstrip("：:") for t, title in own.items()}}, ends


def _box_ends(lines: list[Line], starts: list[tuple[int, int, int | None]]) -> list[int]:
    """Where each case ends when every case is a box closed by its source line after its text (专栏1：title …
    （资料来源：X）): right after that line, so the report's analysis between two boxes belongs to no case; [] when
    some case has no such closing line (a 来源：X line under a title opens its case's text, it closes nothing)."""
    source = box_source_re()
    ends = []
    for k, (title_index, _, _) in enumerate(starts):
        end_index = starts[k + 1][1] if k + 1 < len(starts) else len(lines)
        closing = [i for i in range(title_index + 1, end_index) if source.match(lines[i].text)]
        text_above = sum(len(line.text.strip()) for line in lines[title_index + 1 : closing[-1]]) if closing else 0
        if text_above < MIN_CASE_CHARS:
            return []
        ends.append(closing[-1] + 1)
    return ends


def _in_order(starts: list[tuple[int, int, int | None]]) -> list[tuple[int, int, int | None]]:
    """Numbering that starts again (1．2． | 1．2． under 第一部分 / 第二部分 by theme, or （一）（二） | （一） under
    place groups) numbers cases within their part, not in the collection, and numbering that runs on from past 1
    (案例7 to 案例10 in one unit of a compilation) numbers them in a longer series: the cases are then numbered in
    order."""
    numbers = [s[2] for s in starts if s[2] is not None]
    # 案例7 … 案例10 in one unit of a longer compilation: numbered in a series that began elsewhere, so in order here
    runs_on = (
        len(numbers) == len(starts) >= 2 and numbers[0] > 1 and numbers == list(range(numbers[0], numbers[-1] + 1))
    )
    if runs_on or any(b <= a for a, b in itertools.pairwise(numbers)):
        return [(t, span, None) for t, span, _ in starts]
    return starts


def _cut_by_page_break(lines: list[Line], previous: int, i: int) -> bool:
    """True when only masked page furniture lies between lines ``previous`` and ``i``: the page number and running
    header blanked by graph/sources/page_furniture.py (spaces of their length, unlike an empty line)."""
    between = lines[previous + 1 : i]
    return (
        bool(between)
        and any(line.text and not line.text.strip() for line in between)
        and not CASE_SUFFIX_RE.search(lines[previous].bare)
    )


def _continued_heading(lines: list[Line], index: int) -> str:
    """The rest of a heading cut by a page break inside a quote (三、崇左片区：边境贸易“互市+加 / page number and
    running header / 工”监管模式): the line after the masked page furniture, when it closes the quote; else ""."""
    if not _opens_quote(lines[index].bare):
        return ""
    j = index + 1
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    if j >= len(lines) or not _cut_by_page_break(lines, index, j):
        return ""
    rest = lines[j].text.strip()
    closes = rest.find("”")
    return rest if 0 <= closes <= 12 and len(rest) <= 30 and not _heading_style(lines[j]) else ""


def _marks_cases(lines: list[Line], body_from: int, listed: set[str]) -> bool:
    """True when the body from ``body_from`` marks its cases with titled markers numbered from one (创新实践之一　X,
    创新实践之二　Y), or with any mark counting on (『A』 X, 壹— Y) or one symbol (❖ X, ❖ Y) over headings that each
    name a reform, whose titles the list above (``listed``, title keys) does not hold: the list then names the
    document's parts, not its cases."""
    numbers = []
    for line in lines[body_from:]:
        marker = MARKER_RE.match(line.text)
        rest = marker["rest"].strip() if marker else ""
        if marker and rest and not CASE_SUFFIX_RE.search(rest):
            if title_key(clean_title(rest)) in listed:
                return False
            numbers.append(parse_chinese_number(marker["n"]))
    if numbers[:2] == [1, 2]:
        return True
    symbols: dict[str, list[str]] = {}  # ❖ title, ※ title: a symbol's family, numbered or not
    for line in lines[body_from:]:
        words, marked = strip_marks(line.bare)
        if marked and 4 <= len(words) <= 60 and not words.endswith(("。", "；")):
            symbols.setdefault(line.bare[: len(line.bare) - len(words)].strip(), []).append(words)
    families = [list(t.values()) for _, t in shape_families(lines, body_from)]  # 『A』 title, 壹— title: counting on
    for titles in [*families, *(t for t in symbols.values() if len(t) >= 2)]:
        if all(names_reform(t) for t in titles) and not any(title_key(clean_title(t)) in listed for t in titles):
            return True
    return False


def _ends_wrapped_suffix(lines: list[Line], i: int) -> bool:
    """True when line ``i`` holds the end of a case-title suffix whose start is on the line before (复制推广案例
    alone, or 典型案 / 例, or 复制推广 / 典型案例): a heading wrapped at any character, as a PDF wraps CJK."""
    if _is_suffix_only(lines[i]):
        return True
    previous = _previous_nonblank(lines, i)
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


def _opens_quote(text: str) -> bool:
    """True when ``text`` opens a “quote it does not close: a heading that goes on on the next line."""
    return text.count("“") > text.count("”")


def _previous_nonblank(lines: list[Line], i: int) -> int | None:
    j = i - 1
    while j >= 0 and not lines[j].text.strip():
        j -= 1
    return j if j >= 0 else None


def _next_nonblank(lines: list[Line], i: int) -> int | None:
    return next((j for j in range(i, len(lines)) if lines[j].text.strip()), None)


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip().lstrip("#").lstrip().lstrip("*").lstrip())


def _is_plain_title(line: Line) -> bool:
    """A short line that is not a sentence or a provider line: the title under a bare "案例一" marker."""
    bare = line.bare
    return 2 <= len(bare) <= 60 and not bare.endswith(("。", "；", "：", ":")) and not PROVIDER_RE.match(bare)


def _heading_style(line: Line) -> str | None:
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


def _structural_starts(lines: list[Line], body_from: int) -> list[tuple[int, int, int | None]]:
    """The largest of the structural families."""
    return max(_structural_families(lines, body_from).values(), key=len, default=[])


def _structural_families(lines: list[Line], body_from: int) -> dict[str, list[tuple[int, int, int | None]]]:
    """Headings known only by the document's structure: with no 案例 markers, no suffixed titles and no table
    rows, the lines marked one way (bold, 一、, （一）) that are each followed by a provider line are the cases, or
    else those whose every block ends with one (（一）title … 【报送单位】X). "一、主要做法" inside a case is never
    followed by a provider line nor ends a block with one, so section headings stay sections."""
    found: dict[str, list[tuple[int, int, int | None]]] = {}
    candidates: dict[str, list[tuple[int, int, int | None]]] = {}
    placed: dict[str, list[tuple[int, int, int | None]]] = {}
    for i in range(body_from, len(lines)):
        bare = lines[i].bare
        style = _heading_style(lines[i])
        if style is None or not bare or len(bare) > 80 or bare.endswith(("。", "；")) or contents_entry(bare):
            continue  # a contents line repeats a heading but opens no case
        following = [line for line in lines[i + 1 : i + 6] if line.text.strip()][:2]
        outline = OUTLINE_RE.match(bare)
        ordinal = re.match(
            rf"^[（(]?\s*(?P<n>[{NUMERAL_CLASS}]+)\s*[)）、.．]",
            re.split(r"[.．]", outline["n"])[-1] + "．" if outline else bare,
        )
        number = parse_chinese_number(ordinal["n"]) if ordinal and style != "bold" else None
        if following and PROVIDER_RE.match(following[0].text):
            found.setdefault(style, []).append((i, i, number))
        else:
            candidates.setdefault(style, []).append((i, i, number))
        if placed_heading(ORDINAL_RE.sub("", bare, count=1)):  # 一、（西咸新区）title: the provider opens the heading
            placed.setdefault(style, []).append((i, i, number))
    for style, starts in placed.items():
        if len(starts) >= 2:
            found.setdefault("placed " + style, starts)
        # 1．title（X市） and 1．title over 报送单位：Y in one collection: headings of one style that each name their
        # provider, one way or the other
        mixed = sorted({*starts, *found.get(style, [])})
        if len(mixed) > len(starts) and len(mixed) > len(found.get(style, [])):
            found["provided " + style] = mixed
    for style, starts in list(found.items()):  # 一、title / 提供单位：X, 二、title（X）, then 三、title over prose
        if (counted := _counted_on(lines, starts, candidates.get(style.split(" ")[-1], []))) is not None:
            found["counted " + style] = counted
    for (
        style,
        starts,
    ) in candidates.items():  # （一）title … 【报送单位】X: every block of the style ends with its provider
        ends = [s[0] for s in starts[1:]] + [len(lines)]
        closed = [s for s, end in zip(starts, ends, strict=True) if _ends_with_provider(lines, s[0], end)]
        if len(closed) >= 2 and len(closed) == len(starts):
            found.setdefault("closing " + style, closed)
    return found


def _counted_on(
    lines: list[Line], starts: list[tuple[int, int, int | None]], others: list[tuple[int, int, int | None]]
) -> list[tuple[int, int, int | None]] | None:
    """A family of headings that name their providers (``starts``) with the headings of its style between and after
    them (``others``) that number on with it, when together they count from one without a gap and each added heading
    heads a body of case size, the heading naming a reform or the body reporting one (a figure and words of action):
    a collection that keeps each unit's own form writes some cases' providers under their headings and others in
    their text, under one numbering. None when nothing is added or the numbers do
    not run; a part numbered on after the cases (三、存在问题) names and reports none and ends the run."""
    if len(starts) < 2 or any(s[2] is None for s in starts):
        return None
    merged = sorted({*starts, *(s for s in others if s[0] > starts[0][0] and s[2] is not None)})
    run: list[tuple[int, int, int | None]] = []
    for k, start in enumerate(merged):
        if start[2] != len(run) + 1:
            break
        end = merged[k + 1][0] if k + 1 < len(merged) else len(lines)
        body = sum(len(line.text.strip()) for line in lines[start[0] + 1 : end])
        named = names_reform(fallback_title(lines[start[0]].bare)) or reports_a_reform(lines[start[0] + 1 : end])
        if start not in starts and (body < MIN_CASE_CHARS or not named):
            break
        run.append(start)
    return run if len(run) > len(starts) and set(starts) <= set(run) else None


def _ends_with_provider(lines: list[Line], start: int, end: int) -> bool:
    """True when the last non-blank line of lines ``start+1 .. end-1`` before a 抄送 block is a provider line."""
    block = [line for line in lines[start + 1 : end] if line.text.strip()]
    while block and CLOSING_BLOCK_RE.match(block[-1].text):
        block.pop()
    return bool(block) and PROVIDER_RE.match(block[-1].text) is not None


def _match_table(
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
