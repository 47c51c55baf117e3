"""The provider of a case (graph/extract/provider.py, with the provider lines of graph/extract/split.py): a body named
by its level alone or by a short proper name is written in full from the document's context; a body written with its
place stays as written. Small texts of their own wording (issue #15, helper z17b), not the held-out collections'.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ftzgraph.graph.extract._provider_headings import _SPOKEN_ORDINAL_RE, _owner_of
from ftzgraph.graph.extract._split_leads import acting_subject
from ftzgraph.graph.extract._split_units import _head_reports, copying_clause, labelled_provider
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.extract.provider import provider_in_full, provider_unit
from ftzgraph.graph.model import AgencyNameMention, Document


def _providers(text: str) -> list[str | None]:
    document = Document(id="p", path=Path("p.txt"), text=text, sha256="p")
    return [case.provider for case in extract_document(document).cases]


_DISTRICT_NOTICE = (
    "北京市海淀区人民政府办公室\n关于印发海淀区复制推广自由贸易试验区经验案例的通知\n\n"
    "现将我区复制推广自由贸易试验区经验的2个案例印发给你们。\n\n"
    "▶ 跨境数据“绿色通道”\n（区科信局）\n区科信局借鉴上海自贸试验区做法，会同区市场监管局建立数据出境服务机制。\n"
    "已服务企业120家。\n\n"
    "▶ 科技企业“一站式”服务\n（{provider}）\n{provider}学习借鉴广东自贸试验区经验，会同区税务局设立服务站。\n"
    "累计办理事项3000件。\n"
)


def test_a_level_only_provider_is_the_body_of_the_issuers_district() -> None:
    providers = _providers(_DISTRICT_NOTICE.format(provider="区政务服务局"))
    assert providers == ["海淀区科学技术和信息化局", "海淀区政务服务局"]


def test_a_provider_written_with_its_place_takes_its_standard_name_and_keeps_its_place() -> None:
    assert _providers(_DISTRICT_NOTICE.format(provider="海淀区发改委"))[1] == "海淀区发展和改革委员会"
    assert _providers(_DISTRICT_NOTICE.format(provider="海淀区商务局"))[1] == "海淀区商务局"


def test_a_provider_by_a_short_proper_name_takes_the_bodys_full_name() -> None:
    assert _providers(_DISTRICT_NOTICE.format(provider="CBD管委会"))[1] == "北京商务中心区管理委员会"


def test_a_run_in_cases_subject_is_its_provider_not_the_reports_signature() -> None:
    text = (
        "石嘴山市人民政府办公室\n关于复制推广自由贸易试验区改革试点经验情况的报告\n\n自治区商务厅：\n现将典型做法报告如下。\n\n"
        "（一）推行企业开办“一网通办”。大武口区借鉴上海自贸试验区经验，区市场监管局会同区税务局推出一网通办，企业开办时间由3天压缩至1天。\n\n"
        "（二）推行跨境结算便利化。市商务局学习借鉴广西自贸试验区经验，会同人民银行石嘴山市分行推出便利措施，累计办理结算业务12亿元。\n\n"
        "（三）推行不动产登记“一窗受理”。平罗县借鉴福建自贸试验区经验，县自然资源局联合县税务局设立综合窗口，办理时间由10个工作日压缩至3个工作日。\n\n"
        "石嘴山市人民政府办公室\n2024年2月1日\n"
    )
    assert _providers(text) == ["大武口区", "石嘴山市商务局", "平罗县"]


def _booklet(provider: str, next_section: str = "改革背景") -> str:
    """A booklet's case: a 01 marker over its title over a provider line with no label (issue #15, helper z17i)."""
    return (
        "某省自贸试验区成果汇编\n\n01\n进口冷链“一码通”\n"
        f"{provider}\n{next_section}\n冷链货物查验环节多。\n主要做法\n相关部门实行一码通查。\n取得成效\n查验时间由2天压缩至6小时。\n\n"
        "02\n航运企业“一照多址”\n舟山市市场监督管理局\n改革背景\n企业设立分支机构手续多。\n主要做法\n实行一照多址登记。\n"
        "取得成效\n登记时间由5天压缩至1天。\n"
    )


def test_a_label_less_body_line_under_the_title_is_the_provider() -> None:
    assert _providers(_booklet("宁波海关")) == ["宁波海关", "舟山市市场监督管理局"]


def test_a_label_less_place_line_over_the_first_section_is_the_provider() -> None:
    assert _providers(_booklet("嘉兴市"))[0] == "嘉兴市"


def test_a_place_line_that_opens_the_text_is_no_provider() -> None:
    assert _providers(_booklet("嘉兴市", next_section="冷链货物抵港后即可查验。"))[0] != "嘉兴市"


def test_a_provider_line_under_a_title_wrapped_onto_two_lines_is_the_provider() -> None:
    two_lines = "进口冷链食品“一码通”全链条追溯与口岸查验协同\n监管模式\n"
    text = _booklet("宁波海关").replace("进口冷链“一码通”\n", two_lines, 1)
    assert _providers(text)[0] == "宁波海关"


def _collection(cases: list[tuple[str, str]], head: str = "现将3个制度创新案例印发给你们。") -> str:
    """Three cases 案例一：title over their own lines, under a notice's head (issue #15, helper z19a)."""
    numerals = "一二三四五六七八九十"
    parts = [f"某省自贸试验区制度创新案例\n\n{head}\n"]
    parts += [f"案例{numerals[k]}：{title}\n{body}\n" for k, (title, body) in enumerate(cases)]
    return "\n".join(parts)


_BODY = "　　实行“一次申报、一次查验”，企业办理时间由5天压缩至1天，累计服务企业120家。"


def test_a_label_no_list_holds_names_the_provider_and_never_its_english_gloss() -> None:
    text = _collection(
        [
            ("进口冷链“一码通”", f"供稿单位 Contributed by：某市商务局\n{_BODY}"),
            ("航运企业“一照多址”", f"展示单位｜某市市场监督管理局\n{_BODY}"),
            ("跨境电商退货仓", f"报送机构 Submitted by丨某区人民政府\n{_BODY}"),
        ]
    )
    assert _providers(text) == ["某市商务局", "某市市场监督管理局", "某区人民政府"]


def test_a_label_no_list_holds_needs_a_body_or_place_as_its_value() -> None:
    text = _collection(
        [
            ("进口冷链“一码通”", f"资金来源：财政专项资金\n{_BODY}\n（来源：某市商务局）"),
            ("航运企业“一照多址”", f"{_BODY}\n（资料来源：某市市场监督管理局）"),
            ("跨境电商退货仓", f"{_BODY}\n——某区商务局供稿"),
        ]
    )
    assert _providers(text) == ["某市商务局", "某市市场监督管理局", "某区商务局"]


def test_a_heading_closing_in_full_width_square_brackets_names_the_provider() -> None:
    text = _collection(
        [
            ("『进口冷链“一码通”』［某市商务局］", _BODY),
            ("『航运企业“一照多址”』〔某市市场监督管理局〕", _BODY),
            ("『跨境电商退货仓』[某区商务局]", _BODY),
        ]
    )
    assert _providers(text) == ["某市商务局", "某市市场监督管理局", "某区商务局"]


def test_a_case_with_no_label_is_provided_by_who_acts_in_its_first_sentence() -> None:
    text = _collection(
        [
            (
                "进口冷链“一码通”",
                "　　按照省政府有关部署，某某区在全省率先推行进口冷链“一码通”，查验时间由2天压缩至6小时。",
            ),
            ("跨境结算便利化", "　　人民银行某州分行会同某某海关推出跨境结算便利化措施，累计办理结算业务12亿元。"),
            ("某某新区临空产业园“保税检测”", "　　园区复制推广外省“保税检测”经验，园区已引进检测企业14家。"),
        ]
    )
    assert _providers(text) == ["某某区", "人民银行某州分行", "某某新区临空产业园"]


def test_a_generic_subject_the_heading_does_not_name_is_no_provider() -> None:
    text = _collection(
        [
            ("进口冷链“一码通”", "　　我区推行进口冷链“一码通”，查验时间由2天压缩至6小时，累计服务企业120家。"),
            ("跨境结算便利化", "　　人民银行某州分行会同某某海关推出跨境结算便利化措施，累计办理结算业务12亿元。"),
            ("航运企业“一照多址”", "　　某某区推行航运企业一照多址登记，登记时间由5天压缩至1天。"),
        ]
    )
    assert _providers(text)[0] is None


def test_a_broadcast_scripts_speaker_body_speaks_for_a_case_whose_narration_names_none() -> None:
    script = (
        "【解说】在某某市，开一家餐馆需要办理的许可，如今在一个窗口就能办完。\n"
        "【同期声】某某市市场监督管理局登记注册科科长　某某\n"
        "　　以前要跑好几趟，现在实行告知承诺，当场就能拿证。\n【解说】改革以来，办理时间由20天压缩至即办。"
    )
    text = _collection(
        [
            ("“证照分离”改革", script),
            ("跨境结算便利化", "　　人民银行某州分行会同某某海关推出便利措施，累计办理结算业务12亿元。"),
        ]
    )
    assert _providers(text)[0] == "某某市市场监督管理局"


def test_a_head_sentence_naming_each_titles_unit_gives_the_providers() -> None:
    cases = [("进口冷链“一码通”", _BODY), ("航运企业‘一照多址’改革", _BODY), ("跨境电商退货仓", _BODY)]
    mapped = (
        "现将3个案例印发给你们。其中，“进口冷链‘一码通’”由某某区提供，“航运企业‘一照多址’改革”由某某海关报送，"
        "“跨境电商退货仓”由某市商务局推荐。"
    )
    listed = (
        "现将某某区“进口冷链‘一码通’”、某某海关“航运企业‘一照多址’改革”、某市商务局“跨境电商退货仓”"
        "等3个案例印发给你们。"
    )
    for head in (mapped, listed):
        assert _providers(_collection(cases, head)) == ["某某区", "某某海关", "某市商务局"], head


def test_a_titled_unit_inside_an_earlier_case_names_no_later_cases_provider() -> None:
    # the head names no unit; case 1's own text says “跨境电商退货仓”由某某海关提供 of a service it draws on
    earlier = "　　“跨境电商退货仓”由某某海关提供查验服务，本做法与之配套，企业办理时间由5天压缩至1天。"
    cases = [("进口冷链“一码通”", earlier), ("航运企业“一照多址”", _BODY), ("跨境电商退货仓", _BODY)]
    assert _providers(_collection(cases))[2] is None


def test_the_head_is_read_once_for_all_cases_not_the_text_before_each() -> None:
    # reading the whole text before every case costs time quadratic in the document's size
    names = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土东南西"
    titles = [f"{c}类企业开办一次办结改革" for c in names]
    head = (
        "现将30个案例印发给你们。其中，"
        + "，".join(f"“{t}”由某{c}区提供" for c, t in zip(names, titles, strict=True))
        + "。"
    )
    text = f"某省自贸试验区制度创新案例\n\n{head}\n\n" + "\n".join(
        f"案例{k}：{t}\n{_BODY}\n" for k, t in enumerate(titles, 1)
    )
    _head_reports.cache_clear()
    assert _providers(text) == [f"某{c}区" for c in names]
    assert _head_reports.cache_info().misses == 1


def test_a_zone_whose_practice_the_case_copies_is_no_provider() -> None:
    text = _collection(
        [
            ("进口冷链“一码通”", "　　某某片区首创的“一码通”做法，查验时间由2天压缩至6小时，累计服务企业120家。"),
            ("跨境结算便利化", "　　人民银行某州分行会同某某海关推出跨境结算便利化措施，累计办理结算业务12亿元。"),
            ("航运企业“一照多址”", "　　某某区推行航运企业一照多址登记，登记时间由5天压缩至1天。"),
        ]
    )
    assert _providers(text) == [None, "人民银行某州分行", "某某区"]


def test_a_heading_closing_with_its_provider_in_any_bracket_or_after_a_bar_names_it() -> None:
    heads = [
        "『进口冷链“一码通”』〔某某区推荐〕",
        "跨境电商退货仓 [某某片区管委会供稿]",
        "航运企业“一照多址”｜某某片区",
        "保税维修 【供稿：某市商务局】",
    ]
    assert _providers(_collection([(h, _BODY) for h in heads])) == [
        "某某区",
        "某某片区管委会",
        "某某片区",
        "某市商务局",
    ]


def test_chained_and_annotated_labels_name_the_unit_not_a_label() -> None:
    labels = [
        "推荐单位/报送单位：某市商务局",
        "报送单位（盖章）：某市商务局",
        "责任处室：某市商务局",
        "来源 Source：某市商务局",
    ]
    text = _collection([(f"案例{k}“一码通”", f"{label}\n{_BODY}") for k, label in enumerate(labels)])
    assert _providers(text) == ["某市商务局"] * 4


def test_a_closing_source_in_square_brackets_or_spaced_before_its_verb_names_the_unit() -> None:
    closings = ["[来源：某市商务局]", "（某市商务局　供稿）", "（供稿单位：某市商务局，联系人：某某）"]
    text = _collection([(f"案例{k}“一码通”", f"{_BODY}\n{closing}") for k, closing in enumerate(closings)])
    assert _providers(text) == ["某市商务局"] * 3


def test_the_acting_subject_follows_a_clause_of_time_or_purpose() -> None:
    sentences = [
        "　　近年来，某某区推行一码通，查验时间由2天压缩至6小时。",
        "　　为解决企业融资难问题，某市商务局联合某银行推出信用贷，累计放款12亿元。",
        "　　2023年以来，某某海关创新推出两步申报，通关时间压缩50%。",
        "　　某某市税务局聚焦企业需求，推行一码通，办理时间由2天压缩至6小时。",
    ]
    text = _collection([(f"案例{k}“一码通”", sentence) for k, sentence in enumerate(sentences)])
    assert _providers(text) == ["某某区", "某市商务局", "某某海关", "某某市税务局"]


def test_a_head_naming_units_before_or_after_the_quoted_titles_gives_the_providers() -> None:
    cases = [("进口冷链“一码通”", _BODY), ("航运企业“一照多址”", _BODY), ("跨境电商退货仓", _BODY)]
    before = (
        "现将某某区报送的“进口冷链‘一码通’”、某某海关推荐的“航运企业‘一照多址’”和某市商务局提供的“跨境电商退货仓”"
        "等3个案例印发给你们。"
    )
    after = (
        "现将“进口冷链一码通”（某某区）、“航运企业一照多址”（某某海关报送）、“跨境电商退货仓”（某市商务局）"
        "等3个案例印发给你们。"
    )
    for head in (before, after):
        assert _providers(_collection(cases, head)) == ["某某区", "某某海关", "某市商务局"], head


def test_a_national_issuer_opening_the_first_sentence_is_no_provider() -> None:
    text = _collection(
        [
            ("进口冷链“一码通”", "　　国家发展改革委会同有关部门推出进口冷链一码通，查验时间由2天压缩至6小时。"),
            ("跨境结算便利化", "　　人民银行某州分行会同某某海关推出跨境结算便利化措施，累计办理结算业务12亿元。"),
            ("航运企业“一照多址”", "　　某某区推行航运企业一照多址登记，登记时间由5天压缩至1天。"),
        ]
    )
    assert _providers(text) == [None, "人民银行某州分行", "某某区"]


def test_the_acting_subject_is_the_first_name_that_goes_on_as_a_subject() -> None:
    sentences = [
        "　　某某市某某区依托知识产权保护中心建立快速预审通道，授权周期由22个月缩短至3个月。",
        "　　人民银行某州分行会同某某海关推出跨境结算便利化措施，累计办理结算业务12亿元。",
        "　　某某区推行航运企业一照多址登记，登记时间由5天压缩至1天。",
    ]
    text = _collection([(f"案例{k}“一码通”", sentence) for k, sentence in enumerate(sentences)])
    assert _providers(text) == ["某某市某某区", "人民银行某州分行", "某某区"]


def test_the_acting_subject_ends_at_the_body_before_where_it_acts() -> None:
    """市X局在全区率先…: the subject pattern's place ending (区) lies past the body; the body is the subject."""
    sentences = [
        "　　市自然资源和规划局在全区率先推行工业用地“标准地”出让，拿地到开工由6个月缩短至1个月。",
        "　　某某海关于今年推行进口货物“两段准入”，通关时间压缩了一半以上。",
        "　　某某区在全省率先上线企业开办“一网通办”，开办时间由3天压缩至0.5天。",
    ]
    text = _collection([(f"案例{k}“一码通”", sentence) for k, sentence in enumerate(sentences)])
    assert _providers(text) == ["市自然资源和规划局", "某某海关", "某某区"]


def test_a_question_or_slogan_label_goes_and_leaves_the_unit() -> None:
    text = _collection(
        [
            ("进口冷链“一码通”", f"谁来做｜某市商务局\n做什么｜{_BODY}"),
            ("航运企业“一照多址”", f"谁在做：某市市场监督管理局\n{_BODY}"),
            ("跨境电商退货仓", f"我们是谁 | 某区人民政府\n{_BODY}"),
        ]
    )
    assert _providers(text) == ["某市商务局", "某市市场监督管理局", "某区人民政府"]


def test_a_news_items_lead_in_is_no_subject_and_the_subject_after_it_is_the_provider() -> None:
    text = _collection(
        [
            (
                "进口冷链“一码通”",
                "　　本报讯（记者 张某 通讯员 李某）某某海关近日推出冷链“一码通”，查验时间由2天压缩至6小时。",
            ),
            (
                "航运企业“一照多址”",
                "　　新华社某地6月3日电（记者 王某）某市市场监督管理局日前推行一照多址登记，累计登记120家。",
            ),
            ("跨境电商退货仓", "　　讯（通讯员 赵某）某某区推出跨境电商退货中心仓，退货时间由30天缩短至7天。"),
        ]
    )
    assert _providers(text) == ["某某海关", "某市市场监督管理局", "某某区"]


def test_the_unit_that_leads_is_the_provider_of_a_case_with_no_label() -> None:
    text = _collection(
        [
            (
                "进口冷链“一码通”",
                "　　由某市商务局牵头，某某海关配合，推行进口冷链“一码通”，查验时间由2天压缩至6小时。",
            ),
            (
                "航运企业“一照多址”",
                "　　2023年以来，某市市场监督管理局牵头，会同某市税务局推行一照多址登记，累计登记120家。",
            ),
            (
                "跨境电商退货仓",
                "　　为解决退货难问题，由某区人民政府牵头，某某海关配合，设立退货中心仓，退货时间缩短至7天。",
            ),
        ]
    )
    assert _providers(text) == ["某市商务局", "某市市场监督管理局", "某区人民政府"]


def test_a_speechs_speaker_line_names_the_provider_of_a_speech_in_the_first_person() -> None:
    text = (
        "全市自贸试验区建设推进会交流发言材料\n\n"
        "一、以“一枚印章管审批”激发活力\n某市行政审批服务局局长　王某\n\n"
        "　　今年以来，我局将23个部门的审批事项划转集中，审批时限平均压缩65%，企业办事材料精简40%。\n\n"
        "二、推动中欧班列提质增效\n——某某港务区管委会党工委书记、主任　李某在全市推进会上的发言\n\n"
        "　　我们推行“一单到底”，全年开行中欧班列5351列，重箱率达99.9%，开行线路增加到18条。\n\n"
        "三、构建跨境电商监管服务体系\n——某某海关党委书记、关长　周某在全市推进会上的发言\n\n"
        "　　近年来，我们推行跨境电商全模式监管，全年监管进出口商品2.1亿票，通关时间压缩一半。\n"
    )
    assert _providers(text) == ["某市行政审批服务局", "某某港务区管委会", "某某海关"]


def test_a_short_form_with_its_own_place_comes_out_as_the_standard_name() -> None:
    text = _collection(
        [
            ("跨境结算便利化", f"谁在做：人行宜昌市中心支行\n{_BODY}"),
            ("零工驿站", f"谁来做｜武汉市江汉区人社局\n{_BODY}"),
            ("税费一窗通办", f"哪家单位｜高新区税务局\n{_BODY}"),  # its place only the context gives: as written
        ]
    )
    assert _providers(text) == ["中国人民银行宜昌市中心支行", "武汉市江汉区人力资源和社会保障局", "高新区税务局"]


def test_a_zones_body_as_provider_comes_out_by_the_zones_official_name() -> None:
    # the official name needs no context (data/agencies/zone_names.yaml, departments.yaml zone_kind_full)
    text = _collection(
        [
            ("外籍人才一窗办", f"谁来做｜合肥高新区人社局\n{_BODY}"),
            ("特种设备一证通", f"哪家单位｜株洲高新区市场监督管理局\n{_BODY}"),
        ]
    )
    assert _providers(text) == ["合肥高新技术产业开发区人力资源和社会保障局", "株洲高新技术产业开发区市场监督管理局"]


def test_a_scripts_cue_before_a_label_is_layout_and_never_part_of_the_unit() -> None:
    text = _collection(
        [
            ("进口冷链“一码通”", f"{_BODY}\n【字幕】供稿：某市商务局\n【画面】某某区政务服务中心办事大厅"),
            ("航运企业“一照多址”", f"{_BODY}\n【字幕】供稿：某市市场监督管理局\n【画面】某某港集装箱码头"),
            ("跨境电商退货仓", f"{_BODY}\n【字幕】供稿：某区人民政府"),
        ]
    )
    assert _providers(text) == ["某市商务局", "某市市场监督管理局", "某区人民政府"]


def test_a_head_naming_each_cases_unit_after_a_colon_gives_the_provider() -> None:
    """择要介绍如下：X区的“A”，Y局的“B”: the colon opens the list as 、 and ， join it (issue #15, helper z22d)."""
    head = (
        "各地做法择要介绍如下：某甲区的“进口冷链一码通”，某市市场监督管理局的“航运企业一照多址”，"
        "某乙县的“跨境电商退货仓”。"
    )
    bodies = "　　推行一次申报，企业办理时间由5天压缩至1天，累计服务企业120家。"
    text = _collection(
        [("“进口冷链一码通”", bodies), ("“航运企业一照多址”", bodies), ("“跨境电商退货仓”", bodies)], head=head
    )
    assert _providers(text) == ["某甲区", "某市市场监督管理局", "某乙县"]


def test_a_closing_note_naming_whose_material_the_case_was_taken_from_gives_the_provider() -> None:
    text = _collection(
        [
            ("进口冷链“一码通”", f"{_BODY}\n（摘自某某海关报送材料）"),
            ("航运企业“一照多址”", f"{_BODY}\n（根据某甲区人民政府报送材料整理）"),
            ("跨境电商退货仓", f"{_BODY}\n（摘编自某市商务局提供的信息）"),
        ]
    )
    assert _providers(text) == ["某某海关", "某甲区人民政府", "某市商务局"]


def test_a_bracketed_unit_line_keeps_the_bracket_inside_the_name() -> None:
    text = _collection(
        [
            ("进口冷链“一码通”", f"（中国（湖南）自由贸易试验区岳阳片区管委会）\n{_BODY}"),
            ("航运企业“一照多址”", f"（某市市场监督管理局）\n{_BODY}"),
            ("跨境电商退货仓", f"（某乙区人民政府）\n{_BODY}"),
        ]
    )
    assert _providers(text)[0] == "岳阳片区"


def test_a_heads_list_of_titles_with_their_units_gives_the_providers_of_the_cases_told_below() -> None:
    head = (
        "经评审，拟确定以下3项为优秀案例：\n1．进口冷链“一码通”（申报单位：某某海关）\n"
        "2．航运企业“一照多址”（申报单位：某市市场监督管理局）\n3．跨境电商退货仓（申报单位：某乙区商务局）\n"
    )
    cases = [("进口冷链“一码通”", _BODY), ("航运企业“一照多址”", _BODY), ("跨境电商退货仓", _BODY)]
    text = _collection(cases, head=head) + "\n某某开发区管理委员会办公室\n2024年12月16日\n"
    assert _providers(text) == ["某某海关", "某市市场监督管理局", "某乙区商务局"]  # not the notice's signature


def test_the_body_acting_after_a_scene_is_the_provider_and_a_speakers_post_is_no_part_of_its_body() -> None:
    scene = (
        "【解说】\n在某镇的一家家电企业，研发中心每年要进口上千台样机。"
        "今年以来，某某海关会同区科技局建立进口白名单，通关时间由5天缩短至1天。\n"
    )
    speaker = "【同期声】企业研发中心物流主管　某某\n“现在样机到港，第二天就能进实验室。”\n"
    posted = (
        "【解说】\n在某某高新区，一家企业新厂房刚拿地就开工，时间缩短3个月。\n"
        "【同期声】某某高新区管委会规划建设局副局长　某某\n“四证一并拿到手。”\n"
    )
    text = _collection(
        [("研发样机“白名单”", scene + speaker), ("工程项目“拿地即开工”", posted), ("跨境电商退货仓", _BODY)]
    )
    assert _providers(text)[:2] == ["某某海关", "某某高新区管委会规划建设局"]


def test_a_captions_first_line_with_no_punctuation_names_its_acting_body() -> None:
    text = _collection(
        [
            ("船舶登记“多证联办”", "某市海事局学习天津自贸试验区的经验\n一次申请并联审核\n办证时间由5天缩短到1天"),
            ("跨境贸易“一键结汇”", "某某区商务局引进上海自贸试验区的做法\n企业结汇时间由半天缩短至10分钟"),
            ("工程建设“联合验收”", "某某新区管理局联合市住建局开展联合验收\n验收时间由30天压缩到5天"),
        ]
    )
    assert _providers(text) == ["某市海事局", "某某区商务局", "某某新区管理局"]


def test_a_news_items_source_that_the_next_clause_refers_back_to_is_the_provider() -> None:
    body = "　　本报讯（记者 郑某）记者从某甲区获悉，该区将台胞就业、居住等事项整合为一件事，办理环节由8个精简为1个。"
    text = _collection([("“台胞一件事”集成服务", body), ("航运企业“一照多址”", _BODY), ("跨境电商退货仓", _BODY)])
    assert _providers(text)[0] == "某甲区"


def test_a_district_whose_name_ends_in_cheng_qu_is_a_place_and_a_generic_urban_area_is_none() -> None:
    body = "　　{p}借鉴浙江自贸试验区杭州片区经验，推行企业开办一件事，开办时间压缩至0.5个工作日。"
    text = _collection(
        [
            ("企业开办一件事", body.format(p="鹿城区")),
            ("航运企业“一照多址”", body.format(p="主城区")),
            ("跨境电商退货仓", _BODY),
        ]
    )
    assert _providers(text)[:2] == ["鹿城区", None]


def test_a_body_followed_by_what_it_acts_on_is_the_acting_subject_after_a_scene() -> None:
    scene = (
        "【解说】\n在某区的一家冷库里，一批冷冻牛肉已经开始分拣出库。今年以来，某某海关对进口冷链食品实施先放后检，"
        "通关时间缩短40%。\n【同期声】冷链企业负责人　某某\n“货物周转快了。”\n"
    )
    text = _collection([("进口食品“先放后检”", scene), ("航运企业“一照多址”", _BODY), ("跨境电商退货仓", _BODY)])
    assert _providers(text)[0] == "某某海关"


def test_a_byline_names_a_body_not_a_writer_and_the_words_that_introduce_a_provider_are_no_part_of_it() -> None:
    text = _collection(
        [
            ("进口冷链“一码通”", f"文/某市商务局\n{_BODY}"),
            ("航运企业“一照多址”", f"{_BODY}\n（本文由某某海关提供）"),
            ("跨境电商退货仓", f"文／本刊记者　王某\n{_BODY}\n（供稿：某乙区人民政府）"),
        ]
    )
    assert _providers(text) == ["某市商务局", "某某海关", "某乙区人民政府"]


def test_the_body_whose_spokesman_is_cited_is_the_provider_when_the_next_clause_refers_back_to_it() -> None:
    body = "　　据某市商务局相关负责人介绍，该局借鉴上海自贸试验区经验推行一码通，办理时间由5天压缩至1天。"
    text = _collection([("进口冷链“一码通”", body), ("航运企业“一照多址”", _BODY), ("跨境电商退货仓", _BODY)])
    assert _providers(text)[0] == "某市商务局"


def test_a_commendation_or_a_semicolon_list_in_the_head_names_each_cases_unit() -> None:
    cases = [("“进口冷链一码通”", _BODY), ("“航运企业一照多址”", _BODY), ("“跨境电商退货仓”", _BODY)]
    praised = (
        "经评审，决定对某甲区“进口冷链一码通”、某某海关“航运企业一照多址”、某乙县“跨境电商退货仓”等3个案例予以表扬。"
    )
    listed = "本期收录：某甲区“进口冷链一码通”；某某海关“航运企业一照多址”；某乙县“跨境电商退货仓”。"
    assert _providers(_collection(cases, head=praised)) == ["某甲区", "某某海关", "某乙县"]
    assert _providers(_collection(cases, head=listed)) == ["某甲区", "某某海关", "某乙县"]


def test_a_unit_after_a_wide_space_closing_the_heading_is_the_provider_and_a_headlines_second_half_is_none() -> None:
    text = _collection(
        [
            ("进口冷链“一码通”　某某海关", _BODY),
            ("航运企业“一照多址”　某市市场监督管理局", _BODY),
            ("跨境电商退货仓　退货时间大幅缩短", _BODY),
        ]
    )
    assert _providers(text)[:2] == ["某某海关", "某市市场监督管理局"]
    assert _providers(text)[2] != "退货时间大幅缩短"


def test_a_spokesman_cited_without_ju_names_the_body_the_next_clause_refers_back_to() -> None:
    body = "　　某市商务局相关负责人介绍，该局借鉴上海自贸试验区经验推行一码通，办理时间由5天压缩至1天。"
    text = _collection([("进口冷链“一码通”", body), ("航运企业“一照多址”", _BODY), ("跨境电商退货仓", _BODY)])
    assert _providers(text)[0] == "某市商务局"


def test_the_first_of_two_bodies_acting_together_is_the_provider_and_two_lead_clauses_are_read_past() -> None:
    tail = "，办理时间由5天压缩至1天，累计服务企业120家。"
    text = _collection(
        [
            ("进口冷链“一码通”", "　　针对通关慢问题，某某海关与某市商务局联合推出一码通" + tail),
            ("航运企业“一照多址”", "　　某市商务局、某市税务局联合推出一照多址" + tail),
            ("跨境电商退货仓", "　　2023年3月，经省政府批准，某乙区率先设立退货仓" + tail),
        ]
    )
    assert _providers(text) == ["某某海关", "某市商务局", "某乙区"]


def test_a_central_bank_branch_written_without_its_country_comes_out_by_its_full_name() -> None:
    text = _collection(
        [
            ("跨境结算便利化", f"报送单位：人民银行宜昌市分行\n{_BODY}"),
            ("首贷户培育", f"报送单位：人民银行湖北省分行\n{_BODY}"),
            ("外汇便利化", f"报送单位：中国人民银行宜昌市分行\n{_BODY}"),
        ]
    )
    assert _providers(text) == ["中国人民银行宜昌市分行", "中国人民银行湖北省分行", "中国人民银行宜昌市分行"]


def test_a_case_closing_with_a_footnote_takes_its_provider_from_it() -> None:
    text = _collection(
        [
            (
                "进口水果预约通关",
                f"　　某某海关自主探索预约通关模式，企业可提前预约查验。{_BODY}①\n\n①案例一材料由某某海关提供。",
            ),
            ("证照联办", f"{_BODY}②\n\n②案例二材料由某市市场监督管理局提供。"),
            ("农村产权融资", f"{_BODY}③\n\n③案例三材料由某某县人民政府提供。"),
        ]
    )
    assert _providers(text) == ["某某海关", "某市市场监督管理局", "某某县"]


def test_a_place_acting_with_a_body_is_the_provider_not_the_pair() -> None:
    text = _collection(
        [
            ("检测结果互认", "　　浦口区与南京海关建立出口农产品检测结果互认机制，累计服务企业120家。"),
            ("通关便利化", "　　某某海关与某市商务局联合推出通关便利措施，累计服务企业120家。"),
            ("联合报装", "　　江宁区和南京市商务局联合推出联合报装，累计服务企业120家。"),
        ]
    )
    assert _providers(text) == ["浦口区", "某某海关", "江宁区"]


def test_a_sentence_heading_s_subject_is_the_provider_over_an_office_of_it_acting_below() -> None:
    text = (
        "某市商务局\n关于自贸试验区改革试点经验复制推广工作推进情况的通报\n\n"
        "各县市区商务主管部门：\n　　现将工作情况通报如下：\n　　一、典型做法\n"
        "　　（一）醴陵市推行陶瓷出口“集拼转关”。醴陵市商务局借鉴广西自贸试验区钦州港片区做法，设立集拼仓，"
        "企业物流成本降低约18%。\n"
        "　　（二）天元区推行装备“研发+检测”共享平台。该平台为天元区首创，区科技局联合区市场监管局整合园区检测资源，"
        "面向中小企业开放共享，检测周期缩短40%，已服务企业210家。\n"
        "　　（三）株洲市行政审批服务局推行“证照联办”。复制推广国务院第六批自贸试验区改革试点经验，办理时限由15个"
        "工作日压缩至3个工作日。\n"
        "　　二、下一步工作\n　　各地要加快推进未落地事项。\n"
    )
    assert _providers(text) == ["醴陵市", "天元区", "株洲市行政审批服务局"]


def test_a_group_chat_post_headed_by_its_unit_and_a_quoted_name_is_that_unit_s_case() -> None:
    text = (
        "微信群聊天记录导出\n群名称：自贸片区经验交流群\n\n"
        "孙浩 (省商务厅自贸处) 2024-08-19 09:00:12\n各片区：请在群内各报一项今年以来的创新做法，写清做法和成效。\n\n"
        "周强 (黑河片区) 2024-08-20 08:47:51\n黑河片区“跨江索道旅客通关便利化”做法：\n"
        "黑河海关在跨江索道口岸推行旅客“无感通关”，旅客行李实行“先期机检、集中查验”。\n"
        "成效：旅客平均通关时间由40分钟压缩至10分钟，日通关能力提升至3000人次。\n\n"
        "赵雪 (哈尔滨新区) 2024-08-20 14:02:26\n哈尔滨新区“科技成果‘先使用后付费’”机制\n"
        "哈尔滨新区科技创新局牵头推行科技成果“先使用后付费”，企业产生收益后再支付许可费。\n"
        "成效：已有58项专利通过该方式实施许可，带动企业新增产值4.5亿元。\n\n"
        "刘洋 (某市) 2024-08-20 15:02:26\n综合保税区“保税研发”做法\n"
        "某市综合保税区管委会会同某海关制定保税研发企业监管办法，已服务企业12家，研发货值增长30%。\n\n"
        "孙浩 (省商务厅自贸处) 2024-08-20 17:30:11\n已汇总，谢谢各位！\n"
    )
    providers = _providers(text)
    assert providers[:2] == ["黑河片区", "哈尔滨新区"]
    assert providers[2] != "综合保税区"  # a kind of zone alone is no place


def test_an_area_s_ftz_office_as_provider_stands_for_the_area() -> None:
    text = _collection(
        [
            ("陆海联运“一单制”", f"（连云港片区自贸办供稿）\n{_BODY}"),
            ("国际船舶登记", f"（连云港片区管委会供稿）\n{_BODY}"),
            ("证照联办", f"（江苏省自贸办供稿）\n{_BODY}"),  # a province's office is no area
        ]
    )
    assert _providers(text) == ["连云港片区", "连云港片区", "江苏省自贸办"]


def test_an_area_written_by_its_bare_short_name_is_the_area() -> None:
    text = _collection(
        [
            ("退货中心仓", f"报送单位：南沙\n{_BODY}"),
            ("证照联办", f"报送单位：某市市场监督管理局\n{_BODY}"),
            ("跨境结算", f"报送单位：某市\n{_BODY}"),  # no area of that name: as written
        ]
    )
    assert _providers(text) == ["广州南沙新区片区", "某市市场监督管理局", "某市"]


def test_a_closing_note_naming_who_provided_the_case_with_a_bracket_in_the_name() -> None:
    text = _collection(
        [
            ("江海联运", f"{_BODY}（见附件2-1，由某港（物流）园区管委会提供）"),
            ("出口退税", "　　区税务局推行出口退税提速，办理时间缩短一半。（见附件2-2，由某开发区·某区管委会提供）"),
            ("证照联办", "　　市市场监管局推行证照联办，材料减少一半。（见附件2-3，由某市市场监督管理局提供）"),
        ]
    )
    assert _providers(text) == ["某港（物流）园区管委会", "某开发区·某区管委会", "某市市场监督管理局"]


def test_a_host_or_a_speech_saying_which_place_or_body_brought_the_reform() -> None:
    text = _collection(
        [
            ("土地经营权抵押", f"　　这项改革是临渭区推出的，区农业农村局搭建评估平台。\n{_BODY}"),
            ("集货直发", f"　　这项做法由绥化片区管委会探索形成，包裹集中申报。\n{_BODY}"),
            ("预约通关", f"　　在这方面，满洲里海关走在了前面，货车提前预约时段。\n{_BODY}"),
        ]
    )
    assert _providers(text) == ["临渭区", "绥化片区管委会", "满洲里海关"]


def test_a_court_s_division_writes_for_its_court_and_本院_is_the_document_s_court() -> None:
    text = (
        "永康市人民法院服务保障自贸试验区建设白皮书\n\n永康市人民法院\n\n"
        "一、司法服务创新实践\n　　本院形成3项创新实践。\n\n"
        f"创新实践之一　诉调对接\n（承办部门：本院立案庭）\n{_BODY}\n\n"
        f"创新实践之二　跨境查控\n（承办部门：本院执行局）\n{_BODY}\n\n"
        f"创新实践之三　快立快审\n（承办部门：城关人民法庭）\n{_BODY}\n"
    )
    assert _providers(text) == ["永康市人民法院", "永康市人民法院执行局", "永康市人民法院城关人民法庭"]


def test_a_byline_under_the_title_and_a_sealed_signature_name_the_provider() -> None:
    text = (
        "某市自贸试验区联动创新来稿选编\n\n编辑说明：本辑按来稿原貌编排，共收录来稿3篇。\n\n————————\n\n"
        f"诉前调解“司法确认”\n信阳市中级人民法院民二庭　刘某某\n\n{_BODY}\n\n————————\n\n"
        f"证照联办“一件事”\n{_BODY}\n\n信阳市浉河区商务局（盖章）\n2024年9月6日\n\n————————\n\n"
        f"企业开办“不见面”\n{_BODY}\n\n罗山县人民政府\n2024年8月30日\n"
    )
    assert _providers(text) == ["信阳市中级人民法院", "信阳市浉河区商务局", "罗山县"]


def test_a_contact_line_names_the_unit_after_the_person() -> None:
    text = _collection(
        [
            ("船舶联合登临", f"{_BODY}\n　　联系人：陈某某（某市商务局）　电话：0000-1234"),
            ("小额商品快放", f"{_BODY}\n　　联系人：王某某　某某海关综合业务科　电话：0000-1234"),
            ("证照联办", f"{_BODY}\n　　联系人：郑某，某市市场监管局登记注册科，0000-1234"),
        ]
    )
    assert _providers(text) == ["某市商务局", "某某海关", "某市市场监管局"]


def test_a_place_written_without_its_level_is_its_one_city_or_county() -> None:
    text = _collection(
        [
            ("互市结算", f"牵头单位：满洲里\n{_BODY}"),
            ("林权抵押", f"牵头单位：腾冲\n{_BODY}"),
            ("跨境结算", f"牵头单位：东兴\n{_BODY}"),  # 东兴市 and 东兴区: which one is not told, as written
        ]
    )
    assert _providers(text) == ["满洲里市", "腾冲市", "东兴"]


def test_a_place_the_next_clause_calls_该区_is_the_subject() -> None:
    text = _collection(
        [
            (
                "质押融资一站通",
                "　　西湖区位于片区核心区域，该区推出质押融资“一站通”，累计服务企业120家，办理时间缩短一半。",
            ),
            ("通关便利", "　　某某海关地处边境口岸，该海关推行预约通关，通关时间由5天压缩至1天。"),
            ("证照联办", f"　　某市市场监督管理局推行证照联办。\n{_BODY}"),
        ]
    )
    assert _providers(text) == ["西湖区", "某某海关", "某市市场监督管理局"]


def test_an_area_by_the_name_people_use_and_a_byline_of_two_writers() -> None:
    text = _collection(
        [
            ("退货中心仓", f"牵头单位：南沙自贸区\n{_BODY}"),
            ("跨境结算", f"（来源：中国（广西）自贸试验区钦州港片区）\n{_BODY}"),
            ("证照联办", f"某市市场监督管理局　张某　李某\n{_BODY}"),
        ]
    )
    assert _providers(text) == ["广州南沙新区片区", "钦州港片区", "某市市场监督管理局"]


def test_a_host_s_sentence_with_no_word_for_the_reform() -> None:
    text = _collection(
        [
            ("评估平台", f"　　这个做法是临渭区推出的，区农业农村局搭建评估平台。\n{_BODY}"),
            ("直播销售", f"　　这是某市商务局自主打造的，商品在保税区展示。\n{_BODY}"),
            ("证照联办", f"报送单位：某市市场监督管理局\n{_BODY}"),
        ]
    )
    assert _providers(text) == ["临渭区", "某市商务局", "某市市场监督管理局"]


def test_a_closing_source_or_an_editor_s_comment_names_the_provider() -> None:
    text = _collection(
        [
            ("拿地即开工", f"{_BODY}\n——摘自高青县《营商环境简报》第3期"),
            ("一业一证", f"{_BODY}\n（点评：该做法由张店区在全市率先探索，破解了准入难题。）"),
            ("证照联办", f"{_BODY}\n　　联络员：周某　某市市场监督管理局　0000-1234"),
        ]
    )
    assert _providers(text) == ["高青县", "张店区", "某市市场监督管理局"]


def test_a_stem_after_a_dash_a_bracketed_label_or_a_bracket_with_供_under_the_title() -> None:
    text = (
        "某市交流材料汇编\n\n现将3个案例印发给你们。\n\n"
        f"案例一　口岸通关“一站式”——荣昌\n{_BODY}\n\n"
        f"案例二　灯组出口“预归类”\n【报送】贡井区\n{_BODY}\n\n"
        f"案例三　环评排污联办\n（威远　供）\n{_BODY}\n"
    )
    assert _providers(text) == ["荣昌区", "贡井区", "威远县"]


def test_a_bulletin_heading_opening_with_a_stem_and_a_colon() -> None:
    text = (
        "某州信息专报\n\n现将各地报送的3项做法编发如下。\n\n"
        f"一、芒市：口岸监管“多通道”\n{_BODY}\n\n二、梁河：互市商品集中申报\n{_BODY}\n\n三、某地：跨境结算便利\n{_BODY}\n"
    )
    assert _providers(text)[1:] == ["梁河县", None]


def test_a_known_zone_opening_the_sentence_whatever_verb_follows() -> None:
    text = _collection(
        [
            ("风险共担池", "　　株洲高新区出资设立风险共担池，市财政局分担损失，已撬动贷款12.6亿元。"),
            ("证照联办", f"报送单位：某市市场监督管理局\n{_BODY}"),
            ("通关便利", f"报送单位：某某海关\n{_BODY}"),
        ]
    )
    assert _providers(text)[0] == "株洲高新区"


def test_a_body_after_its_zone_s_kind_alone_takes_the_zone_the_document_names() -> None:
    text = (
        "赣江新区复制推广自贸试验区改革经验典型案例汇总\n\n说明：共收录3个案例。\n\n"
        f"案例一　船舶联合登临\n{_BODY}\n　　联系人：陈某（新区经发局）　电话：0000-1234\n\n"
        f"案例二　小额商品快放\n{_BODY}\n　　联系人：王某（新区市场监管局）　电话：0000-1234\n\n"
        f"案例三　证照联办\n报送单位：某市商务局\n{_BODY}\n"
    )
    assert _providers(text)[:2] == ["赣江新区经发局", "赣江新区市场监管局"]


def test_a_host_names_who_launched_or_leads_the_reform_in_other_words() -> None:
    text = _collection(
        [
            ("评估平台", f"男：高陵区推出的这项改革，解决了农民贷款难。\n{_BODY}"),
            ("直播销售", f"　　这项改革的“发明人”是某市商务局。\n{_BODY}"),
            ("证照联办", f"　　这一经验由鄠邑区率先试点。\n{_BODY}"),
        ]
    )
    assert _providers(text) == ["高陵区", "某市商务局", "鄠邑区"]


def test_a_procuratorate_s_division_writes_for_it_too() -> None:
    text = (
        "东阳市人民检察院服务保障自贸试验区建设工作报告\n\n东阳市人民检察院\n\n"
        f"创新实践之一　涉企案件“挂案清理”\n（承办部门：本院第四检察部）\n{_BODY}\n\n"
        f"创新实践之二　知识产权“一站式”保护\n（承办部门：东阳市人民检察院研究室）\n{_BODY}\n\n"
        f"创新实践之三　公益诉讼“快办”\n报送单位：某市市场监督管理局\n{_BODY}\n"
    )
    assert _providers(text) == ["东阳市人民检察院", "东阳市人民检察院", "某市市场监督管理局"]


def test_a_closing_line_of_fields_a_tag_line_and_a_dash_line_of_two_givers() -> None:
    text = _collection(
        [
            ("预检验", f"{_BODY}\n　　责任编辑：黄某　供稿：钦州海关"),
            ("一码通", f"{_BODY}\n　　【防城港·东兴】"),
            ("证照联办", f"{_BODY}\n　　——港口区商务局、港口区行政审批局联合供稿"),
        ]
    )
    assert _providers(text) == ["钦州海关", "东兴市", "港口区商务局"]  # 东兴市, not 内江市东兴区


def test_a_news_outlet_credited_for_the_item_is_no_provider() -> None:
    text = _collection(
        [
            (
                "自助打印",
                f"　　“现在在公司就能打印。”一家茶企负责人说。今年以来，邵武市推行自助打印。\n{_BODY}\n"
                "（邵武市融媒体中心　供稿）",
            ),
            ("林权贷款", f"　　顺昌县探索林权收储担保贷款。\n{_BODY}\n（文／本报记者　刘某　通讯员　某局　陈某）"),
            ("标准地", f"　　对竹加工项目实行“标准地”出让。项目由松溪县自然资源局牵头推进。\n{_BODY}"),
        ]
    )
    assert _providers(text) == ["邵武市", "顺昌县", "松溪县自然资源局"]


def test_a_party_body_written_short_is_given_its_full_name() -> None:
    text = _collection(
        [
            ("证照联办", f"{_BODY}\n　　——港口区委改革办、港口区行政审批局联合供稿"),
            ("一码通", f"报送单位：某市市场监督管理局\n{_BODY}"),
            ("预检验", f"报送单位：某某海关\n{_BODY}"),
        ]
    )
    assert _providers(text)[0] == "中共港口区委全面深化改革委员会办公室"


def test_a_stem_several_places_share_is_the_one_in_the_document_s_city() -> None:
    text = (
        "防城港市复制推广自贸试验区改革经验信息专报\n\n防城港市商务局编\n\n现将3项做法编发如下。\n\n"
        f"一、东兴：互市结算“便利通”\n{_BODY}\n\n二、港口区：林权抵押贷款\n{_BODY}\n\n三、某地：跨境结算便利\n{_BODY}\n"
    )
    assert _providers(text)[0] == "东兴市"


def test_a_recommendation_s_sentence_and_a_place_s_own_account_name_the_provider() -> None:
    text = _collection(
        [
            ("资格权跨村使用", f"　　推荐理由：这是常山的又一项创新举措，解决了跨村使用难题。\n{_BODY}"),
            ("政务服务驿站", f"{_BODY}\n　　（本文转载自“衢江发布”微信公众号）"),
            ("证照联办", f"报送单位：某市市场监督管理局\n{_BODY}"),
        ]
    )
    assert _providers(text) == ["常山县", "衢江区", "某市市场监督管理局"]


def test_an_area_inside_the_ftz_s_name_written_short() -> None:
    text = _collection(
        [
            ("跨境结算", f"牵头单位：中国（广西）自贸区钦州港片区\n{_BODY}"),
            ("证照联办", f"牵头单位：广西自贸区\n{_BODY}"),  # the whole FTZ: no area
            ("通关", f"报送单位：某某海关\n{_BODY}"),
        ]
    )
    assert _providers(text)[:2] == ["钦州港片区", "广西自贸区"]


def test_a_stem_a_party_committee_and_government_or_a_dated_bracket_name_the_provider() -> None:
    text = _collection(
        [
            ("检测前置", f"　　英山是全省首个推行检测前置的县，出口通关时间缩短40%。\n{_BODY}"),
            ("林权贷款", f"　　罗田县委县政府高度重视这项改革，林农可以林权质押贷款。\n{_BODY}"),
            ("标准地", f"{_BODY}\n　　（团风县自然资源和规划局　2024年6月）"),
        ]
    )
    assert _providers(text) == ["英山县", "罗田县", "团风县自然资源和规划局"]


def test_a_line_of_an_information_officer_names_the_unit() -> None:
    text = _collection(
        [
            ("退税快办", f"{_BODY}\n　　信息员：周某　某市税务局　0000-1234"),
            ("证照联办", f"报送单位：某市市场监督管理局\n{_BODY}"),
            ("通关", f"报送单位：某某海关\n{_BODY}"),
        ]
    )
    assert _providers(text)[0] == "某市税务局"


def test_the_implementing_unit_after_a_guiding_one_a_unit_with_its_role_and_a_practice_s_dash() -> None:
    text = (
        "某市改革经验选编\n\n说明：本选编收录案例3个。\n\n"
        f"案例一　出口分类监管\n指导单位：某某海关　　实施单位：某市商务局\n{_BODY}\n\n"
        f"案例二　保税加工\n某县商务局（供稿单位）\n{_BODY}\n\n"
        f"案例三　景区一票通\n——某县景区管理局经验做法\n{_BODY}\n"
    )
    assert _providers(text) == ["某市商务局", "某县商务局", "某县景区管理局"]


def test_who_compiled_the_material_and_a_speaker_after_a_first_person_quote() -> None:
    text = _collection(
        [
            ("土地抵押", f"　　本案例材料由某市农业农村局整理。\n{_BODY}"),
            ("产地预检", f"　　我们的做法是把检验关口前移到果园。（某县农业农村局局长　张某）\n{_BODY}"),
            ("证照联办", f"报送单位：某市市场监督管理局\n{_BODY}"),
        ]
    )
    assert _providers(text) == ["某市农业农村局", "某县农业农村局", "某市市场监督管理局"]


def test_a_spaced_signature_a_proxy_seal_and_a_note_on_the_content_name_the_provider() -> None:
    text = _collection(
        [
            ("集中检验", f"{_BODY}\n\n新 化 县 商 务 局\n2024 年 5 月"),
            ("绿色通道", f"{_BODY}\n　　双峰县人民政府（代章）"),
            ("一站式登记", f"{_BODY}\n　　（以上内容由某市农业农村局提供）"),
        ]
    )
    assert _providers(text) == ["新化县商务局", "双峰县", "某市农业农村局"]  # a government is its place


def test_a_stem_acting_after_a_sentence_and_a_unit_before_a_reviewer_s_field() -> None:
    text = _collection(
        [
            ("监管互认", f"　　两地企业出口量大。涟源在全省率先推行监管结果互认，查验次数减少一半。\n{_BODY}"),
            ("综合服务", f"{_BODY}\n　　某县商务局　供稿　　审核：刘某"),
            ("证照联办", f"报送单位：某市市场监督管理局\n{_BODY}"),
        ]
    )
    assert _providers(text) == ["涟源市", "某县商务局", "某市市场监督管理局"]


def test_a_responsibility_cells_first_unit_is_the_provider_and_and_inside_a_name_parts_nothing() -> None:
    from ftzgraph.graph.extract.provider import first_unit

    assert first_unit("廊坊市自然资源和规划局临空经济区分局、片区建设局") == "廊坊市自然资源和规划局临空经济区分局"
    assert first_unit("某市商务局和某海关") == "某市商务局"
    assert first_unit("某县住房和城乡建设局") == "某县住房和城乡建设局"


def test_a_labelled_line_under_a_sentence_heading_beats_the_headings_subject() -> None:
    """title 甲县推行“A” over 作者：甲县商务局: the line says who brought the case, not the heading's subject."""
    text = (
        "某市改革创新信息\n\n"
        "案例1　甲县推行出口“预检预审”\n作者：甲县商务局\n"
        "甲县商务局会同海关开展出口预检预审，通关时间平均压缩1天，出口额增长15%。\n\n"
        "案例2　乙县推行项目“联合验收”\n乙县行政审批局牵头，推行联合验收，验收时间由30个工作日缩短至8个工作日。\n"
    )
    assert _providers(text) == ["甲县商务局", "乙县行政审批局"]


def test_a_forms_unit_before_a_bar_and_one_field_is_the_provider() -> None:
    # issue #15, z26b: X人民政府｜2024年第三季度进展 under the title: the unit the form is about, not the first actor
    text = (
        "2024年第三季度改革事项进展\n\n"
        "案例1　水电气网“联合报装”\n江陵县人民政府｜2024年第三季度进展\n县发展改革局、县住建局推行联合报装。\n\n"
        "案例2　涉企证照“一窗联办”\n监利市人民政府｜2024年第三季度进展\n市市场监管局会同市税务局推行证照联办。\n"
    )
    assert _providers(text) == ["江陵县", "监利市"]


_COMPANY_REPORT = (
    "{company}\n2024年度社会责任报告（节选）\n\n本公司配合地方复制推广自贸试验区改革经验，以下2个专栏为代表性做法。\n\n"
    "【专栏3-1】进口木材“抵港直检”\n背景：借鉴广西自贸试验区钦州港片区做法。\n做法：海关对进口木材实施抵港直检。\n"
    "成效：通关时间缩短一半。\n（本专栏由公司物流业务部提供）\n\n"
    "【专栏3-2】船舶“一站式”申报\n背景：本地探索。\n做法：海事局推行船舶申报一站办。\n成效：申报时间缩短至半天。\n"
    "（本专栏由{agency}提供）\n\n……\n第四章　绿色发展（略）\n"
)


def test_a_company_department_on_a_closing_line_is_the_company_and_a_box_opener_no_part_of_the_name() -> None:
    text = _COMPANY_REPORT.format(company="营口港务集团物流有限公司", agency="营口海事局")
    assert _providers(text) == ["营口港务集团物流有限公司", "营口海事局"]


def test_a_company_department_stays_as_written_when_no_company_heads_the_document() -> None:
    text = _COMPANY_REPORT.format(company="营口港2024年度报告", agency="营口海事局")
    assert _providers(text)[0] == "公司物流业务部"


def test_an_origin_field_labelled_source_is_no_provider_and_a_case_credit_label_is_one() -> None:
    text = (
        "物流公司案例选编\n\n■ 实践案例一　进口粮食“船边直提”\n来源：该做法借鉴辽宁自贸试验区营口片区经验。\n"
        "举措：海关对进口粮食实施船边直提。\n（案例提供：盘锦海关）\n\n"
        "■ 实践案例二　船员“换班一站办”\n来源：此项改革属国务院第五批自由贸易试验区改革试点经验。\n"
        "举措：边检站设立船员换班专窗。\n（案例提供：盘锦出入境边防检查站）\n"
    )
    assert _providers(text) == ["盘锦海关", "盘锦出入境边防检查站"]


def test_a_provider_label_in_tortoise_shell_brackets_names_the_unit() -> None:
    assert labelled_provider("〔素材：营口市人民政府办公室〕") == ("营口市人民政府办公室", 4, 14)


def test_a_unit_cell_naming_two_units_with_a_comma_gives_the_first() -> None:
    """A spreadsheet's unit cell holding two units parted by a comma (issue #15, helper z28d): the first is the
    provider, as with 、."""
    from ftzgraph.graph.extract.gazetteer import load_gazetteer
    from ftzgraph.graph.extract.provider import provider_unit

    assert provider_unit("本溪市商务局,桓仁满族自治县人民政府", load_gazetteer()) == "本溪市商务局"
    assert provider_unit("本溪市商务局，桓仁满族自治县人民政府", load_gazetteer()) == "本溪市商务局"


_SPEECH_EXAMPLES = (
    "当前位置：首页 > 要闻动态 > 领导讲话\n在全市复制推广自贸试验区改革经验工作推进会上的讲话\n"
    "（根据录音整理，有删节）\n"
    "副市长　李某某\n2024年9月26日\n同志们：\n"
    "　　今天召开这个会，主要是总结前一阶段工作，部署下一步任务。下面，我讲三点意见。\n"
    "　　一、充分肯定前一阶段取得的成效\n　　截至8月底，全市累计复制推广改革事项260余项。这里我举几个例子。\n"
    "　　比如，贵溪市的铜产品“保税混矿”。贵溪市学习借鉴外地监管模式，海关、市商务局一起推，"
    "铜精矿进口物流成本下降约18%。\n"
    "　　再比如，高新区的科技企业“知识产权质押”。高新区管委会联合银行推出质押融资，"
    "科技企业今年融资2.3亿元，同比增长一倍。\n"
    "　　还有余江区的企业“简易注销”一网通办。区市场监管局、区税务局一起把注销办理时间从20个工作日压缩到3个工作日。\n"
    "　　月湖区的眼镜产业“出口集拼”也很有代表性，海关、区商务局共同发力，出口通关时间缩短一半以上，出口货值近5亿元。\n"
    "　　二、清醒认识存在的差距和不足\n　　（略）\n"
)


def test_a_speechs_link_word_before_an_examples_place_is_no_part_of_the_provider() -> None:
    providers = _providers(_SPEECH_EXAMPLES)
    assert "余江区" in providers and not any(p and p.startswith("还有") for p in providers)


def test_a_sentence_naming_who_gave_the_case_is_its_provider() -> None:
    text = _collection(
        [
            ("口岸通关“车边验放”", f"　　这是复制推广改革试点经验的举措，提供单位是日喀则海关。{_BODY}"),
            ("边境旅游“团队签证”", f"　　这项由日喀则市公安局提供，{_BODY}"),
            ("互市商品“落地加工”", f"　　这项做法由市口岸物流办牵头，{_BODY}"),  # who leads it, not who gave it
        ]
    )
    assert _providers(text)[:2] == ["日喀则海关", "日喀则市公安局"]
    assert _providers(text)[2] != "市口岸物流办"


_STRAIT_PAGE = (
    "兩岸商情　2025/03/02\n\n【記者 某某／綜合報導】陸方推動自貿區經驗複製推廣，以下整理兩地做法。\n\n"
    "◎晉城　煤炭運輸「公鐵聯運」\n實施單位：晉城市交通運輸局\n"
    "晉城市交通運輸局借鏡山西自貿試驗區的做法，推出公鐵聯運一單到底，運費下降12%。\n\n"
    "◎運城　蘋果出口「產地預檢」\n實施單位：運城海關\n"
    "運城海關在果園設立預檢點，出口蘋果通關時間縮短一半，今年出口3萬噸。\n"
)


def test_a_units_own_field_under_a_heading_naming_a_place_is_the_provider() -> None:
    """▲/◎ place　title over 實施單位：X: the field says who did it; the heading's place is only where (issue #15)."""
    assert _providers(_STRAIT_PAGE) == ["晋城市交通运输局", "运城海关"]


_PORTAL_PAGE = (
    "首頁 Página Inicial ＞ 資訊 Informações\n\n某市便利措施\n\n"
    "措施一 Medida 1\n跨境車主「一窗通辦」\n相關地區：湛江市赤坎區　Região relacionada: Chikan\n"
    "赤坎區公安分局設立專窗，車主可一次辦結年審和保險，辦理時間由2天縮短至半天，已辦理800宗。\n\n"
    "措施二 Medida 2\n海產出口「預檢驗」\n相關地區：湛江市霞山區　Região relacionada: Xiashan\n"
    "霞山區農業農村局聯同湛江海關推行產地預檢驗，通關時間縮短40%，今年出口1.2萬噸。\n\n"
    "措施三 Medida 3\n澳門專業人士「跨境執業」\n相關地區：雷州市　Região relacionada: Leizhou\n"
    "雷州市住房和城鄉建設局參照前海的做法推行備案執業，已有21名專業人士完成備案，參與8個項目。\n"
)


def test_a_tag_naming_the_region_gives_the_provider_in_simplified_script() -> None:
    """相關地區：X under a portal's title (a label ending in 地区) names the provider; a traditional-script page's
    provider is written as the graph keeps names, in simplified script."""
    assert _providers(_PORTAL_PAGE) == ["湛江市赤坎区", "湛江市霞山区", "雷州市"]


def test_a_related_practice_launched_by_a_place_names_it_and_a_conjunction_opens_no_unit() -> None:
    """相关做法是X自主探索的成果，并在全市率先推行: X launched it; 并在全市 is the next clause, no unit."""
    text = (
        "某報　內地新聞\n\n多區推出便利措施\n\n【本報訊】記者獲悉，多區推出便利措施。\n\n"
        "■企業「跨境通辦」\n\n遂溪縣政務服務中心設有專區，企業可透過視頻辦理登記。"
        "縣市場監管局負責人表示，相關做法是遂溪縣自主探索的成果，並在全市率先推行，已辦理事項86項，服務企業600家。\n\n"
        "■口岸「預約通關」\n\n徐聞縣借鑒海南的做法，推出預約通關，由縣商務局牽頭，通關時間縮短至4小時，今年已通關46批次。\n"
    )
    assert _providers(text)[0] == "遂溪县"


def test_a_news_sources_place_by_its_stem_and_a_unit_under_its_parent() -> None:
    """X市商务局介绍，X学习借鉴…: the source's own place acts (a Hong Kong daily's wording); 承辦單位：A海關所屬B海關
    names B; 聯同 joins a second body as 会同 does (issue #15)."""
    text = (
        "某報　中國新聞\n\n三地借鑒自貿區經驗\n\n【本報訊】記者近日走訪三地，發現多項措施已落地見效。\n\n"
        "◆藥材出口「一證通」\n\n"
        "亳州市商務局介紹，亳州學習借鑒了四川自貿試驗區的經驗，企業一次申請即可取得兩證，出口貨值按年增長兩成，達1.8億元。\n\n"
        "◆陶瓷出口「集中查驗」\n\n承辦單位：長沙海關所屬醴陵海關\n"
        "醴陵海關在產業園設立集中查驗場所，出口企業不必再將貨物拉到口岸查驗，通關時間縮短2天，出口額9億元。\n\n"
        "◆「拿地即開工」審批\n\n"
        "淶源縣自然資源局聯同縣住建部門推行「拿地即開工」，把規劃、施工許可等審批前置，已有9個項目在拿地當天動工。\n"
    )
    assert _providers(text) == ["亳州市", "醴陵海关", "涞源县自然资源局"]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("雷州市住房和城乡建设局推行“拿地即开工”，已有6个项目动工。", "雷州市住房和城乡建设局"),
        ("某县规划建设委员会借鉴南沙的做法推出“联合验收”。", "某县规划建设委员会"),
        ("廉江市推行“一照多址”，已有380户受惠。", "廉江市"),
    ],
)
def test_a_verb_inside_a_bodys_name_does_not_cut_it(sentence: str, subject: str) -> None:
    """X县住房和城乡建设局推行…: 建设 before 局 is a word of the name, not the verb the subject ends at (the name
    would end at 城乡, a place's ending) (issue #15)."""
    found = acting_subject(sentence, 0)
    assert found is not None and found[0] == subject


_HANDOUT = (
    "某市复制推广改革试点经验交流材料\n\n"
    "01｜宝鸡市渭滨区：工程项目“联合验收”\n"
    "渭滨区借鉴天津自贸试验区做法，住建、规划、消防联合验收，验收时间由30天缩短至10天。\n\n"
    "02｜出口食品“检测互认”\n宝鸡海关　2024年9月\n"
    "我关参照国务院第四批改革试点经验，与市场监管部门互认检测结果，通关时间由3天缩短至0.5天。\n\n"
    "03｜医保服务“进村入户”\n（宝鸡市医疗保障局）\n市医疗保障局建成村级医保服务点1146个，群众跑腿次数由2.3次降至0.2次。\n"
)


def test_a_place_after_a_numbered_mark_and_a_unit_before_a_month_are_providers() -> None:
    """02｜宝鸡市渭滨区：title: the numbered mark is layout, the place before the colon the provider; a line under the
    title naming a unit and the month it wrote (宝鸡海关　2024年9月) names who brought the case, as a day does."""
    assert _providers(_HANDOUT)[:2] == ["宝鸡市渭滨区", "宝鸡海关"]


def test_a_line_of_fields_is_read_field_by_field_for_its_provider_label() -> None:
    """索引号：…　　发布机构：X, a list page's item metadata: the unit is the later field's, where it stands."""
    line = "　索引号：000-01/2025-00012　　发布机构：乙县水务局"
    found = labelled_provider(line)
    assert found is not None and found[0] == "乙县水务局" and line[found[1] : found[2]] == "乙县水务局"
    assert labelled_provider("　索引号：000-01/2025-00012　　文号：乙政〔2025〕3号") is None


def test_a_place_set_before_its_own_body_is_the_acting_subject() -> None:
    """在X县，县水务局…: the case is the county's, its body acts for it (round 51's gold convention)."""
    text = "在丰县，县水务局借鉴外地经验推行用水报装零跑腿。"
    assert acting_subject(text, 0) == ("丰县", 1, 3)


def test_a_bare_news_lead_set_apart_by_a_space_is_no_subject() -> None:
    text = "　　本网讯　丰县水务局推行用水报装零跑腿，报装时间缩短一半。"
    found = acting_subject(text, 0)
    assert found is not None and found[0] == "丰县水务局"


def test_a_county_of_one_character_opening_the_sentence_is_the_place_not_a_body_in_its_clause() -> None:
    body = "　　沛县在全省率先推行用水报装零跑腿，徐州海关对报装材料实行容缺受理，办理时间缩短一半。"
    text = _collection([("用水报装“零跑腿”", body), ("航运企业“一照多址”", _BODY), ("跨境电商退货仓", _BODY)])
    assert _providers(text)[0] in ("沛县", "沛县人民政府")


def test_a_speech_that_opens_each_example_with_its_owner_names_it_there() -> None:
    bare = _SPOKEN_ORDINAL_RE.sub("", "第一个，建德市的家具出口“集中检验”", count=1)
    assert _owner_of(bare) == ("建德市", 0, 3)
    assert _SPOKEN_ORDINAL_RE.sub("", "第二个例子是，市税务局推行的“网上办”", count=1) == "市税务局推行的“网上办”"
    assert _SPOKEN_ORDINAL_RE.sub("", "第二个案例呢，市税务局推行的“网上办”", count=1) == "市税务局推行的“网上办”"
    assert _SPOKEN_ORDINAL_RE.sub("", "第三个做法是，市税务局推行的“网上办”", count=1) == "市税务局推行的“网上办”"
    assert _owner_of("借鉴舟山片区的“集中检验”") is None  # a place cited as the origin, not the owner


_DUTY_REPORT = (
    "2024年度述职报告\n金华市商务局局长\n\n一、抓好自贸试验区改革经验复制推广\n\n"
    "——兰溪市市场监管局联合市税务局推出“登记纳税一件事”，借鉴的是浙江自贸试验区金义片区的做法，全年办理1200件。\n\n"
    "——金华经济技术开发区管委会牵头推行“拿地即开工”，对照国务院第五批自由贸易试验区改革试点经验，全年有10个项目开工。\n\n"
    "——浦江县人民政府会同义乌海关探索“陆港一体化”，学习借鉴重庆自贸试验区果园港片区的经验，每柜节省成本600元。\n\n"
    "二、存在的不足\n\n一是学习借鉴不够系统。\n"
)


def test_a_dash_led_run_in_case_is_provided_by_its_subject_not_by_the_clause_after_a_joining_verb() -> None:
    providers = _providers(_DUTY_REPORT)
    assert providers[0] in {"兰溪市市场监管局", "兰溪市市场监督管理局"}
    assert providers[1] in {"金华经济技术开发区管委会", "金华经济技术开发区管理委员会"}
    assert providers[2] in {"浦江县人民政府", "浦江县"}


_REPORTAGE = (
    "第三章　山里的改革\n\n作者按：下面是笔者在金华各县走访时的见闻。\n\n"
    "1　一张表办下施工许可\n\n"
    "冬天的武义，风很硬。武义县行政审批服务管理局的审批股里，几个年轻人围着一张表格。这个办法借鉴了福建自贸试验区厦门片区的经验，"
    "全县有30个项目拿到了施工许可。\n\n"
    "2　杂粮出口的绿色通道\n\n"
    "从武义往南，就到了磐安县。磐安县商务局的办公室墙上贴着一张地图。县商务局说，这是对照国务院第三批改革试点经验做的，"
    "全县出口药材1.1万吨。\n\n"
    "3　家门口的公证\n\n"
    "浦江县的山路弯弯绕绕。浦江县司法局推出的远程视频公证，让村民在乡镇就能办。他们学的是广东自贸试验区前海蛇口片区的做法，"
    "一年办理远程公证400件。\n\n"
    "4　园区里的企业管家\n\n"
    "金华经济技术开发区管委会为每家入园企业配一名管家。这个做法源自上海自贸试验区，2023年新入园企业50家。\n\n"
    "（责任编辑：某某）\n"
)


def test_a_body_named_after_a_scene_is_kept_over_the_place_it_belongs_to() -> None:
    assert _providers(_REPORTAGE)[:2] == ["武义县行政审批服务管理局", "磐安县商务局"]


_BLUE_BOOK = (
    "金华经济社会发展报告（2024）\n\n二　典型案例\n\n"
    "（一）新材料“研发用物品白名单”\n"
    "金华高新技术产业开发区围绕新材料产业链，推行研发用物品进口白名单管理。金华海关对白名单企业实行便利通关，全年进口600批次。\n\n"
    "（二）陶瓷产业“核定征收网上办”\n"
    "永康市复制推广的这项经验属于国务院第七批自由贸易试验区改革试点经验，由河南自贸试验区郑州片区率先探索。"
    "全市线上核定1.2万户次。\n\n"
    "（三）重点项目“容缺审批”\n"
    "东阳市对照国务院第五批改革试点经验，推行容缺审批，全年办理项目80个。\n\n"
    "三　对策建议\n\n（一）建立评估机制。\n"
)


def test_a_zone_written_in_full_provides_and_a_zone_cited_as_origin_does_not() -> None:
    providers = _providers(_BLUE_BOOK)
    assert providers[0] == "金华高新技术产业开发区"
    assert providers[1] == "永康市"


def test_a_research_reports_run_in_case_is_provided_after_the_clause_telling_where_it_was_seen() -> None:
    # 调研组在X区了解到，Y局…: Y acts; 检查组在X区看到，“A”是该区…: no body acts in the sentence, so the place X
    text = (
        "关于复制推广自贸试验区改革经验情况的调研报告\n\n某市政协经济委员会\n\n二、主要做法和成效\n\n"
        "（一）审批服务更加便利。调研组在安定区了解到，安定区行政审批局借鉴陕西自贸试验区西安片区经验推出“承诺即开工”，"
        "2023年以来已有21个项目承诺开工，审批时限平均缩短52个工作日。\n"
        "（二）政务服务提质增效。市政府把复制推广与条例实施结合起来。检查组在利州区看到，工程建设项目“分阶段施工许可”"
        "是该区学习借鉴四川自贸试验区经验推行的，今年已为23个项目分阶段发证，项目开工时间平均提前60天以上。\n\n"
        "三、存在的问题\n（一）部分改革事项落地不够深入。\n"
    )
    assert _providers(text) == ["安定区行政审批局", "利州区"]


def test_a_commentarys_enumerator_is_no_part_of_the_provider() -> None:
    # 第一个是“A”。X局…, 另一个是Y县的“B”: the run-in title's quote closes before its subject; the enumerator leads
    text = (
        "周末谈｜小切口里的大改革\n\n本报评论员\n\n今年以来，我市有两个“小切口”做法让人印象很深。\n\n"
        "第一个是“拿地即开证”。信阳市自然资源和规划局学习借鉴河南自贸试验区郑州片区经验，在土地出让阶段同步审查规划，"
        "今年已有17个项目受益，项目开工时间平均提前45天。\n\n"
        "另一个是潢川县的“水产品冷链溯源码”。潢川县市场监督管理局复制国务院第五批自贸试验区改革试点经验，为冷链水产品赋码，"
        "全县已有86家经营户使用溯源码，抽检合格率保持在99%以上。\n\n好经验，贵在用起来。\n"
    )
    assert _providers(text) == ["信阳市自然资源和规划局", "潢川县"]


_PAGE_WITH_SOURCE = (
    "我市三项改革经验入选绍兴市自贸试验区联动创新优秀案例\n"
    "发布时间：2024-07-02　　信息来源：诸暨市商务局　　浏览次数：312\n\n"
    "近日，绍兴市公布联动创新优秀案例名单，我市三项改革经验入选。现将有关情况介绍如下。\n\n"
    "一、袜业出口“拼箱直通”\n　　诸暨市商务局借鉴浙江自贸试验区宁波片区做法，"
    "会同海关推行出口拼箱直通，小批量订单可与其他企业货物拼箱后统一申报、统一查验。"
    "已服务袜业企业65家，物流成本下降约15%。\n\n"
    "二、珍珠商户“证照联办”\n　　市市场监管局复制第五批自贸试验区改革试点经验，"
    "联合市税务局推行证照联办，珍珠商户开业所需的营业执照和税务登记一次申请、同步办结。"
    "累计办理900件，平均用时不到1天。\n\n"
    "三、灵活就业“零工市场”\n　　市人力社保局搭建零工市场信息平台，"
    "为灵活就业人员提供岗位发布、技能培训和权益保障服务。累计发布岗位3000个，"
    "帮助就业1800人次。\n"
)


def test_a_level_only_provider_takes_the_city_of_the_pages_source_field() -> None:
    """No case writes 诸暨市 before 市市场监管局, and the head names 绍兴市 as the selecting city: the page's 信息来源
    field names the writer's own city, which 我市 and 市X局 stand for."""
    assert _providers(_PAGE_WITH_SOURCE)[1:] == ["诸暨市市场监督管理局", "诸暨市人力资源和社会保障局"]


def test_the_documents_signature_is_not_the_last_cases_provider() -> None:
    text = (
        "临海市发展和改革局关于公布复制推广自贸试验区改革经验案例的通知\n\n各乡镇人民政府、街道办事处，市直各单位：\n"
        "经各单位申报、专家评审，现将3个典型案例予以公布，请结合实际学习借鉴。\n\n"
        "一、项目审批“承诺制”\n　　临海市自然资源和规划局借鉴上海自贸试验区做法，"
        "对产业项目推行告知承诺制审批，企业作出承诺后即可"
        "先行开工建设。全年共办理承诺制审批40件，项目平均开工时间提前约两个月。\n\n"
        "二、医药企业“研发用物品白名单”\n　　市经信局复制第六批自贸试验区改革试点经验，"
        "会同海关建立研发用物品进口白名单，名单内企业"
        "进口研发用物品免于提交相关证明。已纳入企业12家，通关时间平均缩短约2天。\n\n"
        "三、出口退税“容缺办”\n　　国家税务总局临海市税务局会同市商务局，"
        "对信用良好的出口企业实行出口退税容缺办理，非关键资料"
        "可在办结后补齐。出口退税平均办理时间由5个工作日缩短至2个工作日，惠及企业300余家。\n\n"
        "临海市发展和改革局\n2024年5月6日\n"
    )
    assert _providers(text) == ["临海市自然资源和规划局", "临海市经济和信息化局", "国家税务总局临海市税务局"]


def test_an_excerpts_ellipsis_and_a_speech_verb_leave_the_subject_to_act() -> None:
    """A search result quotes its page from mid-text (……X局借鉴…); a body that says or puts forward (X委员会称，
    X管委会提出，) is the subject of its sentence."""
    assert acting_subject("……丹阳市商务局借鉴江苏自贸试验区南京片区做法，会同海关", 0) == ("丹阳市商务局", 2, 8)
    assert acting_subject("丹阳市发展和改革委员会称，这项做法已推广至全市", 0) == ("丹阳市发展和改革委员会", 0, 11)
    assert acting_subject("2023年，市不动产登记中心依照第七批改革试点经验，推行带押过户", 0) == (
        "市不动产登记中心",
        6,
        14,
    )


def test_a_zones_committee_written_without_its_city_takes_the_citys_stem() -> None:
    text = (
        "南昌市复制推广自贸试验区改革经验情况\n\n南昌市近年来持续推进改革经验复制推广，南昌市各部门积极参与。\n\n"
        "1．航空物流“提前申报”。临空经济区管委会借鉴湖北自贸试验区武汉片区航空物流改革经验，会同海关对进口货物推行"
        "提前申报、落地直提，进口货物平均提离时间由12小时缩短至2小时以内。\n"
        "牵头单位：临空经济区管委会\n"
        "2．企业开办“一日办结”。南昌市市场监督管理局复制第五批自贸试验区改革试点经验，将企业设立登记、公章刻制和"
        "发票申领并联办理，企业开办一日办结，全年累计办理1200件。\n"
        "牵头单位：南昌市市场监督管理局\n"
    )
    assert _providers(text)[0] == "南昌临空经济区管委会"


def test_a_head_tables_provider_column_names_the_lead_unit_not_the_last_cell() -> None:
    """A list in the head with a header (序号　改革事项　牵头单位　配合单位) names each case's provider in the lead
    column; the row's last cell names who helps."""
    text = (
        "沙坪坝区复制推广自贸试验区改革经验清单\n\n"
        "序号　改革事项　　　　　　　　牵头单位　　　　配合单位\n"
        "1　　企业开办“一日办结”　　　区市场监管局　　区税务局\n"
        "2　　项目审批“承诺即开工”　　区发展改革委　　区住房城乡建设委\n\n"
        "（一）企业开办“一日办结”\n借鉴上海自贸试验区做法，区市场监管局会同区税务局将设立登记、公章刻制和发票申领并联办理，"
        "企业开办一日办结，全年累计办理1200件，平均用时不到1天。\n\n"
        "（二）项目审批“承诺即开工”\n复制第六批自贸试验区改革试点经验，区住房城乡建设委配合区发展改革委推行告知承诺制审批，"
        "企业作出承诺后即可先行开工，全年共办理承诺制审批40件，项目平均开工时间提前约两个月。\n"
    )
    assert _providers(text) == ["沙坪坝区市场监督管理局", "沙坪坝区发展和改革委员会"]


def test_a_note_naming_who_carries_it_out_is_no_part_of_the_provider() -> None:
    assert provider_unit("榆林市横山区人民政府（区行政审批服务局具体实施）", load_gazetteer()) == "榆林市横山区人民政府"


def test_a_street_office_by_its_own_name_takes_the_district_its_cases_bodies_resolve_to() -> None:
    mention = AgencyNameMention("区司法局", "岚山区司法局", "medium", None)  # type: ignore[arg-type]
    assert provider_in_full("虎山街道办事处", [mention]) == "日照市岚山区虎山街道办事处"
    other = AgencyNameMention("东港区商务局", "东港区商务局", "high", None)  # type: ignore[arg-type]
    assert provider_in_full("虎山街道办事处", [mention, other]) == "虎山街道办事处"  # two districts: which is not told


_SIGNED_BOOKLET = (
    "吴江区复制推广自贸试验区改革经验案例选编\n\n第一篇　企业开办“一日办结”\n\n"
    "　　区市场监管局复制第五批自贸试验区改革试点经验，将设立登记、公章刻制和发票申领并联办理，企业开办一日办结。"
    "全年累计办理1200件，平均用时不到1天。\n\n　　　　　　　　苏州市吴江区市场监督管理局\n\n"
    "第二篇　项目审批“承诺即开工”\n\n"
    "　　区发改委借鉴上海自贸试验区做法，对产业项目推行告知承诺制审批，企业作出承诺后即可先行开工。"
    "全年共办理承诺制审批40件，项目平均开工时间提前约两个月。\n\n　　　　　　　　苏州市吴江区发展和改革委员会\n\n"
    "（本选编所收案例由各报送单位提供）\n编印：中共苏州市吴江区委全面深化改革委员会办公室\n联系人：某某\n"
)


def test_a_booklets_colophon_is_not_its_last_cases_provider() -> None:
    assert _providers(_SIGNED_BOOKLET)[-1] == "苏州市吴江区发展和改革委员会"


def test_a_source_line_under_every_case_stays_the_last_cases_own() -> None:
    text = (
        "复制推广自贸试验区改革经验工作动态\n\n一、企业开办“一日办结”\n"
        "　　通过复制第五批自贸试验区改革试点经验，设立登记、公章刻制和发票申领并联办理，企业开办一日办结。"
        "全年累计办理1200件，平均用时不到1天。\n来源：滁州市市场监督管理局\n\n二、项目审批“承诺即开工”\n"
        "　　通过借鉴上海自贸试验区做法，对产业项目推行告知承诺制审批，企业作出承诺后即可先行开工。"
        "全年共办理承诺制审批40件，项目平均开工时间提前约两个月。\n来源：滁州市发展和改革委员会\n"
    )
    assert _providers(text) == ["滁州市市场监督管理局", "滁州市发展和改革委员会"]


_COUNTY_SUMMARY = (
    "岐山县2024年复制推广自贸试验区改革经验工作总结\n\n"
    "2024年，县自贸办对照清单推进改革经验复制推广，现将全年工作总结如下。\n\n"
    "一、主要工作\n（一）健全机制。成立工作专班，印发实施方案。\n（二）推动落地。全年复制推广改革事项30项，其中3项形成典型案例。\n\n"
    "二、典型案例\n"
    "（1）臊子面出口“检验+认证”一次办\n"
    "【牵头单位】县商务局\n"
    "借鉴湖北自贸试验区宜昌片区农产品出口经验，县商务局与西安海关合作，将出口前检验与原产地证签发合并办理。企业办证时间由3天缩短至半天。\n\n"
    "（2）劳动争议“线上调解”\n"
    "来源：复制推广国务院第六批自贸试验区改革试点经验\n"
    "县人社局联合县人民法院建立线上调解平台，争议案件平均办结时间缩短至12天。\n"
    "（成果提供：县人社局）\n\n"
    "（3）“川陕通办”社保转移接续\n【牵头单位】县医保局\n"
    "县医保局与重庆市大足区医疗保障局签订合作协议，实现医保关系转移网上办理。全年办理转移接续2600余件。\n\n"
    "三、存在问题\n部分事项宣传不够。\n"
)


def test_a_fields_clause_of_copying_is_no_provider_and_the_unit_field_under_it_is() -> None:
    providers = _providers(_COUNTY_SUMMARY)
    assert providers == ["岐山县商务局", "岐山县人力资源和社会保障局", "岐山县医疗保障局"]


def test_a_copying_clause_is_told_from_a_units_name() -> None:
    assert copying_clause("借鉴湖北自贸试验区宜昌片区经验")
    assert copying_clause("复制推广国务院第六批自贸试验区改革试点经验")
    assert copying_clause("宜昌片区首创")
    assert copying_clause("无（我县自主探索）")
    assert not copying_clause("岐山县农业技术推广中心")
    assert not copying_clause("宜昌片区管委会")


def test_a_county_summarys_level_only_bodies_are_the_countys_not_of_a_municipality_another_case_names() -> None:
    document = Document(id="p", path=Path("p.txt"), text=_COUNTY_SUMMARY, sha256="p")
    first = extract_document(document).cases[0]
    assert "岐山县商务局" in [agency.name for agency in first.agencies]


_AREA_BROCHURE = (
    "向新而行\n——湖北自贸试验区宜昌片区制度创新成果（2024）\n\n"
    "NO.01\n知识产权“保险+质押”融资\n【来源】宜昌片区首创\n"
    "【做法】片区推动保险机构为知识产权质押贷款提供履约保证保险。\n【数说】融资金额近2亿元\n"
    "成果提供：宜昌高新技术产业开发区市场监督管理局\n\n"
    "NO.02\n企业开办“全程网办”\n【来源】学习江苏自贸试验区苏州片区“一网通办”做法\n"
    "【做法】片区打通市场主体登记、公章刻制系统。\n【数说】开办时间压缩至0.5个工作日\n"
    "成果提供：宜昌高新技术产业开发区行政审批局\n"
)


def test_an_areas_own_claim_in_a_source_field_is_no_provider() -> None:
    assert _providers(_AREA_BROCHURE) == [
        "宜昌高新技术产业开发区市场监督管理局",
        "宜昌高新技术产业开发区行政审批局",
    ]


def test_a_bracketed_award_field_closing_the_case_names_its_provider() -> None:
    text = (
        "湖北自贸试验区襄阳片区2024年度“十佳”制度创新成果发布会\n（主持词，节选）\n\n"
        "【第一项】航空维修零部件“保税+维修”监管\n"
        "【颁奖词】片区把维修范围延伸到发动机核心部件，海关实施保税监管，维修周期由20天压缩至8天。\n"
        "【获奖单位】襄阳海关\n【主持人】有请颁奖嘉宾上台。\n\n"
        "【第二项】外籍旅客“即买即退”离境退税\n"
        "【颁奖词】复制推广国务院第六批自由贸易试验区改革试点经验，区税务局联合区商务局推行“即买即退”。\n"
        "【获奖单位】国家税务总局襄阳市襄州区税务局\n\n"
        "【第三项】进口药品“通关+检验”并联办理\n"
        "【颁奖词】这一做法源自第四批自贸试验区最佳实践案例，市药监局与海关将检验和查验改为并联，通关时间缩短60%。\n"
        "【获奖单位】湖北省药品监督管理局\n"
    )
    assert _providers(text) == ["襄阳海关", "国家税务总局襄阳市襄州区税务局", "湖北省药品监督管理局"]


def test_a_department_by_its_own_name_is_of_the_zone_committee_signing_the_document() -> None:
    text = (
        "宜昌高新区2024年复制推广自贸试验区改革经验工作总结\n"
        "（宜昌高新技术产业开发区管委会经济发展局  2024年7月5日）\n\n"
        "今年以来，高新区落地复制改革事项20项。\n\n二、典型做法\n"
        "典型做法1：“拿地即开工”审批模式。借鉴湖北自贸试验区武汉片区经验，管委会规划建设局提前介入方案审查。"
        "审批时限压缩至30个工作日以内。（规划建设局）\n"
        "典型做法2：“信易贷”融资服务。财政金融局牵头搭建“信易贷”平台，累计放款3.6亿元。（财政金融局）\n"
    )
    assert _providers(text) == [
        "宜昌高新技术产业开发区管委会规划建设局",
        "宜昌高新技术产业开发区管委会财政金融局",
    ]


def test_a_department_after_the_committees_own_word_names_the_committee_once() -> None:
    # issue #15, z30e: （管委会经发局供稿） in a zone committee's bulletin was prefixed with the committee a second time
    text = (
        "遂宁高新区工作简报\n2024年第3期\n遂宁高新区管委会党政办公室编\n\n"
        "◇ 企业开办“一窗通办”\n借鉴四川自贸试验区川南临港片区做法，企业开办压缩至1个工作日。\n（管委会经发局供稿）\n\n"
        "◇ 工程项目“预审代办”\n借鉴湖北自贸试验区武汉片区做法，项目审批提速一半。\n（规划建设局供稿）\n\n"
        "◇ 涉企事项“一次办”\n遂宁市商务局指导，政务服务中心借鉴浙江自贸试验区做法设立专窗。\n（政务服务中心供稿）\n"
    )
    # a bare service hall in a zone committee's bulletin is the zone's own, not its city's
    assert _providers(text) == [
        "遂宁高新区管委会经发局",
        "遂宁高新区管委会规划建设局",
        "遂宁高新技术产业开发区政务服务中心",
    ]
