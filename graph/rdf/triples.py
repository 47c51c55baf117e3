"""RDF for one extracted document, in the shape of ontology/ftz.ttl and ontology/README.md.

Every IRI comes from ``iris``; every fact that the text states gets an ``ftz:Evidence`` node with the
quote and its offsets, so "why does the graph say this?" has an answer in the graph itself.

A document's triples are built as N-Triples term strings (``nt_terms.Term``), not rdflib terms (see
``nt_terms`` for why); ``document_graph`` still gives an rdflib graph for validation and tests.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import XSD, URIRef

from ftzgraph.graph import iris
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.extract.learned_from import (
    FOLLOWS_MINISTRY,
    LEARNS_FROM_ZONE,
    relation_property,
)
from ftzgraph.graph.extract.provider import CITY_SUFFIXES
from ftzgraph.graph.model import Case, Evidence, Extraction, Learned, NationalItem, Origin, Place
from ftzgraph.graph.rdf.nt_terms import (
    T_DCTERMS,
    T_FTZ,
    T_OA,
    T_ORG,
    T_PROV,
    T_RDF,
    T_RDFS,
    T_SKOS,
    Term,
    Triple,
    date,
    decimal,
    integer,
    iri,
    lexical,
    text,
    zh_text,
)
from ftzgraph.graph.text import chinese_numeral
from ftzgraph.ontology.namespace import FTZ, batch_kind_iri

ORIGIN_KIND = {
    "national_batch": FTZ.NationalBatchOrigin,
    "zone": FTZ.ZoneOrigin,
    "ministry": FTZ.MinistryOrigin,
    "self": FTZ.SelfCopiedOrigin,
    "generic": FTZ.GenericFtzOrigin,
    "title": FTZ.TitleMatchOrigin,
}
ZH = "zh"


def batch_label(kind: str, number: int | None) -> str:
    return f"自贸试验区第{chinese_numeral(number)}批{kind}" if number is not None else f"自贸试验区{kind}（未注明批次）"


def place_iri(place: Place, gazetteer: Gazetteer) -> URIRef:
    if place.area:
        area = gazetteer.areas.get((place.zone, place.area), {})
        return iris.area(place.zone, place.area, area.get("name_en"))
    return iris.zone(place.zone)


class DocumentGraph:
    """Builds the named graph of one document, as a set of ``Triple`` of term strings."""

    def __init__(self, extraction: Extraction, gazetteer: Gazetteer) -> None:
        self.extraction = extraction
        self.gazetteer = gazetteer
        self.doc_id = extraction.document.id
        self.doc = iri(iris.document(self.doc_id))
        self.triples: set[Triple] = set()

    def add(self, s: Term, p: Term, o: Term) -> None:
        self.triples.add((s, p, o))

    def evidence(self, subject: Term, prop: Term, ev: Evidence, obj: Term | None = None) -> Term:
        supports = f"{lexical(subject)} {lexical(prop)} {lexical(obj) if obj is not None else None}"
        node = iri(iris.evidence(self.doc_id, ev.start, ev.end, supports))
        add = self.add
        add(node, T_RDF.type, T_FTZ.Evidence)
        add(node, T_OA.exact, text(ev.quote))
        add(node, T_OA.start, integer(ev.start))
        add(node, T_OA.end, integer(ev.end))
        add(node, T_FTZ.line, integer(ev.line))
        if ev.page is not None:
            add(node, T_FTZ.page, integer(ev.page))
        if ev.paragraph is not None:
            add(node, T_FTZ.paragraph, integer(ev.paragraph))
        add(node, T_DCTERMS.source, self.doc)
        add(node, T_FTZ.supports, prop)
        if obj is not None:
            add(node, T_FTZ.supportsObject, obj)
        add(subject, T_FTZ.evidence, node)
        return node

    def labelled(self, node: Term, label: str, *, pref: bool = False, title: bool = False) -> None:
        """rdfs:label (and skos:prefLabel / dcterms:title) in Chinese."""
        value = zh_text(label)
        self.add(node, T_RDFS.label, value)
        if pref:
            self.add(node, T_SKOS.prefLabel, value)
        if title:
            self.add(node, T_DCTERMS.title, value)

    def build(self) -> set[Triple]:
        document = self.extraction.document
        add, doc = self.add, self.doc
        add(doc, T_RDF.type, T_FTZ.SourceDocument)
        self.labelled(doc, document.title or document.path.name, title=True)
        if document.doc_number:
            add(doc, T_DCTERMS.identifier, text(document.doc_number))
        if document.issuer:
            add(doc, T_DCTERMS.publisher, zh_text(document.issuer))
        if document.date:
            add(doc, T_DCTERMS.issued, f"{text(document.date)}^^<{XSD.date}>")
        add(doc, T_DCTERMS.format, text(document.format))
        add(doc, T_FTZ.sha256, text(document.sha256))
        add(doc, T_FTZ.fileName, text(document.path.name))
        series, number = self.extraction.series, self.extraction.series_number
        if series:
            add(doc, T_FTZ.series, zh_text(series))
        if number is not None:
            add(doc, T_FTZ.seriesNumber, integer(number))
        if self.extraction.table:
            add(doc, T_FTZ.declaredCaseCount, integer(len(self.extraction.table)))
        for warning in self.extraction.warnings:
            add(doc, T_FTZ.warning, text(warning))
        for case in self.extraction.cases:
            self.case(case)
        return self.triples

    def case(self, case: Case) -> None:
        add = self.add
        number = case.number if case.number is not None else 0
        case_iri = iris.case(self.doc_id, number)
        node = iri(case_iri)
        add(node, T_RDF.type, T_FTZ.Case)
        self.labelled(node, case.title, title=True)
        add(node, T_DCTERMS.identifier, text(f"{self.doc_id}-{number}"))
        add(node, T_FTZ.caseNumber, integer(number))
        add(node, T_DCTERMS.isPartOf, self.doc)
        self.evidence(node, T_DCTERMS.title, case.evidence["title"], zh_text(case.title))
        for warning in case.warnings:
            add(node, T_FTZ.warning, text(warning))

        provider = self.provider(case)
        add(node, T_FTZ.providedBy, provider)
        if "provider" in case.evidence:
            self.evidence(node, T_FTZ.providedBy, case.evidence["provider"], provider)

        reform = iri(iris.case_part(case_iri, "reform"))
        add(node, T_FTZ.reform, reform)
        add(reform, T_RDF.type, T_FTZ.Reform)
        add(reform, T_RDFS.label, zh_text(case.title))
        add(reform, T_FTZ.adoptedBy, provider)
        for k, (origin, learned) in enumerate(zip(case.origins, case.learned, strict=True), start=1):
            self.origin(case_iri, reform, case, learned, k, origin)
        title_match = case.learned_by_title
        if title_match is not None:
            # Matched by title only: the text states no batch, an authority's item has the case's title.
            self.origin(case_iri, reform, case, title_match, len(case.origins) + 1, None)

        for agency in case.agencies:
            a = iri(iris.agency(agency.name))
            add(node, T_FTZ.agency, a)
            add(a, T_RDF.type, T_FTZ.Agency)
            self.labelled(a, agency.name, pref=True)
            for form in agency.as_written:
                if form != agency.name:
                    add(a, T_SKOS.altLabel, zh_text(form))
            add(a, T_FTZ.sector, iri(iris.sector(agency.sector)))
            self.parents(a, agency.ancestors)
            if agency.place and agency.place.endswith(CITY_SUFFIXES):  # a province is not an ftz:City
                place = iri(iris.place(agency.place))
                add(a, T_FTZ.locatedIn, place)
                add(place, T_RDF.type, T_FTZ.City)
                self.labelled(place, agency.place, pref=True)
            for ev in agency.evidence[:3]:
                self.evidence(node, T_FTZ.agency, ev, a)

        for k, mention in enumerate(case.agency_mentions, start=1):
            m = iri(iris.case_part(case_iri, "agency-mention", k))
            add(node, T_FTZ.agencyMention, m)
            add(m, T_FTZ.asWritten, zh_text(mention.as_written))
            add(m, T_FTZ.confidence, text(mention.confidence))
            if mention.agency:
                add(m, T_FTZ.mentionOf, iri(iris.agency(mention.agency)))
            self.evidence(m, T_FTZ.asWritten, mention.evidence)

        for citation in case.citations:
            doc = iri(iris.policy(citation.number, citation.title))
            add(node, T_DCTERMS.references, doc)
            add(doc, T_RDF.type, T_FTZ.PolicyDocument)
            if citation.title:
                self.labelled(doc, citation.title, title=True)
            elif citation.number:
                add(doc, T_RDFS.label, zh_text(citation.number))
            if citation.number:
                add(doc, T_DCTERMS.identifier, text(citation.number))
            self.evidence(node, T_DCTERMS.references, citation.evidence, doc)

        for k, outcome in enumerate(case.outcomes, start=1):
            o = iri(iris.case_part(case_iri, "outcome", k))
            add(node, T_FTZ.outcome, o)
            add(o, T_RDF.type, T_FTZ.Outcome)
            add(o, T_FTZ.measure, zh_text(outcome.what))
            add(o, T_RDFS.label, zh_text(outcome.what))
            if outcome.value is not None:
                add(o, T_FTZ.value, decimal(outcome.value))
            if outcome.unit:
                add(o, T_FTZ.unit, text(outcome.unit))
            if outcome.before is not None:
                add(o, T_FTZ.valueBefore, decimal(outcome.before))
            if outcome.after is not None:
                add(o, T_FTZ.valueAfter, decimal(outcome.after))
            if outcome.qualifier:
                add(o, T_FTZ.qualifier, zh_text(outcome.qualifier))
            if outcome.after_text:
                add(o, T_FTZ.afterText, zh_text(outcome.after_text))
            if outcome.value_max is not None:
                add(o, T_FTZ.valueMax, decimal(outcome.value_max))
            self.evidence(o, T_FTZ.outcome, outcome.evidence)

        for stated in case.dates:
            for value in (stated.value or "").split("/"):
                if value:
                    add(node, T_FTZ.mentionsDate, date(value))
        for company in case.companies:
            c = iri(iris.company(company.text))
            add(node, T_FTZ.mentionsCompany, c)
            add(c, T_RDF.type, T_FTZ.Company)
            self.labelled(c, company.text, pref=True)

    def parents(self, agency: Term, ancestors: list[tuple[str, str]]) -> None:
        """The chain of parents (绥芬河海关 -> 哈尔滨海关 -> 海关总署), each typed so it can be queried."""
        child = agency
        for parent_name, sector in ancestors:
            p = iri(iris.agency(parent_name))
            self.add(child, T_ORG.subOrganizationOf, p)
            self.add(p, T_RDF.type, T_FTZ.Agency)
            self.labelled(p, parent_name, pref=True)
            self.add(p, T_FTZ.sector, iri(iris.sector(sector)))
            child = p

    def provider(self, case: Case) -> Term:
        if case.provider_zone:
            return iri(place_iri(Place(case.provider_zone, case.provider_area), self.gazetteer))
        name = case.provider or "未注明提供单位"
        node = iri(iris.place(name))
        self.add(node, T_RDF.type, T_FTZ.City if case.provider_kind == "city" else T_FTZ.OtherUnit)
        self.labelled(node, name, pref=True)
        return node

    def origin(
        self, case_iri: URIRef, reform: Term, case: Case, learned: Learned, k: int, origin: Origin | None
    ) -> None:
        """The k-th origin claim of a case and its typed learned-from relation.

        What the text says about the item (its batch, its zone) stays on the claim (``ftz:claimedBatch``,
        ``ftz:claimedZone``): a provincial document is not an authority for a national item's batch or
        originating zone, so those facts are stated on the item only by the reference data and by the
        batch notices (see ontology/README.md)."""
        add = self.add
        claim = iri(iris.case_part(case_iri, "origin", k))
        add(claim, T_RDF.type, T_FTZ.OriginClaim)
        add(claim, T_RDF.type, T_PROV.Derivation)
        add(claim, T_FTZ.originKind, iri(ORIGIN_KIND[origin.kind if origin is not None else "title"]))
        add(reform, T_PROV.qualifiedDerivation, claim)
        title = learned.item.name if learned.item is not None else learned.target or case.title
        source = iri(iris.reform(title))
        add(claim, T_PROV.entity, source)
        add(reform, T_PROV.wasDerivedFrom, source)
        add(source, T_RDF.type, T_FTZ.Reform)
        add(source, T_RDFS.label, zh_text(title))
        prop = getattr(T_FTZ, relation_property(learned.relation))
        target = source
        if learned.relation == LEARNS_FROM_ZONE and learned.zone:
            target = iri(place_iri(Place(learned.zone, learned.area), self.gazetteer))
        elif learned.relation == FOLLOWS_MINISTRY and learned.ministry:
            target = iri(iris.agency(learned.ministry))
            add(target, T_RDF.type, T_FTZ.Agency)
            self.labelled(target, learned.ministry, pref=True)
            add(target, T_FTZ.sector, iri(iris.sector(learned.ministry_sector or "other")))
        add(reform, prop, target)
        add(reform, T_FTZ.learnedFrom, target)
        add(claim, T_FTZ.learnedRelation, prop)
        add(claim, T_FTZ.learnedTarget, target)
        add(claim, T_FTZ.confidence, decimal(learned.confidence))
        batch = None
        if origin is not None and origin.kind == "national_batch" and origin.batch_kind:
            batch = iri(iris.batch(origin.batch_kind, origin.batch_number))
            add(claim, T_FTZ.claimedBatch, batch)
            self.batch_stub(batch, origin.batch_kind, origin.batch_number)
        if origin is not None and origin.zone:
            place = iri(place_iri(Place(origin.zone, origin.area), self.gazetteer))
            add(claim, T_FTZ.claimedZone, place)
            if learned.item is not None and learned.item.origin is not None:
                self.zone_conflict(case_iri, claim, learned.item, origin, place, k)
        self.evidence(claim, T_PROV.wasDerivedFrom, learned.evidence, source)
        if learned.item is not None and batch is not None and origin is not None:
            self.conflict(case_iri, claim, learned.item, origin, batch, k)

    def batch_stub(self, batch: Term, kind: str, number: int | None) -> None:
        """A batch the text names; the reference graph adds what else is known about it."""
        self.add(batch, T_RDF.type, T_FTZ.Batch)
        self.add(batch, T_FTZ.batchKind, iri(batch_kind_iri(kind)))
        if number is not None:
            self.add(batch, T_FTZ.batchNumber, integer(number))
        self.labelled(batch, batch_label(kind, number), pref=True)

    def conflict(self, case_iri: URIRef, claim: Term, item: NationalItem, origin: Origin, batch: Term, k: int) -> None:
        """Flag a claim whose batch an authority puts elsewhere; the claim stays a claim, the fact a fact."""
        add = self.add
        for kind, number in item.contradicted_batches(origin.batch_kind, origin.batch_number):
            node = iri(iris.case_part(case_iri, "conflict", k))
            other = iri(iris.batch(kind, number))
            self.conflict_node(case_iri, node, claim, item, item.batch_sources.get((kind, number), item.sources))
            add(node, T_FTZ.documentBatch, batch)
            add(node, T_FTZ.referenceBatch, other)
            self.batch_stub(other, kind, number)
            who_en, who_zh = _authority_names(item.batch_sources.get((kind, number), item.sources))
            en = (
                f"The document places this reform in {origin.batch_kind} batch {origin.batch_number}; "
                f"{who_en} places it in batch {number}."
            )
            zh_label = f"批次不一致：文件称第{origin.batch_number}批，{who_zh}为第{number}批"
            add(node, T_RDFS.comment, text(en, "en"))
            add(node, T_RDFS.comment, zh_text(zh_label))
            add(node, T_RDFS.label, zh_text(zh_label))
            add(
                node,
                T_RDFS.label,
                text(
                    f"Batch conflict: document says {number_en(origin.batch_number)}, "
                    f"{who_en} says {number_en(number)}",
                    "en",
                ),
            )

    def zone_conflict(
        self, case_iri: URIRef, claim: Term, item: NationalItem, origin: Origin, place: Term, k: int
    ) -> None:
        """Flag a claim whose originating zone an authority names differently (another FTZ, or another area)."""
        fact = item.origin
        if fact is None or (fact.zone == origin.zone and (fact.area is None or origin.area in (None, fact.area))):
            return
        node = iri(iris.case_part(case_iri, "zone-conflict", k))
        self.conflict_node(case_iri, node, claim, item, item.sources)
        other = iri(place_iri(fact, self.gazetteer))
        self.add(node, T_FTZ.documentZone, place)
        self.add(node, T_FTZ.referenceZone, other)
        said = self.gazetteer.zone_label(Place(origin.zone, origin.area))  # type: ignore[arg-type]
        known = self.gazetteer.zone_label(fact)
        who_en, who_zh = _authority_names(item.sources)
        self.add(
            node, T_RDFS.comment, text(f"The document says this reform comes from {said}; {who_en} says {known}.", "en")
        )
        zh_label = f"首创地不一致：文件称{said}，{who_zh}为{known}"
        self.add(node, T_RDFS.comment, zh_text(zh_label))
        self.add(node, T_RDFS.label, zh_text(zh_label))
        self.add(node, T_RDFS.label, text(f"Origin conflict: document says {said}, {who_en} says {known}", "en"))

    def conflict_node(self, case_iri: URIRef, node: Term, claim: Term, item: NationalItem, sources: list[str]) -> None:
        """A conflict between a document's claim and an authority: both sides named (the document and its
        evidence on the claim; the authority's sources)."""
        add = self.add
        add(iri(case_iri), T_FTZ.hasConflict, node)
        add(node, T_RDF.type, T_FTZ.Conflict)
        add(node, T_FTZ.about, iri(iris.reform(item.name)))
        add(node, T_FTZ.documentClaim, claim)
        add(node, T_FTZ.claimSource, self.doc)
        for url in sources:
            if url.startswith(str(iris.ID)):
                add(node, T_FTZ.authoritySource, iri(url))
            else:
                add(node, T_DCTERMS.source, text(url))
                add(node, T_FTZ.authoritySource, text(url))


def number_en(number: int | None) -> str:
    return f"batch {number}" if number is not None else "an unnumbered batch"


def _authority_names(sources: list[str]) -> tuple[str, str]:
    """How a conflict message names the authority: a notice built into the store, or the reference data."""
    if any(url.startswith(str(iris.ID)) for url in sources):
        return "a national batch notice in the store", "国家批次通知"
    return "the reference data", "参考数据"


def split_shared(doc_id: str, triples: Iterable[Triple]) -> tuple[list[Triple], list[Triple]]:
    """(the document's own triples, the triples about shared entities) -- see ``iris.ENTITIES_GRAPH``.

    Why: agencies, places and national reforms appear in thousands of documents. Kept in every document's
    graph, a query over the union default graph meets each of their facts once per document (Oxigraph's
    union does not remove duplicates), and at 100k cases an agency query returned hundreds of thousands of
    rows instead of hundreds.
    """
    owned: dict[Term, bool] = {}  # asked once per subject, not once per triple
    own: list[Triple] = []
    shared: list[Triple] = []
    for triple in triples:
        subject = triple[0]
        mine = owned.get(subject)
        if mine is None:
            mine = owned[subject] = iris.owned_by(doc_id, lexical(subject))
        (own if mine else shared).append(triple)
    return own, shared
