"""What a server process computes for its first readers before they ask: the ordered list of cases and the
summaries of its first block.

Why: ``/cases`` reads every case of the store to order them, and a block of summaries, once per state of the
store (``read_cache``); in a fresh process the first requests paid for that, each of them at once when they
came together, and they made most of the slowest hundredth of a run's requests. A server process now starts
that work on a thread of its own as it starts, so the first reader finds it done or nearly.
"""

from __future__ import annotations

import logging
import threading

from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.views.resource_filters import CaseFilter
from ftzgraph.graph.views.resources import SUMMARY_BLOCK, list_cases

logger = logging.getLogger(__name__)


def warm_up(store: Store) -> int:
    """Compute what the first page of ``/cases`` needs, kept in the read cache; returns how many cases."""
    _, count = list_cases(store, CaseFilter(), SUMMARY_BLOCK, 0)
    return count


def warm_up_in_background(store: Store) -> threading.Thread:
    """``warm_up`` on a daemon thread; a failure is logged, never raised (a request would compute the same)."""

    def run() -> None:
        try:
            warm_up(store)
        except Exception:  # any failure: the requests compute the same on their own
            logger.warning("warming the read cache failed; requests compute it instead", exc_info=True)

    thread = threading.Thread(target=run, name="ftzgraph-warm-up", daemon=True)
    thread.start()
    return thread
