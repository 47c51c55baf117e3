"""Benchmark (issue 16): the REST list, a case page and the lineage SPARQL query on one server, with wrk.

Builds 300 synthetic documents (graph/synthetic.write_corpus, about 2,300 cases) with ``ftzgraph build`` once
(kept under ``FTZGRAPH_BENCH_DIR``), serves the store with ``ftzgraph serve --workers 2`` and runs wrk on
``/cases?limit=50`` (JSON), a case page ``/id/case/…`` (HTML) and the lineage query of the same case on
``/sparql``, then the two routes with every request a different URL (every page of ``/cases``; 500 case
pages), each at 4 connections (latency when the server is not saturated) and at 16 (throughput). Prints
requests/s, p50 and p99, and each REST route's requests/s as a share of the lineage query's. Asserts nothing.

    .venv/bin/python scripts/bench_rest.py [--documents 300] [--seconds 10] [--connections 4,16]
Needs: wrk (Debian) and psutil (PyPI).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import (
    BENCH_DIR,
    BIN,
    JSON_RESULTS,
    Server,
    ServerSpec,
    fmt,
    free_port,
    http_get,
    lineage_query,
    load_average,
    run,
    run_wrk,
    stop_on_sigterm,
    table,
)


def built_store(documents: int, seed: int = 0) -> tuple[Path, list[str]]:
    """The store of ``documents`` synthetic documents built by ``ftzgraph build`` (reused), and its case IRIs."""
    folder = BENCH_DIR / f"rest-{documents}-{seed}"
    store, marker = folder / "store", folder / ".built"
    if not marker.exists():
        from ftzgraph.graph.build.synthetic import write_corpus

        corpus = folder / "corpus"
        write_corpus(corpus, documents, seed)
        started = time.perf_counter()
        run([BIN / "ftzgraph", "build", corpus, "--store", store, "-q"])
        print(f"built {documents} documents in {time.perf_counter() - started:.1f} s", flush=True)
        marker.touch()
    import pyoxigraph as ox

    reader = ox.Store.read_only(str(store))
    cases = sorted(
        row["c"].value
        for row in reader.query(
            "SELECT ?c WHERE { ?c a <https://w3id.org/ftzgraph/ontology#Case> }", use_default_graph_as_union=True
        )
    )
    del reader
    return store, cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", default="4,16", help="comma-separated wrk connection counts")
    args = parser.parse_args()
    stop_on_sigterm()
    store, cases = built_store(args.documents)
    case = cases[len(cases) // 2]
    case_id = case.rsplit("/case/", 1)[1]
    argv = [str(BIN / "ftzgraph"), "serve", "--store", str(store), "--port", "{port}", "--workers", "2"]
    spec = ServerSpec("ftzgraph serve (disk, 2 workers)", argv, "/sparql")
    rows = []
    with Server(spec, free_port()) as server:
        base = f"http://127.0.0.1:{server.port}"
        targets = [
            ("lineage (SPARQL)", server.url(lineage_query(case)), JSON_RESULTS),
            ("/cases?limit=50", f"{base}/cases?limit=50", "application/json"),
            ("case page (HTML)", f"{base}/id/case/{case_id}", "text/html"),
        ]
        # The same routes with every request a different page (each offset in turn; 500 cases' pages), so that
        # nothing kept for one URL decides the figure: what a reader paging or clicking through gets.
        varied = {
            "/cases, every page": [f"/cases?limit=50&offset={at}" for at in range(0, len(cases), 50)],
            "case pages, 500": [f"/id/case/{c.rsplit('/case/', 1)[1]}" for c in cases[:: max(len(cases) // 500, 1)]],
        }
        targets += [(name, base + paths[0], "application/json" if "/cases" in name else "text/html")
                    for name, paths in varied.items()]  # fmt: skip
        for name, url, accept in targets[:3]:
            status, body, took = http_get(url, accept=accept, timeout=120)
            print(f"probe {name}: HTTP {status}, {len(body):,} bytes, {took * 1000:.0f} ms", flush=True)
        for connections in (int(c) for c in args.connections.split(",")):
            lineage_rps = 0.0
            for name, url, accept in targets:
                result = run_wrk(url, seconds=args.seconds, connections=connections, threads=min(2, connections),
                                 accept=accept, paths=varied.get(name))  # fmt: skip
                lineage_rps = lineage_rps or result.rps
                share = result.rps / lineage_rps if lineage_rps else float("nan")
                rows.append([name, connections, fmt(result.rps), fmt(result.p50_ms), fmt(result.p99_ms),
                             result.errors, f"{share:.3f}x"])  # fmt: skip
                print(f"  {name} c{connections}: {result.rps:.1f} req/s, p99 {result.p99_ms:.1f} ms", flush=True)
    print(f"\n{args.documents} synthetic documents, store {store}; wrk {args.seconds} s per row; "
          f"load average {load_average():.2f}")  # fmt: skip
    print(table(["request", "conns", "req/s", "p50 ms", "p99 ms", "errors", "vs lineage"], rows))


if __name__ == "__main__":
    main()
