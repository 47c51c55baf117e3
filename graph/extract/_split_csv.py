"""A summary table saved as CSV and pasted as text (序号,案例名称,报送单位,…,备注), read with the csv module.

A tab-separated export (编号<TAB>成果名称<TAB>牵头单位<TAB>…) is the same records with another delimiter, and its rows
may be keyed by a code (NP001, A-01) rather than a number: both are read here, the tab one only where no line reader
found a table (a tab table under 序号 is theirs).

A spreadsheet exported to CSV keeps each case as one record, but a cell that holds line breaks or commas is quoted and
runs over several lines ("…\\n…"), so the line-by-line table readers (tabs, pipes, laid-out columns) see no row. The
block from the header line on is read as CSV records; each record keeps where its cells stand in the document, so a
case can be read from its prose cells only. Records end at the first one whose first cell is no number (a 填报说明
row, a blank line's end of the table). Nothing here names a document.
"""

from __future__ import annotations

import csv
import io
import re

from ftzgraph.graph.text import CJK_RE, parse_chinese_number


def csv_header(line: str, delimiter: str = ",") -> list[str] | None:
    """The cells of ``line`` when it reads as a CSV header (three or more short names separated by ``delimiter``, no
    other delimiter and no pipe), else None."""
    other = "\t" if delimiter == "," else ","
    if other in line or "|" in line or "\r" in line.strip() or line.count(delimiter) < 2:
        return None  # a carriage return inside a line breaks it for the csv reader: no header of one line
    cells = next(csv.reader([line.strip()], delimiter=delimiter), [])
    if len(cells) < 3 or not all(CJK_RE.search(cell) and len(cell.strip()) <= 12 for cell in cells):
        return None
    return [cell.strip() for cell in cells]


def csv_records(
    text: str, start: int, delimiter: str = ",", key: int | None = 0
) -> list[tuple[int, int, list[str], list[tuple[int, int]]]]:
    """The numbered (or code-keyed) records of the CSV block whose header line starts at offset ``start`` of
    ``text``: each as (start, end, cells, cell spans), offsets in ``text``; a quoted cell's span is its inside,
    without the quotes. ``key`` is the column holding the number: a grouping column before it (类别, 领域) is a
    merged cell, written on its group's first record and empty below. With no ``key`` (a table with no number
    column), the records run to the first one holding fewer than two cells."""
    lines = text[start:].splitlines(keepends=True)
    offsets = [start]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    reader = csv.reader(io.StringIO(text[start:], newline=""), delimiter=delimiter)
    next(reader, None)  # the header
    records: list[tuple[int, int, list[str], list[tuple[int, int]]]] = []
    first = reader.line_num
    for cells in reader:
        last = reader.line_num
        if key is None and sum(bool(cell.strip()) for cell in cells) < 2:
            break  # a table keyed by no number: it ends at a row of one cell (备注：…) or a blank line
        if key is not None and (len(cells) <= key or not record_key(cells[key].strip())):
            break
        begin, end = offsets[first], offsets[last]
        spans = _cell_spans(text, begin, cells, delimiter)
        if spans is None:
            break
        records.append((begin, len(text[:end].rstrip("\r\n")), cells, spans))
        first = last
    return records


_CODE_RE = re.compile(r"[A-Za-z]{0,8}[-_]?[0-9]{1,6}")
"""A record's code in its key column (NP001, A-01, 0012): letters and digits, as an export keys its rows."""


def record_key(cell: str) -> bool:
    """True when ``cell`` can key a record: a number in any numerals, or a code (``_CODE_RE``)."""
    return parse_chinese_number(cell) is not None or _CODE_RE.fullmatch(cell) is not None


def _cell_spans(text: str, at: int, cells: list[str], delimiter: str = ",") -> list[tuple[int, int]] | None:
    """Where each of ``cells`` (a record read from ``text`` at offset ``at``) stands: a quoted cell's inside, a bare
    cell's text; None when the record is not written as the standard dialect writes it."""
    spans: list[tuple[int, int]] = []
    for cell in cells:
        if text.startswith('"', at):
            raw = cell.replace('"', '""')
            if not text.startswith(raw, at + 1):
                return None
            spans.append((at + 1, at + 1 + len(raw)))
            at += len(raw) + 2
        else:
            if not text.startswith(cell, at):
                return None
            spans.append((at, at + len(cell)))
            at += len(cell)
        at += len(delimiter)  # the comma or tab (or the record's line end)
    return spans
