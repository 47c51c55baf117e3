"""Time ``extract_document`` (what ``ftzgraph build`` runs per file) on documents, warm: reference data and
lexicons loaded once, every run on a fresh copy of the text so no per-text cache helps. Prints the median
wall-clock and CPU time and the slowest of N runs per file, in ms (CPU time is the steadier figure on a
shared machine). Default: the bundled document.

    .venv/bin/python scripts/bench_extract.py [FILE ...] [--runs N]
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time
from pathlib import Path

from ftzgraph.graph.build.builder import bundled_documents
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.sources.read import read_document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=bundled_documents())
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    gazetteer = load_gazetteer()
    for path in args.files:
        document = read_document(path)
        extract_document(document, gazetteer)  # warm-up: lexicons, regexes
        times, cpu = [], []
        for k in range(args.runs):
            fresh = dataclasses.replace(document, text=document.text + "\n" * (k + 1))
            started, started_cpu = time.perf_counter(), time.process_time()
            extract_document(fresh, gazetteer)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        print(
            f"{path.name}: {len(document.text)} chars, median {statistics.median(times):.0f} ms wall "
            f"({statistics.median(cpu):.0f} ms CPU), max {max(times):.0f} ms over {args.runs} runs"
        )


if __name__ == "__main__":
    main()
