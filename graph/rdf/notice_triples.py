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

from rdflib import URIRef
from rdflib.namespace import SKOS

from ftzgraph.graph import iris
from ftzgraph.graph.data_files import read_data_text
from ftzgraph.graph.extract.notice import domain_labels
from ftzgraph.graph.extract.source_kinds import KIND_CONCEPT, MINISTRY_LIST, NATIONAL_NOTICE
from ftzgraph.graph.model import BATCH_NOTICE, BatchItem, NationalBatch, NationalItem
from ftzgraph.graph.rdf.nt_terms import (
    T_DCTERMS,
    T_FTZ,
    T_RDF,
    T_RDFS,
    T_SKOS,
    Term,
    date,
    integer,
    iri,
    lexical,
    text,
    zh_text,
)
from ftzgraph.graph.rdf.triples import DocumentGraph, batch_label, place_iri
from ftzgraph.graph.text import title_key
from ftzgraph.ontology.namespace import batch_kind_iri


@cache
def domain_concepts() -> dict[str, URIRef]:
    """A domain's Chinese prefLabel -> its concept IRI (from data/vocab/domains.ttl)."""
    from rdflib import Graph

    graph = Graph().parse(data=read_data_text("vocab", "domains.ttl"), format="turtle")
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

    dg.add(dg.doc, T_FTZ.warning, text(message))


def item_iri(item: BatchItem) -> URIRef:
    """The reform IRI of an item: the reference item's when it matches one, else from the item's title."""
    return iris.reform(item.reference.name if item.reference else item.title)


def batch_triples(dg: DocumentGraph, batch: NationalBatch) -> Term:
    """Add the batch and its items to the document graph ``dg``; returns the batch IRI (a term string)."""

    node = iri(iris.batch(batch.kind, batch.number))
    known = dg.gazetteer.batch(batch.kind, batch.number) or {}
    where = str(dg.extraction.document.path)
    dg.add(node, T_RDF.type, T_FTZ.Batch)
    dg.add(node, T_FTZ.batchKind, iri(batch_kind_iri(batch.kind)))
    if batch.number is not None:
        dg.add(node, T_FTZ.batchNumber, integer(batch.number))
    dg.labelled(node, batch_label(batch.kind, batch.number), pref=True)
    dg.add(node, T_DCTERMS.source, dg.doc)
    if batch.doc_number:
        if known.get("doc_number") and known["doc_number"] != batch.doc_number:
            _warn(
                dg, f"{where}: the notice's 文号 {batch.doc_number} differs from the reference's {known['doc_number']}"
            )
        dg.add(node, T_DCTERMS.identifier, text(batch.doc_number))
    if batch.title and not known.get("title_zh"):
        dg.add(node, T_DCTERMS.title, zh_text(batch.title))
    if batch.date:
        reference_date = str(known.get("date") or "")
        if not reference_date:
            dg.add(node, T_DCTERMS.issued, date(batch.date))
        elif not batch.date.startswith(reference_date) and not reference_date.startswith(batch.date):
            _warn(dg, f"{where}: the notice is dated {batch.date}; the reference data says {reference_date}")
    if batch.declared_total is not None:
        if known.get("count") is None:
            dg.add(node, T_FTZ.declaredItemCount, integer(batch.declared_total))
        elif int(known["count"]) != batch.declared_total:
            _warn(
                dg,
                f"{where}: the notice declares {batch.declared_total} items; the reference data says {known['count']}",
            )
    if batch.evidence is not None:
        dg.evidence(node, T_FTZ.batchNumber, batch.evidence, integer(batch.number) if batch.number else None)
    for item in batch.items:
        item_triples(dg, item, node)
    return node


def item_triples(dg: DocumentGraph, item: BatchItem, batch: Term) -> Term:
    """One national reform: label (the reference's when matched), batch, domain, scope, origin, evidence."""

    node = iri(item_iri(item))
    reference = item.reference
    label = reference.name if reference else item.title
    dg.add(node, T_RDF.type, T_FTZ.NationalReform)
    dg.add(node, T_RDF.type, T_FTZ.Reform)
    dg.labelled(node, label, pref=True)
    if item.title != label:
        dg.add(node, T_SKOS.altLabel, zh_text(item.title))
    dg.add(node, T_FTZ.inBatch, batch)
    dg.add(node, T_DCTERMS.source, dg.doc)
    # How the fact is known: a State Council notice, or a ministry's (MOFCOM's) best-practice list.
    kind = NATIONAL_NOTICE if dg.extraction.layout == BATCH_NOTICE else MINISTRY_LIST
    dg.add(node, T_FTZ.sourceKind, iri(KIND_CONCEPT[kind]))
    dg.evidence(node, T_FTZ.inBatch, item.evidence, batch)
    if reference is not None:
        _batch_conflict(dg, item, reference, node, batch)
    concept = _domain_concept(item.domain)
    reference_concept = _domain_concept(reference.domain) if reference else None
    if concept is not None and reference_concept in (None, concept):
        dg.add(node, T_FTZ.policyDomain, iri(concept))
    elif concept is not None:
        where = f"{dg.extraction.document.path}:{item.evidence.line}"
        _warn(
            dg,
            f"{where}: item '{item.title}' is filed under {item.domain}; the reference data says {reference_concept}",
        )
    scope = item.scope_label
    if scope and (reference is None or not reference.scope or title_key(reference.scope) == title_key(scope)):
        dg.add(node, T_FTZ.scope, zh_text(scope))
    if item.origin is not None:
        place = iri(place_iri(item.origin, dg.gazetteer))
        dg.add(node, T_FTZ.pilotedIn, place)
        if item.origin_evidence is not None:
            dg.evidence(node, T_FTZ.pilotedIn, item.origin_evidence, place)
    if item.content:
        dg.add(node, T_DCTERMS.description, zh_text(item.content))
    return node


def _batch_conflict(dg: DocumentGraph, item: BatchItem, reference: NationalItem, node: Term, batch: Term) -> None:
    """Two authorities disagree: the reference data (independent source) puts the item in another batch of the
    same series. Both ``ftz:inBatch`` stay (each authority's statement); the disagreement is a conflict."""

    kind, number = dg.extraction.batch.kind, dg.extraction.batch.number  # type: ignore[union-attr]
    others = [b for b in reference.batches if b[0] == kind and b[1] is not None and b[1] != number]
    if number is None or not others:
        return
    for other_kind, other_number in others:
        conflict = iri(
            URIRef(f"{lexical(dg.doc)}/conflict/{iris.short_hash(title_key(reference.name))}-{other_number}")
        )
        dg.add(dg.doc, T_FTZ.hasConflict, conflict)
        dg.add(conflict, T_RDF.type, T_FTZ.Conflict)
        dg.add(conflict, T_FTZ.about, node)
        dg.add(conflict, T_FTZ.claimSource, dg.doc)
        dg.add(conflict, T_FTZ.documentBatch, batch)
        dg.add(conflict, T_FTZ.referenceBatch, iri(iris.batch(other_kind, other_number)))
        for url in reference.batch_sources.get((other_kind, other_number), reference.sources):
            dg.add(conflict, T_DCTERMS.source, text(url))
            dg.add(conflict, T_FTZ.authoritySource, text(url))
        zh = f"批次不一致：本通知列为第{number}批，参考数据为第{other_number}批"
        dg.add(conflict, T_RDFS.label, zh_text(zh))
        dg.add(conflict, T_RDFS.comment, zh_text(zh))
        en = (
            f"This notice lists '{item.title}' in {kind} batch {number}; "
            f"the reference data places it in batch {other_number}."
        )
        dg.add(conflict, T_RDFS.comment, text(en, "en"))
        dg.add(
            conflict,
            T_RDFS.label,
            text(f"Batch conflict: notice says batch {number}, reference data says batch {other_number}", "en"),
        )
