"""Agencies as resources: the cases each took part in, its partners (agencies acting in the same cases), its
parent and child agencies, its sector and city.

An agency's id is the hash in its IRI (``id:agency/aa9dd6756fb0``). SPARQL only, through ``Store``; unknown ids
answer None.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.store.sparql_terms import iri_ref
from ftzgraph.graph.views._ranked import ranked
from ftzgraph.graph.views.case_summaries import case_summaries
from ftzgraph.graph.views.resource_filters import contains, match, resource_id, resource_iri
from ftzgraph.graph.views.results import (
    AgencyDetail,
    AgencySummary,
    CaseWithQuotes,
    IdRef,
    Partner,
    Quote,
    Ref,
    SectorRef,
)
from ftzgraph.ontology.namespace import SPARQL_PREFIXES


def _sector(row: dict[str, Any]) -> SectorRef | None:
    if not row.get("sector"):
        return None
    return SectorRef(
        iri=row["sector"], id=resource_id(row["sector"]), label=row.get("sectorZh"), label_en=row.get("sectorEn")
    )


SECTOR_LABELS = """OPTIONAL { ?sector skos:prefLabel ?sectorZh FILTER(LANG(?sectorZh) = "zh") }
  OPTIONAL { ?sector skos:prefLabel ?sectorEn FILTER(LANG(?sectorEn) = "en") }"""


def list_agencies(
    store: Store, *, sector: str | None = None, q: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[AgencySummary], int]:
    """Agencies by number of cases (then name), with sector and parent; ``q`` matches any of their names."""
    where = "?agency a ftz:Agency ."
    if sector:
        where += f" FILTER EXISTS {{ ?agency ftz:sector ?_s . {match('?_s', sector, '_sl')} }}"
    if q:
        where += f" FILTER EXISTS {{ ?agency skos:prefLabel|skos:altLabel ?_q . {contains('?_q', q)} }}"
    rows, total = ranked(
        store,
        ("agencies", sector, q),
        "agency",
        where,
        f"""SELECT ?agency (SAMPLE(?l) AS ?label) (SAMPLE(?s) AS ?sector) (SAMPLE(?p) AS ?parent)
       (COUNT(DISTINCT ?case) AS ?cases) WHERE {{
  {where}
  OPTIONAL {{ ?agency skos:prefLabel ?l }} OPTIONAL {{ ?agency ftz:sector ?s }}
  OPTIONAL {{ ?agency org:subOrganizationOf ?p }} OPTIONAL {{ ?case ftz:agency ?agency }}
}} GROUP BY ?agency""",
        lambda r: (-r["cases"], str(r.get("label") or ""), r["agency"]),
    )
    page = rows[offset : offset + limit]
    labels = _labels(store, [r[k] for r in page for k in ("sector", "parent") if r.get(k)])
    agencies: list[AgencySummary] = [
        {
            "iri": r["agency"],
            "id": resource_id(r["agency"]),
            "label": r.get("label"),
            "sector": SectorRef(
                iri=r["sector"],
                id=resource_id(r["sector"]),
                label=labels.get(r["sector"], {}).get("label"),
                label_en=labels.get(r["sector"], {}).get("label_en"),
            )
            if r.get("sector")
            else None,
            "parent": {"iri": r["parent"], "label": labels.get(r["parent"], {}).get("label")}
            if r.get("parent")
            else None,
            "cases": r["cases"],
        }
        for r in page
    ]
    return agencies, total


def _labels(store: Store, iris: list[str]) -> dict[str, dict[str, Any]]:
    """Chinese and English preferred labels of ``iris``."""
    if not iris:
        return {}
    values = " ".join(iri_ref(i) for i in sorted(set(iris)))
    labels: dict[str, dict[str, Any]] = defaultdict(lambda: {"label": None, "label_en": None})
    for row in store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?x ?zh ?en WHERE {{ VALUES ?x {{ {values} }}
  OPTIONAL {{ ?x skos:prefLabel ?zh FILTER(LANG(?zh) = "zh" || LANG(?zh) = "") }}
  OPTIONAL {{ ?x skos:prefLabel ?en FILTER(LANG(?en) = "en") }} }}"""
    ):
        entry = labels[row["x"]]
        entry["label"] = entry["label"] or row.get("zh")
        entry["label_en"] = entry["label_en"] or row.get("en")
    return dict(labels)


def read_agency(store: Store, agency_id: str) -> AgencyDetail | None:
    """One agency: names, sector, city, parent, children, the cases it acts in (with the quote), its partners."""
    iri = resource_iri("agency", agency_id)
    if iri is None or not store.ask(SPARQL_PREFIXES + f"ASK {{ {iri_ref(iri)} a ftz:Agency }}"):
        return None
    agency = iri_ref(iri)
    info = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?label ?alt ?sector ?sectorZh ?sectorEn ?city ?cityLabel ?parent ?parentLabel WHERE {{
  OPTIONAL {{ {agency} skos:prefLabel ?label }} OPTIONAL {{ {agency} skos:altLabel ?alt }}
  OPTIONAL {{ {agency} ftz:sector ?sector . {SECTOR_LABELS} }}
  OPTIONAL {{ {agency} ftz:locatedIn ?city . OPTIONAL {{ ?city skos:prefLabel ?cityLabel }} }}
  OPTIONAL {{ {agency} org:subOrganizationOf ?parent . OPTIONAL {{ ?parent skos:prefLabel ?parentLabel }} }}
}}"""
    )
    head = info[0]
    children = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?child ?label WHERE {{ ?child org:subOrganizationOf {agency} .
  OPTIONAL {{ ?child skos:prefLabel ?label }} }} ORDER BY ?label"""
    )
    case_rows = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?case ?doc ?number ?ev ?quote ?start ?end ?line WHERE {{
  ?case ftz:agency {agency} ; dcterms:isPartOf ?doc ; ftz:caseNumber ?number .
  OPTIONAL {{ ?case ftz:evidence ?ev . ?ev ftz:supportsObject {agency} ; oa:exact ?quote ; oa:start ?start .
             OPTIONAL {{ ?ev oa:end ?end }} OPTIONAL {{ ?ev ftz:line ?line }} }}
}} ORDER BY ?doc ?number ?start"""
    )
    evidence: dict[str, list[Quote]] = defaultdict(list)
    for row in case_rows:
        if row.get("ev"):
            evidence[row["case"]].append(
                {
                    "iri": row["ev"],
                    "quote": row["quote"],
                    "start": row["start"],
                    "end": row.get("end"),
                    "line": row.get("line"),
                }
            )
    case_iris = list(dict.fromkeys(r["case"] for r in case_rows))
    cases: list[CaseWithQuotes] = [
        {**s, "evidence": evidence.get(s["iri"], [])} for s in case_summaries(store, case_iris)
    ]
    partner_rows = store.select(
        SPARQL_PREFIXES
        + f"""SELECT DISTINCT ?partner ?label ?sector ?sectorZh ?sectorEn ?case ?caseId WHERE {{
  ?case ftz:agency {agency}, ?partner ; dcterms:identifier ?caseId . FILTER(?partner != {agency})
  OPTIONAL {{ ?partner skos:prefLabel ?label }} OPTIONAL {{ ?partner ftz:sector ?sector . {SECTOR_LABELS} }}
}}"""
    )
    partners: dict[str, Partner] = {}
    for row in partner_rows:
        entry = partners.setdefault(
            row["partner"],
            {
                "iri": row["partner"],
                "id": resource_id(row["partner"]),
                "label": row.get("label"),
                "sector": resource_id(row["sector"]) if row.get("sector") else None,
                "sector_label": " ".join(n for n in (row.get("sectorZh"), row.get("sectorEn")) if n) or None,
                "cases": [],
                "shared": 0,
            },
        )
        if row["caseId"] not in entry["cases"]:
            entry["cases"].append(row["caseId"])
            entry["shared"] += 1
    detail: AgencyDetail = {
        "iri": iri,
        "id": agency_id,
        "label": head.get("label"),
        "alt_labels": sorted({r["alt"] for r in info if r.get("alt")}),
        "sector": _sector(head),
        "city": Ref(iri=head["city"], label=head.get("cityLabel")) if head.get("city") else None,
        "parent": IdRef(iri=head["parent"], id=resource_id(head["parent"]), label=head.get("parentLabel"))
        if head.get("parent")
        else None,
        "children": [IdRef(iri=r["child"], id=resource_id(r["child"]), label=r.get("label")) for r in children],
        "cases": cases,
        "partners": sorted(
            ({**p, "cases": sorted(p["cases"])} for p in partners.values()),
            key=lambda p: (-p["shared"], str(p["label"] or "")),
        ),
    }
    return detail
