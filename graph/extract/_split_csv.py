"""A summary table saved as CSV and pasted as text (序号,案例名称,报送单位,…,备注), read with the csv module.

A spreadsheet exported to CSV keeps each case as one record, but a cell that holds line breaks or commas is quoted and
runs over several lines ("…\\n…"), so the line-by-line table readers (tabs, pipes, laid-out columns) see no row. The
block from the header line on is read as CSV records; each record keeps where its cells stand in the document, so a
case can be read from its prose cells only. Records end at the first one whose first cell is no number (a 填报说明
row, a blank line's end of the table). Nothing here names a document.
"""

from __future__ import annotations

import csv
import io

from ftzgraph.graph.text import CJK_RE, parse_chinese_number


def csv_header(line: str) -> list[str] | None:
    """The cells of ``line`` when it reads as a CSV header (three or more comma-separated short names, no tab or
    pipe), else None."""
    if "\t" in line or "|" in line or line.count(",") < 2:
        return None
    cells = next(csv.reader([line.strip()]), [])
    if len(cells) < 3 or not all(CJK_RE.search(cell) and len(cell.strip()) <= 12 for cell in cells):
        return None
    return [cell.strip() for cell in cells]


def csv_records(text: str, start: int) -> list[tuple[int, int, list[str], list[tuple[int, int]]]]:
    """The numbered records of the CSV block whose header line starts at offset ``start`` of ``text``: each as
    (start, end, cells, cell spans), offsets in ``text``; a quoted cell's span is its inside, without the quotes."""
    lines = text[start:].splitlines(keepends=True)
    offsets = [start]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    reader = csv.reader(io.StringIO(text[start:], newline=""))
    next(reader, None)  # the header
    records: list[tuple[int, int, list[str], list[tuple[int, int]]]] = []
    first = reader.line_num
    for cells in reader:
        last = reader.line_num
        if not cells or parse_chinese_number(cells[0].strip()) is None:
            break
        begin, end = offsets[first], offsets[last]
        spans = _cell_spans(text, begin, cells)
        if spans is None:
            break
        records.append((begin, len(text[:end].rstrip("\r\n")), cells, spans))
        first = last
    return records


def _cell_spans(text: str, at: int, cells: list[str]) -> list[tuple[int, int]] | None:
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
        at += 1  # the comma (or the record's line end)
    return spans
