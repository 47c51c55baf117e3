"""The scorer's own arithmetic (tests/_dev_scoring.py): recall counts gold names found, not extracted matches."""

from __future__ import annotations

from _dev_scoring import FileScore


def test_two_extracted_forms_of_one_gold_body_count_once_for_recall() -> None:
    # 上海市浦东新区商务委员会 and 浦东新区商务委 both match the one gold body: precision 2/2, recall 1/1, never 2/1.
    score = FileScore("x", agency_tp=2, agency_gold_found=1, agency_extracted=2, agency_expected=1)
    assert score.precision == 1.0
    assert score.recall == 1.0


def test_a_gold_body_nothing_matches_lowers_recall_only() -> None:
    score = FileScore("x", agency_tp=3, agency_gold_found=3, agency_extracted=3, agency_expected=4)
    assert score.precision == 1.0
    assert score.recall == 0.75


def test_a_provider_is_the_gold_body_by_the_agencies_rule_or_written_by_its_level() -> None:
    from _dev_scoring import same_provider

    from ftzgraph.graph.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    assert same_provider("兴庆区", "银川市兴庆区", gazetteer, ["银川市"])  # a district with or without its city
    assert same_provider("朝阳区商务局", "北京市朝阳区商务局", gazetteer, ["北京市"])
    assert same_provider("新疆维吾尔自治区商务厅", "自治区商务厅", gazetteer)  # the gold wrote the level alone
    assert not same_provider("区商务局", "北京市朝阳区商务局", gazetteer, ["北京市"])  # no place: not the body
    assert not same_provider("新疆维吾尔自治区商务厅", "自治区工业和信息化厅", gazetteer)
