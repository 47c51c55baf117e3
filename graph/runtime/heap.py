"""A server process's heap after start-up, kept out of the garbage collector's full passes.

Why: a worker holds about 100k long-lived objects once its modules, the app and the store are loaded, and
CPython's full (generation 2) collection walks all of them, holding the GIL: with four connections on
``/cases`` a full pass came every second or so and stopped every request of the process for tens of
milliseconds each time, which was most of the slowest hundredth of requests. ``gc.freeze()`` moves the
objects alive at start-up to the permanent generation, which no collection walks; objects made later (kept
summaries, cached answers, each request's own) are collected as before. Objects frozen stay until the process
ends, which is the life they had anyway.
"""

from __future__ import annotations

import gc


def freeze_startup_heap() -> int:
    """Collect once, then freeze what survives; returns how many objects were frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
