"""Typed records that flow through the pipeline: document -> case texts -> extracted cases.

Offsets are always character offsets into ``Document.text`` (the decoded, normalised-newline text),
so every quote can be found again in the source; ``Evidence`` carries the quote with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ftzgraph.graph.text import title_key

_NEWLINE_RE = re.compile("\n")


@dataclass(frozen=True)
class Evidence:
    """A verbatim quote and where it stands in its document (0-based offsets, 1-based line)."""

    quote: str
    start: int
    end: int
    line: int
    page: int | None = None
    paragraph: int | None = None


@dataclass
class Document:
    """A source document read into plain text with its metadata.

    ``locate(offset)`` maps an offset to (line, page, paragraph); readers of paged or paragraphed
    formats (PDF, DOCX) fill ``page_starts`` / ``paragraph_starts`` so evidence points into the file.
    """

    id: str
    path: Path
    text: str
    sha256: str
    encoding: str = "utf-8"
    format: str = "text/plain"
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    page_starts: list[int] = field(default_factory=list)
    paragraph_starts: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _newlines: list[int] | None = field(default=None, repr=False, compare=False)
    _newlines_of: str | None = field(default=None, repr=False, compare=False)

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        from bisect import bisect_right

        if self._newlines is None or self._newlines_of is not self.text:
            self._newlines = [match.start() for match in _NEWLINE_RE.finditer(self.text)]
            self._newlines_of = self.text
        return bisect_right(self._newlines, max(0, offset) - 1) + 1

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for ``text[start:end]`` with line, and page/paragraph where the reader knows them."""
        from bisect import bisect_right

        page = bisect_right(self.page_starts, start) if self.page_starts else None
        paragraph = bisect_right(self.paragraph_starts, start) if self.paragraph_starts else None
        return Evidence(self.text[start:end], start, end, self.line_of(start), page, paragraph)


@dataclass(frozen=True)
class TableRow:
    """One row of a summary table (汇总表): 序号, 案例名称, 提供单位."""

    number: int | None
    title: str
    provider: str | None
    evidence: Evidence
    prose: tuple[tuple[int, int], ...] = ()
    """Where the row's prose cells stand in the document (start, end) when the row wraps over lines with its cells
    interleaved: the case's own text, without the number, title and provider cells beside it."""
    origin: tuple[int, int] | None = None
    """Where the row's source cell (经验来源, 首创地区) stands in the document, when the table has one: the place it
    names is where the case came from, with no origin phrase around it."""
    batch: tuple[int, int, str] | None = None
    """Where the row's batch cell stands in the document and its column's name (国务院推广批次 | 6), when the table has
    one: the national batch the case's reform was published in, its issuer perhaps only in the column's name."""
    origin_more: tuple[tuple[int, int], ...] = ()
    """The source cell's further pieces when it wraps over lines (福建自贸试验区 / 平潭片区): read after ``origin``."""


@dataclass
class CaseText:
    """The text of one case inside a document, with its heading and (if matched) its table row."""

    document: Document
    number: int | None
    title: str
    heading: Evidence
    start: int
    end: int
    table_row: TableRow | None = None
    warnings: list[str] = field(default_factory=list)
    group: tuple[str, int, int] | None = None
    """The place or body of the group heading the case stands under (一、厦门市 / 1. title), with its offsets in the
    document: the provider of a case that names none of its own."""
    given_provider: tuple[str, int, int] | None = None
    """The provider another part of the document gives the case (an opening statement listing X片区的“A”, a speaker
    block naming the answering speaker's body), with its offsets in the document: the case's own text names none."""

    head_end: int | None = None
    """Where the collection's head ends (its first case's start), set once the cases are known: a head sentence
    naming each case's unit by its title (其中，“A”由X提供) stands there, never inside an earlier case."""
    pieces: tuple[tuple[int, int], ...] = ()
    """The spans of the document whose text, joined, is the case's when it is no one span (a laid-out table row's
    prose cell, wrapped over lines beside other cells and a page break); empty for a plain span."""
    _text: str | None = field(default=None, init=False, repr=False, compare=False)
    _text_of: tuple[str, int, int, tuple[tuple[int, int], ...]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def text(self) -> str:
        """The case's text, cut once while its spans stay as they are: the extractors ask for it many times, and the
        same string each time is hashed once by the caches keyed on it."""
        source = self.document.text
        cut = self._text_of
        if self._text is None or cut is None or cut[0] is not source or cut[1:] != (self.start, self.end, self.pieces):
            if self.pieces:
                self._text = "".join(source[a:b] for a, b in self.pieces)
            else:
                self._text = source[self.start : self.end]
            self._text_of = (source, self.start, self.end, self.pieces)
        return self._text

    def evidence(self, local_start: int, local_end: int) -> Evidence:
        """Evidence for a span given in offsets relative to ``self.text``."""
        return self.document.evidence(
            self._at(local_start), self._at(local_end - 1) + 1 if local_end > local_start else self._at(local_start)
        )

    def _at(self, local: int) -> int:
        """The document offset of ``self.text[local]`` (its end for ``local`` past the last character)."""
        if not self.pieces:
            return self.start + local
        for a, b in self.pieces:
            if local < b - a:
                return a + local
            local -= b - a
        return self.pieces[-1][1] + local


@dataclass(frozen=True)
class Origin:
    """One statement of where a reform came from.

    ``kind`` is one of: national_batch (a numbered or unnumbered national batch is named),
    zone (an originating FTZ or area is named), ministry (a ministry approved or filed it),
    self (自行复制), generic (only 自贸试验区 in general).
    ``zone`` / ``area`` are reference keys: a zone id (``guangdong``) and an area name (``深圳前海蛇口片区``).
    """

    kind: str
    evidence: Evidence
    batch_kind: str | None = None
    batch_number: int | None = None
    zone: str | None = None
    area: str | None = None
    item_title: str | None = None


@dataclass
class AgencyMention:
    """A government body acting in a case, normalised to its full name."""

    name: str
    as_written: list[str]
    sector: str
    evidence: list[Evidence]
    parent: str | None = None
    place: str | None = None
    ancestors: list[tuple[str, str]] = field(default_factory=list)
    """The bodies above it, nearest first, each with its sector (parent, its parent, ...): decided here, in
    extraction, so that writing triples only writes."""


@dataclass(frozen=True)
class AgencyNameMention:
    """One mention of a government body as written, with the body it stands for and how sure that is.

    ``agency`` is the full name (None when the case's context cannot tell which body a bare or short form
    means: such a mention is kept here, never turned into an agency with an invented name). ``confidence``:
    ``high`` (written with its own place), ``medium`` (completed from the case's context), ``low`` (unresolved).
    """

    as_written: str
    agency: str | None
    confidence: str
    evidence: Evidence


@dataclass(frozen=True)
class Citation:
    """A policy document cited by a case: 《title》 and/or 文号."""

    title: str | None
    number: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Outcome:
    """A quantitative result: what it measures, the value and unit, and a before/after pair if stated.

    ``qualifier`` keeps an approximation written with the figure (余, 多, 近, 约, 左右, 以内 …; for a pair, the
    after side's, else the before side's), so 300余家 does not read as exactly 300. ``after_text`` is an after
    state that is not a number (压缩至即办: 即办). A range (1至2天, 3-5个工作日) gives its lower bound as ``value``
    (or as the before or after value of a pair) and its upper bound as ``value_max``."""

    what: str
    value: float | None
    unit: str | None
    evidence: Evidence
    before: float | None = None
    after: float | None = None
    qualifier: str | None = None
    after_text: str | None = None
    value_max: float | None = None


@dataclass(frozen=True)
class Mention:
    """A dated expression or a named company, as found in the text."""

    text: str
    evidence: Evidence
    value: str | None = None


@dataclass
class Case:
    """Everything extracted from one case, each fact with its evidence."""

    text: CaseText
    number: int | None
    title: str
    provider: str | None
    provider_kind: str
    provider_zone: str | None = None
    provider_area: str | None = None
    origins: list[Origin] = field(default_factory=list)
    national_item: str | None = None
    agencies: list[AgencyMention] = field(default_factory=list)
    agency_mentions: list[AgencyNameMention] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    learned: list[Learned] = field(default_factory=list)
    """The learned-from relation each origin statement expresses, in the order of ``origins``."""
    learned_by_title: Learned | None = None
    """A national item the case copies by its title alone (the text states no batch; an authority names it)."""
    dates: list[Mention] = field(default_factory=list)
    companies: list[Mention] = field(default_factory=list)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


# Reference places and national items, batches as documents declare them, layouts, and one document's
# extraction: the types the stages after extraction read.
CASE_COLLECTION = "case_collection"
BATCH_NOTICE = "batch_notice"
BEST_PRACTICE = "best_practice"
PROVINCIAL_INNOVATION = "provincial_innovation"


NATIONAL = "全国"
SPECIAL = "特定区域"


@dataclass(frozen=True)
class Place:
    """An FTZ (``area`` None) or one of its areas, by reference keys."""

    zone: str
    area: str | None = None


@dataclass
class NationalItem:
    """A reform promoted nationally (State Council batch item or best-practice case), as the reference knows it."""

    name: str
    aliases: list[str]
    batches: list[tuple[str, int | None]]
    origin: Place | None
    domain: str | None = None
    scope: str | None = None
    sources: list[str] = field(default_factory=list)
    verified: bool = False
    candidate: bool = False
    note: str | None = None
    batch_sources: dict[tuple[str, int | None], list[str]] = field(default_factory=dict)
    """Who states each batch: the reference's independent URLs, or the IRI of a notice built alongside."""

    def contradicted_batches(self, kind: str | None, number: int | None) -> list[tuple[str, int]]:
        """The batches of ``kind`` an authority gives this item when a document's claim of (``kind``, ``number``)
        is not among them: the conflict rule, one place for the graph's conflicts and the diagnostics."""
        authority = [b for b in self.batches if b[0] == kind]
        if kind is None or number is None or not authority or (kind, number) in authority:
            return []
        return [(k, n) for k, n in authority if n is not None]

    @cached_property
    def keys(self) -> set[str]:
        """Matching keys: the name, its aliases, and each without / only its bracketed part."""
        keys = {title_key(n) for n in [self.name, *self.aliases]}
        for name in [self.name, *self.aliases]:
            outer = re.sub(r"[（(][^）)]*[）)]", "", name)
            keys.add(title_key(outer))
            keys.update(title_key(inner) for inner in re.findall(r"[（(]([^）)]*)[）)]", name))
        return {k for k in keys if len(k) >= 2}


@dataclass
class BatchItem:
    """One reform item of a national batch, as the notice (or collection) states it."""

    title: str
    evidence: Evidence
    domain: str | None = None
    scope: str | None = None
    scope_detail: str | None = None
    content: str | None = None
    units: str | None = None
    origin: Place | None = None
    origin_evidence: Evidence | None = None
    reference: NationalItem | None = None

    @property
    def scope_label(self) -> str | None:
        """What ``ftz:scope`` says: 全国, or the special region (海关特殊监管区域), or 特定区域."""
        if self.scope == SPECIAL:
            return self.scope_detail or SPECIAL
        return self.scope


@dataclass
class NationalBatch:
    """A national batch as one document declares it: kind, number, 文号, date, items and declared counts."""

    kind: str
    number: int | None
    doc_number: str | None = None
    date: str | None = None
    title: str | None = None
    declared_total: int | None = None
    evidence: Evidence | None = None
    items: list[BatchItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source: str | None = None
    """The IRI of the document that declares the batch: the authority for its items' batch."""


@dataclass(frozen=True)
class Layout:
    """A layout name and the rule that chose it (for reports: "title matched '最佳实践案例'")."""

    name: str
    reason: str


@dataclass
class Extraction:
    """The cases of one document and everything that did not parse cleanly.

    ``layout`` is the document's layout (graph/extract/layout.py); ``batch`` the national batch a State Council
    notice or a best-practice collection declares (a notice has a batch and no cases).
    """

    document: Document
    cases: list[Case]
    table: list[TableRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    layout: str = CASE_COLLECTION
    batch: NationalBatch | None = None
    series: str | None = None
    """The collection's series (``复制推广典型案例``) and its number in the series, from its title."""
    series_number: int | None = None
    stated_count: tuple[int, Evidence] | None = None
    """How many cases the document's head says it holds, and where (现将…4个典型案例印发给你们), or None."""


@dataclass(frozen=True)
class Learned:
    """One learned-from relation of a case's reform, as the text states it."""

    relation: str
    target: str | None
    """The item's or practice's name (an authority's name when one matches), or None."""
    confidence: float
    evidence: Evidence
    zone: str | None = None
    area: str | None = None
    batch: tuple[str, int | None] | None = None
    ministry: str | None = None
    ministry_sector: str | None = None
    item: NationalItem | None = None
    """The authority item the target matched, if any."""
