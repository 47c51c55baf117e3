"""Party bodies and committees' departments (graph/extract/_agency_committees.py; issue #15, fixer z28e): a party
committee's body of a county named by one character keeps its level word (中共萧县县委组织部), the joint discipline
and supervision commission is named by both names, and a zone committee's department no lexicon holds (管委会社会
事务局) is the body its mention stands for. Texts are worded for the test, not taken from the held-out parts.
"""

from __future__ import annotations

from _gold_cases import make_case

from ftzgraph.graph.extract._agency_committees import party_body_name
from ftzgraph.graph.extract.agencies import extract_agencies_and_mentions


def _names(text: str, provider: str | None) -> list[str]:
    return [a.name for a in extract_agencies_and_mentions(make_case(text), provider)[0]]


def test_a_one_character_county_keeps_its_level_before_its_committee() -> None:
    assert party_body_name("萧县", "县委组织部") == "中共萧县县委组织部"
    assert party_body_name("萧县", "县纪律检查委员会") == "中共萧县纪律检查委员会"
    assert party_body_name("砀山县", "县委组织部") == "中共砀山县委组织部"


def test_the_discipline_and_supervision_commissions_go_by_both_names() -> None:
    name = party_body_name("砀山县", "县纪律检查委员会监察委员会")
    assert name == "中共砀山县纪律检查委员会 砀山县监察委员会"
    names = _names("宿州市砀山县\n县纪委监委对项目资金拨付开展全程监督，县财政局按月公开拨付进度。", "砀山县")
    assert names[0] == "中共砀山县纪律检查委员会 砀山县监察委员会"


def test_a_county_of_one_character_written_as_a_place_names_its_bodies() -> None:
    names = _names("宿州市萧县\n萧县县委组织部联合县人力资源和社会保障局组织返乡人才对接会。", "萧县")
    assert names == ["中共萧县县委组织部", "萧县人力资源和社会保障局"]


def test_a_committees_unlisted_department_is_the_body() -> None:
    text = "报送单位：蚌埠经济开发区管委会\n经开区管委会社会事务局牵头建设“一站式”社区服务站，覆盖居民3万人。"
    names = _names(text, "蚌埠经济开发区")
    assert names == ["蚌埠经济开发区管理委员会社会事务局"]


def test_a_department_before_a_post_stays_a_speakers_title() -> None:
    text = "蚌埠经济开发区\n经开区管委会社会事务局局长　某某\n经开区管委会推行社区服务“一站办”。"
    assert "蚌埠经济开发区管理委员会社会事务局" not in _names(text, "蚌埠经济开发区")


def test_a_zone_named_cheng_and_its_committee_is_no_city_administration() -> None:
    # issue #15, z29c: 科学城管委会 is 科学城 + 管委会, not 城管委 (城市管理委员会) + 会; 市城管委 stays the city's
    names = _names("（深圳市供稿）\n光明科学城管委会联合市城管委推行“一件事”。", "深圳市")
    assert names == ["光明科学城管理委员会", "深圳市城市管理委员会"], names
