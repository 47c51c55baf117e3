"""The scorer's own arithmetic (tests/_dev_scoring.py): recall counts gold names found, not extracted matches."""

from __future__ import annotations

from _dev_scoring import FileScore, _gold_providers, label_form, prefixes, same_provider, score_outcomes, sentence_case

from ftzgraph.graph.extract.gazetteer import load_gazetteer


def test_two_extracted_forms_of_one_gold_body_count_once_for_recall() -> None:
    # 上海市浦东新区商务委员会 and 浦东新区商务委 both match the one gold body: precision 2/2, recall 1/1, never 2/1.
    score = FileScore("x", agency_tp=2, agency_gold_found=1, agency_extracted=2, agency_expected=1)
    assert score.precision == 1.0
    assert score.recall == 1.0


def test_a_gold_body_nothing_matches_lowers_recall_only() -> None:
    score = FileScore("x", agency_tp=3, agency_gold_found=3, agency_extracted=3, agency_expected=4)
    assert score.precision == 1.0
    assert score.recall == 0.75


def test_a_label_in_traditional_script_is_the_same_label_as_its_simplified_gold() -> None:
    # A document in traditional script keeps its script in titles, providers and quotes; gold may be written in
    # either script, so the scorer compares both in simplified script.
    score = FileScore("x")
    case = sentence_case("累計簽發電子牌證3.2萬餘張，通關時間縮短至3分鐘以內。")
    gold_case = {
        "outcomes": [
            {"metric": "签发电子牌证", "value": 3.2, "qualifier": "餘"},
            {"metric": "通關時間", "after": "3分鐘", "qualifier": "以内"},
        ]
    }
    score_outcomes(score, 1, gold_case, case)
    assert (score.outcomes_found, score.labels_right, score.qualifiers_right) == (2, 2, 2), score.misses


def test_a_provider_in_traditional_script_is_the_gold_provider() -> None:
    gazetteer = load_gazetteer()
    assert same_provider("橫琴粵澳深度合作區經濟發展局", "横琴粤澳深度合作区经济发展局", gazetteer)
    assert not same_provider("橫琴粵澳深度合作區經濟發展局", "横琴粤澳深度合作区商事服务局", gazetteer)


def test_a_provider_is_the_gold_body_by_the_agencies_rule_or_written_by_its_level() -> None:
    gazetteer = load_gazetteer()
    assert same_provider("兴庆区", "银川市兴庆区", gazetteer, ["银川市"])  # a district with or without its city
    assert same_provider("朝阳区商务局", "北京市朝阳区商务局", gazetteer, ["北京市"])
    assert same_provider("新疆维吾尔自治区商务厅", "自治区商务厅", gazetteer)  # the gold wrote the level alone
    assert not same_provider("区商务局", "北京市朝阳区商务局", gazetteer, ["北京市"])  # no place: not the body
    assert not same_provider("新疆维吾尔自治区商务厅", "自治区工业和信息化厅", gazetteer)


def test_a_figure_with_a_magnitude_is_found_by_its_value_written_out() -> None:
    # The extractor keeps 万 in the unit (45万单); a gold writer may write the figure out (450000 单).
    score = FileScore("x")
    case = sentence_case("累计处理退货订单45万单，签发提单1.2万余单。")
    gold_case = {
        "outcomes": [
            {"metric": "处理退货订单", "value": 450000, "unit": "单"},
            {"metric": "签发提单", "value": 12000, "unit": "单", "qualifier": "余"},
            {"metric": "签发提单", "value": 1200, "unit": "单"},
        ]
    }
    score_outcomes(score, 1, gold_case, case)
    assert (score.outcomes_expected, score.outcomes_found, score.qualifiers_right) == (3, 2, 1), score.misses


def test_an_average_before_a_change_verb_is_the_same_label_with_or_without_it() -> None:
    # Gold writers keep 平均 in 成本平均降低 or drop it; the extractor drops it from the label (its qualifier keeps it).
    score = FileScore("x")
    case = sentence_case("企业用地成本平均降低30%以上，测绘时间平均压缩60%。")
    gold_case = {
        "outcomes": [
            {"metric": "企业用地成本平均降低", "value": 30, "qualifier": "以上"},
            {"metric": "测绘时间压缩", "value": 60},
        ]
    }
    score_outcomes(score, 1, gold_case, case)
    assert (score.outcomes_found, score.labels_right) == (2, 2), score.misses
    assert label_form("平均办理时间") == "平均办理时间"  # a measure that is an average keeps its word


def test_a_label_is_the_same_with_or_without_its_quotation_marks() -> None:
    score = FileScore("x")
    case = sentence_case("全区出让“标准地”11宗。")
    score_outcomes(score, 1, {"outcomes": [{"metric": "出让标准地", "value": 11}]}, case)
    assert score.labels_right == 1, score.misses
    assert label_form("“空陆联运”货物") == "空陆联运货物"


def test_only_a_bare_magnitude_scales_a_figure() -> None:
    """45万单 also counts as 450000 单, but 200千米 is no 200000: 千 of 千米 is part of the unit."""
    from types import SimpleNamespace

    from _dev_scoring import _our_values

    assert 450000.0 in _our_values(SimpleNamespace(value=45.0, before=None, after=None, unit="万单"))
    assert _our_values(SimpleNamespace(value=200.0, before=None, after=None, unit="千米")) == [200.0]


def test_a_case_two_units_provide_jointly_lists_both_and_either_is_right() -> None:
    gold = {"provider": ["忻州市人民政府", "吕梁市人民政府"], "agencies": [{"name": "忻州市商务局"}]}
    assert _gold_providers(gold) == ["忻州市人民政府", "吕梁市人民政府"]
    assert prefixes(gold) == ["吕梁市", "忻州市"]
    assert _gold_providers({"provider": "X片区", "provider_full": "Y自贸试验区X片区"}) == ["X片区", "Y自贸试验区X片区"]
