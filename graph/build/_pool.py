"""Worker processes of ``ftzgraph build``: they die with the build, and one bad file never ends the others.

Why: a killed build (``kill -9``) used to leave its pool workers running (about 100 MB each), and a worker
that failed in a way the pool could not carry back (an exception that does not unpickle, a crash in a
reader library) broke the whole pool, so nothing was built. Here each worker asks the kernel to end it when
its parent dies (``parent_watch.die_with_parent``), and ``map_documents`` keeps going past a broken pool:
the document whose result was awaited is reported as failed, by name, and a fresh pool takes the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from ftzgraph.graph.runtime.parent_watch import die_with_parent

R = TypeVar("R")


def new_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers end when the process that made them ends, however it ends."""
    return ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent)


def map_documents(
    make_pool: Callable[[], ProcessPoolExecutor],
    function: Callable[..., R],
    items: Sequence[tuple[Any, ...]],
    on_broken: Callable[[tuple[Any, ...], str], R],
    chunksize: int = 1,
) -> Iterator[R]:
    """``function(*item)`` for each item, in order, on pools from ``make_pool``.

    When the pool breaks (a worker died), the item being awaited may not be the one that killed it (its chunk
    or a neighbour's), so it is run again alone in a fresh pool: if that breaks too it is answered by
    ``on_broken(item, reason)``; then the rest go on, one item per task.
    """
    done, suspect = 0, False
    while done < len(items):
        pool = make_pool()
        batch = items[done : done + 1] if suspect else items[done:]
        try:
            for result in pool.map(function, *zip(*batch, strict=True), chunksize=chunksize):
                yield result
                done += 1
            suspect = False
        except BrokenProcessPool as error:
            if suspect:
                yield on_broken(items[done], f"the worker process reading it ended abruptly ({error})")
                done += 1
            suspect = not suspect
            chunksize = 1
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
