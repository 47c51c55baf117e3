"""The agency page's facts: each quote with its start and end, partners' sectors named in Chinese and English."""

from __future__ import annotations

from typing import Any

from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.graph.views.agencies import list_agencies, read_agency


def _busiest(store: OxigraphStore) -> dict[str, Any]:
    agencies, _ = list_agencies(store, limit=500)
    best = max(agencies, key=lambda a: a.get("cases") or 0)
    agency = read_agency(store, best["id"])
    assert agency is not None
    return agency


def test_evidence_carries_start_and_end(built_store: OxigraphStore) -> None:
    agency = _busiest(built_store)
    quotes = [ev for case in agency["cases"] for ev in case["evidence"]]
    assert quotes and all(ev["end"] - ev["start"] == len(ev["quote"]) for ev in quotes)


def test_partner_sectors_have_chinese_and_english_names(built_store: OxigraphStore) -> None:
    partners = [p for p in _busiest(built_store)["partners"] if p["sector"]]
    assert partners
    for partner in partners:
        zh, _, en = partner["sector_label"].partition(" ")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh) and en and en[0].isascii()
