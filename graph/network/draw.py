"""Network pictures (PNG, SVG) drawn headless with matplotlib, Chinese labels in a CJK font (no tofu boxes).

The font is looked up through matplotlib's font manager by the family names listed in
``data/lexicon/cjk_fonts.yaml``: the first installed family with a glyph for every label character wins.
The package carries one such font (``data/fonts/``, GB 2312 coverage), so pictures work on a machine with no
CJK font installed; when no family covers the labels, fonts installed since matplotlib cached its font list
are looked for once more, so a font the user installs later is found without purging the cache by hand.
No pyplot and no global backend switch: a ``Figure`` on the Agg canvas, so it runs on servers and in threads.
Nodes are marked (colour-blind-safe colour and shape, ``network_styles``, as on the network page) by sector
(agencies) or kind (cases, zones, provinces), with a legend in Chinese and English, sized by weighted degree; the
layout places each connected component on its own (spring, seeded, so the picture is stable; Kamada-Kawai for
small components when SciPy is present) and packs the components in rows.
"""

from __future__ import annotations

import importlib.util
import io
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import networkx as nx
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ft2font import FT2Font
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from ftzgraph.graph.data_files import data_path, load_yaml
from ftzgraph.graph.errors import FtzGraphError
from ftzgraph.graph.network.analysis import to_simple
from ftzgraph.graph.network.styles import group_of, marks_for

FONTS_FILE = "lexicon/cjk_fonts.yaml"


class FontMissingError(FtzGraphError):
    """No CJK font from data/lexicon/cjk_fonts.yaml is installed."""

    def __init__(self, families: list[str]) -> None:
        super().__init__(
            f"no CJK font found for network pictures; tried: {', '.join(families)} "
            f"(data/{FONTS_FILE}). Hint: install one, e.g. `apt-get install fonts-noto-cjk fonts-wqy-microhei`"
        )


@dataclass(frozen=True)
class CjkFont:
    family: str
    path: str
    index: int = 0

    def missing(self, text: str) -> set[str]:
        """Characters of ``text`` this font has no glyph for (whitespace ignored)."""
        face = _face(self.path, self.index)
        return {c for c in set(text) if not c.isspace() and face.get_char_index(ord(c)) == 0}


@cache
def _face(path: str, index: int) -> FT2Font:
    return FT2Font(path, face_index=index)


@dataclass
class Drawing:
    data: bytes
    fmt: str
    font: CjkFont
    labels: list[str] = field(default_factory=list)
    missing: set[str] = field(default_factory=set)
    legend: list[str] = field(default_factory=list)
    """The legend's names, in order ("海关 Customs")."""


def font_families() -> list[str]:
    return list(load_yaml(*FONTS_FILE.split("/"))["families"])


def _add_fonts(paths: list[str]) -> int:
    """Add font files matplotlib's font manager does not list yet; how many were added."""
    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    added = 0
    for path in paths:
        if path not in known and Path(path).suffix.lower() in (".otf", ".ttf", ".ttc"):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # an unreadable file is skipped, as matplotlib does
                continue
            added += 1
    return added


@cache
def add_bundled_fonts() -> int:
    """Make the package's own CJK font (``data/fonts/``) known to matplotlib, once per process."""
    folder = data_path("fonts")
    return _add_fonts(sorted(str(path) for path in folder.iterdir()))


def add_fonts_installed_since_cache(font_paths: list[str] | None = None) -> int:
    """Add the system's font files (or those under ``font_paths``) that matplotlib's cached list lacks.

    matplotlib builds its font list once and caches it on disk; a font installed afterwards stays
    invisible until the cache is deleted. Rescanning the font folders is cheaper than rebuilding the cache.
    """
    return _add_fonts(sorted(set(font_manager.findSystemFonts(fontpaths=font_paths))))


def find_cjk_font(text: str = "", families: list[str] | None = None) -> CjkFont:
    """The first installed family (in ``families`` order) covering ``text``; else the one missing fewest.

    When none covers ``text``, fonts installed since matplotlib's cache was written are added and the
    lookup runs once more.
    """
    families = families if families is not None else font_families()
    add_bundled_fonts()
    font = _first_cjk_font(text, families)
    if (font is None or font.missing(text)) and add_fonts_installed_since_cache():
        font = _first_cjk_font(text, families) or font
    if font is None:
        raise FontMissingError(families)
    return font


def _first_cjk_font(text: str, families: list[str]) -> CjkFont | None:
    installed = []
    for family in families:
        entries = [f for f in font_manager.fontManager.ttflist if f.name == family]
        if entries:
            entry = min(entries, key=lambda f: abs(int(f.weight) - 400) if str(f.weight).isdigit() else 0)
            font = CjkFont(family, entry.fname, int(getattr(entry, "index", 0)))
            if not font.missing(text):
                return font
            installed.append(font)
    return min(installed, key=lambda f: len(f.missing(text))) if installed else None


def _component_layout(graph: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    n = graph.number_of_nodes()
    if n <= 40 and importlib.util.find_spec("scipy") is not None:
        return nx.kamada_kawai_layout(graph)  # type: ignore[no-any-return]
    return nx.spring_layout(  # type: ignore[no-any-return]
        graph, seed=seed, k=2.0 / math.sqrt(max(n, 1)), iterations=100 if n <= 300 else 50, weight="weight"
    )


def _layout(graph: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Each connected component laid out on its own, in a square whose side grows with the square root of its
    size, and the squares packed in rows, largest first: one spring layout of a graph of many components
    crushes each of them to a point, labels on top of each other."""
    undirected = graph.to_undirected() if graph.is_directed() else graph
    components = sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(map(str, c))))
    if len(components) <= 1:
        return _component_layout(graph, seed)
    total = sum(math.sqrt(len(c)) ** 2 for c in components)
    row_width = max(math.sqrt(total) * 1.6, math.sqrt(len(components[0])))
    gap = 0.8
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for component in components:
        side = math.sqrt(len(component))
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y - row_height - gap, 0.0
        sub = undirected.subgraph(component)
        inner = _component_layout(sub, seed) if len(component) > 1 else {next(iter(component)): (0.5, 0.5)}
        xs, ys = [p[0] for p in inner.values()], [p[1] for p in inner.values()]
        span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        for node, (px, py) in inner.items():
            nx_ = (px - min(xs)) / span_x if len(component) > 1 else 0.5
            ny_ = (py - min(ys)) / span_y if len(component) > 1 else 0.5
            pos[node] = (x + nx_ * side, y - ny_ * side)
        x += side + gap
        row_height = max(row_height, side)
    return pos


def draw_network(graph: nx.Graph, fmt: str = "png", *, seed: int = 42, max_labels: int = 80) -> Drawing:
    """Draw ``graph`` as PNG or SVG bytes; labels the ``max_labels`` nodes with the highest weighted degree."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown picture format '{fmt}'. Known: png, svg")
    simple = to_simple(graph)
    weighted = dict(simple.degree(weight="weight"))
    ranked = sorted(simple, key=lambda n: (-weighted[n], str(n)))
    labelled = ranked[:max_labels]
    labels = {n: str(simple.nodes[n].get("label", n)) for n in labelled}
    marks = marks_for(simple)  # the network page's marks and bilingual legend names (``network_styles``)
    legend = "".join(mark.label for mark in marks.values())
    font = find_cjk_font("".join(labels.values()) + legend + str(graph.graph.get("message", "")))
    prop = FontProperties(family=font.family)
    figure = Figure(figsize=(12, 9), dpi=150, layout="tight")
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    ax.set_axis_off()
    if simple.number_of_nodes() == 0:
        ax.text(0.5, 0.5, str(graph.graph.get("message", "empty network")), ha="center", fontproperties=prop)
    else:
        pos = _layout(simple, seed)
        top = max(weighted.values()) or 1.0
        edge_weights = [d["weight"] for _, _, d in simple.edges(data=True)]
        heaviest = max(edge_weights, default=1.0)
        if graph.is_directed():
            for u, v, d in nx.DiGraph(graph).edges(data=True):
                ax.add_patch(
                    FancyArrowPatch(
                        pos[u],
                        pos[v],
                        arrowstyle="-|>",
                        mutation_scale=10,
                        color="#888888",
                        alpha=0.6,
                        linewidth=0.5 + 2.5 * float(d.get("weight", 1)) / heaviest,
                        shrinkA=6,
                        shrinkB=6,
                        zorder=1,
                    )
                )
        else:
            segments = [(pos[u], pos[v]) for u, v in simple.edges()]
            widths = [0.4 + 3.0 * w / heaviest for w in edge_weights]
            ax.add_collection(LineCollection(segments, linewidths=widths, colors="#999999", alpha=0.5, zorder=1))
        nodes = list(simple)
        for group, mark in marks.items():  # one scatter per mark: matplotlib draws one marker shape per call
            members = [n for n in nodes if group_of(simple.nodes[n]) == group]
            ax.scatter(
                [pos[n][0] for n in members],
                [pos[n][1] for n in members],
                s=[40 + 860 * weighted[n] / top for n in members],
                c=mark.colour,
                marker=mark.marker,
                edgecolors="white",
                linewidths=0.6,
                zorder=2,
            )
        size = 9 if len(labelled) <= 40 else 7
        for node, text in labels.items():
            ax.text(*pos[node], text, fontproperties=prop, fontsize=size, ha="center", va="bottom", zorder=3)
        handles = [
            Line2D([], [], marker=m.marker, linestyle="", color=m.colour, markersize=8, label=m.label)
            for m in marks.values()
        ]
        ax.legend(handles=handles, prop=prop, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        ax.autoscale_view()
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, metadata={"Software": None} if fmt == "png" else {"Date": None})
    text = "".join(labels.values()) + legend
    return Drawing(
        buffer.getvalue(), fmt, font, list(labels.values()), font.missing(text), [m.label for m in marks.values()]
    )
