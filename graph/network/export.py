"""Networks out to the tools people open them in: GraphML, GEXF (Gephi), Cytoscape.js JSON, CSV, pictures.

GraphML and GEXF carry only scalar attributes, so lists become strings joined with ``"; "`` and empty
values are left out (:func:`flatten`); Chinese labels are written as UTF-8 as they are. JSON keeps lists.

CSV comes as one zip archive (one file to hand around, safe on stdout) holding ``nodes.csv`` (``id``, ``label``,
then the attributes) and ``edges.csv`` (``source``, ``target``, ``key`` for multigraphs, ``weight``, then the
attributes), UTF-8 without BOM, the column names Gephi's spreadsheet import recognises. A diffusion network's
archive adds ``diffusion.csv``: one row per (adopter, reform, source zone, batch, date), the table diffusion
models start from; :func:`diffusion_csv` gives that table alone.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

import networkx as nx
from lxml import etree

FORMATS = ("graphml", "gexf", "json", "csv", "png", "svg")
MEDIA_TYPES = {
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "json": "application/json",
    "csv": "application/zip",
    "png": "image/png",
    "svg": "image/svg+xml",
}
LIST_SEPARATOR = "; "
DIFFUSION_FIELDS = (
    "adopter",
    "adopter_iri",
    "adopter_province",
    "reform",
    "origin_reform",
    "source_zone",
    "source_zone_iri",
    "source_parent_zone",
    "batch",
    "batch_year",
    "year",
    "date",
    "case",
    "basis",
    "relation",
    "confidence",
)


def _scalar(value: Any) -> Any:
    if isinstance(value, list | tuple | set | frozenset):
        return LIST_SEPARATOR.join(str(v) for v in (sorted(value, key=str) if isinstance(value, set) else value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _flat_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: _scalar(v) for k, v in attrs.items() if v is not None and v != [] and v != ""}


def flatten(graph: nx.Graph) -> nx.Graph:
    """A copy with scalar attributes only (lists joined with ``"; "``, dicts as JSON, empty values dropped)."""
    flat = graph.__class__()
    flat.graph.update(_flat_attrs(graph.graph))
    flat.add_nodes_from((n, _flat_attrs(d)) for n, d in graph.nodes(data=True))
    if graph.is_multigraph():
        flat.add_edges_from((u, v, k, _flat_attrs(d)) for u, v, k, d in graph.edges(keys=True, data=True))
    else:
        flat.add_edges_from((u, v, _flat_attrs(d)) for u, v, d in graph.edges(data=True))
    return flat


def to_graphml(graph: nx.Graph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(flatten(graph), buffer, encoding="utf-8", prettyprint=True, infer_numeric_types=True)
    return buffer.getvalue()


def to_gexf(graph: nx.Graph) -> bytes:
    """GEXF 1.2 (``http://www.gexf.net/1.2draft``, what Gephi reads); node ``label`` becomes the GEXF label."""
    buffer = io.BytesIO()
    nx.write_gexf(flatten(graph), buffer, encoding="utf-8", prettyprint=True, version="1.2draft")
    # networkx writes <graph name="">, an attribute the GEXF 1.2 schema does not allow: drop it.
    root = etree.fromstring(buffer.getvalue())
    for element in root.iter("{*}graph"):
        element.attrib.pop("name", None)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))


def to_cytoscape(graph: nx.Graph) -> dict[str, Any]:
    """Cytoscape.js elements JSON: ``{"data", "directed", "multigraph", "elements": {"nodes", "edges"}}``."""

    def clean(attrs: dict[str, Any]) -> dict[str, Any]:
        return {k: sorted(v) if isinstance(v, set) else v for k, v in attrs.items() if v is not None}

    nodes = [{"data": {"id": str(n), "label": str(d.get("label", n)), **clean(d)}} for n, d in graph.nodes(data=True)]
    if graph.is_multigraph():
        triples = ((u, v, f"{u}|{v}|{k}", d) for u, v, k, d in graph.edges(keys=True, data=True))
    else:
        triples = ((u, v, f"{u}|{v}", d) for u, v, d in graph.edges(data=True))
    edges = [{"data": {"id": i, "source": str(u), "target": str(v), **clean(d)}} for u, v, i, d in triples]
    return {
        "data": clean(dict(graph.graph)),
        "directed": graph.is_directed(),
        "multigraph": graph.is_multigraph(),
        "elements": {"nodes": nodes, "edges": edges},
    }


def to_json(graph: nx.Graph) -> bytes:
    return json.dumps(to_cytoscape(graph), ensure_ascii=False, indent=1).encode("utf-8")


def _csv(rows: list[dict[str, Any]], first: list[str]) -> str:
    columns = first + sorted({k for row in rows for k in row} - set(first))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: _scalar(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()


def nodes_csv(graph: nx.Graph) -> str:
    rows = [{"id": n, **d, "label": d.get("label", n)} for n, d in graph.nodes(data=True)]
    return _csv(rows, ["id", "label"])


def edges_csv(graph: nx.Graph) -> str:
    if graph.is_multigraph():
        rows = [{"source": u, "target": v, "key": k, **d} for u, v, k, d in graph.edges(keys=True, data=True)]
        return _csv(rows, ["source", "target", "key", "weight"])
    rows = [{"source": u, "target": v, **d} for u, v, d in graph.edges(data=True)]
    return _csv(rows, ["source", "target", "weight"])


def diffusion_rows(graph: nx.Graph) -> list[dict[str, Any]]:
    """One row per diffusion edge: adopter, reform, source zone, batch, date (and the ids behind them)."""
    rows = []
    for source, target, data in graph.edges(data=True):
        s, t = graph.nodes[source], graph.nodes[target]
        rows.append(
            {
                "adopter": t.get("name") or t.get("label", target),
                "adopter_iri": target,
                "adopter_province": t.get("province", ""),
                "reform": data.get("reform", ""),
                "origin_reform": data.get("origin_reform", ""),
                "source_zone": s.get("label", source),
                "source_zone_iri": source,
                "source_parent_zone": s.get("zone_label", ""),
                "batch": data.get("batch", ""),
                "batch_year": data.get("batch_year") or "",
                "year": data.get("year") or "",
                "date": data.get("date", ""),
                "case": data.get("case", ""),
                "basis": data.get("basis", ""),
                "relation": data.get("relation", ""),
                "confidence": data.get("confidence", ""),
            }
        )
    return sorted(rows, key=lambda r: (str(r["case"]), r["source_zone_iri"]))


def diffusion_csv(graph: nx.Graph) -> str:
    return _csv(diffusion_rows(graph), list(DIFFUSION_FIELDS))


def to_csv_zip(graph: nx.Graph) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("nodes.csv", nodes_csv(graph))
        archive.writestr("edges.csv", edges_csv(graph))
        if graph.graph.get("kind") == "diffusion":
            archive.writestr("diffusion.csv", diffusion_csv(graph))
    return buffer.getvalue()


def export_network(graph: nx.Graph, fmt: str) -> bytes:
    """``graph`` in format ``fmt`` (one of :data:`FORMATS`) as bytes; png and svg are drawings."""
    if fmt in ("png", "svg"):
        from ftzgraph.graph.network.draw import draw_network

        return draw_network(graph, fmt).data
    writers = {"graphml": to_graphml, "gexf": to_gexf, "json": to_json, "csv": to_csv_zip}
    if fmt not in writers:
        raise ValueError(f"unknown network format '{fmt}'. Known formats: {', '.join(FORMATS)}")
    return writers[fmt](graph)
