"""Statistics of a network from ``graph/network.py``: centralities, components, communities, brokers, providers.

Every measure runs on the network's undirected, simple, weighted view (:func:`to_simple`): parallel and
opposite edges merge and their weights add. That is what "who works with whom" asks; direction matters for
the diffusion and hierarchy pictures, not for these counts (``notes`` says so when it applies).

Results are deterministic: Louvain and betweenness sampling are seeded. Betweenness is exact up to
``exact_betweenness_max`` nodes and sampled (``k`` pivots) above, and ``notes`` says which.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np

EXACT_BETWEENNESS_MAX = 500
BETWEENNESS_SAMPLE = 64


@dataclass
class NetworkAnalysis:
    kind: str
    nodes: int
    edges: int
    density: float
    components: list[list[str]]
    communities: list[list[str]]
    modularity: float | None
    node_stats: dict[str, dict[str, Any]]
    brokers: list[dict[str, Any]]
    betweenness_k: int | None = None
    notes: list[str] = field(default_factory=list)

    def top(self, measure: str, n: int = 10) -> list[tuple[str, float]]:
        """The ``n`` nodes highest on ``measure`` (ties broken by node id, so the order is stable)."""
        ranked = sorted(self.node_stats.items(), key=lambda item: (-item[1][measure], item[0]))
        return [(node, stats[measure]) for node, stats in ranked[:n]]


def to_simple(graph: nx.Graph) -> nx.Graph:
    """Undirected simple graph; weights of merged parallel or opposite edges add, ``distance`` = 1/weight."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for u, v, data in graph.edges(data=True):
        if u == v:
            continue
        weight = float(data.get("weight", 1) or 1)
        if simple.has_edge(u, v):
            simple.edges[u, v]["weight"] += weight
        else:
            simple.add_edge(u, v, weight=weight)
    for _, _, data in simple.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    return simple


def _power_iteration(sub: nx.Graph, max_iter: int = 1000, tol: float = 1e-8) -> dict[str, float]:
    """Leading eigenvector of A + I by power iteration on edge arrays (O(edges) per step, no SciPy).

    The identity shift keeps the eigenvectors and stops the oscillation plain A shows on bipartite graphs.
    """
    nodes = list(sub)
    index = {node: i for i, node in enumerate(nodes)}
    u = np.fromiter((index[a] for a, _ in sub.edges()), dtype=np.int64)
    v = np.fromiter((index[b] for _, b in sub.edges()), dtype=np.int64)
    w = np.fromiter((d.get("weight", 1.0) for *_, d in sub.edges(data=True)), dtype=float)
    size = len(nodes)
    x = np.full(size, 1.0 / math.sqrt(size))
    for _ in range(max_iter):
        y = x + np.bincount(u, weights=w * x[v], minlength=size) + np.bincount(v, weights=w * x[u], minlength=size)
        y /= np.linalg.norm(y)
        if np.abs(y - x).sum() < size * tol:
            return dict(zip(nodes, y.tolist(), strict=True))
        x = y
    raise nx.PowerIterationFailedConvergence(max_iter)


def _eigenvector(simple: nx.Graph, notes: list[str]) -> dict[str, float]:
    """Eigenvector centrality per connected component (a disconnected graph has no single leading vector)."""
    values = dict.fromkeys(simple, 0.0)
    failed = 0
    for component in nx.connected_components(simple):
        if len(component) < 2:
            continue
        sub = simple.subgraph(component)
        try:
            values.update(_power_iteration(sub))
        except nx.PowerIterationFailedConvergence:
            failed += 1
            top = max(d for _, d in sub.degree(weight="weight")) or 1.0
            values.update({n: d / top for n, d in sub.degree(weight="weight")})
    if failed:
        notes.append(f"eigenvector centrality did not converge in {failed} component(s): scaled weighted degree used")
    if nx.number_connected_components(simple) > 1:
        notes.append("eigenvector centrality is computed within each connected component")
    return values


WEIGHTED_BETWEENNESS_MAX_EDGES = 20_000
"""Above this many edges betweenness counts hops instead of weighted distances: Dijkstra from 64 sampled
sources took 22 s on the 100k-case benchmark's agency network (3,640 nodes, 46k edges), breadth-first 3 s."""


def _betweenness(simple: nx.Graph, seed: int, exact_max: int, sample: int) -> tuple[dict[str, float], int | None]:
    n = simple.number_of_nodes()
    k = None if n <= exact_max else min(sample, n)
    weight = "distance" if simple.number_of_edges() <= WEIGHTED_BETWEENNESS_MAX_EDGES else None
    return nx.betweenness_centrality(simple, k=k, seed=seed, weight=weight, normalized=True), k


def _brokers(simple: nx.Graph, betweenness: dict[str, float], limit: int = 500) -> list[dict[str, Any]]:
    """Agencies (any node if there are none) whose neighbours fall into two or more groups not linked except
    through them, the groups spanning two or more providers or sectors. The ``limit`` highest-betweenness
    candidates are checked (a broker always has betweenness > 0)."""
    agencies = {n for n, kind in simple.nodes(data="kind") if kind == "agency"}
    pool = agencies or set(simple)
    candidates = sorted((n for n in pool if betweenness.get(n, 0) > 0), key=lambda n: (-betweenness[n], n))[:limit]
    found = []
    for node in candidates:
        neighbours = list(simple[node])
        groups = list(nx.connected_components(simple.subgraph(neighbours)))
        if len(groups) < 2:
            continue
        providers: set[str] = set()
        sectors: set[str] = set()
        for group in groups:
            for member in group:
                attrs = simple.nodes[member]
                providers.update(attrs.get("providers") or ([attrs["provider"]] if attrs.get("provider") else []))
                if attrs.get("sector_label"):
                    sectors.add(attrs["sector_label"])
        if len(providers) < 2 and len(sectors) < 2:
            continue
        attrs = simple.nodes[node]
        found.append(
            {
                "node": node,
                "label": attrs.get("label", node),
                "sector": attrs.get("sector_label", ""),
                "betweenness": betweenness[node],
                "groups": len(groups),
                "providers": sorted(providers),
                "sectors": sorted(sectors),
                "articulation": False,
            }
        )
    cut = set(nx.articulation_points(simple)) if found else set()
    for broker in found:
        broker["articulation"] = broker["node"] in cut
    return found


def analyse_network(
    graph: nx.Graph,
    *,
    seed: int = 42,
    exact_betweenness_max: int = EXACT_BETWEENNESS_MAX,
    betweenness_sample: int = BETWEENNESS_SAMPLE,
) -> NetworkAnalysis:
    """Weighted degree, betweenness, eigenvector, components, Louvain communities and brokers of ``graph``."""
    simple = to_simple(graph)
    notes: list[str] = []
    if graph.is_directed() or graph.is_multigraph():
        notes.append("directed or parallel edges are merged: measures use the undirected weighted view")
    weighted = {n: float(d) for n, d in simple.degree(weight="weight")}  # isolated nodes give int 0
    betweenness, k = _betweenness(simple, seed, exact_betweenness_max, betweenness_sample)
    if k is not None:
        notes.append(f"betweenness is sampled: k={k} pivots of {simple.number_of_nodes()} nodes (seed {seed})")
    if simple.number_of_edges() > WEIGHTED_BETWEENNESS_MAX_EDGES:
        notes.append(f"betweenness counts hops, not weighted distances (over {WEIGHTED_BETWEENNESS_MAX_EDGES} edges)")
    eigen = _eigenvector(simple, notes)
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c))
    communities: list[list[str]] = []
    modularity = None
    if simple.number_of_edges():
        found = nx.community.louvain_communities(simple, weight="weight", seed=seed)
        communities = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))
        modularity = nx.community.modularity(simple, found, weight="weight")
    component_of = {n: i for i, c in enumerate(components) for n in c}
    community_of = {n: i for i, c in enumerate(communities) for n in c}
    stats = {
        node: {
            "label": simple.nodes[node].get("label", node),
            "degree": simple.degree(node),
            "weighted_degree": weighted[node],
            "betweenness": betweenness.get(node, 0.0),
            "eigenvector": eigen.get(node, 0.0),
            "component": component_of[node],
            "community": community_of.get(node, -1),
        }
        for node in simple
    }
    return NetworkAnalysis(
        kind=str(graph.graph.get("kind", "")),
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        density=nx.density(simple) if simple.number_of_nodes() > 1 else 0.0,
        components=components,
        communities=communities,
        modularity=modularity,
        node_stats=stats,
        brokers=_brokers(simple, betweenness),
        betweenness_k=k,
        notes=notes,
    )


def annotate(graph: nx.Graph, analysis: NetworkAnalysis) -> nx.Graph:
    """Copy the per-node measures onto ``graph``'s nodes (for exports and drawings); returns ``graph``."""
    for node, stats in analysis.node_stats.items():
        if node in graph:
            graph.nodes[node].update({k: v for k, v in stats.items() if k != "label"})
    return graph


def provider_summaries(bipartite: nx.Graph, diffusion: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Per provider: its cases, its agencies, their sectors, and where its reforms came from (zones, batches)."""
    summary: dict[str, dict[str, Any]] = {}
    sources_by_case: dict[str, list[str]] = defaultdict(list)
    for source, _, data in diffusion.edges(data=True):
        sources_by_case[data["case_iri"]].append(diffusion.nodes[source].get("label", source))
    for case, attrs in bipartite.nodes(data=True):
        if attrs.get("kind") != "case":
            continue
        entry = summary.setdefault(
            attrs.get("provider_iri") or attrs.get("provider") or "",
            {
                "provider": attrs.get("provider", ""),
                "province": attrs.get("province", ""),
                "cases": 0,
                "agencies": set(),
                "sectors": Counter(),
                "origin_zones": Counter(),
                "origin_batches": Counter(),
            },
        )
        entry["cases"] += 1
        for agency in bipartite[case]:
            if agency not in entry["agencies"]:
                entry["agencies"].add(agency)
                entry["sectors"][bipartite.nodes[agency].get("sector_label", "")] += 1
        entry["origin_zones"].update(sources_by_case.get(case, []))
        entry["origin_batches"].update(attrs.get("batches") or [])
    rows = []
    for key, entry in summary.items():
        agencies = sorted(bipartite.nodes[a].get("label", a) for a in entry["agencies"])
        rows.append(
            {
                "provider_iri": key,
                **{k: entry[k] for k in ("provider", "province", "cases")},
                "agencies": agencies,
                "sectors": dict(entry["sectors"].most_common()),
                "origin_zones": dict(entry["origin_zones"].most_common()),
                "origin_batches": dict(entry["origin_batches"].most_common()),
            }
        )
    return sorted(rows, key=lambda row: (-row["cases"], row["provider"]))
