"""Benchmark: ``ftzgraph build`` as a whole process, and extraction per document in-process.

Prints figures; asserts nothing (speed is measured here, behaviour is checked by the tests).
Usage: python scripts/bench_build.py [--repeat N] [PATH]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", help="document to build (default: the bundled one)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from ftzgraph.graph.build.builder import build, bundled_documents
    from ftzgraph.graph.extract.gazetteer import load_gazetteer
    from ftzgraph.graph.extract.pipeline import extract_document
    from ftzgraph.graph.rdf.document import document_graph
    from ftzgraph.graph.rdf.reference import reference_graph
    from ftzgraph.graph.rdf.validate import validate_graph
    from ftzgraph.graph.sources.read import read_document
    from ftzgraph.graph.store.oxigraph import OxigraphStore

    path = Path(args.path) if args.path else bundled_documents()[0]
    ftzgraph = Path(sys.executable).parent / "ftzgraph"

    whole = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            subprocess.run(
                [str(ftzgraph), "build", "-q", "--store", f"{tmp}/store", str(path)], check=True, capture_output=True
            )
            whole.append(time.perf_counter() - started)

    gazetteer = load_gazetteer()
    read_times, extract_times, triples_times = [], [], []
    extraction = None
    for _ in range(args.repeat):
        started = time.perf_counter()
        document = read_document(path)
        read_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        extraction = extract_document(document, gazetteer)
        extract_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        graph = document_graph(extraction, gazetteer)
        triples_times.append(time.perf_counter() - started)

    started = time.perf_counter()
    reference = reference_graph(gazetteer)
    combined = reference + graph
    validate_graph(combined)
    validate_seconds = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as tmp:
        store = OxigraphStore(f"{tmp}/store")
        started = time.perf_counter()
        report = build(store, [path])
        in_process = time.perf_counter() - started
        store.close()  # RocksDB's background threads may still write into the folder the block removes

    size = path.stat().st_size
    print(f"document: {path.name} ({size / 1024:.0f} KiB, {len(extraction.cases) if extraction else 0} cases)")
    print(f"{'step':44} {'median':>10} {'min':>10}")
    rows = [
        ("ftzgraph build (whole process, cold start)", whole),
        ("read + decode", read_times),
        ("extract (split + all extractors)", extract_times),
        ("triples (rdflib graph of the document)", triples_times),
    ]
    for name, values in rows:
        print(f"{name:44} {statistics.median(values) * 1000:8.1f}ms {min(values) * 1000:8.1f}ms")
    print(f"{'SHACL validation (reference + document)':44} {validate_seconds * 1000:8.1f}ms")
    print(f"{'build() in process (incl. validation, store)':44} {in_process * 1000:8.1f}ms  {report.triples} triples")


if __name__ == "__main__":
    main()
