"""Reliability checks of ``ftzgraph serve`` and ``ftzgraph build`` under hostile queries, slow routes, bad files
and kill -9 (issue 17). Prints figures; it asserts nothing (the tests do).

    python scripts/reliability.py --store STORE --corpus DIR [--python PY] [--soak-s 60] [--only nested,runaways]

``STORE`` is a built store (e.g. 300 synthetic documents, ``graph/build/synthetic.py``, plus the bundled one);
``DIR`` a folder of source documents for the build checks. ``--python`` runs another checkout's interpreter
(the code before a change), so the same script gives the figures before and after. Steps:

- ``nested``: the 5,000-nested-OPTIONAL query of the issue, then whether a cheap query is still answered by
  the same worker process;
- ``runaways``: three runaway queries on three connections beside a cheap query on a fourth (from another
  loopback address), for ``--runaway-s``: the cheap query's latency and the server's memory;
- ``soak``: ``/cases?limit=50`` and one case page for ``--soak-s`` on 4 connections: rate, latency, memory;
- ``kill``: kill -9 of a build (are its pool workers left?) and of a serve (is its worker left, does a new
  serve on the same store and port answer?); a serve with writes on a store held by another process;
- ``badfiles``: a build of 20 documents plus one empty file with 2 workers.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

CHEAP = "PREFIX ftz: <https://w3id.org/ftzgraph/ontology#> SELECT ?case WHERE { ?case a ftz:Case } LIMIT 5"
RUNAWAYS = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1",
    "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?a ?b ?x . ?d ?e ?y BIND(CONCAT(STR(?x), STR(?y)) AS ?c) }",
]


def nested_optionals(depth: int) -> str:
    groups = "".join(f"OPTIONAL {{ ?s{i} ?p ?o " for i in range(1, depth + 1))
    return "SELECT * WHERE { ?s0 ?p ?o " + groups + "}" * depth + " }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def children(pid: int) -> list[int]:
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


def tree(pid: int) -> list[int]:
    out = [pid]
    for child in children(pid):
        out.extend(tree(child))
    return out


def alive(pid: int) -> bool:
    try:
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError, ValueError):
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    return total / 2**20


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class Server:
    """``ftzgraph serve`` in a subprocess on a free port."""

    def __init__(self, python: str, store: str, workers: int = 1, port: int | None = None, **env: str) -> None:
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        environment = {**os.environ, **env}
        if "FTZGRAPH_WRITE_TOKEN" not in env:
            environment.pop("FTZGRAPH_WRITE_TOKEN", None)
        command = [python, "-m", "ftzgraph.api.cli", "serve", "--store", store, "--port", str(self.port)]
        command += ["--workers", str(workers)]
        # The log goes to a file: a pipe nobody reads fills up and blocks the server's logging (and so the server).
        self.log = tempfile.NamedTemporaryFile(prefix="ftzgraph-serve-", suffix=".log", delete=False)  # noqa: SIM115
        self.process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=self.log)

    def wait_ready(self, timeout: float = 60) -> float | None:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.process.poll() is not None:
                return None
            try:
                if httpx.get(f"{self.base}/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    return time.monotonic() - started
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        return None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                for pid in tree(self.process.pid)[1:]:
                    os.kill(pid, signal.SIGKILL)
                self.process.kill()
                self.process.wait()


def step_nested(server: Server) -> dict[str, object]:
    workers = sorted(children(server.process.pid))
    started = time.monotonic()
    try:
        answer = httpx.post(
            f"{server.base}/sparql",
            content=nested_optionals(5000),
            headers={"Content-Type": "application/sparql-query"},
            timeout=60,
        )
        status, body = answer.status_code, answer.text[:200]
    except httpx.HTTPError as error:
        status, body = None, f"{type(error).__name__}: {error}"
    took = time.monotonic() - started
    time.sleep(1)
    try:
        cheap = httpx.get(f"{server.base}/sparql", params={"query": CHEAP}, timeout=30)
        cheap_status: object = cheap.status_code
    except httpx.HTTPError as error:
        cheap_status = type(error).__name__
    return {
        "status": status,
        "answer": body,
        "seconds": round(took, 3),
        "cheap_query_after": cheap_status,
        "same_worker_processes": sorted(children(server.process.pid)) == workers,
    }


def step_runaways(server: Server, seconds: float) -> dict[str, object]:
    stop = threading.Event()
    latencies: list[float] = []
    cheap_errors: dict[str, int] = {}
    runaway_answers: dict[str, int] = {}
    peak = [0.0]

    def runaway(query: str) -> None:
        with httpx.Client(timeout=120) as client:
            while not stop.is_set():
                try:
                    code = str(client.get(f"{server.base}/sparql", params={"query": query}).status_code)
                except httpx.HTTPError as error:
                    code = type(error).__name__
                runaway_answers[code] = runaway_answers.get(code, 0) + 1

    def cheap() -> None:
        transport = httpx.HTTPTransport(local_address="127.0.0.2")  # another client than the runaways
        with httpx.Client(timeout=30, transport=transport) as client:
            while not stop.is_set():
                started = time.monotonic()
                try:
                    answer = client.get(f"{server.base}/sparql", params={"query": CHEAP})
                    if answer.status_code == 200:
                        latencies.append((time.monotonic() - started) * 1000)
                    else:
                        cheap_errors[str(answer.status_code)] = cheap_errors.get(str(answer.status_code), 0) + 1
                except httpx.HTTPError as error:
                    cheap_errors[type(error).__name__] = cheap_errors.get(type(error).__name__, 0) + 1
                time.sleep(0.01)

    def memory() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], rss_mb(tree(server.process.pid)))
            time.sleep(0.1)

    threads = [threading.Thread(target=runaway, args=(q,)) for q in RUNAWAYS]
    threads += [threading.Thread(target=cheap), threading.Thread(target=memory)]
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join(150)
    return {
        "seconds": seconds,
        "cheap_answered": len(latencies),
        "cheap_p50_ms": round(percentile(latencies, 0.5), 1),
        "cheap_p99_ms": round(percentile(latencies, 0.99), 1),
        "cheap_max_ms": round(max(latencies), 1) if latencies else None,
        "cheap_errors": cheap_errors,
        "runaway_answers": runaway_answers,
        "peak_server_rss_mb": round(peak[0]),
    }


def step_soak(server: Server, seconds: float) -> dict[str, object]:
    listing = httpx.get(f"{server.base}/cases", params={"limit": 1}, timeout=120).json()
    case_id = listing["data"][0]["id"] if listing.get("data") else None
    figures: dict[str, object] = {}
    for name, path in (("cases_limit_50", "/cases?limit=50"), ("case_page", f"/cases/{case_id}")):
        stop = threading.Event()
        latencies: list[float] = []
        errors: dict[str, int] = {}
        pids = tree(server.process.pid)
        before = rss_mb(pids)

        def client() -> None:
            with httpx.Client(timeout=60) as http:
                while not stop.is_set():  # noqa: B023
                    started = time.monotonic()
                    try:
                        answer = http.get(server.base + path)  # noqa: B023
                        if answer.status_code == 200:
                            latencies.append((time.monotonic() - started) * 1000)  # noqa: B023
                        else:
                            errors[str(answer.status_code)] = errors.get(str(answer.status_code), 0) + 1  # noqa: B023
                    except httpx.HTTPError as error:
                        errors[type(error).__name__] = errors.get(type(error).__name__, 0) + 1  # noqa: B023

        threads = [threading.Thread(target=client) for _ in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(seconds)
        stop.set()
        for thread in threads:
            thread.join(120)
        figures[name] = {
            "path": path,
            "requests_per_s": round(len(latencies) / seconds, 1),
            "p50_ms": round(percentile(latencies, 0.5), 1),
            "p99_ms": round(percentile(latencies, 0.99), 1),
            "errors": errors,
            "rss_mb_before_after": [round(before), round(rss_mb(tree(server.process.pid)))],
        }
    return figures


def step_kill(python: str, store: str, corpus: str) -> dict[str, object]:
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        target = str(Path(tmp) / "store")
        build = subprocess.Popen(
            [python, "-m", "ftzgraph.api.cli", "build", corpus, "--store", target, "--workers", "2", "--quiet"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while len(children(build.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.0)
        workers = [pid for pid in tree(build.pid) if pid != build.pid]
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        time.sleep(3)
        left = [pid for pid in workers if alive(pid)]
        figures["build_killed"] = {"its_processes": len(workers), "left_3s_later": len(left)}
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        rerun = subprocess.run(
            [python, "-m", "ftzgraph.api.cli", "build", corpus, "--store", target, "--workers", "2", "--quiet"],
            capture_output=True,
            text=True,
        )
        figures["build_rerun_exit"] = rerun.returncode

    with tempfile.TemporaryDirectory() as tmp:
        copy = str(Path(tmp) / "store")
        shutil.copytree(store, copy)
        for env in ({}, {"FTZGRAPH_WRITE_TOKEN": "secret"}):
            mode = "writes on" if env else "read-only"
            server = Server(python, copy, 1, **env)
            ready = server.wait_ready()
            workers = children(server.process.pid)
            os.kill(server.process.pid, signal.SIGKILL)
            server.process.wait()
            time.sleep(3)
            left = [pid for pid in workers if alive(pid)]
            again = Server(python, copy, 1, port=server.port, **env)
            started = time.monotonic()
            again_ready = again.wait_ready(timeout=30)
            figures[f"serve_killed_{mode}"] = {
                "first_start_s": round(ready, 2) if ready else None,
                "its_processes": len(workers),
                "left_3s_later": len(left),
                "new_serve_answers_after_s": round(again_ready, 2) if again_ready else None,
                "new_serve_exit_code": again.process.poll(),
                "waited_s": round(time.monotonic() - started, 1),
            }
            again.stop()
            for pid in left:
                if alive(pid):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.5)
        holder = subprocess.Popen(
            [
                python,
                "-c",
                f"import pyoxigraph as ox, time; s = ox.Store({copy!r}); print(1, flush=True); time.sleep(60)",
            ],
            stdout=subprocess.PIPE,
        )
        assert holder.stdout is not None
        holder.stdout.readline()
        locked = Server(python, copy, 1, FTZGRAPH_WRITE_TOKEN="secret")
        started = time.monotonic()
        try:
            locked.process.wait(timeout=30)
            err = Path(locked.log.name).read_bytes()
            figures["serve_on_locked_store"] = {
                "exit_code": locked.process.returncode,
                "seconds": round(time.monotonic() - started, 1),
                "names_holder_pid": f"process {holder.pid}" in " ".join(err.decode(errors="replace").split()),
                "message": " ".join(err.decode(errors="replace").split())[-300:],
            }
        except subprocess.TimeoutExpired:
            figures["serve_on_locked_store"] = {"exit_code": None, "still_running_after_s": 30}
            locked.stop()
        holder.kill()
        holder.wait()
    return figures


def step_badfiles(python: str, corpus: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for path in sorted(Path(corpus).glob("*.txt"))[:20]:
            shutil.copy(path, folder / path.name)
        (folder / "empty.txt").write_bytes(b"")
        run = subprocess.run(
            [
                python,
                "-m",
                "ftzgraph.api.cli",
                "build",
                str(folder),
                "--store",
                str(Path(tmp) / "s"),
                "--workers",
                "2",
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        text = " ".join((run.stdout + run.stderr).split())
        return {
            "exit_code": run.returncode,
            "names_empty_file": "empty.txt" in text,
            "traceback": "Traceback" in text,
            "summary": text[-300:],
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--soak-s", type=float, default=60)
    parser.add_argument("--runaway-s", type=float, default=20)
    parser.add_argument("--timeout-ms", type=int, default=10_000)
    parser.add_argument("--only", default="nested,runaways,soak,kill,badfiles")
    args = parser.parse_args()
    steps = set(args.only.split(","))
    results: dict[str, object] = {"python": args.python, "store": args.store}
    env = {"FTZGRAPH_QUERY_TIMEOUT_MS": str(args.timeout_ms)}
    for name in ("nested", "runaways", "soak"):
        if name not in steps:
            continue
        server = Server(args.python, args.store, args.workers, **env)
        results[f"{name}_server_start_s"] = server.wait_ready()
        try:
            if name == "nested":
                results[name] = step_nested(server)
            elif name == "runaways":
                results[name] = step_runaways(server, args.runaway_s)
            else:
                results[name] = step_soak(server, args.soak_s)
        finally:
            server.stop()
        print(json.dumps({name: results[name]}, ensure_ascii=False), flush=True)
    if "kill" in steps:
        results["kill"] = step_kill(args.python, args.store, args.corpus)
        print(json.dumps({"kill": results["kill"]}, ensure_ascii=False), flush=True)
    if "badfiles" in steps:
        results["badfiles"] = step_badfiles(args.python, args.corpus)
        print(json.dumps({"badfiles": results["badfiles"]}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
