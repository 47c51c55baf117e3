"""Cases exported as JSON records: a data platform's API response pasted under its legend, or a JSON / JSON-lines file.

An open-data page of a dataset shows its metadata (数据集名称, 数据提供方, 数据量：4条), a legend of the field names
(字段说明：xh 序号；almc 案例名称；bsdw 报送单位；…) and the API's response pasted as it came
(``{"code":200,…,"data":[{…},…]}``), whose keys are the legend's abbreviations; an export may also be bare records
with Chinese keys, one JSON document or one record a line. Each record is then one case, as a summary table's row
holding a whole case is: this module finds the records, what each key means (the key itself when it is Chinese, else
the legend's word for it, written ``key 含义``, ``key：含义`` or ``含义（key）``) and where each string value stands
in the text, so the splitter builds the rows from them (graph/extract/_split_summary.py). Nothing here names a document.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ftzgraph.graph.text import CJK_RE

_DECODER = json.JSONDecoder()
_OPENING_RE = re.compile(r"^[ \t\u3000]*[\[{]", re.M)
_MEANING = r"[\u4e00-\u9fff][\u4e00-\u9fff（）()/]{1,11}"
_STRING_RE = re.compile(r'"(?:[^"\\\n]|\\.)*"')
"""A JSON string token as written, escapes included."""


@dataclass
class JsonRecord:
    """One record: its span in the text and, per field in the record's order, the key's meaning, the value as
    written and the value's span (a string value's inside, without its quotes)."""

    start: int
    end: int
    fields: list[tuple[str, str, tuple[int, int]]]


def json_records(text: str) -> list[JsonRecord]:
    """The records of the largest list of records in ``text`` (at least two, each with two or more string fields
    of Chinese text), with the meanings the text's legend gives their keys; [] when there is none."""
    best: list[tuple[dict[str, Any], int, int]] = []
    for block, start, end in _blocks(text):
        found = _located(text, start, end, _largest_list(block))
        if len(found) > len(best):
            best = found
    if len(best) < 2:  # a response cut short (…省略) or pasted inside a sentence: its whole records, wherever
        best = _loose_records(text)
    if len(best) < 2:
        return []
    outside = text[: best[0][1]] + "\n" + text[best[-1][2] :]
    meanings = _legend(outside, {key for record, _, _ in best for key in record})
    records = []
    for record, start, end in best:
        fields = []
        for key, value in record.items():
            span = _value_span(text, start, end, key, value)
            if span is not None:
                fields.append((meanings.get(key, key), str(value), span))
        records.append(JsonRecord(start, end, fields))
    return records


def _blocks(text: str) -> list[tuple[Any, int, int]]:
    """Every JSON value that opens a line of ``text`` (an object or an array), with its span; consecutive one-line
    objects (JSON lines) as one list."""
    blocks: list[tuple[Any, int, int]] = []
    at = 0
    lines: list[tuple[Any, int, int]] = []
    while (opening := _OPENING_RE.search(text, at)) is not None:
        start = opening.end() - 1
        try:
            value, end = _DECODER.raw_decode(text, start)
        except ValueError:
            at = start + 1
            continue
        if (
            isinstance(value, dict)
            and "\n" not in text[start:end]
            and (not lines or _adjacent(text, lines[-1][2], start))
        ):
            lines.append((value, start, end))
        else:
            if len(lines) >= 2:
                blocks.append(([v for v, _, _ in lines], lines[0][1], lines[-1][2]))
            lines = [(value, start, end)] if isinstance(value, dict) and "\n" not in text[start:end] else []
        blocks.append((value, start, end))
        at = end
    if len(lines) >= 2:
        blocks.append(([v for v, _, _ in lines], lines[0][1], lines[-1][2]))
    return blocks


def _loose_records(text: str) -> list[tuple[dict[str, Any], int, int]]:
    """Every object in ``text`` that decodes on its own as a record, outermost first, those with the most common set
    of keys kept: the records of a list whose whole does not decode."""
    found: list[tuple[dict[str, Any], int, int]] = []
    at = text.find("{")
    while at >= 0:
        try:
            value, end = _DECODER.raw_decode(text, at)
        except ValueError:
            value, end = None, at + 1
        if _is_record(value):
            found.append((value, at, end))
        at = text.find("{", end if _is_record(value) else at + 1)
    keys = Counter(frozenset(record) for record, _, _ in found).most_common(1)
    return [r for r in found if keys and frozenset(r[0]) == keys[0][0]]


def _adjacent(text: str, end: int, start: int) -> bool:
    return not text[end:start].strip()


def _is_record(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and sum(isinstance(v, str) and CJK_RE.search(v) is not None for v in value.values()) >= 2
    )


def _largest_list(value: Any) -> list[dict[str, Any]]:
    """The longest list of records anywhere inside ``value`` (data, result.records, the value itself)."""
    best: list[dict[str, Any]] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            records = [v for v in item if _is_record(v)]
            if len(records) == len(item) and len(records) > len(best):
                best = records
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return best


def _located(text: str, start: int, end: int, records: list[dict[str, Any]]) -> list[tuple[dict[str, Any], int, int]]:
    """Each of ``records`` with its span in ``text[start:end]``, found in order; [] when one is not found."""
    found = []
    at = start
    for record in records:
        while True:
            at = text.find("{", at, end)
            if at < 0:
                return []
            try:
                value, stop = _DECODER.raw_decode(text, at)
            except ValueError:
                at += 1
                continue
            if value == record:
                found.append((record, at, stop))
                at = stop
                break
            at += 1
    return found


def _value_span(text: str, start: int, end: int, key: str, value: Any) -> tuple[int, int] | None:
    """Where the string ``value`` of ``key`` stands inside the record ``text[start:end]``: its characters as written,
    escapes and all (一是…\\n二是…); None for a value that is no string."""
    if not isinstance(value, str) or not value:
        return None
    match = re.compile(rf'"{re.escape(key)}"\s*:\s*"').search(text, start, end)
    if match is None:
        return None
    if text.startswith(value, match.end()):
        return match.end(), match.end() + len(value)
    token = _STRING_RE.match(text, match.end() - 1)
    return (match.end(), token.end() - 1) if token and json.loads(token.group()) == value else None


def _legend(text: str, keys: set[str]) -> dict[str, str]:
    """The meaning the text gives each key not written in Chinese (字段说明：xh 序号；almc 案例名称, almc：案例名称,
    案例名称（almc）): the words right after the key, or the words before it in brackets."""
    meanings: dict[str, str] = {}
    for key in keys:
        if CJK_RE.search(key):
            continue
        name = re.escape(key)
        after = re.search(rf"(?<![A-Za-z0-9_]){name}(?![A-Za-z0-9_])[ \t\u3000|｜:：=\-—（(]*(?P<m>{_MEANING})", text)
        before = re.search(rf"(?P<m>{_MEANING})[ \t\u3000]*[（(][ \t\u3000]*{name}[ \t\u3000]*[)）]", text)
        match = after or before
        if match:
            meanings[key] = re.sub(r"[（(].*$", "", match["m"]).rstrip("）)")
    return meanings
