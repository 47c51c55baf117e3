"""Figures given 分别 (issue #15, held-out Fujian collection and the dev collections): each figure of the run takes
its own listed subject; a numbered section heading (3．实践成效) is no part of the sentence after it."""

from __future__ import annotations

from _gold_cases import make_case

from ftzgraph.graph.extract.outcomes import extract_outcomes
from ftzgraph.graph.text import joined_text


def _labels(text: str) -> dict[float | None, str]:
    return {o.value if o.value is not None else o.after: o.what for o in extract_outcomes(make_case(text))}


def test_each_figure_of_a_respectively_run_takes_its_own_subject() -> None:
    labels = _labels("船舶进港、出港查验时间分别压缩至1.5小时和1小时。")
    assert (labels[1.5], labels[1]) == ("船舶进港查验时间", "船舶出港查验时间")
    labels = _labels("进口、出口整体通关时间分别为12.5小时、0.6小时。")
    assert (labels[12.5], labels[0.6]) == ("进口整体通关时间", "出口整体通关时间")
    labels = _labels("出口额、进口额分别增长10%、5%。")
    assert (labels[10], labels[5]) == ("出口额增长", "进口额增长")


def test_figures_that_do_not_pair_with_items_share_the_whole_subject() -> None:
    labels = _labels("服务贸易占全国比重分别达19.6%和24.3%。")
    assert labels[19.6] == labels[24.3] == "服务贸易占全国比重"
    labels = _labels("出口二手车1.26万辆，货值18.7亿元，同比分别增长62.3%、35.6%。")
    assert labels[62.3] == labels[35.6] == "同比增长"


def test_respectively_without_a_run_of_figures_changes_nothing() -> None:
    assert _labels("海关、税务分别负责查验和退税，办理时间压缩至2天。")[2] == "办理时间"  # not 海关…


def test_an_arabic_numbered_heading_is_not_joined_with_the_next_line() -> None:
    joined, _ = joined_text("3．实践成效\n　　查验时间压缩至1小时。\n")
    assert joined.split("\n")[0] == "3．实践成效"
    assert joined_text("累计惠及\n1.86万户经营\n主体。\n")[0].startswith("累计惠及1.86万户经营主体。")  # a decimal


def test_ships_and_flights_are_units() -> None:
    (found,) = extract_outcomes(make_case("2023年共检查国际航行船舶2140艘次。"))
    assert (found.value, found.unit, found.what) == (2140, "艘次", "检查国际航行船舶")


def test_respectively_year_on_year_pairs_with_the_figures_before_and_keeps_tongbi() -> None:
    labels = _labels("新设外资企业136家，实际使用外资4.2亿美元，分别同比增长22%和35%。")
    assert (labels[22], labels[35]) == ("新设外资企业同比增长", "实际使用外资同比增长")


def test_a_head_noun_only_the_last_item_writes_and_a_closing_tongbi_are_every_items() -> None:
    labels = _labels("企业开办、项目审批、不动产登记时间分别压缩50%、40%和30%。")
    assert (labels[50], labels[40], labels[30]) == ("企业开办时间压缩", "项目审批时间压缩", "不动产登记时间压缩")
    labels = _labels("港口集装箱吞吐量、铁路货运量同比分别增长12.3%、8.6%。")
    assert (labels[12.3], labels[8.6]) == ("港口集装箱吞吐量同比增长", "铁路货运量同比增长")
    labels = _labels("货物查验率和通关成本分别下降20%和15%。")  # each item has its own head
    assert (labels[20], labels[15]) == ("货物查验率下降", "通关成本下降")


def test_two_items_written_together_each_take_their_figure() -> None:
    labels = _labels("自贸试验区外贸外资占全国比重分别达19.6%和24.3%。")
    assert (labels[19.6], labels[24.3]) == ("自贸试验区外贸占全国比重", "自贸试验区外资占全国比重")
    labels = _labels("进口出口额分别增长12%和8%。")
    assert (labels[12], labels[8]) == ("进口额增长", "出口额增长")
    labels = _labels("市场主体分别增长12%和8%。")  # one item: both figures share it
    assert labels[12] == labels[8] == "市场主体增长"


def test_a_one_character_head_goes_with_the_noun_it_ends() -> None:
    labels = _labels("跨境电商、市场采购出口额分别增长26%和14%。")
    assert (labels[26], labels[14]) == ("跨境电商出口额增长", "市场采购出口额增长")


def test_items_ending_in_one_noun_share_the_words_the_last_writes_after_it() -> None:
    """z25h: 一般纳税人、小规模纳税人网上申报率: both items end in 纳税人, and the words after it in the last item
    (网上申报率) are every item's, not only the one-character head (率)."""
    labels = _labels("一般纳税人、小规模纳税人网上申报率分别提升至98.6%和99.2%。")
    assert (labels[98.6], labels[99.2]) == ("一般纳税人网上申报率", "小规模纳税人网上申报率")


def test_the_after_values_of_a_respective_change_take_the_items_too() -> None:
    """z25h: 分别由15天、12天、10天压减到5天、3天、3天以内: the run of after values pairs, in order, with the
    items as the run of before values does, so the last after value keeps both its subject and its qualifier."""
    text = "企业用水、用电、用气报装时间分别由15天、12天、10天压减到5天、3天、3天以内。"
    outcomes = extract_outcomes(make_case(text))
    after = sorted((o for o in outcomes if o.after is not None), key=lambda o: o.evidence.start)
    assert [(o.what, o.value, o.qualifier) for o in after] == [
        ("企业用水报装时间", 5, None),
        ("企业用电报装时间", 3, None),
        ("企业用气报装时间", 3, "以内"),
    ]
    labels = _labels("进口、出口通关时间分别从20小时、8小时缩短至5小时和2小时。")
    assert (labels[5], labels[2]) == ("进口通关时间", "出口通关时间")
