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


class SearchHit(IdRef):
    """A resource whose name holds the text searched: its kind and the name that matched."""

    kind: str
    matched: str
