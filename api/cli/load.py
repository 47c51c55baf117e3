"""``ftzgraph load``'s progress bar and summary around ``graph.load.load_files``."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import click

from ftzgraph.api.cli._options import console
from ftzgraph.graph.errors import FtzGraphError


def run_load(store: Any, files: list[Path], graph: str | None, quiet: bool) -> None:
    """Load ``files`` into ``store`` with a progress bar (bytes read, then bytes loaded); errors end the command."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

    from ftzgraph.graph.build.load import load_files

    started = time.perf_counter()
    try:
        with Progress(
            TextColumn("[bold]{task.description:<10}"),
            BarColumn(),
            DownloadColumn(),
            TimeElapsedColumn(),
            console=console,
            disable=quiet,
            transient=True,
        ) as bar:
            task = bar.add_task("reading", total=None)

            def progress(phase: str, done: int, total: int) -> None:
                bar.update(task, description=phase, completed=done, total=total or None)

            summary = load_files(store, files, graph, progress)
    except FtzGraphError as error:
        raise click.ClickException(str(error)) from error
    finally:
        store.close()
    seconds = time.perf_counter() - started
    console.print(
        f"{summary.quads:,} quads from {summary.files} file(s) into {summary.graphs} graph(s) "
        f"in {seconds:.1f} s ({summary.quads / max(seconds, 1e-9):,.0f} quads/s)"
    )
