"""Benchmark (issue 3, Speed): our server next to `oxigraph serve` and rdflib-endpoint, on loopback, with wrk.

Each server serves the same N-Quads file (the bundled document's graph, and a synthetic graph of about 100k cases
from scripts/_synthetic_graph.py) and answers the same GET requests, one wrk run each (``wrk -t2 -c16 -d10s
--latency``): a lineage SPARQL query (one case's origins), the per-origin-zone aggregate and, on our server,
``/cases/{id}/lineage``; the lineage query once more with 4 connections (``lineage-c4``: latency when the
server is not saturated). Servers: ``ftzgraph serve --workers 2`` on the on-disk store (what we ship; both
uvicorn workers open it read-only, SPARQL runs on their query threads; once with the result cache as
shipped, once with it off, so the engine path is measured too), our app on an in-memory store
(one process, same data), a bare FastAPI + pyoxigraph handler (scripts/_bare_endpoint.py: the cost of the
Python stack alone), ``oxigraph serve`` (on disk, union default graph asked per request) and
rdflib-endpoint (rdflib Dataset, default_union). The harness's scenario (../shared/bench/http-side-by-side.sh) is
here too: ``ftzgraph-gsp`` serves a store loaded through the Graph Store Protocol beside ``oxigraph-gsp`` on the
same triples, and "lineage-varied"/"aggregate-varied" send a different query text with every request (see
``VARIED``). A request slower than --probe-timeout is not loaded with wrk:
the row says '>N s'. Prints requests/s, p50, p99, ratios against oxigraph and rdflib-endpoint, and the RSS of
each server's process tree with the data loaded. Asserts nothing.

    .venv/bin/python scripts/bench_http.py [--quick] [--cases 100000] [--seconds 10] [--servers ...]
Needs: wrk (Debian), rdflib-endpoint and psutil (PyPI).
"""

from __future__ import annotations

import argparse
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import (
    BENCH_DIR,
    BIN,
    Dataset,
    Server,
    ServerSpec,
    WrkResult,
    document_dataset,
    example_query,
    fmt,
    free_port,
    gsp_loaded_store,
    http_get,
    lineage_query,
    load_average,
    loaded_store,
    mib,
    result_rows,
    run_wrk,
    stop_on_sigterm,
    synthetic_dataset,
    table,
    varied_cases,
)

SERVERS = ("ftzgraph-disk", "ftzgraph-disk-nocache", "ftzgraph-memory", "bare-fastapi", "oxigraph", "rdflib-endpoint",
           "ftzgraph-gsp", "ftzgraph-gsp-nocache", "oxigraph-gsp")  # fmt: skip
QUERIES = ("lineage", "lineage-c4", "rest-lineage", "aggregate", "lineage-varied", "aggregate-varied")
VARIED = {"lineage-varied": ("lineage", 16), "aggregate-varied": ("aggregate", 2)}
"""The harness's scenario (../shared/bench/http-side-by-side.sh): every request a different query text (the
lineage of 500 different cases at 16 connections; the aggregate with 500 different comments at 2), on a store
loaded through the Graph Store Protocol (``ftzgraph-gsp``) beside ``oxigraph load`` of the same triples
(``oxigraph-gsp``), both with the data in the default graph; ``ftzgraph-gsp-nocache`` is the same server with the
result cache off (wrk's two threads each send the 500 aggregate texts, so with the cache on the second copy of a
text may be answered from it). The "-varied" queries run on those servers only."""
GSP_NAMES = {
    "ftzgraph serve (GSP-loaded, 2 workers)",
    "ftzgraph serve (GSP-loaded, 2 workers, no cache)",
    "oxigraph serve (same triples)",
}
LIGHT_LOAD = {"lineage-c4": 4}
"""Queries also run with fewer wrk connections (here 4, one thread): latency when the server is not saturated."""


@dataclass
class Measure:
    dataset: str
    server: str
    query: str
    rows: int | None = None
    result: WrkResult | None = None
    note: str = ""


@dataclass
class ServerMemory:
    dataset: str
    server: str
    load_s: float
    rss_loaded: int
    rss_after: int = 0
    notes: list[str] = field(default_factory=list)


def server_spec(kind: str, dataset: Dataset, timeout_ms: int) -> ServerSpec:
    env = {"FTZGRAPH_QUERY_TIMEOUT_MS": str(timeout_ms)}
    if kind in ("ftzgraph-disk", "ftzgraph-disk-nocache"):
        store = loaded_store(dataset, "ftzgraph")
        argv = [str(BIN / "ftzgraph"), "serve", "--store", str(store), "--port", "{port}", "--workers", "2"]
        if kind == "ftzgraph-disk":
            return ServerSpec("ftzgraph serve (disk, 2 workers)", argv, "/sparql", env=env, rest=True)
        env["FTZGRAPH_RESULT_CACHE_MB"] = "0"  # every request evaluated: the engine path without the cache
        return ServerSpec("ftzgraph serve (disk, 2 workers, no cache)", argv, "/sparql", env=env, rest=True)
    if kind in ("ftzgraph-gsp", "ftzgraph-gsp-nocache"):
        store, _ = gsp_loaded_store(dataset)
        argv = [str(BIN / "ftzgraph"), "serve", "--store", str(store), "--port", "{port}", "--workers", "2"]
        if kind == "ftzgraph-gsp":
            return ServerSpec("ftzgraph serve (GSP-loaded, 2 workers)", argv, "/sparql", env=env)
        env["FTZGRAPH_RESULT_CACHE_MB"] = "0"
        return ServerSpec("ftzgraph serve (GSP-loaded, 2 workers, no cache)", argv, "/sparql", env=env)
    if kind == "oxigraph-gsp":
        gsp_loaded_store(dataset)
        argv = [str(BIN / "oxigraph"), "serve", "--location", str(dataset.folder / "oxigraph-nt-store")]
        return ServerSpec("oxigraph serve (same triples)", [*argv, "--bind", "127.0.0.1:{port}"], "/query")
    if kind == "ftzgraph-memory":
        argv = [sys.executable, str(Path(__file__).parent / "_bench.py"), "serve-memory", str(dataset.nq), "{port}"]
        return ServerSpec("ftzgraph app (memory, 1 process)", argv, "/sparql", env=env, rest=True)
    if kind == "bare-fastapi":
        store = loaded_store(dataset, "ftzgraph")
        argv = [str(BIN / "uvicorn"), "--app-dir", str(Path(__file__).parent), "_bare_endpoint:app"]
        argv += ["--port", "{port}", "--workers", "2", "--no-access-log"]  # httptools, as ftzgraph serve
        name = "bare FastAPI + pyoxigraph (disk, 2 workers)"
        return ServerSpec(name, argv, "/sparql", env={"BARE_STORE": str(store)})
    if kind == "oxigraph":
        store = loaded_store(dataset, "oxigraph")
        argv = [str(BIN / "oxigraph"), "serve", "--location", str(store), "--bind", "127.0.0.1:{port}"]
        return ServerSpec("oxigraph serve (disk)", argv, "/query", extra="&union-default-graph")
    if kind == "rdflib-endpoint":
        argv = [str(BIN / "rdflib-endpoint"), "serve", str(dataset.nq), "--host", "127.0.0.1", "--port", "{port}"]
        return ServerSpec("rdflib-endpoint", argv, "/")
    raise ValueError(f"unknown server kind {kind!r}; known: {', '.join(SERVERS)}")


def varied_paths(server: Server, query: str, dataset: Dataset) -> list[str]:
    """The 500 request targets of a "-varied" query on ``server``."""
    if VARIED[query][0] == "lineage":
        texts = [lineage_query(case) for case in varied_cases(dataset)]
    else:
        texts = [f"# variant {i}\n{example_query('reforms-by-origin-zone')}" for i in range(500)]
    return [f"{server.spec.sparql_path}?query={urllib.parse.quote(t)}{server.spec.extra}" for t in texts]


def request_url(server: Server, query: str, dataset: Dataset) -> str | None:
    gsp = server.spec.name in GSP_NAMES
    if (query in VARIED and not gsp) or (gsp and query not in (*VARIED, "lineage", "aggregate")):
        return None  # the varied queries run on the GSP-loaded servers only
    if query in VARIED:
        return server.url(lineage_query(dataset.case) if VARIED[query][0] == "lineage" else example_query(
            "reforms-by-origin-zone"))  # fmt: skip
    if query in ("lineage", "lineage-c4"):
        return server.url(lineage_query(dataset.case))
    if query == "aggregate":
        return server.url(example_query("reforms-by-origin-zone"))
    if query == "rest-lineage" and server.spec.rest:
        case_id = dataset.case.rsplit("/case/", 1)[1]
        return f"http://127.0.0.1:{server.port}/cases/{case_id}/lineage"
    return None


def measure_server(
    kind: str, dataset: Dataset, queries: tuple[str, ...], *, seconds: int, probe_timeout_s: float, timeout_ms: int
) -> tuple[list[Measure], ServerMemory]:
    """Start one server on the data set, run each query (probe, then wrk), stop it; the heavy query goes last."""
    spec = server_spec(kind, dataset, timeout_ms)
    measures: list[Measure] = []
    with Server(spec, free_port()) as server:
        memory = ServerMemory(dataset.name, spec.name, server.load_seconds, server.rss())
        for query in queries:
            url = request_url(server, query, dataset)
            if url is None:
                continue
            measure = Measure(dataset.name, spec.name, query)
            measures.append(measure)
            accept = "application/json" if query == "rest-lineage" else "application/sparql-results+json"
            status, body, took = http_get(url, accept=accept, timeout=probe_timeout_s)
            if status == 0:
                measure.note = f"one request >{probe_timeout_s:.0f} s"
                server.restart()
                continue
            if status != 200:
                measure.note = f"HTTP {status}: {body[:120]!r}"
                continue
            measure.rows = result_rows(body) if query != "rest-lineage" else len(body)
            single = WrkResult(1 / took, took * 1000, took * 1000, 1, 0)
            if took > seconds / 4:  # 16 connections on 2 cores would not finish two rounds within the run
                measure.note, measure.result = f"one request took {took:.1f} s: not loaded (serial figure)", single
                continue
            load: dict[str, Any] = {"threads": 1, "connections": LIGHT_LOAD[query]} if query in LIGHT_LOAD else {}
            if query in VARIED:
                load = {"connections": VARIED[query][1], "paths": varied_paths(server, query, dataset)}
            measure.result = run_wrk(url, seconds=seconds, timeout_s=max(10, int(probe_timeout_s)), **load)
            if measure.result.requests == 0:
                measure.note = f"wrk: none of 16 finished in {seconds} s; serial figure ({took:.1f} s alone)"
                measure.result = single
            memory.rss_after = max(memory.rss_after, server.rss())
            if query != queries[-1] and not server.idle(probe_timeout_s * 2):
                memory.notes.append(f"restarted after {query} (backlog)")
                server.restart()
        memory.rss_after = max(memory.rss_after, server.rss())
    return measures, memory


def run_http(
    datasets: list[Dataset],
    servers: tuple[str, ...] = SERVERS,
    queries: tuple[str, ...] = QUERIES,
    *,
    seconds: int = 10,
    probe_timeout_s: float = 60.0,
    timeout_ms: int = 120_000,
) -> tuple[list[Measure], list[ServerMemory]]:
    measures: list[Measure] = []
    memories: list[ServerMemory] = []
    for dataset in datasets:
        for kind in servers:
            print(f"  {dataset.name}: {kind} (load {load_average():.2f})", file=sys.stderr, flush=True)
            try:
                got, memory = measure_server(
                    kind, dataset, queries, seconds=seconds, probe_timeout_s=probe_timeout_s, timeout_ms=timeout_ms
                )
            except RuntimeError as error:
                print(f"  {kind} failed: {error}", file=sys.stderr)
                continue
            measures += got
            memories.append(memory)
    return measures, memories


def _ratio(value: float | None, base: float | None) -> str:
    return f"{value / base:.2f}x" if value and base else "-"


def report(measures: list[Measure], memories: list[ServerMemory]) -> str:
    """The throughput table with ratios (ours against oxigraph and rdflib-endpoint), and the memory table."""
    by_key = {(m.dataset, m.server, m.query): m for m in measures}

    def rps(dataset: str, prefix: str, query: str) -> float | None:
        for (d, s, q), m in by_key.items():
            if d == dataset and s.startswith(prefix) and q == query and m.result:
                return m.result.rps
        return None

    rows = []
    for m in measures:
        r = m.result
        base_query = "lineage" if m.query == "rest-lineage" else m.query  # REST against the SPARQL lineage
        if m.query in VARIED and m.server.startswith("ftzgraph"):
            base = next((x.result.rps for x in measures if x.query == m.query and x.dataset == m.dataset
                         and x.server.startswith("oxigraph serve (same") and x.result), None)  # fmt: skip
            rows.append([m.dataset, m.server, m.query, "-" if m.rows is None else m.rows,
                         fmt(m.result.rps) if m.result else "-", fmt(m.result.p50_ms, 2) if m.result else "-",
                         fmt(m.result.p99_ms, 2) if m.result else "-", m.result.requests if m.result else "-",
                         m.result.errors if m.result else "-", _ratio(m.result.rps if m.result else None, base), "-",
                         m.note])  # fmt: skip
            continue
        mine = r.rps if r else None
        rows.append([
            m.dataset, m.server, m.query, "-" if m.rows is None else m.rows,
            fmt(r.rps) if r else "-", fmt(r.p50_ms, 2) if r else "-", fmt(r.p99_ms, 2) if r else "-",
            r.requests if r else "-", r.errors if r else "-",
            _ratio(mine, rps(m.dataset, "oxigraph", base_query)), _ratio(mine, rps(m.dataset, "rdflib", base_query)),
            m.note,
        ])  # fmt: skip
    headers = ["data", "server", "query", "rows/bytes", "req/s", "p50 ms", "p99 ms", "requests", "errors",
               "vs oxigraph", "vs rdflib-ep", "note"]  # fmt: skip
    memory_rows = [
        [m.dataset, m.server, fmt(m.load_s), mib(m.rss_loaded), mib(m.rss_after), "; ".join(m.notes)] for m in memories
    ]
    memory_headers = ["data", "server", "start+load s", "RSS loaded", "RSS after load test", "note"]
    return table(headers, rows) + "\n\n" + table(memory_headers, memory_rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="2,000 synthetic cases, 3 s per wrk run")
    parser.add_argument("--cases", type=int, default=100_000, help="synthetic cases (default 100,000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--seconds", type=int, default=10, help="duration of each wrk run")
    parser.add_argument("--probe-timeout", type=float, default=60.0, help="seconds one request may take")
    parser.add_argument("--servers", default=",".join(SERVERS), help=f"comma-separated, of: {', '.join(SERVERS)}")
    parser.add_argument("--no-document", action="store_true", help="only the synthetic graph")
    args = parser.parse_args()
    stop_on_sigterm()
    cases, seconds = (2_000, 3) if args.quick else (args.cases, args.seconds)
    datasets = ([] if args.no_document else [document_dataset()]) + [synthetic_dataset(cases, args.seed)]
    for d in datasets:
        print(f"data set {d.name}: {d.quads:,} quads, {d.cases:,} cases, lineage case <{d.case}> ({d.nq})")
    print(f"wrk -t2 -c16 -d{seconds}s --latency; files under {BENCH_DIR}; load average {load_average():.2f}")
    measures, memories = run_http(
        datasets, tuple(args.servers.split(",")), seconds=seconds, probe_timeout_s=args.probe_timeout
    )
    print(report(measures, memories))
    print(f"load average at the end {load_average():.2f}")


if __name__ == "__main__":
    main()
