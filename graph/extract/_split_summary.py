"""A collection's summary table (序号 | 案例名称 | 提供单位) read into rows, whatever its drawing.

The table is often the only place a collection names its providers, and its titles tell the splitter which lines
open cases. Rows come from columns split on tabs, pipes or runs of spaces, from a CSV export, from one cell per line,
from a table with no 序号 column, or from a PDF's laid-out columns (the drawings are turned into rows by
graph/extract/_split_tables.py). Split from graph/extract/split.py, which matches the rows to the case sections.
The tables whose rows are records (CSV, JSON, cases as columns) are read by ``_split_records.py``.
"""

from __future__ import annotations

import dataclasses
import re

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_csv import csv_header
from ftzgraph.graph.extract._split_lines import Line
from ftzgraph.graph.extract._split_records import (
    _NUMBER_MEANINGS,
    _PROVIDER_COLUMN_RE,
    _TITLE_COLUMN_RE,
    TABLE_SPLIT_RE,
    _csv_table,
    _json_table,
    _table_columns,
    _transposed_table,
)
from ftzgraph.graph.extract._split_tables import (
    aligned_cells,
    border_gaps,
    continued_cells,
    layout_table,
    pipe_spans,
    tab_spans,
    table_line,
    unnumbered_table,
    vertical_table,
)
from ftzgraph.graph.model import Document, TableRow
from ftzgraph.graph.text import parse_chinese_number

TABLE_HEADER_RE = re.compile(r"(?:序号|编号).{0,20}?(?:案例|事项|名称|举措|做法)")
"""A summary table's header: its number column (序号, a ledger's 编号), then a column naming the cases."""


def parse_table(document: Document, lines: list[Line]) -> tuple[list[TableRow], int, int]:
    """Rows of the first summary table (序号 | 案例名称 | 提供单位), and the line span it covers.

    Rows may be split into blocks by blank lines (page breaks); the table ends at the first
    non-blank line that is not a row.
    """
    if (records := _json_table(document, lines))[0]:  # {"data":[{…}]} under its legend, or JSON lines
        return records
    header = next((i for i, line in enumerate(lines) if TABLE_HEADER_RE.search(line.text)), None)
    if header is None:  # no 序号 column, a tab-separated export, or one cell a line
        return (
            _transposed_table(document, lines)  # fields as rows, cases as columns
            or _unnumbered_table(document, lines)
            or _tab_table(document, lines)
            or _vertical_table(document, lines)
        )
    if (names := csv_header(lines[header].text)) is not None:  # 序号,案例名称,…: a spreadsheet saved as CSV
        return _csv_table(document, lines, header, names)
    tabbed = csv_header(lines[header].text, "\t")
    if tabbed and tabbed[0] not in _NUMBER_MEANINGS:  # 类别<TAB>序号<TAB>…: a merged grouping column, then the number
        return _csv_table(document, lines, header, tabbed, "\t")
    rows, last = _line_rows(document, lines, header)
    if tabbed and len((quoted := _csv_table(document, lines, header, tabbed, "\t"))[0]) > len(rows):
        return quoted  # an export's quoted cells running over several lines, which the line reading stops at
    title_col, provider_col = _table_columns(table_line(lines[header].text))
    laid = layout_table([line.text for line in lines], header)
    if laid and len(laid) > len(rows):  # cells interleaved over lines: the line reading stopped after a row or none
        rows = [
            TableRow(
                parse_chinese_number(cells[0]),
                cells[title_col] if title_col < len(cells) else cells[1],
                cells[provider_col] if provider_col < len(cells) else None,
                document.evidence(lines[first].start, lines[end].end),
                tuple(  # the cells that tell the case, not its number, title or provider
                    (lines[i].start + a, lines[i].start + b)
                    for i, column, a, b in spans
                    if column not in (0, title_col, provider_col)
                ),
            )
            for first, end, cells, spans in laid
        ]
        last = laid[-1][1]
    if not rows and (exported := _tab_table(document, lines)):  # 编号<TAB>…<TAB> over rows keyed by codes (NP001)
        return exported
    return rows, header, last


def _line_rows(document: Document, lines: list[Line], header: int) -> tuple[list[TableRow], int]:
    """The rows of a table read line by line under ``header`` (tabs, pipes, runs of blanks, box drawing), and the
    last line they take. A line whose number cell is empty goes on the row above, cell by cell (a long title,
    unit or text wrapped inside its cell); the row's prose is then its text cells' pieces, column by column. In a
    table with borders between its rows, a border opens the next row, whose number may stand on any of its lines
    (centred in its cell). A provider cell left empty under a border open in its column (a cell merged over several
    rows) is the merged cell's, whole, for each row it spans."""
    rows: list[TableRow] = []
    prose: list[dict[int, list[tuple[int, int]]]] = []  # per row, its text cells' pieces by column
    linked: list[bool] = []  # per row, whether the border above it leaves the provider's column open
    last = header
    title_col, provider_col = _table_columns(table_line(lines[header].text))
    source_col, batch_col = _told_columns(table_line(lines[header].text))
    gaps: set[int] = set()
    bordered = False  # a border since the last row's line: the next line opens a row
    head = lines[header].text.strip()
    tabbed = "\t" in head and "\t\t" not in head and "|" not in head  # an export's one tab a cell: empties are cells
    outer = "|" not in table_line(head) or table_line(head).strip().startswith("|")  # 序号 | 名称 with no outer strokes
    for i in range(header + 1, len(lines)):
        line = lines[i]
        border = border_gaps(line.text)
        text = table_line(line.text)  # │ ├──┼──┤ +---+: any drawing as pipe rows (graph/extract/_split_tables.py)
        pipes = (pipe_spans(text, outer) or (tab_spans(text) if tabbed else None)) if text.strip() else None
        split = TABLE_SPLIT_RE.split(text.strip().strip("|"))
        cells = [text[a:b] for a, b in pipes] if pipes else [c for c in split if c]
        number = parse_chinese_number(cells[0]) if cells and cells[0] else None
        opens = bordered and pipes is not None and border is None and not cells[0] and any(cells[1:])
        pending = bool(rows) and rows[-1].number is None and not bordered and number is not None
        if border is not None or (text.strip() and set(text.strip()) <= set("|-: ")) or not text.strip():
            if rows and border and (more := continued_cells(text)):  # a merged cell's text across the border
                _add_line(document, rows, prose, more, pipes or [], line, (title_col, provider_col, source_col))
                last = i
            if border is not None:
                gaps, bordered = border, True
            continue
        more = (
            continued_cells(text, outer)
            or (cells if tabbed and pipes and not cells[0] and any(cells[1:]) else None)
            or (aligned_cells(lines[header].text, line.text) if not pipes and not tabbed else None)  # 　　…title's end
        )
        if rows and not opens and (more or pending):  # a cell wrapped onto this line
            if pending:  # the row's number, centred on a later line of its cell
                rows[-1] = dataclasses.replace(rows[-1], number=number)
                more = ["", *cells[1:]]
            _add_line(document, rows, prose, more or [], pipes or [], line, (title_col, provider_col, source_col))
            last = i
            continue
        if (number is None and not opens) or len(cells) < 2:
            break
        title = cells[title_col] if title_col < len(cells) else cells[1]
        provider = cells[provider_col].strip() if provider_col < len(cells) else None
        evidence = document.evidence(line.start, line.end)
        spans = pipes if pipes else _cell_spans(text)
        origin = spans[source_col] if source_col is not None and source_col < len(spans) else None
        batch = spans[batch_col[0]] if batch_col is not None and batch_col[0] < len(spans) else None
        rows.append(
            TableRow(
                number,
                title.strip(),
                provider or None,
                evidence,
                _prose_cells(text, line.start, title_col, provider_col),
                (line.start + origin[0], line.start + origin[1]) if origin and origin[1] > origin[0] else None,
                (line.start + batch[0], line.start + batch[1], batch_col[1]) if batch and batch_col else None,
            )
        )
        pieces = {k: [(line.start + a, line.start + b)] for k, (a, b) in enumerate(pipes or []) if b > a}
        prose.append({k: v for k, v in pieces.items() if k not in (0, title_col, provider_col)})
        linked.append(bool(rows[:-1]) and provider_col in gaps)
        gaps, bordered = set(), False
        last = i
    if any(row.number is None for row in rows):  # a bordered table whose numbers were never read: in order
        rows = [dataclasses.replace(row, number=k) for k, row in enumerate(rows, 1)]
    return _merged_providers(_wrapped_prose(document, rows, prose), linked), last


def _add_line(
    document: Document,
    rows: list[TableRow],
    prose: list[dict[int, list[tuple[int, int]]]],
    cells: list[str],
    pipes: list[tuple[int, int]],
    line: Line,
    columns: tuple[int, int, int | None],
) -> None:
    """The next line of the last row's wrapped cells: its title and provider cells added to the row's, its text
    cells to the row's prose pieces, its source cell to the row's source (``columns``: title, provider, source)."""
    title_col, provider_col, source_col = columns
    rows[-1] = _continued_row(document, rows[-1], cells, (title_col, provider_col), line.end)
    for k, (a, b) in enumerate(pipes):
        if b > a and k not in (0, title_col, provider_col):
            prose[-1].setdefault(k, []).append((line.start + a, line.start + b))
    if source_col is not None and source_col < len(pipes) and pipes[source_col][1] > pipes[source_col][0]:
        a, b = pipes[source_col]
        row = rows[-1]
        more = (*row.origin_more, (line.start + a, line.start + b)) if row.origin else ()
        origin = row.origin or (line.start + a, line.start + b)
        rows[-1] = dataclasses.replace(row, origin=origin, origin_more=more)


def _wrapped_prose(
    document: Document, rows: list[TableRow], prose: list[dict[int, list[tuple[int, int]]]]
) -> list[TableRow]:
    """Each row read by column (pipes, box strokes, an export's tabs) with its text cells' pieces, column by column,
    over all the lines it wraps over, as its prose; each column's last piece reaches over the stroke or tab after it,
    which parts it from the next column's text as a CSV's comma does (天津自贸试验区 | 汕尾海关…, not
    天津自贸试验区汕尾海关)."""
    out = []
    for row, pieces in zip(rows, prose, strict=True):
        if not pieces:  # a row of no cells by column (runs of blanks): its prose as read
            out.append(row)
            continue
        spans = []
        for k in sorted(pieces):
            *body, (a, b) = pieces[k]
            rest = document.text[b : b + 40]
            stroke = b + len(rest) - len(rest.lstrip(" \u3000"))  # the first mark after the cell's blanks
            reach = stroke + 1 if document.text[stroke : stroke + 1] in ("|", "│", "┃", "║", "\t") else b
            spans += [*body, (a, reach)]
        out.append(dataclasses.replace(row, prose=tuple(spans)))
    return out


def _merged_providers(rows: list[TableRow], linked: list[bool]) -> list[TableRow]:
    """``rows`` with a provider cell merged over several rows (``linked``: the border above a row left open in the
    provider's column) given whole to each row it spans."""
    out = list(rows)
    k = 0
    while k < len(out):
        end = k + 1
        while end < len(out) and linked[end]:
            end += 1
        if end - k > 1:
            merged = "".join(row.provider or "" for row in out[k:end]) or None
            out[k:end] = [dataclasses.replace(row, provider=merged) for row in out[k:end]]
        k = end
    return out


def _tab_table(document: Document, lines: list[Line]) -> tuple[list[TableRow], int, int] | None:
    """A tab-separated export under a header of field names, one of them naming a title (编号<TAB>成果名称<TAB>…),
    read as CSV records with a tab for the comma, or a CSV export whose header names no number (领域,经验名称,牵头单位):
    None when there is none or it holds fewer than two records."""
    for i, line in enumerate(lines):
        for delimiter in ("\t", ","):
            names = csv_header(line.text, delimiter)
            if names is None or not any(_TITLE_COLUMN_RE.search(name) for name in names):
                continue
            if delimiter == "," and not any(_PROVIDER_COLUMN_RE.search(name) for name in names):
                continue  # a comma list of words is no header unless it names the cases' units too
            rows, header, last = _csv_table(document, lines, i, names, delimiter)
            if len(rows) >= 2:
                return rows, header, last
    return None


def _unnumbered_table(document: Document, lines: list[Line]) -> tuple[list[TableRow], int, int] | None:
    """A summary table with no 序号 column (graph/extract/_split_tables.py), its rows numbered in order."""
    found = unnumbered_table([line.text for line in lines])
    if found is None:
        return None
    header, names, cells = found
    title_col, provider_col = _table_columns("|".join(["序号", *names]))
    rows = [
        TableRow(
            k + 1,
            values[title_col - 1] if title_col - 1 < len(values) else values[0],
            values[provider_col - 1] if 0 <= provider_col - 1 < len(values) else None,
            document.evidence(lines[i].start, lines[i].end),
        )
        for k, (i, values) in enumerate(cells)
    ]
    return rows, header, cells[-1][0]


def _vertical_table(document: Document, lines: list[Line]) -> tuple[list[TableRow], int, int]:
    """A summary table copied one cell per line (graph/extract/_split_tables.py), as ``parse_table`` returns one."""
    found = vertical_table([line.text for line in lines])
    if found is None:
        return [], -1, -1
    header, names, cells = found
    title_col, provider_col = _table_columns("|".join(names))
    sources = set(load_lexicon("layouts")["notice"]["origin_columns"])
    source = next((k for k, name in enumerate(names) if name in sources), None)
    rows = [
        TableRow(
            parse_chinese_number(values[0]),
            values[title_col] if title_col < len(values) else values[1],
            values[provider_col] if provider_col < len(values) else None,
            document.evidence(lines[first].start, lines[last].end),
            origin=_cell_span(lines, first, last, source) if source is not None else None,
        )
        for first, last, values in cells
    ]
    return rows, header, cells[-1][1]


def _cell_span(lines: list[Line], first: int, last: int, column: int) -> tuple[int, int] | None:
    """Where the cell of ``column`` stands in a row copied one cell per line (its non-blank lines from ``first`` to
    ``last``): the source cell (经验来源) a case's origin may be read from, as a CSV row's is."""
    filled = [i for i in range(first, last + 1) if lines[i].text.strip()]
    if column >= len(filled):
        return None
    line = lines[filled[column]]
    lead = len(line.text) - len(line.text.lstrip())
    return line.start + lead, line.start + len(line.text.rstrip())


def _cell_spans(text: str) -> list[tuple[int, int]]:
    """Where each non-blank cell of a one-line row stands in it, in column order."""
    cells, at = [], 0
    for separator in [*TABLE_SPLIT_RE.finditer(text), None]:
        end = separator.start() if separator else len(text)
        if text[at:end].strip("| \t\u3000"):
            cells.append((at, end))
        at = separator.end() if separator else at
    return cells


def _told_columns(header: str) -> tuple[int | None, tuple[int, str] | None]:
    """The columns of a one-line header that tell where a row's reform came from: its source column (经验出处) and its
    batch column with its name (国务院推广批次), each None when the table has none."""
    words = load_lexicon("layouts")["notice"]
    names = [c for c in TABLE_SPLIT_RE.split(header.strip().strip("|")) if c]
    source = next((k for k, name in enumerate(names) if name in set(words["origin_columns"])), None)
    ends = tuple(words["batch_column_ends"])
    batch = next(((k, name) for k, name in enumerate(names) if name.endswith(ends)), None)
    return source, batch


def _prose_cells(text: str, offset: int, title_col: int, provider_col: int) -> tuple[tuple[int, int], ...]:
    """Where the cells of a one-line row other than its number, title and provider stand (| 1 | title | unit | 做法 |
    成效 |), from the first such cell to the last as one span when they follow each other, at ``offset``; () when the
    row has no such cell."""
    cells = _cell_spans(text)
    prose = [k for k in range(1, len(cells)) if k not in (title_col, provider_col)]
    if not prose:
        return ()
    if prose == list(range(prose[0], prose[-1] + 1)):
        return ((offset + cells[prose[0]][0], offset + cells[prose[-1]][1]),)
    return tuple((offset + cells[k][0], offset + cells[k][1]) for k in prose)


def _continued_row(document: Document, row: TableRow, cells: list[str], columns: tuple[int, int], end: int) -> TableRow:
    """``row`` with the next line of its wrapped cells (by column) added to its title and provider (``columns``), its
    evidence reaching to ``end``, that line's end."""
    title_col, provider_col = columns
    title = row.title + (cells[title_col] if title_col < len(cells) else "")
    provider = (row.provider or "") + (cells[provider_col] if provider_col < len(cells) else "")
    evidence = document.evidence(row.evidence.start, end)
    return dataclasses.replace(row, title=title, provider=provider or None, evidence=evidence, prose=())
