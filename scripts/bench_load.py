"""Benchmark (issue 16): ``ftzgraph load`` beside ``oxigraph load`` on the same file of about a million triples.

The file is N-Triples converted from the synthetic graph (scripts/_synthetic_graph.py, 40,000 cases: about one
million quads, their graphs dropped), kept under ``FTZGRAPH_BENCH_DIR``. Each loader runs as a process into a
fresh store folder: ``ftzgraph load FILE --graph IRI`` (checks the whole file, bulk-loads it, compacts the store),
``oxigraph load --file FILE --graph IRI`` (bulk load, no compaction) and the same followed by
``oxigraph optimize`` (what ``ftzgraph load`` does). Prints wall time, triples/s and peak RSS. Asserts nothing.

    .venv/bin/python scripts/bench_load.py [--cases 40000] [--runs 1]
Needs psutil (PyPI).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import BENCH_DIR, BIN, fmt, load_average, mib, table, tree_rss

GRAPH = "http://example.org/loaded"


def triples_file(cases: int) -> tuple[Path, int]:
    """The N-Triples file of the synthetic graph of ``cases`` cases, and its number of lines."""
    import pyoxigraph as ox

    folder = BENCH_DIR / f"load-{cases}"
    nt = folder / "graph.nt"
    if not nt.exists():
        from _synthetic_graph import write_synthetic_nquads

        folder.mkdir(parents=True, exist_ok=True)
        nq = folder / "graph.nq"
        write_synthetic_nquads(nq, cases, 7)
        quads = ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS)
        ox.serialize((q.triple for q in quads), output=str(nt) + ".partial", format=ox.RdfFormat.N_TRIPLES)
        Path(str(nt) + ".partial").rename(nt)
        nq.unlink()
    with nt.open("rb") as handle:
        return nt, sum(1 for _ in handle)


def timed(argvs: list[list[str]]) -> tuple[float, int]:
    """Run the commands one after the other; (wall seconds, highest RSS of any of them, sampled)."""
    started, peak = time.perf_counter(), 0
    for argv in argvs:
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        while proc.poll() is None:
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.1)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed: {proc.stderr.read().decode()[-500:]}")  # type: ignore[union-attr]
    return time.perf_counter() - started, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=40_000)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    nt, lines = triples_file(args.cases)
    store = BENCH_DIR / f"load-{args.cases}" / "store"
    loaders = {
        "ftzgraph load (check, bulk load, compact)": [
            [str(BIN / "ftzgraph"), "load", str(nt), "--graph", GRAPH, "--store", str(store), "--quiet"]
        ],
        "oxigraph load": [
            [str(BIN / "oxigraph"), "load", "--location", str(store), "--file", str(nt), "--graph", GRAPH]
        ],
        "oxigraph load + optimize": [
            [str(BIN / "oxigraph"), "load", "--location", str(store), "--file", str(nt), "--graph", GRAPH],
            [str(BIN / "oxigraph"), "optimize", "--location", str(store)],
        ],
    }
    rows = []
    for run in range(args.runs):
        for name, argvs in loaders.items():
            shutil.rmtree(store, ignore_errors=True)
            seconds, peak = timed(argvs)
            rows.append([name, run + 1, fmt(seconds), fmt(lines / seconds, 0), mib(peak)])
            print(f"  {name}: {seconds:.1f} s", flush=True)
    shutil.rmtree(store, ignore_errors=True)
    print(f"\n{nt} ({nt.stat().st_size / 2**20:,.0f} MiB, {lines:,} triples); load average {load_average():.2f}")
    print(table(["loader", "run", "seconds", "triples/s", "peak RSS"], rows))


if __name__ == "__main__":
    main()
