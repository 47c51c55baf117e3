"""Statistics of a network from ``graph/network/derive.py``: centralities, components, communities, brokers, providers.

Every measure runs on the network's undirected, simple, weighted view (:func:`to_simple`): parallel and
opposite edges merge and their weights add. That is what "who works with whom" asks; direction matters for
the diffusion and hierarchy pictures, not for these counts (``notes`` says so when it applies).

Results are deterministic: Louvain and betweenness sampling are seeded. Betweenness is exact up to
``exact_betweenness_max`` nodes and sampled above (``k`` pivots drawn as networkx draws them); it follows
weighted distances (1/weight) while Dijkstra from every pivot stays within ``WEIGHTED_BETWEENNESS_MAX_WORK``
pivot-edges, and counts hops above that, by breadth-first search on arrays (:func:`hop_betweenness`). ``notes``
says which. The limits keep measuring a large synthetic build's agency network interactive (see the benchmarks).
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np

from ftzgraph.graph.network._context import paused_gc

EXACT_BETWEENNESS_MAX = 500
BETWEENNESS_SAMPLE = 64
WEIGHTED_BETWEENNESS_MAX_WORK = 1_000_000
"""Pivots x edges up to which betweenness runs networkx's Dijkstra on weighted distances (about 2.5 s; each
relaxation costs ~2.5 us in Python). Above it hops are counted: the diffusion network of the 100k-case benchmark
(388 nodes, 19.7k merged edges) took 20 s exact and weighted, 0.3 s exact in hops."""
GATHER_MAX = 8_000_000
"""Array cells (edge ends x pivots) one breadth-first step may gather: bounds memory to ~64 MB."""


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
    weights: dict[tuple[Any, Any], float] = {}
    for u, v, weight in graph.edges(data="weight", default=1):
        if u != v:
            key = (u, v) if (v, u) not in weights else (v, u)
            weights[key] = weights.get(key, 0.0) + float(weight or 1)
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    simple.add_edges_from((u, v, {"weight": w, "distance": 1.0 / w}) for (u, v), w in weights.items())
    return simple


Arrays = tuple[list[Any], np.ndarray, np.ndarray, np.ndarray]


def _adjacency(simple: nx.Graph) -> Arrays:
    """Nodes, and the graph as arrays: row offsets, neighbour indices, edge weights (each edge in both rows)."""
    nodes = list(simple)
    index = {node: i for i, node in enumerate(nodes)}
    adj = simple.adj
    degrees = np.fromiter((len(adj[v]) for v in nodes), dtype=np.int64, count=len(nodes))
    indptr = np.zeros(len(nodes) + 1, dtype=np.int64)
    np.cumsum(degrees, out=indptr[1:])
    total = int(indptr[-1])
    indices = np.fromiter((index[w] for v in nodes for w in adj[v]), dtype=np.int64, count=total)
    weights = np.fromiter((d.get("weight", 1.0) for v in nodes for d in adj[v].values()), dtype=float, count=total)
    return nodes, indptr, indices, weights


def hop_betweenness(simple: nx.Graph, sources: list[Any], arrays: Arrays | None = None) -> dict[Any, float]:
    """Brandes' betweenness in hops from ``sources`` (all nodes for the exact value), raw sums, not rescaled.

    The same sums as networkx's breadth-first accumulation (up to float rounding), computed for a batch of
    sources at once: each breadth-first level and each step of the dependency accumulation is one gather over
    the edge arrays, so the Python loop runs per level, not per edge.
    """
    nodes, indptr, indices, _ = arrays or _adjacency(simple)
    n = len(nodes)
    total = np.zeros(n)
    if not sources or not indices.size:
        return dict(zip(nodes, total.tolist(), strict=True))
    owner = np.repeat(np.arange(n), np.diff(indptr))  # the row (node) of each edge end
    where = {node: i for i, node in enumerate(nodes)}
    batch = max(1, min(len(sources), GATHER_MAX // indices.size))
    cells = (owner[:, None] * batch + np.arange(batch)).ravel()

    def spread(x: np.ndarray) -> np.ndarray:
        """y[v] = sum of x[w] over the neighbours w of v, column by column (in edge order, as networkx adds)."""
        width = x.shape[1]
        flat = cells if width == batch else (owner[:, None] * width + np.arange(width)).ravel()
        return np.bincount(flat, weights=x[indices].ravel(), minlength=n * width).reshape(n, width)

    for lo in range(0, len(sources), batch):
        src = np.array([where[s] for s in sources[lo : lo + batch]])
        cols = np.arange(len(src))
        dist = np.full((n, len(src)), -1, dtype=np.int32)
        sigma = np.zeros((n, len(src)))
        dist[src, cols] = 0
        sigma[src, cols] = 1.0
        frontier = sigma.copy()
        level = 0
        while True:
            reach = spread(frontier)
            new = (reach > 0) & (dist < 0)
            if not new.any():
                break
            level += 1
            dist[new] = level
            frontier = np.where(new, reach, 0.0)
            sigma += frontier
        delta = np.zeros_like(sigma)
        safe = np.where(sigma > 0, sigma, 1.0)
        for d in range(level, 0, -1):
            coeff = np.where(dist == d, (1.0 + delta) / safe, 0.0)
            delta += np.where(dist == d - 1, sigma * spread(coeff), 0.0)
        delta[src, cols] = 0.0
        total += delta.sum(axis=1)
    return dict(zip(nodes, total.tolist(), strict=True))


def _rescale(raw: dict[Any, float], n: int, sources: list[Any] | None) -> dict[Any, float]:
    """Normalise raw sums as networkx 3.6 does for undirected graphs without endpoints: divide by the ordered
    (source, target) pairs that can pass through a node -- (n-1)(n-2) when exact, k(n-2) for a sampled
    non-pivot and (k-1)(n-2) for a pivot."""
    if n <= 2:
        return raw
    if sources is None:
        scale = 1.0 / ((n - 1) * (n - 2))
        return {v: b * scale for v, b in raw.items()}
    k = len(sources)
    pivots = set(sources)
    pivot_scale = 1.0 / ((k - 1) * (n - 2)) if k > 1 else math.nan
    other_scale = 1.0 / (k * (n - 2))
    return {v: b * (pivot_scale if v in pivots else other_scale) for v, b in raw.items()}


def _power_iteration(
    arrays: Arrays, components: list[set[Any]], max_iter: int = 1000, tol: float = 1e-8
) -> tuple[dict[Any, float], list[int]]:
    """Leading eigenvector of A + I in every component of two or more nodes at once, by power iteration on
    edge arrays (O(edges) per step, no SciPy). Returns the values and the components that did not converge.

    The identity shift keeps the eigenvectors and stops the oscillation plain A shows on bipartite graphs.
    Each component is normalised on its own and stops (its values freeze) once its L1 change is below
    ``size * tol``, as if it were iterated alone; isolated nodes get 0.
    """
    nodes, indptr, indices, weights = arrays
    where = {node: i for i, node in enumerate(nodes)}
    label = np.full(len(nodes), -1, dtype=np.int64)
    for c, component in enumerate(components):
        if len(component) > 1:
            label[[where[node] for node in component]] = c
    active = np.flatnonzero(label >= 0)
    x = np.zeros(len(nodes))
    if not active.size:
        return dict(zip(nodes, x.tolist(), strict=True)), []
    own = label[active]
    sizes = np.bincount(own, minlength=len(components)).astype(float)
    rows = np.repeat(np.arange(len(nodes)), np.diff(indptr))
    x[active] = 1.0 / np.sqrt(sizes[own])
    running = sizes > 0
    for _ in range(max_iter):
        y = x + np.bincount(rows, weights=weights * x[indices], minlength=len(nodes))
        norms = np.sqrt(np.bincount(own, weights=y[active] ** 2, minlength=len(components)))
        y[active] /= np.where(norms > 0, norms, 1.0)[own]
        change = np.bincount(own, weights=np.abs(y[active] - x[active]), minlength=len(components))
        moving = active[running[own]]
        x[moving] = y[moving]
        running &= change >= sizes * tol
        if not running.any():
            break
    return dict(zip(nodes, x.tolist(), strict=True)), np.flatnonzero(running).tolist()


def _eigenvector(simple: nx.Graph, arrays: Arrays, notes: list[str]) -> dict[str, float]:
    """Eigenvector centrality per connected component (a disconnected graph has no single leading vector)."""
    components = list(nx.connected_components(simple))
    values, failed = _power_iteration(arrays, components)
    for c in failed:
        sub = simple.subgraph(components[c])
        top = max(d for _, d in sub.degree(weight="weight")) or 1.0
        values.update({n: d / top for n, d in sub.degree(weight="weight")})
    if failed:
        notes.append(
            f"eigenvector centrality did not converge in {len(failed)} component(s): scaled weighted degree used"
        )
    if len(components) > 1:
        notes.append("eigenvector centrality is computed within each connected component")
    return values


def _betweenness(
    simple: nx.Graph, arrays: Arrays, seed: int, exact_max: int, sample: int, notes: list[str]
) -> tuple[dict[str, float], int | None]:
    """Normalised betweenness: exact or from ``sample`` seeded pivots; weighted while affordable, else hops."""
    n = simple.number_of_nodes()
    k = None if n <= exact_max or sample >= n else sample
    sources = None if k is None else random.Random(seed).sample(list(simple), k)  # networkx's draw for seed
    if k is not None:
        notes.append(f"betweenness is sampled: k={k} pivots of {n} nodes (seed {seed})")
    work = (n if k is None else k) * simple.number_of_edges()
    if work <= WEIGHTED_BETWEENNESS_MAX_WORK:
        return nx.betweenness_centrality(simple, k=k, seed=seed, weight="distance", normalized=True), k
    notes.append(
        f"betweenness counts hops, not weighted distances ({work:,} pivot-edges exceed "
        f"{WEIGHTED_BETWEENNESS_MAX_WORK:,})"
    )
    return _rescale(hop_betweenness(simple, sources or list(simple), arrays), n, sources), k


def _brokers(simple: nx.Graph, betweenness: dict[str, float], limit: int = 500) -> list[dict[str, Any]]:
    """Agencies (any node if there are none) whose neighbours fall into two or more groups not linked except
    through them, the groups spanning two or more providers or sectors. The ``limit`` highest-betweenness
    candidates are checked (a broker always has betweenness > 0)."""
    agencies = {n for n, kind in simple.nodes(data="kind") if kind == "agency"}
    pool = agencies or set(simple)
    candidates = sorted((n for n in pool if betweenness.get(n, 0) > 0), key=lambda n: (-betweenness[n], n))[:limit]
    adj = simple.adj
    found = []
    for node in candidates:
        groups = _neighbour_groups(adj, node)
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


def _neighbour_groups(adj: Any, node: Any) -> list[set[Any]]:
    """Connected components of the subgraph induced by ``node``'s neighbours (breadth-first on plain sets:
    networkx's subgraph views cost ~10x more for the hundreds of candidates a large network has)."""
    left = set(adj[node])
    left.discard(node)
    groups = []
    while left:
        start = left.pop()
        group = {start}
        queue = [start]
        while queue:
            linked = left.intersection(adj[queue.pop()])
            left -= linked
            group |= linked
            queue.extend(linked)
        groups.append(group)
    return groups


def analyse_network(
    graph: nx.Graph,
    *,
    seed: int = 42,
    exact_betweenness_max: int = EXACT_BETWEENNESS_MAX,
    betweenness_sample: int = BETWEENNESS_SAMPLE,
) -> NetworkAnalysis:
    """Weighted degree, betweenness, eigenvector, components, Louvain communities and brokers of ``graph``."""
    with paused_gc():
        return _analyse(graph, seed, exact_betweenness_max, betweenness_sample)


def _analyse(graph: nx.Graph, seed: int, exact_betweenness_max: int, betweenness_sample: int) -> NetworkAnalysis:
    simple = to_simple(graph)
    notes: list[str] = []
    if graph.is_directed() or graph.is_multigraph():
        notes.append("directed or parallel edges are merged: measures use the undirected weighted view")
    weighted = {n: float(d) for n, d in simple.degree(weight="weight")}  # isolated nodes give int 0
    arrays = _adjacency(simple)
    betweenness, k = _betweenness(simple, arrays, seed, exact_betweenness_max, betweenness_sample, notes)
    eigen = _eigenvector(simple, arrays, notes)
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
