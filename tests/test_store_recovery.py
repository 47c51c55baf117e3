"""A store left with a large write-ahead log (a writer killed before it flushed) is replayed once by
``ftzgraph serve`` before it binds the port, saying so, instead of by every read-only worker after the port
is bound; a store another process is writing is left alone (with a message), or refused when writes are on."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from ftzgraph.graph.store._remote_lock import StoreBusyError
from ftzgraph.graph.store.recovery import RECOVER_ABOVE_BYTES, pending_log_bytes, recover_store

QUADS = 20_000

_WRITE = """
import os, sys, pyoxigraph as ox
store = ox.Store(sys.argv[1])
g = ox.NamedNode("http://example.org/g")
store.extend(
    ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"), ox.Literal(f"v{i}"), g)
    for i in range(int(sys.argv[2]))
)
if sys.argv[3] == "die":
    os._exit(0)  # as kill -9 would: the commits are in the log only, never flushed to table files
print("written", flush=True)
sys.stdin.read()  # hold the store open until the test closes stdin
"""


def _killed_writer(path: Path) -> Path:
    subprocess.run([sys.executable, "-c", _WRITE, str(path), str(QUADS), "die"], check=True)
    assert pending_log_bytes(path) > RECOVER_ABOVE_BYTES  # the situation under test
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_replays_a_killed_writers_log_before_it_binds_the_port(tmp_path: Path) -> None:
    store = _killed_writer(tmp_path / "store")
    port = _free_port()
    environment = {**os.environ, "FTZGRAPH_WORKERS": "1"}
    environment.pop("FTZGRAPH_WRITE_TOKEN", None)
    command = [sys.executable, "-m", "ftzgraph.api.cli", "serve", "--store", str(store), "--port", str(port)]
    lines: list[tuple[float, str]] = []
    with subprocess.Popen(
        command, env=environment, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    ) as server:
        assert server.stderr is not None
        stderr = server.stderr
        threading.Thread(
            target=lambda: [lines.append((time.monotonic(), line)) for line in stderr], daemon=True
        ).start()
        try:
            deadline = time.monotonic() + 60
            while True:
                assert server.poll() is None, "".join(line for _, line in lines)
                assert time.monotonic() < deadline, "serve did not answer within 60 s"
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                except OSError:
                    time.sleep(0.05)
                    continue
                accepted = time.monotonic()
                break
            health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=30).json()
        finally:
            server.terminate()
            server.wait(30)
    text = [line for _, line in lines]
    replaying = next(i for i, line in enumerate(text) if "replaying them once before serving" in line)
    replayed = next(i for i, line in enumerate(text) if line.startswith("replayed "))
    running = next(i for i, line in enumerate(text) if "Uvicorn running" in line)
    assert replaying < replayed < running
    assert "MiB" in text[replaying]
    assert lines[replayed][0] <= accepted  # the port took no connection while the log was replayed
    assert health["triples"] == QUADS  # every write the killed process committed is there
    assert pending_log_bytes(store) <= RECOVER_ABOVE_BYTES  # written out: the next read-only open is quick


def test_a_store_being_written_is_left_alone_when_reading_and_refused_when_writing(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with subprocess.Popen(
        [sys.executable, "-c", _WRITE, str(path), str(QUADS), "hold"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as writer:
        assert writer.stdout is not None and writer.stdin is not None
        assert writer.stdout.readline().strip() == "written"
        said: list[str] = []
        recovery = recover_store(path, say=said.append)
        assert not recovery.replayed
        assert f"process {writer.pid}" in said[-1] and "not replayed" in said[-1]  # names the writer
        with pytest.raises(StoreBusyError, match=f"process {writer.pid}"):
            recover_store(path, say=said.append, required=True)
        writer.stdin.close()
        writer.wait(30)


def test_a_small_log_is_not_replayed(tmp_path: Path) -> None:
    path = _killed_writer(tmp_path / "store")
    said: list[str] = []
    recovery = recover_store(path, say=said.append, threshold=pending_log_bytes(path))
    assert (recovery.replayed, said) == (False, [])
    assert recover_store(path, say=said.append).replayed
    assert pending_log_bytes(path) <= RECOVER_ABOVE_BYTES and "replayed" in said[-1]
