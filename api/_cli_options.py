"""What every ``ftzgraph`` command shares: the ``--store`` option, opening the store, the consoles."""

from __future__ import annotations

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
    help="The store: a folder for the embedded Oxigraph store (created on first build), or the http(s) URL "
    "of a SPARQL 1.1 query endpoint.",
)


def open_store(path: str, *, write: bool = False) -> Any:
    """The store at ``path`` (a folder, or the URL of a SPARQL query endpoint); a clear error if it cannot be opened."""
    from ftzgraph.graph.errors import FtzGraphError
    from ftzgraph.graph.stores import open_store as open_location

    try:
        return open_location(path, write=write)
    except FtzGraphError as error:
        raise click.ClickException(str(error)) from error
