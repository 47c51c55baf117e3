"""Cases whose members differ in form and share no mark: blocks of case size under a document's stated count.

A report telling its cases under its own outline may write one as a heading over a block, one as labelled fields in
any order, one as a paragraph naming its reform in quotes and one as an inline 如，… example. No heading family holds
them all, so when the document states its count, the blocks between blank lines that each name a reform in quotes and
state a figure are read as its cases; a report's cases told as blocks after a table whose rows are cases join the
rows. (A numbering over heading and run-in members, tried in the same session, was withdrawn: it also took the
numbered paragraphs of an unseen report for cases.) Only marks and genre words are read; nothing names a document.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ftzgraph.graph.extract._split_fields import field_title_re
from ftzgraph.graph.extract._split_furniture import furniture_heading
from ftzgraph.graph.extract._split_lines import text_lines
from ftzgraph.graph.extract._split_words import FIGURE_RE, MIN_CASE_CHARS, is_section_heading
from ftzgraph.graph.model import CaseText, Document
from ftzgraph.graph.text import NUMERAL_CLASS

if TYPE_CHECKING:
    from ftzgraph.graph.extract._split_lines import Line

Start = tuple[int, int, int | None]

_MARK_RE = re.compile(rf"^[ \t\u3000]*(?P<open>[（(]?)(?P<n>[{NUMERAL_CLASS}]+)(?P<close>[)）、．.])[ \t\u3000]*")
_HEADING_CHARS = 60  # a member line this short, with no stop inside, is a heading over its text


_QUOTED_RE = re.compile(r"“([^“”。，,\n]{2,30})”")


def block_family(lines: list[Line], body_from: int) -> list[tuple[list[Start], dict[int, str]]]:
    """The blocks between blank lines that each read as a case, as one split, for a document stating its count: a
    report whose cases are a heading over a block, a labelled block, a paragraph that names its reform in quotes and
    an inline 如，… example shares no mark among them, only that each is a block of case size naming a reform in
    quotes and stating a figure. A block's leading section heading (二、典型做法) is no part of its case. Each
    block's title is its heading line when it opens with a short one, else the reform its text calls by its quoted
    name."""
    from ftzgraph.graph.extract._split_lead_titles import pointed_reform
    from ftzgraph.graph.extract._split_leads import speaker_label_end

    starts: list[Start] = []
    titles: dict[int, str] = {}
    i = body_from
    while i < len(lines):
        if not lines[i].text.strip():
            i += 1
            continue
        end = next((k for k in range(i, len(lines)) if not lines[k].text.strip()), len(lines))
        first = i
        while first < end and _is_part_heading(lines[first].text):
            first += 1
        if first < end and (furniture_heading(head := lines[first].text.strip()) or speaker_label_end(head)):
            return []  # 【发布人　X】 over an answer: a transcript's turns, read by the readers of answers
        block = "".join(line.text.strip() for line in lines[first:end])
        if first < end and len(block) >= MIN_CASE_CHARS and _QUOTED_RE.search(block) and FIGURE_RE.search(block):
            head = lines[first].text.strip()
            field = next(((k, m) for k in range(first, end) if (m := field_title_re().match(lines[k].text))), None)
            if field:  # 【报送单位】X over 【案例名称】A: a block of fields in any order is titled by its title field
                titles[first] = field[1]["title"]
            elif len(head) <= _HEADING_CHARS and not re.search(r"[。；;]", head):
                titles[first] = head
            else:
                quoted = _QUOTED_RE.search(block)
                titles[first] = pointed_reform(block) or (quoted.group(1) if quoted else head)
            # a paragraph's text is on its title line: its span opens on the blank line above, so that the
            # text under a title that sizes a case holds it
            starts.append(
                (first, first if first in titles and titles[first] == head else max(first - 1, 0), len(starts) + 1)
            )
        i = end
    return [(starts, titles)] if len(starts) >= 2 else []


def _is_part_heading(text: str) -> bool:
    """True for a short outline heading of section words (二、典型做法, 一、总体情况), or a rule of symbols (━━━):
    the report's part or furniture, no case's."""
    if not re.search(r"\w", text):
        return True
    mark = _MARK_RE.match(text)
    rest = text[mark.end() :].strip() if mark else text.strip()
    return is_section_heading(rest)


def blocks_after_rows(document: Document, rows: list[CaseText]) -> list[CaseText]:
    """The cases told as blocks after a table whose rows are cases (序号<TAB>事项名称<TAB>实施单位 … then 典型案例：A
    over a paragraph, 如，X推行的“B”…): a report keeps some cases as rows and tells others in its text. The blocks are
    read as ``block_family`` reads them, after the last row, each ending at its blank line; none unless at least
    two such blocks stand there."""
    if not rows:
        return []
    lines = text_lines(document.text)
    after = next((k for k, line in enumerate(lines) if line.start >= max(r.end for r in rows)), len(lines))
    found = block_family(lines, after)
    if not found:
        return []
    starts, titles = found[0]
    cases = []
    number = max((r.number or 0) for r in rows)
    for title, _, _ in starts:
        end = next((k for k in range(title, len(lines)) if not lines[k].text.strip()), len(lines))
        heading = document.evidence(lines[title].start, lines[title].end)
        number += 1
        cases.append(CaseText(document, number, titles[title], heading, lines[title].start, lines[end - 1].end))
    return cases
