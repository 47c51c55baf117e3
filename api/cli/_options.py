"""What every ``ftzgraph`` command shares: the ``--store`` option, opening the store, the consoles."""

from __future__ import annotations

import os
import sys
from typing import Any

import click
from rich.console import Console

DEFAULT_STORE = "ftzgraph-store"
# Piped or redirected output (`ftzgraph trace 2 | less`, `> file`) has no terminal width: rich would cut it at
# 80 columns, eliding IRIs, quotes and offsets. There it gets the width of its longest line, up to this.
PIPED_WIDTH = 100_000


def _width(stream: object) -> int | None:
    """``None`` (rich measures the terminal) on a terminal or when COLUMNS is set, else ``PIPED_WIDTH``."""
    isatty = getattr(stream, "isatty", None)
    return None if (callable(isatty) and isatty()) or os.environ.get("COLUMNS") else PIPED_WIDTH


console = Console(stderr=True, width=_width(sys.stderr))
out = Console(soft_wrap=True, width=_width(sys.stdout))

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
    from ftzgraph.graph.store.open import open_store as open_location

    try:
        return open_location(path, write=write)
    except FtzGraphError as error:
        raise click.ClickException(str(error)) from error
