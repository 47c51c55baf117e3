"""The built graph against the hand-made gold annotation, through the user-facing case export.

Figures (printed with ``pytest -s``): provider accuracy, origin batch and origin zone accuracy, agency
micro-precision and micro-recall. Name matching rule (gold README): two names are the same when equal
after removing spaces, or when one equals the other with the case's own city or county prefix added, both first
written with standard endings (data/agencies/standard_names.yaml).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from _dev_scoring import standard_name

from ftzgraph.graph.gazetteer import load_gazetteer
from ftzgraph.graph.records import case_records
from ftzgraph.graph.store import OxigraphStore

GOLD_EXCEPTIONS_AGENCIES: dict[int, dict[str, Any]] = {
    # Case 24: the gold counts the cities 牡丹江市, 绥芬河市, 东宁市 as acting agencies, but not 伊春市 in case 2
    # which plays the same role; and 绥东试验区建设推进组 is a working group, which the gold files under
    # other_actors elsewhere (case 4). We do not extract cities or working groups as agencies.
    24: {"not_agencies": {"牡丹江市", "绥芬河市", "东宁市", "绥东试验区建设推进组"}},
    # Case 20: 在行政审批服务中心设置…综合窗口 names the centre as a place (as 在银行、政务服务中心设置… in case 25,
    # which the gold does not count); issue #15 asks for places to be told from actors.
    20: {"not_agencies": {"行政审批服务中心"}},
    # Case 28: the gold's note says the case ends on an empty heading, but the source has a last paragraph
    # naming 绥芬河市税务局, the same body as the gold's 绥芬河片区税务局.
    28: {"same": {("绥芬河市税务局", "绥芬河片区税务局")}},
}


@pytest.fixture(scope="module")
def records(built_store: OxigraphStore) -> dict[int, dict[str, Any]]:
    return {record["number"]: record for record in case_records(built_store)}


def _squash(name: str) -> str:
    return re.sub(r"\s+", "", name)


def _prefixes(gold_case: dict[str, Any]) -> list[str]:
    """The case's own city or county prefixes: the provider's city and any X市/X县 the gold names use."""
    prefixes = set()
    for name in [gold_case["provider"], *(a["name"] for a in gold_case["agencies"])]:
        match = re.match(r"^(.{2,4}?[市县])", name)
        if match:
            prefixes.add(match.group(1))
    provider = gold_case["provider"]
    if provider.endswith("片区"):
        prefixes.add(provider[: -len("片区")] + "市")
    return sorted(prefixes)


def same_agency(a: str, b: str, prefixes: list[str]) -> bool:
    """The gold README's rule, after writing short endings in their standard form (市发改委 = 市发展和改革委员会)."""
    a, b = standard_name(a), standard_name(b)
    return a == b or any(a == p + b or b == p + a for p in prefixes)


def test_provider_is_right_for_every_case(records: dict[int, Any], gold_cases: dict[int, Any]) -> None:
    right = [n for n, g in gold_cases.items() if records[n]["provider"] == g["provider"]]
    kinds = [n for n, g in gold_cases.items() if records[n]["provider_kind"] == g["provider_kind"]]
    print(f"\nprovider: {len(right)}/{len(gold_cases)}; provider_kind: {len(kinds)}/{len(gold_cases)}")
    assert len(right) == len(gold_cases) == 28
    assert len(kinds) == 28


def test_origin_batch_exact_for_every_case(records: dict[int, Any], gold_cases: dict[int, Any]) -> None:
    wrong = {}
    for n, g in gold_cases.items():
        expected = [g["origin_batch"]] if g["origin_batch"] else []
        if records[n]["origin_batches"] != expected:
            wrong[n] = (records[n]["origin_batches"], expected)
    print(f"\norigin batch: {len(gold_cases) - len(wrong)}/{len(gold_cases)} exact")
    assert wrong == {}


def test_origin_zone_exact_for_every_case(records: dict[int, Any], gold_cases: dict[int, Any]) -> None:
    gazetteer = load_gazetteer()
    wrong = {}
    for n, g in gold_cases.items():
        place = gazetteer.resolve(g["origin_zone"]) if g["origin_zone"] else None
        expected = [gazetteer.zone_label(place)] if place else []
        if records[n]["origin_zones"] != expected:
            wrong[n] = (records[n]["origin_zones"], expected)
    print(f"\norigin zone: {len(gold_cases) - len(wrong)}/{len(gold_cases)} exact")
    assert wrong == {}


def _agency_counts(records: dict[int, Any], gold_cases: dict[int, Any], exceptions: bool) -> tuple[int, int, int]:
    true_positive = extracted = expected = 0
    for n, g in gold_cases.items():
        prefixes = _prefixes(g)
        gold_names = [a["name"] for a in g["agencies"]]
        found = list(records[n]["agencies"])
        if exceptions and n in GOLD_EXCEPTIONS_AGENCIES:
            rule = GOLD_EXCEPTIONS_AGENCIES[n]
            gold_names = [x for x in gold_names if x not in rule.get("not_agencies", set())]
            for ours, theirs in rule.get("same", set()):
                found = [theirs if x == ours else x for x in found]
        extracted += len(found)
        expected += len(gold_names)
        true_positive += sum(1 for x in found if any(same_agency(x, y, prefixes) for y in gold_names))
    return true_positive, extracted, expected


@pytest.mark.parametrize("exceptions", [False, True], ids=["gold-as-written", "with-commented-exceptions"])
def test_agencies_precision_and_recall(records: dict[int, Any], gold_cases: dict[int, Any], exceptions: bool) -> None:
    tp, extracted, expected = _agency_counts(records, gold_cases, exceptions)
    precision, recall = tp / extracted, tp / expected
    print(
        f"\nagencies ({'with exceptions' if exceptions else 'gold as written'}): "
        f"precision {precision:.3f} ({tp}/{extracted}), recall {recall:.3f} ({tp}/{expected})"
    )
    assert precision >= 0.90
    assert recall >= 0.85


def test_conflict_with_reference_data_is_flagged(records: dict[int, Any], built_store: OxigraphStore) -> None:
    """以信用为核心的跨部门协同监管平台: the document says best-practice batch 1, the reference batch 3."""
    from ftzgraph.graph.records import stats

    conflicts = stats(built_store)["conflicts"]
    assert [c["title"] for c in conflicts] == ["以信用为核心的跨部门协同监管平台"]
    assert "batch 1" in conflicts[0]["comment"] and "batch 3" in conflicts[0]["comment"]


def test_every_stated_origin_has_its_evidence_quote(records: dict[int, Any], gold_cases: dict[int, Any]) -> None:
    for n, g in gold_cases.items():
        if g["origin_batch"] or g["origin_zone"]:
            quote = _squash(records[n]["evidence"]["origins"])
            assert quote, n
            assert (
                _squash(g["evidence"])[:12] in quote
                or quote[:12] in _squash(g["evidence"])
                or any(_squash(e)[:12] in quote for e in g.get("evidence_more", []))
            ), (n, quote)
