"""``ftzgraph serve`` starting and ending as a process tree: its workers die with it, and a store another
process holds for writing is refused at start, naming that process, never retried in a loop."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox


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
