"""Benchmark (issue 16): SHACL engines with pySHACL's interface, against pySHACL on our shapes and data.

For the valid fixture and every broken fixture of tests/test_ontology.py, and for the bundled document's graph
(reference + document, as ``ftzgraph build`` validates it), each engine validates the data merged with the
vocabulary, without inference (what ``graph/rdf/validate.py`` does). Prints whether conforms and the report (the
set of focus node, path, value, source shape, constraint component and severity of every result, and the lines
of the text report) match pySHACL's, and the time each engine takes. Asserts nothing.

    .venv/bin/python scripts/bench_shacl.py [--engines pyshacl_turbo] [--repeat 3]
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from rdflib import SH, Graph

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def results(report: Graph) -> frozenset[tuple[Any, ...]]:
    keys = (SH.focusNode, SH.resultPath, SH.value, SH.sourceShape, SH.sourceConstraintComponent, SH.resultSeverity)
    return frozenset(tuple(report.value(r, k) for k in keys) for r in report.objects(None, SH.result))


def cases() -> dict[str, Graph]:
    from test_ontology import BROKEN, VALID_FIXTURE

    from ftzgraph.graph.build.builder import bundled_documents
    from ftzgraph.graph.extract.gazetteer import load_gazetteer
    from ftzgraph.graph.extract.pipeline import extract_document
    from ftzgraph.graph.rdf.document import document_graph
    from ftzgraph.graph.rdf.reference import reference_graph
    from ftzgraph.graph.rdf.validate import vocabulary
    from ftzgraph.graph.sources.read import read_document

    out = {"valid fixture": Graph().parse(VALID_FIXTURE) + vocabulary()}
    for name, (edit, _shape) in BROKEN.items():
        data = Graph().parse(VALID_FIXTURE)
        edit(data)
        out[name] = data + vocabulary()
    path = bundled_documents()[0]
    doc = read_document(path)
    gazetteer = load_gazetteer()
    graph = document_graph(extract_document(doc, gazetteer), gazetteer)
    out["bundled document"] = graph + reference_graph(gazetteer) + vocabulary()
    return out


def run(engine: str, data: Graph, shapes: Graph) -> tuple[tuple[bool, frozenset[tuple[Any, ...]], str], float]:
    validate = importlib.import_module(engine).validate
    copy = Graph()
    copy += data
    started = time.perf_counter()
    conforms, report, text = validate(copy, shacl_graph=shapes, inference="none", allow_warnings=True, inplace=True)
    return (bool(conforms), results(report), str(text)), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", default="pyshacl_turbo")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from ftzgraph.ontology.namespace import SHAPES_PATH

    shapes = Graph().parse(SHAPES_PATH)
    engines = ["pyshacl", *args.engines.split(",")]
    print(f"{'data':32} " + " ".join(f"{e:>34}" for e in engines))
    for name, data in cases().items():
        reference = None
        cells = []
        for engine in engines:
            try:
                times = []
                for _ in range(args.repeat if name == "bundled document" else 1):
                    answer, seconds = run(engine, data, shapes)
                    times.append(seconds)
            except Exception as error:  # an engine that fails is a row of its own, not the end of the run
                cells.append(f"error {type(error).__name__}: {str(error)[:20]}")
                continue
            conforms, found, text = answer
            if reference is None:
                reference = answer
                same = f"conforms={conforms} {len(found)} results"
            elif answer[:2] != reference[:2]:
                same = f"DIFFERS conforms={conforms} {len(found)}"
                print(f"   {engine} on {name}: only pySHACL {set(reference[1]) - set(found)}")
                print(f"   {engine} on {name}: only {engine} {set(found) - set(reference[1])}")
            else:  # same results; the text report lists them in an order of its own, so compare its lines
                same = (
                    "same" if sorted(text.splitlines()) == sorted(reference[2].splitlines()) else "same, text differs"
                )
            cells.append(f"{same} {statistics.median(times) * 1000:.0f} ms")
        print(f"{name[:32]:32} " + " ".join(f"{c:>34}" for c in cells), flush=True)


if __name__ == "__main__":
    main()
