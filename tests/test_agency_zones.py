"""Development zones' bodies by the zone's official name (graph/extract/_agency_zones.py), in names alone and in cases.

Probe sentences written for these tests (issue #15, helper z22a), not taken from any collection.
"""

from __future__ import annotations

from _gold_cases import make_case

from ftzgraph.graph.extract._agency_zones import (
    district_with_city,
    official_zone_name,
    zone_before,
    zone_ending_at,
    zone_named_in_case,
)
from ftzgraph.graph.extract.agencies import extract_agencies_and_mentions
from ftzgraph.graph.model import CaseText
from ftzgraph.graph.views.agency_matching import same_agency


def _acting(text: str, provider: str | None) -> list[str]:
    return [a.name for a in extract_agencies_and_mentions(make_case(text), provider)[0]]


def test_a_kind_abbreviated_after_its_city_is_written_in_full() -> None:
    assert official_zone_name("株洲高新区市场监督管理局") == "株洲高新技术产业开发区市场监督管理局"
    assert official_zone_name("南昌市经开区管理委员会") == "南昌经济技术开发区管理委员会"  # the zone by its city's stem
    assert official_zone_name("贵阳综保区管理委员会") == "贵阳综合保税区管理委员会"
    assert official_zone_name("国家税务总局株洲高新区税务局") == "国家税务总局株洲高新技术产业开发区税务局"


def test_a_bureaus_office_in_a_zone_writes_the_kind_in_full() -> None:
    assert official_zone_name("淄博市自然资源和规划局高新区分局") == "淄博市自然资源和规划局高新技术产业开发区分局"


def test_a_zone_known_by_a_short_name_of_its_own() -> None:
    assert official_zone_name("两江新区商务局") == "重庆两江新区商务局"
    assert official_zone_name("杨凌示范区农业农村局") == "杨凌农业高新技术产业示范区农业农村局"
    assert official_zone_name("重庆两江新区商务局") == "重庆两江新区商务局"  # already in full: unchanged


def test_names_with_no_zone_or_no_city_are_kept() -> None:
    for name in ("高新区管理委员会", "株洲市商务局", "南昌市东湖区商务局", "天津市滨海新区市场监督管理局"):
        assert official_zone_name(name) == name


def test_a_zone_written_without_its_city_is_the_one_the_case_names() -> None:
    text = "（绵阳科技城新区管委会报送）\n科技城新区管委会联合市科技局推行。"
    assert zone_named_in_case("科技城新区管理委员会", text) == "绵阳科技城新区管理委员会"
    text = "黄石新港（物流）工业园区管委会联合黄石海关推行江海联运。"
    assert zone_named_in_case("工业园区管理委员会", text) == "黄石新港（物流）工业园区管理委员会"
    text = "（德阳经济技术开发区供稿）\n开发区管委会牵头推行。"
    assert zone_named_in_case("德阳市开发区管理委员会", text) == "德阳经济技术开发区管理委员会"


def test_a_zone_is_not_taken_from_a_run_across_other_bodies_or_from_several_cities() -> None:
    text = "兰州海关所属兰州新区海关推行。"
    assert zone_named_in_case("兰州新区海关", text) == "兰州新区海关"
    text = "绵阳科技城新区与德阳高新区、成都天府新区合作，新区管委会牵头。"
    assert zone_named_in_case("新区管理委员会", text) == "新区管理委员会"  # 绵阳 and 成都 zones: no one zone
    text = "天津市滨海新区市场监管局推行。"
    assert zone_named_in_case("天津市滨海新区市场监督管理局", text) == "天津市滨海新区市场监督管理局"
    text = "深圳市保税区管理局统一管理。"  # written with its city: as written
    assert zone_named_in_case("深圳市保税区管理局", text) == "深圳市保税区管理局"


def test_a_short_form_too_common_alone_names_the_zone_only_when_the_case_names_it_otherwise() -> None:
    text = "航空港区借鉴外地做法，港区建设局牵头。"
    assert zone_before(text, text.index("建设局")) == ("港区", "郑州航空港经济综合实验区")
    text = "某港区建设局牵头。"
    assert zone_before(text, text.index("建设局")) is None


def test_zone_bodies_in_cases() -> None:
    text = "航空港区借鉴外地做法，港区建设局牵头，港区自然资源局配合。"
    expected = ["郑州航空港经济综合实验区建设局", "郑州航空港经济综合实验区自然资源局"]
    assert _acting(text, "郑州航空港经济综合实验区") == expected
    text = "马鞍山经开区报送\n经开区管委会联合马鞍山市市场监管局推行告知承诺制。"
    assert _acting(text, None) == ["马鞍山经济技术开发区管理委员会", "马鞍山市市场监督管理局"]
    text = "襄阳高新区市场监管局推行，高新区管委会牵头。"
    assert _acting(text, "襄阳市") == ["襄阳高新技术产业开发区市场监督管理局", "襄阳高新技术产业开发区管理委员会"]


def test_the_scorer_counts_a_zones_short_and_full_names_and_a_district_with_its_city_as_one_body() -> None:
    assert same_agency("合肥高新区人力资源和社会保障局", "合肥高新技术产业开发区人力资源和社会保障局", [])
    assert same_agency("东疆综合保税区管理委员会", "天津东疆综合保税区管理委员会", [])
    assert same_agency("顺德区科学技术局", "佛山市顺德区科学技术局", [])
    assert district_with_city("苏州工业园区管理委员会") == "苏州工业园区管理委员会"  # the district opens with its city
    assert not same_agency("顺德区科学技术局", "佛山市南海区科学技术局", [])
    assert not same_agency("合肥高新区管理委员会", "合肥经济技术开发区管理委员会", [])


def test_a_district_level_bureau_in_a_zones_own_case_is_the_zones() -> None:
    text = "（天津港保税区管委会报送）\n天津港保税区管委会会同天津海关推行，区市场监管局开展质量监督。"
    assert "天津港保税区市场监督管理局" in _acting(text, "天津港保税区管委会")


def test_a_kind_alone_is_the_zone_its_documents_head_names() -> None:
    document = "关于襄阳高新区自贸改革创新案例评选结果的公示\n\n一、案例\n高新区商务局协助建立重点企业清单。"
    case = make_case(document)
    start = document.index("高新区商务局")
    unit = CaseText(case.document, 1, "一、案例", heading=case.heading, start=start, end=len(document))
    agencies, _ = extract_agencies_and_mentions(unit, None)
    assert [a.name for a in agencies] == ["襄阳高新技术产业开发区商务局"]


def test_a_zone_with_a_word_of_its_own_between_city_and_kind() -> None:
    assert official_zone_name("海口国家高新区管理委员会") == "海口国家高新技术产业开发区管理委员会"
    assert official_zone_name("长春净月高新区管理委员会") == "长春净月高新技术产业开发区管理委员会"
    assert official_zone_name("宜宾临港经开区管理委员会") == "宜宾临港经济技术开发区管理委员会"
    assert official_zone_name("株洲市商务局经开区分局") == "株洲市商务局经济技术开发区分局"  # a bureau's, not a zone's
    assert official_zone_name("望城经开区管理委员会") == "望城经济技术开发区管理委员会"  # named by its district


def test_a_zones_committees_by_their_short_forms_and_a_district_named_with_its_city_already() -> None:
    # 园区科创委 in a 苏州工业园区 case: the park's commission; 苏州工业园区 is a district whose name opens with its
    # city's stem, so it is not written 苏州市苏州工业园区
    text = "苏州工业园区海关推行白名单管理。园区科创委负责企业资质初审。"
    assert "苏州工业园区科技创新委员会" in _acting(text, "苏州工业园区海关")
    text = "园区规建委参照外地做法，将多项测绘整合为一个综合测绘事项。"
    assert _acting(text, "苏州工业园区规划建设委员会") == ["苏州工业园区规划建设委员会"]


def test_a_city_bureaus_office_named_by_a_zone_is_one_body() -> None:
    text = "大连市金普新区推行“拿地即办证”，大连市自然资源局金普新区分局同步核发许可证。"
    assert _acting(text, "大连市金普新区") == ["大连市自然资源局金普新区分局"]


def test_a_comprehensive_experimental_zones_bodies_and_committee() -> None:
    # 综合实验区 is a zone's kind: 平潭综合实验区X局 is one body, its committee the zone's, not the FTZ area's
    text = "平潭片区先行先试，平潭综合实验区人力资源和社会保障局对台湾地区职业资格直接采认。"
    assert _acting(text, "福建省商务厅") == ["平潭综合实验区人力资源和社会保障局"]
    text = "省人社厅会同平潭综合实验区管委会对接台湾地区行业组织。"
    assert "平潭综合实验区管理委员会" in _acting(text, "福建省人力资源和社会保障厅")
    assert _acting("实验区行政审批局推行，综合实验区商务局配合。", "平潭综合实验区") == [
        "平潭综合实验区行政审批局",
        "平潭综合实验区商务局",
    ]


def test_an_ftz_area_named_for_a_zone_keeps_its_name() -> None:
    assert official_zone_name("天府新区市场监督管理局") == "四川天府新区市场监督管理局"
    assert official_zone_name("天府新区片区管理委员会") == "天府新区片区管理委员会"


def test_a_zones_name_the_grammar_cut_at_its_last_character_is_taken_whole() -> None:
    text = "成都国际铁路港经济技术开发区管委会联合成都海关制定数字提单签发规则。"
    assert zone_ending_at(text, text.index("管委会")) == "成都国际铁路港经济技术开发区"
    provider = "成都国际铁路港经济技术开发区管委会"
    assert _acting(text, provider) == ["成都国际铁路港经济技术开发区管理委员会", "成都海关"]
    text = "青白江区商务局牵头，区管委会配合。"
    assert zone_ending_at(text, text.index("管委会")) is None  # a district's level word, no zone's name


def test_zone_committees_departments_by_their_short_forms() -> None:
    text = "株洲高新区经发局牵头，高新区社会事业局参与。"
    assert _acting(text, "株洲市") == ["株洲高新技术产业开发区经济发展局", "株洲高新技术产业开发区社会事业局"]


def test_a_kinds_abbreviation_takes_the_kind_the_case_writes() -> None:
    # 经开区 also stands for a provincial 经济开发区: the case's own full form wins over the national kind
    assert _acting("肥西经济开发区是省级开发区。肥西经开区管委会牵头推行。", "合肥市") == ["肥西经济开发区管理委员会"]
    assert _acting("肥西经开区管委会牵头推行。", "合肥市") == ["肥西经济技术开发区管理委员会"]


def test_a_district_whose_name_opens_with_its_citys_stem_is_still_written_with_its_city() -> None:
    # 岳阳楼区 opens with 岳阳 but is no zone: its bodies are 岳阳市岳阳楼区X局; 苏州工业园区 is the city's zone
    assert _acting("区市场监管局牵头推行。", "岳阳楼区") == ["岳阳市岳阳楼区市场监督管理局"]
    assert district_with_city("岳阳楼区商务局") == "岳阳市岳阳楼区商务局"


def test_a_kind_alone_in_an_areas_case_is_the_zone_of_the_city_the_area_is_named_for() -> None:
    text = "供稿：中国（山东）自由贸易试验区济南片区管委会\n片区管委会联合济南海关推行，高新区税务局同步落实政策。"
    assert "济南高新技术产业开发区税务局" in _acting(text, None)  # no provider: no city from the context
    text = "片区管委会联合海关推行，高新区税务局配合。"  # no area, no city: no zone made up
    assert not [n for n in _acting(text, None) if "税务局" in n]


def test_a_zone_by_its_own_word_and_kind_takes_the_cases_city() -> None:
    text = "南昌高新区管委会联合南昌海关推行，小蓝经开区管委会参与试点。"
    assert "南昌小蓝经济技术开发区管理委员会" in _acting(text, "南昌市")
    assert _acting("小蓝经开区管委会参与试点。", None) == ["小蓝经开区管理委员会"]  # no city: as written


def test_a_zones_ending_written_alone_before_a_bureau_is_the_zone_the_case_names() -> None:
    text = "青岛西海岸新区管委会联合青岛前湾综合保税区管委会推行，新区商务局配合。"
    assert "青岛西海岸新区商务局" in _acting(text, "青岛市")
    text = "深圳市保税区管理局统一管理。"  # the ending after its city, not alone: as written
    assert zone_named_in_case("深圳市保税区管理局", text) == "深圳市保税区管理局"


def test_a_zone_an_ftz_area_is_named_for_is_the_zone_not_the_ftzs() -> None:
    text = "港务区管委会对集拼业务给予运费补贴。"
    assert _acting(text, "中国（陕西）自由贸易试验区西安国际港务区片区") == ["西安国际港务区管理委员会"]


def test_a_committee_written_by_a_word_of_its_zones_name() -> None:
    text = "实施单位：成都国际铁路港经济技术开发区管委会\n（1）铁路港管委会联合成都海关制定数字提单签发规则。"
    assert "成都国际铁路港经济技术开发区管理委员会" in _acting(text, "成都国际铁路港经济技术开发区管委会")
    text = "（1）铁路港管委会联合成都海关制定数字提单签发规则。"  # no zone named whole: no committee made up
    assert "成都国际铁路港经济技术开发区管理委员会" not in _acting(text, None)


def test_a_land_ports_committee_written_by_the_ports_last_word() -> None:
    text = "怀化国际陆港开通铁海联运班列。陆港管委会会同怀化海关推行“一单到底”。"
    assert _acting(text, "怀化市") == ["怀化国际陆港管理委员会", "怀化海关"]
    text = "陆港管委会会同海关推行“一单到底”。"  # no port named with its city: nothing made up
    assert "怀化国际陆港管理委员会" not in _acting(text, "怀化市")


def test_a_city_level_bureau_beside_a_zone_named_by_its_city_is_that_citys() -> None:
    """衡阳高新区出资…，市市场监管局…: a case with no provider whose zone is named by its city's stem; 市X局 is that
    city's. A bare 税务局 with no 市 borrows nothing."""
    text = "邵阳经开区出资设立风险补偿池，市市场监管局提供质押登记，市财政局分担贷款损失。"
    assert _acting(text, None) == ["邵阳市市场监督管理局", "邵阳市财政局"]
    assert not any(n.startswith("邵阳市") for n in _acting("邵阳经开区出资设立风险补偿池，税务局提供辅导。", None))


def test_a_known_zones_short_name_inside_a_sentence_names_its_bodies() -> None:
    """这是杨凌示范区X局的…: the zone's short name written right before the core after other words, and 示范区X局 later
    in a case that names that one zone of the kind, are the zone's bodies (a radio host's words)."""
    text = "这是杨凌示范区行政审批服务局的一项自主探索。示范区市场监管局同步办理。"
    assert _acting(text, None) == [
        "杨凌农业高新技术产业示范区行政审批服务局",
        "杨凌农业高新技术产业示范区市场监督管理局",
    ]


def test_a_zones_own_word_names_its_body_and_a_bureaus_office() -> None:
    """大亚湾开发区管委会 and 市生态环境局大亚湾分局 in a case naming 惠州大亚湾经济技术开发区: the zone's own word
    with a shorter kind is that zone, and a city bureau's office named by that word is the bureau's (no district
    is)."""
    text = "▍惠州大亚湾经济技术开发区管委会\n大亚湾开发区管委会推行项目简化环评，惠州市生态环境局大亚湾分局简化评价。"
    assert _acting(text, "惠州大亚湾经济技术开发区管委会") == [
        "惠州大亚湾经济技术开发区管理委员会",
        "惠州市生态环境局大亚湾分局",
    ]


def test_a_border_cooperation_zones_short_kind_and_its_investment_bureau_name_the_zone_of_the_case() -> None:
    text = "满洲里边境经济合作区推行联动招商机制，边合区招商局组织企业赴口岸考察。"
    names = [a.name for a in extract_agencies_and_mentions(make_case(text), "满洲里边境经济合作区管理委员会")[0]]
    assert names == ["满洲里边境经济合作区招商局"]


def test_the_china_merchants_group_is_no_investment_bureau() -> None:
    text = "漳州海关在招商局漳州开发区港推行进口货物“船边直提”。"
    names = [a.name for a in extract_agencies_and_mentions(make_case(text), "漳州海关")[0]]
    assert names == ["漳州海关"]


def test_a_city_bureaus_branch_named_by_the_kinds_word_is_the_body() -> None:
    text = "株洲市生态环境局高新分局推行环评审批改革，株洲市自然资源和规划局经开分局同步办理用地手续。"
    assert _acting(text, "株洲市") == ["株洲市生态环境局高新分局", "株洲市自然资源和规划局经开分局"]


def test_a_new_areas_sub_zone_is_no_district_named_new_city() -> None:
    text = "贵安新区马场新城管委会推行“标准地”出让，马场新城经济发展局会同贵安新区行政审批局开展联合验收。"
    assert _acting(text, "贵州贵安新区") == [
        "贵州贵安新区马场新城管理委员会",
        "贵州贵安新区马场新城管理委员会经济发展局",
        "贵州贵安新区行政审批局",
    ]
    district = _acting("西安市新城区市场监管局推行个体户登记秒批。", "西安市")  # the district stays a district
    assert len(district) == 1 and district[0].endswith("新城区市场监督管理局") and "管理委员会" not in district[0]


def test_a_sub_zone_written_short_takes_the_name_the_case_gives_it() -> None:
    text = "实施单位：西安国际港务区空港新城管委会\n空港新城管委会会同西安海关推行进口货物提前申报。"
    assert "西安国际港务区空港新城管理委员会" in _acting(text, None)


def test_a_special_zones_own_administration_by_its_proper_name() -> None:
    text = "三亚崖州湾科技城管理局会同三亚市商务局推行跨境结算便利化，文昌国际航天城管理局推行航天产品通关便利。"
    assert _acting(text, "海南省") == ["三亚崖州湾科技城管理局", "三亚市商务局", "文昌国际航天城管理局"]


def test_a_known_zone_with_its_provinces_name_and_a_sub_zones_bureau_are_one_body() -> None:
    assert official_zone_name("陕西省西咸新区交通局") == "陕西西咸新区交通局"  # the approval's name: 陕西西咸新区
    assert official_zone_name("贵州省贵安新区马场新城规划建设局") == "贵州贵安新区马场新城管理委员会规划建设局"
    assert official_zone_name("陕西省人民政府") == "陕西省人民政府"  # no zone: as it is
    assert official_zone_name("西安市新城区市场监督管理局") == "西安市新城区市场监督管理局"  # a district


def test_a_bureau_by_the_kind_alone_takes_the_rank_word_the_case_writes() -> None:
    text = "株洲国家高新区推行企业开办改革。\n高新区市场监管局推行“全程网办”，株洲高新区管委会牵头。"
    assert _acting(text, None) == ["株洲国家高新技术产业开发区市场监督管理局", "株洲高新技术产业开发区管理委员会"]


# issue #15, fixer z28e: 经开区 for a provincial 经济开发区; a city's new area written without its city
def test_a_kinds_short_word_stands_for_the_other_kind_the_case_names() -> None:
    text = "报送单位：蚌埠经济开发区管委会\n经开区管委会行政审批局实行联合验收，验收时间缩短一半。"
    names = [a.name for a in extract_agencies_and_mentions(make_case(text), "蚌埠经济开发区")[0]]
    assert names == ["蚌埠经济开发区管理委员会行政审批局"]


def test_a_new_area_written_without_its_city_is_named_with_it() -> None:
    text = "宿马新区\n马鞍山海关支持企业通关。宿马新区管委会牵头建立联席会议制度，宿州市商务局参与。"
    names = [a.name for a in extract_agencies_and_mentions(make_case(text), "宿马新区")[0]]
    assert "宿州宿马新区管理委员会" in names
    assert same_agency("宿州市宿马新区管理委员会", "宿州宿马新区管理委员会", [])
    other = "宿州市\n宿马新区管委会牵头推进产业转移，宿州市商务局参与。"  # not the provider: as written
    assert "宿马新区管理委员会" in [a.name for a in extract_agencies_and_mentions(make_case(other), "宿州市")[0]]


def test_of_two_zones_of_one_city_written_as_long_the_first_written_names_the_committee() -> None:
    """The longest zone the case names wins; a tie goes to the one written first, on every run (the zones were a set,
    whose order changes with the hash seed)."""
    first = "绵阳甲乙工业园区与绵阳丙丁工业园区合作，工业园区管委会牵头。"
    assert zone_named_in_case("工业园区管理委员会", first) == "绵阳甲乙工业园区管理委员会"
    swapped = "绵阳丙丁工业园区与绵阳甲乙工业园区合作，工业园区管委会牵头。"
    assert zone_named_in_case("工业园区管理委员会", swapped) == "绵阳丙丁工业园区管理委员会"


def test_a_zones_committee_departments_are_named_under_its_committee() -> None:
    # issue #15, fixer z29e: zone_names.yaml committee_departments (河北雄安新区's internal departments)
    text = "雄安新区规划建设局会同雄安新区自然资源和规划局完成评估，雄安新区管理委员会审定清单。"
    names = _acting(text, "雄安片区")
    assert "河北雄安新区管理委员会规划建设局" in names
    assert "河北雄安新区自然资源和规划局" in names
    assert same_agency("雄安新区改革发展局", "河北雄安新区管理委员会改革发展局", [])


def test_a_city_opened_economic_zone_takes_the_citys_name() -> None:
    document = (
        "荆门市辖东宝区、掇刀区和临空经济区。\n临空经济区管委会会同荆门海关推行提前申报，临空经济区综合执法局负责协调。"
    )
    names = _acting(document, "临空经济区管委会")  # the city is the one the text names
    assert "荆门临空经济区管理委员会" in names and "荆门临空经济区综合执法局" in names
