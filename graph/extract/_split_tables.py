"""Summary tables in any drawing, read as pipe rows: box-drawing characters, ASCII grids, wrapped cells.

A collection's summary table (序号 | 案例名称 | 报送单位) is often the only place its providers stand. Word
processors and web pages draw it in many ways: tab- or space-separated columns, Markdown pipes, box-drawing
characters (│ ┌──┬──┐ ├──┼──┤) saved from a plain-text export, or an ASCII grid (+----+----+). The splitter reads
rows split on pipes, tabs or runs of spaces; this module turns every other drawing into that form: a vertical
stroke becomes a pipe, a line drawn only of rules and corners is no row (like a blank line between rows), and a
row whose number cell is empty goes on the row above (a long title wrapped inside its cell). A table copied out of a
PDF with its layout kept has no strokes at all and wraps each row over several lines with the cells interleaved
(``layout_table``): its cells are read by the columns the header line sets.

Only drawing characters are read; nothing here names a document.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from ftzgraph.graph.text import parse_chinese_number

_VERTICALS = str.maketrans({"│": "|", "┃": "|", "║": "|", "┆": "|", "┊": "|"})
_JOINTS = str.maketrans({**{ch: "|" for ch in "├┼┤┌┬┐└┴┘┣╋┫┏┳┓┗┻┛╞╪╡╟╫╢╠╬╣╔╦╗╚╩╝│┃║"}})
_RULE_RE = re.compile(r"^[\s\u3000─━═┄┈╌┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬╒╕╘╛╞╡╤╧╪+\-=:|_]+$")
"""A line drawn only of rules, corners and strokes: a border between rows, no row."""


_JUNCTIONS = "├┼┤┌┬┐└┴┘┣╋┫┏┳┓┗┻┛╞╪╡╟╫╢╠╬╣╔╦╗╚╩╝"
_BORDER_RE = re.compile(rf"^[ \t\u3000]*[{_JUNCTIONS}]")
_HORIZONTAL_RE = re.compile(r"[─━═┄┈╌]+")


def table_line(text: str) -> str:
    """``text`` with every vertical stroke as a pipe (│序号│ -> |序号|), or "" for a border line (├──┼──┤,
    +----+----+): the form the summary-table reader splits into cells. A border that a merged cell's text crosses
    (├──┼──┤批服务管理局├──┤: the rule left open in that column) is the cell's next line, its rules empty cells."""
    if not text.strip() or _RULE_RE.match(text):
        return ""
    if _BORDER_RE.match(text):
        return _HORIZONTAL_RE.sub(lambda m: " " * len(m.group()), text.translate(_JOINTS))
    if "|" in text or any(ch in text for ch in "│┃║┆┊"):
        return text.translate(_VERTICALS)
    return text


def border_gaps(text: str) -> set[int] | None:
    """The columns a border line leaves open (├──┼──┤批服务管理局├──┤ -> {2}, blank or crossed by text): a cell merged
    over the rows above and below it; None when ``text`` is no border line."""
    if re.fullmatch(r"\s*\+[-=+:]*\+\s*", text):
        return set()  # +----+----+: an ASCII grid's border, no column open
    if not _BORDER_RE.match(text):
        return None
    segments = re.split(rf"[{_JUNCTIONS}|│┃║]", text.strip())[1:-1]
    return {k for k, segment in enumerate(segments) if not _HORIZONTAL_RE.fullmatch(segment.strip() or "x")}


def pipe_spans(text: str, outer: bool = True) -> list[tuple[int, int]] | None:
    """Where each cell of a pipe row (|a|b| |c|, strokes at both ends) stands in ``text``, its blanks trimmed, an empty
    cell kept as an empty span: the cells by column, which splitting on runs of blanks would shift; None for a line
    that is no such row. In a table drawn with no ``outer`` strokes (1 | a | b), the text before the first stroke is
    the first cell, empty on a wrapped cell's line (  | 续 |)."""
    bare = text.rstrip()
    lead = len(bare) - len(bare.lstrip())
    if not outer:
        if bare.count("|") < 2:
            return None
        lead, bare = -1, bare + "|"  # the first cell from the line's start, the last to its end
    elif not bare.lstrip().startswith("|") or not bare.endswith("|") or bare.count("|") < 3:
        return None
    spans, at = [], lead + 1
    for cell in bare[lead + 1 : -1].split("|"):
        inner = cell.strip(" \t\u3000")
        start = at + (cell.index(inner) if inner else 0)
        spans.append((start, start + len(inner)))
        at += len(cell) + 1
    return spans


def tab_spans(text: str) -> list[tuple[int, int]] | None:
    """Where each cell of a tab-separated row stands in ``text``, an empty cell (two tabs in a row, a merged cell left
    empty below its first row) kept as an empty span; None for a line with no tab."""
    if "\t" not in text:
        return None
    spans, at = [], 0
    for cell in text.rstrip("\r\n").split("\t"):
        inner = cell.strip(" \u3000")
        start = at + (cell.index(inner) if inner else 0)
        spans.append((start, start + len(inner)))
        at += len(cell) + 1
    return spans


def aligned_cells(header: str, text: str) -> list[str] | None:
    """The cells of ``text``, a line of a table aligned with blanks (ideographic spaces, as a list laid out in a word
    processor) whose number cell is empty: its fragments put on the header's columns by where they start in display
    width (a CJK character two), the next line of a title or unit wrapped in its cell (１　title… / 　　　…title's
    end); None for a line that is not indented under a column past the first."""
    if not text.strip() or text[:1] not in " \u3000" or "\t" in text or "|" in text:
        return None
    starts = [_width(header[: m.start()], True) for m in re.finditer(r"[^\s\u3000]+", header)]
    if len(starts) < 2:
        return None
    cells = [""] * len(starts)
    for m in re.finditer(r"[^\s\u3000]+(?:[ \u3000][^\s\u3000]+)*", text):
        column = _width(text[: m.start()], True)
        k = max((j for j, start in enumerate(starts) if start <= column + 1), default=0)
        if k == 0:
            return None
        cells[k] += m.group()
    return cells


def continued_cells(text: str, outer: bool = True) -> list[str] | None:
    """The cells of a pipe row whose first (number) cell is empty, a wrapped cell's next line (|  |续标题|  |),
    kept by column so each goes on its column of the row above; None for any other line. With no ``outer`` strokes
    (1 | a | b), the first cell is the text before the first stroke."""
    line = table_line(text).strip()
    if not line.startswith("|"):
        return None
    cells = [cell.strip(" \t\u3000") for cell in (line.strip("|") if outer else line.rstrip("|")).split("|")]
    if len(cells) < 2 or cells[0] or not any(cells[1:]):
        return None
    return cells


_HEADER_CELL_RE = re.compile(r"^[\u4e00-\u9fff（）()/、]{2,12}$")
_TITLE_CELL_RE = re.compile(r"案例|事项|名称|经验|成果")


def vertical_table(texts: list[str]) -> tuple[int, list[str], list[tuple[int, int, list[str]]]] | None:
    """A summary table copied from a web page one cell per line (序号 / 案例名称 / 报送单位 / 1 / title / unit / 2 …):
    the header's line index, its cells, and each row as (first line, last line, cells); None when there is none.

    The header is 序号 alone on a line followed by two to five short column names, one naming the title column;
    rows then follow as groups of as many lines, each opened by the next number."""
    filled = [(i, text.strip()) for i, text in enumerate(texts) if text.strip()]
    for at, (header, text) in enumerate(filled):
        if text != "序号":
            continue
        names = ["序号"]
        k = at + 1
        while k < len(filled) and len(names) < 6 and _HEADER_CELL_RE.match(filled[k][1]):
            names.append(filled[k][1])
            k += 1
        width = len(names)
        if width < 3 or not any(_TITLE_CELL_RE.search(name) for name in names[1:]):
            continue
        rows: list[tuple[int, int, list[str]]] = []
        while k + width <= len(filled) and parse_chinese_number(filled[k][1]) == len(rows) + 1:
            group = filled[k : k + width]
            rows.append((group[0][0], group[-1][0], [cell for _, cell in group]))
            k += width
        if len(rows) >= 2:
            return header, names, rows
    return None


_CELL_SPLIT_RE = re.compile(r"\s*(?:\t+|\|+|[ \u3000]{2,})\s*")
_TITLE_HEADER_RE = re.compile(r"(?:案例|经验|事项|成果|做法)(?:名称|题目|标题)?$|^名称$")
_UNIT_HEADER_RE = re.compile(r"单位|地区|片区|主体")


def unnumbered_table(texts: list[str]) -> tuple[int, list[str], list[tuple[int, list[str]]]] | None:
    """A summary table with no 序号 column (案例名称 | 报送单位, in pipes, tabs or wide spaces): the header's line
    index, its cells, and each row as (line, cells); None when there is none. A row has as many cells as the header;
    the table ends at the first other non-blank line."""
    for header, text in enumerate(texts):
        names = [c for c in _CELL_SPLIT_RE.split(table_line(text).strip().strip("|")) if c]
        if not 2 <= len(names) <= 6 or "序号" in names:
            continue
        if not any(_TITLE_HEADER_RE.search(n) for n in names) or not any(_UNIT_HEADER_RE.search(n) for n in names):
            continue
        rows: list[tuple[int, list[str]]] = []
        for i in range(header + 1, len(texts)):
            line = table_line(texts[i]).strip()
            if not line or set(line) <= set("|-: "):
                continue
            cells = [c for c in _CELL_SPLIT_RE.split(line.strip("|")) if c]
            if len(cells) != len(names):
                break
            rows.append((i, cells))
        if len(rows) >= 2:
            return header, names, rows
    return None


_LAYOUT_GAP_RE = re.compile(r"\S+(?:[ \u3000]?\S+)*")
"""A cell's fragment on a line of a table laid out with spaces: text whose words are at most one space apart."""
_SENTENCE_END = ("。", "；", ";", "！", "!")


def _width(text: str, wide: bool) -> int:
    """The column where ``text`` ends: with ``wide``, a CJK character takes two (a monospaced display's layout),
    else one (a PDF text layer's character grid)."""
    return sum(2 if wide and unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fragments(text: str, wide: bool | None) -> list[tuple[int, str, int]]:
    """The fragments of a line of a layout-kept table, each with its column and where it starts in the line; with
    ``wide`` None, cells set apart by tabs (an empty cell an empty field), each at its field's index."""
    if wide is None:
        found, at = [], 0
        for k, cell in enumerate(text.rstrip().split("\t")):
            bare = cell.replace("\f", "").strip()
            if bare:
                found.append((k, bare, at + cell.index(bare[0])))
            at += len(cell) + 1
        return found
    return [
        (_width(text[: m.start()].replace("\f", ""), wide), m.group(), m.start())
        for m in _LAYOUT_GAP_RE.finditer(text.replace("\f", " "))
    ]


Span = tuple[int, int, int, int]
"""A cell's fragment in a laid-out table: (line index, column, start, end), the offsets within its line."""


def layout_table(texts: list[str], header: int) -> list[tuple[int, int, list[str], list[Span]]] | None:
    """The rows of a table copied out of a PDF with its layout kept (序号  案例名称  报送单位  主要做法及成效, set apart
    by runs of spaces) whose rows wrap over several lines with the cells interleaved: each row as (first line, last
    line, cells joined by column, each fragment's place); None when the lines after ``header`` are not such a table.

    A fragment belongs to the last column starting at or before it, columns counted in characters or in display
    width (a CJK character two), whichever puts more fragments at a column's start; with a tab-separated header, by
    the field's index (a copy that keeps each line's empty cells as empty fields). The row number stands on one
    line of its row, often a middle one (cells centred), so the rows are cut between two numbered lines: after a
    line whose prose cell (the column holding the most text) ends a sentence, the one nearest the line where the
    row above would end if its number were centred; when every number stands on the first line of the table or
    right after a sentence's end, the rows start at their numbers. The header repeated after a page break and lines
    with no Chinese (page numbers) are skipped."""
    read = [_laid_out_lines(texts, header, wide) for wide in ((None,) if "\t" in texts[header] else (True, False))]
    best = max(read, key=lambda found: found[1])
    return _rows(best[0]) if best[0] else None


def _laid_out_lines(
    texts: list[str], header: int, wide: bool | None
) -> tuple[list[tuple[int, list[str], list[Span]]], int]:
    """The table's lines after ``header``, each as (line index, its fragments by column, their places), and how many
    fragments start at a column's start (how well this way of counting columns fits)."""
    names = _fragments(texts[header], wide)
    if len(names) < 3 or names[0][1] != "序号":
        return [], 0
    starts = [column for column, _, _ in names]
    head = [name for _, name, _ in names]
    lines: list[tuple[int, list[str], list[Span]]] = []
    aligned = 0
    slack = 0 if wide is None else 1  # a position may be a column off; a field's index is exact
    for i in range(header + 1, len(texts)):
        fragments = _fragments(texts[i], wide)
        if not fragments or [f for _, f, _ in fragments] == head:
            continue
        number = parse_chinese_number(fragments[0][1]) is not None and fragments[0][0] < starts[1]
        if not number and not re.search(r"[\u4e00-\u9fff]", texts[i]):
            continue  # — 5 —: a page number
        cells = [""] * len(starts)
        spans: list[Span] = []
        for column, fragment, at in fragments:
            k = max((j for j, start in enumerate(starts) if start <= column + slack), default=0)
            if k == 0 and not number:
                return lines, aligned  # text from the margin: the table has ended
            aligned += any(abs(column - start) <= slack for start in starts)
            cells[k] += fragment
            spans.append((i, k, at, at + len(fragment)))
        lines.append((i, cells, spans))
    return lines, aligned


def _rows(lines: list[tuple[int, list[str], list[Span]]]) -> list[tuple[int, int, list[str], list[Span]]] | None:
    numbered = [k for k, (_, cells, _) in enumerate(lines) if cells[0]]
    if len(numbered) < 2:
        return None
    width = len(lines[0][1])
    prose = max(range(1, width), key=lambda c: sum(len(cells[c]) for _, cells, _ in lines))  # 主要做法及成效, wherever
    ends = [lines[k][1][prose].endswith(_SENTENCE_END) for k in range(len(lines))]
    cuts, start = [], 0  # cuts: the first line of each row after the first
    if numbered[0] == 0 and all(ends[k - 1] for k in numbered[1:]):  # numbers on each row's top line
        cuts = numbered[1:]
    for at, following in itertools.pairwise(numbered if not cuts else []):
        centred = at + (at - start) + 1
        candidates = [k for k in range(at + 1, following + 1) if ends[k - 1]]
        cut = min(candidates, key=lambda k: abs(k - centred)) if candidates else min(max(centred, at + 1), following)
        cuts.append(cut)
        start = cut
    bounds = [0, *cuts, len(lines)]
    rows = []
    for first, last in itertools.pairwise(bounds):
        block = [cells for _, cells, _ in lines[first:last]]
        joined = ["".join(cells[k] for cells in block) for k in range(len(block[0]))]
        rows.append(
            (lines[first][0], lines[last - 1][0], joined, [span for *_, spans in lines[first:last] for span in spans])
        )
    return rows


_FIELD_NAME_RE = re.compile(r"^[\u4e00-\u9fff（）()/、]{2,10}[:：]?$")
_FIELD_TITLE_RE = re.compile(r"(?:案例|经验|事项|成果|做法|举措|项目)(?:名称|题目|标题)$|^名称$")
_CASE_LABEL_RE = re.compile(
    r"^(?:案例|经验|事项|成果|做法|第)?\s*[（(]?[0-9０-９一二三四五六七八九十]+[）)]?\s*[个项]?$"
)
"""A transposed table's column head naming a case by its place in the row (案例一, 经验2, （三）, 3)."""
_FIELD_WORD_RE = re.compile(
    r"(?:名称|单位|做法|成效|来源|出处|内容|措施|举措|效果|背景|意义|类型|领域|部门|地区|主体|序号|编号|备注|情况|亮点|时间|"
    r"成果|经验|问题|思路|目标|对象|依据|创新点)$"
)
"""What a field's name ends with: the words forms and tables name their fields by."""

Field = tuple[str, int, int]
"""A cell of a line: its text, where it starts and ends in the line."""


def _fields(text: str) -> list[Field]:
    """The cells of a tab-separated or pipe-drawn line, empty ones kept (a column with no value in this field)."""
    line = table_line(text)
    if "\t" not in line and line.count("|") < 3:
        return []
    separator = "\t" if "\t" in line else "|"
    found, at = [], 0
    inner = line.rstrip()
    if separator == "|":  # |a|b|: the strokes at both ends close the first and last cells
        lead = len(inner) - len(inner.lstrip())
        inner = inner.strip()
        at = lead + 1 if inner.startswith("|") else lead
        inner = inner.strip("|")
    for cell in inner.split(separator):
        bare = cell.strip(" \u3000")
        start = at + (cell.index(bare) if bare else 0)
        found.append((bare, start, start + len(bare)))
        at += len(cell) + 1
    return found


def transposed_table(texts: list[str]) -> tuple[int, int, list[str], list[list[tuple[int, int, Field]]]] | None:
    """A table turned on its side, its fields as rows and its cases as columns (项目 | 案例一 | 案例二 / 案例名称 | A |
    B / 报送单位 | X | Y / 主要做法 | … | …), in tabs or pipes: its first and last line indexes, the field names, and
    for each case column its cells as (field index, line index, cell); None when there is none.

    The block is the run of lines whose first cell is a field's short name over two or more further cells, one of
    them naming a title (案例名称, 经验名称); a head line whose cells name the cases by their place (案例一, 2) is no
    field. Wide rows (a figure per column) are what the table is; a one-case form is no such table."""
    first = 0
    while first < len(texts):
        block: list[tuple[int, list[Field]]] = []
        i = first
        while i < len(texts):
            cells = _fields(texts[i])
            if block and (not texts[i].strip() or _RULE_RE.match(texts[i])):
                i += 1  # a blank line or a rule between two field rows (| --- | --- | under the head)
                continue
            if block and cells and not cells[0][0] and any(c[0] for c in cells[1:]):
                block.append((i, [(block[-1][1][0][0], *cells[0][1:]), *cells[1:]]))  # a field's cells wrapped
                i += 1
                continue
            if not cells or not _FIELD_NAME_RE.match(cells[0][0]) or sum(bool(c[0]) for c in cells[1:]) < 2:
                break
            block.append((i, cells))
            i += 1
        first = max(i, first + 1)
        if block and all(_CASE_LABEL_RE.match(c[0]) for c in block[0][1][1:] if c[0]):
            block = block[1:]  # 项目 | 案例一 | 案例二: the head naming the columns
        names = list(dict.fromkeys(cells[0][0].rstrip(":：") for _, cells in block))
        titled = [cells for _, cells in block if _FIELD_TITLE_RE.search(cells[0][0].rstrip(":："))]
        if len(block) < 3 or not titled or 2 * sum(bool(_FIELD_WORD_RE.search(n)) for n in names) < len(names):
            continue
        if all(_FIELD_WORD_RE.search(c[0]) for c in titled[0][1:] if c[0]):
            continue  # 案例名称 | 报送单位 | 主要做法: a table's head over rows, not a field over cases
        width = max(len(cells) for _, cells in block) - 1
        columns = [
            [(names.index(cells[0][0].rstrip(":：")), i, cells[k + 1]) for i, cells in block if k + 1 < len(cells)]
            for k in range(width)
        ]
        return block[0][0], block[-1][0], names, [column for column in columns if any(c[0] for *_, c in column)]
    return None
