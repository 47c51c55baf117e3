"""Network pictures: PNG and SVG render headless, with a CJK font that has a glyph for every label."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from fontTools.ttLib import TTCollection, TTFont
from lxml import etree

from ftzgraph.graph.network.derive import KINDS, NetworkFilter, derive_network
from ftzgraph.graph.network.draw import FontMissingError, draw_network, find_cjk_font, font_families
from ftzgraph.graph.network.draw import _layout as layout_components
from ftzgraph.graph.store.oxigraph import OxigraphStore

pytestmark = pytest.mark.slow


def _cmap(path: str, index: int) -> set[int]:
    font = TTCollection(path).fonts[index] if path.lower().endswith(".ttc") else TTFont(path)
    return set(font.getBestCmap())


@pytest.mark.parametrize("kind", KINDS)
def test_png_font_covers_every_label(built_store: OxigraphStore, kind: str) -> None:
    graph = derive_network(built_store, kind)
    drawing = draw_network(graph, "png")
    assert drawing.data.startswith(b"\x89PNG\r\n\x1a\n")
    assert drawing.labels and drawing.missing == set()
    cmap = _cmap(drawing.font.path, drawing.font.index)  # checked with fontTools, not with the code under test
    characters = {c for label in drawing.labels for c in label if not c.isspace()}
    assert any("\u4e00" <= c <= "\u9fff" for c in characters)
    assert {c for c in characters if ord(c) not in cmap} == set()


def test_svg_is_well_formed_and_has_text_as_paths(built_store: OxigraphStore) -> None:
    drawing = draw_network(derive_network(built_store, "diffusion"), "svg")
    root = etree.parse(io.BytesIO(drawing.data)).getroot()
    assert root.tag.endswith("svg")
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path")) > 20


def test_empty_network_draws_its_message(built_store: OxigraphStore) -> None:
    graph = derive_network(built_store, "agencies", NetworkFilter(provider="不存在的单位"))
    drawing = draw_network(graph, "png")
    assert drawing.data.startswith(b"\x89PNG") and drawing.missing == set()


def test_font_list_comes_from_data_and_names_cjk_families() -> None:
    families = font_families()
    assert "Noto Sans CJK SC" in families and "WenQuanYi Micro Hei" in families


def test_missing_font_is_a_clear_error() -> None:
    with pytest.raises(FontMissingError, match=r"no CJK font found.*No Such Family.*apt-get install fonts-noto-cjk"):
        find_cjk_font("绥芬河", families=["No Such Family"])


def test_unknown_picture_format(built_store: OxigraphStore) -> None:
    with pytest.raises(ValueError, match="unknown picture format 'gif'"):
        draw_network(derive_network(built_store, "hierarchy"), "gif")


def test_components_are_laid_out_apart_not_crushed_together() -> None:
    """Two cliques and a lone node: each component keeps a box of its own, and no two boxes overlap."""
    graph = nx.Graph()
    graph.add_edges_from(nx.complete_graph(["a1", "a2", "a3", "a4", "a5"]).edges())
    graph.add_edges_from(nx.complete_graph(["b1", "b2", "b3"]).edges())
    graph.add_node("c")
    pos = layout_components(graph, 42)

    def box(nodes: list[str]) -> tuple[float, float, float, float]:
        xs, ys = [pos[n][0] for n in nodes], [pos[n][1] for n in nodes]
        return min(xs), min(ys), max(xs), max(ys)

    boxes = [box(["a1", "a2", "a3", "a4", "a5"]), box(["b1", "b2", "b3"]), box(["c"])]
    for i, first in enumerate(boxes):
        for second in boxes[i + 1 :]:
            assert first[2] < second[0] or second[2] < first[0] or first[3] < second[1] or second[3] < first[1]
    a = boxes[0]
    assert min(a[2] - a[0], a[3] - a[1]) > 1.0  # the larger clique is spread out, not a point
