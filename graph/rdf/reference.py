"""The reference named graph: FTZs, areas, national batches and items, and the SKOS schemes in data/.

Built from the sourced YAML files at every build, so adding a row to the data is all it takes to
extend it. Each resource keeps its source URLs (``dcterms:source``) and whether a source was read
(``ftz:verified``). Its triples are written as the documents' are (``nt_terms``); the SKOS schemes are
read from their Turtle files.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ftzgraph.graph import iris
from ftzgraph.graph.data_files import data_path
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.extract.source_kinds import KIND_CONCEPT, source_kind
from ftzgraph.graph.model import Place
from ftzgraph.graph.rdf.nt_terms import (
    T_DCTERMS,
    T_FTZ,
    T_RDF,
    T_RDFS,
    T_SKOS,
    Term,
    Triple,
    boolean,
    date,
    from_rdflib,
    integer,
    iri,
    rdflib_graph,
    text,
    zh_text,
)
from ftzgraph.graph.rdf.triples import batch_label, place_iri
from ftzgraph.ontology.namespace import BATCH_KIND_BY_LABEL, batch_kind_iri

Add = Callable[[Term, Term, Term], None]
SCHEME_FILES = ("agencies/sectors.ttl", "vocab/domains.ttl")
"""SKOS concept schemes kept as data (agency sectors, policy domains), loaded into the reference graph."""


def _sources(add: Add, node: Term, sources: object) -> None:
    """The fact's sources and how it is known (``ftz:sourceKind``: national notice, ministry list, provincial
    document, news). A source that points into a bundled document is that document's claim, kept as a kind
    (provincial document) so a reader sees the fact rests on no independent source."""
    for url in sources if isinstance(sources, list) else [sources]:
        if url:
            add(node, T_DCTERMS.source, text(str(url)))
            add(node, T_FTZ.sourceKind, iri(KIND_CONCEPT[source_kind(str(url))]))


def scheme_graph() -> Graph:
    """The SKOS concept schemes kept as data (agency sectors, policy domains), as their files state them."""
    graph = Graph()
    for name in SCHEME_FILES:
        path = data_path(*name.split("/"))
        if path.exists():
            graph.parse(path, format="turtle")
    return graph


def reference_graph(gazetteer: Gazetteer) -> Graph:
    """The whole reference graph as an rdflib graph (for SHACL validation and tests)."""
    return rdflib_graph(reference_triples(gazetteer))


def reference_triples(gazetteer: Gazetteer) -> set[Triple]:
    """The reference named graph as term strings: the SKOS schemes' triples and the reference data's (zones,
    areas, batches, items)."""
    schemes = scheme_graph()
    domains = {
        str(label): str(concept)
        for concept, label in schemes.subject_objects(SKOS.prefLabel)
        if isinstance(label, Literal) and label.language == "zh" and isinstance(concept, URIRef)
    }
    triples: set[Triple] = from_rdflib(schemes)

    def add(s: Term, p: Term, o: Term) -> None:
        triples.add((s, p, o))

    for zone_id, zone in gazetteer.zones.items():
        node = iri(iris.zone(zone_id))
        add(node, T_RDF.type, T_FTZ.Zone)
        add(node, T_SKOS.prefLabel, zh_text(zone["name_zh"]))
        add(node, T_FTZ.shortName, zh_text(zone["short_zh"]))
        add(node, T_RDFS.label, zh_text(zone["short_zh"]))
        for alias in zone.get("aliases_zh") or []:
            add(node, T_SKOS.altLabel, zh_text(alias))
        if zone.get("name_en"):
            add(node, T_RDFS.label, text(zone["name_en"], "en"))
            add(node, T_SKOS.prefLabel, text(zone["name_en"], "en"))
        if zone.get("province_zh"):
            add(node, T_FTZ.province, zh_text(zone["province_zh"]))
        if zone.get("establishment_round"):
            add(node, T_FTZ.establishmentRound, integer(int(zone["establishment_round"])))
        established = zone.get("established") or {}
        if established.get("value"):
            add(node, T_DCTERMS.created, date(str(established["value"])))
            _sources(add, node, established.get("source"))
        add(node, T_FTZ.verified, boolean(bool(established.get("verified", False))))
        for area in zone.get("areas") or []:
            a = iri(place_iri(Place(zone_id, area["name_zh"]), gazetteer))
            add(a, T_RDF.type, T_FTZ.Area)
            add(a, T_SKOS.prefLabel, zh_text(area["name_zh"]))
            add(a, T_FTZ.shortName, zh_text(gazetteer.zone_label(Place(zone_id, area["name_zh"]))))
            add(a, T_RDFS.label, zh_text(area["name_zh"]))
            for alias in area.get("aliases_zh") or []:
                add(a, T_SKOS.altLabel, zh_text(alias))
            if area.get("name_en"):
                add(a, T_RDFS.label, text(area["name_en"], "en"))
                add(a, T_SKOS.prefLabel, text(area["name_en"], "en"))
            add(a, T_FTZ.inZone, node)
            add(a, T_DCTERMS.isPartOf, node)
            add(a, T_FTZ.verified, boolean(bool(area.get("verified", False))))
            _sources(add, a, area.get("source"))

    for batch in gazetteer.batches:
        node = iri(iris.batch(batch["kind"], batch["number"]))
        add(node, T_RDF.type, T_FTZ.Batch)
        add(node, T_FTZ.batchKind, iri(batch_kind_iri(batch["kind"])))
        if batch["number"] is not None:
            add(node, T_FTZ.batchNumber, integer(int(batch["number"])))
        label = batch_label(batch["kind"], batch["number"])
        add(node, T_SKOS.prefLabel, zh_text(label))
        add(node, T_RDFS.label, zh_text(label))
        english = BATCH_KIND_BY_LABEL[batch["kind"]].english
        add(node, T_RDFS.label, text(f"FTZ {english}, batch {batch['number']}", "en"))
        if batch.get("label_zh"):
            add(node, T_SKOS.altLabel, zh_text(batch["label_zh"]))
        if batch.get("doc_number"):
            add(node, T_DCTERMS.identifier, text(batch["doc_number"]))
        if batch.get("title_zh"):
            add(node, T_DCTERMS.title, zh_text(batch["title_zh"]))
        if batch.get("date"):
            add(node, T_DCTERMS.issued, date(str(batch["date"])))
        if batch.get("count") is not None:
            add(node, T_FTZ.declaredItemCount, integer(int(batch["count"])))
        if batch.get("issuer"):
            add(node, T_DCTERMS.publisher, zh_text(batch["issuer"]))
        add(node, T_FTZ.itemsComplete, boolean(False))
        add(node, T_FTZ.verified, boolean(bool(batch["verified"])))
        _sources(add, node, batch.get("sources"))

    for item in gazetteer.items:
        # Only items with an independent source are here (gazetteer.py drops the rest). A candidate's source
        # names the practice and its zone but not its batch: it is a zone's reform, not a national item.
        node = iri(iris.reform(item.name))
        if item.batches:
            add(node, T_RDF.type, T_FTZ.NationalReform)
        add(node, T_RDF.type, T_FTZ.Reform)
        add(node, T_RDFS.label, zh_text(item.name))
        add(node, T_SKOS.prefLabel, zh_text(item.name))
        for alias in item.aliases:
            add(node, T_SKOS.altLabel, zh_text(alias))
        for kind, number in item.batches:
            add(node, T_FTZ.inBatch, iri(iris.batch(kind, number)))
        if item.origin:
            add(node, T_FTZ.pilotedIn, iri(place_iri(item.origin, gazetteer)))
        if item.domain and item.domain in domains:
            add(node, T_FTZ.policyDomain, iri(domains[item.domain]))
        if item.scope:
            add(node, T_FTZ.scope, zh_text(item.scope))
        add(node, T_FTZ.verified, boolean(item.verified))
        add(node, T_FTZ.candidate, boolean(item.candidate))
        if item.note:
            add(node, T_RDFS.comment, text(item.note, "en"))
        _sources(add, node, item.sources)
    return triples
