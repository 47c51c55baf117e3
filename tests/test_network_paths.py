"""The fast paths behind the networks give the answers of the plain ones.

- SPARQL results read as CSV from the embedded store == ``Store.select`` through a remote ``oxigraph serve``
  holding the same quads (every network kind, with and without a filter);
- breadth-first betweenness on arrays == networkx's, exact and sampled with the same seed;
- eigenvector centrality by vectorised power iteration == networkx's, per component;
- large networks say in ``notes`` that betweenness was sampled and counted in hops.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from typing import Any

import networkx as nx
import pyoxigraph as ox
import pytest
from test_remote_store import OxigraphServer, engine_config

from ftzgraph.graph.network._context import table
from ftzgraph.graph.network.analysis import (
    WEIGHTED_BETWEENNESS_MAX_WORK,
    _adjacency,
    _eigenvector,
    _rescale,
    analyse_network,
    hop_betweenness,
    to_simple,
)
from ftzgraph.graph.network.derive import KINDS, NetworkFilter, agency_network, derive_network, derive_networks
from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.graph.store.remote import RemoteStore

pytestmark = pytest.mark.slow
EX = "http://example.org/ftzgraph-test/"


@pytest.fixture(scope="module")
def remote_copy(built_store: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RemoteStore]:
    """The built store's quads behind ``oxigraph serve``, read through ``RemoteStore`` (SPARQL JSON results)."""
    location = tmp_path_factory.mktemp("network-remote")
    copy = ox.Store(str(location))
    copy.extend(built_store.raw.quads_for_pattern(None, None, None, None))
    copy.flush()
    del copy  # releases the directory for the server
    server = OxigraphServer(location)
    server.start()
    store = RemoteStore(engine_config(server.url))
    yield store
    store.close()
    server.kill()


def _shape(graph: nx.Graph) -> tuple[Any, ...]:
    """Everything a network holds, in order: graph attributes, nodes with data, edges with keys and data."""
    edges = list(graph.edges(keys=True, data=True)) if graph.is_multigraph() else list(graph.edges(data=True))
    return dict(graph.graph), list(graph.nodes(data=True)), edges


@pytest.mark.parametrize("flt", [NetworkFilter(), NetworkFilter(provider="绥芬河片区"), NetworkFilter(zone="shanghai")])
@pytest.mark.parametrize("kind", KINDS)
def test_embedded_and_remote_stores_give_the_same_network(
    built_store: OxigraphStore, remote_copy: RemoteStore, kind: str, flt: NetworkFilter
) -> None:
    embedded = derive_network(built_store, kind, flt)
    assert embedded.number_of_nodes() > 0
    assert _shape(derive_network(remote_copy, kind, flt)) == _shape(embedded)


def test_csv_reading_unquotes_commas_quotes_and_line_breaks() -> None:
    store = OxigraphStore()
    texts = ["plain", "a, b", 'say "hi"', "two\nlines", ""]
    store.raw.extend(
        ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(text)) for i, text in enumerate(texts)
    )
    rows = table(
        store, f"SELECT ?s ?o ?none WHERE {{ ?s <{EX}p> ?o OPTIONAL {{ ?s <{EX}q> ?none }} }}", ("s", "o", "none")
    )
    assert sorted(rows) == [(f"{EX}s{i}", text, "") for i, text in enumerate(texts)]


def test_agency_edges_list_their_shared_cases_in_id_order(built_store: OxigraphStore) -> None:
    graph = agency_network(built_store)
    assert graph.number_of_edges() > 100
    for _, _, data in graph.edges(data=True):
        assert data["cases"] == sorted(data["cases"]) and data["weight"] == len(set(data["cases"]))
    assert all(a < b for a, b in graph.edges())  # each pair in IRI order


def _random_graph(seed: int) -> nx.Graph:
    """A random graph with isolated nodes and a second component, labelled like IRIs."""
    graph = nx.gnm_random_graph(200, 500 + 150 * seed, seed=seed)
    graph.add_nodes_from(range(200, 205))
    graph.add_edges_from([(300, 301), (301, 302), (302, 300), (302, 303)])
    for u, v in graph.edges():
        graph.edges[u, v]["weight"] = 1 + (u * v) % 4
    return to_simple(nx.relabel_nodes(graph, {n: f"n{n:03d}" for n in graph}))


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("k", [None, 1, 5, 64])
def test_hop_betweenness_equals_networkx(seed: int, k: int | None) -> None:
    graph = _random_graph(seed)
    expected = nx.betweenness_centrality(graph, k=k, seed=42, normalized=True)
    sources = None if k is None else random.Random(42).sample(list(graph), k)
    found = _rescale(hop_betweenness(graph, sources or list(graph)), len(graph), sources)
    for node in graph:
        if math.isnan(expected[node]):  # networkx's k=1: a pivot's value is undefined
            assert math.isnan(found[node])
        else:
            assert found[node] == pytest.approx(expected[node], rel=1e-9, abs=1e-12)


def test_eigenvector_equals_networkx_within_each_component() -> None:
    graph = _random_graph(1)
    notes: list[str] = []
    found = _eigenvector(graph, _adjacency(graph), notes)
    assert notes == ["eigenvector centrality is computed within each connected component"]
    for component in nx.connected_components(graph):
        if len(component) == 1:
            assert found[next(iter(component))] == 0.0
            continue
        expected = nx.eigenvector_centrality(graph.subgraph(component), weight="weight", max_iter=5000, tol=1e-12)
        for node in component:
            assert found[node] == pytest.approx(expected[node], abs=1e-5)


def test_large_network_samples_betweenness_in_hops_and_says_so() -> None:
    graph = nx.relabel_nodes(nx.barabasi_albert_graph(1500, 20, seed=3), str)
    analysis = analyse_network(graph, seed=7)
    assert analysis.betweenness_k == 64
    assert any("k=64 pivots of 1500 nodes (seed 7)" in note for note in analysis.notes)
    assert any("counts hops" in note for note in analysis.notes)
    assert 64 * graph.number_of_edges() > WEIGHTED_BETWEENNESS_MAX_WORK
    expected = nx.betweenness_centrality(graph, k=64, seed=7)  # the same pivots, hops
    assert {n: s["betweenness"] for n, s in analysis.node_stats.items()} == pytest.approx(expected)
    assert analysis.communities == analyse_network(graph, seed=7).communities


def test_small_network_betweenness_stays_exact_and_weighted(built_store: OxigraphStore) -> None:
    graph = agency_network(built_store)
    analysis = analyse_network(graph)
    assert analysis.betweenness_k is None
    assert not any("hops" in note or "sampled" in note for note in analysis.notes)
    expected = nx.betweenness_centrality(to_simple(graph), weight="distance", normalized=True)
    assert {n: s["betweenness"] for n, s in analysis.node_stats.items()} == pytest.approx(expected)


@pytest.mark.parametrize("flt", [NetworkFilter(), NetworkFilter(zone="黑龙江自贸试验区")])
def test_networks_derived_together_equal_networks_derived_alone(built_store: OxigraphStore, flt: NetworkFilter) -> None:
    together = derive_networks(built_store, [*KINDS, "agencies"], flt)
    assert list(together) == list(KINDS)
    for kind in KINDS:
        assert _shape(together[kind]) == _shape(derive_network(built_store, kind, flt))
    with pytest.raises(ValueError, match="unknown network kind 'friends'"):
        derive_networks(built_store, ["agencies", "friends"])
