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

from ftzgraph.graph.extract._split_bounds import box_ends, closing_table, outline_end, with_kickers, with_notes
from ftzgraph.graph.extract._split_casebook import code_number
from ftzgraph.graph.extract._split_counted import (
    counted_split,
    marked_spans,
    shape_families,
    style_families,
    title_like,
)
from ftzgraph.graph.extract._split_declared import Split, count_warning, listed_rows, listed_titles, stated_count
from ftzgraph.graph.extract._split_entries import chosen_entries, entry_ends, give_entry_providers
from ftzgraph.graph.extract._split_fallback import fallback_starts, heading_families
from ftzgraph.graph.extract._split_fields import field_title_start, form_title, record_start
from ftzgraph.graph.extract._split_furniture import article_end, contents_entry
from ftzgraph.graph.extract._split_groups import (
    Group,
    group_candidates,
    group_of,
    heading_groups,
    part_headings,
)
from ftzgraph.graph.extract._split_lead_titles import pointed_reform, progress_heading, theme_title
from ftzgraph.graph.extract._split_lines import Line, text_lines
from ftzgraph.graph.extract._split_media import first_name, media_split
from ftzgraph.graph.extract._split_news import closing_start, news_stretches, paragraph_provider, slogan_title
from ftzgraph.graph.extract._split_pasted import pasted_split
from ftzgraph.graph.extract._split_points import point_split
from ftzgraph.graph.extract._split_reform_names import reform_phrase
from ftzgraph.graph.extract._split_repetition import ACCEPT_SCORE, Repeated, repeated_split, split_score
from ftzgraph.graph.extract._split_runin import block_family
from ftzgraph.graph.extract._split_separators import separated_split, skipped_line, without_furniture
from ftzgraph.graph.extract._split_shapes import (
    shared_lead,
)
from ftzgraph.graph.extract._split_structure import marks_cases, structural_families, structural_starts
from ftzgraph.graph.extract._split_summary import parse_table
from ftzgraph.graph.extract._split_titles import (
    BOX_LABEL_RE,
    CASE_SUFFIX_RE,
    CLOSING_BLOCK_RE,
    MARKER_RE,
    ORDINAL_RE,
    OUTLINE_RE,
    PADDED_MARKER_RE,
    PROVIDER_RE,
    clean_title,
    continued_heading,
    cut_by_page_break,
    ends_wrapped_suffix,
    heading_style,
    is_plain_title,
    is_title_line,
    match_table,
    next_nonblank,
    opens_quote,
    placed_heading,
    previous_nonblank,
)
from ftzgraph.graph.extract._split_units import fallback_title
from ftzgraph.graph.extract._split_whole import reads_as_a_case
from ftzgraph.graph.model import CaseText, Document, Evidence, TableRow
from ftzgraph.graph.text import TitleMatcher, parse_chinese_number, title_key

_RUN_ON_TITLE = 40
"""The longest first sentence read as a case's title when its text runs on after it on the marker's line."""
_reads_as_case = partial(reads_as_a_case, paragraph=True, words=1)
"""A paragraph of a news item reads as a case as a paragraph led by its place does (graph/extract/_split_whole.py)."""
_THEME_READ = 120
"""The characters read under a theme heading for the reform its paragraph names: its first sentences."""


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
        if listed and marks_cases(lines, table_last + 1, {title_key(row.title) for row in table}):
            # a contents list of parts over marked cases it does not name (三、创新实践 / 创新实践之一　X): no list
            table, contents_last, table_last, listed = [], table_last, -1, False
    matcher = TitleMatcher([title_key(row.title) for row in table]) if table else None
    body_from = table_last + 1 if table else contents_last + 1

    starts: list[tuple[int, int, int | None]] = []  # (title line index, span start line index, marker number)
    pending_marker: tuple[int, int] | None = None  # (line index, number)
    wrapped: dict[int, str] = {}  # title line index -> its heading joined with the suffix on the next line
    padded = any(line.text.strip() == "01" for line in lines[body_from:])
    # boxes are a family: one box among cases of other forms (a report's 【专栏1】 beside its run-in paragraphs) is
    # left to the readers of those forms
    boxes = sum(1 for line in lines[body_from:] if BOX_LABEL_RE.match(line.text)) >= 2
    for i in range(body_from, len(lines)):
        line = lines[i]
        if fields := field_title_start(lines, i):  # 附件3 / 案例名称：X: a case laid out as a form
            starts.append((i, fields[0], fields[1]))
            pending_marker = None
            continue
        if (code := code_number(line.text)) is not None:  # 案例编号：JJDX-ZM-01 over the title line
            pending_marker = (i, code or len(starts) + 1)
            continue
        if boxes and (box := BOX_LABEL_RE.match(line.text)):  # ┌专栏1┐ over the box's title line, or 专栏1　title
            if box["rest"]:
                starts.append((i, i, parse_chinese_number(box["n"]) or len(starts) + 1))
                wrapped[i], pending_marker = box["rest"], None
            else:
                pending_marker = (i, parse_chinese_number(box["n"]) or len(starts) + 1)
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
        ends_suffix = ends_wrapped_suffix(lines, i)
        if ends_suffix and starts and starts[-1][0] == previous_nonblank(lines, i):
            # 案例 26 / “X”复制 / 推广典型案例: the end of the suffix of the heading just started
            wrapped[starts[-1][0]] = lines[starts[-1][0]].text.strip() + line.text.strip()
            continue
        if ends_suffix and starts and starts[-1][0] != i - 1:
            previous = previous_nonblank(lines, i)
            if (
                previous is not None
                and previous > body_from
                and (
                    heading_style(lines[previous]) is not None
                    or (is_plain_title(lines[previous]) and lines[previous].bare.startswith(("“", '"')))
                )
            ):  # 一、“X” / 复制推广案例, or “X”复制推广 / 典型案例 (a quoted title wrapped inside its suffix)
                starts.append((previous, previous, None))
                wrapped[previous] = lines[previous].text.strip() + line.text.strip()
                continue
        is_title = is_title_line(line, matcher, listed)
        previous = previous_nonblank(lines, i) if is_title else None
        if previous is not None and previous >= body_from:
            # “创新…‘一站式’ / 纠纷解决机制”复制推广典型案例, or …机制”复制 / 推广典型案例: a title wrapped before
            # or inside its suffix goes on on this line, which is no case of its own
            if starts and starts[-1][0] == previous and not CASE_SUFFIX_RE.search(lines[previous].bare):
                wrapped[previous] = lines[previous].text.strip() + line.text.strip()
                continue
            if opens_quote(lines[previous].bare) and is_plain_title(lines[previous]):
                starts.append((previous, previous, None))
                wrapped[previous] = lines[previous].text.strip() + line.text.strip()
                pending_marker = None
                continue
            if (
                cut_by_page_break(lines, previous, i)
                and heading_style(lines[previous])
                and not ORDINAL_RE.match(line.bare)
            ):
                # （四）融资租赁飞机异 / — 17 — / header / 地监管…案例（岳阳片区）: a heading cut by a page break
                starts.append((previous, previous, None))
                wrapped[previous] = lines[previous].text.strip() + line.text.strip()
                pending_marker = None
                continue
        if is_title or (pending_marker and is_plain_title(line)):
            if pending_marker and i - pending_marker[0] <= 4:
                starts.append((i, pending_marker[0], pending_marker[1]))
            else:
                starts.append((i, i, None))
            pending_marker = None
        elif line.text.strip() and pending_marker and i - pending_marker[0] > 4:
            pending_marker = None
    starts = [s for s in starts if not contents_entry(lines[s[0]].text)]  # 案例一 title……3: the contents list
    # …复制推广典型案例 as the collection's own title, its first line, over cases of another layout: no case of its own
    title_only = len(starts) == 1 and starts[0][0] == next_nonblank(lines, body_from)
    if not starts or title_only:
        structural = structural_starts(lines, body_from)
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
            lambda: [(s, {}) for s in structural_families(lines, body_from).values()],
            lambda: [fallback_starts(lines, body_from, PROVIDER_RE.match)],
            lambda: style_families(lines, body_from, heading_style),
            lambda: shape_families(lines, body_from),
            lambda: heading_families(lines, body_from, PROVIDER_RE.match),  # ❖ title, a bare title over prose
            lambda: block_family(lines, body_from),  # blocks of mixed form, each a named reform (_split_runin.py)
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
        # …unless the rules found at most one case and a news item's paragraphs, each led by who acts, are more
        # (graph/extract/_split_news.py): the pipeline's readers of paragraphs then go first
        told = news_stretches(document.text, _reads_as_case) if len(starts) <= 1 else []
        deferred = deferred or len(told) > len(repeated.titles)
        # a layout no rule describes: the cases its own repetition shows (graph/extract/_split_repetition.py)
        starts = [(t, t, k) for k, t in enumerate(repeated.titles, 1)]
        titles, part_ends, groups, entered, points, media = repeated.names, repeated.ends, [], None, None, None

    starts = with_notes(lines, starts)  # 【编者按】X区借鉴… / headline: each item's note is its own text
    warnings: list[str] = []
    cases: list[CaseText] = []
    closers = [g.index for g in groups] + part_headings(lines, body_from)  # 一、X市 / 第二部分　theme: no case's text
    closers += [outline] if (outline := outline_end(lines, starts)) is not None else []  # 三、存在问题 after 二、…
    boxed = box_ends(lines, starts)
    head_start = lines[starts[0][1]].start if starts else 0  # where the head before the first case ends
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
            # …and a news item's before its closing paragraph (下一步，…将…: graph/extract/_split_news.py)
            end = max(closing_start(document.text, head_start, title_line.start, end), title_line.end)
        trail = len(title_line.text) - len(title_line.text.rstrip().rstrip("*").rstrip())
        lead_end = entered.heads.get(title_index) if entered else None  # an entry's heading is its lead alone
        heading_end = title_line.start + lead_end if lead_end is not None else title_line.end - trail
        heading = document.evidence(title_line.start + _lead(title_line.text), heading_end)
        title = clean_title(
            titles.get(title_index)
            or wrapped.get(title_index, title_line.text.rstrip() + continued_heading(lines, title_index))
        )
        if form := form_title([x.text for x in lines[title_index:end_index]]):
            title = clean_title(form[1])  # 督办编号 / 承办单位 / 督办事项<TAB>title: the form's title field
        theme_end = document.text.find(title, title_line.start, end) + len(title)
        under = document.text[theme_end : min(end, theme_end + _THEME_READ)]
        if theme_title(title):  # （一）在X方面。Y区…推出“A”: the heading names a theme, the text the reform
            named = pointed_reform(under) or (first_name(under) if progress_heading(title) else None)
            title = clean_title(named or reform_phrase(under) or title)
        elif slogan_title(title) and (named := pointed_reform(under)):
            title = clean_title(named)  # a journalist's slogan over the practice its paragraph names
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
                given_provider=given.providers.get(title_index)
                if (given := points or media)
                else paragraph_provider(document.text, head_start, title_line.start, title_line.end),
            )
        )

    if cut := shared_lead([case.title for case in cases]):  # 故事—A, 故事—B: the family's mark, not the titles'
        for case in cases:
            case.title = case.title[cut:]
    give_entry_providers(cases, lines, entered)
    match_table(cases, table, matcher, warnings, document)
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


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip().lstrip("#").lstrip().lstrip("*").lstrip())
