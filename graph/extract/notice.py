"""Parse a State Council notice that promotes a national batch of reform pilot experiences.

The genre: an opening paragraph, then ``一、复制推广的主要内容`` with ``（一）在全国范围内复制推广的改革事项`` and
``（二）在特定区域复制推广的改革事项``, items listed per domain (``1.投资管理领域：“X”、“Y”等2项。``), and an
attachment table (序号 | 改革事项 | 主要内容 | 负责单位 | 推广范围). Both the text and the table are read and
merged by title; each count the notice declares (``等N项``, ``共N项``) is checked against the items found, a
mismatch being a warning, never an error. Phrasings live in ``data/lexicon/layouts.yaml``; domains in
``data/vocab/domains.ttl``; nothing here names a batch or an item.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ftzgraph.graph.data_files import read_data_text
from ftzgraph.graph.extract._split_lines import Line, text_lines
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.extract.layout import layout_lexicon
from ftzgraph.graph.extract.origins import lexicon as origin_lexicon
from ftzgraph.graph.model import NATIONAL, SPECIAL, BatchItem, Document, Evidence, NationalBatch
from ftzgraph.graph.text import NUMERAL_CLASS, TitleMatcher, parse_chinese_number, title_key
from ftzgraph.ontology.namespace import PILOT_EXPERIENCE

SAME_ITEM_MIN = 0.85
"""Title similarity above which an item of the text and a row of the attachment table are one item."""

_CELL_SPLIT_RE = re.compile(r"\s*(?:\t+|\|+|\s{2,})\s*")
_ORDINAL_RE = re.compile(rf"^\s*#*\s*(?:[（(]\s*[{NUMERAL_CLASS}]+\s*[)）]|[{NUMERAL_CLASS}]+\s*[、.．])\s*")
_DATE_LINE_RE = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")


@cache
def domain_labels() -> dict[str, str]:
    """Every Chinese label of a policy domain (prefLabel and altLabel) -> the domain's prefLabel."""
    from rdflib import Graph
    from rdflib.namespace import SKOS

    graph = Graph().parse(data=read_data_text("vocab", "domains.ttl"), format="turtle")
    labels: dict[str, str] = {}
    for concept, pref in graph.subject_objects(SKOS.prefLabel):
        if getattr(pref, "language", None) != "zh":
            continue
        labels[str(pref)] = str(pref)
        for alt in graph.objects(concept, SKOS.altLabel):
            labels.setdefault(str(alt), str(pref))
    return labels


def find_domain(text: str) -> str | None:
    """The domain (its prefLabel) whose label occurs in ``text``, longest label first."""
    for label in sorted(domain_labels(), key=len, reverse=True):
        if label in text:
            return domain_labels()[label]
    return None


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the top-level quotes of ``text`` (inner offsets), nesting “a“b”c” and “a‘b’c” kept inside."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for i, char in enumerate(text):
        if char in "“「":
            if depth == 0:
                start = i + 1
            depth += 1
        elif char in "”」" and depth:
            depth -= 1
            if depth == 0 and i > start:
                spans.append((start, i))
    if not spans and '"' in text:
        spans = [(m.start(1), m.end(1)) for m in re.finditer(r'"([^"]{2,80})"', text)]
    return spans


def _batch_of(document: Document) -> tuple[str, int | None, Evidence | None]:
    """Kind and number from the title (``第五批改革试点经验``); a ``新一批`` notice has no number."""
    kinds = origin_lexicon()["batch_kinds"]
    words = "|".join(re.escape(w) for ws in kinds.values() for w in ws)
    pattern = re.compile(rf"第\s*(?P<n>[{NUMERAL_CLASS}]+)\s*批[^，。\n]{{0,12}}?(?P<kind>{words})|(?P<kind2>{words})")
    head = document.text[:3000]
    title = document.title or ""
    for subject in (title, head):
        match = pattern.search(subject)
        if not match:
            continue
        word = match["kind"] or match["kind2"]
        kind = next((str(k) for k, ws in kinds.items() if word in ws), PILOT_EXPERIENCE)
        number = parse_chinese_number(match["n"]) if match["n"] else None
        where = document.text.find(title) if subject is title and title else -1
        start = where + match.start() if where >= 0 else head.find(match.group(0))
        evidence = document.evidence(start, start + len(match.group(0))) if start >= 0 else None
        return kind, number, evidence
    return PILOT_EXPERIENCE, None, None


def _notice_date(document: Document, lines: list[Line]) -> str | None:
    """The signing date: the last date standing alone on its line in the body (before the attachments)."""
    found = None
    for line in lines:
        match = _DATE_LINE_RE.match(line.text)
        if match:
            found = f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}"
    return found or document.date


def _count(pattern: str, text: str) -> int | None:
    match = re.search(pattern, text)
    return parse_chinese_number(match["n"]) if match else None


def _body_items(document: Document, lines: list[Line], warnings: list[str]) -> tuple[list[BatchItem], list[int]]:
    """Items listed in the text, each with the domain and scope its heading or line states; the counts declared."""
    lex = layout_lexicon()["notice"]
    scope: str | None = None
    detail: str | None = None
    domain: str | None = None
    items: list[BatchItem] = []
    declared: list[int] = []
    for line in lines:
        text = line.text
        spans = quoted_spans(text)
        if not spans:
            if any(p in text for p in lex["scope_national"]):
                scope, detail, domain = NATIONAL, None, None
            elif any(p in text for p in lex["scope_special"]):
                scope, detail, domain = SPECIAL, None, None
            elif len(_ORDINAL_RE.sub("", text).strip()) <= 20 and find_domain(text):
                domain = find_domain(text)
            continue
        before = text[: spans[0][0]]
        after = text[spans[-1][1] :]
        count = _count(lex["count_pattern"], after)
        prefix = _ORDINAL_RE.sub("", before)
        line_domain = find_domain(prefix.split("：")[0]) if "：" in prefix or ":" in prefix else None
        if count is None and line_domain is None and not (scope and _ORDINAL_RE.match(before)):
            continue  # quotes in running text, not an item list
        line_scope, line_detail = scope, detail
        region = re.search(lex["region_pattern"], before)
        if region and region["region"] not in lex["national_words"]:
            line_scope, line_detail = SPECIAL, region["region"].strip()
        elif region:
            line_scope, line_detail = NATIONAL, None
        for start, end in spans:
            title = text[start:end].strip()
            if len(title_key(title)) < 2:
                continue
            evidence = document.evidence(line.start + start, line.start + end)
            items.append(BatchItem(title, evidence, line_domain or domain, line_scope, line_detail))
        if count is not None:
            declared.append(count)
            if count != len(spans):
                warnings.append(
                    f"{document.path}:{document.line_of(line.start)}: the notice declares {count} items "
                    f"(…{count}项) but lists {len(spans)}"
                )
    return items, declared


def _columns(cells: list[str], lex: dict[str, Any]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for name in ("item", "content", "unit", "scope", "origin"):
        words = lex[f"{name}_columns"]
        for index, cell in enumerate(cells):
            if index not in columns.values() and any(w in cell for w in words):
                columns[name] = index
                break
    return columns


def _cell(cells: list[str], columns: dict[str, int], name: str) -> str | None:
    index = columns.get(name)
    return cells[index].strip() if index is not None and index < len(cells) else None


def _table_items(document: Document, lines: list[Line], gazetteer: Gazetteer) -> list[BatchItem]:
    """Rows of the attachment table(s), with the scope and domain of the section rows above them."""
    lex = layout_lexicon()["notice"]
    items: list[BatchItem] = []
    columns: dict[str, int] = {}
    scope: str | None = None
    domain: str | None = None
    for line in lines:
        stripped = line.text.strip().strip("|").strip()
        if not stripped or set(stripped) <= set("|-: "):
            continue
        cells = [c for c in _CELL_SPLIT_RE.split(stripped) if c]
        if "序号" in cells[0] and any(w in stripped for w in lex["item_columns"]):
            columns = _columns(cells, lex)
            continue
        if "item" not in columns:
            continue
        number = parse_chinese_number(cells[0])
        if number is None or len(cells) <= columns["item"]:
            if len(cells) <= 2:  # a section row: 一、在全国范围内复制推广的改革事项 / （一）投资管理领域
                if any(p in stripped for p in lex["scope_national"]):
                    scope, domain = NATIONAL, None
                elif any(p in stripped for p in lex["scope_special"]):
                    scope, domain = SPECIAL, None
                elif find_domain(stripped):
                    domain = find_domain(stripped)
            continue
        raw = cells[columns["item"]]
        title = raw.strip()
        if len(title) >= 2 and title[0] in "“「" and title[-1] in "”」" and len(quoted_spans(title)) == 1:
            title = title[1:-1]
        at = line.text.find(raw)
        item = BatchItem(title, document.evidence(line.start + at, line.start + at + len(raw)), domain, scope)

        item.content, item.units = _cell(cells, columns, "content"), _cell(cells, columns, "unit")
        scope_text = _cell(cells, columns, "scope")
        if scope_text:
            if any(w == scope_text or scope_text.startswith(w) for w in lex["national_words"]):
                item.scope, item.scope_detail = NATIONAL, None
            else:
                item.scope, item.scope_detail = SPECIAL, scope_text
        origin_text = _cell(cells, columns, "origin")
        if origin_text:
            place = gazetteer.resolve(origin_text) or next((p for _, _, p in gazetteer.find_places(origin_text)), None)
            if place is not None:
                at = line.text.find(origin_text)
                item.origin = place
                item.origin_evidence = document.evidence(line.start + at, line.start + at + len(origin_text))
        items.append(item)
    return items


def _merge(document: Document, body: list[BatchItem], table: list[BatchItem], warnings: list[str]) -> list[BatchItem]:
    """Body items completed by their table rows; rows with no body item are added (the table is the full list)."""
    if not body:
        return table
    matcher = TitleMatcher([title_key(item.title) for item in body])
    for row in table:
        index, _ = matcher.best(title_key(row.title), SAME_ITEM_MIN)
        if index < 0:
            body.append(row)
            warnings.append(
                f"{document.path}:{row.evidence.line}: item '{row.title}' is in the attachment table "
                "but not in the text of the notice"
            )
            continue
        item = body[index]
        if row.scope and item.scope and row.scope != item.scope:
            warnings.append(
                f"{document.path}:{row.evidence.line}: item '{row.title}' has scope '{row.scope_label}' in the "
                f"table but '{item.scope_label}' in the text"
            )
        item.domain = item.domain or row.domain
        if item.scope is None or (item.scope == row.scope and not item.scope_detail):
            item.scope, item.scope_detail = row.scope, row.scope_detail or item.scope_detail
        item.content, item.units = item.content or row.content, item.units or row.units
        if item.origin is None:
            item.origin, item.origin_evidence = row.origin, row.origin_evidence
    return body


def parse_notice(document: Document, gazetteer: Gazetteer) -> NationalBatch:
    """The batch a notice promotes, with its items (merged with the reference items they match)."""
    lex = layout_lexicon()["notice"]
    kind, number, evidence = _batch_of(document)
    lines = text_lines(document.text)
    first_attachment = next(
        (i for i, line in enumerate(lines) if i > 3 and re.match(lex["attachment_start"], line.text)), len(lines)
    )
    batch = NationalBatch(kind, number, document.doc_number, None, document.title, evidence=evidence)
    if number is None:
        batch.warnings.append(f"{document.path}: the notice names no batch number (新一批?); the batch is unnumbered")
    batch.date = _notice_date(document, lines[:first_attachment])
    body, declared = _body_items(document, lines[:first_attachment], batch.warnings)
    table = _table_items(document, lines[first_attachment:] if body else lines, gazetteer)
    batch.items = _merge(document, body, table, batch.warnings)
    first_item = min((item.evidence.start for item in body), default=len(document.text))
    opening = document.text[:first_item]
    stated = next((n for p in lex["total_patterns"] if (n := _count(p, opening)) is not None), None)
    batch.declared_total = stated if stated is not None else (sum(declared) if declared else None)
    if batch.declared_total is not None and batch.declared_total != len(batch.items):
        batch.warnings.append(
            f"{document.path}: the notice declares {batch.declared_total} items in all "
            f"but {len(batch.items)} were found"
        )
    if not batch.items:
        batch.warnings.append(f"{document.path}: no reform items found in the notice (no “…”等N项 lines, no table)")
    for item in batch.items:
        item.reference = gazetteer.match_item(item.title)
    return batch
