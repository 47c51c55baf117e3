"""The shapes of the read side's answers about the data's quality: conflicting claims, the store's statistics, a
document's diagnostics, the records a build writes and the gold scores, gathered in one quality report. Kept apart
from the shapes of cases, reforms, zones and agencies, which the pages and the API read on every request."""

from __future__ import annotations

from typing import TypedDict

from ftzgraph.graph.views.lineage_results import BatchClaim, LearnedFromEntry
from ftzgraph.graph.views.results import Ref


class ConflictHolder(TypedDict):
    iri: str | None
    title: str | None


class ConflictClaim(TypedDict):
    """What the document claims: its document, the claim node, the quote and the batch or zone it names."""

    iri: str | None
    title: str | None
    claim: str | None
    quote: str | None
    line: int | None
    batch: Ref | None
    zone: Ref | None


class ConflictAuthority(TypedDict):
    """What an authority states instead, and where it says so."""

    sources: list[str]
    batch: Ref | None
    zone: Ref | None


class Conflict(TypedDict):
    """A document's claim that an authority contradicts (a national item's batch or originating zone)."""

    iri: str
    holder: ConflictHolder
    kind: str
    message_zh: str | None
    message_en: str | None
    about: Ref | None
    document: ConflictClaim
    authority: ConflictAuthority


class StatsConflict(TypedDict):
    case: str | None
    title: str | None
    comment: str | None
    comment_zh: str | None
    document_sources: list[str]
    authority_sources: list[str]


class Stats(TypedDict):
    """Counts by class, cases per provider, per claimed origin batch and zone, and the conflicts."""

    classes: dict[str, int]
    cases_per_provider: dict[str, int]
    cases_per_origin_batch: dict[str, int]
    cases_per_origin_zone: dict[str, int]
    conflicts: list[StatsConflict]


class DiagnosticRow(TypedDict):
    """One diagnostic: its kind and message, the case it is about and the quote that shows it."""

    kind: str
    message: str
    case: str | None
    case_number: int | None
    case_title: str | None
    evidence: str | None
    quote: str | None
    line: int | None


class DocumentDiagnostics(TypedDict):
    """A built document's cases found and declared, its diagnostics and their counts by kind."""

    document: str
    title: str | None
    file: str
    cases_found: int
    cases_declared: int | None
    counts: dict[str, int]
    diagnostics: list[DiagnosticRow]


class CitedDocument(TypedDict):
    title: str | None
    number: str | None


class OutcomeRecord(TypedDict):
    """An outcome in the export: what was measured, the value or the before and after values, the unit, the
    qualifier the text puts on the number (余, 近…), an after value that is not a number (即办) and the upper bound of
    a range (1至2天: value 1, value_max 2)."""

    what: str
    value: float | int | None
    unit: str | None
    before: float | int | None
    after: float | int | None
    qualifier: str | None
    after_text: str | None
    value_max: float | int | None


class AgencyMentionRecord(TypedDict):
    """An agency as the text writes it, the agency it was resolved to (None when context could not) and how sure."""

    as_written: str
    agency: str | None
    confidence: float


class CaseRecord(TypedDict):
    """One case as ``ftzgraph cases`` exports it; the field names are a contract (``records.CASE_FIELDS``)."""

    id: str
    number: int
    title: str
    provider: str | None
    provider_kind: str
    origin_batches: list[BatchClaim]
    origin_zones: list[str]
    national_item: str | None
    agencies: list[str]
    agency_mentions: list[AgencyMentionRecord]
    documents: list[CitedDocument]
    outcomes: list[OutcomeRecord]
    evidence: dict[str, str]
    """The first quote per field (provider, agencies, origins…)."""
    learned_from: list[LearnedFromEntry]


class FieldScore(TypedDict):
    true_positive: int
    extracted: int
    expected: int
    precision: float | None
    recall: float | None


class GoldDocumentScore(TypedDict):
    """One gold file's scores: the document it annotates (None when it is not in the store) and each field's."""

    gold: str
    document: str | None
    title: str | None
    cases_gold: int
    cases_found: int
    fields: dict[str, FieldScore]


class GoldScores(TypedDict):
    documents: list[GoldDocumentScore]
    overall: dict[str, FieldScore]


class DiagnosticsReport(TypedDict):
    totals: dict[str, int]
    documents: list[DocumentDiagnostics]


class QualityReport(TypedDict, total=False):
    """What ``ftzgraph quality`` and ``/quality.json`` show: the scores (only when gold files were given) and
    the diagnostics of every document."""

    scores: GoldScores
    diagnostics: DiagnosticsReport
