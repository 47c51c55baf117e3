"""Network marks: one colour-blind-safe palette times shapes for the page and the pictures, told apart by
readers with and without a colour-vision deficiency, and legends in Chinese and English."""

from __future__ import annotations

import itertools
import json
import re

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from ftzgraph.api.app import create_app
from ftzgraph.api.settings import Settings
from ftzgraph.graph.network.derive import derive_network
from ftzgraph.graph.network.draw import draw_network
from ftzgraph.graph.network.styles import _spec, marks_for, sector_order, sector_styles
from ftzgraph.graph.store.oxigraph import OxigraphStore

# Machado, Oliveira and Fernandes (2009), full severity, applied to linear RGB.
SIMULATIONS = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.01182, 0.04294, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.3039)),
}


def _lab(hex_colour: str, simulation: str) -> tuple[float, float, float]:
    """CIELAB (D65) of a colour as a reader with ``simulation`` sees it; written here, not taken from the code."""
    srgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in srgb]
    seen = [min(max(sum(m * c for m, c in zip(row, linear, strict=True)), 0.0), 1.0) for row in SIMULATIONS[simulation]]
    r, g, b = seen
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def _distance(a: str, b: str, simulation: str) -> float:
    return float(sum((x - y) ** 2 for x, y in zip(_lab(a, simulation), _lab(b, simulation), strict=True)) ** 0.5)


@pytest.mark.parametrize("simulation", SIMULATIONS)
def test_every_two_palette_colours_differ_visibly_with_each_colour_vision(simulation: str) -> None:
    colours = [c["hex"] for c in _spec()["colours"]] + [_spec()["other"]["hex"]]
    closest = min(_distance(a, b, simulation) for a, b in itertools.combinations(colours, 2))
    # The old 22-colour palette had a pair at 7.5 for normal vision and 0.9 with deuteranopia (red and green);
    # 10 (CIE76) is well past "just noticeable".
    assert closest >= 10, f"two colours look alike with {simulation}: ΔE {closest:.1f}"


def test_every_sector_has_its_own_mark_fixed_by_the_order_of_sectors() -> None:
    styles = sector_styles()
    assert list(styles)[:-1] == sector_order() and list(styles)[-1] == "other"
    marks = [(s["colour"], s["shape"]) for s in styles.values()]
    assert len(set(marks)) == len(marks)  # 8 colours x 3 shapes for the sectors, grey for "other"
    # A sector keeps its mark in a network with only some sectors: the same as on the page.
    third, tenth = sector_order()[2], sector_order()[9]
    graph = nx.Graph()
    graph.add_node("a", kind="agency", sector=tenth, sector_label="十", sector_label_en="ten")
    graph.add_node("b", kind="agency", sector=third, sector_label="三", sector_label_en="three")
    found = marks_for(graph)
    assert list(found) == [f"sector:{third}", f"sector:{tenth}"]  # legend in the order of sectors
    for sector in (third, tenth):
        assert (found[f"sector:{sector}"].colour, found[f"sector:{sector}"].shape) == tuple(
            sector_styles()[sector].values()
        )


def test_the_pictures_legend_names_each_sector_in_chinese_and_english(built_store: OxigraphStore) -> None:
    drawing = draw_network(derive_network(built_store, "agencies"), "svg")
    assert len(drawing.legend) >= 5
    for name in drawing.legend:
        assert re.search(r"[\u4e00-\u9fff]", name) and re.search(r"[A-Za-z]{3}", name), name
    kinds = draw_network(derive_network(built_store, "bipartite"), "svg").legend
    assert "案例 case" in kinds  # node kinds too, beside the sectors


def test_the_network_page_draws_with_the_same_marks(built_store: OxigraphStore) -> None:
    with TestClient(create_app(built_store, Settings())) as client:
        page = client.get("/network").text
    served = json.loads(re.search(r"data-colours='([^']*)'", page).group(1))  # type: ignore[union-attr]
    assert served == sector_styles()
