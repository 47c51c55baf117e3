"""Cases as the rows of a list: title, number, provider, zones, batches and agencies of each, read for many cases at
once from their facts. Kept apart from the listing, ordering and paging of cases, which the agency and reform views
also feed with case IRIs of their own."""

from __future__ import annotations

from typing import Any, TypeVar

from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.store.sparql_terms import iri_ref
from ftzgraph.graph.views.case_facts import (
    DERIVATION,
    DERIVED_FROM,
    IDENTIFIER,
    IS_PART_OF,
    LABEL,
    PREF_LABEL,
    TITLE,
    TYPE,
    Facts,
)
from ftzgraph.graph.views.queries import PROVIDER_KINDS
from ftzgraph.graph.views.resource_filters import resource_id
from ftzgraph.graph.views.results import AgencyRef, CaseSummary, Ref
from ftzgraph.ontology.namespace import FTZ, SPARQL_PREFIXES


def _values(var: str, iris: list[str]) -> str:
    return f"VALUES {var} {{ {' '.join(iri_ref(i) for i in iris)} }}"


def _label(var: str, out: str) -> str:
    """An OPTIONAL Chinese (or untagged) label of ``var`` bound to ``out`` (a name, never a notice title)."""
    return f'OPTIONAL {{ {var} skos:prefLabel|rdfs:label ?{out} FILTER(LANG(?{out}) = "zh" || LANG(?{out}) = "") }}'


R = TypeVar("R")


def _append(items: list[R], item: R) -> None:
    if item not in items:
        items.append(item)


def _by(*names: str) -> Any:
    """A sort key on the string values of ``names`` (what ``ORDER BY`` on IRIs and strings does)."""
    return lambda row: tuple(str(row.get(name) or "") for name in names)


def case_summaries(store: Store, case_iris: list[str]) -> list[CaseSummary]:
    """One summary per case, in the order given: id, title, document, provider, origins, national items, agencies.

    Four queries bounded by the given cases (``VALUES``), each without DISTINCT or ORDER BY: the engine sorts
    by decoding every string it compares and deduplicates by hashing every row, while the rows of one page
    are few, so both are done here (a triple held in several graphs comes once per graph in the union).
    """
    if not case_iris:
        return []
    values = _values("?case", case_iris)
    cases: dict[str, CaseSummary] = {}
    for row in store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?case ?id ?number ?title ?doc ?docTitle ?provider ?providerLabel ?providerType WHERE {{
  {values}
  ?case dcterms:identifier ?id ; ftz:caseNumber ?number ; dcterms:title ?title ; dcterms:isPartOf ?doc .
  OPTIONAL {{ ?doc dcterms:title ?docTitle }}
  OPTIONAL {{ ?case ftz:providedBy ?provider . {_label("?provider", "providerLabel")}
    OPTIONAL {{ ?provider a ?providerType FILTER(?providerType IN (ftz:City, ftz:Area)) }} }}
}}"""
    ):
        cases.setdefault(
            row["case"],
            {
                "iri": row["case"],
                "id": row["id"],
                "number": row["number"],
                "title": row["title"],
                "document": {"iri": row["doc"], "label": row.get("docTitle")},
                "provider": {
                    "iri": row["provider"],
                    "label": row.get("providerLabel"),
                    "kind": PROVIDER_KINDS.get(row.get("providerType") or "", "other"),
                }
                if row.get("provider")
                else None,
                "origin_batches": [],
                "origin_zones": [],
                "national_items": [],
                "agencies": [],
            },
        )
    origins = store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?case ?claim ?batch ?batchLabel ?zone ?zoneLabel WHERE {{
  {values}
  ?case ftz:reform/prov:qualifiedDerivation ?claim .
  OPTIONAL {{ ?claim ftz:claimedBatch ?batch . {_label("?batch", "batchLabel")} }}
  OPTIONAL {{ ?claim ftz:claimedZone ?zone . OPTIONAL {{ ?zone ftz:shortName ?zoneLabel }} }}
}}"""
    )
    for row in sorted(origins, key=_by("claim")):
        case = cases.get(row["case"])
        if case and row.get("batch"):
            _append(case["origin_batches"], Ref(iri=row["batch"], label=row.get("batchLabel")))
        if case and row.get("zone"):
            _append(case["origin_zones"], Ref(iri=row["zone"], label=row.get("zoneLabel")))
    items = store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?case ?item ?label WHERE {{
  {values}
  ?case ftz:reform/prov:wasDerivedFrom ?item . ?item a ftz:NationalReform . {_label("?item", "label")}
}}"""
    )
    for row in sorted(items, key=_by("item")):
        if row["case"] in cases:
            _append(cases[row["case"]]["national_items"], Ref(iri=row["item"], label=row.get("label")))
    agencies = store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?case ?agency ?label ?sector WHERE {{
  {values}
  ?case ftz:agency ?agency . ?agency skos:prefLabel ?label .
  OPTIONAL {{ ?agency ftz:sector ?sector }}
}}"""
    )
    for row in sorted(agencies, key=_by("label")):
        if row["case"] in cases:
            _append(
                cases[row["case"]]["agencies"],
                AgencyRef(iri=row["agency"], label=row["label"], sector=resource_id(row.get("sector") or "other")),
            )
    return [cases[iri] for iri in case_iris if iri in cases]


def _summary_from_facts(facts: Facts, iri: str) -> CaseSummary | None:
    """What ``case_summaries`` answers for one case, from the facts its page has read already (so that a
    first look at a case asks the store nothing more for its summary); None where it gives none."""
    f = facts
    head = [f.one(iri, p) for p in (IDENTIFIER, str(FTZ.caseNumber), TITLE, IS_PART_OF)]
    if any(value is None for value in head):
        return None
    case_id, number, title, doc = head

    def label(thing: str | None) -> str | None:
        found = f.tagged(thing, (PREF_LABEL, LABEL), ("zh", ""))
        return found[0] if found else None

    provider = f.one(iri, str(FTZ.providedBy))
    kind = next((t for t in f.all(provider, TYPE) if t in PROVIDER_KINDS), "")
    summary: CaseSummary = {
        "iri": iri,
        "id": case_id,
        "number": number,
        "title": title,
        "document": {"iri": doc, "label": f.one(doc, TITLE)},
        "provider": {"iri": provider, "label": label(provider), "kind": PROVIDER_KINDS[kind] if kind else "other"}
        if provider
        else None,
        "origin_batches": [],
        "origin_zones": [],
        "national_items": [],
        "agencies": [],
    }
    reforms = f.all(iri, str(FTZ.reform))
    for claim in sorted({claim for reform in reforms for claim in f.all(reform, DERIVATION)}):
        for batch in f.all(claim, str(FTZ.claimedBatch)):
            for batch_label in f.tagged(batch, (PREF_LABEL, LABEL), ("zh", "")) or [None]:
                _append(summary["origin_batches"], Ref(iri=batch, label=batch_label))
        for zone in f.all(claim, str(FTZ.claimedZone)):
            for short in f.all(zone, str(FTZ.shortName)) or [None]:
                _append(summary["origin_zones"], Ref(iri=zone, label=short))
    items = {item for reform in reforms for item in f.all(reform, DERIVED_FROM)}
    for item in sorted(item for item in items if f.has(item, TYPE, str(FTZ.NationalReform))):
        for item_label in f.tagged(item, (PREF_LABEL, LABEL), ("zh", "")) or [None]:
            _append(summary["national_items"], Ref(iri=item, label=item_label))
    agencies = [
        AgencyRef(iri=agency, label=agency_label, sector=resource_id(sector or "other"))
        for agency in f.all(iri, str(FTZ.agency))
        for agency_label in f.all(agency, PREF_LABEL)
        for sector in f.all(agency, str(FTZ.sector)) or [None]
    ]
    for agency in sorted(agencies, key=lambda ref: str(ref["label"] or "")):
        _append(summary["agencies"], agency)
    return summary
