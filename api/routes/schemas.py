"""Response schemas of the REST resources, in families: ``CasePublic`` and ``CasesPublic {data, count}`` etc.

Every resource carries its ``iri`` and a computed ``href``: the path on this server where the IRI
dereferences (``https://w3id.org/ftzgraph/id/case/x-1`` -> ``/id/case/x-1``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, computed_field

from ftzgraph.ontology.namespace import BASE


def local_path(iri: str) -> str:
    """Where ``iri`` dereferences on this server; IRIs outside our namespace are returned as they are."""
    return "/" + iri[len(BASE) :] if iri.startswith(BASE) else iri


class Schema(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Ref(Schema):
    """A link to another resource with its display name."""

    iri: str
    label: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def href(self) -> str:
        return local_path(self.iri)


class IdRef(Ref):
    id: str | None = None


class ProviderRef(Ref):
    kind: str = "other"


class AgencyRef(Ref):
    sector: str | None = None


class SectorRef(IdRef):
    label_en: str | None = None


class EvidencePublic(Schema):
    """Where a fact is stated: the verbatim quote and its character offsets and line in the source document."""

    iri: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    line: int | None = None
    document: str | None = None


class CasePublic(IdRef):
    number: int
    title: str
    document: Ref
    provider: ProviderRef | None = None
    origin_batches: list[Ref] = []
    origin_zones: list[Ref] = []
    national_items: list[Ref] = []
    agencies: list[AgencyRef] = []


class CasesPublic(Schema):
    data: list[CasePublic]
    count: int


class OutcomePublic(Schema):
    iri: str
    measure: str
    value: float | None = None
    unit: str | None = None
    before: float | None = None
    after: float | None = None
    evidence: EvidencePublic | None = None


class PolicyRef(Ref):
    number: str | None = None


class EvidenceDetail(EvidencePublic):
    supports: str | None = None
    object: str | None = None


class LineageCase(Schema):
    iri: str
    id: str
    number: int
    title: str
    document: dict[str, Any]


class LineageOrigin(Schema):
    claim: str
    kind: str
    reform: dict[str, Any]
    batch: dict[str, Any] | None = None
    zone: dict[str, Any] | None = None
    evidence: EvidencePublic | None = None


class LearnedFromPublic(Schema):
    """One learned-from relation of the case's reform, named in Chinese and English, with its confidence."""

    relation: str
    relation_zh: str
    relation_en: str
    target: str | None = None
    target_iri: str | None = None
    zone: str | None = None
    zone_iri: str | None = None
    batch: dict[str, Any] | None = None
    confidence: float
    evidence: dict[str, Any] | None = None
    claim: str


class LineageAgency(Schema):
    iri: str
    label: str
    sector: str | None = None
    sector_label: str | None = None
    parent: dict[str, Any] | None = None
    evidence: EvidencePublic | None = None


class LineagePublic(Schema):
    """Where a case's reform came from, each edge with the evidence quote that states it."""

    case: LineageCase
    reform: str
    provider: dict[str, Any]
    origins: list[LineageOrigin]
    national_items: list[dict[str, Any]]
    agencies: list[LineageAgency]
    learned_from: list[LearnedFromPublic] = []
    conflicts: list[dict[str, Any]]


class CaseDetailPublic(CasePublic):
    lineage: LineagePublic | None = None
    outcomes: list[OutcomePublic] = []
    documents: list[PolicyRef] = []
    dates: list[str] = []
    companies: list[Ref] = []
    warnings: list[str] = []
    evidence: list[EvidenceDetail] = []


class ReformPublic(IdRef):
    national: bool
    batches: list[Ref] = []
    piloted_in: list[Ref] = []
    cases: int = 0


class ReformsPublic(Schema):
    data: list[ReformPublic]
    count: int


class CopyPublic(CasePublic):
    """A case that copied a reform: where (its provider), when (document date, dates it mentions), as stated."""

    origin_kinds: list[str] = []
    relations: list[dict[str, Any]] = []
    evidence: list[EvidencePublic] = []
    document_issued: str | None = None
    document_number: str | None = None
    dates: list[str] = []


class ReformDetailPublic(ReformPublic):
    alt_labels: list[str] = []
    scope: str | None = None
    domains: list[Ref] = []
    sources: list[str] = []
    copied_by: list[CopyPublic] = []


class ZonePublic(IdRef):
    short: str | None = None
    label_en: str | None = None
    province: str | None = None
    created: str | None = None
    areas: list[IdRef] = []
    cases: int = 0
    national_items: int = 0


class ZonesPublic(Schema):
    data: list[ZonePublic]
    count: int


class ZoneCopyPublic(CasePublic):
    evidence: list[EvidencePublic] = []


class OriginatedReform(ReformPublic):
    basis: list[str] = []
    copied_by: list[ZoneCopyPublic] = []


class ZoneDetailPublic(IdRef):
    kind: str
    short: str | None = None
    label_en: str | None = None
    province: str | None = None
    created: str | None = None
    parent: Ref | None = None
    alt_labels: list[str] = []
    sources: list[str] = []
    areas: list[IdRef] = []
    reforms: list[OriginatedReform] = []
    provided_cases: list[CasePublic] = []


class AgencyPublic(IdRef):
    sector: SectorRef | None = None
    parent: Ref | None = None
    cases: int = 0


class AgenciesPublic(Schema):
    data: list[AgencyPublic]
    count: int


class AgencyCasePublic(CasePublic):
    evidence: list[EvidencePublic] = []


class PartnerPublic(IdRef):
    sector: str | None = None
    sector_label: str | None = None  # the sector's Chinese and English names ("海关 Customs")
    shared: int
    cases: list[str]


class AgencyDetailPublic(IdRef):
    alt_labels: list[str] = []
    sector: SectorRef | None = None
    city: Ref | None = None
    parent: IdRef | None = None
    children: list[IdRef] = []
    cases: list[AgencyCasePublic] = []
    partners: list[PartnerPublic] = []


class BatchPublic(IdRef):
    label_en: str | None = None
    kind: str
    number: int | None = None
    issued: str | None = None
    declared_items: int | None = None
    items: int = 0
    cases: int = 0


class BatchesPublic(Schema):
    data: list[BatchPublic]
    count: int


class DocumentPublic(IdRef):
    title: str | None = None
    number: str | None = None
    publisher: str | None = None
    issued: str | None = None
    file: str | None = None
    declared_cases: int | None = None
    cases: int = 0


class DocumentsPublic(Schema):
    data: list[DocumentPublic]
    count: int


class StatsPublic(Schema):
    classes: dict[str, int]
    cases_per_provider: dict[str, int]
    cases_per_origin_batch: dict[str, int]
    cases_per_origin_zone: dict[str, int]
    conflicts: list[dict[str, Any]]


class SearchHit(IdRef):
    kind: str
    matched: str


class SearchPublic(Schema):
    data: list[SearchHit]
    count: int


class ConflictSide(Schema):
    iri: str | None = None
    title: str | None = None
    claim: str | None = None
    quote: str | None = None
    line: int | None = None
    batch: dict[str, Any] | None = None
    zone: dict[str, Any] | None = None


class AuthoritySide(Schema):
    sources: list[str] = []
    batch: dict[str, Any] | None = None
    zone: dict[str, Any] | None = None


class ConflictPublic(Schema):
    """A document's claim against an authority's fact: both sides, and the message in Chinese and English."""

    iri: str
    holder: dict[str, Any]
    kind: str
    message_zh: str | None = None
    message_en: str | None = None
    about: dict[str, Any] | None = None
    document: ConflictSide
    authority: AuthoritySide


class ConflictsPublic(Schema):
    data: list[ConflictPublic]
    count: int
