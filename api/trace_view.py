"""The lineage of a case as a terminal tree: case -> reform -> national item and batch -> originating
zone or area -> providing unit -> agencies, each edge with the quote that states it."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.tree import Tree


def _quote(evidence: dict[str, Any] | None) -> str:
    if not evidence:
        return ""
    quote = " ".join(str(evidence["quote"]).split())
    if len(quote) > 80:
        quote = quote[:78] + "…"
    where = f"line {evidence.get('line')}, chars {evidence.get('start')}-{evidence.get('end')}"
    return f"\n[dim]« {escape(quote)} » ({where})[/dim]"


def render_lineage(data: dict[str, Any]) -> Tree:
    case = data["case"]
    doc = case["document"]
    root = Tree(
        f"[bold]案例 {case['number']} {escape(case['title'])}[/bold]  [dim]{case['id']}[/dim]\n"
        f"[dim]{escape(doc['title'])} {escape(doc.get('number') or '')} ({escape(doc.get('file') or '')})[/dim]"
    )
    reform = root.add(f"reform: {escape(case['title'])}")
    conflicts = {c["document_batch"]: c for c in data["conflicts"]}
    if not data["origins"]:
        reform.add("[dim]the text states no origin[/dim]")
    by_source: dict[str, list[dict[str, Any]]] = {}
    for origin in data["origins"]:
        by_source.setdefault(origin["reform"]["iri"], []).append(origin)
    for claims in by_source.values():
        item = claims[0]["reform"]
        label = "national item" if item["national"] else "derived from"
        node = reform.add(f"{label}: [bold]{escape(item.get('label') or item['iri'])}[/bold]")
        for origin in claims:
            if origin["batch"]:
                batch = origin["batch"]
                text = f"batch: {escape(batch.get('label') or batch['iri'])}" + _quote(origin["evidence"])
                conflict = conflicts.get(batch["iri"])
                if conflict:
                    text += f"\n[red]⚠ conflict:[/red] {escape(conflict.get('comment') or '')}"
                    if conflict["sources"]:
                        text += f"\n[dim]reference sources: {escape(' '.join(conflict['sources'][:2]))}[/dim]"
                node.add(text)
            elif origin["zone"]:
                zone = origin["zone"]
                where = (
                    f"{zone['in_zone']} / {zone['label']}"
                    if zone.get("in_zone")
                    else zone.get("short") or zone["label"]
                )
                node.add(f"originating zone: {escape(where)}" + _quote(origin["evidence"]))
            else:
                node.add(f"{origin['kind']}" + _quote(origin["evidence"]))
        if item.get("reference_batches") and not any(o["batch"] for o in claims):
            node.add(f"[dim]reference data: {escape(', '.join(item['reference_batches']))}[/dim]")
        if item.get("reference_zones") and not any(o["zone"] for o in claims):
            node.add(f"[dim]reference data: piloted in {escape(', '.join(item['reference_zones']))}[/dim]")
    provider = data["provider"]
    provided = root.add(
        f"provided by: {escape(provider.get('label') or provider['iri'])} ({provider['kind']})"
        + _quote(provider["evidence"])
    )
    agencies = provided.add(f"agencies ({len(data['agencies'])})")
    for agency in data["agencies"]:
        parent = f" ← {escape(agency['parent']['label'])}" if agency.get("parent") else ""
        sector = escape(agency.get("sector_label") or "")
        agencies.add(f"{escape(agency['label'])} [dim]{sector}[/dim]{parent}" + _quote(agency["evidence"]))
    return root
