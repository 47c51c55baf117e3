"""Evaluating one query: the row cap (through TSV), deadlines while writing rows, and seeing writes by anyone."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from ftzgraph.graph.sparql._execute import RESULT_FORMATS, Job, Outcome, execute
from ftzgraph.graph.store.watch import StoreWatch

EX = "http://example.org/"


def _store(path: Path, triples: int) -> None:
    store = ox.Store(str(path))
    store.extend(
        ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(str(i)), ox.NamedNode(f"{EX}g"))
        for i in range(triples)
    )
    store.flush()
    del store


def _job(query: str, seconds: float = 10) -> Job:
    return Job(query, "text/csv", None, 100, union_default_graph=True, deadline=time.monotonic() + seconds)


def _solutions(path: Path, query: str, media_type: str, max_rows: int, seconds: float = 10) -> Outcome:
    job = Job(query, media_type, None, max_rows, union_default_graph=True, deadline=time.monotonic() + seconds)
    return execute(ox.Store.read_only(str(path)), job)


@pytest.mark.parametrize("media_type", ["text/csv", "application/sparql-results+json", "text/tab-separated-values"])
def test_the_row_cap_keeps_the_first_rows_and_says_so(tmp_path: Path, media_type: str) -> None:
    _store(tmp_path / "store", 3000)
    query = "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o"
    whole = _solutions(tmp_path / "store", query, "text/csv", 5000)
    capped = _solutions(tmp_path / "store", query, media_type, 2500)
    assert not whole.truncated and capped.truncated
    if media_type == "text/csv":
        values = capped.body.decode().split()[1:]
    else:  # the JSON answer, with its "truncated" member, still reads in a strict streaming parser
        values = [s["o"].value for s in ox.parse_query_results(capped.body, RESULT_FORMATS[media_type])]
    assert values == whole.body.decode().split()[1:2501]
    if media_type == "application/sparql-results+json":
        assert json.loads(capped.body)["truncated"] is True


def test_an_answer_within_the_cap_is_what_the_engine_serialises(tmp_path: Path) -> None:
    _store(tmp_path / "store", 3000)
    query = "SELECT ?s ?o WHERE { ?s ?p ?o }"
    outcome = _solutions(tmp_path / "store", query, "application/sparql-results+json", 3000)
    direct = ox.Store.read_only(str(tmp_path / "store")).query(query, use_default_graph_as_union=True)
    assert not outcome.truncated and outcome.body == direct.serialize(format=ox.QueryResultsFormat.JSON)


def test_a_deadline_passing_while_rows_are_written_stops_them(tmp_path: Path) -> None:
    _store(tmp_path / "store", 3000)
    outcome = _solutions(tmp_path / "store", "SELECT ?s ?o WHERE { ?s ?p ?o }", "text/csv", 5000, seconds=0)
    assert outcome.kind == "timeout" and "writing solutions" in outcome.message


def test_store_watch_sees_a_write_by_another_process_opening(tmp_path: Path) -> None:
    _store(tmp_path / "store", 10)
    watch = StoreWatch(str(tmp_path / "store"))
    assert watch.changed()  # the first look
    assert not watch.changed()
    writer = ox.Store(str(tmp_path / "store"))
    writer.add(ox.Quad(ox.NamedNode(f"{EX}new"), ox.NamedNode(f"{EX}p"), ox.Literal("x"), ox.NamedNode(f"{EX}g")))
    assert watch.changed()
    assert not watch.changed()


def test_result_cache_keeps_slow_answers_until_the_store_changes() -> None:
    from ftzgraph.graph.sparql.result_cache import ResultCache

    cache: ResultCache[bytes] = ResultCache(max_bytes=10, min_ms=100)
    assert not cache.put("fast", 1, b"x", 1, elapsed_ms=5)  # cheap answers are not worth keeping
    assert cache.put("slow", 1, b"abcd", 4, elapsed_ms=500)
    assert cache.get("slow", 1) == b"abcd"
    assert cache.get("slow", 2) is None  # the store changed: every entry is gone
    assert cache.put("a", 2, b"aaaaaa", 6, elapsed_ms=500) and cache.put("b", 2, b"bbbbbb", 6, elapsed_ms=500)
    assert cache.get("a", 2) is None and cache.get("b", 2) == b"bbbbbb"  # over 10 bytes: least recent out
    assert not cache.put("huge", 2, b"x" * 11, 11, elapsed_ms=500)


def _json(query: str, max_rows: int) -> tuple[Outcome, list[dict[str, str]]]:
    job = Job(query, "application/sparql-results+json", None, max_rows, deadline=time.monotonic() + 10)
    outcome = execute(ox.Store(), job)
    document = json.loads(outcome.body)
    rows = [{k: v["value"] for k, v in b.items()} for b in document["results"]["bindings"]]
    return outcome, rows


def test_json_answers_are_capped_however_their_rows_look() -> None:
    """A JSON answer within the cap is written straight to JSON, counted by where its rows meet: solutions with
    no binding (``{}``) still count, and a literal holding those bytes only sends the answer the exact way."""
    exactly, rows = _json("SELECT ?x WHERE { VALUES ?x { 1 2 3 } }", 3)
    assert not exactly.truncated and rows == [{"x": "1"}, {"x": "2"}, {"x": "3"}]
    assert exactly.body == ox.Store().query("SELECT ?x WHERE { VALUES ?x { 1 2 3 } }").serialize(
        format=ox.QueryResultsFormat.JSON
    )
    empty, rows = _json("SELECT ?x WHERE { VALUES ?x { UNDEF UNDEF UNDEF } }", 2)
    assert empty.truncated and rows == [{}, {}]
    tricky = 'SELECT ?x WHERE { VALUES ?x { "a},{b" "},{},{" "c" } }'
    within, rows = _json(tricky, 3)
    assert not within.truncated and rows == [{"x": "a},{b"}, {"x": "},{},{"}, {"x": "c"}]
    over, rows = _json(tricky, 2)
    assert over.truncated and rows == [{"x": "a},{b"}, {"x": "},{},{"}]
