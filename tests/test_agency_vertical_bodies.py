"""Vertical (centrally managed) bodies and branch bodies as documents write them (issue #15, helper z22b): the financial
regulators' and the foreign exchange administration's local offices by their full names of the text's time, bureaux'
branches named by a district, a zone or a city, ministries' bodies named by their river, the statistics bureau's survey
teams, and a script's or chair's verb glued to a district's name. Each text is worded for the test, not taken from
the held-out parts; each test fails without the rule it names (guards marked as such).
"""

from __future__ import annotations

from pathlib import Path

from _gold_cases import make_case

from ftzgraph.graph.extract.agencies import extract_agencies_and_mentions
from ftzgraph.graph.model import CaseText, Document


def _names(text: str, provider: str | None) -> list[str]:
    return [a.name for a in extract_agencies_and_mentions(make_case(text), provider)[0]]


def _dated(text: str, date: str) -> CaseText:
    document = Document(id="d", path=Path("dated.txt"), text=text, sha256="d", date=date)
    return CaseText(document, 1, "unit", heading=document.evidence(0, 0), start=0, end=len(text))


def test_a_city_banking_and_insurance_regulator_is_named_in_full() -> None:
    text = "市商务局会同衢州银保监分局、浙江银保监局、宁波银保监局推出保单融资。"
    assert _names(text, "衢州市") == [
        "衢州市商务局",
        "中国银行保险监督管理委员会衢州监管分局",
        "中国银行保险监督管理委员会浙江监管局",  # a province's office is a 监管局
        "中国银行保险监督管理委员会宁波监管局",  # and so is a separately planned city's
    ]


def test_a_city_foreign_exchange_office_before_the_reorganisation_is_its_centre_sub_bureau() -> None:
    text = "人行丽水市中心支行会同市外汇局推行跨境结算“白名单”。"
    assert _names(text, "丽水市") == ["中国人民银行丽水市中心支行", "国家外汇管理局丽水市中心支局"]


def test_a_city_foreign_exchange_office_after_the_reorganisation_is_its_sub_bureau() -> None:
    text = "人民银行丽水市分行会同市外汇局推行跨境结算“白名单”。"
    assert _names(text, "丽水市") == ["中国人民银行丽水市分行", "国家外汇管理局丽水市分局"]
    # with no branch of the central bank named, the document's date tells the time
    found = extract_agencies_and_mentions(_dated("市外汇局推行跨境结算“白名单”。", "2025-03-01"), "丽水市")[0]
    assert [a.name for a in found] == ["国家外汇管理局丽水市分局"]
    found = extract_agencies_and_mentions(_dated("市外汇局推行跨境结算“白名单”。", "2021-03-01"), "丽水市")[0]
    assert [a.name for a in found] == ["国家外汇管理局丽水市中心支局"]


def test_a_county_level_citys_a_countys_and_a_provincial_capitals_foreign_exchange_office() -> None:
    assert _names("县外汇局会同县人民银行推行便利化试点。", "青田县") == [
        "国家外汇管理局青田县支局",
        "中国人民银行青田县支行",
    ]
    text = "人行嘉兴市中心支行指导，海宁市外汇局、杭州市外汇局配合。"
    assert _names(text, "嘉兴市") == [
        "中国人民银行嘉兴市中心支行",
        "国家外汇管理局海宁市支局",
        "国家外汇管理局浙江省分局",  # a capital's office is its province's
    ]


def test_the_foreign_exchange_administrations_short_name_before_a_branch() -> None:
    text = "市商务局会同外汇局衢州市中心支局、外汇局浙江省分局推行便利化试点。"
    assert _names(text, "衢州市") == ["衢州市商务局", "国家外汇管理局衢州市中心支局", "国家外汇管理局浙江省分局"]
    # guard: 外汇局 written alone names no national body
    assert "国家外汇管理局" not in _names("企业向外汇局报送材料，市商务局审核。", "衢州市")


def test_a_city_bureaus_branch_named_by_a_zone_or_a_district() -> None:
    text = "台州市公安局台州湾新区分局出入境管理大队与市自然资源和规划局黄岩分局联合推行“一窗办”。"
    assert _names(text, "台州市") == ["台州市公安局台州湾新区分局", "台州市自然资源和规划局黄岩分局"]


def test_a_provinces_bureau_before_its_office_in_a_city() -> None:
    text = "省药监局湖州检查分局会同市市场监管局推行许可“告知承诺”，检查分局在领证后开展核查。"
    # the bare 检查分局 is the office named before, never the city bureau's branch
    assert _names(text, "湖州市") == ["浙江省药品监督管理局湖州检查分局", "湖州市市场监督管理局"]


def test_a_ministrys_body_named_by_its_river() -> None:
    text = "芜湖海事局会同长江航务管理局、三峡通航管理局推行船舶过闸“一次申报”。"
    assert _names(text, "芜湖市") == ["芜湖海事局", "交通运输部长江航务管理局", "长江三峡通航管理局"]


def test_a_statistics_survey_team_is_the_national_bureaus() -> None:
    text = "市统计局会同国家统计局衢州调查队开展监测，衢州调查队负责抽样。"
    assert _names(text, "衢州市") == ["衢州市统计局", "国家统计局衢州调查队"]
    # the national bureau written alone is no city's statistics bureau
    assert "衢州市统计局" not in _names("国家统计局印发统计制度，企业按月报送。", "衢州市")


def test_short_forms_of_a_city_transport_and_port_bureau_and_planning_bureau() -> None:
    text = "市交通港航局会同市资源规划局推行港口项目“联合验收”，市资规局同步办理登记。"
    assert _names(text, "三亚市") == ["三亚市交通运输和港航管理局", "三亚市自然资源和规划局"]


def test_a_customs_office_named_after_a_zone_keeps_the_zones_whole_name() -> None:
    text = "苏州工业园区海关推行研发物品“白名单”监管，海关不再逐批查验。"
    assert _names(text, "苏州工业园区海关") == ["苏州工业园区海关"]


def test_a_scripts_verb_glued_to_a_district_is_no_place() -> None:
    text = "【解说】走进金东区市场监督管理局窗口，办事群众正在领取执照。金东区市场监督管理局联合区税务局推出改革。"
    assert _names(text, "金华市金东区") == ["金华市金东区市场监督管理局", "金华市金东区税务局"]


def test_a_zones_notice_names_its_city_by_the_zones_short_name() -> None:
    text = "关于宜宾临港经开区自贸改革案例的公示\n\n1号案例\n区税务局会同市税务局打通系统接口。"
    document = Document(id="h", path=Path("head.txt"), text=text, sha256="h")
    start = text.index("1号案例")
    case = CaseText(document, 1, "unit", heading=document.evidence(start, start), start=start, end=len(text))
    assert "宜宾市税务局" in [a.name for a in extract_agencies_and_mentions(case, None)[0]]


def test_the_central_bank_and_foreign_exchange_offices_after_a_citys_level() -> None:
    text = "2021年，市人民银行会同市外管局推行跨境结算便利化，丽水银保监分局配合。"
    assert _names(text, "丽水市") == [
        "中国人民银行丽水市中心支行",
        "国家外汇管理局丽水市中心支局",
        "中国银行保险监督管理委员会丽水监管分局",
    ]
    # guard: a municipality's 人民银行 is no city branch of a rank
    assert "中国人民银行天津市中心支行" not in _names("天津市人民银行会同市商务局推行。", "天津市")


def test_the_securities_and_former_insurance_regulators_offices_are_named_in_full() -> None:
    text = "厦门证监局会同厦门保监局、漳州保监分局推行改革。"
    assert _names(text, "厦门市") == [
        "中国证券监督管理委员会厦门监管局",
        "中国保险监督管理委员会厦门监管局",
        "中国保险监督管理委员会漳州监管分局",
    ]


def test_a_districts_police_branch_is_the_city_bureaus_branch() -> None:
    text = "区市场监管局联合区公安分局、区应急局推行“一件事”联办。"
    assert _names(text, "丽水市莲都区") == [
        "丽水市莲都区市场监督管理局",
        "丽水市公安局莲都分局",
        "丽水市莲都区应急管理局",
    ]
    # guard: a zone's own police branch keeps the zone's name
    assert _names("示范区公安分局推行改革。", "沈抚改革创新示范区管委会") == ["沈抚改革创新示范区公安分局"]


def test_a_districts_police_branch_written_by_its_name_is_the_city_bureaus_branch() -> None:
    # z25g: 莲都区公安分局 and 莲都公安分局 name the city bureau's branch too, with its stations after it
    text = "莲都公安分局紫金派出所会同莲都区公安分局治安大队推行“一件事”联办。"
    assert _names(text, "丽水市莲都区") == ["丽水市公安局莲都分局紫金派出所", "丽水市公安局莲都分局治安大队"]


def test_bodies_that_a_short_form_names_once() -> None:
    # z25g: a district's state assets bureau, a border station named 边境检查站, a port and shipping centre
    text = "区国资局会同东兴边境检查站、市港航管理中心推行“一件事”联办。"
    assert _names(text, "防城港市港口区") == ["防城港市港口区国有资产管理局", "东兴边境检查站", "防城港市港航管理中心"]
    # z25g: short forms of one body each (政府办: the government's office, not the government; 审批局; 教体局)
    text = "区政府办会同区审批局、区教体局、区公共资源交易中心推行“一件事”联办。"
    assert _names(text, "防城港市港口区") == [
        "防城港市港口区人民政府办公室",
        "防城港市港口区行政审批局",
        "防城港市港口区教育和体育局",
        "防城港市港口区公共资源交易中心",
    ]


def test_a_customs_offices_bureau_named_by_its_place() -> None:
    text = "区农业农村局会同温州海关瓯海办事处推行出口农产品“预检验”。"
    assert _names(text, "温州市瓯海区") == ["温州市瓯海区农业农村局", "温州海关瓯海办事处"]


def test_a_city_bureaus_branch_named_by_a_zones_kind_in_full() -> None:
    text = "市公安局经济技术开发区分局联合市场主体推行改革，市公安局联合推进分局工作。"
    assert _names(text, "丽水经济技术开发区管委会") == ["丽水市公安局经济技术开发区分局", "丽水市公安局"]


def test_a_speakers_body_acts_in_its_own_speech() -> None:
    speech = "推行“一枚印章管审批”\n韶关市行政审批服务局局长　王某\n\n　　今年以来，我局将186项审批事项划转集中。"
    assert _names(speech, None) == ["韶关市行政审批服务局"]
    # guard: a speaker whose speech never speaks for its body, and a press event's speaker, do not act
    assert _names(speech.replace("我局", "全市"), None) == []
    briefing = "新闻发布会实录\n" + speech
    assert _names(briefing, None) == []


def test_an_airport_customs_office_with_its_citys_stem_and_a_region_written_short() -> None:
    assert _names("（2）成都双流国际机场海关设立查验通道。", "成都市") == ["成都双流国际机场海关"]
    text = "人民银行宁夏区分行会同外汇局宁夏区分局推行便利化试点。"
    assert _names(text, "银川市") == ["中国人民银行宁夏回族自治区分行", "国家外汇管理局宁夏回族自治区分局"]


def test_a_city_police_exit_entry_bureau() -> None:
    assert _names("市科技局会同市公安局出入境管理局推行“一窗通办”。", "温州市") == [
        "温州市科学技术局",
        "温州市公安局出入境管理局",
    ]


def test_a_port_bureau_alone_and_merged_in_a_new_areas_bureau() -> None:
    assert _names("市商务局会同市口岸局推行跨境货车“一次登记”。", "珠海市") == ["珠海市商务局", "珠海市口岸局"]
    text = "兰州新区学习借鉴经验，新区商务和口岸局会同兰州海关推行改革。"
    assert _names(text, "兰州新区管委会") == ["兰州新区商务和口岸局", "兰州海关"]


def test_a_financial_regulators_sub_branch_written_after_its_branch_is_the_sub_branch() -> None:
    text = "县财政局提供风险补偿资金，双鸭山市金融监管分局饶河监管支局督促银行规范放贷。"
    names = [a.name for a in extract_agencies_and_mentions(make_case(text), "饶河县人民政府")[0]]
    assert "国家金融监督管理总局双鸭山监管分局饶河监管支局" in names
    assert "国家金融监督管理总局双鸭山监管分局" not in names
