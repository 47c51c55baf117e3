"""The lineage of a case as a terminal tree: case -> reform -> national item and batch -> originating
zone or area -> providing unit -> agencies, each edge with the quote that states it."""

from __future__ import annotations

from rich.markup import escape
from rich.tree import Tree

from ftzgraph.graph.views.lineage_results import Lineage, LineageConflict, LineageOrigin, LineageQuote


def _quote(evidence: LineageQuote | None) -> str:
    if not evidence:
        return ""
    quote = " ".join(str(evidence["quote"]).split())
    if len(quote) > 80:
        quote = quote[:78] + "…"
    where = f"line {evidence.get('line')}, chars {evidence.get('start')}-{evidence.get('end')}"
    return f"\n[dim]« {escape(quote)} » ({where})[/dim]"


def render_lineage(data: Lineage) -> Tree:
    case = data["case"]
    doc = case["document"]
    root = Tree(
        f"[bold]案例 {case['number']} {escape(case['title'])}[/bold]  [dim]{case['id']}[/dim]\n"
        f"[dim]{escape(doc['title'])} {escape(doc.get('number') or '')} ({escape(doc.get('file') or '')})[/dim]"
    )
    reform = root.add(f"reform: {escape(case['title'])}")
    by_claim = {c["claim"]: c for c in data["conflicts"] if c.get("claim")}
    learned = {entry["claim"]: entry for entry in data.get("learned_from", [])}
    if not data["origins"]:
        reform.add("[dim]the text states no origin[/dim]")
    by_source: dict[str, list[LineageOrigin]] = {}
    for origin in data["origins"]:
        by_source.setdefault(origin["reform"]["iri"], []).append(origin)
    for claims in by_source.values():
        item = claims[0]["reform"]
        label = "national item" if item["national"] else "derived from"
        node = reform.add(f"{label}: [bold]{escape(item.get('label') or item['iri'])}[/bold]")
        for origin in claims:
            entry = learned.get(origin["claim"])
            relation = (
                f"[cyan]{escape(entry['relation_zh'])} · {escape(entry['relation_en'])}[/cyan] "
                f"[dim](confidence {entry['confidence']:.2f})[/dim]\n"
                if entry
                else ""
            )
            if batch := origin["batch"]:
                text = relation + f"claimed batch: {escape(batch['label'] or batch['iri'])}"
            elif zone := origin["zone"]:
                name = zone["label"] or zone["iri"]
                where = f"{zone['in_zone']} / {name}" if zone["in_zone"] else zone["short"] or name
                text = relation + f"originating zone: {escape(where)}"
            else:
                text = relation + f"{origin['kind']}"
            text += _quote(origin["evidence"])
            conflict = by_claim.get(origin["claim"])
            if conflict:
                text += _conflict(conflict)
            node.add(text)
        if item.get("reference_batches"):
            node.add(f"[green]authority: {escape(', '.join(item['reference_batches']))}[/green]")
        if item.get("reference_zones"):
            node.add(f"[green]authority: piloted in {escape(', '.join(item['reference_zones']))}[/green]")
    provider = data["provider"]
    provided = root.add(
        f"provided by: {escape(provider.get('label') or provider['iri'])} ({provider['kind']})"
        + _quote(provider["evidence"])
    )
    agencies = provided.add(f"agencies ({len(data['agencies'])})")
    for agency in data["agencies"]:
        above = agency["parent"]
        parent = f" ← {escape(above['label'] or above['iri'])}" if above else ""
        sector = escape(agency["sector_label"] or "")
        name = escape(agency["label"] or agency["iri"])
        agencies.add(f"{name} [dim]{sector}[/dim]{parent}" + _quote(agency["evidence"]))
    return root


def _conflict(conflict: LineageConflict) -> str:
    """A conflict under the claim it concerns: the message in Chinese and English, then both sources."""
    text = f"\n[red]⚠ 冲突 conflict:[/red] {escape(conflict.get('comment_zh') or '')}"
    text += f"\n[red]  {escape(conflict.get('comment') or '')}[/red]"
    if conflict["document"]:
        text += f"\n[dim]document: {escape(conflict['document'])}[/dim]"
    if conflict["sources"]:
        text += f"\n[dim]reference sources: {escape(' '.join(conflict['sources'][:3]))}[/dim]"
    return text
