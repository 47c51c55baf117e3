"""The shapes of lineage: a case's lineage (the documents, batches, origins and agencies its reform is traced
through, with their quotes and conflicts) and the case's detail that carries it; a reform's copies and the reform's
detail that carries them. Kept apart from the summaries of cases, reforms, zones and agencies, which list pages read
without any lineage."""

from __future__ import annotations

from typing import TypedDict

from ftzgraph.graph.views.results import CaseEvidence, CaseOutcome, CaseSummary, PolicyRef, Quote, Ref, ReformFacts


class LineageDocument(TypedDict):
    iri: str
    title: str
    number: str | None
    file: str | None


class LineageCase(TypedDict):
    iri: str
    id: str
    number: int
    title: str
    document: LineageDocument


class BatchClaim(TypedDict):
    """A national batch as a document names it: the series (改革试点经验 / 最佳实践案例) and its number."""

    kind: str
    number: int | None


class LearnedEvidence(TypedDict):
    quote: str | None
    line: int | None
    start: int | None
    end: int | None


class LearnedFromEntry(TypedDict):
    """One learned-from relation of a case as ``ftzgraph cases`` gives it (a contract): the relation, what was
    learned (or None where the text names nothing), the zone and batch the document claims, how explicit the
    text is, and the quote."""

    relation: str
    target: str | None
    zone: str | None
    batch: BatchClaim | None
    confidence: float
    evidence: LearnedEvidence


class LearnedFrom(LearnedFromEntry):
    """The same with what the trace and the pages add: the relation's names and the IRIs to link."""

    relation_zh: str
    relation_en: str
    target_iri: str | None
    zone_iri: str | None
    claim: str


class LineageQuote(TypedDict):
    """The sentence that states an edge of the lineage: the quote, its characters, line and source document."""

    quote: str
    start: int
    end: int
    line: int | None
    document: str | None


class LineageProvider(Ref):
    kind: str
    evidence: LineageQuote | None


class ClaimedReform(Ref):
    """What an origin claim names, whether an authority lists it nationally, and the batches and zones it gives."""

    national: bool
    reference_batches: list[str]
    reference_zones: list[str]


class ClaimedBatch(Ref):
    kind: str | None
    number: int | None


class ClaimedZone(Ref):
    short: str | None
    in_zone: str | None
    """The short name of the zone an area belongs to."""


class LineageOrigin(TypedDict):
    """One origin claim of the document: its kind, what it names, the batch and zone it claims, its quote."""

    claim: str
    kind: str
    reform: ClaimedReform
    batch: ClaimedBatch | None
    zone: ClaimedZone | None
    evidence: LineageQuote | None


class LineageItem(TypedDict):
    """A national item the case's reform derives from, with the batches and zones an authority gives it."""

    iri: str
    batches: list[str]
    zones: list[str]


class LineageAgency(Ref):
    sector: str
    sector_label: str | None
    parent: Ref | None
    evidence: LineageQuote | None


class LineageConflict(TypedDict):
    """A claim of the case an authority contradicts, flattened for the lineage: both sides' batch or zone."""

    iri: str
    kind: str
    comment: str | None
    comment_zh: str | None
    document_batch: str | None
    reference_batch: str | None
    reference_label: str | None
    document_zone: str | None
    reference_zone: str | None
    claim: str | None
    document: str | None
    sources: list[str]


class Lineage(TypedDict):
    """Where a case's reform came from: provider, origin claims (batch, zone) with their quotes, the national
    items an authority knows, agencies, typed learned-from relations and conflicts with authorities."""

    case: LineageCase
    reform: str
    provider: LineageProvider
    origins: list[LineageOrigin]
    national_items: list[LineageItem]
    agencies: list[LineageAgency]
    learned_from: list[LearnedFrom]
    conflicts: list[LineageConflict]


class CaseDetail(CaseSummary):
    """One case: its summary, its lineage (each edge with its evidence), outcomes, cited documents and quotes."""

    lineage: Lineage | None
    outcomes: list[CaseOutcome]
    documents: list[PolicyRef]
    dates: list[str]
    companies: list[Ref]
    warnings: list[str]
    evidence: list[CaseEvidence]


class CopyRelation(TypedDict):
    """How a case learned a reform, as its document states it."""

    relation: str
    relation_zh: str
    relation_en: str
    confidence: float
    batch: BatchClaim | None
    zone: str | None


class ReformCopy(CaseSummary):
    """A case that copied a reform: where (its provider), when (document date, dates it mentions), as stated."""

    relations: list[CopyRelation]
    origin_kinds: list[str]
    evidence: list[Quote]
    document_issued: str | None
    document_number: str | None
    dates: list[str]


class ReformDetail(ReformFacts):
    """One reform: its other names, scope, domains and sources, and every case that copied it, where and when."""

    alt_labels: list[str]
    scope: str | None
    domains: list[Ref]
    sources: list[str]
    copied_by: list[ReformCopy]
