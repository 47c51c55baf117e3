"""A summary table whose rows are records rather than lines: a CSV or tab export, JSON records, a table with its
cases as columns; and the columns of a header that hold the title and the provider, which every drawing reads. Split
from ``_split_summary.py`` by noun: this module turns records into rows; ``_split_summary.py`` finds the table
and reads the tables drawn line by line.
"""

from __future__ import annotations

import dataclasses
import re

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_csv import csv_records
from ftzgraph.graph.extract._split_json import json_records
from ftzgraph.graph.extract._split_lines import Line
from ftzgraph.graph.extract._split_tables import (
    transposed_table,
)
from ftzgraph.graph.model import Document, TableRow
from ftzgraph.graph.text import CJK_RE, parse_chinese_number

TABLE_SPLIT_RE = re.compile(r"\s*(?:\t+|\|+|\s{2,})\s*")


def _csv_table(
    document: Document, lines: list[Line], header: int, names: list[str], delimiter: str = ","
) -> tuple[list[TableRow], int, int]:
    """A summary table saved as CSV (graph/extract/_split_csv.py), as ``parse_table`` returns one: each record a
    row, its prose the cells that tell the case (not its number, title, provider or remarks cells), as one span from
    the first to the last when they follow each other."""
    key: int | None = next((k for k, name in enumerate(names) if name in _NUMBER_MEANINGS), None)
    if key is None and delimiter == "\t":
        key = 0  # 编号<TAB>…: a tab export keyed by its first column's codes (NP001)
    title_col, provider_col = _table_columns("|".join(names if key is not None else ["序号", *names]))
    if key is None:  # the columns of a table with no number column, counted as if it had one first
        title_col, provider_col = title_col - 1, provider_col - 1
    remarks = tuple(load_lexicon("layouts")["tables"]["remark_columns"])
    told = [
        k
        for k, name in enumerate(names)
        if k > (key if key is not None else -1) and k not in (title_col, provider_col) and not name.startswith(remarks)
    ]
    sources = set(load_lexicon("layouts")["notice"]["origin_columns"])
    source = next((k for k, name in enumerate(names) if name in sources and k in told), None)
    rows: list[TableRow] = []
    last = header
    records = csv_records(document.text, lines[header].start, delimiter, key)
    for order, (start, end, cells, spans) in enumerate(records, 1):
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
        if not provider and rows and rows[-1].provider:
            provider = rows[-1].provider  # a unit's cell merged over its rows: written on the first, empty below
        number = parse_chinese_number(cells[key].strip()) if key is not None else None
        rows.append(
            TableRow(
                number or order,  # a record keyed by a code, or by no column: its order
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


def _transposed_table(document: Document, lines: list[Line]) -> tuple[list[TableRow], int, int] | None:
    """A table with its cases as columns (graph/extract/_split_tables.py), each column a row as ``parse_table``
    returns one: titled by the title field, its provider the unit field, its source the source field, its prose the
    other fields but a number or a remark; numbered by a 序号 field when it counts from 1, else in order."""
    found = transposed_table([line.text for line in lines])
    if found is None:
        return None
    first, last, names, columns = found
    words = load_lexicon("layouts")
    remarks = tuple(words["tables"]["remark_columns"])
    sources = set(words["notice"]["origin_columns"])
    title_at, provider_at = _table_columns("|".join(["序号", *names]))  # the names as a header's, after a number
    title_at, provider_at = title_at - 1, provider_at - 1
    numbers = [k for k, name in enumerate(names) if name in _NUMBER_MEANINGS]
    rows: list[TableRow] = []
    for order, column in enumerate(columns, 1):
        pieces: dict[int, list[tuple[int, int]]] = {}
        for k, i, (_, a, b) in column:
            if b > a:
                pieces.setdefault(k, []).append((lines[i].start + a, lines[i].start + b))
        spans = {k: (v[0][0], v[-1][1]) for k, v in pieces.items()}
        values: dict[int, str] = {}
        for k, _, (cell, _, _) in column:
            values[k] = values.get(k, "") + cell
        number = parse_chinese_number(values.get(numbers[0], "")) if numbers else None
        prose = tuple(
            span
            for k, name in enumerate(names)
            if k in pieces and k not in (title_at, provider_at, *numbers) and not name.startswith(remarks)
            for span in pieces[k]
        )
        source = next((spans.get(k) for k, name in enumerate(names) if name in sources), None)
        rows.append(
            TableRow(
                number if number is not None else order,
                values.get(title_at, "").strip(),
                values.get(provider_at, "").strip() or None,
                document.evidence(min(a for a, _ in spans.values()), max(b for _, b in spans.values())),
                prose,
                source,
            )
        )
    if [row.number for row in rows] != list(range(1, len(rows) + 1)):
        rows = [dataclasses.replace(row, number=k) for k, row in enumerate(rows, 1)]
    return (rows, first, last) if len(rows) >= 2 and all(row.title for row in rows) else None


_TITLE_COLUMN_RE = re.compile(r"案例|事项|名称|举措|做法")


_PROVIDER_COLUMN_RE = re.compile(r"单位|地区|地市|片区|提供|报送|牵头部门|责任部门|实施主体|责任主体|申报主体")


def _table_columns(header: str) -> tuple[int, int]:
    """The title's and the provider's column in a summary table, by the header's words (序号 | 地区 | 案例 puts the
    provider before the title); by default the second and third columns (序号 | 案例名称 | 报送单位)."""
    cells = [c for c in TABLE_SPLIT_RE.split(header.strip().strip("|")) if c]
    title = next((k for k, c in enumerate(cells) if k > 0 and _TITLE_COLUMN_RE.search(c)), 1)
    provider = next((k for k, c in enumerate(cells) if k > 0 and k != title and _PROVIDER_COLUMN_RE.search(c)), 2)
    return title, provider
