"""Benchmark (issue 5): ingestion, query latency per engine, and HTTP throughput, side by side in one run.

1. Ingestion: ``ftzgraph build CORPUS --store X -q`` as a process on 1,000 and 10,000 synthetic documents
   (graph/synthetic.write_corpus), into the embedded store and into an ``oxigraph serve`` server
   (``--store http://…/query``): wall time, documents/s, triples/s, peak RSS of the build's process tree, and
   growth from the first size to the second. When the second size would take over --max-minutes (estimated
   from the first), it is replaced by 3x the first and the table says so.
2. Queries: p50/p99 latency of the example queries (lineage, per-zone aggregate, agency pairs, search by title
   substring, property path) on embedded Oxigraph (pyoxigraph Store on disk) vs rdflib's in-memory Dataset
   (default_union) vs the remote ``oxigraph serve``, on the bundled document's graph and on the synthetic
   100k-case graph. Each (engine, query) runs in a child process stopped at --query-timeout (rdflib: --rdflib-timeout).
3. HTTP: our /sparql vs ``oxigraph serve`` vs rdflib-endpoint on the lineage query (scripts/bench_http.py).

    .venv/bin/python scripts/bench_ingest.py [--quick] [--docs 1000,10000] [--cases 100000] [--skip ...]
Asserts nothing; prints tables. Needs: wrk (Debian), rdflib-endpoint and psutil (PyPI).
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import (
    BENCH_DIR,
    BIN,
    Dataset,
    Server,
    bench_queries,
    document_dataset,
    fmt,
    free_port,
    http_get,
    kill_group,
    load_average,
    loaded_store,
    mib,
    stop_on_sigterm,
    synthetic_dataset,
    table,
    tree_rss,
)
from bench_http import report as http_report
from bench_http import run_http, server_spec

# -- 1. ingestion ----------------------------------------------------------------------------------------


@dataclass
class Ingest:
    target: str
    documents: int
    seconds: float
    peak_rss: int
    cases: int = 0
    triples: int = 0
    server_rss: int = 0
    note: str = ""


def corpus(documents: int, seed: int) -> Path:
    """The synthetic corpus of ``documents`` documents (written once, reused)."""
    from ftzgraph.graph.build.synthetic import write_corpus

    folder = BENCH_DIR / f"corpus-{seed}-{documents}"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(folder, documents, seed)
        (folder / ".complete").touch()
    return folder


def run_build(folder: Path, store: str, cwd: Path) -> tuple[float, int, str, int]:
    """Run ``ftzgraph build`` as its own process group: (seconds, peak RSS of its tree, output, exit status)."""
    argv = [str(BIN / "ftzgraph"), "build", "-q", str(folder), "--store", store]
    started = time.perf_counter()
    log = cwd / "build.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    peak = 0
    try:
        while proc.poll() is None:
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.25)
    finally:
        kill_group(proc)
    return time.perf_counter() - started, peak, log.read_text(errors="replace"), proc.returncode


def _summary(output: str) -> tuple[int, int]:
    found = re.search(r"(\d+) cases, (\d+) triples written", output)
    return (int(found.group(1)), int(found.group(2))) if found else (0, 0)


def ingest_embedded(folder: Path, documents: int) -> Ingest:
    with tempfile.TemporaryDirectory(prefix="ftzgraph-ingest-") as tmp:
        seconds, peak, output, status = run_build(folder, f"{tmp}/store", Path(tmp))
    cases, triples = _summary(output)
    note = "" if status == 0 else f"exit {status}: {output.strip().splitlines()[-1][:100]}"
    return Ingest("embedded (disk)", documents, seconds, peak, cases, triples, note=note)


def _server_quads(server: Server) -> int:
    status, body, _ = http_get(server.url("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"), timeout=120)
    try:
        import json

        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) if status == 200 else -1
    except (ValueError, KeyError, IndexError):
        return -1


def ingest_remote(folder: Path, documents: int) -> Ingest:
    """Build into an empty ``oxigraph serve`` through ``--store URL``; checks that the server really got the data."""
    with tempfile.TemporaryDirectory(prefix="ftzgraph-ingest-remote-") as tmp:
        argv = [str(BIN / "oxigraph"), "serve", "--location", f"{tmp}/oxigraph", "--bind", "127.0.0.1:{port}"]
        from _bench import ServerSpec

        spec = ServerSpec("oxigraph serve (ingest target)", argv, "/query", extra="&union-default-graph")
        cwd = Path(tmp) / "cwd"  # a CLI that took the URL for a folder would create it here, not in the repo
        cwd.mkdir()
        with Server(spec, free_port()) as server:
            url = f"http://127.0.0.1:{server.port}/query"
            seconds, peak, output, status = run_build(folder, url, cwd)
            quads = _server_quads(server)
            server_rss = server.rss()
    cases, triples = _summary(output)
    note = ""
    if status != 0:
        note = f"exit {status}: {output.strip().splitlines()[-1][:100]}"
    elif quads <= 0:
        note = "the server holds no data: this CLI does not accept a URL as --store yet (wrote a folder instead)"
    return Ingest("oxigraph serve (remote)", documents, seconds, peak, cases, triples, server_rss, note)


def ingestion(sizes: list[int], seed: int, targets: list[str], max_minutes: float) -> list[Ingest]:
    results: list[Ingest] = []
    for target in targets:
        run_sizes = list(sizes)
        previous: Ingest | None = None
        for documents in run_sizes:
            if previous is not None:
                estimate = previous.seconds * documents / previous.documents
                if estimate > max_minutes * 60:
                    print(f"  {target}: {documents} documents would take ~{estimate / 60:.0f} min; "
                          f"running {3 * run_sizes[0]} instead", file=sys.stderr)  # fmt: skip
                    documents = 3 * run_sizes[0]
            folder = corpus(documents, seed)
            print(f"  ingest {documents} documents into {target} (load {load_average():.2f})", file=sys.stderr)
            previous = ingest_embedded(folder, documents) if target == "embedded" else ingest_remote(folder, documents)
            results.append(previous)
            print(f"    {previous.seconds:.1f} s, {previous.triples} triples, peak RSS {mib(previous.peak_rss)} "
                  f"{previous.note}", file=sys.stderr, flush=True)  # fmt: skip
    return results


def ingestion_table(results: list[Ingest]) -> str:
    rows = []
    first: dict[str, Ingest] = {}
    for r in results:
        base = first.setdefault(r.target, r)
        growth = ""
        if base is not r and base.seconds and base.peak_rss:
            growth = (f"x{r.documents / base.documents:.0f} docs: time x{r.seconds / base.seconds:.1f}, "
                      f"RSS x{r.peak_rss / base.peak_rss:.1f}")  # fmt: skip
        rows.append([
            r.target, r.documents, r.cases, r.triples, fmt(r.seconds), fmt(r.documents / r.seconds),
            fmt(r.triples / r.seconds, 0), mib(r.peak_rss), mib(r.server_rss) if r.server_rss else "-", growth, r.note,
        ])  # fmt: skip
    headers = ["store", "documents", "cases", "triples", "wall s", "docs/s", "triples/s", "peak RSS build",
               "server RSS", "growth", "note"]  # fmt: skip
    return table(headers, rows)


# -- 2. query latency ------------------------------------------------------------------------------------


@dataclass
class Latency:
    dataset: str
    engine: str
    query: str
    times: list[float]
    rows: int | None = None
    note: str = ""


def _runs(conn: Connection, run: Any, reps: int, budget_s: float) -> None:
    """Send ("rows", n) after a first run, then ("time", s) per run until ``reps`` runs or ``budget_s`` seconds.

    A first run over a second counts as a run (no separate warm-up), so that slow queries still give a figure.
    """
    started = time.perf_counter()
    rows = run()
    first = time.perf_counter() - started
    conn.send(("rows", rows))
    if first > 1.0:
        conn.send(("time", first))
    spent = first
    while spent < budget_s and reps > 0:
        started = time.perf_counter()
        run()
        took = time.perf_counter() - started
        conn.send(("time", took))
        spent += took
        reps -= 1
    conn.close()


def _embedded_child(conn: Connection, store_path: str, query: str, reps: int, budget_s: float) -> None:
    import pyoxigraph as ox

    store = ox.Store.read_only(store_path)
    _runs(conn, lambda: len(list(store.query(query, use_default_graph_as_union=True))), reps, budget_s)


def _remote_child(conn: Connection, url: str, query: str, reps: int, budget_s: float, timeout_s: float) -> None:
    from ftzgraph.graph.store.open import open_store

    environ = {"FTZGRAPH_REMOTE_TIMEOUT_S": str(timeout_s), "FTZGRAPH_REMOTE_RETRIES": "0"}
    store = open_store(url, write=False, environ=environ)
    _runs(conn, lambda: len(store.select(query)), reps, budget_s)


_RDFLIB_GRAPH: list[Any] = []
"""The parsed rdflib Dataset, inherited by the forked children."""


def _rdflib_child(conn: Connection, query: str, reps: int, budget_s: float) -> None:
    graph = _RDFLIB_GRAPH[0]
    _runs(conn, lambda: len(list(graph.query(query))), reps, budget_s)


def bounded(engine: str, dataset: Dataset, name: str, method: str, target: Any, args: tuple[Any, ...],
            timeout_s: float) -> Latency:  # fmt: skip
    """Run ``target(conn, *args)`` in a child process (``method``: fork or spawn) and kill it at ``timeout_s``."""
    context = multiprocessing.get_context(method)
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=target, args=(send, *args), daemon=True)
    child.start()
    send.close()
    latency = Latency(dataset.name, engine, name, [])
    deadline = time.perf_counter() + timeout_s
    try:
        while True:
            left = deadline - time.perf_counter()
            if left <= 0 or not receive.poll(left):
                latency.note = f"stopped at {timeout_s:.0f} s"
                break
            kind, value = receive.recv()
            if kind == "rows":
                latency.rows = value
            else:
                latency.times.append(value)
    except EOFError:
        pass
    finally:
        if child.is_alive():
            child.kill()
        child.join()
    if not latency.times:
        latency.note = f">{timeout_s:.0f} s (no run finished)"
    return latency


def latencies_for(dataset: Dataset, args: argparse.Namespace) -> list[Latency]:
    """Each example query on each engine, bounded in time (a stopped remote server is restarted)."""
    queries = bench_queries(dataset)
    out = []
    store = str(loaded_store(dataset, "ftzgraph"))
    for name, query in queries.items():
        out.append(bounded("embedded Oxigraph (disk)", dataset, name, "spawn", _embedded_child,
                           (store, query, args.reps, args.budget), args.query_timeout))  # fmt: skip
    server = Server(server_spec("oxigraph", dataset, 0), free_port())
    try:
        server.start()
        for name, query in queries.items():
            url = f"http://127.0.0.1:{server.port}/query"
            latency = bounded("remote oxigraph serve", dataset, name, "spawn", _remote_child,
                              (url, query, args.reps, args.budget, args.query_timeout), args.query_timeout)  # fmt: skip
            out.append(latency)
            if latency.note:
                server.restart()  # the server may still be evaluating the abandoned query
    finally:
        server.stop()
    from rdflib import Dataset as RdflibDataset

    started = time.perf_counter()
    graph = RdflibDataset(default_union=True)
    graph.parse(str(dataset.nq), format="nquads")
    print(f"  rdflib parsed {dataset.name} in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    _RDFLIB_GRAPH[:] = [graph]
    try:
        for name, query in queries.items():
            out.append(bounded("rdflib Dataset (memory)", dataset, name, "fork", _rdflib_child,
                               (query, args.rdflib_runs, args.budget), args.rdflib_timeout))  # fmt: skip
    finally:
        _RDFLIB_GRAPH.clear()
    return out


def _pct(times: list[float], q: float) -> float:
    if not times:
        return float("nan")
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def latency_table(latencies: list[Latency]) -> str:
    p50 = {(x.dataset, x.engine, x.query): statistics.median(x.times) for x in latencies if x.times}
    rows = []
    for x in latencies:
        embedded = p50.get((x.dataset, "embedded Oxigraph (disk)", x.query))
        mine = p50.get((x.dataset, x.engine, x.query))
        ratio = f"{mine / embedded:.1f}x" if mine and embedded else "-"
        rows.append([x.dataset, x.query, x.engine, "-" if x.rows is None else x.rows, len(x.times),
                     fmt(_pct(x.times, 0.5), 2), fmt(_pct(x.times, 0.99), 2), ratio, x.note])  # fmt: skip
    headers = ["data", "query", "engine", "rows", "runs", "p50 ms", "p99 ms", "p50 / embedded", "note"]
    return table(headers, rows)


# -- main ------------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="20 and 60 documents, 2,000 cases, 3 s wrk runs")
    parser.add_argument("--docs", default="1000,10000", help="corpus sizes to ingest")
    parser.add_argument("--cases", type=int, default=100_000, help="cases of the synthetic query graph")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-minutes", type=float, default=25.0, help="longest ingestion run allowed")
    parser.add_argument("--reps", type=int, default=20, help="runs per query (fewer when over --budget)")
    parser.add_argument("--budget", type=float, default=10.0, help="seconds of runs per query and engine")
    parser.add_argument("--rdflib-runs", type=int, default=3)
    parser.add_argument("--query-timeout", type=float, default=60.0, help="seconds per query and engine (all runs)")
    parser.add_argument("--rdflib-timeout", type=float, default=120.0, help="seconds per rdflib query (all runs)")
    parser.add_argument("--seconds", type=int, default=10, help="duration of each wrk run")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: ingest, remote, queries, http")
    args = parser.parse_args()
    stop_on_sigterm()
    skip = set(filter(None, args.skip.split(",")))
    sizes = [20, 60] if args.quick else [int(n) for n in args.docs.split(",")]
    cases, seconds = (2_000, 3) if args.quick else (args.cases, args.seconds)
    print(f"files under {BENCH_DIR}; load average at start {load_average():.2f}")

    if "ingest" not in skip:
        targets = ["embedded"] + ([] if "remote" in skip else ["remote"])
        results = ingestion(sizes, args.seed, targets, args.max_minutes)
        print("\n== ingestion (ftzgraph build -q CORPUS --store X, as a process)")
        print(ingestion_table(results), flush=True)

    datasets = [document_dataset(), synthetic_dataset(cases, args.seed)]
    if "queries" not in skip:
        latencies: list[Latency] = []
        for dataset in datasets:
            print(f"  queries on {dataset.name} (load {load_average():.2f})", file=sys.stderr, flush=True)
            latencies += latencies_for(dataset, args)
        print("\n== query latency (" + "; ".join(f"{d.name}: {d.quads:,} quads, {d.cases:,} cases" for d in datasets)
              + ")")  # fmt: skip
        print(latency_table(latencies), flush=True)

    if "http" not in skip:
        measures, memories = run_http(
            datasets, ("ftzgraph-disk", "oxigraph", "rdflib-endpoint"), ("lineage",), seconds=seconds
        )
        print(f"\n== HTTP, lineage query (wrk -t2 -c16 -d{seconds}s --latency)")
        print(http_report(measures, memories))
    print(f"load average at the end {load_average():.2f}")


if __name__ == "__main__":
    main()
