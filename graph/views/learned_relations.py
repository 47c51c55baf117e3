"""The typed learned-from relations of cases, read back from the store (``learned_from`` of ``ftzgraph cases``,
the trace, the case page and the API).

Each origin claim carries its relation (``ftz:learnedRelation``), ``ftz:confidence``, its evidence, and what it
names: ``prov:entity`` (the item or practice), ``ftz:claimedZone``, ``ftz:claimedBatch``. The ``target`` is the
entity's name, except where the text names none (learning from a zone in general; a ministry's promotion or a
self-initiated copy that names no item), where the entity is only the case's own reform and ``target`` is None.
SPARQL only, through ``Store``.
"""

from __future__ import annotations

from collections import defaultdict

from ftzgraph.graph.extract.learned_from import LEARNS_FROM_ZONE, RELATIONS, relation_label, relation_of_property
from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.store.sparql_terms import iri_ref
from ftzgraph.graph.views.lineage_results import BatchClaim, LearnedFrom, LearnedFromEntry
from ftzgraph.ontology.namespace import SPARQL_PREFIXES, batch_kind_label

UNNAMED_WHEN_OWN_TITLE = {"self_initiated", "follows_ministry"}


def learned_from(store: Store, case_iris: list[str] | None = None) -> dict[str, list[LearnedFrom]]:
    """Per case IRI, its learned-from relations in claim order: {relation, target, zone, batch, confidence,
    evidence} (the ``ftzgraph cases`` contract), plus ``relation_zh``/``relation_en``, the target's and the
    zone's IRIs (``target_iri``, ``zone_iri``) and the claim's IRI for pages."""
    if case_iris is not None and not case_iris:
        return {}  # no cases asked for: not every case of the store
    values = "VALUES ?case { " + " ".join(iri_ref(c) for c in case_iris) + " }" if case_iris else ""
    # Oxigraph evaluates an OPTIONAL's inner pattern on its own and joins it afterwards: each one repeats the
    # given cases and their claims, else it reads every evidence node (every claim's zone…) of the store.
    anchor = f"{values} ?case ftz:reform/prov:qualifiedDerivation ?claim ." if case_iris else ""
    rows = store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?case ?claim ?rel ?entity (SAMPLE(?el) AS ?entityLabel) (SAMPLE(?ct) AS ?caseTitle) ?conf
       ?zone (SAMPLE(?zs) AS ?zoneShort) ?batchKind ?batchNumber
       (SAMPLE(?q) AS ?quote) (MIN(?s) AS ?start) (SAMPLE(?e) AS ?end) (SAMPLE(?l) AS ?line) WHERE {{
  {values}
  ?case ftz:reform/prov:qualifiedDerivation ?claim ; dcterms:title ?ct .
  ?claim ftz:learnedRelation ?rel ; ftz:confidence ?conf ; prov:entity ?entity .
  OPTIONAL {{ {anchor} ?claim prov:entity ?entity . ?entity rdfs:label ?el FILTER(LANG(?el) = "zh") }}
  OPTIONAL {{ {anchor} ?claim ftz:claimedZone ?zone . OPTIONAL {{ ?zone ftz:shortName ?zs }} }}
  OPTIONAL {{ {anchor} ?claim ftz:claimedBatch ?b . ?b ftz:batchKind ?batchKind .
             OPTIONAL {{ ?b ftz:batchNumber ?batchNumber }} }}
  OPTIONAL {{ {anchor} ?claim ftz:evidence ?ev . ?ev oa:exact ?q ; oa:start ?s ; oa:end ?e .
             OPTIONAL {{ ?ev ftz:line ?l }} }}
}} GROUP BY ?case ?claim ?rel ?entity ?conf ?zone ?batchKind ?batchNumber"""
    )
    found: dict[str, list[LearnedFrom]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r["case"], _claim_index(r["claim"]))):
        relation = relation_of_property(str(row["rel"]).rsplit("#", 1)[-1])
        if relation not in RELATIONS:
            continue
        label = row.get("entityLabel")
        unnamed = relation == LEARNS_FROM_ZONE or (relation in UNNAMED_WHEN_OWN_TITLE and label == row.get("caseTitle"))
        batch: BatchClaim | None = (
            {"kind": batch_kind_label(row["batchKind"]), "number": row.get("batchNumber")}
            if row.get("batchKind")
            else None
        )
        found[row["case"]].append(
            {
                "relation": relation,
                "target": None if unnamed else label,
                "zone": row.get("zoneShort"),
                "batch": batch,
                "confidence": float(row["conf"]),
                "evidence": {
                    "quote": row.get("quote"),
                    "line": row.get("line"),
                    "start": row.get("start"),
                    "end": row.get("end"),
                },
                "relation_zh": relation_label(relation, "zh"),
                "relation_en": relation_label(relation, "en"),
                "target_iri": None if unnamed else row["entity"],
                "zone_iri": row.get("zone"),
                "claim": row["claim"],
            }
        )
    return dict(found)


def contract(entry: LearnedFrom) -> LearnedFromEntry:
    """The entry as ``ftzgraph cases`` gives it: the contract's keys only (``LearnedFromEntry``)."""
    return {
        "relation": entry["relation"],
        "target": entry["target"],
        "zone": entry["zone"],
        "batch": entry["batch"],
        "confidence": entry["confidence"],
        "evidence": entry["evidence"],
    }


def _claim_index(claim: str) -> int:
    tail = claim.rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else 0
