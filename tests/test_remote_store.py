"""``RemoteStore`` against real SPARQL servers, and the faults a remote store brings.

Every engine check runs against an ``oxigraph serve`` this module starts on a free loopback port
(or the one at ``FTZGRAPH_TEST_OXIGRAPH_URL``), and against Virtuoso when ``FTZGRAPH_TEST_VIRTUOSO_URL``
is set (``scripts/start_engines.sh`` starts both and prints the variables). The server going down
mid-build uses an Oxigraph process the test kills and restarts; HTTP faults (5xx, slow answers) are
in ``tests/test_remote_http.py``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
import pytest

from ftzgraph.graph.build.builder import build
from ftzgraph.graph.errors import QueryError, StoreError
from ftzgraph.graph.store.open import RemoteConfig, StoreBusyError, open_store
from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.graph.store.remote import STAGING_PREFIX, RemoteStore
from ftzgraph.graph.views.records import case_records

pytestmark = pytest.mark.slow
EX = "http://example.org/ftzgraph-test/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def oxigraph_binary() -> str:
    found = Path(sys.executable).with_name("oxigraph")
    path = str(found) if found.exists() else shutil.which("oxigraph")
    if not path:
        pytest.fail("the `oxigraph` server binary is missing. Hint: pip install oxigraph (into the venv)")
    return path


class OxigraphServer:
    """An ``oxigraph serve`` process on loopback that the test can kill and start again on the same data."""

    def __init__(self, location: Path) -> None:
        self.location = location
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/query"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [oxigraph_binary(), "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                httpx.get(self.url, params={"query": "ASK {}"}, timeout=1).raise_for_status()
                return
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError(f"oxigraph serve did not answer at {self.url}")

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(10)
            self.process = None


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph-serve"))
    server.start()
    yield server
    server.kill()


def engine_config(url: str, update_url: str | None = None, gsp_url: str | None = None) -> RemoteConfig:
    env = {"FTZGRAPH_REMOTE_RETRIES": "2", "FTZGRAPH_REMOTE_BACKOFF_S": "0.05", "FTZGRAPH_REMOTE_TIMEOUT_S": "60"}
    env |= {"FTZGRAPH_UPDATE_URL": update_url or "", "FTZGRAPH_GSP_URL": gsp_url or ""}
    return RemoteConfig.from_env(url, env)


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def engine(request: pytest.FixtureRequest) -> RemoteConfig:
    """Where each engine answers. Virtuoso's update endpoint is its query endpoint, its GSP /sparql-graph-crud."""
    if request.param == "oxigraph":
        url = os.environ.get("FTZGRAPH_TEST_OXIGRAPH_URL") or request.getfixturevalue("oxigraph_server").url
        return engine_config(url)
    url = os.environ.get("FTZGRAPH_TEST_VIRTUOSO_URL", "")
    if not url:
        pytest.skip("FTZGRAPH_TEST_VIRTUOSO_URL is not set (scripts/start_engines.sh starts Virtuoso and prints it)")
    gsp = os.environ.get("FTZGRAPH_TEST_VIRTUOSO_GSP_URL") or url.rsplit("/", 1)[0] + "/sparql-graph-crud"
    return engine_config(url, os.environ.get("FTZGRAPH_TEST_VIRTUOSO_UPDATE_URL") or url, gsp)


@pytest.fixture
def remote(engine: RemoteConfig) -> Iterator[RemoteStore]:
    store = RemoteStore(engine)
    yield store
    store.close()


def triples(graph_version: str, count: int) -> list[ox.Triple]:
    version = ox.NamedNode(EX + "version")
    return [ox.Triple(ox.NamedNode(f"{EX}s{i}"), version, ox.Literal(graph_version)) for i in range(count)]


def versions_in(store: RemoteStore, graph: str) -> dict[str, int]:
    rows = store.select(
        f"SELECT ?v (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s <{EX}version> ?v }} }} GROUP BY ?v",
        union_default_graph=False,
    )
    return {row["v"]: row["n"] for row in rows}


def staging_graphs(store: RemoteStore) -> list[str]:
    rows = store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", union_default_graph=False)
    return [r["g"] for r in rows if r["g"].startswith(STAGING_PREFIX)]


# -- the same checks on every engine -------------------------------------------------------------------


def test_build_gives_the_same_case_records_as_the_embedded_store(
    remote: RemoteStore, built_store: OxigraphStore
) -> None:
    report = build(remote, force=True)
    assert report.written
    assert case_records(remote) == case_records(built_store)
    assert set(built_store.graphs()) <= set(remote.graphs())
    assert staging_graphs(remote) == []
    assert remote.lock.entries() == []


def test_select_gives_the_same_python_values_as_the_embedded_store(remote: RemoteStore) -> None:
    query = """SELECT ?i ?d ?b ?s ?zh ?iri ?none WHERE {
      VALUES (?i ?d ?b ?s ?zh ?iri) { (42 2.5 true "plain" "绥芬河片区"@zh <http://example.org/x>) }
      OPTIONAL { ?iri <http://example.org/nothing> ?none } }"""
    assert remote.select(query) == OxigraphStore().select(query)
    assert remote.ask("ASK { FILTER(1 < 2) }") is True


def test_replace_graph_is_atomic_for_readers(remote: RemoteStore) -> None:
    graph = EX + "atomic"
    remote.replace_graph(graph, triples("old", 1500))
    seen: list[dict[str, int]] = []
    done = threading.Event()
    reader = RemoteStore(remote.config)

    def read() -> None:
        while not done.is_set():
            seen.append(versions_in(reader, graph))

    thread = threading.Thread(target=read)
    thread.start()
    try:
        for i in range(4):
            remote.replace_graph(graph, triples("new", 2500) if i % 2 == 0 else triples("old", 1500))
    finally:
        done.set()
        thread.join()
        reader.close()
    assert seen, "the reader never ran"
    assert all(s in ({"old": 1500}, {"new": 2500}) for s in seen), [s for s in seen if len(s) != 1][:3]
    assert versions_in(remote, graph) == {"old": 1500}
    assert staging_graphs(remote) == []


def test_failed_replace_leaves_the_old_graph_and_no_staging(engine: RemoteConfig, remote: RemoteStore) -> None:
    graph = EX + "kept"
    remote.replace_graph(graph, triples("old", 10))
    # The Graph Store endpoint is down: staging fails before the swap.
    down = f"http://127.0.0.1:{free_port()}/store"
    broken = RemoteStore(engine_config(engine.query_url, engine.update_url, down))
    try:
        with pytest.raises(StoreError, match=f"{down}.*cannot connect"):
            broken.replace_graphs({graph: triples("new", 10)})
        # An invalid graph IRI fails the swap itself: nothing of the request may apply.
        with pytest.raises(QueryError):
            remote.replace_graphs({graph: triples("new", 10), EX + "bad>iri": triples("x", 1)})
    finally:
        broken.close()
    assert versions_in(remote, graph) == {"old": 10}
    assert staging_graphs(remote) == []


def test_two_builds_at_once_one_is_refused(engine: RemoteConfig) -> None:
    first = RemoteStore(engine)
    second = RemoteStore(engine)
    try:
        first.lock.acquire()
        with pytest.raises(StoreBusyError, match="holds the write lock") as refused:
            second.replace_graph(EX + "busy", triples("second", 1))
        assert first.lock.owner in str(refused.value)
        first.replace_graph(EX + "busy", triples("first", 1))
        first.lock.release()
        second.replace_graph(EX + "busy", triples("second", 1))
        assert versions_in(second, EX + "busy") == {"second": 1}
    finally:
        first.close()
        second.close()


def test_racing_writers_are_never_both_admitted(engine: RemoteConfig) -> None:
    stores = [RemoteStore(engine), RemoteStore(engine)]
    try:
        for _ in range(5):
            admitted: list[int] = []
            barrier = threading.Barrier(2)

            def take(i: int, barrier: threading.Barrier = barrier, admitted: list[int] = admitted) -> None:
                barrier.wait()
                try:
                    stores[i].lock.acquire()
                    admitted.append(i)
                except StoreBusyError:
                    pass

            threads = [threading.Thread(target=take, args=(i,)) for i in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert len(admitted) <= 1
            for i in admitted:
                stores[i].lock.release()
    finally:
        for store in stores:
            store.close()


# -- faults -----------------------------------------------------------------------------------------------


def test_server_down_at_start_names_the_url() -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    env = {"FTZGRAPH_REMOTE_RETRIES": "1", "FTZGRAPH_REMOTE_BACKOFF_S": "0.01"}
    for write in (False, True):
        started = time.monotonic()
        with pytest.raises(StoreError, match=f"{url}.*failed after 2 attempt.*cannot connect"):
            open_store(url, write=write, environ=env)
        assert time.monotonic() - started < 5


def test_server_going_down_mid_build_keeps_the_previous_graphs(tmp_path: Path, built_store: OxigraphStore) -> None:
    server = OxigraphServer(tmp_path / "data")
    server.start()
    try:
        store = RemoteStore(engine_config(server.url))
        build(store, force=True)
        before = case_records(store)
        put_graph = store.put_graph

        def put_then_kill(graph: str, statements: Any) -> None:
            put_graph(graph, statements)
            server.kill()  # between the first graph and the second

        store.put_graph = put_then_kill  # type: ignore[method-assign]
        with pytest.raises(StoreError, match=f"{server.port}.*cannot connect"):
            build(store, force=True)
        server.start()
        store.close()  # releases the lock entry it could not delete while the server was down
        after = open_store(server.url, write=True, environ={})
        try:
            assert case_records(after) == before == case_records(built_store)
            assert staging_graphs(after) == []  # cleaned when the next writer took the lock
        finally:
            after.close()
    finally:
        server.kill()


def test_second_embedded_writer_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "store"
    writer = open_store(str(path), write=True)
    try:
        code = (
            "import sys\nfrom ftzgraph.graph.store.open import open_store, StoreBusyError\n"
            f"try:\n    open_store({str(path)!r}, write=True)\nexcept StoreBusyError as e:\n"
            "    print(e)\n    sys.exit(3)\n"
            f"print(len(open_store({str(path)!r}, write=False).graphs()))\n"
        )
        other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert other.returncode == 3, other.stderr
        assert f"the store at '{path}' is already open for writing by process {os.getpid()} (" in other.stdout
        with pytest.raises(StoreBusyError):
            open_store(str(path), write=True)
    finally:
        writer.close()
