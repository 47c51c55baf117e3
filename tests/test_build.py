"""``build``: atomic, repeatable, and loses nothing on bad input."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from ftzgraph.graph import iris
from ftzgraph.graph.build.builder import build
from ftzgraph.graph.errors import DocumentError, NoCasesError
from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.graph.store.serialize import export_store


def canonical_nquads(store: OxigraphStore) -> list[str]:
    """The store's quads, sorted, without the record of the builds (graph/runs: each build adds a run)."""
    runs = f"<{iris.RUNS_GRAPH}> ."
    return sorted(
        line for line in export_store(store, "nquads").decode("utf-8").splitlines() if not line.endswith(runs)
    )


def case_count(store: OxigraphStore) -> int:
    rows = store.select("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a <https://w3id.org/ftzgraph/ontology#Case> }")
    return int(rows[0]["n"])


@pytest.fixture
def store(tmp_path: Path) -> OxigraphStore:
    return OxigraphStore(tmp_path / "store")


def test_building_twice_gives_the_same_graph_and_no_duplicates(store: OxigraphStore, bundled_path: Path) -> None:
    build(store, [bundled_path])
    first = canonical_nquads(store)
    again = build(store, [bundled_path])
    assert [d.skipped for d in again.documents] == [True]
    rebuilt = build(store, [bundled_path], force=True)
    assert [d.skipped for d in rebuilt.documents] == [False]
    assert canonical_nquads(store) == first
    assert case_count(store) == 28
    assert len(first) == len(set(first))


def test_named_graphs_one_per_document_plus_entities_reference_and_ontology(
    store: OxigraphStore, bundled_path: Path
) -> None:
    report = build(store, [bundled_path])
    doc_id = report.documents[0].doc_id
    expected = [
        iris.document_graph(doc_id),
        iris.ENTITIES_GRAPH,
        iris.REFERENCE_GRAPH,
        iris.ONTOLOGY_GRAPH,
        iris.RUNS_GRAPH,  # the record of this build (graph/build/runs.py)
    ]
    assert store.graphs() == sorted(map(str, expected))


def test_two_documents_naming_the_same_agencies_state_their_facts_once(
    store: OxigraphStore, bundled_path: Path, tmp_path: Path
) -> None:
    text = bundled_path.read_text(encoding="utf-8")
    assert "〔2023〕55号" in text
    other = tmp_path / "other.txt"
    other.write_text(text.replace("〔2023〕55号", "〔2023〕99号"), encoding="utf-8")
    report = build(store, [bundled_path, other])
    assert len({d.doc_id for d in report.documents}) == 2
    agency = "https://w3id.org/ftzgraph/ontology#Agency"
    twice = store.select(
        f"SELECT ?a WHERE {{ ?a a <{agency}> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }} "
        "GROUP BY ?a HAVING (COUNT(*) > 1)"
    )
    assert twice == []
    in_documents = store.select(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?a a <{agency}> }} FILTER(?g != <{iris.ENTITIES_GRAPH}>) }}",
        union_default_graph=False,
    )
    assert in_documents[0]["n"] == 0
    assert case_count(store) == 56


def test_gbk_copy_gives_the_same_cases(tmp_path: Path, bundled_path: Path) -> None:
    utf8 = OxigraphStore(tmp_path / "a")
    gbk = OxigraphStore(tmp_path / "b")
    copy = tmp_path / "gbk.txt"
    copy.write_bytes(bundled_path.read_text(encoding="utf-8").encode("gb18030"))
    build(utf8, [bundled_path])
    build(gbk, [copy])
    without_file_facts = [
        q for q in canonical_nquads(gbk) if "#sha256>" not in q and "#fileName>" not in q and "#warning>" not in q
    ]
    expected = [
        q for q in canonical_nquads(utf8) if "#sha256>" not in q and "#fileName>" not in q and "#warning>" not in q
    ]
    assert without_file_facts == expected


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (bytes(range(256)) * 40, "binary"),
        ("这是一份普通的通知，没有任何案例。\n请各单位遵照执行。\n".encode(), "no cases recognised"),
    ],
    ids=["empty", "binary", "no-cases"],
)
def test_bad_document_is_refused_by_name_and_store_untouched(
    store: OxigraphStore, bundled_path: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    build(store, [bundled_path])
    before = canonical_nquads(store)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(DocumentError) as caught:
        build(store, [bad])
    assert str(bad) in str(caught.value)
    assert message in str(caught.value)
    assert canonical_nquads(store) == before


def test_no_cases_error_type(store: OxigraphStore, tmp_path: Path) -> None:
    bad = tmp_path / "notice.md"
    bad.write_text("# 关于某事的通知\n\n各单位：请遵照执行。\n", encoding="utf-8")
    with pytest.raises(NoCasesError):
        build(store, [bad])
    assert store.graphs() == []


def test_truncated_document_keeps_the_cases_that_parse(
    store: OxigraphStore, bundled_path: Path, tmp_path: Path
) -> None:
    text = bundled_path.read_text(encoding="utf-8")
    cut = tmp_path / "truncated.txt"
    cut.write_text(text[: text.index("## 案例 11")], encoding="utf-8")
    report = build(store, [cut])
    assert report.documents[0].cases == 10
    missing = [w for w in report.documents[0].warnings if "no case section" in w]
    assert len(missing) == 18
    assert case_count(store) == 10


def test_a_failing_document_among_good_ones_is_reported_and_the_rest_built(
    store: OxigraphStore, bundled_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_bytes(bundled_path.read_bytes())
    (folder / "b.txt").write_bytes(b"")
    report = build(store, [folder])
    assert [d.error is None for d in report.documents] == [True, False]
    assert "b.txt" in (report.failed[0].error or "")
    assert case_count(store) == 28


def test_failed_validation_leaves_the_previous_graph(store: OxigraphStore, bundled_path: Path, monkeypatch) -> None:
    """A graph that does not conform is not written: build raises with the SHACL report, the store is as it was."""
    from ftzgraph.graph.build import document_pass
    from ftzgraph.graph.errors import ValidationError
    from ftzgraph.graph.rdf.validate import ValidationReport

    build(store, [bundled_path])
    before = canonical_nquads(store)
    monkeypatch.setattr(
        document_pass, "validate_ntriples", lambda data, graph: ValidationReport(False, "report text", 1)
    )
    with pytest.raises(ValidationError, match="report text"):
        build(store, [bundled_path], force=True)
    assert canonical_nquads(store) == before


def test_the_built_graph_conforms_to_the_shapes(built_store: OxigraphStore) -> None:
    from ftzgraph.graph.rdf.validate import validate_graph
    from ftzgraph.graph.store.serialize import store_graph

    report = validate_graph(store_graph(built_store))
    assert report.conforms, report.text


def test_every_vocabulary_term_used_is_declared(built_store: OxigraphStore) -> None:
    from ftzgraph.graph.rdf.validate import vocabulary
    from ftzgraph.ontology.namespace import FTZ

    declared = {str(s) for s in vocabulary().subjects()}
    used = {
        term.value
        for quad in built_store.quads()
        for term in (quad.predicate, quad.object)
        if isinstance(term, ox.NamedNode) and term.value.startswith(str(FTZ))
    }
    assert sorted(used - declared) == []


def test_evidence_offsets_point_into_the_source(built_store: OxigraphStore, bundled_path: Path) -> None:
    text = bundled_path.read_text(encoding="utf-8")
    rows = built_store.select(
        "PREFIX oa: <http://www.w3.org/ns/oa#> "
        "SELECT DISTINCT ?q ?s ?e WHERE { ?ev oa:exact ?q ; oa:start ?s ; oa:end ?e }"
    )
    assert len(rows) > 200
    for row in rows:
        assert text[row["s"] : row["e"]] == row["q"]


def test_documents_naming_one_reform_and_notice_differently_still_conform(store: OxigraphStore, tmp_path: Path) -> None:
    """Two collections cite the same 文号 under a full and a short title, and write a reform's name with and
    without quotes: the merged graph keeps both names and conforms."""
    template = (
        "# 某省自由贸易试验区工作办公室\n\n某自贸办函〔2024〕{n}号\n\n序号\t案例名称\t提供单位\n"
        "1\t“{title}”复制推广典型案例\t甲市\n\n## 案例 1\n\n# “{title}”复制推广典型案例\n\n(甲市提供)\n\n"
        "甲市税务局复制推广自贸试验区第六批改革试点经验“{item}”，印发《{notice}》（国函〔2020〕96号）。\n"
    )
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(
        template.format(
            n=1, title="推行全通版许可证", item="推行全通版许可证", notice="国务院关于做好第六批工作的通知"
        ),
        encoding="utf-8",
    )
    second.write_text(
        template.format(n=2, title="推行‘全通版’许可证", item="推行‘全通版’许可证", notice="第六批工作通知"),
        encoding="utf-8",
    )
    report = build(store, [first, second], validate="full")
    assert [d.error for d in report.documents] == [None, None]
    titles = store.select(
        'SELECT DISTINCT ?t WHERE { ?d <http://purl.org/dc/terms/identifier> "国函〔2020〕96号" ; '
        "<http://purl.org/dc/terms/title> ?t }"
    )
    assert {"国务院关于做好第六批工作的通知", "第六批工作通知"} <= {row["t"] for row in titles}


class ProtocolOnly:
    """The embedded store seen through the ``Store`` protocol alone, as ``build`` sees a remote store."""

    def __init__(self, store: OxigraphStore) -> None:
        self.store = store

    def __getattr__(self, name: str) -> object:
        if name == "replace_graphs_nquads":
            raise AttributeError(name)
        return getattr(self.store, name)


def test_batches_of_one_and_the_plain_store_protocol_write_the_same_graph(
    bundled_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shared-entity facts are written once across batches, and every write path (the bulk stream of new
    documents, batches of bulk loads, the plain store protocol) stores the same quads."""
    from ftzgraph.graph.build import builder as build_module

    other = tmp_path / "other.txt"
    other.write_text(bundled_path.read_text(encoding="utf-8").replace("〔2023〕55号", "〔2023〕99号"), encoding="utf-8")
    one_batch = OxigraphStore(tmp_path / "one")
    build(one_batch, [bundled_path, other])
    expected = canonical_nquads(one_batch)
    monkeypatch.setattr(build_module, "BATCH_DOCUMENTS", 1)
    monkeypatch.setattr(build_module, "open_split", lambda store: None)
    batches = OxigraphStore(tmp_path / "batches")
    build(batches, [bundled_path, other])
    assert canonical_nquads(batches) == expected
    plain = OxigraphStore(tmp_path / "plain")
    report = build(ProtocolOnly(plain), [bundled_path, other])  # type: ignore[arg-type]
    assert report.triples == len(expected)
    assert canonical_nquads(plain) == expected


def test_an_interrupted_bulk_load_leaves_no_files_behind(store: OxigraphStore, bundled_path: Path) -> None:
    """SST files that a killed build wrote but never ingested are removed by the next build that writes."""
    assert store.path is not None
    leftover = store.path / "bulk-1234.sst"
    leftover.write_bytes(b"half an SST file")
    build(store, [bundled_path])
    assert not leftover.exists()
    assert case_count(store) == 28


def test_a_collection_built_with_notices_conforms(store: OxigraphStore, bundled_path: Path) -> None:
    """With batch notices in the same build, a case matched to a notice's item by title alone derives from a
    reform that only the notice's document describes; each document's graph must still conform on its own."""
    layouts = Path(__file__).parent / "data" / "layouts"
    paths = [bundled_path, *sorted(layouts.glob("*.txt"))]
    report = build(store, paths, validate="full")
    assert len(paths) >= 5 and [d.error for d in report.documents] == [None] * len(paths)
    assert all(d.validated for d in report.documents)


def test_a_build_leaves_the_store_compacted_with_the_same_content(store: OxigraphStore, bundled_path: Path) -> None:
    build(store, [bundled_path])
    built = canonical_nquads(store)
    assert store.path is not None
    files = list(store.path.glob("*.sst"))
    store.optimize()  # what build did last: compacting again finds nothing left to merge
    assert canonical_nquads(store) == built
    assert sorted(p.name for p in store.path.glob("*.sst")) == sorted(p.name for p in files)


def test_bad_files_among_good_ones_with_two_workers_are_each_named_and_the_rest_built(
    store: OxigraphStore, tmp_path: Path
) -> None:
    from ftzgraph.graph.build.synthetic import write_corpus

    folder = tmp_path / "docs"
    good = write_corpus(folder, 4, seed=3)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    report = build(store, [folder], workers=2, validate=False)
    failed = {Path(d.path).name: d.error or "" for d in report.failed}
    assert set(failed) == {"empty.txt", "binary.txt"}
    assert all(name in error for name, error in failed.items())
    assert len(report.built) == len(good)
    assert len([g for g in store.graphs() if "/graph/doc/" in g]) == len(good)


def test_a_rebuild_that_loses_cases_is_refused_unless_forced(
    store: OxigraphStore, bundled_path: Path, tmp_path: Path
) -> None:
    build(store, [bundled_path], validate=False)
    before = canonical_nquads(store)
    text = bundled_path.read_text(encoding="utf-8")
    smaller = tmp_path / "copy-with-the-same-number.txt"
    smaller.write_text(text[: text.index("## 案例 11")], encoding="utf-8")  # the same 文号, 10 of the 28 cases
    with pytest.raises(DocumentError) as refused:
        build(store, [smaller], validate=False)
    message = str(refused.value)
    assert str(smaller) in message and "would drop 18 of its 28 stored cases" in message and "--force" in message
    assert canonical_nquads(store) == before
    report = build(store, [smaller], validate=False, force=True)
    assert case_count(store) == 10
    assert any("dropped 18 of its 28 stored cases" in w for w in report.documents[0].warnings)


def test_a_gbk_file_with_a_few_bad_bytes_is_read_with_a_warning_naming_their_lines(
    store: OxigraphStore, bundled_path: Path, tmp_path: Path
) -> None:
    text = bundled_path.read_text(encoding="utf-8")
    lines = text.split("\n")
    data = bytearray(text.encode("gbk"))
    damaged = [n for n in (5, 40, 200) if lines[n - 1].strip()]  # 1-based lines with text on them
    for line in damaged:
        data[len("\n".join(lines[: line - 1]).encode("gbk")) + 1] = 0xFF  # first byte of the line, not a newline
    copy = tmp_path / "damaged-gbk.txt"
    copy.write_bytes(bytes(data))
    report = build(store, [copy], validate=False)
    (document,) = report.documents
    assert document.error is None and document.cases == 28
    (warning,) = [w for w in document.warnings if "U+FFFD" in w]
    assert str(copy) in warning and "gb18030" in warning
    assert warning.split("on line(s) ")[1].split(";")[0] == ", ".join(map(str, damaged))


@pytest.mark.parametrize("workers", [1, 2])
def test_a_file_given_twice_is_built_twice_without_a_failure(tmp_path: Path, bundled_path: Path, workers: int) -> None:
    """Each item of a build keeps what its first pass read apart, so the same file named twice (a folder and a
    file in it, or two spellings of one path) is built for each naming."""
    copy = tmp_path / "docs" / "a.txt"
    copy.parent.mkdir()
    copy.write_bytes(bundled_path.read_bytes())
    report = build(OxigraphStore(), [copy.parent, copy], validate="off", workers=workers)
    assert [d.error for d in report.documents] == [None, None]
    assert [d.cases for d in report.documents] == [28, 28]


def test_a_build_stopped_midway_leaves_no_spool_and_no_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build that stops early (here its progress callback raises, as a Ctrl-C would) ends its worker pool before
    the spool folder of the documents it read is removed, and removes it."""
    import multiprocessing
    import tempfile

    from ftzgraph.graph.build.synthetic import write_corpus

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    files = write_corpus(tmp_path / "corpus", 12)

    class Stop(Exception):
        pass

    def progress(path: str, done: int, total: int, triples: int) -> None:
        if done == 3:
            raise Stop

    with pytest.raises(Stop):
        build(OxigraphStore(), files, validate="off", workers=2, progress=progress)
    assert not list(tmp_path.glob("ftzgraph-build-*"))
    assert not multiprocessing.active_children()
