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

One line is read as a possible heading by graph/extract/_split_headings.py, the units a case names as its provider by
graph/extract/_split_units.py, and the words and marks both read by graph/extract/_split_words.py. Only words of the
genre and layout marks are read; nothing here names a document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ftzgraph.graph.extract._split_furniture import rendered_line
from ftzgraph.graph.extract._split_groups import group_candidates
from ftzgraph.graph.extract._split_headings import (
    Heading,
    heading_continuation,
    heading_under_number,
    line_heading,
    other_field,
    section_label_count,
)
from ftzgraph.graph.extract._split_leads import (
    acting_subject,
    news_lead_end,
    speaker_unit,
)
from ftzgraph.graph.extract._split_shapes import WORD_LEAD_RE, names_reform, tag_line
from ftzgraph.graph.extract._split_unit_lines import bracketed_unit, dated_unit
from ftzgraph.graph.extract._split_units import fallback_title, labelled_provider, reported_provider
from ftzgraph.graph.extract._split_words import FIGURE_RE, MIN_CASE_CHARS, fallback_words

if TYPE_CHECKING:
    from ftzgraph.graph.extract._split_lines import Line


def _runs(headings: list[Heading]) -> list[list[Heading]]:
    """One style's headings cut where the numbering does not go on (an attachment list 1．2．3． before the cases
    1．2．3．, a case's own points): each run is a candidate family. One skipped number is allowed: a heading lost in
    conversion (案例七, then 案例九) leaves its case inside the one before, which is better than no case at all."""
    runs: list[list[Heading]] = []
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


def _restarted(runs: list[list[Heading]]) -> list[list[Heading]]:
    """Runs joined where the numbering starts again at 1 (（一）（二） under 一、贸易类, then （一） under 二、投资类):
    cases numbered within groups. Tried beside the runs themselves; a join with an attachment list fails the
    case-size test and is not taken."""
    joined: list[list[Heading]] = []
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
    by_style = _headings_by_style(lines, body_from, is_provider, end_index)
    need = int(fallback_words()["min_section_words"])
    groups = [
        g.index for g in group_candidates(lines, body_from)
    ]  # （一）X市 over 1．title: the group names the provider
    groups = groups if len(groups) >= 2 else []
    best: list[Heading] = []
    marked: list[Heading] = []
    for style, headings in list(by_style.items()):  # one numbering at two heading levels (## 案例一, ### 案例十)
        plain = re.sub(r"^(?:h\d)?b?s?", "", style)
        if plain and plain != style and plain not in ("bare", "alone"):
            by_style.setdefault("any " + plain, []).extend(headings)
    if "bare" in by_style and "bare over section" in by_style:  # titles with no mark, some over their provider
        by_style["any bare"] = by_style["bare"] + by_style["bare over section"]
    for headings in by_style.values():
        headings.sort(key=lambda h: h.index)
        for run in [*_runs(headings), *_restarted(_runs(headings))]:
            if len(run) < 2 or (len({h.text for h in run}) == 1 and all(h.number is None for h in run)):
                continue  # one unnumbered line repeated over every part (a shot table's header 镜号｜景别｜…): no title
            ends = [h.index for h in run[1:]] + [end_index]
            sections = [lines[h.index + 1 : end] for h, end in zip(run, ends, strict=True)]
            announced = _announces_cases(lines, run[0].index)  # 二、学习到的典型做法 over 1．title: the items are cases
            fit = [  # a case is laid out in sections (two section words, or one over text that reports a reform and
                # its figures), or names its provider: a line opening it (申报单位：X, （X报送）), or its heading's
                # trailing brackets (1．title（都匀市推荐）), or it runs on in its heading
                h.inline
                or (
                    sum(len(line.text.strip()) for line in s) >= MIN_CASE_CHARS
                    and (
                        (labels := section_label_count(s)) >= need
                        or (labels >= 1 and reports_a_reform(s))
                        or _opens_with_label(s, is_provider)
                        or _heading_names_provider(h.text)
                        or _closes_with_provider(s, is_provider)
                        or any(reported_provider(line.text) for line in s)
                        or (_under_group(h.index, groups) and _states_a_figure(s))
                        or (announced and reports_a_reform(s))
                        or (h.style.endswith("question") and reports_a_reform(s))  # a quiz item on “A” and its answer
                    )
                )
                for h, s in zip(run, sections, strict=True)
            ]
            # the most headings, then the outer family (its headings open first: 🔹案例一 over 👉怎么做); a part's
            # heading marked like the cases right over the first of them (◆ 改革亮点 / ◆ title) heads none
            lead = next((k for k, s in enumerate(sections) if _sized(s)), len(sections))
            # a closing part numbered on after the cases (五、几点建议（略）, then the writer's line) heads no case; a
            # short last case names its reform, which such a part does not
            tail = len(run)
            while (
                tail > lead + 1
                and not _sized(sections[tail - 1])
                and not names_reform(fallback_title(run[tail - 1].text))
            ):
                tail -= 1
            run, sections, fit = run[:tail], sections[:tail], fit[:tail]
            if _family_rank(run[lead:]) > _family_rank(marked) and _marked_family(run[lead:], sections[lead:]):
                marked = run[lead:]
            whole = _kept_forms(run, fit, sections)  # each unit's own form under headings counting from one
            # a document title marked like the cases goes first
            first = 0 if whole else fit.index(True) if True in fit else len(fit)
            run = run[first:]
            if len(run) >= 2 and (whole or all(fit[first:])) and len(run) > len(best):
                best = run
    best = best or marked  # sections with no section words: only a distinctly marked family of case-like text
    best = _with_named_members(lines, best, end_index, is_provider)
    starts = [(h.index, h.start, h.number) for h in best]
    return starts, {h.index: fallback_title(h.text) for h in best}


def _next_text(lines: list[Line], start: int, end_index: int) -> int | None:
    """The index of the first line from ``start`` before ``end_index`` holding text, or None."""
    return next((k for k in range(start, end_index) if lines[k].text.strip()), None)


def _with_named_members(
    lines: list[Line], run: list[Heading], end_index: int, is_provider: Callable[[str], object]
) -> list[Heading]:
    """``run`` with the numbered paragraphs right before and after a family of whole-case paragraphs that tell a case
    without the genre's words of copying (a report's last practice, its own or brought in: 推行“A”…, 引进…做法): the
    next number in the same style, naming a reform in quotes and stating a figure. Only a family of two or more such
    paragraphs found by their words is extended, so a report's other numbered paragraphs never make one alone."""
    if len(run) < 2 or not all(h.inline for h in run) or any(h.number is None for h in run):
        return run
    run = list(run)
    while (after := _next_text(lines, run[-1].index + 1, end_index)) is not None:
        while after is not None and _closes_with_provider(lines[after : after + 1], is_provider):  # 牵头单位：X
            after = _next_text(lines, after + 1, end_index)
        if after is None or not (member := _member(lines, after, is_provider, run[-1], 1)):
            break
        run.append(member)
    while (before := _last_text(lines, run[0].index)) is not None and (
        member := _member(lines, before, is_provider, run[0], -1)
    ):
        run.insert(0, member)
    return run


def _member(
    lines: list[Line], i: int, is_provider: Callable[[str], object], next_to: Heading, step: int
) -> Heading | None:
    """Line ``i`` as the whole-case paragraph numbered ``step`` from ``next_to`` in its style, or None."""
    member = line_heading(lines, i, is_provider, by_name=True)
    if member and member.inline and member.style == next_to.style and member.number == (next_to.number or 0) + step:
        return member
    return None


def _last_text(lines: list[Line], end: int) -> int | None:
    """The index of the last line before ``end`` holding text, or None."""
    return next((k for k in range(end - 1, -1, -1) if lines[k].text.strip()), None)


def _kept_forms(run: list[Heading], fit: list[bool], sections: list[list[Line]]) -> bool:
    """True when ``run`` heads the cases of a collection that keeps each unit's own form (a byline over an essay
    under one heading, a provider bracket on the next, plain paragraphs under a third, labelled fields under a
    fourth): two headings at least, counting on from one, half the sections at least fit a case's form, and every
    other one is a case's text all the same: of case size, telling a reform (a figure and the genre's words of action
    and result) under a heading naming one."""
    counted = [h.number for h in run] == list(range(1, len(run) + 1))
    if len(run) < 2 or all(fit) or not counted or 2 * sum(fit) < len(fit):
        return False
    return all(
        ok or (_sized(section) and reports_a_reform(section) and names_reform(fallback_title(heading.text)))
        for heading, section, ok in zip(run, sections, fit, strict=True)
    )


def _sized(section: list[Line]) -> bool:
    """True when ``section`` holds text of a case's size (``MIN_CASE_CHARS``)."""
    return sum(len(line.text.strip()) for line in section) >= MIN_CASE_CHARS


def _headings_by_style(
    lines: list[Line], body_from: int, is_provider: Callable[[str], object], end_index: int
) -> dict[str, list[Heading]]:
    """The lines from ``body_from`` that may head a case (graph/extract/_split_headings.py), by heading style."""
    by_style: dict[str, list[Heading]] = {}
    continued: set[int] = set()  # lines that carry on the heading above them: no headings of their own
    for i in range(body_from, end_index):
        if i in continued or tag_line(lines[i].text):  # 标签：#X #Y under the title: the case's tags, no heading
            continue
        for heading in (heading_under_number(lines, i, end_index, is_provider), line_heading(lines, i, is_provider)):
            if heading:  # a title under its number line may head a family of either kind: both are tried
                if (j := heading_continuation(lines, i, heading.text, end_index, is_provider)) is not None:
                    heading.text += lines[j].text.strip()
                    continued.add(j)
                by_style.setdefault(heading.style, []).append(heading)
    return by_style


def heading_families(
    lines: list[Line], body_from: int, is_provider: Callable[[str], object]
) -> list[tuple[list[tuple[int, int, int | None]], dict[int, str]]]:
    """Every family of headings marked alike (one style, its numbering going on) that each name a reform
    (``names_reform``), whatever their sections hold: the candidates a count the document states chooses among
    (graph/extract/_split_counted.py ``counted_split``), which weighs their titles, sizes and numbering, when the
    family rules above take none. A scene or speaker caption (【画面】X) names no reform."""
    families = []
    for headings in _headings_by_style(lines, body_from, is_provider, len(lines)).values():
        for run in _runs(sorted(headings, key=lambda h: h.index)):
            if len(run) >= 2 and all(names_reform(fallback_title(h.text)) for h in run):
                families.append(
                    ([(h.index, h.start, h.number) for h in run], {h.index: fallback_title(h.text) for h in run})
                )
    prefixed: dict[str, list[tuple[int, str]]] = {}  # 故事—title, Story-title: one word and separator on each
    for i in range(body_from, len(lines)):
        if (lead := WORD_LEAD_RE.match(lines[i].bare)) and names_reform(lead["t"]) and not lead["t"].endswith("。"):
            prefixed.setdefault(lead["w"] + lead["s"], []).append((i, lead["t"].strip()))
    families += [([(i, i, None) for i, _ in found], dict(found)) for found in prefixed.values() if len(found) >= 2]
    return families


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


def reports_a_reform(section: list[Line]) -> bool:
    """True when ``section`` holds a figure with a unit and ``min_case_words`` of the genre's words of action and
    result: a case told in one labelled paragraph (成效：…) and one plain one, which a notice's parts are not."""
    body = "".join(line.text.strip() for line in section)
    words = sum(1 for word in fallback_words()["case_words"] if word in body)
    return bool(FIGURE_RE.search(body)) and words >= int(fallback_words()["min_case_words"])


def _announces_cases(lines: list[Line], index: int) -> bool:
    """True when the line with text right above line ``index`` announces cases by a collective word: a heading ending
    in it (二、学习到的典型做法, 三、可复制的经验做法) or a short sentence naming it before a colon
    (全年形成典型案例4个，具体如下：): a report's part whose numbered items are the cases. A case's own section
    (二、主要做法) names no such word."""
    above = next((line.text.strip() for line in reversed(lines[:index]) if line.text.strip()), "")
    if not above or len(above) > 30 or above.endswith(("。", "；")):
        return False
    words = tuple(fallback_words()["announcing_words"])
    if above.endswith(("：", ":")) and any(word in above for word in words):  # 形成典型案例4个，具体如下：
        return True
    return above.endswith(words)


def _states_a_figure(section: list[Line]) -> bool:
    """True when ``section`` states a figure with a unit (3.5万吨, 85家): a case under a place group heading, which
    names its provider, need only report what it achieved."""
    return bool(FIGURE_RE.search("".join(line.text.strip() for line in section)))


def _family_rank(run: list[Heading]) -> tuple[int, int]:
    return (len(run), -run[0].start) if run else (0, 0)


def _marked_family(run: list[Heading], sections: list[list[Line]]) -> bool:
    """True when ``run`` is a family of distinctly marked headings (``_STRONG_STYLES``), at least
    ``marked_min_cases`` of them, each over a section of case-like text: sentences that hold at least
    ``min_case_words`` of the genre's words of action and result (推行, 试点, 缩短 …). This reads a collection whose
    cases are plain paragraphs under ■ provider｜title or 🔹案例N headings, which have no section words. Most of the
    headings must name reforms (``names_reform``: a name in quotes, a title's head word): a notice's parts, however
    marked (◆ 投资管理领域), do not. Plain numbering (1　title) is taken only counting from one with every heading
    naming a reform."""
    lexicon = fallback_words()
    named = sum(names_reform(h.text) for h in run)
    # plain numbering (1　title, Ⅰ｜title) counting from one over headings that each name a reform: no notice's parts
    counted = [h.number for h in run] == list(range(1, len(run) + 1)) and named == len(run)
    if len(run) < int(lexicon["marked_min_cases"]) or not (_STRONG_STYLES.fullmatch(run[0].style) or counted):
        return False
    if 2 * named < len(run):
        return False
    need = int(lexicon["min_case_words"])
    for section in sections:
        body = "".join(line.text.strip() for line in section)
        spoken = sum(1 for line in section if line.text.strip()) >= 2  # subtitles or a transcript: phrases, no 。
        if len(body) < MIN_CASE_CHARS or ("。" not in body and not spoken):
            return False
        words = sum(1 for word in lexicon["case_words"] if word in body)
        if words < need and not (words and FIGURE_RE.search(body)):  # one word of action and a figure of result
            return False
    return True


def _opens_with_label(section: list[Line], is_provider: Callable[[str], object]) -> bool:
    """True when the first line of ``section`` with text is a provider line: labelled (申报单位：X, 牵头单位：X), one
    the known rules read ((X报送), (X提供)), a speech's speaker line (X局局长　某某), or a news item's lead-in before
    its acting subject (本报讯（记者 某某）X局近日…), which names who did it as a provider line does."""
    # a bilingual page's rendering of the title under it (title / Latin title / 相關地區：X) is no line of its own
    # …nor is a line of the case's tags (标签：#X) between the title and the provider line
    texts = [line.text for line in section if line.text.strip()]
    # …nor a field of the case's other than its provider (title / 经验来源：X / 报送单位：Y)
    first = next((t for t in texts if not rendered_line(t) and not tag_line(t) and not other_field(t, is_provider)), "")
    return (
        labelled_provider(first) is not None
        or bool(is_provider(first))
        or bracketed_unit(first) is not None
        or dated_unit(first) is not None  # a card's source line (X局｜2024-10-18)
        or speaker_unit(first) is not None  # a speech's speaker line (X局局长　某某)
        or (news_lead_end(first) > 0 and acting_subject(first, 0) is not None)  # 本报讯（记者 某某）X局…
    )


def _closes_with_provider(section: list[Line], is_provider: Callable[[str], object]) -> bool:
    """True when the last line of ``section`` with text is a provider line (（供稿：X）, （X供稿）): a case closing
    with who contributed it."""
    last = next((line.text for line in reversed(section) if line.text.strip()), "")
    return (
        labelled_provider(last.strip().lstrip("（(")) is not None
        or bool(is_provider(last))
        or bracketed_unit(last) is not None  # （吉隆县人民政府）
    )


def _heading_names_provider(text: str) -> bool:
    """True when a heading ends with its provider in brackets (title（都匀市推荐）, title（X片区管委会）)."""
    return fallback_title(text) != text
