"""A list of resources ranked by a count over the whole store (agencies by their cases, reforms by the cases that
copied them), and its total, kept while the store is unchanged.

Why: the rank of one agency needs the counts of all of them, so every page of ``/agencies`` or ``/reforms`` used to
count every case's agencies or derivations of the store; a page is now a slice of the ranking (``read_cache``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.views.read_cache import remembered
from ftzgraph.ontology.namespace import SPARQL_PREFIXES

Row = dict[str, Any]


def ranked(
    store: Store, key: Hashable, var: str, where: str, select: str, order: Callable[[Row], Any]
) -> tuple[list[Row], int]:
    """The rows of ``select`` (a query over the resources ``?var`` that ``where`` keeps), sorted by ``order``,
    and how many resources ``where`` keeps; ``key`` names the list and its filters in the store's cache."""

    def compute() -> tuple[list[Row], int]:
        total = store.select(SPARQL_PREFIXES + f"SELECT (COUNT(DISTINCT ?{var}) AS ?n) WHERE {{ {where} }}")
        rows = sorted(store.select(SPARQL_PREFIXES + select), key=order)
        return rows, int(total[0]["n"]) if total else 0

    rows, total = remembered(store, key, compute, weigh=lambda kept: len(kept[0]))
    return rows, total
