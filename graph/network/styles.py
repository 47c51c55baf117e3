"""How network nodes are marked (colour and shape) and named in legends, for the page and the pictures alike.

One definition, ``data/agencies/network_styles.yaml``: the network page gets ``sector_styles()`` as JSON
(``api/pages.py``, read by ``api/static/network.js``) and the PNG/SVG pictures use ``marks_for`` (from
``graph/network/draw.py``), so a sector looks the same in both. Sectors get a colour-blind-safe colour times a
shape in the order of ``data/agencies/sectors.ttl``, so a sector keeps its mark when a filter hides others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import networkx as nx

from ftzgraph.graph.data_files import load_yaml, read_data_text

STYLES_FILE = "agencies/network_styles.yaml"
SECTORS_FILE = "agencies/sectors.ttl"


@dataclass(frozen=True)
class Mark:
    """A node's colour and shape (its Cytoscape.js name and matplotlib marker), and its legend name."""

    colour: str
    shape: str
    marker: str
    label: str


@cache
def _spec() -> dict[str, Any]:
    spec: dict[str, Any] = load_yaml(*STYLES_FILE.split("/"))
    return spec


@cache
def sector_order() -> list[str]:
    """Sector ids in the order of ``sectors.ttl`` (without "other", which has its own mark)."""
    text = read_data_text(*SECTORS_FILE.split("/"))
    return [i for i in dict.fromkeys(re.findall(r"/sector/([a-z0-9-]+)> a skos:Concept", text)) if i != "other"]


def _sector_mark(n: int) -> tuple[str, dict[str, str]]:
    colours, shapes = _spec()["colours"], _spec()["shapes"]
    return colours[n % len(colours)]["hex"], shapes[(n // len(colours)) % len(shapes)]


@cache
def sector_styles() -> dict[str, dict[str, str]]:
    """Colour and Cytoscape.js shape per sector id, "other" included: what the network page draws with."""
    styles = {}
    for n, sector in enumerate(sector_order()):
        colour, shape = _sector_mark(n)
        styles[sector] = {"colour": colour, "shape": shape["cytoscape"]}
    other = _spec()["other"]
    return {**styles, "other": {"colour": other["hex"], "shape": other["cytoscape"]}}


def bilingual(zh: str, en: str) -> str:
    """A legend name: "海关 Customs"; one of them alone when the other is missing or the same."""
    return " ".join(dict.fromkeys(part for part in (zh.strip(), en.strip()) if part))


def kind_label(kind: str) -> str:
    """A node kind's legend name in Chinese and English ("案例 case"); the kind itself when not listed."""
    names = _spec()["kinds"].get(kind)
    return bilingual(names["zh"], names["en"]) if names else kind


def group_of(attrs: dict[str, Any]) -> str:
    """The legend group of a node: ``sector:<id>`` for an agency with a sector, else ``kind:<kind>``."""
    if attrs.get("sector"):
        return f"sector:{attrs['sector']}"
    return f"kind:{attrs.get('kind') or 'other'}"


def marks_for(graph: nx.Graph) -> dict[str, Mark]:
    """The mark of every legend group in ``graph`` (``group_of``), in legend order: sectors in the order of
    ``sectors.ttl``, then node kinds. Without sectors, kinds take the palette's colours in the order of the
    styles file; beside sectors (cases and agencies together) they are grey, told apart by shape, so no kind
    wears a sector's colour."""
    groups: dict[str, dict[str, Any]] = {}
    for _, attrs in graph.nodes(data=True):
        groups.setdefault(group_of(attrs), attrs)
    order = {sector: n for n, sector in enumerate(sector_order())}
    kinds = list(_spec()["kinds"])
    sectors = sorted((g for g in groups if g.startswith("sector:")), key=lambda g: (order.get(g[7:], len(order)), g))
    others = sorted(
        (g for g in groups if g.startswith("kind:")), key=lambda g: (kinds.index(g[5:]) if g[5:] in kinds else 99, g)
    )
    marks: dict[str, Mark] = {}
    other = _spec()["other"]
    for group in sectors:
        attrs, sector = groups[group], group[7:]
        label = bilingual(str(attrs.get("sector_label", "")), str(attrs.get("sector_label_en", ""))) or sector
        if sector in order:
            colour, shape = _sector_mark(order[sector])
            marks[group] = Mark(colour, shape["cytoscape"], shape["marker"], label)
        else:
            marks[group] = Mark(other["hex"], other["cytoscape"], other["marker"], label)
    colours, shapes = _spec()["colours"], _spec()["shapes"]
    for n, group in enumerate(others):
        label = kind_label(group[5:])
        if sectors:
            shape = shapes[(n + 1) % len(shapes)]
            marks[group] = Mark(other["hex"], shape["cytoscape"], shape["marker"], label)
        else:
            shape = shapes[(n // len(colours)) % len(shapes)]
            marks[group] = Mark(colours[n % len(colours)]["hex"], shape["cytoscape"], shape["marker"], label)
    return marks
