"""Agencies in provinces and at levels the earlier held-out rounds did not reach (issue #15, helper z15g): a banner's
(旗) and a town's (镇) own bodies, an autonomous region's level (自治区X厅), a provider that is a body, the financial
regulator's offices after the 2023 reform, a court's tribunal and a bureau's police station, a city bureau's banner
branch written in full and then short, a development zone's own bodies, and two layouts (a provider after a dash in
the heading; NO.N｜title headings over a label line), and the leftovers of earlier rounds (a signature line, a bare
海关 kept as a mention, an autonomous prefecture's short name, one list of provider labels). Each rule is shown on
wording of its own, not the held-out material's; each test fails without the rule it names, except four guards of
what the rules must leave alone (two districts named, a word before 派出所, a kind of customs office, the signer of
a notice the text issues).
"""

from __future__ import annotations

from pathlib import Path

from _gold_cases import make_case

from ftzgraph.graph.extract.agencies import extract_agencies_and_mentions
from ftzgraph.graph.extract.provider import provider_line
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document


def _names(text: str, provider: str | None) -> list[str]:
    return [a.name for a in extract_agencies_and_mentions(make_case(text), provider)[0]]


def _doc(text: str) -> Document:
    return Document(id="t", path=Path("t.txt"), text=text, sha256="x", title=text.splitlines()[0])


def test_a_banner_bodys_own_case_names_its_banners_bodies() -> None:
    # The provider is a body (not a place): the banner its name opens with is the case's; 旗X局 are its bureaux, and
    # the traffic police keep the name the text gives them (交通管理大队, not 交通警察大队).
    assert _names("旗交通运输局联合旗公安局交通管理大队开展治超。", "杭锦旗交通运输局") == [
        "杭锦旗交通运输局",
        "杭锦旗公安局交通管理大队",
    ]


def test_a_national_bodys_local_office_as_provider_gives_its_place() -> None:
    assert _names("旗税务局联合旗人社局推行注销联办。", "国家税务总局达拉特旗税务局") == [
        "达拉特旗税务局",
        "达拉特旗人力资源和社会保障局",
    ]


def test_a_towns_own_case_names_its_government_and_its_office() -> None:
    assert _names("镇政府联合镇司法所设立调解室。", "树林召镇人民政府") == ["树林召镇人民政府", "树林召镇司法所"]


def test_a_town_level_body_outside_a_towns_case_is_not_made_up() -> None:
    # 镇司法所 in a city's case: no town to name it by; kept as a low-confidence mention.
    agencies, mentions = extract_agencies_and_mentions(make_case("镇司法所参与调解。"), "包头市")
    assert agencies == []
    assert [(m.as_written, m.agency, m.confidence) for m in mentions] == [("镇司法所", None, "low")]


def test_level_only_bodies_take_the_one_district_the_case_is_about() -> None:
    # No provider: the case names one district, and 区X局 are its bureaux, written with its city from the divisions.
    names = _names("昌邑区学习借鉴外省做法，区商务局会同区财政局推进。", None)
    assert names == ["吉林市昌邑区商务局", "吉林市昌邑区财政局"]


def test_two_districts_named_leave_a_level_only_body_unresolved() -> None:
    assert _names("昌邑区和龙潭区学习借鉴外省做法，区商务局推进。", None) == []


def test_an_autonomous_regions_level_is_a_province_level() -> None:
    assert _names("在自治区商务厅指导下，盟商务局组织培训。", "阿拉善盟商务局") == [
        "内蒙古自治区商务厅",
        "阿拉善盟商务局",
    ]


def test_the_financial_regulators_offices_after_2023() -> None:
    text = "东胜金融监管分局指导保险机构理赔，国家金融监督管理总局伊金霍洛监管支局督促银行销户。"
    assert _names(text, "鄂尔多斯市") == [
        "国家金融监督管理总局东胜监管分局",
        "国家金融监督管理总局伊金霍洛监管支局",
    ]


def test_a_courts_tribunal_and_a_bureaus_station_are_the_bodies_named() -> None:
    text = "县人民法院城关人民法庭派员调解，县公安局城关派出所配合。"
    assert _names(text, "凉城县") == ["凉城县人民法院城关人民法庭", "凉城县公安局城关派出所"]


def test_a_word_before_a_station_is_no_stations_name() -> None:
    assert _names("县公安局辖区派出所配合。", "凉城县") == ["凉城县公安局"]


def test_a_city_bureaus_banner_branch_in_full_then_short_is_one_body() -> None:
    text = "鄂尔多斯市自然资源局杭锦旗分局牵头编制方案，旗自然资源分局负责核查。"
    agencies, _ = extract_agencies_and_mentions(make_case(text), "杭锦旗人民政府")
    assert [(a.name, a.as_written) for a in agencies] == [
        ("鄂尔多斯市自然资源局杭锦旗分局", ["鄂尔多斯市自然资源局杭锦旗分局", "旗自然资源分局"])
    ]


def test_a_development_zones_own_case_names_its_bodies_by_its_full_name() -> None:
    text = (
        "长春经济技术开发区（以下简称长春经开区）学习借鉴外省做法，开发区管委会经济发展局牵头，"
        "经开区行政审批局推行承诺制，市发改委全程代办。"
    )
    assert _names(text, "长春经济技术开发区") == [
        "长春经济技术开发区管理委员会经济发展局",
        "长春经济技术开发区行政审批局",
        "长春市发展和改革委员会",
    ]


def test_a_city_bureaus_zone_branch_is_one_body() -> None:
    # the zone's kind written in full, as the gold files name a zone's bodies (威海市自然资源和规划局经济技术开发区分局)
    assert _names("市自然资源局高新区分局编制区域评估。", "通化市") == ["通化市自然资源局高新技术产业开发区分局"]


def test_a_heading_that_ends_with_its_provider_after_a_dash() -> None:
    text = (
        "关于推广改革经验的通知\n\n一、外贸“白名单”——四平市\n主要做法：市商务局牵头。\n取得成效：企业受益。\n\n"
        "二、跨境结算便利——梨树县\n主要做法：县商务局牵头。\n取得成效：企业受益。\n"
    )
    result = split_cases(_doc(text))
    assert [(c.number, c.title) for c in result.cases] == [(1, "外贸“白名单”"), (2, "跨境结算便利")]
    assert [p[0] for c in result.cases if (p := provider_line(c))] == ["四平市", "梨树县"]


def test_headings_numbered_no_over_a_label_line_open_cases_without_section_words() -> None:
    text = (
        "关于印发案例汇编的通知\n\n"
        "NO.1｜外贸“白名单”\n申报单位：乌审旗商务局\n旗商务局会同旗财政局建立企业白名单，实行分类服务并定期更新名单。\n\n"
        "NO.2｜跨境结算便利\n申报单位：乌审旗发展和改革委员会\n旗发改委会同旗税务局推行结算便利，企业办理时间明显缩短。\n"
    )
    result = split_cases(_doc(text))
    assert [(c.number, c.title) for c in result.cases] == [(1, "外贸“白名单”"), (2, "跨境结算便利")]
    assert [p[0] for c in result.cases if (p := provider_line(c))] == ["乌审旗商务局", "乌审旗发展和改革委员会"]


def test_a_signature_line_under_a_case_does_not_act() -> None:
    text = "市商务局会同海关推行改革。\n\n　　　　　　　　桂林市人民政府\n2024年5月6日\n"
    assert _names(text, "桂林市") == ["桂林市商务局"]


def test_the_signer_of_a_notice_the_text_issues_acts() -> None:
    text = "各县人民政府：\n现将《实施方案》印发给你们，请认真执行。\n桂林市人民政府办公室\n2024年5月6日\n"
    assert _names(text, "桂林市") == ["桂林市人民政府办公室"]


def test_a_bare_customs_office_is_the_one_the_case_names_else_an_unresolved_mention() -> None:
    agencies, mentions = extract_agencies_and_mentions(make_case("钦州海关牵头，与海关共享数据。"), "钦州市")
    assert [(a.name, a.as_written) for a in agencies] == [("钦州海关", ["钦州海关", "海关"])]
    agencies, mentions = extract_agencies_and_mentions(make_case("企业与海关共享数据，会同海事局查验。"), "钦州市")
    assert agencies == []
    unresolved = [("海关", None, "low"), ("海事局", None, "low")]
    assert [(m.as_written, m.agency, m.confidence) for m in mentions] == unresolved


def test_a_kind_of_customs_office_is_no_bare_mention() -> None:
    _, mentions = extract_agencies_and_mentions(make_case("综合保税区是海关特殊监管区域，直属海关负责。"), "钦州市")
    assert mentions == []


def test_an_autonomous_prefectures_short_name_is_written_in_full() -> None:
    assert _names("（楚雄州提供）\n楚雄州商务局推行改革。", "楚雄州") == ["楚雄彝族自治州商务局"]


def test_a_provinces_communications_bureau_and_a_citys_taiwan_affairs_office() -> None:
    assert _names("市商务局会同福建省通信管理局、市台港澳办推进。", "莆田市") == [
        "莆田市商务局",
        "福建省通信管理局",
        "莆田市人民政府台港澳事务办公室",
    ]


def test_the_provider_labels_are_read_from_the_splitters_list_less_the_acting_ones() -> None:
    from ftzgraph.graph.data_files import load_lexicon
    from ftzgraph.graph.extract._agency_page_lines import _in_provider_line

    fallback = load_lexicon("layouts")["fallback"]
    for label in fallback["provider_labels"]:
        line = f"{label}：某市商务局"
        assert _in_provider_line(line, len(line) - 5) is (label not in fallback["acting_labels"]), label


def test_headings_with_a_recommending_unit_in_brackets_open_one_paragraph_cases() -> None:
    text = (
        "关于复制推广改革经验典型做法的通报\n\n"
        "1．外贸“白名单”（凯里市推荐）\n凯里市借鉴外省做法，市商务局会同市财政局建立企业白名单，实行分类服务，企业通关时间明显缩短。\n\n"
        "2．跨境结算便利（州商务局推荐）\n州商务局联合人行黔东南州分行推行结算便利，企业办理时间明显缩短，全年服务企业三百余家。\n\n"
        "黔东南州人民政府办公室\n2024年3月1日\n"
    )
    result = split_cases(_doc(text))
    assert [(c.number, c.title) for c in result.cases] == [(1, "外贸“白名单”"), (2, "跨境结算便利")]
    assert [p[0] for c in result.cases if (p := provider_line(c))] == ["凯里市", "州商务局"]


def test_a_prefectures_level_names_the_documents_prefecture() -> None:
    # 州X局 in a county's case of a prefecture's circular: the prefecture's bureau, by its full name; 人行 opens no
    # place.
    text = "（丹寨县推荐）\n县商务局会同州市场监管局、人行黔东南州分行推进。\n黔东南州人民政府办公室"
    assert _names(text, "丹寨县") == [
        "丹寨县商务局",
        "黔东南苗族侗族自治州市场监督管理局",
        "中国人民银行黔东南苗族侗族自治州分行",
    ]


def test_a_verb_that_begins_a_countys_name_is_no_county() -> None:
    # 会同 is a verb before 县X局 and also the county 会同县: read as the verb unless written apart as a place.
    assert _names("县自然资源局会同县税务局推行联办。", "丹寨县") == ["丹寨县自然资源局", "丹寨县税务局"]
    assert _names("（湖南省会同县提供）\n会同县商务局推行联办。", "会同县") == ["会同县商务局"]
    # After a comma a clause opens with the verb; in a text that names the county's city, the county.
    assert _names("县发改局牵头，会同县经信局推行改革。", "德清县") == ["德清县发展和改革局", "德清县经济和信息化局"]
    in_huaihua = "怀化市推荐。\n县商务局牵头，会同县交通运输局推行。"
    assert _names(in_huaihua, "怀化市") == ["会同县商务局", "会同县交通运输局"]


def test_a_county_whose_name_is_a_conjunction_where_the_text_shows_it() -> None:
    # 和县 is the county at a line's start or where its city is named, else 和 joins two bodies of the county.
    text = "简介：和县与南京片区开展协作，县农业农村局统一备案，马鞍山海关降低抽检比例。"
    assert _names(text, "和县") == ["和县农业农村局", "马鞍山海关"]
    assert _names("县商务局和县税务局联合推进。", "德清县") == ["德清县商务局", "德清县税务局"]


def test_a_committees_office_named_by_its_purpose() -> None:
    assert _names("县生态环境保护委员会办公室将改革纳入考核。", "丹寨县") == ["丹寨县生态环境保护委员会办公室"]


def test_each_body_of_a_list_after_to_that_only_receives_filings() -> None:
    assert _names("企业向凯里海关、州税务局申报，市商务局提供辅导。", "凯里市") == ["凯里市商务局"]


def test_headings_over_a_provider_line_open_cases_without_section_words() -> None:
    text = (
        "关于印发制度创新成果的通知\n\n"
        "第一项　外贸“白名单”\n（阿拉山口片区管委会报送）\n"
        "片区管委会会同阿拉山口海关建立企业白名单，实行分类服务并定期更新名单。\n\n"
        "第二项　跨境结算便利\n（喀什片区管委会报送）\n"
        "片区管委会会同喀什海关推行结算便利，企业办理时间明显缩短，服务企业三百余家。\n"
    )
    result = split_cases(_doc(text))
    assert [(c.number, c.title) for c in result.cases] == [(1, "外贸“白名单”"), (2, "跨境结算便利")]


def test_a_bold_label_line_names_the_provider_who_does_not_act() -> None:
    assert _names("**报送单位**：萍乡市人民政府\n市商务局推行改革。", "萍乡市人民政府") == ["萍乡市商务局"]


def test_a_districts_bodies_carry_its_city_from_the_divisions() -> None:
    # 区委编办 in a 湘东区 case: the district's party committee office, named with its city (萍乡市) and in full.
    assert _names("区委编办将改革纳入职责清单，区商务局牵头。", "湘东区人民政府") == [
        "中共萍乡市湘东区委机构编制委员会办公室",
        "萍乡市湘东区商务局",
    ]


def test_a_party_committees_financial_office_after_2023() -> None:
    assert _names("市委金融办将改革纳入考核。", "萍乡市") == ["中共萍乡市委金融委员会办公室"]


def test_a_land_registration_centres_sub_centre_is_the_body_named() -> None:
    assert _names("萍乡市不动产登记中心安源分中心设置专窗受理。", "萍乡市") == ["萍乡市不动产登记中心安源分中心"]


def test_an_autonomous_regions_network_office_takes_the_regions_stem() -> None:
    assert _names("国家金融监督管理总局宁夏监管局指导银行开展业务。", "银川市") == ["国家金融监督管理总局宁夏监管局"]


def test_a_prefectures_administrative_office_is_not_in_its_bureaus_name() -> None:
    assert _names("和田地区行署商务局组织企业对接。", "和田地区") == ["和田地区商务局"]


def test_an_autonomous_prefectures_short_name_without_the_peoples_suffix() -> None:
    assert _names("（伊犁州提供）\n伊犁州商务局组织企业对接。", "伊犁州") == ["伊犁哈萨克自治州商务局"]


def test_the_corps_and_a_division_with_its_city() -> None:
    assert _names("第八师石河子市商务局与兵团商务局签订协议。", "石河子市") == [
        "第八师石河子市商务局",
        "新疆生产建设兵团商务局",
    ]


def test_a_zone_with_its_district_in_brackets_is_one_body_as_written() -> None:
    # one body, the bracket kept as written; the zone by its official name (经开区 -> 经济技术开发区)
    expected = ["库尔勒经济技术开发区（库尔勒市）司法局"]
    assert _names("，库尔勒经开区（库尔勒市）司法局提供调解员。", "库尔勒市") == expected
    # the district by its stem in brackets after a zone's kind (杭州高新区（滨江）): one body too, not the city's
    assert _names("杭州高新区（滨江）市场监管局推行。", "杭州市") == ["杭州高新技术产业开发区（滨江）市场监督管理局"]


def test_a_bureau_of_two_merged_departments_and_two_bodies_joined_by_and() -> None:
    assert _names("阿拉山口市商务和工业信息化局牵头。", "阿拉山口市") == ["阿拉山口市商务和工业信息化局"]
    assert _names("市商务局和财政局联合推进。", "阿拉山口市") == ["阿拉山口市商务局", "阿拉山口市财政局"]


def test_a_short_form_no_list_held_and_a_zones_own_departments() -> None:
    assert _names("市文广新旅局配合。", "瑞金市") == ["瑞金市文化广电新闻出版旅游局"]
    text = "萍乡经济技术开发区（以下简称萍乡经开区）借鉴外省做法，经开区科技创新局会同经开区财政金融局推进。"
    assert _names(text, "萍乡经济技术开发区管委会") == ["萍乡经济技术开发区科技创新局", "萍乡经济技术开发区财政金融局"]


def test_symbol_headings_that_open_with_their_place_and_cases_closing_with_a_contributor() -> None:
    text = (
        "工作简报\n第1期\n\n"
        "◆白银市：外贸“白名单”\n白银市借鉴外省做法，市商务局会同市财政局建立企业白名单，实行分类服务并定期更新。\n"
        "（供稿：白银市商务局）\n\n"
        "◆武威市：跨境结算便利\n武威市借鉴外省做法，市商务局联合人民银行武威市分行推行结算便利，企业办理时间明显缩短。\n"
        "（供稿：武威市人民政府）\n"
    )
    result = split_cases(_doc(text))
    assert [(c.number, c.title) for c in result.cases] == [(1, "外贸“白名单”"), (2, "跨境结算便利")]
    # the closing line names a body of the heading's place: the body that wrote the case is the finer provider
    assert [p[0] for c in result.cases if (p := provider_line(c))] == ["白银市商务局", "武威市人民政府"]


def test_form_like_cases_with_a_promoting_unit_field() -> None:
    text = (
        "关于印发典型案例的通知\n\n"
        "经验名称：外贸“白名单”\n推广单位：晋城市人民政府\n主要做法：市商务局会同市财政局建立企业白名单。\n\n"
        "经验名称：跨境结算便利\n推广单位：长治市人民政府\n主要做法：市商务局联合市税务局推行结算便利。\n"
    )
    result = split_cases(_doc(text))
    assert [c.title for c in result.cases] == ["外贸“白名单”", "跨境结算便利"]
    assert [p[0] for c in result.cases if (p := provider_line(c))] == ["晋城市人民政府", "长治市人民政府"]
    assert _names("推广单位：晋城市人民政府\n市商务局牵头。", "晋城市人民政府") == ["晋城市商务局"]


def test_a_new_areas_customs_office_written_in_full_and_a_city_customs_by_its_stem() -> None:
    text = "（兰州新区提供）\n兰州海关所属兰州新区海关推行查验改革，新区管委会会同兰州海关保障运行。"
    assert _names(text, "兰州新区") == ["兰州海关", "兰州新区海关", "兰州新区管理委员会"]  # by first mention


def test_places_listed_before_one_body_each_have_it() -> None:
    assert _names("临泽县、高台县商务局组织企业参展。", "张掖市") == ["临泽县商务局", "高台县商务局"]


def test_a_police_bureaus_unit_and_a_centre_others_move_into() -> None:
    text = "市公安局旅游警察大队开展巡查，供水企业进驻市政务服务中心联合窗口。"
    assert _names(text, "敦煌市") == ["敦煌市公安局旅游警察大队"]


def test_a_heading_with_a_town_in_brackets_is_a_case_heading() -> None:
    text = (
        "关于推广经验做法的通知\n\n一、外贸“白名单”（畹町镇）\n畹町镇借鉴外省做法，镇政府会同瑞丽海关建立企业白名单，实行分类服务。\n\n"
        "二、跨境结算便利（陇川县）\n陇川县借鉴外省做法，县商务局联合县税务局推行结算便利，企业办理时间明显缩短。\n"
    )
    result = split_cases(_doc(text))
    assert [p[0] for c in result.cases if (p := provider_line(c))] == ["畹町镇", "陇川县"]


def test_an_autonomous_countys_short_name_as_provider_names_its_bodies_in_full() -> None:
    assert _names("县商务局会同县财政局推进。", "孟连县") == [
        "孟连傣族拉祜族佤族自治县商务局",
        "孟连傣族拉祜族佤族自治县财政局",
    ]


def test_a_unit_alone_in_brackets_under_a_symbol_heading() -> None:
    text = (
        "关于印发创新经验案例的通知\n\n"
        "▶ 外贸“白名单”\n（区商务局）\n"
        "海淀区借鉴外省做法，区商务局会同北京海关建立企业白名单，实行分类服务并定期更新。\n"
        "企业通关时间明显缩短。\n\n"
        "▶ 跨境结算便利\n（区法院）\n区法院借鉴外省做法，联合区司法局推行诉调对接，纠纷化解时间明显缩短。\n"
        "全年化解纠纷三百余件。\n"
    )
    result = split_cases(_doc(text))
    assert [c.title for c in result.cases] == ["外贸“白名单”", "跨境结算便利"]
    assert [p[0] for c in result.cases if (p := provider_line(c))] == ["区商务局", "区法院"]


def test_a_districts_own_notice_names_its_district_and_city_in_cases_that_do_not() -> None:
    text = (
        "北京市海淀区人民政府办公室\n关于印发案例的通知\n\n"
        "外贸“白名单”\n牵头单位：区商务局\n区商务局会同市药监局、首都机场海关推进，区知识产权保护中心配合。\n"
    )
    assert _names(text, "区商务局") == [
        "海淀区商务局",
        "北京市药品监督管理局",
        "首都机场海关",
        "海淀区知识产权保护中心",
    ]


def test_a_district_the_document_names_elsewhere_is_not_a_cases_district() -> None:
    # 片区政务服务中心 in a case of a provincial notice: no district of the case, whatever other cases name.
    text = (
        "关于推广经验的通知\n\n（烟台片区提供）\n工作人员进驻片区政务服务中心，区政务服务中心受理。\n"
        "另案：潍坊综合保税区管委会推进。"
    )
    assert "潍坊综合保税区政务服务中心" not in _names(text, "烟台片区")


def test_the_scoring_rule_reads_past_a_party_prefix_and_a_prefectures_short_name() -> None:
    from ftzgraph.graph.views.agency_matching import same_agency

    assert same_agency("中共朝阳区委金融委员会办公室", "中共北京市朝阳区委金融委员会办公室", ["北京市"])
    assert not same_agency("中共朝阳区委", "中共北京市朝阳区委金融委员会办公室", ["北京市"])
    assert same_agency("德宏州财政局", "德宏傣族景颇族自治州财政局", [])
    assert same_agency("外高桥港区海关", "上海外高桥港区海关", [])


def test_a_port_zones_customs_office_and_no_port_zone_as_a_district() -> None:
    # the port's office by its full name (data/agencies/named_offices.yaml)
    assert _names("区商务委会同洋山海关，外高桥港区海关配合。", "区商务委") == ["洋山海关", "上海外高桥港区海关"]
    assert _names("会同港区海关推进。", "区商务委") == []


def test_a_municipalitys_district_and_its_bodies() -> None:
    text = "浦东新区推进制度创新案例汇编\n\n区科经委会同区交通委、市药监局、区大数据中心推进。"
    assert _names(text, "区科经委") == [  # the district's, named as the text names it; the city's, by the municipality
        "浦东新区科技和经济委员会",
        "浦东新区交通委员会",
        "上海市药品监督管理局",
        "浦东新区大数据中心",
    ]


def test_the_central_banks_shanghai_head_office() -> None:
    assert _names("人民银行上海总部指导银行开展业务。", "上海市") == ["中国人民银行上海总部"]


def test_a_provinces_financial_regulator_by_its_stem_and_a_citys_own_bureau_as_written() -> None:
    assert _names("青海金融监管局指导银行，市金融监管局配合。", "西宁市") == [
        "国家金融监督管理总局青海监管局",
        "西宁市金融监管局",
    ]


def test_a_kind_of_zone_after_a_verb_of_joint_work_in_the_zones_own_case() -> None:
    assert _names("石嘴山海关会同综保区管委会推行两步申报。", "石嘴山综合保税区") == [
        "石嘴山海关",
        "石嘴山综合保税区管理委员会",
    ]


def test_headings_numbered_with_a_closing_bracket_over_a_short_label() -> None:
    text = (
        "制度创新案例汇编\n\n"
        "1）外贸“白名单”\n报送：区商务委\n区商务委会同区财政局建立企业白名单，实行分类服务并定期更新名单。\n"
        "企业通关时间由3天压缩至1天。\n\n"
        "2）跨境结算便利\n报送：区金融工作局\n区金融工作局会同区税务局推行结算便利，企业办理时间明显缩短。\n"
        "全年服务企业三百余家。\n"
    )
    result = split_cases(_doc(text))
    assert [(c.number, c.title) for c in result.cases] == [(1, "外贸“白名单”"), (2, "跨境结算便利")]
    assert [p[0] for c in result.cases if (p := provider_line(c))] == ["区商务委", "区金融工作局"]


def test_numbered_paragraphs_that_are_whole_cases() -> None:
    text = (
        "关于复制推广改革试点经验工作情况的报告\n\n"
        "（一）推行“证照分离”改革。金凤区复制推广国务院“证照分离”改革经验，区市场监管局会同区行政审批服务局梳理事项清单。\n\n"
        "（二）推行“两步申报”。石嘴山综合保税区借鉴外省做法，石嘴山海关会同综保区管委会推行两步申报，通关时间明显缩短。\n"
    )
    result = split_cases(_doc(text))
    assert [(c.number, c.title) for c in result.cases] == [(1, "推行“证照分离”改革"), (2, "推行“两步申报”")]


def test_numbered_paragraphs_of_a_notice_that_copy_nothing_are_no_cases() -> None:
    text = (
        "关于做好工作的通知\n\n"
        "（一）加强组织领导。各地要高度重视，成立工作专班，明确责任分工，确保各项任务按时完成并取得实效。\n\n"
        "（二）强化督促检查。市政府督查室要定期开展督查，对工作推进不力的单位予以通报，确保任务落到实处。\n"
    )
    assert split_cases(_doc(text)).cases == []


def test_bracketed_headings_with_no_number_and_a_contributor_line_closing_each_case() -> None:
    text = (
        "工作专刊\n\n"
        "【外贸“白名单”】\n亚东县借鉴外省做法，县商务局会同亚东海关建立企业白名单，实行分类服务并定期更新名单。\n"
        "（亚东县人民政府）\n\n"
        "【跨境结算便利】\n堆龙德庆区借鉴外省做法，区商务局联合区税务局推行结算便利，企业办理时间明显缩短。\n"
        "（拉萨市堆龙德庆区人民政府）\n"
    )
    result = split_cases(_doc(text))
    assert [c.title for c in result.cases] == ["外贸“白名单”", "跨境结算便利"]
    assert [p[0] for c in result.cases if (p := provider_line(c))] == ["亚东县人民政府", "拉萨市堆龙德庆区人民政府"]


def test_a_contributor_alone_in_brackets_does_not_act() -> None:
    assert _names("县商务局会同亚东海关推进。\n（亚东县人民政府）", "亚东县人民政府") == ["亚东县商务局", "亚东海关"]


def test_an_airport_customs_office_under_its_parent_with_the_citys_stem() -> None:
    text = "市商务局会同西宁海关所属西宁曹家堡机场海关推行改革。"
    assert _names(text, "西宁市") == ["西宁市商务局", "西宁曹家堡机场海关"]
