"""Cases written as entries whose title runs into their text (graph/extract/_split_entries.py): a yearbook's
【title】text paragraphs, a chronicle's M月D日　text lines, a reply's 其一，“title”。text paragraphs. Only the entries
that copy a reform are cases, each provided by the subject of its first sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from ftzgraph.graph.errors import NoCasesError
from ftzgraph.graph.extract._split_entries import copies_reform, first_subject, reform_name
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.layout import detect_layout
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document
from ftzgraph.graph.sources.read import read_document

UNSEEN = Path(__file__).parent / "data" / "unseen"

YEARBOOK = """某市年鉴（2024）

对外开放

自贸试验区改革试点经验复制推广

【概况】2023年，全市复制推广自贸试验区改革试点经验38项，涉及投资、贸易、金融和政务服务等领域。

【工作机制】市商务局牵头建立复制推广工作机制，组织各区赴外地学习借鉴先进经验，按季度通报进展。

【某市港】2023年，某市港完成集装箱吞吐量150万标箱，复制推广“船边直提”作业模式，作业效率提升30%。

【“一业一证”改革】2023年，甲区借鉴上海自贸试验区“一业一证”改革经验，在12个行业推行一证准营，申请材料由30份压减至8份。

【进口货物“两段准入”】　3月，乙海关复制推广“两段准入”监管模式，对进口矿产品实施先放后检，通关时间缩短至8小时。

【第三届国际装备博览会】9月，第三届国际装备博览会举办，来自20个国家的300家企业参展，签约项目30个。

【出口退税“无纸化”】年内，国家税务总局某市税务局借鉴浙江自贸试验区经验，实现出口退税全程网上办理，平均办理时间压缩至3个工作日。

（撰稿：张某　审稿：李某）
"""

CHRONICLE = """首页 > 政务公开 > 大事记

某市商务局2023年大事记

发布时间：2024-01-15　来源：某市商务局

1月

　　1月10日　市商务局召开全市复制推广自贸试验区改革试点经验工作会议，学习上海自贸试验区“证照分离”经验。

　　1月20日　市政府办公室印发《某市复制推广自由贸易试验区改革试点经验工作方案》，明确复制推广事项60项。

　　1月28日　甲海关推出市场采购贸易“组货人备案+快速验放”监管模式，借鉴浙江自贸试验区经验，平均通关时间压缩40%。

3月

　　3月8日　外省商务部门考察团来某市考察交流复制推广自贸试验区经验工作。

　　3月20日　乙区借鉴广东自贸试验区经验，推出企业开办一窗通办服务，企业开办时间由3天压缩至4小时，全年新设企业2100家。

　　3月29日　某市综合保税区管委会复制推广天津自贸试验区“保税+展示交易”经验，全年实现保税展示交易额3.5亿元。

12月

　　12月28日　全年累计复制推广自贸试验区改革试点经验52项，复制推广率达90%。
"""

REPLY = """留言标题：建议加快复制推广自贸试验区改革经验
留言人：王先生
留言内容：请问我市复制了哪些自贸试验区的做法？
办理单位：某市商务局
回复内容：
王先生：您好！近年来，我市推动一批改革经验落地见效，现择要介绍如下。
其一，“企业开办‘零成本’”。甲区借鉴四川自贸试验区经验，为新开办企业免费刻制公章、免费邮寄证照，全年节约成本520万元。
其二，“出口货物‘铁路快通’”。
乙海关复制推广“铁路快通”监管模式，出口货物在本地完成申报查验后直接运抵口岸出境，通关时间由2天缩短至6小时。
其三，“不动产登记‘带押过户’”。市自然资源和规划局复制推广浙江自贸试验区经验，交易周期由30天缩短至3天，全年办理1260件。
感谢您的来信！
某市商务局
追问：请问如何申请“带押过户”？
答复：可向办理贷款的银行咨询，具体流程以窗口告知为准。
"""


def _document(text: str) -> Document:
    return Document(id="x", path=Path("x.txt"), text=text, sha256="")


def _providers(text: str) -> list[str | None]:
    return [case.provider for case in extract_document(_document(text), load_gazetteer()).cases]


def test_a_yearbooks_reform_entries_are_its_cases_and_its_other_entries_none() -> None:
    cases = split_cases(_document(YEARBOOK)).cases
    assert [c.title for c in cases] == ["“一业一证”改革", "进口货物“两段准入”", "出口退税“无纸化”"]
    assert all(c.text.count("\n") == 0 for c in cases)  # one paragraph each: no furniture, no next entry
    assert "撰稿" not in cases[-1].text


def test_entries_a_converter_wrapped_onto_short_lines_are_read_whole() -> None:
    wrapped = "\n".join(
        line[k : k + 30] for line in YEARBOOK.splitlines() if line.strip() for k in range(0, len(line), 30)
    )
    cases = split_cases(_document(wrapped)).cases
    assert [c.title for c in cases] == ["“一业一证”改革", "进口货物“两段准入”", "出口退税“无纸化”"]
    assert cases[0].text.endswith("减至8份。") and "撰稿" not in cases[-1].text  # the closing note is none of it


def test_a_bold_lead_is_read_as_a_plain_one() -> None:
    bold = YEARBOOK.replace("【“一业一证”改革】", "**【“一业一证”改革】**").replace("【进口货物", "**【进口货物")
    bold = bold.replace("“两段准入”】", "“两段准入”】**")
    titles = [c.title for c in split_cases(_document(bold)).cases]
    assert titles == ["“一业一证”改革", "进口货物“两段准入”", "出口退税“无纸化”"]


def test_each_entrys_provider_is_the_subject_of_its_first_sentence() -> None:
    assert _providers(YEARBOOK) == ["甲区", "乙海关", "国家税务总局某市税务局"]
    assert _providers(REPLY)[:2] == ["甲区", "乙海关"]  # not the replying bureau


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("3月，乙海关复制推广“两步申报”通关模式，", "乙海关"),
        ("为破解企业跨区域经营中反复提交材料、多头跑腿的难题，甲区借鉴浙江自贸试验区经验，", "甲区"),  # a long clause
        ("2023年，在省商务厅的指导下，乙海关复制推广“两步申报”，", "乙海关"),  # who guided it acts not
        ("借鉴上海自贸试验区经验，推出“一网通办”。甲区全年办理1万件。", None),  # the first sentence names none
    ],
)
def test_the_subject_of_an_entrys_first_sentence(text: str, subject: str | None) -> None:
    found = first_subject(text, 0)
    assert (found[0] if found else None) == subject


def test_a_yearbook_section_on_copying_is_no_batch_notice() -> None:
    assert detect_layout(_document(YEARBOOK)).name == "case_collection"


def test_a_chronicles_entries_that_copy_a_reform_are_cases_titled_by_the_reform() -> None:
    cases = split_cases(_document(CHRONICLE)).cases
    assert [c.title for c in cases] == [
        "市场采购贸易“组货人备案+快速验放”监管模式",  # after its own verb, not the copied zone's
        "企业开办一窗通办服务",  # unquoted after 推出
        "保税+展示交易",  # quoted after the verb of copying, without the zone and 经验
    ]
    assert [c.number for c in cases] == [1, 2, 3]


def test_a_replys_ordinal_paragraphs_are_cases_and_the_follow_up_none() -> None:
    cases = split_cases(_document(REPLY)).cases
    assert [c.title for c in cases] == ["企业开办‘零成本’", "出口货物‘铁路快通’", "不动产登记‘带押过户’"]
    assert "铁路快通”监管模式" in cases[1].text  # a title alone on its line: the paragraph under it is the text
    assert "感谢" not in cases[2].text and "追问" not in cases[2].text


@pytest.mark.parametrize(
    ("text", "copies"),
    [
        ("甲区借鉴上海自贸试验区“一业一证”改革经验，推行一证准营。", True),
        ("乙海关复制推广跨境人民币结算便利化经验，单笔业务办理时间压缩至20分钟。", True),
        ("全年复制推广自贸试验区改革试点经验46项，复制推广率居全省前列。", False),  # the totals
        ("市商务局牵头建立复制推广工作机制，组织各区赴外地学习借鉴先进经验。", False),  # the work in general
        ("市政府办公室印发《某市复制推广浙江自贸试验区改革经验方案》，明确任务。", False),  # a document's title
        ("市商务局召开会议，学习上海自贸试验区“证照分离”经验。", False),  # an event
        # a national batch copied in general, the practice made of it named after a naming verb: a reform
        ("甲区复制推广国务院第2批自由贸易试验区改革试点经验，推出外贸企业“开办+退税”一件事服务。", True),
        ("乙海关复制推广国务院第5批自由贸易试验区改革试点经验，对进口矿产品推行先放后检，通关压缩3天。", True),
        ("丙区复制推广国务院第6批自由贸易试验区改革试点经验，全年复制推广28项。", False),  # a batch and its count
        ("丁区复制推广国务院第6批自由贸易试验区改革试点经验，全区营商环境持续优化。", False),  # nothing launched
        ("戊区管委会推出保税维修“一次备案、全年通用”，企业凭一次备案开展维修。", True),  # its own, none copied
        ("市商务局印发《复制推广改革试点经验工作方案》，推出“自贸联动”十项举措。", False),  # a work plan
    ],
)
def test_an_entry_copies_a_reform_when_it_names_the_practice_it_copied(text: str, copies: bool) -> None:
    assert copies_reform(text) is copies


YEARBOOK_QUOTED = """某市年鉴（2024）

【概况】2023年，全市复制推广自贸试验区改革试点经验41项，累计达213项。

【食品经营许可“告知承诺+容缺受理”】市市场监管局复制推广国务院第六批自由贸易试验区改革试点经验，对材料暂缺的申请实行容缺受理，当场发证。全年办理食品经营许可3860件。

【跨境电商“1210”监管】甲综合保税区管委会学习河南自贸试验区郑州片区跨境电商“1210”监管模式，实现两种模式同场监管，全年进出口额5.8亿元。

【白酒产业知识产权“快保护”】赤水市在全省率先建立白酒产业知识产权快速维权机制，维权平均周期由90天左右缩短至30天以内。

【“自贸联动”宣传月】5月，市商务局举办“自贸联动”宣传月活动，发放宣传资料2万份，覆盖企业300余家。
"""


def test_a_yearbook_entry_titled_by_a_quoted_practice_is_a_case_whether_copied_in_general_or_its_own() -> None:
    # failure named: a national batch copied in general (改革试点经验) or a county's own first read as no reform, so
    # the entry was dropped and the next entry's title cut at the wrong place
    cases = split_cases(_document(YEARBOOK_QUOTED)).cases
    assert [c.title for c in cases] == [
        "食品经营许可“告知承诺+容缺受理”",
        "跨境电商“1210”监管",
        "白酒产业知识产权“快保护”",
    ]  # the event under a quoted title (举办…活动) is none
    assert _providers(YEARBOOK_QUOTED)[2] == "赤水市"


def test_a_chronicle_entry_copying_a_national_batch_is_titled_by_the_practice_it_launches() -> None:
    chronicle = CHRONICLE.replace(
        "3月\n",
        "3月\n\n　　3月15日　丙区复制推广国务院第2批自由贸易试验区改革试点经验，推出外贸企业“开办+备案+退税”"
        "一件事集成服务，区商务局进驻专区，办理时间由10个工作日缩短至2个工作日。\n",
    )
    titles = [c.title for c in split_cases(_document(chronicle)).cases]
    assert titles[:2] == ["市场采购贸易“组货人备案+快速验放”监管模式", "外贸企业“开办+备案+退税”一件事集成服务"]
    assert len(titles) == 4  # the entries after it keep their own titles


def test_the_reform_a_chronicle_entry_names() -> None:
    assert reform_name("人民银行某市中心支行复制推广跨境人民币结算便利化经验，惠及企业36家。") == "跨境人民币结算便利化"
    assert reform_name("丙区复制推广广东自贸试验区南沙片区“保税维修”经验，完成货值4亿元。") == "“保税维修”"
    # 推广 inside 复制推广 copies: the entry's own reform is the one it goes on to launch
    launched = reform_name("丁海关复制推广X片区“港区联动”经验，推行进口货物“水运转关”模式，节省1天。")
    assert launched == "进口货物“水运转关”模式"
    # a practice copied itself (a 模式, not another zone's 经验) is the reform, whatever it is carried out as
    copied = reform_name("戊海关复制推广“两段准入”监管模式，在港口对进口粮食实施“附条件提离”，通关时间压缩一半。")
    assert copied == "“两段准入”监管模式"


def test_a_scripts_recurring_cues_and_a_single_cases_sections_are_no_entries() -> None:
    script = "\n".join(
        f"【解说】{who}借鉴上海自贸试验区“{name}”经验，推行{name}，办理时间压缩{n}0%，惠及企业{n}00家，群众满意。"
        for n, (who, name) in enumerate([("甲区", "一业一证"), ("乙区", "证照分离"), ("丙区", "带押过户")], 1)
    )
    assert len(split_cases(_document("某台电视专题片\n\n" + script)).cases) != 3
    sections = (
        "甲区“一业一证”改革\n\n【主要做法】甲区借鉴上海自贸试验区“一业一证”改革经验，整合行业许可，推行一证准营，材料压减70%。\n\n"
        "【经验来源】甲区学习浦东新区“一业一证”改革做法，在便利店、健身房等12个行业试点，审批时限压缩85%。\n"
    )
    assert len(split_cases(_document(sections)).cases) <= 1


@pytest.mark.parametrize(
    "name",
    [
        "zhuzhou-yearbook",
        "shaoxing-yearbook",
        "jining-chronicle",
        "mianyang-mailbox",
        "yancheng-nianjian",
        "nanyang-dashiji",
    ],
)
def test_held_out_entry_collections_are_split_into_their_four_cases(name: str) -> None:
    cases = split_cases(read_document(UNSEEN / f"{name}-collection.txt")).cases
    assert len(cases) == 4


def test_a_yearbook_section_of_figures_with_no_reform_entry_holds_no_case() -> None:
    with pytest.raises(NoCasesError):
        extract_document(read_document(UNSEEN / "deyang-yearbook-noncollection.txt"), load_gazetteer())


BRIEFING = """某市政务信息
第5期

某市三项改革举措落地见效

　　今年以来，全市复制推广改革试点经验80项。现将三项举措摘报如下。
　　一是进口冷链食品“预约查验”上线。某海关借鉴天津自贸试验区做法，会同市商务局为冷链企业开通线上预约通道，企业可提前选择查验时段，查验等待时间由6小时缩短至2小时。
　　二是不动产登记“带押过户”全面推开。甲区复制推广国务院第七批自由贸易试验区改革试点经验，区自然资源局联合辖内银行推行带押过户，办理时间压缩至1天，已办理120件。
　　三是企业开办“一日办结”。乙县借鉴上海自贸试验区经验，县市场监督管理局整合登记、刻章、申领发票等环节，新设企业同比增长20%。

报：市委、市政府领导
"""


def test_a_briefings_ordinal_paragraphs_are_cases_titled_by_their_first_sentence() -> None:
    """一是title。X…: each run-in paragraph names a reform in its first sentence, its body in the next; the
    ordinals run once, so they are cases, not the steps of one."""
    cases = split_cases(Document(id="b", path=Path("b.txt"), text=BRIEFING, sha256="b")).cases
    assert [case.title for case in cases] == [
        "进口冷链食品“预约查验”上线",
        "不动产登记“带押过户”全面推开",
        "企业开办“一日办结”",
    ]


def test_ordinals_that_start_again_are_steps_inside_cases_not_cases() -> None:
    text = BRIEFING.replace("三是企业开办", "一是企业开办")
    titles = [c.title for c in split_cases(Document(id="b", path=Path("b.txt"), text=text, sha256="b")).cases]
    assert "企业开办“一日办结”" not in titles


KEPT_FORMS = """某甲市复制推广改革试点经验典型做法汇编

一、跨境电商“一站通关”
报送单位：某甲市商务局
主要做法：市商务局借鉴天津自贸试验区做法，建设跨境电商公共服务平台。
工作成效：全市跨境电商进出口额达到5.6亿元，同比增长40%。

二、企业注销“一网办”（某乙区人民政府）
某乙区学习借鉴上海自贸试验区做法，企业注销实行一网申请、并联办理，办理时间由20天缩短至5天，已为312家企业办理注销。

三、工程项目“拿地即开工”
——某丙开发区管委会
近年来，开发区借鉴国务院第四批改革试点经验，推行工业项目“拿地即开工”，主要做法如下：
一是区域评估先行。开发区对8个评估事项开展区域评估，已完成评估面积1.2万亩。
二是“标准地”出让。出让前明确投资强度等指标，已出让“标准地”26宗。
三是承诺制审批。企业承诺后当场核发许可，审批时间由4个月缩短至1天。
"""


def test_one_cases_own_steps_are_no_entries_of_their_own() -> None:
    """一是…三是 under the third of three headings, after that case's lead-in paragraph, each reporting a figure:
    the steps of one case, however its neighbours are written (labels, a bracketed provider), not three cases."""
    titles = [case.title for case in split_cases(_document(KEPT_FORMS)).cases]
    assert titles == ["跨境电商“一站通关”", "企业注销“一网办”", "工程项目“拿地即开工”"]
