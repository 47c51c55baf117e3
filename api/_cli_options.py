"""What every ``ftzgraph`` command shares: the ``--store`` option, opening the store, the consoles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.console import Console

DEFAULT_STORE = "ftzgraph-store"
console = Console(stderr=True)
out = Console(soft_wrap=True)

store_option = click.option(
    "--store",
    "store_path",
    envvar="FTZGRAPH_STORE",
    default=DEFAULT_STORE,
    show_default=True,
    show_envvar=True,
    help="The store: a folder for the embedded Oxigraph store (created on first build).",
)


def open_store(path: str, *, write: bool = False) -> Any:
    from ftzgraph.graph.store import OxigraphStore

    if not write and not Path(path).exists():
        raise click.ClickException(f"no store at '{path}'. Hint: run `ftzgraph build --store {path}` first")
    return OxigraphStore(path, read_only=not write)
