"""Numbered cases whose members differ in form: some a heading over their text, others run into it.

A collection printed as its units sent their material (未统一格式) or a report telling its cases under its own outline
numbers its cases one way (一、二、三、 or （一）（二）) and still writes one as a heading line over a block
(一、案例名称：X / 报送单位：Y), the next as one paragraph whose first sentence is its heading
(二、X区工业用地“A”出让。X区学习借鉴…), a third as a one-liner (三、“B”改革（Y县）：复制推广…). The heading readers skip
the run-in members (a long line ending in a stop is no heading), so only some of the cases were found. Here the
lines of one numbering shape counting 1..N without a gap are one family when both forms are among them and each
member's text is of case size and names or reports a reform; a member titled by section words (三、存在的问题) ends
the run, as does a gap in the numbers. Only marks and genre words are read; nothing names a document.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ftzgraph.graph.extract._split_fallback import reports_a_reform
from ftzgraph.graph.extract._split_fields import field_title_re
from ftzgraph.graph.extract._split_furniture import furniture_heading
from ftzgraph.graph.extract._split_lines import text_lines
from ftzgraph.graph.extract._split_shapes import names_reform
from ftzgraph.graph.extract._split_words import FIGURE_RE, MIN_CASE_CHARS, is_section_heading
from ftzgraph.graph.model import CaseText, Document
from ftzgraph.graph.text import NUMERAL_CLASS, parse_chinese_number

if TYPE_CHECKING:
    from ftzgraph.graph.extract._split_lines import Line

Start = tuple[int, int, int | None]

_MARK_RE = re.compile(rf"^[ \t\u3000]*(?P<open>[（(]?)(?P<n>[{NUMERAL_CLASS}]+)(?P<close>[)）、．.])[ \t\u3000]*")
_HEADING_CHARS = 60  # a member line this short, with no stop inside, is a heading over its text
_RUN_IN_TITLE = re.compile(r"[^。：:；;\n]{4,40}?(?=[。：:])")  # the first sentence or label of a run-in member


def run_in_family(lines: list[Line], body_from: int) -> tuple[list[Start], dict[int, str]] | None:
    """The family of numbered members of mixed form (see the module docstring) with the titles of its run-in
    members (their first sentence or the words before their colon), or None when no shape makes one."""
    shapes: dict[str, list[tuple[int, int, str]]] = {}
    for i in range(body_from, len(lines)):
        if (mark := _MARK_RE.match(lines[i].text)) and (number := parse_chinese_number(mark["n"])) is not None:
            shape = f"{mark['open']}{'0' if mark['n'].isdigit() else '一'}{mark['close']}"
            shapes.setdefault(shape, []).append((i, number, lines[i].text[mark.end() :].strip()))
    best: tuple[list[Start], dict[int, str]] | None = None
    for members in shapes.values():
        run = _counted_run(lines, members)
        if run is None or (best is not None and len(run[0]) <= len(best[0])):
            continue
        best = run
    return best


def _counted_run(lines: list[Line], members: list[tuple[int, int, str]]) -> tuple[list[Start], dict[int, str]] | None:
    """The members counting 1..N from the first 1, each of case size and naming or reporting a reform, when both forms
    stand among at least three of them."""
    first = next((k for k, m in enumerate(members) if m[1] == 1), None)
    if first is None:
        return None
    run: list[tuple[int, int, str]] = []
    for k in range(first, len(members)):
        index, number, rest = members[k]
        if number != len(run) + 1 or is_section_heading(re.split(r"[。：:]", rest)[0]):
            break
        end = members[k + 1][0] if k + 1 < len(members) else len(lines)
        section = [lines[index], *lines[index + 1 : end]]
        size = len(rest) + sum(len(line.text.strip()) for line in lines[index + 1 : end])
        if size < MIN_CASE_CHARS or not (names_reform(rest[:40]) or reports_a_reform(section)):
            break
        run.append((index, number, rest))
    run_in = {
        index: title.group() for index, _, rest in run if _is_run_in(rest) and (title := _RUN_IN_TITLE.match(rest))
    }
    if len(run) < 3 or not run_in or len(run_in) == len(run):
        return None
    return [(index, index, number) for index, number, _ in run], run_in


def _is_run_in(rest: str) -> bool:
    """True when a member's line goes on past its heading into its text: long, or a stop before more words."""
    return len(rest) > _HEADING_CHARS or re.search(r"[。；;][^。；;]{8,}", rest) is not None


_QUOTED_RE = re.compile(r"“([^“”。，,\n]{2,30})”")


def block_family(lines: list[Line], body_from: int) -> list[tuple[list[Start], dict[int, str]]]:
    """The blocks between blank lines that each read as a case, as one split, for a document stating its count: a
    report whose cases are a heading over a block, a labelled block, a paragraph that names its reform in quotes and
    an inline 如，… example shares no mark among them, only that each is a block of case size naming a reform in
    quotes and stating a figure. A block's leading section heading (二、典型做法) is no part of its case. Each
    block's title is its heading line when it opens with a short one, else the reform its text calls by its quoted
    name."""
    from ftzgraph.graph.extract._split_leads import pointed_reform, speaker_label_end  # it imports the splitters

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
