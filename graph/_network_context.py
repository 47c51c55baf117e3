"""What the network builders need to know about cases, places, documents, agencies and batches, by SPARQL.

Private to ``graph/network.py``. Every query is ``SELECT DISTINCT`` because the union default graph returns a
triple once per named graph holding it. Places, documents, agencies and batches are few and read whole; cases,
their batches and their origin zones are read through the network's case filter.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from ftzgraph.graph.queries import PREFIXES, PROVIDER_KINDS
from ftzgraph.graph.store import Store

PLACE_KINDS = {**PROVIDER_KINDS, "https://w3id.org/ftzgraph/ontology#Zone": "zone"}
PROVINCE_SUFFIX = re.compile(r"(壮族|回族|维吾尔)?自治区$|特别行政区$|省$|市$")
YEAR_IN_DOC_NUMBER = re.compile(r"[〔\[［(（](\d{4})[〕\]］)）]")


def _zh(var: str) -> str:
    return f'FILTER(LANG(?{var}) = "zh" || LANG(?{var}) = "")'


@dataclass
class Place:
    iri: str
    kind: str = "other"
    name: str = ""
    short: str = ""
    zone: str = ""
    province: str = ""

    @property
    def label(self) -> str:
        return self.short or self.name or self.iri.rsplit("/", 1)[-1]


@dataclass
class CaseInfo:
    iri: str
    id: str
    title: str
    doc: str
    provider: str | None
    provider_label: str
    province: str
    year: int | None
    date: str | None


@dataclass
class AgencyInfo:
    iri: str
    label: str = ""
    sector_slug: str = "other"
    sector_label: str = ""
    sector_label_en: str = ""
    parent: str | None = None
    city: str | None = None


def _first(rows: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    """Merge rows per ``key``: the first non-empty value of each column wins (optional columns multiply rows)."""
    merged: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = merged.setdefault(row[key], {})
        for name, value in row.items():
            if value is not None and entry.get(name) is None:
                entry[name] = value
    return merged


def _year(text: Any) -> int | None:
    match = re.match(r"\d{4}", str(text or ""))
    return int(match.group()) if match else None


class Context:
    """Cases kept by a filter, with their provider, adopter province and year; places; agencies; batches."""

    def __init__(self, store: Store, flt_clause: str = "") -> None:
        self.store = store
        self.flt = flt_clause
        self.places = self._places()
        self.documents = self._documents()
        self.cases = self._cases()

    def _select(self, body: str) -> list[dict[str, Any]]:
        return self.store.select(PREFIXES + body)

    def _places(self) -> dict[str, Place]:
        rows = self._select(
            f"""SELECT DISTINCT ?place ?type ?name ?label ?short ?zone ?province WHERE {{
  ?place a ?type FILTER(?type IN (ftz:City, ftz:Area, ftz:Zone, ftz:OtherUnit))
  OPTIONAL {{ ?place skos:prefLabel ?name {_zh("name")} }}
  OPTIONAL {{ ?place rdfs:label ?label {_zh("label")} }}
  OPTIONAL {{ ?place ftz:shortName ?short }}
  OPTIONAL {{ ?place ftz:inZone ?zone }}
  OPTIONAL {{ ?place ftz:province ?province }}
}}"""
        )
        places = {
            key: Place(
                key,
                PLACE_KINDS.get(row.get("type") or "", "other"),
                row.get("name") or row.get("label") or "",
                row.get("short") or "",
                row.get("zone") or "",
                row.get("province") or "",
            )
            for key, row in _first(rows, "place").items()
        }
        for place in places.values():
            zone = places.get(place.zone)
            if zone and not place.province:
                place.province = zone.province
        return places

    def _documents(self) -> dict[str, dict[str, Any]]:
        rows = self._select(
            """SELECT DISTINCT ?doc ?publisher ?title ?issued ?number WHERE { ?doc a ftz:SourceDocument .
  OPTIONAL { ?doc dcterms:publisher ?publisher } OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:issued ?issued } OPTIONAL { ?doc dcterms:identifier ?number } }"""
        )
        docs = _first(rows, "doc")
        stems = sorted(
            {(PROVINCE_SUFFIX.sub("", p.province), p.province) for p in self.places.values() if p.province},
            key=lambda pair: -len(pair[0]),
        )
        for doc in docs.values():
            doc["province"] = next(
                (
                    province
                    for field in ("publisher", "title")
                    for stem, province in stems
                    if stem and stem in str(doc.get(field) or "")
                ),
                "",
            )
            number_year = YEAR_IN_DOC_NUMBER.search(str(doc.get("number") or ""))
            doc["year"] = _year(doc.get("issued")) or (int(number_year.group(1)) if number_year else None)
        return docs

    def _cases(self) -> dict[str, CaseInfo]:
        rows = self._select(
            f"""SELECT DISTINCT ?case ?id ?title ?doc ?provider WHERE {{
  ?case a ftz:Case ; dcterms:identifier ?id ; dcterms:isPartOf ?doc .
  OPTIONAL {{ ?case dcterms:title ?title }} OPTIONAL {{ ?case ftz:providedBy ?provider }}
  {self.flt}
}}"""
        )
        merged = _first(rows, "case")
        # A city provider has no zone of its own: its province is the document's (issuer or title), else the
        # province most of the document's area providers lie in.
        area_provinces: dict[str, Counter[str]] = defaultdict(Counter)
        for row in merged.values():
            place = self.places.get(row.get("provider") or "")
            if place and place.province:
                area_provinces[row["doc"]][place.province] += 1
        cases = {}
        for key, row in merged.items():
            place = self.places.get(row.get("provider") or "")
            doc = self.documents.get(row["doc"], {})
            majority = area_provinces[row["doc"]].most_common(1)
            province = (place.province if place else "") or doc.get("province") or (majority[0][0] if majority else "")
            issued = doc.get("issued")
            cases[key] = CaseInfo(
                key,
                str(row["id"]),
                row.get("title") or "",
                row["doc"],
                row.get("provider"),
                place.name or place.label if place else "",
                province,
                doc.get("year"),
                str(issued) if issued else None,
            )
        return cases

    @cache  # noqa: B019 - a Context lives for one network build
    def agencies(self) -> dict[str, AgencyInfo]:
        sectors = _first(
            self._select(
                """SELECT DISTINCT ?sector ?zh ?en ?notation WHERE { ?agency a ftz:Agency ; ftz:sector ?sector .
  OPTIONAL { ?sector skos:prefLabel ?zh FILTER(LANG(?zh) = "zh") }
  OPTIONAL { ?sector skos:prefLabel ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?sector skos:notation ?notation } }"""
            ),
            "sector",
        )
        rows = self._select(
            f"""SELECT DISTINCT ?agency ?label ?sector ?parent ?city WHERE {{ ?agency a ftz:Agency .
  OPTIONAL {{ ?agency skos:prefLabel ?label {_zh("label")} }} OPTIONAL {{ ?agency ftz:sector ?sector }}
  OPTIONAL {{ ?agency org:subOrganizationOf ?parent }} OPTIONAL {{ ?agency ftz:locatedIn ?city }} }}"""
        )
        agencies = {}
        for key, row in _first(rows, "agency").items():
            sector = sectors.get(row.get("sector") or "", {})
            slug = sector.get("notation") or (row.get("sector") or "other").rsplit("/", 1)[-1]
            agencies[key] = AgencyInfo(
                key,
                row.get("label") or "",
                str(slug),
                sector.get("zh") or str(slug),
                sector.get("en") or str(slug),
                row.get("parent"),
                row.get("city"),
            )
        return agencies

    @cache  # noqa: B019
    def case_batches(self) -> dict[str, set[str]]:
        rows = self._select(
            f"""SELECT DISTINCT ?case ?batch WHERE {{
  ?case a ftz:Case ; ftz:reform/prov:qualifiedDerivation/ftz:claimedBatch ?batch .
  {self.flt}
}}"""
        )
        batches: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            batches[row["case"]].add(row["batch"])
        return batches

    @cache  # noqa: B019
    def batches(self) -> dict[str, dict[str, Any]]:
        rows = self._select(
            f"""SELECT DISTINCT ?batch ?label ?number ?issued WHERE {{ ?batch a ftz:Batch .
  OPTIONAL {{ ?batch skos:prefLabel ?label {_zh("label")} }} OPTIONAL {{ ?batch ftz:batchNumber ?number }}
  OPTIONAL {{ ?batch dcterms:issued ?issued }} }}"""
        )
        return {
            key: {"label": row.get("label") or key.rsplit("/", 1)[-1], "year": _year(row.get("issued"))}
            for key, row in _first(rows, "batch").items()
        }

    def origin_zones(self) -> list[dict[str, Any]]:
        """(case, zone, origin reform, basis): zones the text claims; else where the national item was piloted."""
        claimed = self._select(
            f"""SELECT DISTINCT ?case ?zone ?entity WHERE {{
  ?case a ftz:Case ; ftz:reform/prov:qualifiedDerivation ?claim . ?claim ftz:claimedZone ?zone .
  OPTIONAL {{ ?claim prov:entity ?entity }}
  {self.flt}
}} ORDER BY ?case ?zone"""
        )
        referenced = self._select(
            f"""SELECT DISTINCT ?case ?zone ?entity WHERE {{
  ?case a ftz:Case ; ftz:reform/prov:wasDerivedFrom ?entity . ?entity ftz:pilotedIn ?zone .
  FILTER NOT EXISTS {{ ?case ftz:reform/prov:qualifiedDerivation/ftz:claimedZone ?any }}
  {self.flt}
}} ORDER BY ?case ?zone"""
        )
        origins = [dict(r, basis="document") for r in claimed]
        origins += [dict(r, basis="reference") for r in referenced]
        return [
            o for o in origins if o["zone"] != (self.cases[o["case"]].provider if o["case"] in self.cases else None)
        ]

    def place_attributes(self, key: str) -> dict[str, Any]:
        """Node attributes of a zone, area, city or unit in the diffusion network."""
        place = self.places.get(key, Place(key))
        zone = self.places.get(place.zone) if place.zone else None
        return {
            "label": place.label,
            "kind": place.kind,
            "iri": key,
            "name": place.name or place.label,
            "zone": place.zone or (key if place.kind == "zone" else ""),
            "zone_label": zone.label if zone else (place.label if place.kind == "zone" else ""),
            "province": place.province,
        }
