"""The reference named graph: FTZs, areas, national batches and items, and the SKOS schemes in data/.

Built from the sourced YAML files at every build, so adding a row to the data is all it takes to
extend it. Each resource keeps its source URLs (``dcterms:source``) and whether a source was read
(``ftz:verified``).
"""

from __future__ import annotations

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from ftzgraph.graph import iris
from ftzgraph.graph.data_files import data_path
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.extract.source_kinds import KIND_CONCEPT, source_kind
from ftzgraph.graph.model import Place
from ftzgraph.graph.rdf.triples import batch_label, date_literal, place_iri, zh
from ftzgraph.ontology.namespace import BATCH_KIND_BY_LABEL, FTZ, batch_kind_iri

SCHEME_FILES = ("agencies/sectors.ttl", "vocab/domains.ttl")
"""SKOS concept schemes kept as data (agency sectors, policy domains), loaded into the reference graph."""


def _sources(graph: Graph, node: URIRef, sources: object) -> None:
    """The fact's sources and how it is known (``ftz:sourceKind``: national notice, ministry list, provincial
    document, news). A source that points into a bundled document is that document's claim, kept as a kind
    (provincial document) so a reader sees the fact rests on no independent source."""
    for url in sources if isinstance(sources, list) else [sources]:
        if url:
            graph.add((node, DCTERMS.source, Literal(str(url))))
            graph.add((node, FTZ.sourceKind, KIND_CONCEPT[source_kind(str(url))]))


def reference_graph(gazetteer: Gazetteer) -> Graph:
    graph = Graph()
    for name in SCHEME_FILES:
        path = data_path(*name.split("/"))
        if path.exists():
            graph.parse(path, format="turtle")
    domains = {
        str(label): concept
        for concept, label in graph.subject_objects(SKOS.prefLabel)
        if isinstance(label, Literal) and label.language == "zh"
    }

    for zone_id, zone in gazetteer.zones.items():
        node = iris.zone(zone_id)
        graph.add((node, RDF.type, FTZ.Zone))
        graph.add((node, SKOS.prefLabel, zh(zone["name_zh"])))
        graph.add((node, FTZ.shortName, zh(zone["short_zh"])))
        graph.add((node, RDFS.label, zh(zone["short_zh"])))
        for alias in zone.get("aliases_zh") or []:
            graph.add((node, SKOS.altLabel, zh(alias)))
        if zone.get("name_en"):
            graph.add((node, RDFS.label, Literal(zone["name_en"], lang="en")))
            graph.add((node, SKOS.prefLabel, Literal(zone["name_en"], lang="en")))
        if zone.get("province_zh"):
            graph.add((node, FTZ.province, zh(zone["province_zh"])))
        if zone.get("establishment_round"):
            graph.add((node, FTZ.establishmentRound, Literal(int(zone["establishment_round"]))))
        established = zone.get("established") or {}
        if established.get("value"):
            graph.add((node, DCTERMS.created, date_literal(str(established["value"]))))
            _sources(graph, node, established.get("source"))
        graph.add((node, FTZ.verified, Literal(bool(established.get("verified", False)))))
        for area in zone.get("areas") or []:
            a = place_iri(Place(zone_id, area["name_zh"]), gazetteer)
            graph.add((a, RDF.type, FTZ.Area))
            graph.add((a, SKOS.prefLabel, zh(area["name_zh"])))
            graph.add((a, FTZ.shortName, zh(gazetteer.zone_label(Place(zone_id, area["name_zh"])))))
            graph.add((a, RDFS.label, zh(area["name_zh"])))
            for alias in area.get("aliases_zh") or []:
                graph.add((a, SKOS.altLabel, zh(alias)))
            if area.get("name_en"):
                graph.add((a, RDFS.label, Literal(area["name_en"], lang="en")))
                graph.add((a, SKOS.prefLabel, Literal(area["name_en"], lang="en")))
            graph.add((a, FTZ.inZone, node))
            graph.add((a, DCTERMS.isPartOf, node))
            graph.add((a, FTZ.verified, Literal(bool(area.get("verified", False)))))
            _sources(graph, a, area.get("source"))

    for batch in gazetteer.batches:
        node = iris.batch(batch["kind"], batch["number"])
        graph.add((node, RDF.type, FTZ.Batch))
        graph.add((node, FTZ.batchKind, batch_kind_iri(batch["kind"])))
        if batch["number"] is not None:
            graph.add((node, FTZ.batchNumber, Literal(int(batch["number"]))))
        label = batch_label(batch["kind"], batch["number"])
        graph.add((node, SKOS.prefLabel, zh(label)))
        graph.add((node, RDFS.label, zh(label)))
        english = BATCH_KIND_BY_LABEL[batch["kind"]].english
        graph.add((node, RDFS.label, Literal(f"FTZ {english}, batch {batch['number']}", lang="en")))
        if batch.get("label_zh"):
            graph.add((node, SKOS.altLabel, zh(batch["label_zh"])))
        if batch.get("doc_number"):
            graph.add((node, DCTERMS.identifier, Literal(batch["doc_number"])))
        if batch.get("title_zh"):
            graph.add((node, DCTERMS.title, zh(batch["title_zh"])))
        if batch.get("date"):
            graph.add((node, DCTERMS.issued, date_literal(str(batch["date"]))))
        if batch.get("count") is not None:
            graph.add((node, FTZ.declaredItemCount, Literal(int(batch["count"]))))
        if batch.get("issuer"):
            graph.add((node, DCTERMS.publisher, zh(batch["issuer"])))
        graph.add((node, FTZ.itemsComplete, Literal(False)))
        graph.add((node, FTZ.verified, Literal(bool(batch["verified"]))))
        _sources(graph, node, batch.get("sources"))

    for item in gazetteer.items:
        # Only items with an independent source are here (gazetteer.py drops the rest). A candidate's source
        # names the practice and its zone but not its batch: it is a zone's reform, not a national item.
        node = iris.reform(item.name)
        if item.batches:
            graph.add((node, RDF.type, FTZ.NationalReform))
        graph.add((node, RDF.type, FTZ.Reform))
        graph.add((node, RDFS.label, zh(item.name)))
        graph.add((node, SKOS.prefLabel, zh(item.name)))
        for alias in item.aliases:
            graph.add((node, SKOS.altLabel, zh(alias)))
        for kind, number in item.batches:
            graph.add((node, FTZ.inBatch, iris.batch(kind, number)))
        if item.origin:
            graph.add((node, FTZ.pilotedIn, place_iri(item.origin, gazetteer)))
        if item.domain and item.domain in domains:
            graph.add((node, FTZ.policyDomain, domains[item.domain]))
        if item.scope:
            graph.add((node, FTZ.scope, zh(item.scope)))
        graph.add((node, FTZ.verified, Literal(item.verified)))
        graph.add((node, FTZ.candidate, Literal(item.candidate)))
        if item.note:
            graph.add((node, RDFS.comment, Literal(item.note, lang="en")))
        _sources(graph, node, item.sources)
    return graph
