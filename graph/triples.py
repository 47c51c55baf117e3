"""RDF for one extracted document, in the shape of ontology/ftz.ttl and ontology/README.md.

Every IRI comes from ``iris``; every fact that the text states gets an ``ftz:Evidence`` node with the
quote and its offsets, so "why does the graph say this?" has an answer in the graph itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS

from ftzgraph.graph import iris
from ftzgraph.graph.extract.agencies import parent_of, sector_of
from ftzgraph.graph.gazetteer import Gazetteer, Place
from ftzgraph.graph.layout import collection_series
from ftzgraph.graph.model import Case, Evidence, Origin
from ftzgraph.graph.pipeline import CITY_SUFFIXES, Extraction
from ftzgraph.graph.text import chinese_numeral
from ftzgraph.ontology.namespace import FTZ, OA

ORIGIN_KIND = {
    "national_batch": FTZ.NationalBatchOrigin,
    "zone": FTZ.ZoneOrigin,
    "ministry": FTZ.MinistryOrigin,
    "self": FTZ.SelfCopiedOrigin,
    "generic": FTZ.GenericFtzOrigin,
}
BATCH_KIND = {"改革试点经验": FTZ.PilotExperience, "最佳实践案例": FTZ.BestPractice}
ZH = "zh"


def zh(text: str) -> Literal:
    return Literal(text, lang=ZH)


def decimal(value: float) -> Literal:
    """An xsd:decimal with a canonical lexical form (rdflib's float-with-decimal-datatype is ill-typed)."""
    return Literal(Decimal(str(value)))


def date_literal(value: str) -> Literal:
    """``2023`` -> xsd:gYear, ``2023-06`` -> xsd:gYearMonth, ``2023-06-01`` -> xsd:date, else a plain string."""
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}.get(len(value))
    return Literal(value, datatype=datatype) if datatype else Literal(value)


def batch_label(kind: str, number: int | None) -> str:
    return f"自贸试验区第{chinese_numeral(number)}批{kind}" if number is not None else f"自贸试验区{kind}（未注明批次）"


def place_iri(place: Place, gazetteer: Gazetteer) -> URIRef:
    if place.area:
        area = gazetteer.areas.get((place.zone, place.area), {})
        return iris.area(place.zone, place.area, area.get("name_en"))
    return iris.zone(place.zone)


class DocumentGraph:
    """Builds the named graph of one document."""

    def __init__(self, extraction: Extraction, gazetteer: Gazetteer) -> None:
        self.extraction = extraction
        self.gazetteer = gazetteer
        self.doc_id = extraction.document.id
        self.doc = iris.document(self.doc_id)
        self.triples: set[tuple[URIRef | BNode, URIRef, URIRef | Literal | BNode]] = set()

    def add(self, s: URIRef | BNode, p: URIRef, o: URIRef | Literal | BNode) -> None:
        self.triples.add((s, p, o))

    def evidence(self, subject: URIRef, prop: URIRef, ev: Evidence, obj: URIRef | Literal | None = None) -> URIRef:
        node = iris.evidence(self.doc_id, ev.start, ev.end, f"{subject} {prop} {obj}")
        self.add(node, RDF.type, FTZ.Evidence)
        self.add(node, OA.exact, Literal(ev.quote))
        self.add(node, OA.start, Literal(ev.start))
        self.add(node, OA.end, Literal(ev.end))
        self.add(node, FTZ.line, Literal(ev.line))
        if ev.page is not None:
            self.add(node, FTZ.page, Literal(ev.page))
        if ev.paragraph is not None:
            self.add(node, FTZ.paragraph, Literal(ev.paragraph))
        self.add(node, DCTERMS.source, self.doc)
        self.add(node, FTZ.supports, prop)
        if obj is not None:
            self.add(node, FTZ.supportsObject, obj)
        self.add(subject, FTZ.evidence, node)
        return node

    def build(self) -> set[tuple[URIRef | BNode, URIRef, URIRef | Literal | BNode]]:
        document = self.extraction.document
        self.add(self.doc, RDF.type, FTZ.SourceDocument)
        title = document.title or document.path.name
        self.add(self.doc, DCTERMS.title, zh(title))
        self.add(self.doc, RDFS.label, zh(title))
        if document.doc_number:
            self.add(self.doc, DCTERMS.identifier, Literal(document.doc_number))
        if document.issuer:
            self.add(self.doc, DCTERMS.publisher, zh(document.issuer))
        if document.date:
            self.add(self.doc, DCTERMS.issued, Literal(document.date, datatype=XSD.date))
        self.add(self.doc, DCTERMS.format, Literal(document.format))
        self.add(self.doc, FTZ.sha256, Literal(document.sha256))
        self.add(self.doc, FTZ.fileName, Literal(document.path.name))
        series, number = collection_series(document, self.extraction.layout)
        if series:
            self.add(self.doc, FTZ.series, zh(series))
        if number is not None:
            self.add(self.doc, FTZ.seriesNumber, Literal(number))
        if self.extraction.table:
            self.add(self.doc, FTZ.declaredCaseCount, Literal(len(self.extraction.table)))
        for warning in self.extraction.warnings:
            self.add(self.doc, FTZ.warning, Literal(warning))
        for case in self.extraction.cases:
            self.case(case)
        if self.extraction.batch is not None:
            from ftzgraph.graph.notice_triples import batch_triples  # notice_triples builds on this module

            batch_triples(self, self.extraction.batch)
        return self.triples

    def case(self, case: Case) -> None:
        number = case.number if case.number is not None else 0
        node = iris.case(self.doc_id, number)
        self.add(node, RDF.type, FTZ.Case)
        self.add(node, DCTERMS.title, zh(case.title))
        self.add(node, RDFS.label, zh(case.title))
        self.add(node, DCTERMS.identifier, Literal(f"{self.doc_id}-{number}"))
        self.add(node, FTZ.caseNumber, Literal(number))
        self.add(node, DCTERMS.isPartOf, self.doc)
        self.evidence(node, DCTERMS.title, case.evidence["title"], zh(case.title))
        for warning in case.warnings:
            self.add(node, FTZ.warning, Literal(warning))

        provider = self.provider(case)
        self.add(node, FTZ.providedBy, provider)
        if "provider" in case.evidence:
            self.evidence(node, FTZ.providedBy, case.evidence["provider"], provider)

        reform = iris.case_part(node, "reform")
        self.add(node, FTZ.reform, reform)
        self.add(reform, RDF.type, FTZ.Reform)
        self.add(reform, RDFS.label, zh(case.title))
        self.add(reform, FTZ.adoptedBy, provider)
        item = next((i for i in self.gazetteer.items if i.name == case.national_item), None)
        for k, origin in enumerate(case.origins, start=1):
            self.origin(node, reform, case, origin, k, item)
        if item is not None and not any(o.item_title or o.kind == "national_batch" for o in case.origins):
            # Matched by title only: a derivation without a stated batch, still traceable to the item.
            self.add(reform, PROV.wasDerivedFrom, iris.reform(item.name))

        for agency in case.agencies:
            a = iris.agency(agency.name)
            self.add(node, FTZ.agency, a)
            self.add(a, RDF.type, FTZ.Agency)
            self.add(a, SKOS.prefLabel, zh(agency.name))
            self.add(a, RDFS.label, zh(agency.name))
            for form in agency.as_written:
                if form != agency.name:
                    self.add(a, SKOS.altLabel, zh(form))
            self.add(a, FTZ.sector, iris.sector(agency.sector))
            self.parents(a, agency.name, agency.parent)
            if agency.place and agency.place.endswith(CITY_SUFFIXES):  # a province is not an ftz:City
                place = iris.place(agency.place)
                self.add(a, FTZ.locatedIn, place)
                self.add(place, RDF.type, FTZ.City)
                self.add(place, SKOS.prefLabel, zh(agency.place))
                self.add(place, RDFS.label, zh(agency.place))
            for ev in agency.evidence[:3]:
                self.evidence(node, FTZ.agency, ev, a)

        for citation in case.citations:
            doc = iris.policy(citation.number, citation.title)
            self.add(node, DCTERMS.references, doc)
            self.add(doc, RDF.type, FTZ.PolicyDocument)
            if citation.title:
                self.add(doc, DCTERMS.title, zh(citation.title))
                self.add(doc, RDFS.label, zh(citation.title))
            elif citation.number:
                self.add(doc, RDFS.label, zh(citation.number))
            if citation.number:
                self.add(doc, DCTERMS.identifier, Literal(citation.number))
            self.evidence(node, DCTERMS.references, citation.evidence, doc)

        for k, outcome in enumerate(case.outcomes, start=1):
            o = iris.case_part(node, "outcome", k)
            self.add(node, FTZ.outcome, o)
            self.add(o, RDF.type, FTZ.Outcome)
            self.add(o, FTZ.measure, zh(outcome.what))
            self.add(o, RDFS.label, zh(outcome.what))
            if outcome.value is not None:
                self.add(o, FTZ.value, decimal(outcome.value))
            if outcome.unit:
                self.add(o, FTZ.unit, Literal(outcome.unit))
            if outcome.before is not None:
                self.add(o, FTZ.valueBefore, decimal(outcome.before))
            if outcome.after is not None:
                self.add(o, FTZ.valueAfter, decimal(outcome.after))
            self.evidence(o, FTZ.outcome, outcome.evidence)

        for date in case.dates:
            for value in (date.value or "").split("/"):
                if value:
                    self.add(node, FTZ.mentionsDate, date_literal(value))
        for company in case.companies:
            c = iris.company(company.text)
            self.add(node, FTZ.mentionsCompany, c)
            self.add(c, RDF.type, FTZ.Company)
            self.add(c, SKOS.prefLabel, zh(company.text))
            self.add(c, RDFS.label, zh(company.text))

    def parents(self, agency: URIRef, name: str, parent: str | None) -> None:
        """The chain of parents (绥芬河海关 -> 哈尔滨海关 -> 海关总署), each typed so it can be queried."""
        seen = {name}
        child, parent_name = agency, parent
        while parent_name and parent_name not in seen:
            seen.add(parent_name)
            p = iris.agency(parent_name)
            self.add(child, ORG.subOrganizationOf, p)
            self.add(p, RDF.type, FTZ.Agency)
            self.add(p, SKOS.prefLabel, zh(parent_name))
            self.add(p, RDFS.label, zh(parent_name))
            self.add(p, FTZ.sector, iris.sector(sector_of(parent_name)))
            child, parent_name = p, parent_of(parent_name)

    def provider(self, case: Case) -> URIRef:
        if case.provider_zone:
            return place_iri(Place(case.provider_zone, case.provider_area), self.gazetteer)
        name = case.provider or "未注明提供单位"
        node = iris.place(name)
        self.add(node, RDF.type, FTZ.City if case.provider_kind == "city" else FTZ.OtherUnit)
        self.add(node, SKOS.prefLabel, zh(name))
        self.add(node, RDFS.label, zh(name))
        return node

    def origin(self, case_node: URIRef, reform: URIRef, case: Case, origin: Origin, k: int, item: object) -> None:
        claim = iris.case_part(case_node, "origin", k)
        self.add(claim, RDF.type, FTZ.OriginClaim)
        self.add(claim, RDF.type, PROV.Derivation)
        self.add(claim, FTZ.originKind, ORIGIN_KIND[origin.kind])
        self.add(reform, PROV.qualifiedDerivation, claim)
        national = item if item is not None and (origin.item_title or origin.kind == "national_batch") else None
        title = getattr(national, "name", None) or origin.item_title or case.title
        if item is not None and iris.reform(title) == iris.reform(getattr(item, "name", "")):
            title = getattr(item, "name", title)  # same reform node as the reference item: keep its one label
        source = iris.reform(title)
        self.add(claim, PROV.entity, source)
        self.add(reform, PROV.wasDerivedFrom, source)
        self.add(source, RDF.type, FTZ.Reform)
        self.add(source, RDFS.label, zh(title))
        batch = None
        if origin.kind == "national_batch" and origin.batch_kind:
            batch = iris.batch(origin.batch_kind, origin.batch_number)
            self.add(claim, FTZ.claimedBatch, batch)
            self.batch_stub(batch, origin.batch_kind, origin.batch_number)
            self.add(source, RDF.type, FTZ.NationalReform)
            self.add(source, FTZ.inBatch, batch)
        if origin.zone:
            place = place_iri(Place(origin.zone, origin.area), self.gazetteer)
            self.add(claim, FTZ.claimedZone, place)
            self.add(source, FTZ.pilotedIn, place)
        self.evidence(claim, PROV.wasDerivedFrom, origin.evidence, source)
        if national is not None and batch is not None:
            self.conflict(case_node, claim, national, origin, batch, k)

    def batch_stub(self, batch: URIRef, kind: str, number: int | None) -> None:
        """A batch the text names; the reference graph adds what else is known about it."""
        self.add(batch, RDF.type, FTZ.Batch)
        self.add(batch, FTZ.batchKind, BATCH_KIND.get(kind, FTZ.OtherBatchKind))
        if number is not None:
            self.add(batch, FTZ.batchNumber, Literal(number))
        self.add(batch, SKOS.prefLabel, zh(batch_label(kind, number)))
        self.add(batch, RDFS.label, zh(batch_label(kind, number)))

    def conflict(self, case_node: URIRef, claim: URIRef, item: object, origin: Origin, batch: URIRef, k: int) -> None:
        """Flag a claim whose batch the reference data puts elsewhere; both claims stay in the graph."""
        reference_batches = [b for b in getattr(item, "batches", []) if b[0] == origin.batch_kind]
        if not reference_batches or (origin.batch_kind, origin.batch_number) in reference_batches:
            return
        for kind, number in reference_batches:
            if number is None or origin.batch_number is None:
                continue
            node = iris.case_part(case_node, "conflict", k)
            other = iris.batch(kind, number)
            self.add(case_node, FTZ.hasConflict, node)
            self.add(node, RDF.type, FTZ.Conflict)
            self.add(node, FTZ.about, iris.reform(getattr(item, "name", "")))
            self.add(node, FTZ.documentClaim, claim)
            self.add(node, FTZ.documentBatch, batch)
            self.add(node, FTZ.referenceBatch, other)
            self.batch_stub(other, kind, number)
            comment = (
                f"The document places this reform in {origin.batch_kind} batch {origin.batch_number}; "
                f"the reference data places it in batch {number}."
            )
            self.add(node, RDFS.comment, Literal(comment, lang="en"))
            self.add(node, RDFS.label, zh(f"批次不一致：文件称第{origin.batch_number}批，参考数据为第{number}批"))
            for url in getattr(item, "sources", []):
                self.add(node, DCTERMS.source, Literal(url))


Triple = tuple[URIRef | BNode, URIRef, URIRef | Literal | BNode]


def document_triples(extraction: Extraction, gazetteer: Gazetteer) -> set[Triple]:
    """The triples of one document's named graph (plain tuples: building an rdflib Graph costs 60% more)."""
    return DocumentGraph(extraction, gazetteer).build()


def split_shared(doc_id: str, triples: Iterable[Triple]) -> tuple[list[Triple], list[Triple]]:
    """(the document's own triples, the triples about shared entities) -- see ``iris.ENTITIES_GRAPH``.

    Why: agencies, places and national reforms appear in thousands of documents. Kept in every document's
    graph, a query over the union default graph meets each of their facts once per document (Oxigraph's
    union does not remove duplicates), and at 100k cases an agency query returned hundreds of thousands of
    rows instead of hundreds.
    """
    own: list[Triple] = []
    shared: list[Triple] = []
    for triple in triples:
        (own if iris.owned_by(doc_id, triple[0]) else shared).append(triple)
    return own, shared


def document_graph(extraction: Extraction, gazetteer: Gazetteer) -> Graph:
    """The named graph of one document's extraction, as an rdflib graph (for validation and tests)."""
    graph = Graph()
    graph.addN((s, p, o, graph) for s, p, o in document_triples(extraction, gazetteer))
    return graph


def oxigraph_triples(triples: Iterable[Triple]) -> list[ox.Triple]:
    """rdflib terms to pyoxigraph terms, each distinct term converted once."""
    cache: dict[object, object] = {}

    def convert(term: URIRef | Literal | BNode) -> object:
        found = cache.get(term)
        if found is None:
            if isinstance(term, URIRef):
                found = ox.NamedNode(str(term))
            elif isinstance(term, BNode):
                found = ox.BlankNode(str(term))
            elif term.language:
                found = ox.Literal(str(term), language=term.language)
            else:
                found = ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
            cache[term] = found
        return found

    return [ox.Triple(convert(s), convert(p), convert(o)) for s, p, o in triples]  # type: ignore[arg-type]


def ntriples(triples: Iterable[Triple]) -> bytes:
    """Canonical N-Triples bytes (sorted lines), the form documents travel in between processes."""
    data = ox.serialize(oxigraph_triples(triples), format=ox.RdfFormat.N_TRIPLES) or b""
    return b"\n".join(sorted(data.splitlines())) + b"\n"
