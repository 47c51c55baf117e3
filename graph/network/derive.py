"""The four networks users ask for, derived from the graph by SPARQL and built as networkx graphs.

- ``agencies``: agencies linked when they act in the same case (weight = shared cases, ``cases`` = their ids);
- ``diffusion``: originating zone or area -> adopting provider, one edge per case (batch, year, date), and
  :func:`collapse_to_provinces` for zone -> adopter province with weights ("who learned from whom");
- ``hierarchy``: parent agency -> child agency (``org:subOrganizationOf``);
- ``bipartite``: cases and agencies, with :func:`project_bipartite` for either side's projection.

Only SPARQL goes to the store, so this works on the embedded store and on a remote server alike, for any set
of documents (the embedded store's answers are read as CSV text, a remote one's through ``Store.select``: the
same networks either way). Everything is built in a fixed order (cases by id, agencies by IRI), so a network
does not depend on the order the store returns rows in. Nodes are keyed by IRI; every node has a ``label``
(Chinese where the graph has it) and a ``kind``. Filters (:class:`NetworkFilter`) keep the cases of one provider
and/or one zone; a filter that matches nothing gives an empty graph whose ``graph["message"]`` says why.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import networkx as nx
import numpy as np

from ftzgraph.graph.extract.learned_from import relation_label
from ftzgraph.graph.network import _context as ctx
from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.store.sparql_terms import iri_ref, literal

KINDS = ("agencies", "diffusion", "hierarchy", "bipartite")


@dataclass(frozen=True)
class NetworkFilter:
    """Which cases a network is built from. Each value is an IRI, an IRI's last segment or any label.

    ``provider`` keeps cases provided by that city, area or unit. ``zone`` keeps cases that involve the zone:
    provided by it or one of its areas, or claiming an origin in it or one of its areas.
    """

    provider: str | None = None
    zone: str | None = None

    def describe(self) -> str:
        parts = [f"{name} '{value}'" for name, value in (("provider", self.provider), ("zone", self.zone)) if value]
        return " and ".join(parts) or "no filter"


NO_FILTER = NetworkFilter()


def _match(var: str, value: str, tag: str) -> str:
    """A SPARQL condition: ``var`` is the IRI ``value``, ends with ``/value``, or carries it as a label."""
    value = value.strip()
    if value.startswith(("http://", "https://")):
        return f"FILTER({var} = {iri_ref(value)})"
    text = literal(value.lower())
    return f"""FILTER(STRENDS(STR({var}), CONCAT("/", {text})) || EXISTS {{
    {var} skos:prefLabel|skos:altLabel|ftz:shortName|rdfs:label ?{tag} FILTER(LCASE(STR(?{tag})) = {text}) }})"""


def case_filter(flt: NetworkFilter, case: str = "?case") -> str:
    """SPARQL patterns keeping the cases ``flt`` selects (empty for no filter); ``case`` must be bound."""
    clauses = []
    if flt.provider:
        clauses.append(f"{case} ftz:providedBy ?_fp . {_match('?_fp', flt.provider, '_fpl')}")
    if flt.zone:
        clauses.append(
            f"""FILTER EXISTS {{ {{ {case} ftz:providedBy ?_z0 }}
      UNION {{ {case} ftz:reform/prov:qualifiedDerivation/ftz:claimedZone ?_z0 }}
      ?_z0 ftz:inZone? ?_fz . {_match("?_fz", flt.zone, "_fzl")} }}"""
        )
    return "\n  ".join(clauses)


def _empty_message(graph: nx.Graph, kind: str, flt: NetworkFilter, what: str) -> None:
    if graph.number_of_nodes() == 0:
        graph.graph["message"] = (
            f"the {kind} network is empty: no {what} matches {flt.describe()}"
            if flt != NO_FILTER
            else f"the {kind} network is empty: the store holds no {what}"
        )


def _pairs(groups: Iterable[tuple[str, list[str]]]) -> dict[tuple[str, str], list[str]]:
    """Co-occurrence: for each pair of members sharing a group, the groups (sorted pair, groups in order)."""
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for group, members in groups:
        for pair in combinations(sorted(set(members)), 2):
            shared[pair].append(group)
    return shared


def _co_participation(members: ctx.Memberships, names: list[str]) -> Iterator[tuple[str, str, list[str]]]:
    """(agency, agency, ``names`` of their shared cases in case order) for every pair acting together, the pair
    in IRI order, pairs sorted; ``names[i]`` names ``members.cases[i]``. Built on arrays: at 100k cases there
    are ~500k (pair, case) entries, and a dict of lists took longer than the queries."""
    case_of, agency_of, size = members.case_of, members.agency_of, len(members.case_of)
    if not size:
        return
    first = np.flatnonzero(np.r_[True, case_of[1:] != case_of[:-1]])  # where each case's entries start
    later = np.repeat(np.r_[first[1:], size], np.diff(np.r_[first, size])) - np.arange(size) - 1
    left = np.repeat(np.arange(size), later)  # entry i, once per later entry of its case...
    right = left + np.arange(len(left)) - np.repeat(np.cumsum(later) - later, later) + 1  # ...paired with each
    width = len(members.agencies)
    code = agency_of[left] * width + agency_of[right]
    order = np.argsort(code, kind="stable")  # stable: the shared cases stay in case order
    codes, starts, counts = np.unique(code[order], return_index=True, return_counts=True)
    shared = [names[c] for c in case_of[left[order]].tolist()]
    agencies = members.agencies
    for value, start, count in zip(codes.tolist(), starts.tolist(), counts.tolist(), strict=True):
        yield agencies[value // width], agencies[value % width], shared[start : start + count]


def _place_attributes(context: ctx.Context, key: str) -> dict[str, Any]:
    """Node attributes of a zone, area, city or unit in the diffusion network."""
    place = context.places.get(key, ctx.Place(key))
    zone = context.places.get(place.zone) if place.zone else None
    return {
        "label": place.label,
        "kind": place.kind,
        "iri": key,
        "name": place.name or place.label,
        "zone": place.zone or (key if place.kind == "zone" else ""),
        "zone_label": zone.label if zone else (place.label if place.kind == "zone" else ""),
        "province": place.province,
    }


def _grouped(keys: np.ndarray, values: np.ndarray, width: int) -> dict[int, list[int]]:
    """``values`` per key, distinct and ascending."""
    grouped: dict[int, list[int]] = defaultdict(list)
    for code in ctx.distinct(keys * width + values).tolist():
        grouped[code // width].append(code % width)
    return grouped


def _case_facts(context: ctx.Context, members: ctx.Memberships) -> dict[str, tuple[int, list[str], str]]:
    """Per agency with cases: how many, their providers' labels (sorted), and the province most of them are in
    (a tie goes to the first in name order)."""
    cases = [context.cases[case] for case in members.cases]
    width = len(members.agencies)
    labels = sorted({c.provider_label for c in cases if c.provider_label})
    provinces = sorted({c.province for c in cases if c.province})
    label_index = {label: i for i, label in enumerate(labels)}
    province_index = {province: i for i, province in enumerate(provinces)}
    label_of = np.array([label_index.get(c.provider_label, -1) for c in cases], dtype=np.int64)[members.case_of]
    province_of = np.array([province_index.get(c.province, -1) for c in cases], dtype=np.int64)[members.case_of]
    counts = np.bincount(members.agency_of, minlength=width).tolist()
    has = label_of >= 0
    providers = _grouped(members.agency_of[has], label_of[has], max(len(labels), 1))
    has = province_of >= 0
    codes, tally = np.unique(members.agency_of[has] * len(provinces) + province_of[has], return_counts=True)
    order = np.lexsort((codes, -tally, codes // max(len(provinces), 1)))  # by agency, most cases, name
    majority: dict[int, str] = {}
    for code in codes[order].tolist():
        majority.setdefault(code // len(provinces), provinces[code % len(provinces)])
    return {
        agency: (counts[i], [labels[j] for j in providers.get(i, [])], majority.get(i, ""))
        for i, agency in enumerate(members.agencies)
    }


def _agency_nodes(context: ctx.Context, members: ctx.Memberships, agencies: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Node attributes of ``agencies``: label, sector, city, province, parent, and their cases and providers."""
    info = context.agencies
    facts = _case_facts(context, members)
    nodes = {}
    for agency in agencies:
        a = info.get(agency) or ctx.AgencyInfo(agency)
        cases, providers, where_most = facts.get(agency, (0, [], ""))
        parent = info.get(a.parent) if a.parent else None
        city = context.places.get(a.city) if a.city else None
        nodes[agency] = {
            "label": a.label or agency.rsplit("/", 1)[-1],
            "kind": "agency",
            "iri": agency,
            "sector": a.sector_slug,
            "sector_label": a.sector_label,
            "sector_label_en": a.sector_label_en,
            "city": city.label if city else "",
            # a national agency, or one in a city without a province: where most of its cases are
            "province": (city.province if city else "") or where_most,
            "parent": parent.label if parent else "",
            "cases": cases,
            "providers": providers,
        }
    return nodes


def _context(store: Store, flt: NetworkFilter, context: ctx.Context | None, *, titles: bool = False) -> ctx.Context:
    """``context`` when one is shared (:func:`derive_networks`), else a new one for ``flt``."""
    return context or ctx.Context(store, flt_clause=case_filter(flt), titles=titles)


def agency_network(store: Store, flt: NetworkFilter = NO_FILTER, *, context: ctx.Context | None = None) -> nx.Graph:
    """Co-participation: agencies linked when they act in the same case; weight = shared cases, ``cases`` = their
    ids in order. Edges come sorted by agency IRIs."""
    with ctx.paused_gc():
        context = _context(store, flt, context)
        members = context.memberships
        graph = nx.Graph(kind="agencies", filter=flt.describe())
        graph.add_nodes_from(_agency_nodes(context, members, members.agencies).items())
        ids = [context.cases[case].id for case in members.cases]
        graph.add_edges_from(
            (a, b, {"weight": len(shared), "cases": shared}) for a, b, shared in _co_participation(members, ids)
        )
    _empty_message(graph, "agencies", flt, "case with agencies")
    return graph


def hierarchy_network(
    store: Store, flt: NetworkFilter = NO_FILTER, *, context: ctx.Context | None = None
) -> nx.DiGraph:
    """Parent agency -> child agency. With a filter: the agencies of the kept cases and all their ancestors."""
    with ctx.paused_gc():
        context = _context(store, flt, context)
        info = context.agencies
        members = context.memberships
        if flt == NO_FILTER:
            keep = set(info)
        else:
            keep = set(members.agencies)
            frontier = list(keep)
            while frontier:
                agency = info.get(frontier.pop())
                parent = agency.parent if agency else None
                if parent and parent not in keep:
                    keep.add(parent)
                    frontier.append(parent)
        graph = nx.DiGraph(kind="hierarchy", filter=flt.describe())
        graph.add_nodes_from(sorted(_agency_nodes(context, members, keep).items()))
        for member in sorted(keep):
            parent = info[member].parent if member in info else None
            if parent and parent in keep:
                graph.add_edge(parent, member, weight=1, relation="subOrganizationOf")
    _empty_message(graph, "hierarchy", flt, "agency")
    return graph


def bipartite_network(store: Store, flt: NetworkFilter = NO_FILTER, *, context: ctx.Context | None = None) -> nx.Graph:
    """Cases (``bipartite=0``) and agencies (``bipartite=1``), an edge when the agency acts in the case."""
    with ctx.paused_gc():
        context = _context(store, flt, context, titles=True)
        members = context.memberships
        graph = nx.Graph(kind="bipartite", filter=flt.describe())
        info = context.batches  # each case's claimed batches' labels, in label order:
        batches = {
            case: sorted(info.get(b, {}).get("label", b) for b in found) for case, found in context.case_batches.items()
        }
        graph.add_nodes_from(
            (
                iri,
                {
                    "label": case.title or case.id,
                    "kind": "case",
                    "bipartite": 0,
                    "iri": iri,
                    "case_id": case.id,
                    "provider": case.provider_label,
                    "provider_iri": case.provider or "",
                    "province": case.province,
                    "year": case.year or 0,
                    "batches": batches.get(iri, []),
                },
            )
            for iri, case in sorted(context.cases.items())
        )
        graph.add_nodes_from(
            (agency, {"bipartite": 1, **attrs})
            for agency, attrs in _agency_nodes(context, members, members.agencies).items()
        )
        cases, agencies = members.cases, members.agencies
        graph.add_edges_from(
            (cases[c], agencies[a], {"weight": 1})
            for c, a in zip(members.case_of.tolist(), members.agency_of.tolist(), strict=True)
        )
    _empty_message(graph, "bipartite", flt, "case")
    return graph


def project_bipartite(graph: nx.Graph, side: str = "agency") -> nx.Graph:
    """One side of the bipartite network (``agency`` or ``case``), linked by shared neighbours (weight, ids)."""
    if side not in ("agency", "case"):
        raise ValueError(f"side must be 'agency' or 'case', not {side!r}")
    keep = 1 if side == "agency" else 0
    projected = nx.Graph(kind=f"bipartite-{side}", filter=graph.graph.get("filter", ""))
    projected.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if d.get("bipartite") == keep)
    groups = {
        n: [m for m in graph[n] if graph.nodes[m].get("bipartite") == keep]
        for n, d in graph.nodes(data=True)
        if d.get("bipartite") != keep
    }
    names = {n: graph.nodes[n].get("case_id") or graph.nodes[n].get("label", n) for n in groups}
    for (a, b), shared in _pairs(groups.items()).items():
        field = "cases" if side == "agency" else "agencies"
        projected.add_edge(a, b, weight=len(shared), **{field: sorted(names[s] for s in shared)})
    return projected


def diffusion_network(
    store: Store, flt: NetworkFilter = NO_FILTER, *, context: ctx.Context | None = None
) -> nx.MultiDiGraph:
    """Originating zone or area -> adopting provider, one edge (keyed by case id) per case and source.

    Sources are the zones a case's origin claims name (``basis="document"``); for a case whose text names no
    zone, the zones where the reference data says its national item was piloted (``basis="reference"``).
    Edge attributes: case, reform (the case's title), origin_reform, batch, batch_year, year, date, basis, and the
    learned-from relation of the claim (``relation``: borrows_zone_case, learns_from_zone, copies_national_item …;
    ``relation_zh``; ``confidence``).
    Edges come in case-id order.
    """
    with ctx.paused_gc():
        context = _context(store, flt, context, titles=True)
        batches = context.case_batches
        batch_info = context.batches
        graph = nx.MultiDiGraph(kind="diffusion", filter=flt.describe())
        batch_fields: dict[str, tuple[str, int]] = {}
        for claim in context.origin_zones():
            case = context.cases[claim["case"]]
            if case.provider is None:
                continue
            for node in (claim["zone"], case.provider):
                if node not in graph:
                    graph.add_node(node, **_place_attributes(context, node))
            if not graph.nodes[case.provider]["province"]:
                graph.nodes[case.provider]["province"] = case.province  # a city: its document's province
            if case.iri not in batch_fields:
                claimed = batches.get(case.iri, ())
                labels = sorted(batch_info.get(b, {}).get("label", b) for b in claimed)
                years = sorted(y for b in claimed if (y := batch_info.get(b, {}).get("year")))
                batch_fields[case.iri] = ("; ".join(labels), years[0] if years else 0)
            batch, batch_year = batch_fields[case.iri]
            graph.add_edge(
                claim["zone"],
                case.provider,
                key=case.id,
                case=case.id,
                case_iri=case.iri,
                reform=case.title,
                origin_reform=claim["entity"],
                batch=batch,
                batch_year=batch_year,
                year=case.year or 0,
                date=case.date or (str(case.year) if case.year else ""),
                document=case.doc,
                basis=claim["basis"],
                relation=claim["relation"],
                relation_zh=relation_label(claim["relation"], "zh") if claim["relation"] else "",
                confidence=float(claim["confidence"]) if claim["confidence"] else 0.0,
                weight=1,
            )
    _empty_message(graph, "diffusion", flt, "case with an originating zone")
    return graph


def collapse_to_provinces(diffusion: nx.MultiDiGraph) -> nx.DiGraph:
    """Zone -> adopter province, weight = number of cases: areas fold into their zone, adopters into provinces."""
    graph = nx.DiGraph(kind="diffusion-provinces", filter=diffusion.graph.get("filter", ""))
    for source, target, data in diffusion.edges(data=True):
        s = diffusion.nodes[source]
        t = diffusion.nodes[target]
        zone = s.get("zone") or source
        zone_label = s.get("zone_label") or s.get("label", zone)
        province = t.get("province") or "未知"
        node = f"province:{province}"
        if zone not in graph:
            graph.add_node(zone, label=zone_label, kind="zone", province=s.get("province", ""))
        if node not in graph:
            graph.add_node(node, label=province, kind="province", province=province)
        if graph.has_edge(zone, node):
            edge = graph.edges[zone, node]
            edge["weight"] += 1
            edge["cases"].append(data["case"])
            if t.get("label") not in edge["adopters"]:
                edge["adopters"].append(t.get("label"))
        else:
            graph.add_edge(zone, node, weight=1, cases=[data["case"]], adopters=[t.get("label")])
    return graph


BUILDERS = dict(zip(KINDS, (agency_network, diffusion_network, hierarchy_network, bipartite_network), strict=True))


def derive_network(store: Store, kind: str, flt: NetworkFilter = NO_FILTER) -> nx.Graph:
    """The network ``kind`` (one of :data:`KINDS`) for the cases ``flt`` keeps."""
    return derive_networks(store, [kind], flt)[kind]


def derive_networks(store: Store, kinds: Iterable[str], flt: NetworkFilter = NO_FILTER) -> dict[str, nx.Graph]:
    """Several networks for the cases ``flt`` keeps, asking the store each question once. Why: ``network stats``
    needs the bipartite and diffusion networks too (provider summaries), and on a large store re-reading the
    cases, their agencies and batches for each network is a cost worth sharing."""
    kinds = list(dict.fromkeys(kinds))
    for kind in kinds:
        if kind not in BUILDERS:
            raise ValueError(f"unknown network kind '{kind}'. Known kinds: {', '.join(KINDS)}")
    titles = any(kind in ("diffusion", "bipartite") for kind in kinds)
    with ctx.paused_gc():
        context = ctx.Context(store, flt_clause=case_filter(flt), titles=titles) if len(kinds) > 1 else None
        return {kind: BUILDERS[kind](store, flt, context=context) for kind in kinds}  # type: ignore[operator]
