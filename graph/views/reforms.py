"""Originating reforms and zones as resources: which cases copied a reform (where, when, as stated), and what a
zone or area originated and who copied it.

A reform here is an ``id:reform/…`` node: a national item (``ftz:NationalReform``, promoted in a national batch)
or a reform a case says it copied from a zone. A zone's id is ``shanghai``; an area's id is
``heilongjiang/suifenhe-area``. SPARQL only, through ``Store``; unknown ids answer None.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TypedDict

from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.store.sparql_terms import iri_ref
from ftzgraph.graph.views._ranked import ranked
from ftzgraph.graph.views.case_summaries import case_summaries
from ftzgraph.graph.views.learned_relations import learned_from
from ftzgraph.graph.views.lineage_results import ReformCopy, ReformDetail
from ftzgraph.graph.views.read_cache import remembered_whole
from ftzgraph.graph.views.resource_filters import contains, resource_id, resource_iri
from ftzgraph.graph.views.results import (
    IdRef,
    OriginatedReform,
    Quote,
    Ref,
    ReformFacts,
    ReformSummary,
    ZoneDetail,
    ZoneSummary,
)
from ftzgraph.ontology.namespace import ID, SPARQL_PREFIXES

REFORM_BASE = str(ID["reform/"])


def _add_quote(quotes: list[Quote], row: dict[str, Any]) -> None:
    """The row's quote (``?ev ?quote ?start ?end ?line``) unless one of the same span is there already: two
    claims of one sentence (its batch, its zone) have an evidence node each, and the quote is shown once."""
    if not row.get("ev"):
        return
    quote: Quote = {
        "iri": row["ev"],
        "quote": row.get("quote"),
        "start": row.get("start"),
        "end": row.get("end"),
        "line": row.get("line"),
    }
    if all((q["quote"], q["start"], q["end"]) != (quote["quote"], quote["start"], quote["end"]) for q in quotes):
        quotes.append(quote)


class _Copy(TypedDict):
    """What a reform's claims say of one case that copied it, before the case's summary joins it."""

    kinds: list[str]
    evidence: list[Quote]
    issued: str | None
    document_number: str | None


def _zh(var: str) -> str:
    return f'FILTER(LANG(?{var}) = "zh" || LANG(?{var}) = "")'


def _reform_facts(store: Store, reforms: list[str]) -> dict[str, ReformFacts]:
    """Label, national flag, batches and pilot zones of each reform in ``reforms``."""
    facts: dict[str, ReformFacts] = {
        r: {"iri": r, "id": resource_id(r), "label": None, "national": False, "batches": [], "piloted_in": []}
        for r in reforms
    }
    if not reforms:
        return facts
    values = "VALUES ?r { " + " ".join(iri_ref(r) for r in reforms) + " }"
    for row in store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?r ?label ?national ?batch ?batchLabel ?zone ?zoneLabel WHERE {{
  {values}
  OPTIONAL {{ ?r rdfs:label ?label {_zh("label")} }}
  BIND(EXISTS {{ ?r a ftz:NationalReform }} AS ?national)
  OPTIONAL {{ ?r ftz:inBatch ?batch . OPTIONAL {{ ?batch skos:prefLabel ?batchLabel {_zh("batchLabel")} }} }}
  OPTIONAL {{ ?r ftz:pilotedIn ?zone . OPTIONAL {{ ?zone ftz:shortName ?zoneLabel }} }}
}}"""
    ):
        fact = facts[row["r"]]
        fact["label"] = fact["label"] or row.get("label")
        fact["national"] = fact["national"] or bool(row.get("national"))
        if row.get("batch"):
            batch = Ref(iri=row["batch"], label=row.get("batchLabel"))
            if batch not in fact["batches"]:
                fact["batches"].append(batch)
        if row.get("zone"):
            zone = Ref(iri=row["zone"], label=row.get("zoneLabel"))
            if zone not in fact["piloted_in"]:
                fact["piloted_in"].append(zone)
    return facts


def list_reforms(
    store: Store, *, national: bool | None = None, q: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[ReformSummary], int]:
    """Originating reforms (national items first, then by label), each with the number of cases that copied it."""
    where = f'?r a ftz:Reform . FILTER(STRSTARTS(STR(?r), "{REFORM_BASE}"))'
    if national is not None:
        where += f" FILTER({'' if national else '!'}EXISTS {{ ?r a ftz:NationalReform }})"
    if q:
        where += f" FILTER EXISTS {{ ?r rdfs:label|skos:altLabel ?_q . {contains('?_q', q)} }}"
    rows, total = ranked(
        store,
        ("reforms", national, q),
        "r",
        where,
        f"""SELECT ?r (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?case) AS ?cases) WHERE {{
  {where}
  OPTIONAL {{ ?r rdfs:label ?l {_zh("l")} }}
  OPTIONAL {{ ?local prov:wasDerivedFrom ?r . ?case ftz:reform ?local }}
}} GROUP BY ?r""",
        lambda r: (-r["cases"], str(r.get("label") or ""), r["r"]),
    )
    page = rows[offset : offset + limit]
    facts = _reform_facts(store, [r["r"] for r in page])
    reforms: list[ReformSummary] = [{**facts[r["r"]], "cases": r["cases"]} for r in page]
    return reforms, total


def read_reform(store: Store, reform_id: str) -> ReformDetail | None:
    """One reform: its labels, batches, pilot zones, and every case that copied it, where (provider) and when."""
    iri = resource_iri("reform", reform_id)
    if iri is None or not store.ask(SPARQL_PREFIXES + f"ASK {{ {iri_ref(iri)} a ftz:Reform }}"):
        return None
    reform = iri_ref(iri)
    fact = _reform_facts(store, [iri])[iri]
    extra = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?alt ?scope ?domain ?domainLabel ?source WHERE {{
  {{ {reform} skos:altLabel ?alt }} UNION {{ {reform} ftz:scope ?scope }} UNION {{ {reform} dcterms:source ?source }}
  UNION {{ {reform} ftz:policyDomain ?domain .
          OPTIONAL {{ ?domain skos:prefLabel ?domainLabel {_zh("domainLabel")} }} }}
}}"""
    )
    claims = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?case ?kind ?ev ?quote ?start ?end ?line ?issued ?docNumber WHERE {{
  ?local prov:wasDerivedFrom {reform} . ?case ftz:reform ?local ; dcterms:isPartOf ?doc .
  OPTIONAL {{ ?doc dcterms:issued ?issued }} OPTIONAL {{ ?doc dcterms:identifier ?docNumber }}
  OPTIONAL {{ ?local prov:qualifiedDerivation ?claim . ?claim prov:entity {reform} ; ftz:originKind ?kind .
             OPTIONAL {{ ?claim ftz:evidence ?ev . ?ev oa:exact ?quote ; oa:start ?start .
                        OPTIONAL {{ ?ev oa:end ?end }} OPTIONAL {{ ?ev ftz:line ?line }} }} }}
}} ORDER BY ?case ?start ?ev ?kind"""
    )
    dates = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?case ?date WHERE {{
  ?local prov:wasDerivedFrom {reform} . ?case ftz:reform ?local ; ftz:mentionsDate ?date }}"""
    )
    dates_of: dict[str, set[str]] = defaultdict(set)
    for row in dates:
        dates_of[row["case"]].add(str(row["date"]))
    per_case: dict[str, _Copy] = {}
    for row in claims:
        entry = per_case.setdefault(
            row["case"],
            {
                "kinds": [],
                "evidence": [],
                "issued": str(row["issued"]) if row.get("issued") is not None else None,
                "document_number": row.get("docNumber"),
            },
        )
        kind = str(row.get("kind") or "").rsplit("#", 1)[-1]
        if kind and kind not in entry["kinds"]:
            entry["kinds"].append(kind)
        _add_quote(entry["evidence"], row)
    learned = learned_from(store, list(per_case)) if per_case else {}
    copied_by: list[ReformCopy] = [
        {
            **summary,
            # How each case learned this reform, as its document states it (relation, claimed batch and zone).
            "relations": [
                {
                    "relation": e["relation"],
                    "relation_zh": e["relation_zh"],
                    "relation_en": e["relation_en"],
                    "confidence": e["confidence"],
                    "batch": e["batch"],
                    "zone": e["zone"],
                }
                for e in learned.get(summary["iri"], [])
                if e["target_iri"] == iri
            ],
            "origin_kinds": per_case[summary["iri"]]["kinds"],
            "evidence": per_case[summary["iri"]]["evidence"],
            "document_issued": per_case[summary["iri"]]["issued"],
            "document_number": per_case[summary["iri"]]["document_number"],
            "dates": sorted(dates_of.get(summary["iri"], ())),
        }
        for summary in case_summaries(store, list(per_case))
    ]
    return {
        **fact,
        "alt_labels": sorted({r["alt"] for r in extra if r.get("alt")}),
        "scope": next((r["scope"] for r in extra if r.get("scope")), None),
        "domains": [{"iri": r["domain"], "label": r.get("domainLabel")} for r in extra if r.get("domain")],
        "sources": sorted({r["source"] for r in extra if r.get("source")}),
        "copied_by": copied_by,
    }


def list_zones(store: Store) -> list[ZoneSummary]:
    """Every FTZ with its areas, and how many cases claim an origin in it or one of its areas; kept while the
    store is unchanged (``read_cache``), as its counts read every claim of the store."""
    return remembered_whole(store, "zones", lambda: _list_zones(store))


def _list_zones(store: Store) -> list[ZoneSummary]:
    rows = store.select(
        SPARQL_PREFIXES
        + """SELECT ?zone (SAMPLE(?zh) AS ?label) (SAMPLE(?sn) AS ?short) (SAMPLE(?en) AS ?labelEn)
       (SAMPLE(?pr) AS ?province) (SAMPLE(?cr) AS ?created) (COUNT(DISTINCT ?case) AS ?cases)
       (COUNT(DISTINCT ?item) AS ?items)
WHERE {
  ?zone a ftz:Zone .
  OPTIONAL { ?zone skos:prefLabel ?zh FILTER(LANG(?zh) = "zh") } OPTIONAL { ?zone ftz:shortName ?sn }
  OPTIONAL { ?zone rdfs:label ?en FILTER(LANG(?en) = "en") } OPTIONAL { ?zone ftz:province ?pr }
  OPTIONAL { ?zone dcterms:created ?cr }
  OPTIONAL { ?place ftz:inZone? ?zone . ?case ftz:reform/prov:qualifiedDerivation/ftz:claimedZone ?place }
  OPTIONAL { ?place2 ftz:inZone? ?zone . ?item ftz:pilotedIn ?place2 }
} GROUP BY ?zone"""
    )
    areas: dict[str, list[IdRef]] = defaultdict(list)
    for row in store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?area ?zone ?label WHERE {{
  ?area a ftz:Area ; ftz:inZone ?zone . OPTIONAL {{ ?area skos:prefLabel ?label {_zh("label")} }} }} ORDER BY ?label"""
    ):
        areas[row["zone"]].append(IdRef(iri=row["area"], id=resource_id(row["area"]), label=row.get("label")))
    rows.sort(key=lambda r: (-r["cases"], str(r.get("created") or ""), r["zone"]))
    zones: list[ZoneSummary] = [
        {
            "iri": r["zone"],
            "id": resource_id(r["zone"]),
            "label": r.get("label"),
            "short": r.get("short"),
            "label_en": r.get("labelEn"),
            "province": r.get("province"),
            "created": str(r["created"]) if r.get("created") is not None else None,
            "areas": areas.get(r["zone"], []),
            "cases": r["cases"],
            "national_items": r["items"],
        }
        for r in rows
    ]
    return zones


def _zone_origins(store: Store, zone: str) -> list[dict[str, Any]]:
    """The reforms that originated in ``zone`` or one of its areas, one row per reform, place, basis and case that
    copied it (``reference``: an authority says it was piloted there; ``document``: a case's claim, with its quote).

    Each step is bound on what the one before found: Oxigraph evaluates an OPTIONAL's or a UNION branch's inner
    pattern on its own, so one query over both bases read every derivation and evidence node of the store.
    """
    within = SPARQL_PREFIXES + f"SELECT ?place WHERE {{ ?place ftz:inZone? {iri_ref(zone)} }}"
    places = [r["place"] for r in store.select(within)]
    if not places:
        return []
    at = "VALUES ?place { " + " ".join(map(iri_ref, places)) + " }"
    reference = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?reform ?place ?case WHERE {{
  {at} ?reform ftz:pilotedIn ?place .
  OPTIONAL {{ {at} ?reform ftz:pilotedIn ?place . ?local prov:wasDerivedFrom ?reform . ?case ftz:reform ?local }}
}}"""
    )
    claimed = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?reform ?place ?case ?claim WHERE {{
  {at} ?claim ftz:claimedZone ?place ; prov:entity ?reform .
  ?local prov:qualifiedDerivation ?claim . ?case ftz:reform ?local .
}}"""
    )
    quotes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if claimed:
        claims = "VALUES ?claim { " + " ".join(iri_ref(r["claim"]) for r in claimed) + " }"
        for row in store.select(
            SPARQL_PREFIXES
            + f"""SELECT DISTINCT ?claim ?ev ?quote ?start ?end ?line WHERE {{
  {claims} ?claim ftz:evidence ?ev . ?ev oa:exact ?quote ; oa:start ?start ; oa:end ?end .
  OPTIONAL {{ {claims} ?claim ftz:evidence ?ev . ?ev ftz:line ?line }}
}}"""
        ):
            quotes[row["claim"]].append(row)
    rows = [{**r, "basis": "reference"} for r in reference]
    for row in claimed:
        found = quotes.get(row["claim"]) or [{}]
        rows.extend({**row, **quote, "basis": "document"} for quote in found)
    # in one order whatever the engine's: by reform and case, the reference before a document's claim, by quote
    return sorted(
        rows,
        key=lambda r: (
            r["reform"],
            r.get("case") or "",
            r["basis"] != "reference",
            r.get("start") or -1,
            r.get("ev") or "",
        ),
    )


def read_zone(store: Store, zone_id: str) -> ZoneDetail | None:
    """A zone or area: labels, areas or parent zone, the reforms it originated and who copied them, its own cases."""
    iri = resource_iri("zone", zone_id)
    if iri is None or not store.ask(
        SPARQL_PREFIXES + f"ASK {{ {iri_ref(iri)} a ?t FILTER(?t IN (ftz:Zone, ftz:Area)) }}"
    ):
        return None
    zone = iri_ref(iri)
    info = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?type ?label ?short ?labelEn ?province ?created ?parent ?parentLabel ?alt ?source WHERE {{
  {zone} a ?type FILTER(?type IN (ftz:Zone, ftz:Area))
  OPTIONAL {{ {zone} skos:prefLabel ?label FILTER(LANG(?label) = "zh") }} OPTIONAL {{ {zone} ftz:shortName ?short }}
  OPTIONAL {{ {zone} rdfs:label ?labelEn FILTER(LANG(?labelEn) = "en") }} OPTIONAL {{ {zone} ftz:province ?province }}
  OPTIONAL {{ {zone} dcterms:created ?created }}
  OPTIONAL {{ {zone} ftz:inZone ?parent . OPTIONAL {{ ?parent ftz:shortName ?parentLabel }} }}
  OPTIONAL {{ {zone} skos:altLabel ?alt }} OPTIONAL {{ {zone} dcterms:source ?source }}
}}"""
    )
    head = info[0]
    areas = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?area ?label WHERE {{ ?area ftz:inZone {zone} .
  OPTIONAL {{ ?area skos:prefLabel ?label {_zh("label")} }} }} ORDER BY ?label"""
    )
    origins = _zone_origins(store, iri)
    provided = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?case ?doc ?number WHERE {{ ?place ftz:inZone? {zone} .
  ?case ftz:providedBy ?place ; dcterms:isPartOf ?doc ; ftz:caseNumber ?number }} ORDER BY ?doc ?number"""
    )
    facts = _reform_facts(store, sorted({r["reform"] for r in origins}))
    cases = {s["iri"]: s for s in case_summaries(store, sorted({r["case"] for r in origins if r.get("case")}))}
    reforms: dict[str, OriginatedReform] = {}
    for row in origins:
        entry = reforms.setdefault(row["reform"], {**facts[row["reform"]], "basis": [], "copied_by": []})
        if row["basis"] not in entry["basis"]:
            entry["basis"].append(row["basis"])
        case = cases.get(row.get("case") or "")
        if case is None:
            continue
        copy = next((c for c in entry["copied_by"] if c["iri"] == case["iri"]), None)
        if copy is None:
            copy = {**case, "evidence": []}
            entry["copied_by"].append(copy)
        _add_quote(copy["evidence"], row)
    return {
        "iri": iri,
        "id": zone_id,
        "kind": "area" if head["type"].endswith("#Area") else "zone",
        "label": head.get("label"),
        "short": head.get("short"),
        "label_en": head.get("labelEn"),
        "province": head.get("province"),
        "created": str(head["created"]) if head.get("created") is not None else None,
        "parent": {"iri": head["parent"], "label": head.get("parentLabel")} if head.get("parent") else None,
        "alt_labels": sorted({r["alt"] for r in info if r.get("alt")}),
        "sources": sorted({r["source"] for r in info if r.get("source")}),
        "areas": [{"iri": r["area"], "id": resource_id(r["area"]), "label": r.get("label")} for r in areas],
        "reforms": sorted(reforms.values(), key=lambda r: (-len(r["copied_by"]), str(r["label"] or ""))),
        "provided_cases": case_summaries(store, [r["case"] for r in provided]),
    }
