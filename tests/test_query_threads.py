"""Query threads: answers in order, timeouts at the deadline, and runaways reported (never silently dropped)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ftzgraph.graph.sparql._query_threads import RUNAWAY_GRACE_S, QueryThreads


def _sleeper(seconds: float, done: list[str], name: str) -> Callable[[], str]:
    def work() -> str:
        time.sleep(seconds)
        done.append(name)
        return name

    return work


def test_work_is_answered_first_come_first_served() -> None:
    threads: QueryThreads[str] = QueryThreads(1)
    done: list[str] = []

    async def scenario() -> list[str]:
        deadline = time.monotonic() + 5
        runs = [threads.run(_sleeper(0.02, done, name), deadline, name) for name in "abcd"]
        return list(await asyncio.gather(*runs))

    assert asyncio.run(scenario()) == list("abcd") == done
    threads.close()


def test_a_timeout_comes_at_the_deadline_and_running_work_is_a_runaway() -> None:
    heard: list[str] = []
    threads: QueryThreads[str] = QueryThreads(1, on_runaway=heard.append)
    done: list[str] = []

    async def scenario() -> None:
        started = time.monotonic()
        slow = threads.run(_sleeper(1.5, done, "slow"), started + 0.2, "the slow one")
        queued = threads.run(_sleeper(0.0, done, "queued"), started + 0.2, "the queued one")
        results = await asyncio.gather(slow, queued, return_exceptions=True)
        assert all(isinstance(r, TimeoutError) for r in results)
        assert time.monotonic() - started < 0.45
        assert heard == []  # not yet: a query ending just after its deadline is no runaway
        await asyncio.sleep(RUNAWAY_GRACE_S + 0.2)

    asyncio.run(scenario())
    assert heard == ["the slow one"] and threads.runaways == 1  # the queued one never started: dropped
    time.sleep(1)
    assert done == ["slow"]
    threads.close()


def test_work_ending_just_after_its_deadline_is_no_runaway() -> None:
    heard: list[str] = []
    threads: QueryThreads[str] = QueryThreads(1, on_runaway=heard.append)

    async def scenario() -> None:
        with pytest.raises(TimeoutError):
            await threads.run(_sleeper(0.3, [], "late"), time.monotonic() + 0.1, "late")
        await asyncio.sleep(RUNAWAY_GRACE_S + 0.2)

    asyncio.run(scenario())
    assert heard == [] and threads.runaways == 0
    threads.close()


def test_work_of_a_request_that_went_away_is_watched_until_its_deadline() -> None:
    heard: list[str] = []
    threads: QueryThreads[str] = QueryThreads(1, on_runaway=heard.append)
    release = threading.Event()

    async def scenario() -> None:
        task = asyncio.create_task(threads.run(lambda: str(release.wait()), time.monotonic() + 0.3, "abandoned"))
        await asyncio.sleep(0.1)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert heard == []
        await asyncio.sleep(0.2 + RUNAWAY_GRACE_S + 0.2)
        assert heard == ["abandoned"]

    asyncio.run(scenario())
    release.set()
    threads.close()


def test_an_error_in_the_work_reaches_the_request() -> None:
    threads: QueryThreads[str] = QueryThreads(1)

    def broken() -> str:
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        asyncio.run(threads.run(broken, time.monotonic() + 5, "broken"))
    assert threads.runaways == 0
    threads.close()


def test_slow_work_gets_a_replacement_thread_and_is_bounded_per_client_and_in_total() -> None:
    from ftzgraph.graph.runtime.slow_work import SlowWork, SlowWorkLimit, TooManySlowRequests

    slow = SlowWork(slow_ms=100, max_total=3, max_per_client=2)
    threads: QueryThreads[str] = QueryThreads(1, slow=slow)
    release = threading.Event()

    async def scenario() -> None:
        deadline = time.monotonic() + 10
        hogs = [
            asyncio.create_task(threads.run(lambda: str(release.wait()), deadline, "hog", client="a")) for _ in "ab"
        ]
        await asyncio.sleep(0.4)  # both have run past 100 ms: slow, each with a thread started in its place
        assert slow.by_client == {"a": 2}
        started = time.monotonic()
        assert await threads.run(lambda: "cheap", deadline, "cheap", client="b") == "cheap"
        assert time.monotonic() - started < 1  # one thread stays for everyone else (the hogs hold theirs 10 s)
        with pytest.raises(TooManySlowRequests, match="FTZGRAPH_MAX_SLOW_QUERIES_PER_CLIENT"):
            await threads.run(lambda: "more", deadline, "more", client="a")
        third = asyncio.create_task(threads.run(lambda: str(release.wait()), deadline, "third", client="b"))
        fourth = asyncio.create_task(threads.run(lambda: str(release.wait()), deadline, "fourth", client="c"))
        with pytest.raises(SlowWorkLimit, match="FTZGRAPH_MAX_SLOW_QUERIES"):  # the process holds 3 slow, not 4
            await asyncio.wait_for(fourth, 1)
        assert not third.done()
        release.set()
        assert await asyncio.gather(*hogs, third) == ["True", "True", "True"]

    asyncio.run(scenario())
    deadline = time.monotonic() + 2
    while slow.total and time.monotonic() < deadline:
        time.sleep(0.05)
    assert slow.total == 0 and not slow.by_client  # every slow one left when its work ended
    threads.close()


def test_a_browsers_parallel_slow_pages_are_not_refused_with_the_default_bounds() -> None:
    """A browser opens at most 6 connections to a host: a reader whose 6 pages are all slow at once is served
    by default (no 429), a seventh request beside them is refused, and another reader still gets in."""
    from ftzgraph.api.settings import Settings
    from ftzgraph.graph.runtime.slow_work import SlowWork, TooManySlowRequests

    settings = Settings()
    slow = SlowWork(50, settings.max_slow_queries, settings.max_slow_queries_per_client)
    threads: QueryThreads[str] = QueryThreads(2, slow=slow)
    release = threading.Event()

    async def scenario() -> None:
        deadline = time.monotonic() + 10
        pages = [
            asyncio.create_task(threads.run(lambda: str(release.wait()), deadline, f"page {n}", client="reader"))
            for n in range(6)
        ]
        await asyncio.sleep(0.4)  # all six have run past 50 ms: slow
        assert slow.by_client == {"reader": 6} and not any(page.done() for page in pages)
        with pytest.raises(TooManySlowRequests):  # still bounded: a seventh at once is one too many
            await threads.run(lambda: "seventh", deadline, "seventh", client="reader")
        other = asyncio.create_task(threads.run(lambda: str(release.wait()), deadline, "other", client="other"))
        await asyncio.sleep(0.2)
        release.set()
        assert await asyncio.gather(*pages, other) == ["True"] * 7

    asyncio.run(scenario())
    threads.close()


def test_only_the_client_whose_work_ran_away_is_refused_not_a_reader_beside_it(tmp_path: Path) -> None:
    from ftzgraph.graph.runtime.slow_work import SlowWork, TooManySlowRequests

    slow = SlowWork(50, penalty_dir=tmp_path, penalty_s=30)
    heard: list[str] = []
    threads: QueryThreads[str] = QueryThreads(2, on_runaway=heard.append, slow=slow)
    release = threading.Event()

    async def scenario() -> None:
        reader = asyncio.create_task(threads.run(lambda: str(release.wait()), time.monotonic() + 10, "page", "reader"))
        with pytest.raises(TimeoutError):
            await threads.run(lambda: str(release.wait()), time.monotonic() + 0.3, "runaway", client="hostile")
        await asyncio.sleep(RUNAWAY_GRACE_S + 0.3)
        assert heard == ["runaway"]
        assert slow.by_client == {"reader": 1, "hostile": 1}  # both slow when the process must be replaced
        assert slow.penalize_running() == ["hostile"]
        release.set()
        assert await reader == "True"

    asyncio.run(scenario())
    with pytest.raises(TooManySlowRequests, match="FTZGRAPH_RUNAWAY_PENALTY_S"):
        slow.admit("hostile")
    slow.admit("reader")
    threads.close()
