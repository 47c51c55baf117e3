"""``ftzgraph quality``: precision and recall against gold annotations, and the diagnostics of every document.

A thin layer over ``graph/views/quality.py``, added to the command group in api/cli/main.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.table import Table

from ftzgraph.api.cli._options import console, open_store, out, store_option
from ftzgraph.graph.errors import FtzGraphError

if TYPE_CHECKING:
    from ftzgraph.graph.views.quality_results import FieldScore, QualityReport


def _ratio(part: int, whole: int) -> str:
    """``part / whole`` to three places, from the counts: the report's figures are already rounded to four, and
    rounding those again can move the third place away from the gold test's."""
    return f"{part / whole:.3f}" if whole else "—"


def _scores_table(title: str, fields: dict[str, FieldScore]) -> Table:
    table = Table("field", "precision", "recall", "matched", "extracted", "expected", title=title, title_justify="left")
    for field, count in fields.items():
        table.add_row(
            field,
            _ratio(count["true_positive"], count["extracted"]),
            _ratio(count["true_positive"], count["expected"]),
            str(count["true_positive"]),
            str(count["extracted"]),
            str(count["expected"]),
        )
    return table


def print_quality(report: QualityReport) -> None:
    """The report as tables: scores per gold document and overall, then each document's diagnostics."""
    from ftzgraph.graph.rdf.diagnostics import KIND_LABELS

    scores = report.get("scores")
    if scores:
        for scored in scores["documents"]:
            name = scored["title"] or scored["document"] or "(document not in the store)"
            title = f"{name} — gold {Path(scored['gold']).name}: {scored['cases_found']} cases found, "
            title += f"{scored['cases_gold']} in the gold"
            out.print(_scores_table(title, scored["fields"]))
        out.print(_scores_table("overall (micro-averaged over the gold documents)", scores["overall"]))
    documents = report["diagnostics"]["documents"]
    if not documents:
        console.print("no documents in the store. Hint: `ftzgraph build` first")
        return
    for document in documents:
        declared = document["cases_declared"]
        out.print(
            f"[bold]{document['file']}[/bold] ({document['title'] or document['document']}): "
            f"{document['cases_found']} cases found, "
            + (f"{declared} declared" if declared is not None else "no declared count")
        )
        for kind, label in KIND_LABELS.items():
            if document["counts"][kind]:
                out.print(f"  {label}: {document['counts'][kind]}")
        for item in document["diagnostics"]:
            where = f"line {item['line']}" if item.get("line") else ""
            line = f"    [{item['kind']}] {item['message']}" + (f" ({where}; {item['evidence']})" if where else "")
            out.print(line, markup=False, highlight=False)
    totals = report["diagnostics"]["totals"]
    out.print("totals: " + ", ".join(f"{KIND_LABELS[k]} {n}" for k, n in totals.items()))


def quality_summary(counts: dict[str, int]) -> str:
    """The line that ends a build's summary: diagnostics per kind, and where to read them."""
    from ftzgraph.graph.rdf.diagnostics import KIND_LABELS

    found = [f"{n} {KIND_LABELS[kind]}" for kind, n in counts.items() if n]
    listing = "; ".join(found) if found else "no diagnostics"
    return f"quality: {listing}. Details with evidence: `ftzgraph quality`"


@click.command()
@store_option
@click.option(
    "--gold",
    "gold_paths",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A gold annotation file (the schema of data/gold/), or `bundled` for the gold files shipped with "
    "ftzgraph; repeat for several. Without: diagnostics only.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def quality(store_path: str, gold_paths: tuple[Path, ...], fmt: str) -> None:
    """How far to trust the built graph: precision and recall against gold annotations, and diagnostics.

    With --gold FILE: precision and recall per field (provider, provider kind, origin batch, origin zone,
    learned-from where the gold has it, agencies, documents, outcomes) per document and overall. Always: for
    every document built, cases found vs declared, table rows with no section and sections with no row, cases
    with no origin, unresolved agency mentions, outcomes without a label, titles differing between table and
    section, and conflicts with reference data, each with its line and evidence IRI. `--gold bundled` scores
    against the gold shipped with ftzgraph (data/gold/ in the installed package).
    """
    from ftzgraph.graph.views.quality import bundled_gold, quality_report

    paths: list[Path] = []
    for path in gold_paths:  # the word "bundled" (when no such file exists) stands for the shipped gold files
        paths.extend(bundled_gold() if str(path) == "bundled" and not path.exists() else [path])
    store = open_store(store_path)
    try:
        report = quality_report(store, paths)
    except FtzGraphError as error:
        raise click.ClickException(str(error)) from error
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print_quality(report)
