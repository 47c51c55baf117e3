"""``validate_graph`` and ``validate_ntriples`` answer as pySHACL does on the valid and every broken fixture
(pySHACL is the reference)."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import Graph
from test_ontology import BROKEN, VALID_FIXTURE

from ftzgraph.graph.rdf.validate import _shapes, validate_graph, validate_ntriples, vocabulary


def _reference(data: Graph) -> tuple[bool, str]:
    """pySHACL on the data merged with the vocabulary as ``validate_graph`` merges it (the report's prefixes
    depend on the namespaces the merged graph binds)."""
    combined = Graph()
    combined += data
    combined += vocabulary()
    conforms, _report, text = pyshacl.validate(combined, shacl_graph=_shapes(), inference="none", allow_warnings=True)
    return bool(conforms), str(text)


@pytest.mark.parametrize("name", [None, *BROKEN])
def test_the_same_verdict_and_report_as_pyshacl(name: str | None) -> None:
    data = Graph().parse(VALID_FIXTURE)
    if name is not None:
        BROKEN[name][0](data)
    conforms, text = _reference(data)
    assert conforms is (name is None)
    for report in (
        validate_graph(data),
        validate_ntriples(data.serialize(format="nt", encoding="utf-8"), lambda: data),
    ):
        assert report.conforms is conforms
        if not conforms:
            assert report.text == text and report.results >= 1
