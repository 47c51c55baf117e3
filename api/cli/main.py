"""The ``ftzgraph`` command line: a thin layer over ``ftzgraph.graph``.

Every command takes ``--store PATH`` (or ``FTZGRAPH_STORE``); the default is ``./ftzgraph-store``.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from ftzgraph.api.cli._options import console, open_store, out, store_option
from ftzgraph.api.cli.network import network
from ftzgraph.api.cli.quality import quality
from ftzgraph.api.cli.runs import diff, runs
from ftzgraph.graph.errors import FtzGraphError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(package_name="ftzgraph")
def cli() -> None:
    """ftzgraph: a knowledge graph of China's Pilot Free Trade Zone reforms.

    Build the graph from case collections (复制推广典型案例), then trace where a reform came from,
    query it with SPARQL, and export it.

    \b
    Typical session:
      ftzgraph build                      # the bundled document + reference data
      ftzgraph trace 供电服务              # lineage of a case, each edge with its evidence
      ftzgraph query 'SELECT ...'         # SPARQL on the store
      ftzgraph cases --format csv         # one row per case
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@store_option
@click.option(
    "--validate",
    type=click.Choice(["auto", "full", "off"]),
    default="auto",
    show_default=True,
    help="SHACL validation: auto = every document up to 200, a deterministic sample of larger builds.",
)
@click.option("--no-validate", is_flag=True, help="Same as --validate off.")
@click.option("--force", is_flag=True, help="Rebuild documents whose content is already in the store.")
@click.option("--workers", type=int, help="Worker processes (default: one per core when building many documents).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-document lines, only the summary.")
@click.option("--keep-runs", type=click.IntRange(min=1), default=10, show_default=True, help="Build runs to keep.")
def build(
    paths: tuple[Path, ...],
    store_path: str,
    validate: str,
    no_validate: bool,
    force: bool,
    workers: int | None,
    quiet: bool,
    keep_runs: int,
) -> None:
    """Build documents (files or folders) and the reference data into the store.

    With no PATH, builds the bundled Heilongjiang collection (data/raw/). Documents are read in parallel;
    each one's named graph is replaced atomically. Documents already in the store with the same content
    are skipped (--force rebuilds them), so an interrupted build run again finishes the job. A document
    that fails is reported with its file and the others proceed; the exit status is then 1.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ftzgraph.api.cli.quality import quality_summary
    from ftzgraph.graph.build.builder import build as run_build
    from ftzgraph.graph.build.builder import files_to_build
    from ftzgraph.graph.views.quality import diagnostic_counts

    try:  # before the store is opened (and made): a build with nothing to read leaves nothing behind
        files = files_to_build(paths)
    except FtzGraphError as error:
        raise click.ClickException(str(error)) from error
    store = open_store(store_path, write=True)
    started = time.perf_counter()
    try:
        with Progress(
            TextColumn("[bold]building"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=console,
            disable=quiet,
            transient=True,
        ) as progress:
            task = progress.add_task("", total=None, rate="")

            def tick(path: str, done: int, total: int, triples: int) -> None:
                elapsed = max(time.perf_counter() - started, 1e-6)
                rate = f"{done / elapsed:.1f} docs/s {triples / elapsed:,.0f} triples/s"
                progress.update(task, completed=done, total=total, description=Path(path).name, rate=rate)

            report = run_build(
                store,
                files,
                validate="off" if no_validate else validate,
                force=force,
                workers=workers,
                progress=tick,
                keep_runs=keep_runs,
            )
        counts = diagnostic_counts(store)
    except FtzGraphError as error:
        raise click.ClickException(str(error)) from error
    finally:
        store.close()
    for doc in report.documents:
        if doc.error:
            console.print(f"[red]failed[/red] {doc.error}")
        elif quiet or doc.skipped:
            continue
        else:
            console.print(f"[green]built[/green] {doc.path}: {doc.cases} cases, {doc.triples} triples ({doc.doc_id})")
            for warning in doc.warnings:
                console.print(f"  [yellow]warning[/yellow] {warning}")
    built = report.built
    click.echo(
        f"{len(built)} document(s) built, {len(report.skipped)} unchanged and skipped, {len(report.failed)} failed; "
        f"{sum(d.cases for d in built)} cases, {report.triples} triples written to {store_path} "
        f"in {report.seconds:.2f}s ({sum(len(d.warnings) for d in built)} warnings)"
    )
    click.echo(f"recorded as run {report.run_id} (`ftzgraph runs`; `ftzgraph diff` shows what it changed)")
    click.echo(quality_summary(counts))
    if report.failed:
        sys.exit(1)


@cli.command()
@click.argument("case")
@store_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def trace(case: str, store_path: str, fmt: str) -> None:
    """Show where a case's reform came from, as a tree with the evidence for each edge.

    CASE is a case id (d1fc55f7e367a-7), a case number (7), part of a title (供电服务) or a full IRI.
    """
    from ftzgraph.api.cli.trace_view import render_lineage
    from ftzgraph.graph.views.queries import find_cases, lineage

    store = open_store(store_path)
    matches = find_cases(store, case)
    if not matches:
        raise click.ClickException(f"no case matches '{case}'. Hint: `ftzgraph cases` lists them")
    if (len(matches) > 1 and not case.strip().isdigit()) or (len(matches) > 1 and len({m["doc"] for m in matches}) > 1):
        listing = "\n".join(f"  {m['id']}  {m['number']}  {m['title']}" for m in matches)
        raise click.ClickException(f"'{case}' matches {len(matches)} cases; give one of these ids:\n{listing}")
    data = lineage(store, matches[0]["case"])
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        out.print(render_lineage(data))


def _read_query(text: str) -> str:
    if text.startswith("@"):
        path = Path(text[1:])
        if not path.is_file():
            raise click.ClickException(f"no query file '{path}'")
        return path.read_text(encoding="utf-8")
    if text == "-":
        return sys.stdin.read()
    return text


@cli.command()
@click.argument("query")
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option(
    "--union/--no-union", default=True, show_default=True, help="Query the union of all named graphs as default graph."
)
def query(query: str, store_path: str, fmt: str, union: bool) -> None:
    """Run a SPARQL query on the store. QUERY is the query text, @file.rq, or - for stdin.

    SELECT and ASK print as a table, SPARQL JSON results or CSV; CONSTRUCT and DESCRIBE print Turtle.
    """
    from ftzgraph.graph.errors import QueryError

    store = open_store(store_path)
    text = _read_query(query)
    media = {"json": "application/sparql-results+json", "csv": "text/csv", "table": "application/sparql-results+json"}
    try:
        data = store.query_document(text, media[fmt], union_default_graph=union)
    except QueryError as error:
        if "cannot be written" not in str(error):
            raise click.ClickException(str(error)) from error
        data = store.query_document(text, "text/turtle", union_default_graph=union)  # CONSTRUCT / DESCRIBE
        click.echo(data.decode("utf-8"))
        return
    if fmt != "table" or not data.lstrip().startswith(b"{"):
        click.echo(data.decode("utf-8"), nl=fmt == "json")
        return
    _print_results_table(json.loads(data))


def _print_results_table(results: dict[str, Any]) -> None:
    """SPARQL JSON results as a table of values (IRIs and literals shown as their text)."""
    if "boolean" in results:
        out.print("true" if results["boolean"] else "false")
        return
    names = results["head"]["vars"]
    table = Table(*names)
    rows = results["results"]["bindings"]
    for row in rows:
        table.add_row(*[row[name]["value"] if name in row else "" for name in names])
    out.print(table)
    console.print(f"{len(rows)} row(s)")


@cli.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "json"]), default="jsonl", show_default=True)
@click.option("--out", "out_file", type=click.Path(path_type=Path), help="Write to a file instead of stdout.")
def cases(store_path: str, fmt: str, out_file: Path | None) -> None:
    """Export the extracted cases flat, one per line.

    Fields: id, number, title, provider, provider_kind, origin_batches, origin_zones, national_item,
    agencies, documents, outcomes, evidence. In CSV, list and object fields are JSON strings.
    """
    from ftzgraph.graph.views.records import CASE_FIELDS, case_records

    records = case_records(open_store(store_path))
    buffer = io.StringIO()
    if fmt == "jsonl":
        for record in records:
            buffer.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "json":
        buffer.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        writer = csv.DictWriter(buffer, fieldnames=CASE_FIELDS, lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow(
                {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for k, v in record.items()}
            )
    _emit(buffer.getvalue(), out_file)


def _emit(text: str, out_file: Path | None) -> None:
    if out_file:
        out_file.write_text(text, encoding="utf-8")
        console.print(f"wrote {out_file}")
    else:
        click.echo(text, nl=False)


@cli.command()
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "ntriples", "nquads", "trig", "jsonld"]),
    default="turtle",
    show_default=True,
)
@click.option("--graph", "graph_iri", help="Export one named graph only (default: all).")
@click.option("--out", "out_file", type=click.Path(path_type=Path), help="Write to a file instead of stdout.")
def export(store_path: str, fmt: str, graph_iri: str | None, out_file: Path | None) -> None:
    """Export the graph. turtle/ntriples merge all named graphs; nquads/trig/jsonld keep them."""
    from ftzgraph.graph.store.serialize import export_store

    data = export_store(open_store(store_path), fmt, graph_iri)
    if out_file:
        out_file.write_bytes(data)
        console.print(f"wrote {out_file}")
    else:
        sys.stdout.buffer.write(data)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--graph", "graph_iri", help="Named graph for the triples that have none (default: the default graph).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, only the summary.")
def load(files: tuple[Path, ...], store_path: str, graph_iri: str | None, quiet: bool) -> None:
    """Load RDF files (.nt .nq .ttl .trig .rdf/.owl/.xml .jsonld/.json) into the store, all or nothing.

    Every file is read to the end before the store is written, so a bad file (reported with its line) leaves
    the store as it was. Quads keep their graphs; --graph names the graph of triples without one.
    """
    from ftzgraph.api.cli.load import run_load

    run_load(open_store(store_path, write=True), list(files), graph_iri, quiet)


@cli.command()
@store_option
def validate(store_path: str) -> None:
    """Validate the store's graph against the SHACL shapes (ontology/shapes.ttl) and print the report."""
    from ftzgraph.graph.rdf.validate import validate_graph
    from ftzgraph.graph.store.serialize import store_graph

    report = validate_graph(store_graph(open_store(store_path)))
    click.echo(report.text)
    if not report.conforms:
        sys.exit(1)


@cli.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(store_path: str, fmt: str) -> None:
    """Counts by class, cases per provider, per origin batch, per origin zone, and flagged conflicts."""
    from ftzgraph.graph.views.records import stats as compute

    data = compute(open_store(store_path))
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for title, column, counts in (
        ("instances by class", "class", data["classes"]),
        ("cases per provider", "provider", data["cases_per_provider"]),
        ("cases per origin batch", "batch", data["cases_per_origin_batch"]),
        ("cases per origin zone", "zone", data["cases_per_origin_zone"]),
    ):
        table = Table(title=title, title_justify="left")
        table.add_column(column)
        table.add_column("count", justify="right")
        for name, n in counts.items():
            table.add_row(str(name), str(n))
        out.print(table)
    if data["conflicts"]:
        table = Table("case", "冲突 / conflict", "sources", title="conflicts 冲突", title_justify="left")
        for row in data["conflicts"]:
            message = "\n".join(m for m in (row.get("comment_zh"), row.get("comment")) if m)
            sources = "\n".join([*row.get("document_sources", []), *row.get("authority_sources", [])])
            table.add_row(row["title"] or row["case"], message, sources)
        out.print(table)


@cli.command()
@store_option
@click.option("--host", envvar="FTZGRAPH_HOST", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", envvar="FTZGRAPH_PORT", default=8000, show_default=True, type=int, help="TCP port.")
@click.option(
    "--workers", envvar="FTZGRAPH_WORKERS", default=1, show_default=True, type=int, help="Server worker processes."
)
@click.option(
    "--access-log/--no-access-log",
    envvar="FTZGRAPH_ACCESS_LOG",
    default=False,
    show_default=True,
    help="Log one line per request (off by default: it costs ~10% of the endpoint's throughput).",
)
@click.option(
    "--root-path",
    envvar="FTZGRAPH_ROOT_PATH",
    default="",
    help="Path prefix the app is served under behind a proxy (e.g. /ftzgraph); links and /docs follow it.",
)
def serve(store_path: str, host: str, port: int, workers: int, access_log: bool, root_path: str) -> None:
    """Serve the store: SPARQL endpoint (/sparql), REST API (/docs), linked data (/id/…) and pages (/).

    When the store does not exist yet, builds the bundled document into it first. Other settings
    (FTZGRAPH_WRITE_TOKEN, FTZGRAPH_QUERY_TIMEOUT_MS, FTZGRAPH_MAX_RESULT_ROWS, FTZGRAPH_MAX_BODY_BYTES,
    FTZGRAPH_UNION_DEFAULT_GRAPH, FTZGRAPH_CORS_ORIGINS) come from the environment; see the README.
    """
    import os

    from ftzgraph.api._allocator_tunables import restart_with_allocator_tunables
    from ftzgraph.api.settings import Settings

    restart_with_allocator_tunables()  # the engine's allocations on glibc's per-thread path (see the module)
    os.environ.update(
        {
            "FTZGRAPH_STORE": store_path,
            "FTZGRAPH_HOST": host,
            "FTZGRAPH_PORT": str(port),
            "FTZGRAPH_WORKERS": str(workers),
            "FTZGRAPH_ACCESS_LOG": str(access_log).lower(),
        }
    )
    try:
        settings = Settings()
    except ValueError as error:
        raise click.ClickException(f"bad setting: {error}") from error
    if store_path.startswith(("http://", "https://")):
        raise click.ClickException(
            "`ftzgraph serve` serves the embedded store; a SPARQL server given by URL already has its own endpoint"
        )
    if settings.write_token is not None and workers > 1:
        raise click.ClickException(
            "writes (FTZGRAPH_WRITE_TOKEN) need --workers 1: only one process may open the store read-write"
        )
    if not Path(store_path).exists():
        from ftzgraph.graph.build.builder import build as run_build

        console.print(f"no store at {store_path}: building the bundled document first")
        store = open_store(store_path, write=True)
        try:
            run_build(store)
        finally:
            store.close()
    from ftzgraph.graph.store.recovery import recover_store

    try:  # before the port is bound: a leftover log replayed once here, not by every worker after binding
        recover_store(Path(store_path), say=console.print, required=settings.write_token is not None)
    except FtzGraphError as error:
        raise click.ClickException(str(error)) from error
    if settings.write_token is not None:  # say who holds the store now, rather than in every worker's start-up
        open_store(store_path, write=True).close()
    console.print(f"serving {store_path} on http://{host}:{port}/  (SPARQL: /sparql, query editor: /query, API: /docs)")
    from ftzgraph.api.server import run_server

    graceful_s = settings.query_timeout_ms / 1000 + 5  # requests in flight end within their own time limit
    os.environ["FTZGRAPH_HEADER_TIMEOUT_S"] = str(settings.header_timeout_s)  # read by the HTTP protocol
    try:
        run_server(
            host=host,
            port=port,
            workers=workers,
            access_log=access_log,
            graceful_shutdown_s=graceful_s,
            root_path=root_path.rstrip("/"),
            idle_timeout_s=settings.idle_timeout_s,
        )
    except FtzGraphError as error:
        raise click.ClickException(str(error)) from error


cli.add_command(network)
cli.add_command(quality)
cli.add_command(runs)
cli.add_command(diff)


def main() -> None:
    cli(prog_name="ftzgraph")


if __name__ == "__main__":
    main()
