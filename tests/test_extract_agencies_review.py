"""Agencies: review of the held-out rules of issue #15 (helper z15e), with probe sentences of the genre written for the
review, not taken from any collection.

Each test fails without the narrowing it names: the approval rule (a government that only approves does not act)
applies to the bodies that give consent (governments, party committees, zone committees, leading groups), not to a line
department whose approval is its part in the reform, nor to a body that worked to obtain another's approval, nor to a
name that opens with 经 itself (经开区管委会); an approval word is never read into a place (方案已经区政府); a kind
of zone written alone (经开区管委会) is a low-confidence mention, not a made-up name. Guards keep what the rules must
still do (经市委、市政府同意; 经开区 after 株洲经开区). The receiver rule keeps routine filings (向海关申报) and leaves
applications to the body that takes them (向市市场监管局申请登记), which acts. A body's leaders named collectively make
it only their employer when they take a post (任组长), not when they lead its work (率队). An area provider written
in full (中国（河南）自由贸易试验区洛阳片区) gives its city to 市X局 as the short 洛阳片区 does.
"""

from __future__ import annotations

from _gold_cases import make_case

from ftzgraph.graph.extract.agencies import extract_agencies_and_mentions


def _acting(text: str, provider: str) -> list[str]:
    return [a.name for a in extract_agencies_and_mentions(make_case(text), provider)[0]]


def _written(text: str, provider: str) -> list[str]:
    return [m.as_written for m in extract_agencies_and_mentions(make_case(text), provider)[1]]


def test_a_name_that_opens_with_jing_is_no_approval() -> None:
    # 经开区 is 经济技术开发区: its committee leads; the city government approves.
    text = "经开区管委会牵头制定方案并报市政府批准后实施。"
    assert "经开区管委会" in _written(text, "株洲市")
    assert "株洲市人民政府" in _acting(text, "株洲市")


def test_a_body_that_obtains_another_bodys_approval_acts() -> None:
    text = "经市商务局多方协调争取获得海关总署同意，企业顺利通关。"
    assert "株洲市商务局" in _acting(text, "株洲市")


def test_a_line_departments_approval_is_its_part_in_the_reform() -> None:
    text = "经市场监管局审核同意后，企业即可开业。经市政府同意，市商务局印发《办法》。"
    assert _acting(text, "株洲市") == ["株洲市市场监督管理局", "株洲市商务局"]


def test_co_approvers_in_a_list_and_two_meetings_still_only_approve() -> None:
    text = "经市委、市政府同意，市商务局印发《办法》。该方案已经市政府常务会议和片区工作领导小组全体会议审议通过。"
    assert _acting(text, "株洲市") == ["株洲市商务局"]


def test_an_approval_word_is_never_read_into_a_place() -> None:
    # 方案已经区政府…: no place 方案已经区 (an invented 方案已经区人民政府); the district's own 区商务局 stays its own.
    text = "方案已经区政府常务会议审议通过，区商务局印发。"
    assert _acting(text, "株洲市天元区人民政府") == ["株洲市天元区商务局"]


def test_a_kind_of_zone_alone_names_no_committee() -> None:
    # 经开区, 示范区 with no zone named in full: a low-confidence mention, not 经开区管理委员会 made up.
    case = make_case("经开区管委会牵头，示范区管委会配合，企业参与。")
    agencies, mentions = extract_agencies_and_mentions(case, "株洲市")
    assert agencies == []
    assert [(m.as_written, m.agency, m.confidence) for m in mentions] == [
        ("经开区管委会", None, "low"),
        ("示范区管委会", None, "low"),
    ]


def test_a_kind_of_zone_after_the_zone_named_in_full_is_that_zone() -> None:
    text = "株洲经开区管委会牵头，经开区管委会负责验收。"
    assert _acting(text, "株洲市") == ["株洲经济技术开发区管理委员会"]  # the zone by its official name


def test_the_body_that_takes_applications_acts_and_a_customs_office_receiving_declarations_does_not() -> None:
    assert _acting("企业向市市场监管局申请登记后当日领照。", "株洲市") == ["株洲市市场监督管理局"]
    assert _acting("企业可在网上向市行政审批服务局提交材料，即来即办。", "株洲市") == ["株洲市行政审批服务局"]
    assert _acting("进口货物需向株洲海关申报。", "株洲市") == []


def test_a_bodys_leaders_leading_its_work_make_it_act_and_taking_a_post_do_not() -> None:
    assert _acting("市商务局主要负责人率队走访企业。", "株洲市") == ["株洲市商务局"]
    assert _acting("由市政府分管领导任组长，市商务局牵头。", "株洲市") == ["株洲市商务局"]


def test_an_area_provider_written_in_full_gives_its_city_as_written_short() -> None:
    for provider in ("洛阳片区", "中国（河南）自由贸易试验区洛阳片区", "河南自贸试验区洛阳片区"):
        assert _acting("片区管委会牵头，市商务局配合。", provider) == [
            "中国（河南）自由贸易试验区洛阳片区管理委员会",
            "洛阳市商务局",
        ], provider


def test_entrusted_holds_no_economic_commission() -> None:
    # 经委 (a district's economic commission, standard_names.yaml) inside 经委托: no mention.
    case = make_case("全区经委托第三方评估，区商务局组织验收。")
    mentions = extract_agencies_and_mentions(case, "株洲市天元区人民政府")[1]
    assert [m.as_written for m in mentions] == ["区商务局"]
