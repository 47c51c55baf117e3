"""``ftzgraph network``: export the agency, diffusion, hierarchy and bipartite networks, and their statistics.

A thin layer over ``graph/network/derive.py`` (derive), ``graph/network/analysis.py`` (measure) and
``graph/network/export.py`` / ``graph/network/draw.py`` (write). Wired into the main CLI with
``cli.add_command(network)`` in api/cli/main.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from ftzgraph.api.cli._options import console, open_store, out, store_option
from ftzgraph.graph.errors import FtzGraphError

# Spelled out here so `ftzgraph --help` does not import networkx; tests/test_network.py checks they match
# graph.network.KINDS and graph.network_export.FORMATS.
KINDS = ("agencies", "diffusion", "hierarchy", "bipartite")
FORMATS = ("graphml", "gexf", "json", "csv", "png", "svg")

provider_option = click.option("--provider", help="Only cases provided by this provider (label, IRI or IRI slug).")
zone_option = click.option("--zone", help="Only cases provided by or originating in this zone or its areas.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def network() -> None:
    """Agency co-participation, diffusion (who learned from whom), agency hierarchy and case-agency networks.

    \b
      ftzgraph network agencies --format gexf --out agencies.gexf    # open in Gephi
      ftzgraph network diffusion --format csv --out diffusion.zip    # nodes, edges, diffusion rows
      ftzgraph network agencies --format png --provider 鹤岗市 --out hegang.png
      ftzgraph network stats agencies                                # centralities, communities, brokers

    CSV output is a zip archive (nodes.csv, edges.csv; diffusion adds diffusion.csv).
    """


def _derive(store: Any, kind: str, provider: str | None, zone: str | None) -> Any:
    return _derive_all(store, (kind,), provider, zone)[kind]


def _derive_all(store: Any, kinds: tuple[str, ...], provider: str | None, zone: str | None) -> dict[str, Any]:
    """Several networks, the store asked each question once; each network's message (e.g. empty) printed."""
    from ftzgraph.graph.network.derive import NetworkFilter, derive_networks

    try:
        graphs = derive_networks(store, kinds, NetworkFilter(provider=provider, zone=zone))
    except FtzGraphError as error:
        raise click.ClickException(str(error)) from error
    for graph in graphs.values():
        if graph.graph.get("message"):
            console.print(f"[yellow]{graph.graph['message']}[/yellow]")
    return graphs


def _export_command(kind: str) -> click.Command:
    @click.command(name=kind)
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="graphml", show_default=True)
    @provider_option
    @zone_option
    @click.option("--out", "out_file", type=click.Path(path_type=Path), help="Write to a file instead of stdout.")
    @store_option
    @click.option("--by-province", is_flag=True, hidden=kind != "diffusion", help="Collapse to zone -> province.")
    @click.option(
        "--project",
        type=click.Choice(["agency", "case"]),
        hidden=kind != "bipartite",
        help="Export one side's projection instead of the bipartite network.",
    )
    def command(
        fmt: str,
        provider: str | None,
        zone: str | None,
        out_file: Path | None,
        store_path: str,
        by_province: bool,
        project: str | None,
    ) -> None:
        from ftzgraph.graph.network.analysis import analyse_network, annotate
        from ftzgraph.graph.network.derive import collapse_to_provinces, project_bipartite
        from ftzgraph.graph.network.export import export_network

        if by_province and kind != "diffusion":
            raise click.UsageError("--by-province applies to the diffusion network only")
        if project and kind != "bipartite":
            raise click.UsageError("--project applies to the bipartite network only")
        graph = _derive(open_store(store_path), kind, provider, zone)
        if by_province:
            graph = collapse_to_provinces(graph)
        if project:
            graph = project_bipartite(graph, project)
        annotate(graph, analyse_network(graph))
        try:
            data = export_network(graph, fmt)
        except FtzGraphError as error:
            raise click.ClickException(str(error)) from error
        if out_file:
            out_file.write_bytes(data)
            console.print(f"wrote {out_file}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()

    command.help = f"Export the {kind} network (GraphML, GEXF, Cytoscape.js JSON, CSV zip, PNG or SVG)."
    return command


for _kind in KINDS:
    network.add_command(_export_command(_kind))


def _fmt(value: float | str) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


@network.command()
@click.argument("kind", type=click.Choice(KINDS), default="agencies")
@provider_option
@zone_option
@store_option
@click.option("--top", default=15, show_default=True, help="How many nodes to list per measure.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(kind: str, provider: str | None, zone: str | None, store_path: str, top: int, fmt: str) -> None:
    """Centralities, components, Louvain communities, brokers and (for any kind) a per-provider summary."""
    from ftzgraph.graph.network.analysis import analyse_network, provider_summaries

    store = open_store(store_path)
    graphs = _derive_all(store, (kind, "bipartite", "diffusion"), provider, zone)
    graph = graphs[kind]
    analysis = analyse_network(graph)
    providers = provider_summaries(graphs["bipartite"], graphs["diffusion"])
    ranked = analysis.top("weighted_degree", top)
    if fmt == "json":
        data = {
            "kind": kind,
            "nodes": analysis.nodes,
            "edges": analysis.edges,
            "density": analysis.density,
            "components": len(analysis.components),
            "largest_component": len(analysis.components[0]) if analysis.components else 0,
            "communities": [[graph.nodes[n].get("label", n) for n in c] for c in analysis.communities],
            "modularity": analysis.modularity,
            "notes": analysis.notes,
            "top": [{"node": n, **analysis.node_stats[n]} for n, _ in ranked],
            "brokers": analysis.brokers,
            "providers": providers,
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    summary = Table("measure", "value", title=f"{kind} network", title_justify="left")
    largest = len(analysis.components[0]) if analysis.components else 0
    for name, value in (
        ("nodes", analysis.nodes),
        ("edges", analysis.edges),
        ("density", analysis.density),
        ("components", f"{len(analysis.components)} (largest {largest})"),
        ("communities (Louvain)", len(analysis.communities)),
        ("modularity", "" if analysis.modularity is None else analysis.modularity),
    ):
        summary.add_row(name, _fmt(value))
    out.print(summary)
    for note in analysis.notes:
        console.print(f"note: {note}")
    nodes = Table("node", "group", "weighted degree", "betweenness", "eigenvector", "community", title="top nodes")
    for node, _ in ranked:
        s, attrs = analysis.node_stats[node], graph.nodes[node]
        group = attrs.get("sector_label") or attrs.get("kind", "")
        nodes.add_row(
            s["label"],
            group,
            _fmt(s["weighted_degree"]),
            _fmt(s["betweenness"]),
            _fmt(s["eigenvector"]),
            str(s["community"]),
        )
    out.print(nodes)
    brokers = Table("broker", "sector", "betweenness", "groups", "providers", "sectors bridged", title="brokers")
    for b in analysis.brokers[:top]:
        brokers.add_row(
            b["label"],
            b["sector"],
            _fmt(b["betweenness"]),
            str(b["groups"]),
            "、".join(b["providers"]),
            "、".join(b["sectors"]),
        )
    out.print(brokers)
    table = Table("provider", "province", "cases", "agencies", "sectors", "origin zones", "origin batches")
    table.title = "providers"
    for p in providers:
        table.add_row(
            p["provider"],
            p["province"],
            str(p["cases"]),
            str(len(p["agencies"])),
            "、".join(f"{k}×{v}" for k, v in p["sectors"].items()),
            "、".join(f"{k}×{v}" for k, v in p["origin_zones"].items()),
            "、".join(f"{k}×{v}" for k, v in p["origin_batches"].items()),
        )
    out.print(table)
