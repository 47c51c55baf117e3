"""Bodies known by proper names (graph/extract/_agency_named_offices.py, issue #15, helper z17f): the Greater Bay Area
cooperation zones' bodies written by their short forms inside their own documents, bodies of the Hong Kong and Macao
governments that act, and the civil aviation administration's supervision offices named by their place's stem. Each
text is worded for the test, not taken from the held-out parts; each test fails without the rule it names.
"""

from __future__ import annotations

from _gold_cases import make_case

from ftzgraph.graph.extract.agencies import extract_agencies_and_mentions
from ftzgraph.graph.sources.script import to_simplified


def _names(text: str, provider: str | None) -> list[str]:
    return [a.name for a in extract_agencies_and_mentions(make_case(text), provider)[0]]


def test_a_cooperation_zones_bureau_written_short_in_its_own_document() -> None:
    text = "横琴粤澳深度合作区推出跨境办税服务。合作区金融发展局会同合作区城市规划和建设局制定配套办法。"
    assert _names(text, "珠海市") == ["横琴粤澳深度合作区金融发展局", "横琴粤澳深度合作区城市规划和建设局"]


def test_a_cooperation_zones_bureau_in_traditional_script_is_read_on_the_simplified_copy() -> None:
    text = to_simplified("橫琴粵澳深度合作區發佈新規。合作區商事服務局推出澳資企業開辦專窗。")
    assert _names(text, None) == ["横琴粤澳深度合作区商事服务局"]


def test_a_bare_cooperation_zone_bureau_needs_the_zone_named_in_the_document() -> None:
    # guard: with no 横琴 anywhere, 合作区X局 could be any cooperation zone's: kept as written, never made up
    assert _names("合作区经济发展局推出人才新政。", None) == ["合作区经济发展局"]


def test_qianhai_and_nansha_bodies_by_their_short_forms() -> None:
    text = "前海法院与前海税务局建立涉税纠纷化解机制，前海管理局提供场地保障。南沙开发区管委会印发实施细则。"
    assert _names(text, None) == [
        "深圳前海合作区人民法院",
        "国家税务总局深圳市前海税务局",
        "深圳市前海深港现代服务业合作区管理局",
        "广州南沙经济技术开发区管理委员会",
    ]


def test_macao_and_hong_kong_bodies_act_and_keep_their_names_as_written() -> None:
    text = "澳门特区政府经济及科技发展局与珠海市商务局联合举办推介会，香港投资推广署派员参加并介绍营商政策。"
    assert _names(text, "珠海市") == ["澳门特区政府经济及科技发展局", "珠海市商务局", "香港投资推广署"]


def test_a_region_government_word_is_no_mainland_district_government() -> None:
    # 特别行政区政府 used to read as 区政府 (a district's government) of the case's own place
    text = "香港特别行政区政府运输署与深圳市交通运输局共同优化跨境巴士线路。"
    assert _names(text, "深圳市福田区") == ["香港特别行政区政府运输署", "深圳市交通运输局"]


def test_a_sar_body_only_supplying_figures_or_borrowed_from_does_not_act() -> None:
    # guard: found now, the two bodies still do not act (a figure's source, a model borrowed from)
    text = "据香港特区政府统计处数据，去年跨境货车超过百万架次。深圳海关借鉴澳门海关的做法，推出预约通关。"
    assert _names(text, "深圳市") == ["深圳海关"]


def test_civil_aviation_supervision_offices_by_their_places_stem() -> None:
    text = "民航云南监管局与中国民用航空青岛安全监督管理局分别优化航线审批。"
    assert _names(text, None) == ["中国民用航空云南安全监督管理局", "中国民用航空青岛安全监督管理局"]


def test_a_civil_aviation_word_before_no_place_is_no_office() -> None:
    # guard: 民航西南地区管理局 is a regional administration (its own entry), not a supervision office
    assert _names("民航西南地区管理局批复新航线。", None) == ["中国民用航空西南地区管理局"]


# the forms part 27 (real passages, tests/data/unseen/agencies-part27-z17f.yaml) brought on its first run


def test_a_sar_body_no_mainland_body_is_named_like_read_alone_where_its_region_is_named() -> None:
    text = "香港与深圳推进规则衔接。投资推广署联合深圳市商务局举办推介会。"
    assert _names(text, "深圳市") == ["投资推广署", "深圳市商务局"]
    # guard: with neither region named, the same words are not read as a body of either
    assert _names("投资推广署联合深圳市商务局举办推介会。", "深圳市") == ["深圳市商务局"]


def test_a_bare_region_government_is_the_one_region_the_document_names() -> None:
    text = "澳门特区行政长官表示，特区政府将与珠海市人民政府共同推进横琴建设。"
    assert _names(text, "珠海市") == ["澳门特区政府", "珠海市人民政府"]


def test_a_count_of_places_before_customs_is_no_ports_name() -> None:
    assert _names("实施三地海关查验结果参考互认合作，拱北海关牵头。", None) == ["拱北海关"]


def test_a_sar_secretarys_post_makes_the_department_a_speakers_employer() -> None:
    # guard: found now, the department is still only the speaker's employer
    assert _names("香港特别行政区政府政务司司长在发布会上说，合作区建设进展顺利。", None) == []


def test_a_regional_civil_aviation_administration_without_its_word_for_area() -> None:
    assert _names("民航华东管理局批复浦东机场新航线。", None) == ["中国民用航空华东地区管理局"]


def test_the_cooperation_zones_tax_bureau_and_court_by_their_short_forms() -> None:
    text = "横琴粤澳深度合作区优化涉澳服务。合作区税务局联合合作区人民法院推出涉税纠纷调解机制。"
    assert _names(text, None) == ["国家税务总局横琴粤澳深度合作区税务局", "横琴粤澳深度合作区人民法院"]


def test_a_short_name_the_case_defines_is_the_same_body() -> None:
    # the full name is only cited; the body acts under the short name defined for it (_agency_aliases.py)
    text = "根据河套深港科技创新合作区深圳园区发展署（以下简称“园区发展署”）的部署，园区发展署会同福田海关开展试点。"
    assert _names(text, None) == ["河套深港科技创新合作区深圳园区发展署", "福田海关"]


def test_a_defined_short_name_inside_a_longer_word_is_no_mention() -> None:
    # guard: 管理局 defined for 前海's body is no mention inside 市场监督管理局
    text = "深圳市前海深港现代服务业合作区管理局（以下简称管理局）负责规划。深圳市市场监督管理局推出措施。"
    assert _names(text, None) == ["深圳市前海深港现代服务业合作区管理局", "深圳市市场监督管理局"]


def test_the_zones_own_word_for_hengqin_and_macao_names_it_too() -> None:
    assert _names("推进琴澳一体化发展。合作区民生事务局开设跨境服务专窗。", None) == ["横琴粤澳深度合作区民生事务局"]


def test_a_named_offices_short_form_after_the_city_its_full_name_opens_with() -> None:
    """深圳市前海管理局: the city written before a named office's short form is the full name's own head (helper
    z22b)."""
    assert _names("深圳市前海管理局会同市商务局推出改革。", "深圳市") == [
        "深圳市前海深港现代服务业合作区管理局",
        "深圳市商务局",
    ]


def test_a_named_offices_branch_in_a_port_is_the_offices_not_the_citys() -> None:
    text = "南通海关会同长江航运公安局南通分局推行船舶进出港“一次查验”。"
    assert _names(text, "南通市") == ["南通海关", "长江航运公安局南通分局"]  # not 南通市公安局南通分局


def test_a_hainan_parks_statutory_bureau_is_a_body() -> None:
    """三亚崖州湾科技城管理局, 乐城先行区管理局: a park's 管理局 the grammar has no unit for (科技城, 先行区)."""
    assert _names("崖州湾科技城管理局会同三亚海关推行种质资源“隔离检疫”。", "三亚市") == [
        "三亚崖州湾科技城管理局",
        "三亚海关",
    ]
    assert _names("乐城先行区管理局会同海口海关推行药械“先行先试”。", None)[0] == "海南博鳌乐城国际医疗旅游先行区管理局"


def test_border_cooperation_zones_committees_by_their_proper_names() -> None:
    # issue #15, z29c: zones named by two countries or two ports (中哈, 磨憨—磨丁), written in full or short
    text = "（霍尔果斯市供稿）\n合作中心管委会会同磨憨-磨丁经济合作区管委会推行旅客“一次查验”。"
    assert _names(text, "霍尔果斯市") == ["中哈霍尔果斯国际边境合作中心管理委员会", "磨憨—磨丁经济合作区管理委员会"]


def test_a_port_named_border_zone_and_port_committee_are_kept_as_written() -> None:
    text = "（瑞丽市供稿）\n姐告边境贸易区管委会联合畹町海关推行，，章凤口岸管理委员会协调场站作业。"
    assert _names(text, "瑞丽市") == ["姐告边境贸易区管理委员会", "畹町海关", "章凤口岸管理委员会"]


def test_a_stem_named_office_after_a_conjunction_between_bodies() -> None:
    # 与 right after a body's name joins the next body (凭祥市商务局与东兴海关), as 联合 does
    names = _names("（凭祥市供稿）\n市商务局与东兴海关推行边民互市“一票通”。", "凭祥市")
    assert "东兴海关" in names, names


def test_a_border_station_by_its_name_before_the_reform() -> None:
    names = _names("（满洲里市供稿）\n满洲里边防检查站联合满洲里海关推行“车边验放”。", "满洲里市")
    assert names == ["满洲里出入境边防检查站", "满洲里海关"], names


def test_a_transliterated_port_name_may_hold_a_function_character() -> None:
    # 红其拉甫, 甘其毛都: 其 inside a transliteration; 其海关 (its customs) stays no name
    names = _names("（喀什地区供稿）\n地区商务局推行，红其拉甫出入境边防检查站优化查验，其海关配合。", "喀什地区")
    assert names == ["喀什地区商务局", "红其拉甫出入境边防检查站"], names
