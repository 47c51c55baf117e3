"""The read side's store-wide answers (the ordered case list behind ``/cases``) follow every write."""

from __future__ import annotations

from pathlib import Path

import pytest

from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.graph.views.agencies import list_agencies
from ftzgraph.graph.views.records import stats
from ftzgraph.graph.views.reforms import list_zones
from ftzgraph.graph.views.resource_filters import CaseFilter
from ftzgraph.graph.views.resources import list_cases, ordered_cases

FTZ = "https://w3id.org/ftzgraph/ontology#"
ID = "https://w3id.org/ftzgraph/id/"


def _case_data(doc: str, number: int) -> str:
    case = f"<{ID}case/{doc}-{number}>"
    return (
        f"GRAPH <{ID}graph/{doc}> {{ {case} a <{FTZ}Case> ; <http://purl.org/dc/terms/isPartOf> <{ID}doc/{doc}> ; "
        f'<{FTZ}caseNumber> {number} ; <http://purl.org/dc/terms/identifier> "{doc}-{number}" ; '
        f'<http://purl.org/dc/terms/title> "案例{number}"@zh . }}'
    )


def _insert(store: OxigraphStore, *cases: tuple[str, int]) -> None:
    store.update("INSERT DATA { " + " ".join(_case_data(doc, n) for doc, n in cases) + " }")


def _settle(store: OxigraphStore) -> None:
    """Compact the store now: RocksDB's background flush and compaction after a write change its files as a
    write does (and the cache rightly forgets on any change), so the test waits for none of them."""
    store.raw.flush()
    store.raw.optimize()


def test_the_case_order_is_kept_while_the_store_is_unchanged_and_redone_after_a_write(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    _insert(store, ("b", 2), ("b", 10), ("a", 1))
    _settle(store)
    first = ordered_cases(store, CaseFilter())
    assert [iri.rsplit("/", 1)[1] for iri in first] == ["a-1", "b-2", "b-10"]  # numbers compare as numbers
    # An unchanged store gives the kept answer. RocksDB may still flush or compact in the background, which
    # changes its files as a write does (and the cache then rightly computes again): a few tries.
    assert any(ordered_cases(store, CaseFilter()) is ordered_cases(store, CaseFilter()) for _ in range(5))
    _insert(store, ("a", 3))
    page, total = list_cases(store, CaseFilter(), limit=2, offset=1)
    assert total == 4 and [c["id"] for c in page] == ["a-3", "b-2"]


def test_a_write_bypassing_the_wrapper_is_seen_too(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    _insert(store, ("a", 1))
    assert list_cases(store, CaseFilter())[1] == 1
    store.raw.update("INSERT DATA { " + _case_data("c", 1) + " }")
    assert list_cases(store, CaseFilter())[1] == 2


def test_filters_are_kept_apart() -> None:
    store = OxigraphStore()  # in memory: nothing is kept, every call reads the store
    _insert(store, ("a", 1), ("b", 1))
    assert list_cases(store, CaseFilter(q="案例"))[1] == 2
    assert list_cases(store, CaseFilter(document=f"{ID}doc/a"))[1] == 1
    _insert(store, ("a", 2))
    assert list_cases(store, CaseFilter(document=f"{ID}doc/a"))[1] == 2


def test_kept_summaries_follow_a_changed_title_and_pages_beyond_the_first_block(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    _insert(store, *(("a", n) for n in range(1, 251)))  # more cases than one block of summaries
    _settle(store)
    page, total = list_cases(store, CaseFilter(), limit=3, offset=199)
    assert total == 250 and [c["id"] for c in page] == ["a-200", "a-201", "a-202"]  # straddles two blocks
    assert [c["title"] for c in list_cases(store, CaseFilter(), limit=2, offset=240)[0]] == ["案例241", "案例242"]
    case = f"<{ID}case/a-241>"
    store.update(
        f'DELETE DATA {{ GRAPH <{ID}graph/a> {{ {case} <http://purl.org/dc/terms/title> "案例241"@zh }} }} ;'
        f'INSERT DATA {{ GRAPH <{ID}graph/a> {{ {case} <http://purl.org/dc/terms/title> "新标题"@zh }} }}'
    )
    assert [c["title"] for c in list_cases(store, CaseFilter(), limit=2, offset=240)[0]] == ["新标题", "案例242"]


def test_a_warmed_up_store_answers_the_first_page_from_what_was_kept(tmp_path: Path) -> None:
    """``warm_up`` (run by a server process as it starts) leaves the ordered list and the first summaries kept:
    the first reader's page then asks the store nothing."""
    from ftzgraph.graph.views.warm_up import warm_up_in_background

    writer = OxigraphStore(tmp_path / "store")
    _insert(writer, ("a", 1), ("a", 2), ("b", 1))
    _settle(writer)
    writer.close()
    store = OxigraphStore(tmp_path / "store", read_only=True)  # as served: no background writes of its own
    warm_up_in_background(store).join(timeout=60)
    asked: list[str] = []
    select = store.select

    def counting(query: str, **kwargs: object) -> list[dict[str, object]]:
        asked.append(query)
        return select(query, **kwargs)  # type: ignore[arg-type]

    store.select = counting  # type: ignore[method-assign]
    page, total = list_cases(store, CaseFilter(), limit=2)
    assert total == 3 and [c["id"] for c in page] == ["a-1", "a-2"]
    assert asked == []


def test_the_store_wide_counts_follow_a_write_and_a_caller_cannot_change_them(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    _insert(store, ("a", 1), ("a", 2))
    _settle(store)
    first = stats(store)
    assert first["classes"]["Case"] == 2
    first["classes"]["Case"] = 99  # what a caller does with its answer stays its own
    first["cases_per_provider"]["x"] = 1
    assert stats(store)["classes"]["Case"] == 2 and "x" not in stats(store)["cases_per_provider"]
    _insert(store, ("b", 1))
    assert stats(store)["classes"]["Case"] == 3
    zones = list_zones(store)
    zones.append(zones[0] if zones else {})  # type: ignore[arg-type]
    assert len(list_zones(store)) == len(zones) - 1


def test_the_agency_ranking_follows_a_write(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")

    def acts(agency: str, *cases: str) -> None:
        store.update(
            "INSERT DATA { "
            + " ".join(
                f"<{ID}agency/{agency}> a <{FTZ}Agency> . <{ID}case/{case}> <{FTZ}agency> <{ID}agency/{agency}> ."
                for case in cases
            )
            + " }"
        )

    acts("a", "x-1", "x-2")
    acts("b", "x-3")
    _settle(store)
    assert [(a["id"], a["cases"]) for a in list_agencies(store)[0]] == [("a", 2), ("b", 1)]
    acts("b", "x-4", "x-5")
    page, total = list_agencies(store, limit=1)
    assert total == 2 and [(a["id"], a["cases"]) for a in page] == [("b", 3)]


def test_a_read_only_opening_keeps_its_answers_without_looking_at_the_files_and_a_newer_one_sees_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only opening sees the store as it was when opened, so what is kept for it cannot go stale: no
    ``stat`` of the store's files per call. Another process's write is seen by a newer opening
    (``ReopeningStore``), which keeps its own answers."""
    from ftzgraph.graph.store import watch
    from ftzgraph.graph.store.reopening import ReopeningStore

    writer = OxigraphStore(tmp_path / "store")
    _insert(writer, ("a", 1), ("a", 2))
    _settle(writer)
    reopening = ReopeningStore(OxigraphStore(tmp_path / "store", read_only=True))
    reader = reopening.current()
    assert list_cases(reader, CaseFilter())[1] == 2
    looks: list[object] = []
    stat = watch.os.stat
    monkeypatch.setattr(watch.os, "stat", lambda path, *a, **k: looks.append(path) or stat(path, *a, **k))
    assert list_cases(reader, CaseFilter())[1] == 2 and looks == []
    monkeypatch.undo()
    _insert(writer, ("b", 1))
    _settle(writer)
    assert list_cases(reader, CaseFilter())[1] == 2  # what this opening's own queries answer
    assert len(reader.select("SELECT ?c WHERE { ?c a <" + FTZ + "Case> }")) == 2
    newer = reopening.current()
    assert newer is not reader and list_cases(newer, CaseFilter())[1] == 3
