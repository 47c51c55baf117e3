"""Street offices (graph/extract/_agency_streets.py): a street office written by its own short name acts and is named
after the case's district (issue #15, helper z25g). Texts are worded for the test, in places no held-out part uses.
"""

from __future__ import annotations

from pathlib import Path

from _gold_cases import make_case

from ftzgraph.graph.extract.agencies import extract_agencies_and_mentions
from ftzgraph.graph.model import CaseText, Document


def _case_in(text: str, document_text: str) -> CaseText:
    """A case holding ``text`` inside a document whose other lines (head, signature) are ``document_text``'s."""
    document = Document(id="u", path=Path("unit.txt"), text=document_text, sha256="x")
    start = document_text.index(text)
    return CaseText(document, 1, "unit", heading=document.evidence(start, start), start=start, end=start + len(text))


def _names(text: str, provider: str | None) -> list[str]:
    return [a.name for a in extract_agencies_and_mentions(make_case(text), provider)[0]]


def test_a_street_office_after_a_joint_word_is_the_districts() -> None:
    text = "区民政局会同金沙街道办事处推行养老服务“时间银行”。"
    assert any(n.endswith("红花岗区金沙街道办事处") for n in _names(text, "遵义市红花岗区"))


def test_a_street_office_under_its_district_and_by_its_short_word() -> None:
    names = _names("红花岗区金沙街道办牵头设立调解室。", "遵义市红花岗区")
    assert any(n.endswith("红花岗区金沙街道办事处") for n in names), names


def test_street_offices_in_general_are_no_body() -> None:
    # guard: 各街道办事处 is every office, no one body; a clause's words before the word are no stem
    names = _names("区民政局推行养老服务“时间银行”，各街道办事处做好配合，推进街道办事处改革。", "遵义市红花岗区")
    assert not any("街道" in n for n in names), names


def test_a_townships_government_acts_by_its_own_name() -> None:
    # issue #15, z29c: 镇, 乡 and the pastoral 苏木 governments, named as written with 人民政府 in full
    text = "旗市场监督管理局联合宝绍岱苏木人民政府、桑根达来镇政府推行“证照上门办”。"
    names = _names(text, "正蓝旗")
    assert "宝绍岱苏木人民政府" in names and "桑根达来镇人民政府" in names, names


def test_townships_in_general_are_no_body() -> None:
    # guard: 各乡镇人民政府 and 所在镇政府 name no one township
    names = _names("县商务局推行，各乡镇人民政府做好宣传，由所在镇政府审核。", "洞口县")
    assert not any(n.endswith(("镇人民政府", "乡人民政府")) for n in names), names


def test_a_corps_regiment_acts_by_its_full_name() -> None:
    text = "第六师五家渠市推荐\n一〇三团在各连队设立代办点，第六师一〇二团社会事务服务中心统一受理。"
    names = _names(text, "第六师五家渠市")
    assert "新疆生产建设兵团第六师一〇三团" in names and "第六师一〇二团社会事务服务中心" in names, names


def test_a_regiment_needs_a_corps_division_in_its_document() -> None:
    # guard: with no Corps division named, 一四三团 could be any group's; 共青团 and 代表团 are words
    names = _names("县商务局联合共青团县委推行，考察代表团参观，一四三团参与。", "洞口县")
    assert not any(n.endswith("团") for n in names), names


def test_a_townships_bodies_in_its_own_document_are_its_towns() -> None:
    # issue #15, z30e: 镇便民服务中心 in a township's own list signed X市Y镇人民政府 is that town's, with its city
    text = "镇便民服务中心借鉴湖北自贸试验区宜昌片区做法，镇经发办联系市商务局上门指导。"
    document = "高石碑镇改革实践清单\n\n" + text + "\n\n潜江市高石碑镇人民政府\n"
    names = [a.name for a in extract_agencies_and_mentions(_case_in(text, document), None)[0]]
    assert "潜江市高石碑镇便民服务中心" in names and "潜江市高石碑镇经济发展办公室" in names, names


def test_a_county_document_naming_two_towns_gives_no_town() -> None:
    # guard: a county's list naming two town governments does not make 镇X bodies either town's
    text = "镇便民服务中心借鉴湖北自贸试验区宜昌片区做法。"
    document = "县改革清单\n\n" + text + "\n潜江市高石碑镇人民政府、潜江市熊口镇人民政府参与。\n"
    names = [a.name for a in extract_agencies_and_mentions(_case_in(text, document), None)[0]]
    assert not any(n.endswith("镇便民服务中心") and len(n) > 7 for n in names), names


def test_a_districts_body_in_its_own_document_stays_the_districts_beside_its_zone() -> None:
    # issue #15, z30e: 嘉陵经开区管委会 providing in 南充市嘉陵区's own list: 区市场监管局 is the district's
    text = (
        "报送单位：嘉陵经开区管委会\n"
        "主要做法：经开区企业服务局设立帮办窗口，区市场监管局、区税务局数据共享，企业可直接注销。"
    )
    document = "南充市嘉陵区优化营商环境典型案例清单\n\n" + text + "\n"
    names = [a.name for a in extract_agencies_and_mentions(_case_in(text, document), "嘉陵经开区管委会")[0]]
    assert "南充市嘉陵区市场监督管理局" in names, names


def test_a_department_after_the_committees_word_is_the_bulletins_zone_committees() -> None:
    # issue #15, z30e: 管委会经发局 in a zone committee's bulletin is that committee's, not the city's 经济发展局
    text = "管委会经发局联合国家外汇管理局遂宁市分局推动贸易外汇收支便利化。"
    document = "遂宁高新区工作简报\n2024年第3期\n遂宁高新区管委会党政办公室编\n\n" + text + "\n"
    names = [a.name for a in extract_agencies_and_mentions(_case_in(text, document), None)[0]]
    assert any(n.startswith("遂宁高新") and n.endswith("管理委员会经济发展局") for n in names), names


def test_a_bureaus_town_station_is_one_body_of_the_towns_city() -> None:
    # issue #15, z30e: 市市场监管局高石碑所 in 潜江市高石碑镇's own list: the city bureau's station in the town
    text = "镇便民服务中心牵头，市市场监管局高石碑所派员进驻，市商务局上门指导。"
    document = "高石碑镇改革实践清单\n\n" + text + "\n\n潜江市高石碑镇人民政府\n"
    names = [a.name for a in extract_agencies_and_mentions(_case_in(text, document), None)[0]]
    assert "潜江市市场监督管理局高石碑市场监督管理所" in names and "潜江市商务局" in names, names
