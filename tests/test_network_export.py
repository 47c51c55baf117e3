"""Network exports re-read with networkx give the same graph; GEXF validates; Chinese labels survive."""

from __future__ import annotations

import csv
import io
import json
import warnings
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from lxml import etree

from ftzgraph.graph.network.analysis import analyse_network, annotate
from ftzgraph.graph.network.derive import KINDS, derive_network
from ftzgraph.graph.network.export import (
    DIFFUSION_FIELDS,
    export_network,
    flatten,
    to_gexf,
    to_graphml,
)
from ftzgraph.graph.store.oxigraph import OxigraphStore

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow
GEXF_XSD = Path(__file__).parent / "data" / "gexf-1.2" / "gexf.xsd"


@pytest.fixture(scope="module")
def networks(built_store: OxigraphStore) -> dict[str, nx.Graph]:
    graphs = {kind: derive_network(built_store, kind) for kind in KINDS}
    for graph in graphs.values():
        annotate(graph, analyse_network(graph))
    return graphs


def _norm(attrs: dict[str, Any], drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """Numbers compared as floats (GEXF weights are floats), everything else as written."""
    return {
        k: float(v) if isinstance(v, int | float) and not isinstance(v, bool) else v
        for k, v in attrs.items()
        if k not in drop
    }


def _edges(graph: nx.Graph) -> dict[Any, dict[str, Any]]:
    if graph.is_multigraph():
        return {(u, v, k): d for u, v, k, d in graph.edges(keys=True, data=True)}
    if graph.is_directed():
        return {(u, v): d for u, v, d in graph.edges(data=True)}
    return {frozenset((u, v)): d for u, v, d in graph.edges(data=True)}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_round_trip_keeps_nodes_edges_and_attributes(networks: dict[str, nx.Graph], kind: str, fmt: str) -> None:
    graph = networks[kind]
    expected = flatten(graph)
    data = to_graphml(graph) if fmt == "graphml" else to_gexf(graph)
    back = nx.read_graphml(io.BytesIO(data)) if fmt == "graphml" else nx.read_gexf(io.BytesIO(data))
    assert set(back.nodes) == set(expected.nodes)
    assert back.is_directed() == expected.is_directed()
    assert _edges(back).keys() == _edges(expected).keys()
    for node, attrs in expected.nodes(data=True):
        assert _norm(back.nodes[node]) == _norm(attrs), node
    drop = ("id",) if fmt == "gexf" else ()  # read_gexf adds the GEXF edge id
    for key, attrs in _edges(expected).items():
        assert _norm(_edges(back)[key], drop) == _norm(attrs), key


def test_lists_become_strings_and_chinese_labels_stay(networks: dict[str, nx.Graph]) -> None:
    graph = networks["agencies"]
    data = to_gexf(graph)
    assert "绥芬河海关".encode() in data and "哈尔滨海关".encode() in data
    back = nx.read_gexf(io.BytesIO(data))
    customs = next(n for n, d in back.nodes(data=True) if d["label"] == "绥芬河海关")
    assert back.nodes[customs]["providers"] == "绥芬河片区"
    harbin = next(n for n, d in back.nodes(data=True) if d["label"] == "哈尔滨海关")
    assert back.nodes[harbin]["providers"] == "绥化市; 绥芬河片区"  # a list, joined
    assert all(isinstance(d["cases"], str) for *_, d in back.edges(data=True))


@pytest.mark.parametrize("kind", KINDS)
def test_gexf_validates_against_the_gexf_1_2_schema(networks: dict[str, nx.Graph], kind: str) -> None:
    schema = etree.XMLSchema(etree.parse(str(GEXF_XSD)))
    # networkx writes the 1.2draft namespace; the published 1.2 schema has the same structure under 1.2.
    data = to_gexf(networks[kind]).replace(b"http://www.gexf.net/1.2draft", b"http://www.gexf.net/1.2")
    document = etree.parse(io.BytesIO(data))
    assert schema.validate(document), schema.error_log


def test_schema_check_can_fail() -> None:
    schema = etree.XMLSchema(etree.parse(str(GEXF_XSD)))
    bad = b'<gexf xmlns="http://www.gexf.net/1.2" version="1.2"><graph><nodes><node label="x"/></nodes></graph></gexf>'
    assert not schema.validate(etree.parse(io.BytesIO(bad)))  # node without id


def test_cytoscape_json(networks: dict[str, nx.Graph]) -> None:
    data = json.loads(export_network(networks["diffusion"], "json"))
    assert data["directed"] and data["multigraph"]
    labels = {n["data"]["label"] for n in data["elements"]["nodes"]}
    assert "上海自贸试验区" in labels
    ids = {n["data"]["id"] for n in data["elements"]["nodes"]}
    edges = data["elements"]["edges"]
    assert len(edges) == networks["diffusion"].number_of_edges()
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    assert len({e["data"]["id"] for e in edges}) == len(edges)


def test_csv_zip_and_diffusion_rows(networks: dict[str, nx.Graph]) -> None:
    archive = zipfile.ZipFile(io.BytesIO(export_network(networks["diffusion"], "csv")))
    assert sorted(archive.namelist()) == ["diffusion.csv", "edges.csv", "nodes.csv"]
    nodes = list(csv.DictReader(io.StringIO(archive.read("nodes.csv").decode("utf-8"))))
    edges = list(csv.DictReader(io.StringIO(archive.read("edges.csv").decode("utf-8"))))
    rows = list(csv.DictReader(io.StringIO(archive.read("diffusion.csv").decode("utf-8"))))
    assert len(nodes) == networks["diffusion"].number_of_nodes()
    assert len(edges) == len(rows) == networks["diffusion"].number_of_edges()
    assert tuple(rows[0]) == DIFFUSION_FIELDS
    assert {"绥芬河片区", "上海自贸试验区"} <= {r["adopter"] for r in rows} | {r["source_zone"] for r in rows}
    assert all(r["date"] and r["reform"] for r in rows)
    agencies = zipfile.ZipFile(io.BytesIO(export_network(networks["agencies"], "csv")))
    assert sorted(agencies.namelist()) == ["edges.csv", "nodes.csv"]


def test_unknown_format_is_an_error(networks: dict[str, nx.Graph]) -> None:
    with pytest.raises(ValueError, match="unknown network format 'dot'"):
        export_network(networks["agencies"], "dot")


AGENCY_QUERY = """PREFIX ftz: <https://w3id.org/ftzgraph/ontology#>
SELECT ?agency (COUNT(DISTINCT ?case) AS ?cases) WHERE { ?case a ftz:Case ; ftz:agency ?agency } GROUP BY ?agency"""
PAIR_QUERY = """PREFIX ftz: <https://w3id.org/ftzgraph/ontology#>
SELECT ?a ?b (COUNT(DISTINCT ?case) AS ?shared) WHERE {
  ?case a ftz:Case ; ftz:agency ?a , ?b . FILTER(STR(?a) < STR(?b)) } GROUP BY ?a ?b"""
Parsed = tuple[dict[str, int], dict[frozenset[str], int]]


def _parse(fmt: str, data: bytes) -> Parsed:
    """Nodes (id -> cases) and undirected edges (pair -> weight) read back from an export in ``fmt``."""
    if fmt in ("graphml", "gexf"):
        graph = nx.read_graphml(io.BytesIO(data)) if fmt == "graphml" else nx.read_gexf(io.BytesIO(data))
        nodes = {str(n): int(d["cases"]) for n, d in graph.nodes(data=True)}
        return nodes, {frozenset((str(u), str(v))): int(float(d["weight"])) for u, v, d in graph.edges(data=True)}
    if fmt == "json":
        elements = json.loads(data)["elements"]
        nodes = {n["data"]["id"]: int(n["data"]["cases"]) for n in elements["nodes"]}
        pairs = {
            frozenset((e["data"]["source"], e["data"]["target"])): int(e["data"]["weight"]) for e in elements["edges"]
        }
        return nodes, pairs
    archive = zipfile.ZipFile(io.BytesIO(data))
    node_rows = csv.DictReader(io.StringIO(archive.read("nodes.csv").decode("utf-8")))
    edge_rows = csv.DictReader(io.StringIO(archive.read("edges.csv").decode("utf-8")))
    return (
        {row["id"]: int(row["cases"]) for row in node_rows},
        {frozenset((row["source"], row["target"])): int(row["weight"]) for row in edge_rows},
    )


def _shape(fmt: str, data: bytes) -> tuple[set[str], int]:
    """Node ids and the number of edges of an export of any kind, read back from ``fmt``."""
    if fmt in ("graphml", "gexf"):
        graph = nx.read_graphml(io.BytesIO(data)) if fmt == "graphml" else nx.read_gexf(io.BytesIO(data))
        return {str(n) for n in graph.nodes}, graph.number_of_edges()
    if fmt == "json":
        elements = json.loads(data)["elements"]
        return {n["data"]["id"] for n in elements["nodes"]}, len(elements["edges"])
    archive = zipfile.ZipFile(io.BytesIO(data))
    nodes = csv.DictReader(io.StringIO(archive.read("nodes.csv").decode("utf-8")))
    edges = csv.DictReader(io.StringIO(archive.read("edges.csv").decode("utf-8")))
    return {row["id"] for row in nodes}, sum(1 for _ in edges)


@pytest.fixture(scope="module")
def agencies_by_sparql(built_store: OxigraphStore) -> Parsed:
    """The co-participation network as the store's SPARQL answers it, independently of the network code."""
    nodes = {str(row["agency"]): int(row["cases"]) for row in built_store.select(AGENCY_QUERY)}
    pairs = {frozenset((str(row["a"]), str(row["b"]))): int(row["shared"]) for row in built_store.select(PAIR_QUERY)}
    return nodes, pairs


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
def test_agency_export_matches_the_stores_sparql_answer(
    built_store: OxigraphStore, agencies_by_sparql: Parsed, fmt: str
) -> None:
    from ftzgraph.api.app import create_app
    from ftzgraph.api.settings import Settings

    expected_nodes, expected_pairs = agencies_by_sparql
    assert expected_nodes and expected_pairs  # the bundled document has agencies acting together
    with TestClient(create_app(built_store, Settings(store=built_store.path))) as client:
        response = client.get("/network/agencies", params={"format": fmt})
    assert response.status_code == 200, response.text
    nodes, pairs = _parse(fmt, response.content)
    assert nodes == expected_nodes
    assert pairs == expected_pairs


def test_empty_network_exports(built_store: OxigraphStore) -> None:
    from ftzgraph.graph.network.derive import NetworkFilter

    graph = derive_network(built_store, "agencies", NetworkFilter(provider="不存在的单位"))
    for fmt in ("graphml", "gexf", "json", "csv"):
        assert _parse(fmt, export_network(graph, fmt)) == ({}, {}), fmt


@pytest.mark.parametrize(
    ("kind", "fmt", "media"),
    [
        ("agencies", "json", "application/json"),
        ("diffusion", "gexf", "application/gexf+xml"),
        ("hierarchy", "graphml", "application/graphml+xml"),
        ("bipartite", "csv", "application/zip"),
        ("agencies", "png", "image/png"),
    ],
)
def test_network_endpoint_serves_every_kind_and_format(built_store, kind: str, fmt: str, media: str) -> None:  # type: ignore[no-untyped-def]
    from ftzgraph.api.app import create_app
    from ftzgraph.api.settings import Settings

    with TestClient(create_app(built_store, Settings(store=built_store.path))) as client:
        response = client.get(f"/network/{kind}", params={"format": fmt})
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith(media)
        if fmt == "png":
            assert response.content.startswith(b"\x89PNG\r\n\x1a\n")
        else:
            expected = derive_network(built_store, kind)
            assert expected.number_of_nodes() and expected.number_of_edges()
            assert _shape(fmt, response.content) == ({str(n) for n in expected.nodes}, expected.number_of_edges())
        assert client.get("/network/nonsense").json()["status"] == 404
        assert client.get("/network/agencies", params={"format": "doc"}).json()["status"] == 400
        empty = client.get("/network/agencies", params={"provider": "没有这个提供单位"})
        assert empty.status_code == 200 and empty.json()["data"]["message"]
