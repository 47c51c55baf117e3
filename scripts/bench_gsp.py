"""Benchmark (issue 16): a large Graph Store Protocol write: time and the server's peak memory.

Starts ``ftzgraph serve`` with writes on (one process, the memory cap raised to ``--cap-mb`` so a hungry write
is measured rather than stopped), empties the new store (``DROP ALL``, as ../shared/bench's harness does), then
sends the same N-Triples body four times: PUT into the empty default graph, PUT again (replacing what is there),
PUT into a named graph, POST (adding to that named graph). Each row gives the HTTP status, the wall time of the
request and the peak resident memory of the server's process tree while it ran (sampled every 20 ms); the
server is restarted before each write, so each peak is that write's own. The body
is the synthetic graph of scripts/_synthetic_graph.py with its graphs dropped, cut to ``--triples``.

    .venv/bin/python scripts/bench_gsp.py [--triples 400000] [--cap-mb 4096]
Needs psutil (PyPI). Asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import BENCH_DIR, BIN, Server, ServerSpec, free_port, load_average, mib, synthetic_dataset, table, tree_rss

TOKEN = "bench"


def body_file(triples: int) -> Path:
    """N-Triples of the synthetic graph (graphs dropped), ``triples`` lines at most."""
    import pyoxigraph as ox

    out = BENCH_DIR / f"gsp-body-{triples}.nt"
    if not out.exists():
        dataset = synthetic_dataset(max(1000, triples // 24))  # about 28 triples per case
        quads = ox.parse(path=str(dataset.nq), format=ox.RdfFormat.N_QUADS)
        lines = (q.triple for _, q in zip(range(triples), quads, strict=False))
        ox.serialize(lines, output=str(out) + ".partial", format=ox.RdfFormat.N_TRIPLES)
        Path(str(out) + ".partial").rename(out)
    return out


def send(port: int, method: str, target: str, body: bytes, content_type: str) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{target}", data=body, method=method,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=3600) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except (urllib.error.URLError, ConnectionError):
        return 0


def measured(server: Server, method: str, target: str, body: bytes, content_type: str) -> tuple[int, float, int]:
    """(status, seconds, peak RSS of the server's process tree during the request)."""
    assert server.proc is not None
    peak, done = [server.rss()], threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss(server.proc.pid) if server.proc else 0)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    status = send(server.port, method, target, body, content_type)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    return status, seconds, peak[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=400_000)
    parser.add_argument("--cap-mb", type=int, default=4096, help="the server's memory cap (FTZGRAPH_MAX_MEMORY_MB)")
    args = parser.parse_args()
    nt = body_file(args.triples)
    body = nt.read_bytes()
    lines = body.count(b"\n")
    print(f"body: {nt} ({lines:,} triples, {mib(len(body))}); load average {load_average():.1f}")
    store = BENCH_DIR / "gsp-bench-store"
    import shutil

    shutil.rmtree(store, ignore_errors=True)
    env = {"FTZGRAPH_WRITE_TOKEN": TOKEN, "FTZGRAPH_MAX_BODY_BYTES": str(2**31),
           "FTZGRAPH_MAX_MEMORY_MB": str(args.cap_mb)}  # fmt: skip
    argv = [str(BIN / "ftzgraph"), "serve", "--store", str(store), "--port", "{port}"]
    rows = []
    with Server(ServerSpec("ftzgraph serve (gsp bench)", argv, "/sparql", env=env), free_port()) as server:
        send(server.port, "POST", "/sparql/update", b"DROP ALL", "application/sparql-update")
        steps = [
            ("PUT ?default (empty)", "PUT", "/store?default"),
            ("PUT ?default (replace)", "PUT", "/store?default"),
            ("PUT ?graph (new)", "PUT", "/store?graph=http://example.org/bench"),
            ("POST ?graph (add)", "POST", "/store?graph=http://example.org/bench"),
        ]
        for label, method, target in steps:
            server.restart()  # each write measured from a fresh process: a peak is its own, not an earlier one's
            idle = server.rss()
            status, seconds, peak = measured(server, method, target, body, "application/n-triples")
            rows.append([label, status, f"{seconds:.1f}", mib(idle), mib(peak), mib(max(0, peak - idle))])
    shutil.rmtree(store, ignore_errors=True)
    print(f"cap {args.cap_mb} MiB; load average after {load_average():.1f}")
    print(table(["write", "status", "seconds", "idle RSS", "peak RSS", "over idle"], rows))


if __name__ == "__main__":
    main()
