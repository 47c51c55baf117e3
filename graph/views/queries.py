"""Read-side questions asked of any store by SPARQL: find a case, its lineage, the flat case export, stats.

Only SPARQL goes to the store, so the same functions work on the embedded store and on a remote server.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from ftzgraph.graph import iris
from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.store.sparql_terms import iri_ref, literal
from ftzgraph.graph.views.conflicts import conflicts as read_conflicts
from ftzgraph.graph.views.conflicts import lineage_conflict
from ftzgraph.graph.views.learned_relations import learned_from
from ftzgraph.graph.views.lineage_results import Lineage, LineageAgency, LineageQuote
from ftzgraph.graph.views.results import Ref
from ftzgraph.ontology.namespace import FTZ, ID, SPARQL_PREFIXES, batch_kind_label

PROVIDER_KINDS = {str(FTZ.City): "city", str(FTZ.Area): "ftz_area"}
EVIDENCE_FIELDS = {
    str(FTZ.providedBy): "provider",
    "http://purl.org/dc/terms/title": "title",
    str(FTZ.agency): "agencies",
    "http://purl.org/dc/terms/references": "documents",
}


def find_cases(store: Store, ref: str) -> list[dict[str, Any]]:
    """Cases matching ``ref``: an IRI, an id (``d1fc…-7``), a case number, or part of a title."""
    ref = ref.strip()
    if ref.startswith(str(ID)):
        condition = f"FILTER(?case = {iri_ref(ref)})"
    elif ref.isdigit():
        condition = f"FILTER(?number = {int(ref)})"
    elif re.fullmatch(r"[A-Za-z0-9]+-\d+", ref):
        condition = f"FILTER(?case = {iri_ref(str(iris.ID['case/' + ref]))})"
    else:
        condition = f"FILTER(CONTAINS(LCASE(STR(?title)), LCASE({literal(ref)})))"
    rows = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?case ?id ?number ?title ?doc WHERE {{
  ?case a ftz:Case ; dcterms:identifier ?id ; ftz:caseNumber ?number ; dcterms:title ?title ; dcterms:isPartOf ?doc .
  {condition}
}} ORDER BY ?doc ?number"""
    )
    return rows


def _evidence(row: dict[str, Any], prefix: str = "") -> LineageQuote | None:
    if row.get(prefix + "quote") is None:
        return None
    quote: LineageQuote = {  # a quote's evidence pattern requires its start and end
        "quote": row[prefix + "quote"],
        "start": row[prefix + "start"],
        "end": row[prefix + "end"],
        "line": row.get(prefix + "line"),
        "document": row.get(prefix + "source"),
    }
    return quote


EVIDENCE_PATTERN = """OPTIONAL {{ {node} ftz:evidence ?{p}ev . ?{p}ev ftz:supports {prop} ; oa:exact ?{p}quote ;
      oa:start ?{p}start ; oa:end ?{p}end ; ftz:line ?{p}line ; dcterms:source ?{p}source . {extra} }}"""


def _iri(ref: Ref | None) -> str | None:
    return ref["iri"] if ref else None


def _first_per(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """One row per ``key`` (the first, in query order): optional labels can multiply rows."""
    seen: dict[Any, dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(row[key], row)
    return list(seen.values())


def lineage(store: Store, case_iri: str) -> Lineage:
    """Where a case's reform came from, each edge with the sentence that says so.

    Every OPTIONAL repeats the case IRI: Oxigraph evaluates an OPTIONAL's inner pattern on its own and joins
    it afterwards, so ``OPTIONAL { ?claim ftz:evidence ?ev … }`` read every evidence node of the store
    where the anchored form reads the case's own.
    """
    case = iri_ref(case_iri)
    head = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?id ?number ?title ?doc ?docTitle ?docNumber ?file
       ?provider ?providerLabel ?providerType ?reform
WHERE {{
  {case} dcterms:identifier ?id ; ftz:caseNumber ?number ; dcterms:title ?title ; dcterms:isPartOf ?doc ;
        ftz:providedBy ?provider ; ftz:reform ?reform .
  ?doc dcterms:title ?docTitle .
  OPTIONAL {{ ?doc dcterms:identifier ?docNumber }} OPTIONAL {{ ?doc ftz:fileName ?file }}
  OPTIONAL {{ ?provider rdfs:label ?providerLabel FILTER(LANG(?providerLabel) = "zh") }}
  OPTIONAL {{ ?provider a ?providerType FILTER(?providerType IN (ftz:City, ftz:Area, ftz:Zone, ftz:OtherUnit)) }}
}} LIMIT 1"""
    )
    if not head:
        raise KeyError(case_iri)
    h = head[0]
    provider_pattern = EVIDENCE_PATTERN.format(node=case, p="", prop="ftz:providedBy", extra="")
    provider_ev = store.select(SPARQL_PREFIXES + f"SELECT DISTINCT * WHERE {{ {provider_pattern} }} LIMIT 1")
    origins = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?claim ?kind ?entity ?entityLabel ?national ?batch ?batchLabel ?batchNumber ?batchKind
       ?zone ?zoneLabel ?zoneShort ?parentZone ?parentLabel ?quote ?start ?end ?line ?source WHERE {{
  {case} ftz:reform/prov:qualifiedDerivation ?claim .
  ?claim ftz:originKind ?kind ; prov:entity ?entity .
  OPTIONAL {{ {case} ftz:reform/prov:qualifiedDerivation/prov:entity ?entity .
             ?entity rdfs:label ?entityLabel FILTER(LANG(?entityLabel) = "zh") }}
  BIND(EXISTS {{ ?entity a ftz:NationalReform }} AS ?national)  # typed only by authorities
  OPTIONAL {{ {case} ftz:reform/prov:qualifiedDerivation ?claim . ?claim ftz:claimedBatch ?batch .
             ?batch skos:prefLabel ?batchLabel FILTER(LANG(?batchLabel) = "zh")
             OPTIONAL {{ ?batch ftz:batchNumber ?batchNumber }} OPTIONAL {{ ?batch ftz:batchKind ?batchKind }} }}
  OPTIONAL {{ {case} ftz:reform/prov:qualifiedDerivation ?claim . ?claim ftz:claimedZone ?zone .
             ?zone skos:prefLabel ?zoneLabel FILTER(LANG(?zoneLabel) = "zh")
             OPTIONAL {{ ?zone ftz:shortName ?zoneShort }}
             OPTIONAL {{ ?zone ftz:inZone ?parentZone . ?parentZone ftz:shortName ?parentLabel }} }}
  OPTIONAL {{ {case} ftz:reform/prov:qualifiedDerivation ?claim . ?claim ftz:evidence ?ev .
             ?ev oa:exact ?quote ; oa:start ?start ; oa:end ?end ; ftz:line ?line ; dcterms:source ?source }}
}} ORDER BY ?claim"""
    )
    item_facts = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?entity ?label ?batch ?batchLabel ?zone ?zoneShort WHERE {{
  {case} ftz:reform/prov:wasDerivedFrom ?entity .
  ?entity a ftz:NationalReform ; rdfs:label ?label .
  OPTIONAL {{ ?entity ftz:inBatch ?batch .
             OPTIONAL {{ ?batch skos:prefLabel ?batchLabel FILTER(LANG(?batchLabel) = "zh") }} }}
  OPTIONAL {{ ?entity ftz:pilotedIn ?zone . ?zone ftz:shortName ?zoneShort }}
}}"""
    )
    agencies = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?agency ?label ?sector ?sectorLabel ?parent ?parentLabel WHERE {{
  {case} ftz:agency ?agency . ?agency skos:prefLabel ?label ; ftz:sector ?sector .
  OPTIONAL {{ {case} ftz:agency/ftz:sector ?sector .
             ?sector skos:prefLabel ?sectorLabel FILTER(LANG(?sectorLabel) = "en") }}
  OPTIONAL {{ {case} ftz:agency ?agency . ?agency org:subOrganizationOf ?parent . ?parent skos:prefLabel ?parentLabel }}
}} ORDER BY ?label"""
    )
    # The agencies' evidence in a query of its own, without OPTIONAL: Oxigraph started the optional form from
    # every ``ftz:supports ftz:agency`` evidence node of the store (minutes at 100k cases).
    agency_evidence = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?agency ?quote ?start ?end ?line ?source WHERE {{
  {case} ftz:evidence ?ev . ?ev ftz:supports ftz:agency ; ftz:supportsObject ?agency ; oa:exact ?quote ;
      oa:start ?start ; oa:end ?end ; ftz:line ?line ; dcterms:source ?source .
}} ORDER BY ?start"""
    )
    first_evidence = {row["agency"]: row for row in _first_per(agency_evidence, "agency")}

    conflicts = read_conflicts(store, case_iri)
    learned = learned_from(store, [case_iri]).get(case_iri, [])
    seen_agencies: dict[str, LineageAgency] = {}
    for row in agencies:
        seen_agencies.setdefault(
            row["agency"],
            {
                "iri": row["agency"],
                "label": row["label"],
                "sector": row["sector"],
                "sector_label": row.get("sectorLabel"),
                "parent": {"iri": row["parent"], "label": row["parentLabel"]} if row.get("parent") else None,
                "evidence": _evidence(first_evidence[row["agency"]]) if row["agency"] in first_evidence else None,
            },
        )
    reference = defaultdict(lambda: {"batches": set(), "zones": set()})  # type: ignore[var-annotated]
    for row in item_facts:
        if row.get("batchLabel"):
            reference[row["entity"]]["batches"].add(row["batchLabel"])
        if row.get("zoneShort"):
            reference[row["entity"]]["zones"].add(row["zoneShort"])
    return {
        "case": {
            "iri": case_iri,
            "id": h["id"],
            "number": h["number"],
            "title": h["title"],
            "document": {"iri": h["doc"], "title": h["docTitle"], "number": h.get("docNumber"), "file": h.get("file")},
        },
        "reform": h["reform"],
        "provider": {
            "iri": h["provider"],
            "label": h.get("providerLabel"),
            "kind": PROVIDER_KINDS.get(h.get("providerType") or "", "other"),
            "evidence": _evidence(provider_ev[0]) if provider_ev else None,
        },
        "origins": [
            {
                "claim": row["claim"],
                "kind": str(row["kind"]).rsplit("#", 1)[-1],
                "reform": {
                    "iri": row["entity"],
                    "label": row.get("entityLabel"),
                    "national": bool(row.get("national")),
                    "reference_batches": sorted(reference[row["entity"]]["batches"])
                    if row["entity"] in reference
                    else [],
                    "reference_zones": sorted(reference[row["entity"]]["zones"]) if row["entity"] in reference else [],
                },
                "batch": {
                    "iri": row["batch"],
                    "label": row.get("batchLabel"),
                    "kind": batch_kind_label(row.get("batchKind")),
                    "number": row.get("batchNumber"),
                }
                if row.get("batch")
                else None,
                "zone": {
                    "iri": row["zone"],
                    "label": row.get("zoneLabel"),
                    "short": row.get("zoneShort"),
                    "in_zone": row.get("parentLabel"),
                }
                if row.get("zone")
                else None,
                "evidence": _evidence(row),
            }
            for row in _first_per(origins, "claim")
        ],
        "national_items": [
            {"iri": entity, "batches": sorted(facts["batches"]), "zones": sorted(facts["zones"])}
            for entity, facts in reference.items()
        ],
        "agencies": list(seen_agencies.values()),
        "learned_from": learned,
        "conflicts": [lineage_conflict(c) for c in conflicts],
    }
