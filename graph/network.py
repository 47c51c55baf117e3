"""The four networks users ask for, derived from the graph by SPARQL and built as networkx graphs.

- ``agencies``: agencies linked when they act in the same case (weight = shared cases, ``cases`` = their ids);
- ``diffusion``: originating zone or area -> adopting provider, one edge per case (batch, year, date), and
  :func:`collapse_to_provinces` for zone -> adopter province with weights ("who learned from whom");
- ``hierarchy``: parent agency -> child agency (``org:subOrganizationOf``);
- ``bipartite``: cases and agencies, with :func:`project_bipartite` for either side's projection.

Only SPARQL goes to the store (through ``Store.select``), so this works on the embedded store and on a remote
server alike, for any set of documents. Nodes are keyed by IRI; every node has a ``label`` (Chinese where the
graph has it) and a ``kind``. Filters (:class:`NetworkFilter`) keep the cases of one provider and/or one zone;
a filter that matches nothing gives an empty graph whose ``graph["message"]`` says why.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import networkx as nx

from ftzgraph.graph import _network_context as ctx
from ftzgraph.graph.queries import PREFIXES, iri_ref, literal
from ftzgraph.graph.store import Store

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


def _pairs(groups: dict[str, list[str]]) -> dict[tuple[str, str], list[str]]:
    """Co-occurrence: for each pair of members sharing a group, the groups (sorted pair, ordered groups)."""
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for group, members in groups.items():
        for a, b in combinations(sorted(set(members)), 2):
            shared[(a, b)].append(group)
    return shared


def _case_agencies(store: Store, flt: NetworkFilter) -> dict[str, list[str]]:
    rows = store.select(
        PREFIXES
        + f"""SELECT DISTINCT ?case ?agency WHERE {{
  ?case a ftz:Case ; ftz:agency ?agency .
  {case_filter(flt)}
}}"""
    )
    by_case: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        by_case[row["case"]].append(row["agency"])
    return by_case


def _agency_nodes(
    context: ctx.Context, by_case: dict[str, list[str]], agencies: Iterable[str]
) -> dict[str, dict[str, Any]]:
    """Node attributes of ``agencies``: label, sector, city, province, parent, cases and providers in ``by_case``."""
    info = context.agencies()
    cases_of: dict[str, list[str]] = defaultdict(list)
    for case, members in by_case.items():
        for agency in set(members):
            cases_of[agency].append(case)
    nodes = {}
    for agency in agencies:
        a = info.get(agency, ctx.AgencyInfo(agency))
        cases = [context.cases[c] for c in cases_of.get(agency, []) if c in context.cases]
        provinces = Counter(c.province for c in cases if c.province)
        providers = sorted({c.provider_label for c in cases if c.provider_label})
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
            "province": (city.province if city and city.province else None)
            or (provinces.most_common(1)[0][0] if provinces else ""),
            "parent": parent.label if parent else "",
            "cases": len(cases_of.get(agency, [])),
            "providers": providers,
        }
    return nodes


def agency_network(store: Store, flt: NetworkFilter = NO_FILTER) -> nx.Graph:
    """Co-participation: agencies linked when they act in the same case; weight = shared cases."""
    by_case = _case_agencies(store, flt)
    context = ctx.Context(store, flt_clause=case_filter(flt))
    graph = nx.Graph(kind="agencies", filter=flt.describe())
    members = {a for agencies in by_case.values() for a in agencies}
    for agency, attrs in sorted(_agency_nodes(context, by_case, members).items()):
        graph.add_node(agency, **attrs)
    case_ids = {iri: case.id for iri, case in context.cases.items()}
    for (a, b), cases in _pairs(by_case).items():
        graph.add_edge(a, b, weight=len(cases), cases=sorted(case_ids.get(c, c) for c in cases))
    _empty_message(graph, "agencies", flt, "case with agencies")
    return graph


def hierarchy_network(store: Store, flt: NetworkFilter = NO_FILTER) -> nx.DiGraph:
    """Parent agency -> child agency. With a filter: the agencies of the kept cases and all their ancestors."""
    context = ctx.Context(store, flt_clause=case_filter(flt))
    info = context.agencies()
    by_case = _case_agencies(store, flt)
    if flt == NO_FILTER:
        keep = set(info)
    else:
        keep = {a for agencies in by_case.values() for a in agencies}
        frontier = list(keep)
        while frontier:
            agency = info.get(frontier.pop())
            parent = agency.parent if agency else None
            if parent and parent not in keep:
                keep.add(parent)
                frontier.append(parent)
    graph = nx.DiGraph(kind="hierarchy", filter=flt.describe())
    for agency, attrs in sorted(_agency_nodes(context, by_case, keep).items()):
        graph.add_node(agency, **attrs)
    for agency in sorted(keep):
        parent = info[agency].parent if agency in info else None
        if parent and parent in keep:
            graph.add_edge(parent, agency, weight=1, relation="subOrganizationOf")
    _empty_message(graph, "hierarchy", flt, "agency")
    return graph


def bipartite_network(store: Store, flt: NetworkFilter = NO_FILTER) -> nx.Graph:
    """Cases (``bipartite=0``) and agencies (``bipartite=1``), an edge when the agency acts in the case."""
    context = ctx.Context(store, flt_clause=case_filter(flt))
    by_case = _case_agencies(store, flt)
    graph = nx.Graph(kind="bipartite", filter=flt.describe())
    batches = context.case_batches()
    batch_info = context.batches()
    for iri, case in sorted(context.cases.items()):
        graph.add_node(
            iri,
            label=case.title or case.id,
            kind="case",
            bipartite=0,
            iri=iri,
            case_id=case.id,
            provider=case.provider_label,
            provider_iri=case.provider or "",
            province=case.province,
            year=case.year or 0,
            batches=sorted(batch_info.get(b, {}).get("label", b) for b in batches.get(iri, ())),
        )
    members = {a for agencies in by_case.values() for a in agencies}
    for agency, attrs in sorted(_agency_nodes(context, by_case, members).items()):
        graph.add_node(agency, bipartite=1, **attrs)
    for case, agencies in by_case.items():
        for agency in agencies:
            graph.add_edge(case, agency, weight=1)
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
    for (a, b), shared in _pairs(groups).items():
        field = "cases" if side == "agency" else "agencies"
        projected.add_edge(a, b, weight=len(shared), **{field: sorted(names[s] for s in shared)})
    return projected


def diffusion_network(store: Store, flt: NetworkFilter = NO_FILTER) -> nx.MultiDiGraph:
    """Originating zone or area -> adopting provider, one edge (keyed by case id) per case and source.

    Sources are the zones a case's origin claims name (``basis="document"``); for a case whose text names no
    zone, the zones where the reference data says its national item was piloted (``basis="reference"``).
    Edge attributes: case, reform (the case's title), origin_reform, batch, batch_year, year, date, basis.
    """
    context = ctx.Context(store, flt_clause=case_filter(flt))
    batches = context.case_batches()
    batch_info = context.batches()
    graph = nx.MultiDiGraph(kind="diffusion", filter=flt.describe())
    for claim in context.origin_zones():
        case = context.cases.get(claim["case"])
        if case is None or case.provider is None:
            continue
        for node in (claim["zone"], case.provider):
            if node not in graph:
                graph.add_node(node, **context.place_attributes(node))
        if not graph.nodes[case.provider]["province"]:
            graph.nodes[case.provider]["province"] = case.province  # a city: its document's province
        case_batches = sorted(batches.get(case.iri, ()), key=lambda b: batch_info.get(b, {}).get("label", b))
        labels = [batch_info.get(b, {}).get("label", b) for b in case_batches]
        years = sorted(y for b in case_batches if (y := batch_info.get(b, {}).get("year")))
        graph.add_edge(
            claim["zone"],
            case.provider,
            key=case.id,
            case=case.id,
            case_iri=case.iri,
            reform=case.title,
            origin_reform=claim.get("entity") or "",
            batch="; ".join(labels),
            batch_year=years[0] if years else 0,
            year=case.year or 0,
            date=case.date or (str(case.year) if case.year else ""),
            document=case.doc,
            basis=claim["basis"],
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


def derive_network(store: Store, kind: str, flt: NetworkFilter = NO_FILTER) -> nx.Graph:
    """The network ``kind`` (one of :data:`KINDS`) for the cases ``flt`` keeps."""
    builders = {
        "agencies": agency_network,
        "diffusion": diffusion_network,
        "hierarchy": hierarchy_network,
        "bipartite": bipartite_network,
    }
    if kind not in builders:
        raise ValueError(f"unknown network kind '{kind}'. Known kinds: {', '.join(KINDS)}")
    return builders[kind](store, flt)  # type: ignore[no-any-return]
