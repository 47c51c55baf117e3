"""Search: a case-insensitive substring match on the names of what users look for — case titles, reforms,
agencies, zones and areas, batches, documents, cities — in Chinese or English.

The text is matched with SPARQL ``CONTAINS`` on every label (``skos:prefLabel``, ``skos:altLabel``,
``rdfs:label``, ``ftz:shortName``, ``dcterms:title``), so it works on any store. The query text is capped at
``MAX_TEXT_CHARS`` by the caller (the API refuses longer text before any scan). Hits are ranked: exact name,
then names starting with the text, then shorter names; each hit says which name matched.
"""

from __future__ import annotations

from typing import Any

from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.store.sparql_terms import iri_ref
from ftzgraph.graph.views.resource_filters import contains, resource_id
from ftzgraph.graph.views.resources import MAX_TEXT_CHARS
from ftzgraph.graph.views.results import SearchHit
from ftzgraph.ontology.namespace import FTZ, ID, SPARQL_PREFIXES

# Searchable classes -> the kind a hit reports. Local reforms (one per case) are left out: a case's own title
# already finds it.
KINDS = {
    str(FTZ.Case): "case",
    str(FTZ.NationalReform): "reform",
    str(FTZ.Reform): "reform",
    str(FTZ.Agency): "agency",
    str(FTZ.Zone): "zone",
    str(FTZ.Area): "area",
    str(FTZ.Batch): "batch",
    str(FTZ.SourceDocument): "document",
    str(FTZ.PolicyDocument): "policy",
    str(FTZ.City): "place",
    str(FTZ.Company): "company",
}
KIND_ORDER = ["case", "reform", "zone", "area", "agency", "batch", "document", "policy", "place", "company"]


def search(store: Store, text: str, limit: int = 50) -> list[SearchHit]:
    """Resources whose names contain ``text`` (ignoring case), best matches first, at most ``limit``."""
    text = " ".join(text.split())
    if not text:
        return []
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"search text of {len(text)} characters is over the limit of {MAX_TEXT_CHARS}")
    classes = ", ".join(iri_ref(c) for c in KINDS)
    rows = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?s ?type ?name WHERE {{
  ?s skos:prefLabel|skos:altLabel|rdfs:label|ftz:shortName|dcterms:title ?name .
  {contains("?name", text)}
  ?s a ?type FILTER(?type IN ({classes}))
  FILTER(?type != ftz:Reform || STRSTARTS(STR(?s), "{ID["reform/"]}"))
}}"""
    )
    needle = text.lower()
    best: dict[str, dict[str, Any]] = {}
    for row in rows:
        name = str(row["name"])
        kind = KINDS[row["type"]]
        rank = (0 if name.lower() == needle else 1 if name.lower().startswith(needle) else 2, len(name))
        hit = best.get(row["s"])
        if hit is None or rank < hit["_rank"]:
            best[row["s"]] = {
                "iri": row["s"],
                "id": resource_id(row["s"]),
                "kind": kind,
                "matched": name,
                "_rank": rank,
            }
        elif kind == "reform":  # NationalReform and Reform both match; keep one hit
            hit["kind"] = "reform"
    hits = sorted(best.values(), key=lambda h: (h["_rank"], KIND_ORDER.index(h["kind"]), h["iri"]))[:limit]
    labels = _labels(store, [h["iri"] for h in hits])
    return [
        {
            "iri": h["iri"],
            "id": h["id"],
            "kind": h["kind"],
            "matched": h["matched"],
            "label": labels.get(h["iri"]) or h["matched"],
        }
        for h in hits
    ]


def _labels(store: Store, iris: list[str]) -> dict[str, str]:
    """The display name of each IRI: Chinese (or untagged) preferred label, title or label."""
    if not iris:
        return {}
    values = " ".join(iri_ref(i) for i in iris)
    rows = store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?x (SAMPLE(COALESCE(?p, ?t, ?l)) AS ?label) WHERE {{ VALUES ?x {{ {values} }}
  OPTIONAL {{ ?x skos:prefLabel ?p FILTER(LANG(?p) = "zh" || LANG(?p) = "") }} OPTIONAL {{ ?x dcterms:title ?t }}
  OPTIONAL {{ ?x rdfs:label ?l FILTER(LANG(?l) = "zh" || LANG(?l) = "") }} }} GROUP BY ?x"""
    )
    return {r["x"]: r["label"] for r in rows}
