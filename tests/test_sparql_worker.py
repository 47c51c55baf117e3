"""The query worker pool: answers, stops work that is cancelled, and sees writes made by anyone."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from ftzgraph.graph._sparql_worker import Job, QueryPool, StoreWatch

EX = "http://example.org/"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?t ?h }"


def _store(path: Path, triples: int) -> None:
    store = ox.Store(str(path))
    store.extend(
        ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(str(i)), ox.NamedNode(f"{EX}g"))
        for i in range(triples)
    )
    store.flush()
    del store


def _job(query: str, seconds: float = 10) -> Job:
    return Job(query, "text/csv", None, 100, union_default_graph=True, deadline=time.monotonic() + seconds)


@pytest.fixture
def pool(tmp_path: Path) -> Iterator[QueryPool]:
    """One worker over a store of 300 triples."""
    _store(tmp_path / "store", 300)
    pool = QueryPool(str(tmp_path / "store"), 1)
    yield pool
    pool.close()


def test_pool_answers_and_a_cancelled_query_kills_its_worker(pool: QueryPool) -> None:
    async def scenario() -> None:
        outcome = await pool.run(_job(COUNT))
        assert outcome.kind == "ok" and outcome.body.decode().split() == ["n", "300"]
        worker = pool._idle[0]
        task = asyncio.create_task(pool.run(_job(HEAVY)))
        await asyncio.sleep(0.5)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert worker.process.poll() is not None, "the worker running the cancelled query was killed"
        again = await pool.run(_job(COUNT))  # a fresh worker takes its place
        assert again.body.decode().split() == ["n", "300"]

    asyncio.run(scenario())


def test_a_waiting_request_times_out_when_every_worker_is_busy(pool: QueryPool) -> None:
    async def scenario() -> None:
        busy = asyncio.create_task(pool.run(_job(HEAVY, seconds=3)))
        await asyncio.sleep(0.2)
        with pytest.raises(TimeoutError, match="no query worker became free"):
            await pool.run(_job(COUNT, seconds=0.5))
        with pytest.raises(TimeoutError):
            await busy

    asyncio.run(scenario())


def test_a_returned_worker_goes_to_the_oldest_waiter_not_a_newcomer(pool: QueryPool) -> None:
    async def scenario() -> None:
        deadline = time.monotonic() + 10
        worker = await pool._borrow(deadline)
        first = asyncio.create_task(pool._borrow(deadline))
        await asyncio.sleep(0.05)  # the first waiter is queued
        pool._give_back(worker)
        newcomer = asyncio.create_task(pool._borrow(deadline))
        await asyncio.sleep(0.05)
        assert first.done() and first.result() is worker
        assert not newcomer.done()  # it queues behind, instead of taking the returned worker
        pool._give_back(worker)
        assert await newcomer is worker
        pool._give_back(worker)  # idle again, so closing the pool stops it

    asyncio.run(scenario())


def test_store_watch_sees_a_write_by_another_process_opening(tmp_path: Path) -> None:
    _store(tmp_path / "store", 10)
    watch = StoreWatch(str(tmp_path / "store"))
    assert watch.changed()  # the first look
    assert not watch.changed()
    writer = ox.Store(str(tmp_path / "store"))
    writer.add(ox.Quad(ox.NamedNode(f"{EX}new"), ox.NamedNode(f"{EX}p"), ox.Literal("x"), ox.NamedNode(f"{EX}g")))
    assert watch.changed()
    assert not watch.changed()


def test_result_cache_keeps_slow_answers_until_the_store_changes() -> None:
    from ftzgraph.graph.result_cache import ResultCache

    cache: ResultCache[bytes] = ResultCache(max_bytes=10, min_ms=100)
    assert not cache.put("fast", 1, b"x", 1, elapsed_ms=5)  # cheap answers are not worth keeping
    assert cache.put("slow", 1, b"abcd", 4, elapsed_ms=500)
    assert cache.get("slow", 1) == b"abcd"
    assert cache.get("slow", 2) is None  # the store changed: every entry is gone
    assert cache.put("a", 2, b"aaaaaa", 6, elapsed_ms=500) and cache.put("b", 2, b"bbbbbb", 6, elapsed_ms=500)
    assert cache.get("a", 2) is None and cache.get("b", 2) == b"bbbbbb"  # over 10 bytes: least recent out
    assert not cache.put("huge", 2, b"x" * 11, 11, elapsed_ms=500)


def test_a_large_answer_is_read_whole_on_uvloop(tmp_path: Path) -> None:
    """uvloop (what ``ftzgraph serve`` runs on) makes watched pipes non-blocking; answers over 16 KiB arrive
    in two writes and must still be read whole (this was an HTTP 500 on the 100k-case aggregate)."""
    uvloop = pytest.importorskip("uvloop")
    _store(tmp_path / "store", 3000)
    pool = QueryPool(str(tmp_path / "store"), 1)

    async def scenario() -> None:
        for _ in range(3):
            job = Job("SELECT ?s ?o WHERE { ?s ?p ?o }", "text/csv", None, 5000, union_default_graph=True)
            outcome = await pool.run(dataclasses.replace(job, deadline=time.monotonic() + 20))
            assert outcome.kind == "ok" and len(outcome.body) > 16 * 1024
            assert len(outcome.body.decode().splitlines()) == 1 + 3000

    try:
        uvloop.run(scenario())
    finally:
        pool.close()
