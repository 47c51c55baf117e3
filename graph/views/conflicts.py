"""Every conflict in the store, with both sides: what a document claims and what an authority states.

A conflict is recorded where a claim meets an authority (graph/rdf/triples.py for a case's claim against the
reference data or a batch notice built alongside; graph/rdf/notice_triples.py for a notice against the reference
data). This module reads them back in one shape for the trace, the case page, ``ftzgraph stats`` and
``/conflicts``. SPARQL only, through ``Store``.
"""

from __future__ import annotations

from typing import Any

from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.store.sparql_terms import iri_ref
from ftzgraph.graph.views.lineage_results import LineageConflict
from ftzgraph.graph.views.quality_results import Conflict
from ftzgraph.graph.views.results import Ref
from ftzgraph.ontology.namespace import SPARQL_PREFIXES


def conflicts(store: Store, case_iri: str | None = None) -> list[Conflict]:
    """The conflicts of one case (``case_iri``) or of the whole store, each with its message in Chinese and
    English, the claim's document and evidence, and the authority's sources."""
    subject = iri_ref(case_iri) if case_iri else "?holder"
    # Oxigraph evaluates an OPTIONAL's inner pattern on its own and joins it afterwards, so for one case each
    # OPTIONAL repeats the case's conflicts (else it reads every conflict of the store); a case without
    # conflict, the usual one, is answered by one lookup.
    if case_iri and not store.ask(SPARQL_PREFIXES + f"ASK {{ {subject} ftz:hasConflict ?conflict }}"):
        return []
    anchor = f"{subject} ftz:hasConflict ?conflict ." if case_iri else ""
    rows = store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?conflict ?holder ?holderTitle ?about ?aboutLabel ?doc ?docTitle ?claim ?quote ?line
       ?documentBatch ?documentBatchLabel ?referenceBatch ?referenceBatchLabel
       ?documentZone ?documentZoneLabel ?referenceZone ?referenceZoneLabel
       (SAMPLE(?zh) AS ?messageZh) (SAMPLE(?en) AS ?messageEn)
       (GROUP_CONCAT(DISTINCT STR(?authority); separator=" ") AS ?authorities)
WHERE {{
  {subject} ftz:hasConflict ?conflict .
  {"BIND(" + subject + " AS ?holder)" if case_iri else ""}
  OPTIONAL {{ ?holder dcterms:title ?holderTitle FILTER(LANG(?holderTitle) = "zh" || LANG(?holderTitle) = "") }}
  OPTIONAL {{ {anchor} ?conflict rdfs:comment ?zh FILTER(LANG(?zh) = "zh") }}
  OPTIONAL {{ {anchor} ?conflict rdfs:comment ?en FILTER(LANG(?en) = "en") }}
  OPTIONAL {{ {anchor} ?conflict ftz:about ?about .
             OPTIONAL {{ ?about rdfs:label ?aboutLabel FILTER(LANG(?aboutLabel) = "zh") }} }}
  OPTIONAL {{ {anchor} ?conflict ftz:claimSource ?doc . OPTIONAL {{ ?doc dcterms:title ?docTitle }} }}
  OPTIONAL {{ {anchor} ?conflict ftz:documentClaim ?claim .
             OPTIONAL {{ {anchor} ?conflict ftz:documentClaim ?claim . ?claim ftz:evidence ?ev . ?ev oa:exact ?quote .
                        OPTIONAL {{ ?ev ftz:line ?line }} }} }}
  OPTIONAL {{ {anchor} ?conflict ftz:documentBatch ?documentBatch .
             OPTIONAL {{ ?documentBatch skos:prefLabel ?documentBatchLabel
                        FILTER(LANG(?documentBatchLabel) = "zh") }} }}
  OPTIONAL {{ {anchor} ?conflict ftz:referenceBatch ?referenceBatch .
             OPTIONAL {{ ?referenceBatch skos:prefLabel ?referenceBatchLabel
                        FILTER(LANG(?referenceBatchLabel) = "zh") }} }}
  OPTIONAL {{ {anchor} ?conflict ftz:documentZone ?documentZone .
             OPTIONAL {{ ?documentZone ftz:shortName ?documentZoneLabel }} }}
  OPTIONAL {{ {anchor} ?conflict ftz:referenceZone ?referenceZone .
             OPTIONAL {{ ?referenceZone ftz:shortName ?referenceZoneLabel }} }}
  OPTIONAL {{ {anchor} ?conflict ftz:authoritySource ?authority }}
}} GROUP BY ?conflict ?holder ?holderTitle ?about ?aboutLabel ?doc ?docTitle ?claim ?quote ?line
   ?documentBatch ?documentBatchLabel ?referenceBatch ?referenceBatchLabel
   ?documentZone ?documentZoneLabel ?referenceZone ?referenceZoneLabel
ORDER BY ?holder ?conflict"""
    )
    found: dict[str, Conflict] = {}
    for row in rows:
        if row["conflict"] in found:  # a claim with several evidence quotes: the first one is enough
            continue
        found[row["conflict"]] = {
            "iri": row["conflict"],
            "holder": {"iri": row.get("holder") or case_iri, "title": row.get("holderTitle")},
            "kind": "zone" if row.get("documentZone") else "batch",
            "message_zh": row.get("messageZh"),
            "message_en": row.get("messageEn"),
            "about": Ref(iri=row["about"], label=row.get("aboutLabel")) if row.get("about") else None,
            "document": {
                "iri": row.get("doc"),
                "title": row.get("docTitle"),
                "claim": row.get("claim"),
                "quote": row.get("quote"),
                "line": row.get("line"),
                "batch": _ref(row, "documentBatch"),
                "zone": _ref(row, "documentZone"),
            },
            "authority": {
                "sources": (row.get("authorities") or "").split(),
                "batch": _ref(row, "referenceBatch"),
                "zone": _ref(row, "referenceZone"),
            },
        }
    return list(found.values())


def lineage_conflict(conflict: Conflict) -> LineageConflict:
    """A conflict as a case's lineage shows it: flat, with both sides' batch or zone IRIs and the authority's
    label and sources."""
    document, authority = conflict["document"], conflict["authority"]
    named = authority["batch"] or authority["zone"]
    return {
        "iri": conflict["iri"],
        "kind": conflict["kind"],
        "comment": conflict["message_en"],
        "comment_zh": conflict["message_zh"],
        "document_batch": document["batch"]["iri"] if document["batch"] else None,
        "reference_batch": authority["batch"]["iri"] if authority["batch"] else None,
        "reference_label": named["label"] if named else None,
        "document_zone": document["zone"]["iri"] if document["zone"] else None,
        "reference_zone": authority["zone"]["iri"] if authority["zone"] else None,
        "claim": document["claim"],
        "document": document["iri"],
        "sources": authority["sources"],
    }


def _ref(row: dict[str, Any], name: str) -> Ref | None:
    return Ref(iri=row[name], label=row.get(f"{name}Label")) if row.get(name) else None
