"""``ftzgraph serve`` starting and ending as a process tree: its workers die with it, and a store another
process holds for writing is refused at start, naming that process, never retried in a loop; the server and
its workers run with glibc's larger per-thread allocation cache (``api/_allocator_tunables``)."""

from __future__ import annotations

import os
import platform
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from ftzgraph.api._allocator_tunables import TCACHE_COUNT, serve_tunables


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            if f"\nPPid:\t{pid}\n" in status and "\nState:\tZ" not in status:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


def _store(path: Path) -> Path:
    store = ox.Store(str(path))
    store.add(
        ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("o"), ox.NamedNode("http://x/g"))
    )
    store.flush()
    del store
    return path


def _serve(path: Path, output: int = subprocess.DEVNULL, **env: str) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "ftzgraph.api.cli",
        "serve",
        "--store",
        str(path),
        "--port",
        str(_free_port()),
    ]
    environment = {**os.environ, "FTZGRAPH_WORKERS": "1", **env}
    environment.pop("FTZGRAPH_WRITE_TOKEN", None) if "FTZGRAPH_WRITE_TOKEN" not in env else None
    return subprocess.Popen(command, env=environment, stdout=output, stderr=output)


def test_killing_serve_ends_its_worker(tmp_path: Path) -> None:
    with _serve(_store(tmp_path / "store"), FTZGRAPH_WRITE_TOKEN="secret") as server:
        deadline = time.monotonic() + 60
        while not (workers := _children(server.pid)):
            assert server.poll() is None and time.monotonic() < deadline, "serve did not start a worker"
            time.sleep(0.2)
        time.sleep(1)  # the worker has opened the store
        server.send_signal(signal.SIGKILL)
        server.wait()
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in workers):
            assert time.monotonic() < deadline, "the server worker outlived the killed `ftzgraph serve`"
            time.sleep(0.1)


def test_serve_on_a_store_held_for_writing_names_the_holder_and_exits(tmp_path: Path) -> None:
    path = _store(tmp_path / "store")
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import pyoxigraph as ox, time; s = ox.Store({str(path)!r}); print(1, flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == b"1"
            with _serve(path, subprocess.PIPE, FTZGRAPH_WRITE_TOKEN="secret") as server:
                _, err = server.communicate(timeout=30)
            assert server.returncode == 1
            message = " ".join(err.decode().split())
            assert f"process {holder.pid}" in message and "already open for writing" in message
        finally:
            holder.kill()


def _tunables(pid: int) -> str | None:
    for entry in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0"):
        if entry.startswith(b"GLIBC_TUNABLES="):
            return entry.split(b"=", 1)[1].decode()
    return None


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc", reason="glibc's tunables only"
)
@pytest.mark.parametrize(
    ("given", "served"),
    [
        (None, f"glibc.malloc.tcache_count={TCACHE_COUNT}"),
        ("glibc.malloc.tcache_count=7", "glibc.malloc.tcache_count=7"),  # the user's own count is kept
    ],
)
def test_serve_and_its_worker_run_with_the_allocator_tunable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str | None, served: str
) -> None:
    monkeypatch.delenv("GLIBC_TUNABLES", raising=False)  # the test run's own setting is not the case's
    env = {"GLIBC_TUNABLES": given} if given is not None else {}
    with _serve(_store(tmp_path / "store"), **env) as server:
        try:
            deadline = time.monotonic() + 60
            while not (workers := _children(server.pid)):
                assert server.poll() is None and time.monotonic() < deadline, "serve did not start a worker"
                time.sleep(0.2)
            assert _tunables(server.pid) == served  # the same process, started again with the setting
            assert {_tunables(worker) for worker in workers} == {served}
        finally:
            server.terminate()
            server.wait(30)


def test_serve_tunables_add_the_count_once() -> None:
    """After the user's own tunables (a started process may show only the first of them in its environment, as
    glibc 2.36 cuts the string it parsed, so this is checked here rather than in a served process)."""
    ours = f"glibc.malloc.tcache_count={TCACHE_COUNT}"
    assert serve_tunables("glibc.malloc.hugetlb=1") == f"glibc.malloc.hugetlb=1:{ours}"
    assert serve_tunables(None) == serve_tunables("") == f"glibc.malloc.tcache_count={TCACHE_COUNT}"
    assert serve_tunables("glibc.malloc.tcache_count=0") is None
    assert serve_tunables(serve_tunables("glibc.malloc.mxfast=0")) is None
