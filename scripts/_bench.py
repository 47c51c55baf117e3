"""Shared helpers of the benchmark scripts: data sets, servers in their own process groups, wrk, tables.

Everything lives under ``FTZGRAPH_BENCH_DIR`` (default /tmp/ftzgraph-bench) and is reused between runs: the
N-Quads file of each data set (so every server loads the same data) and the stores loaded from it. Every
server started here runs in its own session; ``Server`` is a context manager that kills the whole group.
Also runnable as ``python scripts/_bench.py serve-memory FILE.nq PORT``: our app on an in-memory store.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BENCH_DIR = Path(os.environ.get("FTZGRAPH_BENCH_DIR", "/tmp/ftzgraph-bench"))
QUERIES = REPO / "api" / "queries"
JSON_RESULTS = "application/sparql-results+json"
PREFIXES = """PREFIX ftz: <https://w3id.org/ftzgraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""


# -- data sets -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dataset:
    """One graph every engine loads: ``nq`` is its N-Quads file, ``case`` a case with origins (for lineage)."""

    name: str
    nq: Path
    quads: int
    cases: int
    case: str

    @property
    def folder(self) -> Path:
        return self.nq.parent


def run(argv: Sequence[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(map(str, argv)), check=True, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload, no-any-return]


def _describe(name: str, nq: Path) -> Dataset:
    """Count quads and cases and pick the lineage case, once (cached next to the file)."""
    meta = nq.with_suffix(".json")
    if not meta.exists():
        import pyoxigraph as ox

        store = ox.Store()
        store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        cases = int(next(iter(store.query(PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?c a ftz:Case }",
                                          use_default_graph_as_union=True)))["n"].value)  # fmt: skip
        rows = store.query(
            PREFIXES + "SELECT DISTINCT ?case WHERE { ?case a ftz:Case ; ftz:reform/prov:qualifiedDerivation ?c . "
            "?c ftz:claimedZone|ftz:claimedBatch ?x ; ftz:evidence ?e } ORDER BY ?case",
            use_default_graph_as_union=True,
        )
        with_origins = [row["case"].value for row in rows]
        meta.write_text(json.dumps({"quads": len(store), "cases": cases, "case": with_origins[len(with_origins) // 2]}))
        del store
    info = json.loads(meta.read_text())
    return Dataset(name, nq, info["quads"], info["cases"], info["case"])


def document_dataset() -> Dataset:
    """The bundled document, built by ``ftzgraph build`` and dumped as N-Quads."""
    folder = BENCH_DIR / "document"
    nq = folder / "graph.nq"
    if not nq.exists():
        store = folder / "build-store"
        shutil.rmtree(store, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        run([BIN / "ftzgraph", "build", "-q", "--store", store])
        run([sys.executable, "-c", f"import pyoxigraph as ox; ox.Store.read_only({str(store)!r}).dump("
             f"{str(nq) + '.partial'!r}, format=ox.RdfFormat.N_QUADS)"])  # fmt: skip
        Path(str(nq) + ".partial").rename(nq)
    return _describe("document", nq)


SHAPE = "e1"
"""Version of the synthetic graph's shape (e1: shared entities in the entities graph); a new one regenerates it."""


def synthetic_dataset(cases: int, seed: int = 7) -> Dataset:
    """``cases`` synthetic cases generated as quads (scripts/_synthetic_graph.py), deterministic by ``seed``."""
    nq = BENCH_DIR / f"synthetic-{SHAPE}-{cases}-{seed}" / "graph.nq"
    if not nq.exists():
        sys.path.insert(0, str(Path(__file__).parent))
        from _synthetic_graph import write_synthetic_nquads

        write_synthetic_nquads(nq, cases, seed)
    label = f"{cases // 1000}k cases" if cases >= 1000 else f"{cases} cases"
    return _describe(label, nq)


def loaded_store(dataset: Dataset, kind: str) -> Path:
    """An on-disk store holding the data set: ``kind`` "ftzgraph" (pyoxigraph bulk load, then ``optimize`` as
    ``ftzgraph build`` does) or "oxigraph" (CLI ``load``, which optimises too)."""
    folder = dataset.folder / f"{kind}-store"
    marker = folder / ".bench-loaded-optimized"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        if kind == "oxigraph":
            run([BIN / "oxigraph", "load", "--location", folder, "--file", dataset.nq])
        else:
            load = f"s.bulk_load(path={str(dataset.nq)!r}, format=ox.RdfFormat.N_QUADS)"
            run([sys.executable, "-c", f"import pyoxigraph as ox; s = ox.Store({str(folder)!r}); {load}; s.optimize()"])
        marker.touch()
    return folder


def gsp_loaded_store(dataset: Dataset) -> tuple[Path, Path]:
    """The data set's triples (graphs dropped) PUT into the default graph of a new store through ftzgraph's
    Graph Store Protocol endpoint, as a user with RDF of their own loads it (../shared/bench's harness does the
    same); and the N-Triples file, for ``oxigraph load``. Returns (store, N-Triples file)."""
    import pyoxigraph as ox

    nt = dataset.folder / "graph.nt"
    if not nt.exists():
        quads = ox.parse(path=str(dataset.nq), format=ox.RdfFormat.N_QUADS)
        ox.serialize((q.triple for q in quads), output=str(nt) + ".partial", format=ox.RdfFormat.N_TRIPLES)
        Path(str(nt) + ".partial").rename(nt)
    folder = dataset.folder / "gsp-store"
    marker = folder / ".bench-loaded-through-gsp"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        argv = [str(BIN / "ftzgraph"), "serve", "--store", str(folder), "--port", "{port}"]
        env = {"FTZGRAPH_WRITE_TOKEN": "bench", "FTZGRAPH_MAX_BODY_BYTES": str(2**31)}
        with Server(ServerSpec("ftzgraph serve (writes on)", argv, "/sparql", env=env), free_port()) as server:
            drop = urllib.request.Request(  # a new store starts with the reference graphs: drop them, as the harness
                f"http://127.0.0.1:{server.port}/sparql/update", data=b"DROP ALL", method="POST",
                headers={"Authorization": "Bearer bench", "Content-Type": "application/sparql-update"},
            )  # fmt: skip
            urllib.request.urlopen(drop, timeout=600).close()
            request = urllib.request.Request(
                f"http://127.0.0.1:{server.port}/store?default", data=nt.read_bytes(), method="PUT",
                headers={"Authorization": "Bearer bench", "Content-Type": "application/n-triples"},
            )  # fmt: skip
            with urllib.request.urlopen(request, timeout=3600) as response:
                assert response.status in (201, 204), response.status
        oxigraph = dataset.folder / "oxigraph-nt-store"
        shutil.rmtree(oxigraph, ignore_errors=True)
        run([BIN / "oxigraph", "load", "--location", oxigraph, "--file", nt])
        marker.touch()
    return folder, nt


def varied_cases(dataset: Dataset, count: int = 500) -> list[str]:
    """``count`` case IRIs with origins (for lineage queries that differ from request to request)."""
    meta = dataset.folder / f"varied-cases-{count}.json"
    if not meta.exists():
        import pyoxigraph as ox

        store = ox.Store()
        store.bulk_load(path=str(dataset.nq), format=ox.RdfFormat.N_QUADS)
        rows = store.query(
            PREFIXES + "SELECT DISTINCT ?case WHERE { ?case a ftz:Case ; ftz:reform/prov:qualifiedDerivation ?c . "
            "?c ftz:claimedZone|ftz:claimedBatch ?x } ORDER BY ?case",
            use_default_graph_as_union=True,
        )
        cases = [row["case"].value for row in rows]
        step = max(1, len(cases) // count)
        meta.write_text(json.dumps(cases[::step][:count]))
    return list(json.loads(meta.read_text()))


# -- queries ---------------------------------------------------------------------------------------------


def example_query(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def lineage_query(case_iri: str) -> str:
    """api/queries/lineage-of-a-case.rq for one given case IRI instead of a title."""
    text = example_query("lineage-of-a-case")
    return re.sub(r'\?case a ftz:Case ; dcterms:title "[^"]*"@zh ;', f"VALUES ?case {{ <{case_iri}> }} ?case", text)


def search_query(text: str) -> str:
    """The first (matching) SPARQL query ``graph.search.search`` sends, recorded from a store that answers nothing."""
    from ftzgraph.graph.views.search import search

    sent: list[str] = []

    class Recorder:
        def select(self, query: str, **_: object) -> list[dict[str, object]]:
            sent.append(query)
            return []

    search(Recorder(), text)  # type: ignore[arg-type]
    return sent[0]


def bench_queries(dataset: Dataset) -> dict[str, str]:
    """The example queries of issue 5, ready to run on a union default graph."""
    return {
        "lineage": lineage_query(dataset.case),
        "per-zone aggregate": example_query("reforms-by-origin-zone"),
        "agency pairs": example_query("agency-pairs"),
        "search 海关": search_query("海关"),
        "property path": example_query("agency-hierarchy"),
    }


# -- processes -------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (shared pages counted in each)."""
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for proc in procs:
        with contextlib.suppress(psutil.Error):
            total += proc.memory_info().rss
    return total


def kill_group(proc: subprocess.Popen[bytes], grace_s: float = 10.0) -> None:
    """SIGTERM the process group ``proc`` leads, then SIGKILL what is left of it after ``grace_s``."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(grace_s)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def http_get(url: str, accept: str = JSON_RESULTS, timeout: float = 30.0) -> tuple[int, bytes, float]:
    """(status, body, seconds) of one GET; status 0 on a connection error or timeout."""
    started = time.perf_counter()
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read(), time.perf_counter() - started
    except urllib.error.HTTPError as error:
        return error.code, error.read(), time.perf_counter() - started
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError):
        return 0, b"", time.perf_counter() - started


@dataclass
class ServerSpec:
    """How to start one server: ``sparql_path`` is its query endpoint, ``extra`` query-string parameters."""

    name: str
    argv: list[str]
    sparql_path: str
    extra: str = ""
    env: dict[str, str] | None = None
    rest: bool = False
    ready_timeout_s: float = 900.0


class Server:
    """A server process in its own session: ``with Server(spec, port) as s:`` starts it, waits until it
    answers a query, and stops the whole process group on the way out (whatever happened)."""

    def __init__(self, spec: ServerSpec, port: int, log_dir: Path = BENCH_DIR / "logs") -> None:
        self.spec, self.port = spec, port
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log = log_dir / f"{re.sub(r'[^a-z0-9]+', '-', spec.name.lower())}-{port}.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.load_seconds = 0.0

    def url(self, query: str) -> str:
        return f"http://127.0.0.1:{self.port}{self.spec.sparql_path}?query={urllib.parse.quote(query)}{self.spec.extra}"

    def start(self) -> None:
        env = {**os.environ, **(self.spec.env or {})}
        argv = [a.replace("{port}", str(self.port)) for a in self.spec.argv]
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        started = time.perf_counter()
        while time.perf_counter() - started < self.spec.ready_timeout_s:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.spec.name} exited with {self.proc.returncode}; see {self.log}")
            status, _, _ = http_get(self.url("ASK {}"), timeout=5)
            if status == 200:
                self.load_seconds = time.perf_counter() - started
                return
            time.sleep(0.3)
        raise RuntimeError(f"{self.spec.name} did not answer within {self.spec.ready_timeout_s:.0f} s; see {self.log}")

    def stop(self) -> None:
        if self.proc is not None:
            kill_group(self.proc)
            self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def rss(self) -> int:
        return tree_rss(self.proc.pid) if self.proc else 0

    def idle(self, timeout_s: float) -> bool:
        """Wait until the server answers a trivial query within a second again (its backlog is done)."""
        end = time.perf_counter() + timeout_s
        while time.perf_counter() < end:
            status, _, seconds = http_get(self.url("ASK {}"), timeout=max(1.0, end - time.perf_counter()))
            if status == 200 and seconds < 1.0:
                return True
        return False

    def __enter__(self) -> Server:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


# -- wrk -------------------------------------------------------------------------------------------------


@dataclass
class WrkResult:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    note: str = ""


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS[unit]


def run_wrk(
    url: str,
    *,
    seconds: int,
    threads: int = 2,
    connections: int = 16,
    timeout_s: int = 30,
    accept: str = JSON_RESULTS,
    paths: Sequence[str] | None = None,
) -> WrkResult:
    """``wrk -t2 -c16 -dNs --latency`` on one GET URL, or on ``paths`` in turn (each request a different one, so
    no cache of identical requests decides the figure); errors = non-2xx answers plus socket errors."""
    argv = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", f"--timeout={timeout_s}s"]
    if paths:
        script = BENCH_DIR / f"wrk-{os.getpid()}-{abs(hash(tuple(paths)))}.lua"
        script.parent.mkdir(parents=True, exist_ok=True)
        listed = ",\n".join(json.dumps(path) for path in paths)
        script.write_text(
            f"local paths = {{\n{listed}\n}}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n"
            f'  return wrk.format("GET", paths[i], {{["Accept"] = {json.dumps(accept)}}})\nend\n'
        )
        argv += ["-s", str(script)]
    argv += ["-H", f"Accept: {accept}", url]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + timeout_s + 30).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    p50 = re.search(r"50%\s+([\d.]+\w+)", out)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out)
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return WrkResult(rps, _ms(p50.group(1)) if p50 else float("nan"), _ms(p99.group(1)) if p99 else float("nan"),
                     requests, errors)  # fmt: skip


def result_rows(body: bytes) -> int | None:
    """Number of solutions in a SPARQL JSON result (None when it is not one)."""
    try:
        return len(json.loads(body)["results"]["bindings"])
    except (ValueError, KeyError, TypeError):
        return None


# -- output ----------------------------------------------------------------------------------------------


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain text table, first column left-aligned, the others right-aligned."""
    cells = [[str(c) for c in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(row)))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def fmt(value: float, digits: int = 1) -> str:
    if value != value:  # NaN
        return "-"
    return f"{value:,.{digits}f}"


def mib(value: int) -> str:
    return f"{value / 2**20:,.0f} MiB"


def stop_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so the ``finally`` blocks stop every server this process started."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


def load_average() -> float:
    return os.getloadavg()[0]


# -- our app on an in-memory store (a server kind of its own) --------------------------------------------


def serve_memory(nq: str, port: int) -> None:
    """Our app (``create_app``) on an in-memory pyoxigraph store loaded from ``nq``; one uvicorn process."""
    import pyoxigraph as ox
    import uvicorn

    from ftzgraph.api.app import create_app
    from ftzgraph.api.settings import Settings
    from ftzgraph.graph.store.oxigraph import OxigraphStore

    store = OxigraphStore()
    store.raw.bulk_load(path=nq, format=ox.RdfFormat.N_QUADS)
    uvicorn.run(create_app(store, Settings()), host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "serve-memory":
        serve_memory(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit("usage: python scripts/_bench.py serve-memory FILE.nq PORT")
