"""Agencies on held-out material (issue #15, helper z15a): the forms the part-16 passages and the two held-out
collections (tests/data/unseen/) brought, each rule with a small text of its own wording, not the material's.

Each test fails without the rule it names: a district's or county's own case, a government that only approves,
an office that only receives filings, a regional central-bank branch and its unit, committees with proper names,
a zone committee written in full, a page's source line, a city bureau's district office, names from before the
2018 reform, a table whose provider column comes first and headings that open with their provider, and the forms
of the later held-out rounds. Three tests guard what the new rules must leave alone (an approver that also acts; an
area committee written after another; a high-tech zone, which is no new area).
"""

from __future__ import annotations

from pathlib import Path

from _gold_cases import make_case

from ftzgraph.graph.extract.agencies import extract_agencies_and_mentions
from ftzgraph.graph.extract.layout import detect_layout
from ftzgraph.graph.extract.provider import provider_line
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document


def _names(text: str, provider: str) -> list[str]:
    return [a.name for a in extract_agencies_and_mentions(make_case(text), provider)[0]]


def test_level_only_bodies_in_a_districts_own_case_take_the_district() -> None:
    text = (
        "区人社局会同区医保局和国家税务总局南昌市西湖区税务局，在区政务服务中心设置窗口。\n"
        "（供稿单位：南昌市西湖区人民政府）"
    )
    assert _names(text, "南昌市西湖区人民政府") == [
        "南昌市西湖区人力资源和社会保障局",
        "南昌市西湖区医疗保障局",
        "南昌市西湖区税务局",
    ]


def test_level_only_bodies_in_a_countys_own_case_take_the_county() -> None:
    assert _names("县委、县政府成立工作专班，县市场监管局开发申报系统。", "桐乡县") == [
        "中共桐乡县委",
        "桐乡县人民政府",
        "桐乡县市场监督管理局",
    ]


def test_a_government_that_only_approves_does_not_act() -> None:
    text = "经市政府同意，市商务局印发《实施办法》。方案已经市政府第12次常务会议研究通过。"
    agencies, mentions = extract_agencies_and_mentions(make_case(text), "芜湖市")
    assert [a.name for a in agencies] == ["芜湖市商务局"]
    assert "市政府" not in {m.as_written for m in mentions}


def test_an_approving_body_that_also_acts_stays_an_agency() -> None:
    assert _names("经省政府同意，省商务厅印发方案。省政府召开推进会部署落实。", "江西省") == [
        "江西省人民政府",
        "江西省商务厅",
    ]


def test_an_office_that_only_receives_filings_does_not_act() -> None:
    text = "企业需在始发地向合肥海关申报，并在出境口岸向宁波海关进行二次报关。"
    assert _names(text, "合肥市") == []
    assert _names("绥化海关将方案向哈尔滨海关报备。", "绥化市") == ["绥化海关", "哈尔滨海关"]


def test_a_regional_central_bank_branch_keeps_its_seat_and_unit() -> None:
    text = "人行南京分行营业管理部引导银行开展业务，人行常州市中支推动结算。"
    assert _names(text, "常州市") == ["中国人民银行南京分行营业管理部", "中国人民银行常州市中心支行"]


def test_committees_with_proper_names_are_named_as_written() -> None:
    text = "宁波梅山保税港区管理委员会和宁波市北仑新港管委会协调码头企业。"
    assert _names(text, "宁波市") == ["宁波梅山保税港区管理委员会", "宁波市北仑新港管理委员会"]


def test_an_area_committee_after_another_keeps_its_zone() -> None:
    text = "中国（湖北）自由贸易试验区武汉片区管委会与襄阳片区管委会签订协议。"
    assert _names(text, "武汉片区") == [
        "中国（湖北）自由贸易试验区武汉片区管理委员会",
        "中国（湖北）自由贸易试验区襄阳片区管理委员会",
    ]


def test_a_zone_committee_written_in_full_names_the_bare_one() -> None:
    text = "中国（陕西）自由贸易试验区管理委员会牵头制定方案。自贸试验区管委会会同西安海关推进。"
    agencies, mentions = extract_agencies_and_mentions(make_case(text), "西安市")
    assert [a.name for a in agencies] == ["中国（陕西）自由贸易试验区管理委员会", "西安海关"]
    assert {m.as_written: m.confidence for m in mentions}["自贸试验区管委会"] == "medium"


def test_a_pages_source_line_is_no_actor() -> None:
    text = "苏州海关推行改革。\n（信息来源：江苏省商务厅）\n来源:苏州市商务局 发布时间:2023-01-01"
    assert _names(text, "苏州市") == ["苏州海关"]


def test_a_city_bureaus_district_office_is_one_body() -> None:
    text = "责任单位：市规划和自然资源局南山管理局、区发展改革局"
    assert _names(text, "深圳市南山区人民政府") == [
        "深圳市规划和自然资源局南山管理局",
        "深圳市南山区发展和改革局",
    ]


def test_names_from_before_the_2018_reform_keep_their_form() -> None:
    text = "市国土资源局、市规划局会同市工商局、市食药监局、市卫计委开展联合检查。"
    assert _names(text, "台州市") == [
        "台州市国土资源局",
        "台州市规划局",
        "台州市工商行政管理局",
        "台州市食品药品监督管理局",
        "台州市卫生和计划生育委员会",
    ]


def _doc(text: str, title: str | None = None) -> Document:
    return Document(id="t", path=Path("t.txt"), text=text, sha256="x", title=title)


def test_a_provinces_collection_of_copied_experience_is_no_state_council_notice() -> None:
    title = "关于印发江苏省第二批自贸试验区改革试点经验复制推广案例的通知"
    assert detect_layout(_doc(title + "\n", title)).name == "case_collection"


def test_a_table_with_the_provider_column_first_and_headings_that_open_with_the_provider() -> None:
    text = (
        "附表\n序号    地区        案例\n"
        "1       常州市武进区    外贸企业“白名单”\n2       昆山市          跨境结算便利\n\n"
        "一、常州市武进区：外贸企业“白名单”\n【主要做法】\n区商务局牵头。\n\n"
        "二、昆山市：跨境结算便利\n【主要做法】\n市商务局牵头。\n"
    )
    result = split_cases(_doc(text))
    assert [(c.number, c.title) for c in result.cases] == [(1, "外贸企业“白名单”"), (2, "跨境结算便利")]
    assert [c.table_row.provider for c in result.cases if c.table_row] == ["常州市武进区", "昆山市"]
    assert [p[0] for c in result.cases if (p := provider_line(c))] == ["常州市武进区", "昆山市"]


def test_the_provider_issuing_its_own_notice_acts_and_the_approving_government_does_not() -> None:
    """The gold convention decided for issue #15 (branch note z15a): a body acts whenever the text shows it acting,
    the provider included (the bundled gold's 伊春市人民政府办公室 issuing its notice; the dev golds' providers that
    act); a government that only approves (经…同意) does not (part 14's a118, part 15's a139 and a142)."""
    text = (
        "（常州市人民政府办公室提供）\n\n各辖市、区人民政府，市各委办局：\n\n"
        "经市人民政府同意，现将《常州市优化营商环境实施方案》印发给你们，请认真贯彻执行。\n\n"
        "常州市人民政府办公室\n\n2023年5月6日"
    )
    agencies, mentions = extract_agencies_and_mentions(make_case(text), "常州市人民政府办公室")
    assert [a.name for a in agencies] == ["常州市人民政府办公室"]
    assert "市人民政府" not in {m.as_written for m in mentions}


def test_the_banking_regulator_before_2018_is_named_in_full() -> None:
    assert _names("台州银监分局、宁波银监局引导银行开发产品。", "台州市") == [
        "中国银行业监督管理委员会台州监管分局",
        "中国银行业监督管理委员会宁波监管局",
    ]


def test_a_port_citys_maritime_bureau_as_a_list_item() -> None:
    text = "厦门海关、厦门海事等部门推出制度。厦门海事大学开展研究。建立海关、海事、边检联合机制。"
    assert _names(text, "厦门市") == ["厦门海关", "厦门海事局"]


def test_a_skills_training_centre_acts() -> None:
    assert _names("市就业训练中心负责认定考务组织。", "十堰市") == ["十堰市就业训练中心"]


def test_a_regional_branch_named_by_a_provinces_short_name_keeps_it() -> None:
    assert _names("在人民银行云南分行指导下，银行开展业务。", "昆明市") == ["中国人民银行云南分行"]


def test_an_approval_by_a_meeting_named_at_length() -> None:
    text = "方案已经市政府第78次常务会议和片区工作领导小组第一次全体会议审议通过，现印发给你们。"
    assert "苏州市人民政府" not in _names(text, "苏州市")


def test_second_round_central_bank_office_short_form() -> None:
    assert _names("人行重庆营管部指导银行机构。", "重庆市") == ["中国人民银行重庆营业管理部"]


def test_a_customs_office_named_with_its_city_and_then_bare_is_one_body() -> None:
    text = "区商务委会同重庆西永海关推进。西永海关实行验放。"
    assert _names(text, "重庆市沙坪坝区人民政府") == ["重庆市沙坪坝区商务委员会", "重庆西永海关"]


def test_a_governments_port_office_and_a_party_committees_new_department() -> None:
    assert _names("市口岸物流办给予指导，市委社会工作部参与。", "重庆市") == [
        "重庆市人民政府口岸和物流办公室",
        "中共重庆市委社会工作部",
    ]


def test_the_employer_of_a_groups_leader_does_not_act() -> None:
    text = "成立由区政府主要负责同志任组长的改革专班，区发展改革委牵头。"
    assert _names(text, "重庆市永川区人民政府") == ["重庆市永川区发展和改革委员会"]


def test_a_zones_office_written_in_full() -> None:
    assert _names("中国(河南)自由贸易试验区办公室负责制定发展规划。", "河南省") == ["中国（河南）自由贸易试验区办公室"]


def test_shanghai_district_bureaux_and_their_short_forms() -> None:
    text = "区发改委会同区人才工作局、区经委、区规资局召开会议。"
    assert _names(text, "上海市奉贤区人民政府") == [
        "上海市奉贤区发展和改革委员会",
        "上海市奉贤区人才工作局",
        "上海市奉贤区经济委员会",
        "上海市奉贤区规划和自然资源局",
    ]


def test_third_round_cases_whose_blocks_end_with_their_provider() -> None:
    text = (
        "关于印发典型案例的通知\n\n（一）外贸“白名单”\n1.基本情况\n区商务局牵头。\n【报送单位】临沂市兰山区人民政府\n\n"
        "（二）跨境结算便利\n1.基本情况\n市商务局牵头。\n【报送单位】淄博市人民政府\n"
    )
    result = split_cases(_doc(text))
    assert [(c.number, c.title) for c in result.cases] == [(1, "外贸“白名单”"), (2, "跨境结算便利")]
    assert [p[0] for c in result.cases if (p := provider_line(c))] == ["临沂市兰山区人民政府", "淄博市人民政府"]


def test_a_bracketed_provider_line_and_a_listed_approver_do_not_act() -> None:
    text = "经市委、市政府同意，市海洋发展局会同市应急管理局建立机制。\n【报送单位】荣成市人民政府"
    assert _names(text, "荣成市人民政府") == ["荣成市海洋发展局", "荣成市应急管理局"]


def test_an_areas_city_from_the_divisions_when_the_text_never_writes_it() -> None:
    assert _names("片区管委会会同市住房城乡建设局推进。", "烟台片区") == [
        "中国（山东）自由贸易试验区烟台片区管理委员会",
        "烟台市住房和城乡建设局",
    ]


def test_a_city_bureaus_district_branch_no_core_names() -> None:
    assert _names("市生态环境局环翠分局会同市大数据局推进。", "威海市") == [
        "威海市生态环境局环翠分局",
        "威海市大数据管理局",
    ]


def test_a_new_areas_bureaux_in_its_own_case() -> None:
    text = "新区商务局会同黄岛海关推进，新区财政局给予补贴。"
    assert _names(text, "青岛西海岸新区管委会") == ["青岛西海岸新区商务局", "黄岛海关", "青岛西海岸新区财政局"]


def test_fourth_round_headings_that_open_with_their_provider_in_brackets() -> None:
    text = (
        "关于印发改革案例的通知\n\n一、（渭南市）外贸“白名单”\n（一）改革背景\n市商务局牵头。\n\n"
        "二、（榆林市）跨境结算便利\n（一）改革背景\n市商务局牵头。\n"
    )
    result = split_cases(_doc(text))
    assert [(c.number, c.title) for c in result.cases] == [(1, "外贸“白名单”"), (2, "跨境结算便利")]
    assert [p[0] for c in result.cases if (p := provider_line(c))] == ["渭南市", "榆林市"]


def test_an_approver_whose_name_took_the_preposition_does_not_act() -> None:
    assert _names("2.经新区管委会同意，新区投资促进局印发办法。", "兰州新区") == ["兰州新区投资促进局"]


def test_a_provinces_insurance_regulator_is_a_bureau_not_a_branch() -> None:
    assert _names("甘肃银保监局、天水银保监分局推动银行开展业务。", "天水市") == [
        "中国银行保险监督管理委员会甘肃监管局",
        "中国银行保险监督管理委员会天水监管分局",
    ]


def test_a_zones_committee_by_the_zones_official_name() -> None:
    text = "东湖高新区管委会牵头，示范区农业农村局参与。"
    assert _names(text, "武汉片区")[0] == "武汉东湖新技术开发区管理委员会"


def test_a_short_name_of_a_customs_office_named_in_full_before() -> None:
    text = "市商务局会同成都双流机场海关制定细则，机场海关对退货商品集中申报。省文物局派驻人员。"
    assert _names(text, "成都市") == ["成都市商务局", "成都双流机场海关", "四川省文物局"]


def test_fifth_round_a_zones_tail_word_before_its_bodies() -> None:
    text = "一是实验区行政审批局会同实验区市场监督管理局推行；二是新区管委会会同高新区管委会推进。"
    assert _names(text, "平潭综合实验区管委会")[:2] == ["平潭综合实验区行政审批局", "平潭综合实验区市场监督管理局"]
    assert _names("一是新区商务局牵头。", "青岛西海岸新区管委会") == ["青岛西海岸新区商务局"]


def test_a_high_tech_zone_is_no_new_area() -> None:
    assert _names("高新区管委会联合合肥海关推行。", "合肥市高新区") == ["合肥高新技术产业开发区管理委员会", "合肥海关"]


def test_a_capitals_central_bank_branch_written_with_its_stem() -> None:
    assert _names("人行福州中支指导银行，市海洋与渔业局建立名录。", "福州市") == [
        "中国人民银行福州中心支行",
        "福州市海洋与渔业局",
    ]


def test_sixth_round_headings_that_end_with_their_provider_in_brackets() -> None:
    text = (
        "关于推广改革经验的通知\n\n1、外贸“白名单”（锦州市）\n做法：市商务局牵头。\n\n"
        "2、跨境结算便利（丹东市）\n做法：市商务局牵头。\n"
    )
    result = split_cases(_doc(text))
    assert [(c.number, c.title) for c in result.cases] == [(1, "外贸“白名单”"), (2, "跨境结算便利")]
    assert [p[0] for c in result.cases if (p := provider_line(c))] == ["锦州市", "丹东市"]


def test_a_port_named_office_under_its_parent_and_a_planned_citys_regulator() -> None:
    text = "青岛海事局会同青岛海关所属前湾海关建立机制，青岛银保监局指导保险机构，区公安分局配合。"
    agencies, mentions = extract_agencies_and_mentions(make_case(text), "青岛市")
    assert [a.name for a in agencies] == ["青岛海事局", "前湾海关", "中国银行保险监督管理委员会青岛监管局"]
    assert {m.as_written: m.agency for m in mentions}["区公安分局"] is None  # no district in sight: a mention
    assert _names("示范区公安分局配合。", "沈抚改革创新示范区") == ["沈抚改革创新示范区公安分局"]


def test_seventh_round_labelled_case_titles() -> None:
    text = (
        "关于印发复制推广案例的通知\n\n案例名称：外贸“白名单”\n报送单位：盐城市人民政府\n一、基本情况\n市商务局牵头。\n\n"
        "案例名称：跨境结算便利\n报送单位：宿迁市人民政府\n一、基本情况\n市商务局牵头。\n"
    )
    result = split_cases(_doc(text))
    assert [(c.number, c.title) for c in result.cases] == [(1, "外贸“白名单”"), (2, "跨境结算便利")]
    assert [p[0] for c in result.cases if (p := provider_line(c))] == ["盐城市人民政府", "宿迁市人民政府"]


def test_a_contributor_line_names_the_provider_not_an_actor() -> None:
    body = "唐山片区推行“船边直提”，曹妃甸海关优化查验流程，企业提货时间缩短一半。\n"
    assert "唐山市商务局" not in _names(body + "供稿：唐山市商务局", "唐山市商务局")
    assert "唐山市商务局" not in _names(body + "【来源单位】唐山市商务局", "唐山市商务局")
    # A lead-unit line that is the case's only one names its provider too (the held-out golds of hunan-bracket-fields,
    # zhejiang-wxno, jiangsu-bare and round 30's yueyang-zongjie agree); units a text assigns to its measures act, and
    # so does a contributor that the text shows acting.
    assert "唐山市商务局" not in _names(body + "牵头单位：唐山市商务局", "唐山市商务局")
    assigned = body + "（牵头单位：唐山市商务局；责任单位：唐山海关）"
    assert {"唐山市商务局", "唐山海关"} <= set(_names(assigned, "唐山市"))
    acting = body.replace("唐山片区推行", "唐山市商务局推行")
    assert "唐山市商务局" in _names(acting + "供稿：唐山市商务局", "唐山市商务局")


def test_a_central_bank_centre_branch_is_named_by_the_bare_stem_only_in_a_provincial_capital() -> None:
    assert _names("市商务局会同人行南宁中支推行跨境结算。", "南宁市商务局") == [
        "南宁市商务局",
        "中国人民银行南宁中心支行",
    ]
    assert "中国人民银行宜昌市中心支行" in _names("市商务局会同人行宜昌中支推行跨境结算。", "宜昌市商务局")
    # A city that also names an FTZ area (三亚片区) is the city in a branch's name.
    assert _names("三亚片区会同人行三亚中支推行跨境结算便利化。", "三亚市人民政府") == ["中国人民银行三亚市中心支行"]


def test_a_maritime_bureau_may_be_named_by_a_province() -> None:
    found = _names("洋浦片区会同洋浦海关、海南海事局推行“船舶一次检查”。", "洋浦片区")
    assert found == ["洋浦海关", "海南海事局"]
    # Customs never sits at province level: a province's stem before 海关 makes no body.
    assert "海南海关" not in _names("洋浦片区会同海南省海关推行。", "洋浦片区")
