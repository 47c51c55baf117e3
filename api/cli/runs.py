"""``ftzgraph runs`` and ``ftzgraph diff``: the recorded builds, and what changed between two of them.

A thin layer over ``graph/build/runs.py`` and ``graph/build/run_diff.py``; wired into the main CLI in api/cli/main.py.
"""

from __future__ import annotations

import json

import click
from rich.table import Table

from ftzgraph.api.cli._options import open_store, out, store_option
from ftzgraph.graph.errors import FtzGraphError


@click.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def runs(store_path: str, fmt: str) -> None:
    """List the recorded builds, oldest first: when, version, rules hash, documents read, triples changed.

    Each build is an ftz:BuildRun (a prov:Activity) in the named graph https://w3id.org/ftzgraph/graph/runs;
    `ftzgraph build --keep-runs N` keeps the newest N (default 10).
    """
    from ftzgraph.graph.build.run_history import list_runs

    recorded = list_runs(open_store(store_path))
    if fmt == "json":
        click.echo(json.dumps(recorded, ensure_ascii=False, indent=2))
        return
    table = Table("run", "started", "version", "rules", "documents", "triples +/−", "changes", title="build runs")
    for run in recorded:
        actions: dict[str, int] = {}
        for read in run["documents"]:
            actions[read["action"]] = actions.get(read["action"], 0) + 1
        added = sum(g["added"] for g in run["graphs"])
        removed = sum(g["removed"] for g in run["graphs"])
        table.add_row(
            run["id"],
            str(run["started"]),
            run["version"],
            run["rules_hash"][:12],
            ", ".join(f"{n} {action}" for action, n in sorted(actions.items())) or "none",
            f"+{added} −{removed}",
            str(run["changes"]),
        )
    out.print(table)
    out.print(f"{len(recorded)} run(s). `ftzgraph diff` shows what the last one changed.", markup=False)


@click.command()
@click.argument("run_a", required=False)
@click.argument("run_b", required=False)
@store_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff(run_a: str | None, run_b: str | None, store_path: str, fmt: str) -> None:
    """What changed in the graph from RUN_A to RUN_B (default: the last two runs), by document, case and field.

    RUN_A and RUN_B are run ids as `ftzgraph runs` lists them (or a unique beginning of one). Lines read
    "case 7: agency 哈尔滨市市场监督管理局 added", "case 2: origin batch claim 1 → 3"; entities no document
    states any more are listed as removed from the entities graph.
    """
    from ftzgraph.graph.build.run_diff import diff_lines
    from ftzgraph.graph.build.run_history import diff_runs

    try:
        result = diff_runs(open_store(store_path), run_a, run_b)
    except FtzGraphError as error:
        raise click.ClickException(str(error)) from error
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    for line in diff_lines(result):
        out.print(line, markup=False, highlight=False)
