"""What the network builders need to know about cases, places, documents, agencies and batches, by SPARQL.

Private to ``graph/network/derive.py``. One query per question, asking only for the columns a network uses, read
through :func:`table` as tuples of strings. Queries carry no ``DISTINCT`` (the union default graph returns a
triple once per named graph holding it): merging rows here (:func:`merge`) is cheaper and order-independent.
Places, documents, agencies and batches are few and read whole; cases, their agencies, batches and origin
zones are read through the network's case filter.
"""

from __future__ import annotations

import csv
import gc
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from ftzgraph.graph.errors import QueryError
from ftzgraph.graph.extract.learned_from import relation_of_property
from ftzgraph.graph.store.oxigraph import OxigraphStore, Store
from ftzgraph.graph.views.queries import PROVIDER_KINDS
from ftzgraph.ontology.namespace import SPARQL_PREFIXES

PLACE_KINDS = {**PROVIDER_KINDS, "https://w3id.org/ftzgraph/ontology#Zone": "zone"}
PROVINCE_SUFFIX = re.compile(r"(壮族|回族|维吾尔)?自治区$|特别行政区$|省$|市$")
YEAR_IN_DOC_NUMBER = re.compile(r"[〔\[［(（](\d{4})[〕\]］)）]")

Table = list[tuple[str, ...]]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a network is built or measured.

    Why: a 100k-case network allocates millions of tuples, dicts and lists, and each allocation burst triggers
    collections that walk every live container; none of it is cyclic garbage, so the walks are pure cost (the
    benchmark scripts measure how much). The previous state is restored on exit.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _text(value: Any) -> str:
    """A ``Store.select`` value as the SPARQL CSV results format writes it (unbound = empty string)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _csv_rows(data: bytes, columns: tuple[str, ...]) -> Table:
    text = data.decode("utf-8")
    header, _, body = text.partition("\r\n")
    if tuple(header.split(",")) != columns:
        raise QueryError(f"expected the columns {', '.join(columns)}, the store answered {header!r}")
    if '"' in body:  # some value holds a comma, quote or line break: let the csv module unquote it
        return [tuple(row) for row in csv.reader(io.StringIO(body, newline=""))]
    lines = body.split("\r\n")
    lines.pop()  # the text after the last row's line break
    return [tuple(line.split(",")) for line in lines]


def table(store: Store, query: str, columns: tuple[str, ...]) -> Table:
    """The rows of a SELECT (written without ``PREFIX`` lines) as tuples of strings in ``columns`` order.

    Unbound values are ``""``; IRIs and literals are their text. Why not ``Store.select``: at 100k cases the
    networks read 400k rows, and making a Python value of each term cost more than the query. The embedded
    store writes the SPARQL CSV results format natively and splitting it is much cheaper. Any other
    store (a remote server) goes through ``select``, whose values are turned into the same strings.
    """
    query = SPARQL_PREFIXES + query
    if isinstance(store, OxigraphStore):
        return _csv_rows(store.query_document(query, "text/csv"), columns)
    return [tuple(_text(row.get(name)) for name in columns) for row in store.select(query)]


def distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values by sort and compare (``np.unique`` without options hashes, which is slower)."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if values.size else values


def merge(rows: Table) -> dict[str, list[str]]:
    """Rows merged per first column, keeping the smallest non-empty value of each column (optional columns
    multiply rows, and the union default graph repeats facts), whatever the row order."""
    merged: dict[str, list[str]] = {}
    for row in rows:
        entry = merged.get(row[0])
        if entry is None:
            merged[row[0]] = list(row)
            continue
        for i, value in enumerate(row):
            if value and (not entry[i] or value < entry[i]):
                entry[i] = value
    return merged


def _majority(counts: Counter[str]) -> str:
    """The most counted value; a tie goes to the smallest, so the answer does not depend on row order."""
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0] if counts else ""


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


@dataclass(slots=True)
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


def _year(text: Any) -> int | None:
    match = re.match(r"\d{4}", str(text or ""))
    return int(match.group()) if match else None


@dataclass
class Memberships:
    """Who acts in which kept case, as index arrays: ``case_of[i]`` acts with ``agency_of[i]``.

    Cases (only those with agencies) are in case-id order, agencies in IRI order; entries are sorted by case,
    then agency, with no repeats. Arrays because at 100k cases the co-participation pairs number ~500k and
    building them per Python dict entry took longer than the queries.
    """

    cases: list[str]
    agencies: list[str]
    case_of: np.ndarray
    agency_of: np.ndarray


class Context:
    """Cases kept by a filter, with their provider, adopter province and year; places; agencies; batches.

    ``titles`` reads the cases' titles too (the agency and hierarchy networks do not show them). Answers are
    kept on the instance, so networks derived from one context (:func:`network.derive_networks`) share them.
    """

    def __init__(self, store: Store, flt_clause: str = "", *, titles: bool = False) -> None:
        self.store = store
        self.flt = flt_clause
        self.places = self._places()
        self.documents = self._documents()
        self.cases = self._cases(titles)

    def _places(self) -> dict[str, Place]:
        columns = ("place", "type", "name", "label", "short", "zone", "province")
        rows = table(
            self.store,
            f"""SELECT ?place ?type ?name ?label ?short ?zone ?province WHERE {{
  ?place a ?type FILTER(?type IN (ftz:City, ftz:Area, ftz:Zone, ftz:OtherUnit))
  OPTIONAL {{ ?place skos:prefLabel ?name {_zh("name")} }}
  OPTIONAL {{ ?place rdfs:label ?label {_zh("label")} }}
  OPTIONAL {{ ?place ftz:shortName ?short }}
  OPTIONAL {{ ?place ftz:inZone ?zone }}
  OPTIONAL {{ ?place ftz:province ?province }}
}}""",
            columns,
        )
        places = {
            key: Place(key, PLACE_KINDS.get(kind, "other"), name or label, short, zone, province)
            for key, (_, kind, name, label, short, zone, province) in merge(rows).items()
        }
        for place in places.values():
            zone = places.get(place.zone)
            if zone and not place.province:
                place.province = zone.province
        return places

    def _documents(self) -> dict[str, dict[str, Any]]:
        columns = ("doc", "publisher", "title", "issued", "number")
        rows = table(
            self.store,
            """SELECT ?doc ?publisher ?title ?issued ?number WHERE { ?doc a ftz:SourceDocument .
  OPTIONAL { ?doc dcterms:publisher ?publisher } OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:issued ?issued } OPTIONAL { ?doc dcterms:identifier ?number } }""",
            columns,
        )
        stems = sorted(
            {(PROVINCE_SUFFIX.sub("", p.province), p.province) for p in self.places.values() if p.province},
            key=lambda pair: -len(pair[0]),
        )
        docs = {}
        for key, values in merge(rows).items():
            doc: dict[str, Any] = dict(zip(columns, values, strict=True))
            doc["province"] = next(
                (
                    province
                    for field in ("publisher", "title")
                    for stem, province in stems
                    if stem and stem in doc[field]
                ),
                "",
            )
            number_year = YEAR_IN_DOC_NUMBER.search(doc["number"])
            doc["year"] = _year(doc["issued"]) or (int(number_year.group(1)) if number_year else None)
            docs[key] = doc
        return docs

    def _cases(self, titles: bool) -> dict[str, CaseInfo]:
        columns = ("case", "id", "doc", "provider") + (("title",) if titles else ())
        rows = table(
            self.store,
            f"""SELECT {" ".join("?" + c for c in columns)} WHERE {{
  ?case a ftz:Case ; dcterms:identifier ?id ; dcterms:isPartOf ?doc .
  OPTIONAL {{ ?case ftz:providedBy ?provider }} {"OPTIONAL { ?case dcterms:title ?title }" if titles else ""}
  {self.flt}
}}""",
            columns,
        )
        merged = merge(rows)
        # A city provider has no zone of its own: its province is the document's (issuer or title), else the
        # province most of the document's area providers lie in.
        area_provinces: dict[str, Counter[str]] = defaultdict(Counter)
        for row in merged.values():
            place = self.places.get(row[3])
            if place and place.province:
                area_provinces[row[2]][place.province] += 1
        untyped = {"province": "", "year": None, "issued": ""}  # a document not typed ftz:SourceDocument
        fallback = {
            doc: self.documents.get(doc, untyped)["province"] or _majority(counts)
            for doc, counts in area_provinces.items()
        }
        cases = {}
        for key, row in merged.items():
            doc = row[2]
            place = self.places.get(row[3])
            info = self.documents.get(doc, untyped)
            cases[key] = CaseInfo(
                key,
                row[1],
                row[4] if titles else "",
                doc,
                row[3] or None,
                (place.name or place.label) if place else "",
                (place.province if place else "") or fallback.get(doc) or info["province"],
                info["year"],
                info["issued"] or None,
            )
        return cases

    @cached_property
    def memberships(self) -> Memberships:
        """Which agencies act in the kept cases. ``ftz:agency`` has the domain ``ftz:Case``, so the query joins
        neither the type nor the filter: pairs of cases this context does not hold are dropped here instead."""
        cases = self.cases
        rows = [
            row
            for row in table(self.store, "SELECT ?case ?agency WHERE { ?case ftz:agency ?agency }", ("case", "agency"))
            if row[0] in cases
        ]
        agencies = sorted({agency for _, agency in rows})
        present = list({case: None for case, _ in rows})  # NumPy sorts text by code points, as str does
        order = np.lexsort((np.array(present), np.array([cases[case].id for case in present]))) if rows else None
        ordered = [present[i] for i in order.tolist()] if order is not None else []
        agency_index = {agency: i for i, agency in enumerate(agencies)}
        case_index = {case: i for i, case in enumerate(ordered)}
        width = max(len(agencies), 1)
        codes = distinct(
            np.fromiter((case_index[c] * width + agency_index[a] for c, a in rows), dtype=np.int64, count=len(rows))
        )
        return Memberships(ordered, agencies, codes // width, codes % width)

    @cached_property
    def agencies(self) -> dict[str, AgencyInfo]:
        sectors = merge(
            table(
                self.store,
                """SELECT ?sector ?zh ?en ?notation WHERE { ?agency a ftz:Agency ; ftz:sector ?sector .
  OPTIONAL { ?sector skos:prefLabel ?zh FILTER(LANG(?zh) = "zh") }
  OPTIONAL { ?sector skos:prefLabel ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?sector skos:notation ?notation } }""",
                ("sector", "zh", "en", "notation"),
            )
        )
        rows = table(
            self.store,
            f"""SELECT ?agency ?label ?sector ?parent ?city WHERE {{ ?agency a ftz:Agency .
  OPTIONAL {{ ?agency skos:prefLabel ?label {_zh("label")} }} OPTIONAL {{ ?agency ftz:sector ?sector }}
  OPTIONAL {{ ?agency org:subOrganizationOf ?parent }} OPTIONAL {{ ?agency ftz:locatedIn ?city }} }}""",
            ("agency", "label", "sector", "parent", "city"),
        )
        agencies = {}
        for key, (_, label, sector, parent, city) in merge(rows).items():
            _, zh, en, notation = sectors.get(sector, ("", "", "", ""))
            slug = notation or (sector or "other").rsplit("/", 1)[-1]
            agencies[key] = AgencyInfo(key, label, slug, zh or slug, en or slug, parent or None, city or None)
        return agencies

    @cached_property
    def case_batches(self) -> dict[str, set[str]]:
        batches: dict[str, set[str]] = defaultdict(set)
        rows = table(
            self.store,
            "SELECT ?case ?batch WHERE { ?case ftz:reform/prov:qualifiedDerivation/ftz:claimedBatch ?batch }",
            ("case", "batch"),
        )
        for case, batch in rows:
            if case in self.cases:
                batches[case].add(batch)
        return batches

    @cached_property
    def batches(self) -> dict[str, dict[str, Any]]:
        rows = table(
            self.store,
            f"""SELECT ?batch ?label ?issued WHERE {{ ?batch a ftz:Batch .
  OPTIONAL {{ ?batch skos:prefLabel ?label {_zh("label")} }} OPTIONAL {{ ?batch dcterms:issued ?issued }} }}""",
            ("batch", "label", "issued"),
        )
        return {
            key: {"label": label or key.rsplit("/", 1)[-1], "year": _year(issued)}
            for key, (_, label, issued) in merge(rows).items()
        }

    def origin_zones(self) -> list[dict[str, str]]:
        """(case, zone, origin reform, basis, relation, confidence): zones the text claims; else where an
        authority says the national item was piloted.

        One row per case and zone, sorted by case id, then zone (a diffusion edge is keyed by case id). When
        several claims of a case name the zone, the smallest origin reform IRI is kept. ``relation`` is the
        claim's learned-from relation (``borrows_zone_case`` …; for a reference zone, the relation of the claim
        that names the item), ``confidence`` its confidence.
        """
        columns = ("case", "zone", "entity", "relation", "confidence")
        claimed = table(
            self.store,
            """SELECT ?case ?zone ?entity ?relation ?confidence WHERE {
  ?case ftz:reform/prov:qualifiedDerivation ?claim . ?claim ftz:claimedZone ?zone .
  OPTIONAL { ?claim prov:entity ?entity }
  OPTIONAL { ?claim ftz:learnedRelation ?relation } OPTIONAL { ?claim ftz:confidence ?confidence } }""",
            columns,
        )
        referenced = table(
            self.store,
            """SELECT ?case ?zone ?entity ?relation ?confidence WHERE {
  ?case ftz:reform/prov:wasDerivedFrom ?entity . ?entity ftz:pilotedIn ?zone .
  OPTIONAL { ?case ftz:reform/prov:qualifiedDerivation ?claim . ?claim prov:entity ?entity ;
             ftz:learnedRelation ?relation ; ftz:confidence ?confidence }
  FILTER NOT EXISTS { ?case ftz:reform/prov:qualifiedDerivation/ftz:claimedZone ?any } }""",
            columns,
        )
        found: dict[tuple[str, str], tuple[str, str, str, str]] = {}
        for rows, basis in ((claimed, "document"), (referenced, "reference")):
            for case, zone, entity, relation, confidence in rows:
                info = self.cases.get(case)
                if info is None or zone == info.provider:
                    continue
                previous = found.get((case, zone))
                if previous is None or (entity and (not previous[0] or entity < previous[0])):
                    found[(case, zone)] = (entity, basis, relation, confidence)
        ordered = sorted(found.items(), key=lambda item: (self.cases[item[0][0]].id, item[0][1]))
        return [
            {
                "case": c,
                "zone": z,
                "entity": e,
                "basis": basis,
                "relation": relation_of_property(relation.rsplit("#", 1)[-1]) or "" if relation else "",
                "confidence": confidence,
            }
            for (c, z), (e, basis, relation, confidence) in ordered
        ]
