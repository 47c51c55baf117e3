"""The case page's lineage: typed boxes with wrapped names, a conflict marked on its edge, each quote once."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from ftzgraph.api.pages import BOX_TYPES, lineage_diagram, lineage_edges, national_items, wrap_label
from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.graph.views.resource_filters import CaseFilter
from ftzgraph.graph.views.resources import list_cases, read_case


def test_wrap_label_keeps_every_character_within_three_lines() -> None:
    name = "中国（黑龙江）自由贸易试验区哈尔滨片区管理委员会"
    lines = wrap_label(name, width_ems=10)
    assert "".join(lines) == name and all(len(line) <= 10 for line in lines)
    long = wrap_label("测" * 50, width_ems=10, max_lines=3)
    assert len(long) == 3 and long[-1].endswith("…")


def _cases_with_conflicts(store: OxigraphStore) -> list[dict[str, Any]]:
    cases, _ = list_cases(store, CaseFilter(), limit=500)
    full = [read_case(store, c["id"]) for c in cases]
    return [c for c in full if c and c.get("lineage") and c["lineage"].get("conflicts")]


def test_the_diagram_types_each_box_and_marks_the_conflicting_batch_edge(built_store: OxigraphStore) -> None:
    case = _cases_with_conflicts(built_store)[0]
    diagram = lineage_diagram(case["lineage"])
    assert {box["type"] for box in diagram["boxes"]} <= set(BOX_TYPES.values())
    assert {"案例 case", "国家事项 national item"} <= {box["type"] for box in diagram["boxes"]}
    marked = [a for a in diagram["arrows"] if a["conflict"]]
    assert marked and all("批次" in a["label"] and a["label"].startswith("⚠") for a in marked)


def test_edges_give_each_quote_once_and_name_kinds_in_both_languages(built_store: OxigraphStore) -> None:
    case = _cases_with_conflicts(built_store)[0]
    edges = lineage_edges(case)
    firsts = [(e["evidence"]["start"], e["evidence"]["end"]) for e in edges if e["evidence"] and e["evidence"]["first"]]
    assert len(firsts) == len(set(firsts))
    relations = " ".join(e["relation"] for e in edges)
    assert "Origin" not in relations and "国家批次 national batch" in relations
    assert any(e.get("conflict") for e in edges)
    assert all(item["label"] for item in national_items(case))


def test_every_agency_in_a_lineage_carries_the_quote_that_names_it(built_store: OxigraphStore) -> None:
    """Agencies are read from the text, so each one's lineage edge has its quote, line and offsets; none says
    "no quote" as if it came from reference data."""
    cases, _ = list_cases(built_store, CaseFilter(), limit=500)
    agencies = [a for c in cases for a in (read_case(built_store, c["id"]) or {})["lineage"]["agencies"]]
    assert agencies
    for agency in agencies:
        evidence = agency["evidence"]
        assert evidence is not None, agency["label"]
        assert evidence["quote"] and evidence["start"] < evidence["end"] and evidence["line"] > 0


def test_two_relations_to_one_item_share_one_arrow_with_both_labels_stacked(built_store: OxigraphStore) -> None:
    """A case that copies an item and borrows it from a zone: one arrow to the item, both relations on it in
    lines of their own (two arrows there would be drawn on top of each other, labels over labels)."""
    cases, _ = list_cases(built_store, CaseFilter(), limit=500)
    full = [read_case(built_store, c["id"]) for c in cases]
    case = next(
        c
        for c in full
        if c
        and c["lineage"]
        and len({e["target_iri"] for e in c["lineage"]["learned_from"]}) == 1
        and len({e["relation"] for e in c["lineage"]["learned_from"]}) > 1
    )
    diagram = lineage_diagram(case["lineage"])
    pairs = [(a["x1"], a["y1"], a["x2"], a["y2"]) for a in diagram["arrows"]]
    assert len(pairs) == len(set(pairs))
    item = case["lineage"]["learned_from"][0]["target_iri"]
    box = next(b for b in diagram["boxes"] if b["key"] == item)
    [arrow] = [a for a in diagram["arrows"] if a["x2"] == box["x"]]
    texts = [line["text"] for line in arrow["lines"]]
    assert texts == list(dict.fromkeys(e["relation_zh"] for e in case["lineage"]["learned_from"]))
    ys = [line["y"] for line in arrow["lines"]]
    assert all(b - a >= 12 for a, b in pairwise(ys))
