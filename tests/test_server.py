"""``ftzgraph serve`` as users run it (a real process tree on a free port): a query over the time limit gets
its 503 on time, and the work really stops, because the server process running it is replaced."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
import pytest

EX = "http://example.org/"
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(8)) + " }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _children(pid: int) -> dict[int, bytes]:
    """Child processes of ``pid``, with their command lines."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if f"\nPPid:\t{pid}\n" in status:
                found[int(entry.name)] = cmdline
    return found


def _servers(pid: int) -> set[int]:
    """The server worker processes of the supervisor ``pid`` (forked or spawned; not multiprocessing's helpers)."""
    return {child for child, cmdline in _children(pid).items() if b"resource_tracker" not in cmdline}


def _cpu_seconds(pids: set[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    return total


def _get(url: str, timeout: float = 30) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read()


@pytest.fixture(scope="module")
def serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    path = tmp_path_factory.mktemp("served") / "store"
    store = ox.Store(str(path))
    store.extend(
        ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(str(i)), ox.NamedNode(f"{EX}g"))
        for i in range(100)
    )
    store.flush()
    del store
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # No refusal of the client after a runaway here (tests/test_slow_work.py has it): every test asks from 127.0.0.1.
    env = {
        **os.environ,
        "FTZGRAPH_QUERY_TIMEOUT_MS": "1000",
        "FTZGRAPH_WORKERS": "1",
        "FTZGRAPH_RUNAWAY_PENALTY_S": "0",
    }
    env.pop("FTZGRAPH_WRITE_TOKEN", None)
    command = [sys.executable, "-m", "ftzgraph.api.cli", "serve", "--store", str(path), "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if _get(f"{base}/sparql?query={quote(COUNT)}", timeout=2)[0] == 200:
                break
        except OSError:
            pass
        assert process.poll() is None and time.monotonic() < deadline, "ftzgraph serve did not start"
        time.sleep(0.2)
    yield base, process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        for child in _children(process.pid):
            os.kill(child, signal.SIGKILL)
        process.kill()


def test_a_runaway_query_is_answered_503_and_its_process_replaced(serve: tuple[str, subprocess.Popen[bytes]]) -> None:
    base, supervisor = serve
    (before,) = _servers(supervisor.pid)
    started = time.monotonic()
    status, body = _get(f"{base}/sparql?query={quote(ENDLESS)}")
    assert time.monotonic() - started < 1 + 2
    assert status == 503 and "1000 ms" in json.loads(body)["error"]
    # The process that ran it ends (finishing its other requests) and the supervisor starts a fresh one.
    deadline = time.monotonic() + 30
    while before in _servers(supervisor.pid) or not _servers(supervisor.pid):
        assert time.monotonic() < deadline, "the server process running the runaway query was not replaced"
        time.sleep(0.1)
    status, body = _get(f"{base}/sparql?query={quote(COUNT)}")
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "100"
    # and nothing is left computing: the whole tree is idle
    tree = {supervisor.pid, *_children(supervisor.pid)}
    cpu = _cpu_seconds(tree)
    time.sleep(1.5)
    assert _cpu_seconds(tree) - cpu < 0.5


def test_the_server_keeps_its_other_answers(serve: tuple[str, subprocess.Popen[bytes]]) -> None:
    base, _ = serve
    status, body = _get(f"{base}/sparql?query={quote('ASK { ?s ?p ?o }')}")
    assert (status, json.loads(body)["boolean"]) == (200, True)


def _nested_optionals(depth: int) -> str:
    """The query of issue 17: ``depth`` nested OPTIONAL groups (5,000 crashed the parser of every worker)."""
    groups = "".join(f"OPTIONAL {{ ?s{i} ?p ?o " for i in range(1, depth + 1))
    return "SELECT * WHERE { ?s0 ?p ?o " + groups + "}" * depth + " }"


def test_a_deeply_nested_query_is_refused_and_crashes_nothing(serve: tuple[str, subprocess.Popen[bytes]]) -> None:
    base, supervisor = serve
    before = _servers(supervisor.pid)
    request = urllib.request.Request(
        f"{base}/sparql",
        data=_nested_optionals(5000).encode(),
        headers={"Content-Type": "application/sparql-query"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            status, body = answer.status, answer.read()
    except urllib.error.HTTPError as refused:
        status, body = refused.code, refused.read()
    assert status == 400
    message = json.loads(body)["error"]
    assert "FTZGRAPH_MAX_QUERY_DEPTH" in message and "line 1" in message
    # the same worker process answers a cheap query afterwards: nothing crashed, nothing was replaced
    status, body = _get(f"{base}/sparql?query={quote(COUNT)}")
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "100"
    assert _servers(supervisor.pid) == before


def _get_from(address: str, url: str) -> tuple[int, bytes]:
    """GET ``url`` from the loopback ``address`` (another client than 127.0.0.1)."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30, source_address=(address, 0))
    try:
        connection.request("GET", f"{parts.path}?{parts.query}", headers={"Accept": "application/json"})
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def test_a_client_whose_query_replaced_a_worker_is_refused_a_while_and_others_are_not(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store"
    store = ox.Store(str(path))
    store.extend(
        ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(str(i)), ox.NamedNode(f"{EX}g"))
        for i in range(100)
    )
    store.flush()
    del store
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "FTZGRAPH_QUERY_TIMEOUT_MS": "1000", "FTZGRAPH_SLOW_QUERY_MS": "200"}
    env.pop("FTZGRAPH_WRITE_TOKEN", None)
    command = [sys.executable, "-m", "ftzgraph.api.cli", "serve", "--store", str(path), "--port", str(port)]
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as server:
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:
                with contextlib.suppress(OSError):
                    if _get(f"{base}/sparql?query={quote(COUNT)}", timeout=2)[0] == 200:
                        break
                assert server.poll() is None and time.monotonic() < deadline, "ftzgraph serve did not start"
                time.sleep(0.2)
            assert _get(f"{base}/sparql?query={quote(ENDLESS)}")[0] == 503
            time.sleep(2)  # its worker is replaced
            status, body = _get(f"{base}/sparql?query={quote(COUNT)}")
            assert status == 429 and "FTZGRAPH_RUNAWAY_PENALTY_S" in json.loads(body)["error"]
            status, _ = _get_from("127.0.0.2", f"{base}/sparql?query={quote(COUNT)}")
            assert status == 200
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(20)
