"""Provider kinds and the adopting side's own zones."""

from __future__ import annotations

import pytest

from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.extract.provider import provider_kind
from ftzgraph.graph.model import Place
from ftzgraph.graph.sources.read import read_document


@pytest.mark.parametrize(
    ("name", "kind", "place"),
    [
        ("大庆市", "city", None),
        ("大兴安岭地区", "city", None),
        ("绥芬河片区", "ftz_area", Place("heilongjiang", "绥芬河片区")),
        ("中国（广西）自由贸易试验区崇左片区", "ftz_area", Place("guangxi", "崇左片区")),
        ("省商务厅", "other", None),
    ],
)
def test_provider_kind(name: str, kind: str, place: Place | None) -> None:
    assert provider_kind(name, load_gazetteer()) == (kind, place)


def test_extraction_of_the_bundled_document(bundled_path) -> None:  # type: ignore[no-untyped-def]
    extraction = extract_document(read_document(bundled_path))
    assert len(extraction.cases) == 28
    assert extraction.warnings == []
    case = next(c for c in extraction.cases if c.number == 16)
    assert case.national_item is None  # the reference lists its item only from this document: not an authority
    assert next(c for c in extraction.cases if c.number == 2).national_item == "以信用为核心的跨部门协同监管平台"
    assert {"title", "provider", "origin_batches", "agencies"} <= set(case.evidence)
    for fact in case.evidence.values():
        assert extraction.document.text[fact.start : fact.end] == fact.quote
