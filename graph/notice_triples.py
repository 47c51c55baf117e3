"""RDF for a national batch that a document declares (a State Council notice, a best-practice collection).

Items become ``ftz:NationalReform`` nodes merged with the reference data: an item that the gazetteer's
tolerant matcher recognises reuses the reference item's IRI and label (the notice's wording becomes a
``skos:altLabel``), so a provincial case that cites either form reaches one node. Facts the reference
already holds with a single value (a batch's date and count, an item's domain and scope) are added only
when the reference lacks them; a disagreement becomes a warning on the document instead of a second
value, so the merged graph still conforms to the shapes.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from ftzgraph.graph import iris
from ftzgraph.graph.notice import BatchItem, NationalBatch, domain_labels
from ftzgraph.graph.text import title_key
from ftzgraph.ontology.namespace import FTZ

if TYPE_CHECKING:
    from ftzgraph.graph.triples import DocumentGraph


@cache
def domain_concepts() -> dict[str, URIRef]:
    """A domain's Chinese prefLabel -> its concept IRI (from data/vocab/domains.ttl)."""
    from importlib import resources

    from rdflib import Graph

    graph = Graph().parse(str(resources.files("ftzgraph.data") / "vocab" / "domains.ttl"), format="turtle")
    concepts: dict[str, URIRef] = {}
    for concept, label in graph.subject_objects(SKOS.prefLabel):
        if getattr(label, "language", None) == "zh" and isinstance(concept, URIRef):
            concepts[str(label)] = concept
    return concepts


def _domain_concept(label: str | None) -> URIRef | None:
    if not label:
        return None
    concepts = domain_concepts()
    return concepts.get(domain_labels().get(label, label)) or concepts.get("其他领域")


def _warn(dg: DocumentGraph, message: str) -> None:
    """A disagreement with the reference data, recorded on the document like the parser's own warnings."""
    dg.add(dg.doc, FTZ.warning, Literal(message))


def item_iri(item: BatchItem) -> URIRef:
    """The reform IRI of an item: the reference item's when it matches one, else from the item's title."""
    return iris.reform(item.reference.name if item.reference else item.title)


def batch_triples(dg: DocumentGraph, batch: NationalBatch) -> URIRef:
    """Add the batch and its items to the document graph ``dg``; returns the batch IRI."""
    from ftzgraph.graph.triples import BATCH_KIND, batch_label, date_literal, zh

    node = iris.batch(batch.kind, batch.number)
    known = dg.gazetteer.batch(batch.kind, batch.number) or {}
    where = str(dg.extraction.document.path)
    dg.add(node, RDF.type, FTZ.Batch)
    dg.add(node, FTZ.batchKind, BATCH_KIND.get(batch.kind, FTZ.OtherBatchKind))
    if batch.number is not None:
        dg.add(node, FTZ.batchNumber, Literal(batch.number))
    label = batch_label(batch.kind, batch.number)
    dg.add(node, SKOS.prefLabel, zh(label))
    dg.add(node, RDFS.label, zh(label))
    dg.add(node, DCTERMS.source, dg.doc)
    if batch.doc_number:
        if known.get("doc_number") and known["doc_number"] != batch.doc_number:
            _warn(
                dg, f"{where}: the notice's 文号 {batch.doc_number} differs from the reference's {known['doc_number']}"
            )
        dg.add(node, DCTERMS.identifier, Literal(batch.doc_number))
    if batch.title and not known.get("title_zh"):
        dg.add(node, DCTERMS.title, zh(batch.title))
    if batch.date:
        reference_date = str(known.get("date") or "")
        if not reference_date:
            dg.add(node, DCTERMS.issued, date_literal(batch.date))
        elif not batch.date.startswith(reference_date) and not reference_date.startswith(batch.date):
            _warn(dg, f"{where}: the notice is dated {batch.date}; the reference data says {reference_date}")
    if batch.declared_total is not None:
        if known.get("count") is None:
            dg.add(node, FTZ.declaredItemCount, Literal(batch.declared_total))
        elif int(known["count"]) != batch.declared_total:
            _warn(
                dg,
                f"{where}: the notice declares {batch.declared_total} items; the reference data says {known['count']}",
            )
    if batch.evidence is not None:
        dg.evidence(node, FTZ.batchNumber, batch.evidence, Literal(batch.number) if batch.number else None)
    for item in batch.items:
        item_triples(dg, item, node)
    return node


def item_triples(dg: DocumentGraph, item: BatchItem, batch: URIRef) -> URIRef:
    """One national reform: label (the reference's when matched), batch, domain, scope, origin, evidence."""
    from ftzgraph.graph.triples import place_iri, zh

    node = item_iri(item)
    reference = item.reference
    label = reference.name if reference else item.title
    dg.add(node, RDF.type, FTZ.NationalReform)
    dg.add(node, RDF.type, FTZ.Reform)
    dg.add(node, RDFS.label, zh(label))
    dg.add(node, SKOS.prefLabel, zh(label))
    if item.title != label:
        dg.add(node, SKOS.altLabel, zh(item.title))
    dg.add(node, FTZ.inBatch, batch)
    dg.add(node, DCTERMS.source, dg.doc)
    dg.evidence(node, FTZ.inBatch, item.evidence, batch)
    concept = _domain_concept(item.domain)
    reference_concept = _domain_concept(reference.domain) if reference else None
    if concept is not None and reference_concept in (None, concept):
        dg.add(node, FTZ.policyDomain, concept)
    elif concept is not None:
        where = f"{dg.extraction.document.path}:{item.evidence.line}"
        _warn(
            dg,
            f"{where}: item '{item.title}' is filed under {item.domain}; the reference data says {reference_concept}",
        )
    scope = item.scope_label
    if scope and (reference is None or not reference.scope or title_key(reference.scope) == title_key(scope)):
        dg.add(node, FTZ.scope, zh(scope))
    if item.origin is not None:
        place = place_iri(item.origin, dg.gazetteer)
        dg.add(node, FTZ.pilotedIn, place)
        if item.origin_evidence is not None:
            dg.evidence(node, FTZ.pilotedIn, item.origin_evidence, place)
    if item.content:
        dg.add(node, DCTERMS.description, zh(item.content))
    return node
