"""A collection's summary table (序号 | 案例名称 | 提供单位) read into rows, whatever its drawing.

The table is often the only place a collection names its providers, and its titles tell the splitter which lines
open cases. Rows come from columns split on tabs, pipes or runs of spaces, from a CSV export, from one cell per line,
from a table with no 序号 column, or from a PDF's laid-out columns (the drawings are turned into rows by
graph/extract/_split_tables.py). Split from graph/extract/split.py, which matches the rows to the case sections.
"""

from __future__ import annotations

import dataclasses
import re

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_csv import csv_header, csv_records
from ftzgraph.graph.extract._split_json import json_records
from ftzgraph.graph.extract._split_lines import Line
from ftzgraph.graph.extract._split_tables import (
    continued_cells,
    layout_table,
    table_line,
    unnumbered_table,
    vertical_table,
)
from ftzgraph.graph.model import Document, TableRow
from ftzgraph.graph.text import CJK_RE, parse_chinese_number

TABLE_HEADER_RE = re.compile(r"(?:序号|编号).{0,20}?(?:案例|事项|名称|举措|做法)")
"""A summary table's header: its number column (序号, a ledger's 编号), then a column naming the cases."""
TABLE_SPLIT_RE = re.compile(r"\s*(?:\t+|\|+|\s{2,})\s*")


def parse_table(document: Document, lines: list[Line]) -> tuple[list[TableRow], int, int]:
    """Rows of the first summary table (序号 | 案例名称 | 提供单位), and the line span it covers.

    Rows may be split into blocks by blank lines (page breaks); the table ends at the first
    non-blank line that is not a row.
    """
    if (records := _json_table(document, lines))[0]:  # {"data":[{…}]} under its legend, or JSON lines
        return records
    header = next((i for i, line in enumerate(lines) if TABLE_HEADER_RE.search(line.text)), None)
    if header is None:  # no 序号 column, a tab-separated export, or one cell a line
        return _unnumbered_table(document, lines) or _tab_table(document, lines) or _vertical_table(document, lines)
    if (names := csv_header(lines[header].text)) is not None:  # 序号,案例名称,…: a spreadsheet saved as CSV
        return _csv_table(document, lines, header, names)
    rows: list[TableRow] = []
    last = header
    title_col, provider_col = _table_columns(table_line(lines[header].text))
    source_col, batch_col = _told_columns(table_line(lines[header].text))
    for i in range(header + 1, len(lines)):
        line = lines[i]
        text = table_line(line.text)  # │ ├──┼──┤ +---+: any drawing as pipe rows (graph/extract/_split_tables.py)
        if not text.strip() or set(text.strip()) <= set("|-: "):
            continue
        if rows and (more := continued_cells(text)):  # a title or unit wrapped inside its cell
            rows[-1] = _continued_row(rows[-1], more, title_col, provider_col)
            last = i
            continue
        cells = [c for c in TABLE_SPLIT_RE.split(text.strip().strip("|")) if c]
        number = parse_chinese_number(cells[0]) if cells else None
        if number is None or len(cells) < 2:
            break
        title = cells[title_col] if title_col < len(cells) else cells[1]
        provider = cells[provider_col].strip() if provider_col < len(cells) else None
        evidence = document.evidence(line.start, line.end)
        spans = _cell_spans(text)
        origin = spans[source_col] if source_col is not None and source_col < len(spans) else None
        batch = spans[batch_col[0]] if batch_col is not None and batch_col[0] < len(spans) else None
        rows.append(
            TableRow(
                number,
                title.strip(),
                provider,
                evidence,
                _prose_cells(text, line.start, title_col, provider_col),
                (line.start + origin[0], line.start + origin[1]) if origin else None,
                (line.start + batch[0], line.start + batch[1], batch_col[1]) if batch and batch_col else None,
            )
        )
        last = i
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
    if not rows and (tabbed := _tab_table(document, lines)):  # 编号<TAB>…<TAB> over rows keyed by codes (NP001)
        return tabbed
    return rows, header, last


def _tab_table(document: Document, lines: list[Line]) -> tuple[list[TableRow], int, int] | None:
    """A tab-separated export under a header of field names, one of them naming a title (编号<TAB>成果名称<TAB>…),
    read as CSV records with a tab for the comma; None when there is none or it holds fewer than two records."""
    for i, line in enumerate(lines):
        names = csv_header(line.text, "\t")
        if names is None or not any(_TITLE_COLUMN_RE.search(name) for name in names):
            continue
        rows, header, last = _csv_table(document, lines, i, names, "\t")
        if len(rows) >= 2:
            return rows, header, last
    return None


def _csv_table(
    document: Document, lines: list[Line], header: int, names: list[str], delimiter: str = ","
) -> tuple[list[TableRow], int, int]:
    """A summary table saved as CSV (graph/extract/_split_csv.py), as ``parse_table`` returns one: each record a
    row, its prose the cells that tell the case (not its number, title, provider or remarks cells), as one span from
    the first to the last when they follow each other."""
    title_col, provider_col = _table_columns("|".join(names))
    remarks = tuple(load_lexicon("layouts")["tables"]["remark_columns"])
    told = [k for k, name in enumerate(names) if k not in (0, title_col, provider_col) and not name.startswith(remarks)]
    sources = set(load_lexicon("layouts")["notice"]["origin_columns"])
    source = next((k for k, name in enumerate(names) if name in sources and k in told), None)
    rows: list[TableRow] = []
    last = header
    for order, (start, end, cells, spans) in enumerate(csv_records(document.text, lines[header].start, delimiter), 1):
        # each cell up to the next one (its closing quote and comma part the joined text), the last one whole
        prose = [
            (spans[k][0], spans[k + 1][0] if k + 1 < len(spans) and k != told[-1] else spans[k][1])
            for k in told
            if k < len(spans) and spans[k][1] > spans[k][0]
        ]
        if told and told == list(range(told[0], told[-1] + 1)) and prose:
            prose = [(prose[0][0], prose[-1][1])]
        title = cells[title_col] if title_col < len(cells) else ""
        provider = cells[provider_col].strip() if provider_col < len(cells) else ""
        rows.append(
            TableRow(
                parse_chinese_number(cells[0].strip()) or order,  # a record keyed by a code: its order
                title.strip(),
                provider or None,
                document.evidence(start, end),
                tuple(prose),
                spans[source] if source is not None and source < len(spans) else None,
            )
        )
        last = max(i for i, line in enumerate(lines) if line.start <= end)
    return (rows, header, last) if rows else ([], -1, -1)


def _json_table(document: Document, lines: list[Line]) -> tuple[list[TableRow], int, int]:
    """Records exported as JSON (graph/extract/_split_json.py), as ``parse_table`` returns a table: each record a row,
    titled by the field whose meaning names a title, its provider the field naming a unit, its prose every other
    field of Chinese text but a number, a code or a remark; numbered by its number field when those count from 1,
    else in order."""
    records = json_records(document.text)
    if not records:
        return [], -1, -1
    words = load_lexicon("layouts")
    remarks = tuple(words["tables"]["remark_columns"])
    sources = set(words["notice"]["origin_columns"])
    rows: list[TableRow] = []
    for order, record in enumerate(records, 1):
        meanings = [meaning for meaning, _, _ in record.fields]
        titles = [k for k, m in enumerate(meanings) if _JSON_TITLE_RE.search(m) and not _JSON_UNIT_RE.search(m)]
        title = next((k for k in titles if _JSON_NAME_RE.search(meanings[k])), titles[0] if titles else None)
        provider = next((k for k, m in enumerate(meanings) if k != title and _JSON_UNIT_RE.search(m)), None)
        if title is None:
            return [], -1, -1
        number = next((parse_chinese_number(v) for m, v, _ in record.fields if m in _NUMBER_MEANINGS), None)
        # each value up to the next field's value (its quotes and key part the joined text, as a CSV cell's do)
        reach = [nxt[2][0] for nxt in record.fields[1:]] + [record.fields[-1][2][1] + 1]
        prose = tuple(
            (span[0], reach[k])
            for k, (meaning, value, span) in enumerate(record.fields)
            if k not in (title, provider)
            and meaning not in _NUMBER_MEANINGS
            and not meaning.startswith(remarks)
            and CJK_RE.search(value)
        )
        source = next((span for meaning, _, span in record.fields if meaning in sources), None)
        rows.append(
            TableRow(
                number if number is not None else order,
                record.fields[title][1].strip(),
                record.fields[provider][1].strip() if provider is not None else None,
                document.evidence(record.start, record.end),
                prose,
                source,
            )
        )
    if [row.number for row in rows] != list(range(1, len(rows) + 1)):
        rows = [dataclasses.replace(row, number=k) for k, row in enumerate(rows, 1)]
    first = max(i for i, line in enumerate(lines) if line.start <= records[0].start)
    last = max(i for i, line in enumerate(lines) if line.start <= records[-1].end)
    return rows, first, last


_JSON_TITLE_RE = re.compile(r"案例|事项|名称|标题|题目|主题")
_JSON_NAME_RE = re.compile(r"名称|标题|题目")
_JSON_UNIT_RE = re.compile(r"单位|地区|地市|片区|提供|报送|申报|部门|主体|供稿|推荐")
"""A unit field: a summary table's provider words, and the words a record names its body with (报送部门, 申报主体)."""
"""A title field: one naming a name or title (案例名称, 标题) before one naming only the case (案例, not 案例来源)."""
_NUMBER_MEANINGS = frozenset({"序号", "编号", "顺序号", "id", "ID"})


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


def _continued_row(row: TableRow, cells: list[str], title_col: int, provider_col: int) -> TableRow:
    """``row`` with the next line of its wrapped cells (by column) added to its title and provider."""
    title = row.title + (cells[title_col] if title_col < len(cells) else "")
    provider = (row.provider or "") + (cells[provider_col] if provider_col < len(cells) else "")
    return TableRow(row.number, title, provider or None, row.evidence)


_TITLE_COLUMN_RE = re.compile(r"案例|事项|名称|举措|做法")
_PROVIDER_COLUMN_RE = re.compile(r"单位|地区|地市|片区|提供|报送")


def _table_columns(header: str) -> tuple[int, int]:
    """The title's and the provider's column in a summary table, by the header's words (序号 | 地区 | 案例 puts the
    provider before the title); by default the second and third columns (序号 | 案例名称 | 报送单位)."""
    cells = [c for c in TABLE_SPLIT_RE.split(header.strip().strip("|")) if c]
    title = next((k for k, c in enumerate(cells) if k > 0 and _TITLE_COLUMN_RE.search(c)), 1)
    provider = next((k for k, c in enumerate(cells) if k > 0 and k != title and _PROVIDER_COLUMN_RE.search(c)), 2)
    return title, provider
