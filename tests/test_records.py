"""``case_records``: the ``ftzgraph cases`` export, of the whole store or of some documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from ftzgraph.graph import iris
from ftzgraph.graph.build.builder import build
from ftzgraph.graph.build.synthetic import write_corpus
from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.graph.views.learned_relations import learned_from
from ftzgraph.graph.views.records import case_records


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, bundled_path: Path) -> OxigraphStore:
    folder = tmp_path_factory.mktemp("records")
    store = OxigraphStore()
    build(store, [bundled_path, *write_corpus(folder / "corpus", 3)], validate="off", workers=1)
    return store


def test_the_records_of_some_documents_are_theirs_in_the_whole_export(store: OxigraphStore) -> None:
    everything = case_records(store)
    by_document: dict[str, list[dict[str, object]]] = {}
    for record in everything:
        by_document.setdefault(str(record["id"]).rsplit("-", 1)[0], []).append(dict(record))
    assert len(by_document) == 4
    for doc_id, records in by_document.items():
        assert [dict(r) for r in case_records(store, [str(iris.document(doc_id))])] == records
    two = sorted(by_document)[:2]
    scoped = case_records(store, [str(iris.document(d)) for d in two])
    assert sorted(r["id"] for r in scoped) == sorted(str(r["id"]) for d in two for r in by_document[d])


def test_no_documents_give_no_records(store: OxigraphStore) -> None:
    assert learned_from(store) and learned_from(store, []) == {}  # no cases asked for is not every case
    assert case_records(store, []) == []
    assert case_records(store, ["https://w3id.org/ftzgraph/id/doc/none"]) == []
