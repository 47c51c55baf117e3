"""Typed records that flow through the pipeline: document -> case texts -> extracted cases.

Offsets are always character offsets into ``Document.text`` (the decoded, normalised-newline text),
so every quote can be found again in the source; ``Evidence`` carries the quote with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
            self._newlines = [i for i, char in enumerate(self.text) if char == "\n"]
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

    @property
    def text(self) -> str:
        return self.document.text[self.start : self.end]

    def evidence(self, local_start: int, local_end: int) -> Evidence:
        """Evidence for a span given in offsets relative to ``self.text``."""
        return self.document.evidence(self.start + local_start, self.start + local_end)


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
    state that is not a number (压缩至即办: 即办)."""

    what: str
    value: float | None
    unit: str | None
    evidence: Evidence
    before: float | None = None
    after: float | None = None
    qualifier: str | None = None
    after_text: str | None = None


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
    dates: list[Mention] = field(default_factory=list)
    companies: list[Mention] = field(default_factory=list)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
