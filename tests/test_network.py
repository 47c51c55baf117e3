"""Networks derived from the bundled document: known facts, filters, empty inputs, analysis, and the CLI."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest
from click.testing import CliRunner

from ftzgraph.api.cli.network import network
from ftzgraph.graph.network.analysis import analyse_network, provider_summaries
from ftzgraph.graph.network.derive import (
    KINDS,
    NetworkFilter,
    agency_network,
    bipartite_network,
    collapse_to_provinces,
    derive_network,
    diffusion_network,
    hierarchy_network,
    project_bipartite,
)
from ftzgraph.graph.store.oxigraph import OxigraphStore

pytestmark = pytest.mark.slow


def _by_label(graph: nx.Graph, label: str, key: str = "label") -> str:
    matches = [n for n, d in graph.nodes(data=True) if d.get(key) == label]
    assert len(matches) == 1, f"{label!r}: {matches}"
    return matches[0]


def test_hierarchy_puts_suifenhe_customs_under_harbin_customs(built_store: OxigraphStore) -> None:
    graph = hierarchy_network(built_store)
    child = _by_label(graph, "绥芬河海关")
    parents = [graph.nodes[p]["label"] for p in graph.predecessors(child)]
    assert parents == ["哈尔滨海关"]
    assert graph.nodes[_by_label(graph, "哈尔滨海关")]["sector"] == "customs"


def test_hegang_case_agencies_form_one_component(built_store: OxigraphStore) -> None:
    bipartite = bipartite_network(built_store)
    hegang = [n for n, d in bipartite.nodes(data=True) if d.get("kind") == "case" and d["provider"] == "鹤岗市"]
    assert len(hegang) == 1
    agencies = set(bipartite[hegang[0]])
    assert 10 <= len(agencies) <= 13
    graph = agency_network(built_store)
    component = nx.node_connected_component(graph, next(iter(agencies)))
    assert agencies <= component
    assert graph.nodes[next(iter(agencies))]["providers"] == ["鹤岗市"]


def test_suifenhe_area_is_the_adopter_with_most_cases(built_store: OxigraphStore) -> None:
    graph = diffusion_network(built_store)
    adopters = Counter(graph.nodes[v]["name"] for _, v, _ in graph.edges(keys=True))
    assert adopters.most_common(1)[0][0] == "绥芬河片区"
    summary = provider_summaries(bipartite_network(built_store), graph)
    assert summary[0]["provider"] == "绥芬河片区"
    assert summary[0]["cases"] > summary[1]["cases"]


@pytest.mark.parametrize(
    ("source", "adopter"),
    [
        ("广东自贸试验区", "哈尔滨片区"),
        ("上海自贸试验区", "绥芬河片区"),
        ("广西自贸试验区崇左片区", "绥芬河片区"),
        ("湖北自贸试验区襄阳片区", "绥芬河片区"),
        ("河北自贸试验区", "绥芬河片区"),
        ("陕西自贸试验区杨凌示范区片区", "绥芬河片区"),
    ],
)
def test_diffusion_edges_from_named_zones(built_store: OxigraphStore, source: str, adopter: str) -> None:
    graph = diffusion_network(built_store)
    s = _by_label(graph, source)
    targets = {graph.nodes[t]["name"] for t in graph.successors(s)}
    assert adopter in targets
    for _, _, data in graph.out_edges(s, data=True):
        assert data["case"] and data["reform"] and data["year"] == 2023 and data["basis"] == "document"


def test_diffusion_edges_carry_the_claimed_batch(built_store: OxigraphStore) -> None:
    graph = diffusion_network(built_store)
    shanghai = _by_label(graph, "上海自贸试验区")
    batches = {d["batch"] for _, _, d in graph.out_edges(shanghai, data=True)}
    assert any("改革试点经验" in b for b in batches)  # case 16: 复制推广…第三批改革试点经验
    assert "" in batches  # cases that name the zone but no batch


def test_collapse_to_provinces_weights_zone_to_province(built_store: OxigraphStore) -> None:
    graph = collapse_to_provinces(diffusion_network(built_store))
    shanghai = _by_label(graph, "上海自贸试验区")
    edge = graph.edges[shanghai, "province:黑龙江省"]
    assert edge["weight"] == len(edge["cases"]) >= 4
    # areas fold into their zone: 崇左片区 counts for 广西
    assert graph.has_edge("https://w3id.org/ftzgraph/id/zone/guangxi", "province:黑龙江省")
    assert "province:未知" not in graph  # a city adopter gets its document's province


def test_provider_and_zone_filters(built_store: OxigraphStore) -> None:
    hegang = agency_network(built_store, NetworkFilter(provider="鹤岗市"))
    assert nx.number_connected_components(hegang) == 1 and hegang.number_of_nodes() >= 10
    shanghai = diffusion_network(built_store, NetworkFilter(zone="shanghai"))
    assert shanghai.number_of_edges() >= 4
    assert {u for u, _ in shanghai.edges()} == {"https://w3id.org/ftzgraph/id/zone/shanghai"}
    area = agency_network(built_store, NetworkFilter(zone="黑龙江自贸试验区"))
    assert 0 < area.number_of_nodes() < agency_network(built_store).number_of_nodes()


@pytest.mark.parametrize("kind", KINDS)
def test_filter_matching_nothing_gives_an_empty_network_with_a_message(built_store: OxigraphStore, kind: str) -> None:
    graph = derive_network(built_store, kind, NetworkFilter(provider="不存在的单位"))
    assert graph.number_of_nodes() == 0
    assert "不存在的单位" in graph.graph["message"]
    assert analyse_network(graph).nodes == 0


@pytest.mark.parametrize("kind", KINDS)
def test_store_without_agencies_gives_empty_networks(kind: str) -> None:
    graph = derive_network(OxigraphStore(), kind)
    assert graph.number_of_nodes() == 0
    assert "store holds no" in graph.graph["message"]


def test_unknown_kind_is_an_error(built_store: OxigraphStore) -> None:
    with pytest.raises(ValueError, match="unknown network kind 'friends'"):
        derive_network(built_store, "friends")


def test_projection_of_bipartite_equals_co_participation(built_store: OxigraphStore) -> None:
    projected = project_bipartite(bipartite_network(built_store), "agency")
    direct = agency_network(built_store)
    assert {frozenset(e) for e in projected.edges()} == {frozenset(e) for e in direct.edges()}
    for u, v, data in direct.edges(data=True):
        assert projected.edges[u, v]["weight"] == data["weight"]


def test_analysis_is_seeded_and_handles_disconnected_graphs(built_store: OxigraphStore) -> None:
    graph = agency_network(built_store)
    first, second = analyse_network(graph), analyse_network(graph)
    assert first.communities == second.communities
    assert len(first.components) > 1
    assert any("within each connected component" in note for note in first.notes)
    hegang = first.components[0]
    assert max(first.node_stats[n]["eigenvector"] for n in hegang) > 0
    brokers = {b["label"] for b in first.brokers}
    assert "哈尔滨海关" in brokers  # works with 绥芬河片区 and 绥化市, whose agencies are otherwise apart
    sampled = analyse_network(graph, exact_betweenness_max=10, betweenness_sample=8)
    assert sampled.betweenness_k == 8 and any("sampled" in note for note in sampled.notes)


def test_cli_exports_and_reports(built_store: OxigraphStore, tmp_path) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    store = ["--store", str(built_store.path)]
    out = tmp_path / "a.graphml"
    result = runner.invoke(network, ["agencies", "--format", "graphml", "--out", str(out), *store])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(out).number_of_nodes() > 40
    result = runner.invoke(network, ["stats", "agencies", "--format", "json", *store])
    assert result.exit_code == 0 and '"绥芬河片区"' in result.output
    result = runner.invoke(network, ["stats", "diffusion", *store])
    assert result.exit_code == 0 and "providers" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["friends"], "No such command 'friends'"),
        (["agencies", "--format", "dot"], "'dot' is not one of"),
        (["agencies", "--by-province"], "--by-province applies to the diffusion network only"),
    ],
)
def test_cli_rejects_unknown_kind_and_format(built_store: OxigraphStore, args: list[str], message: str) -> None:
    result = CliRunner().invoke(network, [*args, "--store", str(built_store.path)])
    assert result.exit_code == 2
    assert message in result.output


def test_cli_empty_filter_is_a_message_not_a_crash(built_store: OxigraphStore) -> None:
    result = CliRunner().invoke(
        network, ["agencies", "--format", "json", "--provider", "不存在的单位", "--store", str(built_store.path)]
    )
    assert result.exit_code == 0
    assert "the agencies network is empty" in result.output


def test_cli_choices_match_the_domain() -> None:
    from ftzgraph.api.cli import network as network_cli
    from ftzgraph.graph.network.derive import KINDS
    from ftzgraph.graph.network.export import FORMATS

    assert network_cli.KINDS == KINDS
    assert network_cli.FORMATS == FORMATS
