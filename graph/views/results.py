"""The shapes of what the read side answers: typed dictionaries the API, the pages and the command line read.

Why typed dictionaries: the answers go out as JSON unchanged (the API's response models validate them, the
command line prints them), so their form stays a mapping; the types let mypy check every reader's keys.
"""

from __future__ import annotations

from typing import TypedDict


class Ref(TypedDict):
    """A resource by its IRI and its label (None when it has none)."""

    iri: str
    label: str | None


class ProviderRef(Ref):
    kind: str
    """``city`` | ``ftz_area`` | ``other``."""


class AgencyRef(Ref):
    sector: str
    """The sector's id (``customs``)."""


class CaseSummary(TypedDict):
    """What a list of cases shows of each: id, title, document, provider, claimed origins, national items, agencies."""

    iri: str
    id: str
    number: int
    title: str
    document: Ref
    provider: ProviderRef | None
    origin_batches: list[Ref]
    origin_zones: list[Ref]
    national_items: list[Ref]
    agencies: list[AgencyRef]


class EvidenceRow(TypedDict):
    """One quote of the source document: where it stands (characters ``start``-``end``, ``line``)."""

    iri: str
    quote: str
    start: int
    end: int
    line: int | None


class CaseEvidence(EvidenceRow):
    document: str
    supports: str | None
    object: str | None


class CaseOutcome(TypedDict):
    iri: str
    measure: str
    value: float | None
    unit: str | None
    before: float | None
    after: float | None
    evidence: EvidenceRow | None


class PolicyRef(Ref):
    number: str | None


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


class DocumentSummary(TypedDict):
    """A source document built into the store: its 文号, publisher, date, file and how many cases it holds."""

    iri: str
    id: str
    title: str | None
    number: str | None
    publisher: str | None
    issued: str | None
    file: str | None
    declared_cases: int | None
    cases: int


class BatchSummary(TypedDict):
    """A national batch: its series and number, labels, date, the items an authority places in it and the
    cases that claim it."""

    iri: str
    id: str
    label: str | None
    label_en: str | None
    kind: str
    number: int | None
    issued: str | None
    declared_items: int | None
    items: int
    cases: int


class IdRef(Ref):
    id: str


class SectorRef(IdRef):
    label_en: str | None


class AgencySummary(IdRef):
    """An agency in a list: its sector, its parent and the number of cases it acts in."""

    sector: SectorRef | None
    parent: Ref | None
    cases: int


class ReformFacts(IdRef):
    """A reform: whether it is a national item, the batches and pilot zones an authority gives it."""

    national: bool
    batches: list[Ref]
    piloted_in: list[Ref]


class ReformSummary(ReformFacts):
    cases: int
    """How many cases copied it."""


class ZoneSummary(IdRef):
    """An FTZ with its areas, and how many cases and national items name it (or one of its areas) as origin."""

    short: str | None
    label_en: str | None
    province: str | None
    created: str | None
    areas: list[IdRef]
    cases: int
    national_items: int


class Quote(TypedDict):
    """A quote of the source document that states a fact, where its end or line may be unknown."""

    iri: str | None
    quote: str | None
    start: int | None
    end: int | None
    line: int | None


class CaseWithQuotes(CaseSummary):
    """A case in a resource's list, with the quotes that tie it to the resource."""

    evidence: list[Quote]


class Partner(IdRef):
    """An agency that acts in a case beside another: its sector and the cases they share."""

    sector: str | None
    sector_label: str | None
    """The sector's Chinese and English names (海关 Customs)."""
    cases: list[str]
    shared: int


class AgencyDetail(IdRef):
    """One agency: its names, sector, city, parent and children, the cases it acts in (each with the quote)
    and the agencies it works with (with the cases they share)."""

    alt_labels: list[str]
    sector: SectorRef | None
    city: Ref | None
    parent: IdRef | None
    children: list[IdRef]
    cases: list[CaseWithQuotes]
    partners: list[Partner]


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


class OriginatedReform(ReformFacts):
    """A reform a zone or area originated: on whose word (``reference`` data, a ``document``'s claim) and who
    copied it."""

    basis: list[str]
    copied_by: list[CaseWithQuotes]


class ZoneDetail(IdRef):
    """A zone or an area: its names, its areas or parent zone, the reforms it originated (by the reference or by
    a document's claim) with who copied them, and the cases it provided itself."""

    kind: str
    short: str | None
    label_en: str | None
    province: str | None
    created: str | None
    parent: Ref | None
    alt_labels: list[str]
    sources: list[str]
    areas: list[IdRef]
    reforms: list[OriginatedReform]
    provided_cases: list[CaseSummary]


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


class SearchHit(IdRef):
    """A resource whose name holds the text searched: its kind and the name that matched."""

    kind: str
    matched: str


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
