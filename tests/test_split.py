"""Splitting collections into cases: the bundled document and small hand-made layouts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _dev_scoring import score_collection
from hypothesis import given, settings
from hypothesis import strategies as st

from ftzgraph.graph.extract._split_titles import BOX_LABEL_RE, clean_title
from ftzgraph.graph.extract.provider import provider_line
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document
from ftzgraph.graph.sources.read import read_document


def doc(text: str) -> Document:
    return Document(id="t", path=Path("t.txt"), text=text, sha256="x")


def test_bundled_document_gives_all_table_rows_as_cases(bundled_path: Path, gold_cases: dict[int, Any]) -> None:
    result = split_cases(read_document(bundled_path))
    assert len(result.table) == 28
    assert [c.number for c in result.cases] == list(range(1, 29))
    assert result.warnings == []
    for case in result.cases:
        expected = gold_cases[case.number]
        assert case.heading.line == expected["line"], case.title
        assert case.table_row is not None


def test_titles_match_the_section_headings(bundled_path: Path, gold_cases: dict[int, Any]) -> None:
    from ftzgraph.graph.text import title_key

    for case in split_cases(read_document(bundled_path)).cases:
        assert title_key(case.title) == title_key(gold_cases[case.number]["title"])


def test_cases_without_marker_take_their_number_from_the_table() -> None:
    text = (
        "序号\t案例名称\t提供单位\n1\t“甲改革”复制推广典型案例\tA市\n2\t“乙改革”复制推广典型案例\tB市\n\n"
        "## 案例 1\n\n# “甲改革”复制推广典型案例\n\n(A市提供)\n\n正文一。\n\n"
        "## “乙改革” 复制推广典型案例\n\n( B市提供 )\n\n正文二。\n"
    )
    cases = split_cases(doc(text)).cases
    assert [(c.number, c.title) for c in cases] == [(1, "甲改革"), (2, "乙改革")]
    assert [provider_line(c)[0] for c in cases if provider_line(c)] == ["A市", "B市"]


def test_truncated_document_keeps_parsed_cases_and_reports_the_rest() -> None:
    text = (
        "序号\t案例名称\t提供单位\n1\t“甲改革”复制推广典型案例\tA市\n2\t“乙改革”复制推广典型案例\tB市\n\n"
        "## 案例 1\n\n# “甲改革”复制推广典型案例\n\n(A市提供)\n\n正文一被截"
    )
    result = split_cases(doc(text))
    assert [c.title for c in result.cases] == ["甲改革"]
    assert any("row 2" in w and "no case section" in w for w in result.warnings)


def test_collection_without_table_uses_markers_and_other_provider_forms() -> None:
    text = "案例一\n“丙改革”复制推广典型案例\n报送单位：C市\n正文。\n案例二：丁改革\n丁市提供\n正文。\n"
    cases = split_cases(doc(text)).cases
    assert [(c.number, c.title) for c in cases] == [(1, "丙改革"), (2, "丁改革")]
    assert provider_line(cases[0])[0] == "C市"
    assert provider_line(cases[1])[0] == "丁市"


def test_title_differences_between_table_and_section_are_reported() -> None:
    text = (
        "序号\t案例名称\t提供单位\n1\t“推行全通版许可证”复制推广典型案例\tA市\n\n"
        "# “推行‘全通版’许可证办理模式” 复制推广典型案例\n\n(A市提供)\n"
    )
    case = split_cases(doc(text)).cases[0]
    assert case.number == 1
    assert any("differs from the summary table" in w for w in case.warnings)


def test_clean_title_strips_marks_quotes_and_suffix() -> None:
    assert clean_title("# “建设项目模式” 复制推广典型案例") == "建设项目模式"
    assert clean_title("## 案例3：甲乙丙") == "甲乙丙"
    assert clean_title("企业“套餐式”注销服务模式 复制推广典型案例") == "企业“套餐式”注销服务模式"


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_splitter_never_crashes_on_mutated_text(bundled_path: Path, data: st.DataObject) -> None:
    text = read_document(bundled_path).text
    start = data.draw(st.integers(0, len(text) - 1))
    length = data.draw(st.integers(0, 2000))
    junk = data.draw(st.text(max_size=50))
    mutated = text[:start] + junk + text[start + length :]
    result = split_cases(doc(mutated))
    for case in result.cases:
        assert 0 <= case.start <= case.end <= len(mutated)


def test_a_heading_wrapped_at_any_character_is_one_case() -> None:
    """A long PDF wraps CJK headings anywhere: before the suffix, inside it, or inside a quoted title."""
    text = (
        "正文前言。\n"
        "案例 1\n“甲乙丙丁戊己庚辛壬癸改革\n” 复制推广典型案例\n(A市提供)\n正文一。\n"
        "案例 2\n“子丑寅卯‘辰巳’\n午未申酉改革”复制推广典型案例\n(B市提供)\n正文二。\n"
        "案例 3\n“天地玄黄改革”复制\n推广典型案例\n(C市提供)\n正文三。\n"
        "“宇宙洪荒改革”复制推广典型案\n例\n(D市提供)\n正文四。\n"
    )
    cases = split_cases(doc(text)).cases
    assert [c.title for c in cases] == [
        "甲乙丙丁戊己庚辛壬癸改革",
        "子丑寅卯‘辰巳’午未申酉改革",
        "天地玄黄改革",
        "宇宙洪荒改革",
    ]
    assert [provider_line(c)[0] for c in cases if provider_line(c)] == ["A市", "B市", "C市", "D市"]


NUMBERED_MARKERS_WITH_CONTENTS = """某省自贸试验区典型案例汇编

目　　录

典型案例1　船舶“一次查验” ………………………… 1
典型案例2　科创企业“质押直通车” ………………… 3

典型案例1
船舶“一次查验”
（甲港片区）

一、改革背景
船舶进出境需分别接受多个部门查验。
二、主要做法
海关会同海事部门一次登临、同步作业。
三、实践成效
查验时间缩短至1.5小时。

典型案例2
科创企业“质押直通车”
（乙谷片区）

一、改革背景
科技型企业缺抵押。
二、主要做法
搭建知识产权质押一站式平台。
三、实践成效
累计发放贷款45亿元。
"""


def test_a_typical_case_marker_alone_over_its_title_competes_with_no_contents_line() -> None:
    """典型案例N alone on a line (the number after the word) opens the case whose title is below it; the contents
    lines repeating the markers open none, and （X片区） under the title names the provider (z17a)."""
    cases = split_cases(Document(id="x", path=Path("x.txt"), text=NUMBERED_MARKERS_WITH_CONTENTS, sha256="x")).cases
    assert [(c.number, c.title, (provider_line(c) or (None,))[0]) for c in cases] == [
        (1, "船舶“一次查验”", "甲港片区"),
        (2, "科创企业“质押直通车”", "乙谷片区"),
    ]


THEME_PARTS = """某省自贸试验区制度创新案例

第一部分　贸易投资便利化

1．进口零部件“保税研发”
报送单位：甲片区管委会
【改革内容】海关对研发用零部件实行保税监管。
【实践效果】资金占用减少1.2亿元。

2．外资企业“跨境通办”
报送单位：乙片区管委会
【改革内容】市场监管部门设立跨境服务点。
【实践效果】办理时间缩短至3个工作日。

第二部分　金融服务创新

1．科技企业“贷投联动”
报送单位：甲片区管委会
【改革内容】银行对推荐企业批量授信。
【实践效果】累计提供贷款68亿元。
"""


def test_numbering_restarting_in_each_theme_part_numbers_the_cases_in_order() -> None:
    """第一部分 / 第二部分 by theme (no place, so no group) with 1．2． afresh in each: cases 1, 2, 3 (z17a)."""
    cases = split_cases(Document(id="x", path=Path("x.txt"), text=THEME_PARTS, sha256="x")).cases
    assert [(c.number, (provider_line(c) or (None,))[0]) for c in cases] == [
        (1, "甲片区管委会"),
        (2, "乙片区管委会"),
        (3, "甲片区管委会"),
    ]


PLACED_CONTENTS = """某省自贸试验区改革经验汇编

一、甲港片区：跨境金融“一站通”服务 ………………………… 1
二、乙州片区：海铁联运“一箱到底” ………………………… 2

一、甲港片区：跨境金融“一站通”服务
甲港片区推行跨境金融一站式服务，办理时间缩短50%。

二、乙州片区：海铁联运“一箱到底”
乙州片区推行海铁联运一箱到底，物流成本下降20%。
"""


def test_contents_lines_of_placed_headings_open_no_case() -> None:
    """一、X片区：title……1 in a contents list repeats a heading that names its provider; only the body's open cases."""
    cases = split_cases(Document(id="x", path=Path("x.txt"), text=PLACED_CONTENTS, sha256="x")).cases
    assert [(c.number, c.title) for c in cases] == [(1, "跨境金融“一站通”服务"), (2, "海铁联运“一箱到底”")]


def test_a_contents_line_that_lost_its_leaders_opens_no_case() -> None:
    """案例一：title<TAB>3, a Word contents line copied without its dot leaders, repeats the heading: no case (z17a)."""
    text = NUMBERED_MARKERS_WITH_CONTENTS.replace(" ………………………… 1", "\t1").replace(" ………………… 3", "\t3")
    assert "\t3" in text
    cases = split_cases(Document(id="x", path=Path("x.txt"), text=text, sha256="x")).cases
    assert [c.title for c in cases] == ["船舶“一次查验”", "科创企业“质押直通车”"]


def test_a_theme_part_heading_is_no_part_of_the_case_above_it() -> None:
    """第二部分　金融服务创新 closes case 2 as a place group heading would (z17a)."""
    cases = split_cases(Document(id="x", path=Path("x.txt"), text=THEME_PARTS, sha256="x")).cases
    assert "第二部分" not in cases[1].text and cases[1].text.rstrip().endswith("3个工作日。")


MIXED_PROVIDERS = """某省自贸试验区制度创新成果复制推广典型案例

目　　录

第一部分　贸易便利化
1．保税维修“一次备案”（甲市）\t1
2．进口食品“预约查验”（乙市）\t3
第二部分　金融服务
1．出口信保“保单融资”（丙市）\t5

第一部分　贸易便利化

1．保税维修“一次备案”（甲市）
　　一、主要做法
　　甲市商务局会同海关推行保税维修一次备案。
　　二、取得成效
　　维修周期缩短40%。

2．进口食品“预约查验”
报送单位：乙市商务局
　　一、主要做法
　　乙市海关开设预约查验通道。
　　二、取得成效
　　查验时间压缩至6小时。

第二部分　金融服务

1．出口信保“保单融资”
报送单位：丙市地方金融管理局
　　一、主要做法
　　丙市地方金融管理局会同银行推出保单融资。
　　二、取得成效
　　累计融资5.6亿元。
"""


def test_headings_of_one_style_naming_their_provider_in_a_bracket_or_a_line_below_are_all_cases() -> None:
    """1．title（甲市） and 1．title over 报送单位：Y in one collection: neither form alone is the family (z17e)."""
    cases = split_cases(doc(MIXED_PROVIDERS)).cases
    assert [(c.number, c.title, (provider_line(c) or (None,))[0]) for c in cases] == [
        (1, "保税维修“一次备案”", "甲市"),
        (2, "进口食品“预约查验”", "乙市商务局"),
        (3, "出口信保“保单融资”", "丙市地方金融管理局"),
    ]
    assert "报送单位：乙市商务局" not in cases[0].text


def test_a_collection_title_ending_in_the_case_suffix_is_no_case_over_numbered_headings() -> None:
    """…复制推广典型案例 as the document's first line heads the collection, not a case, when its headings are of
    another layout (z17e)."""
    cases = split_cases(doc(MIXED_PROVIDERS)).cases
    assert cases and cases[0].heading.line != 1 and len(cases) == 3


def test_a_one_case_document_titled_with_the_case_suffix_stays_one_case() -> None:
    text = (
        "甲市保税维修“一次备案”复制推广典型案例\n\n一、主要做法\n甲市商务局会同海关推行保税维修一次备案。\n"
        "二、取得成效\n维修周期缩短40%。\n"
    )
    cases = split_cases(doc(text)).cases
    assert [c.title for c in cases] == ["甲市保税维修“一次备案”"]


@pytest.mark.parametrize(
    "name", ["shandong-themeparts-collection", "tianjin-themeparts-collection", "guangxi-themeparts-collection"]
)
def test_every_case_of_a_held_out_theme_parts_collection_with_mixed_providers_is_found(name: str) -> None:
    score = score_collection(name)
    assert (score.found, score.provider) == (score.cases, score.cases), score.misses


def test_a_zero_padded_marker_alone_opens_the_case_titled_by_the_next_line() -> None:
    """A PDF booklet's 01 / title / provider (issue #15, helper z17i): the title is the line under the marker."""
    text = (
        "某省自贸试验区成果汇编\n\n目  录\n01  进口冷链“一码通” ……… 2\n02  航运企业“一照多址” ……… 3\n\n"
        "01\n进口冷链“一码通”\n宁波海关\n改革背景\n冷链货物查验环节多。\n主要做法\n宁波海关实行一码通查。\n\n"
        "02\n航运企业“一照多址”\n舟山市市场监督管理局\n改革背景\n手续多。\n主要做法\n实行一照多址登记。\n"
    )
    document = Document(id="m", path=Path("m.txt"), text=text, sha256="m")
    assert [(c.number, c.title) for c in split_cases(document).cases] == [
        (1, "进口冷链“一码通”"),
        (2, "航运企业“一照多址”"),
    ]


WHITE_PAPER = """某市人民法院服务保障自贸试验区建设白皮书

目　　录
一、基本情况
二、主要举措
三、司法服务创新实践
四、工作展望

一、基本情况
　　本院共受理涉自贸试验区案件2万件。

二、主要举措
　　（一）强化专业化建设。（二）完善多元解纷机制。

三、司法服务创新实践
　　本部分选取本院2项创新实践。

创新实践之一　涉外商事纠纷“诉调仲”一站式解决
（承办部门：本院立案庭）
　　本院设立涉外商事纠纷解决平台，调解成功率由35%提升至62%。

创新实践之二　知识产权纠纷“快立快审”
（承办部门：本院民三庭）
　　审理周期由75天缩短至30天。

四、工作展望
　　本院将继续加强涉外审判。
"""


def test_a_word_with_its_ordinal_marks_the_cases_under_a_contents_list_of_parts() -> None:
    """创新实践之N　title opens case N; the contents list above names the paper's parts, so its lines (一、基本情况)
    are no cases, though each recurs as a heading below it."""
    cases = split_cases(doc(WHITE_PAPER)).cases
    assert [(c.number, c.title) for c in cases] == [
        (1, "涉外商事纠纷“诉调仲”一站式解决"),
        (2, "知识产权纠纷“快立快审”"),
    ]
    assert "工作展望" not in cases[1].text


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("✦ 外贸综合服务“一窗通” ✦", "外贸综合服务“一窗通”"),
        ("★跨境结算“秒到账”★", "跨境结算“秒到账”"),
        ("通关“零延时” 🚢", "通关“零延时”"),
    ],
)
def test_a_headings_closing_symbols_are_no_part_of_its_title(heading: str, title: str) -> None:
    """(issue #15, helper z25a) A leaflet's ✦ title ✦: the mark closing the heading is furniture; a symbol inside the
    words (进口→出口) stays."""
    assert clean_title(heading) == title
    assert clean_title("进口→出口“一站办”") == "进口→出口“一站办”"


PARTS_LIST = """某市中级人民法院
服务保障自贸试验区建设工作报告

目　录
一、总体情况
二、创新举措
三、下一步工作

一、总体情况
　　本院围绕自贸试验区建设，持续优化涉企审判服务。

二、创新举措
　　本部分介绍本院三项创新举措。

❖ 涉企纠纷“一码解纷”
（牵头部门：本院诉讼服务中心）
　　当事人扫码即可在线申请调解、立案和查询进度，市司法局派驻调解员入驻线上平台，全年化解纠纷300余件。

❖ 破产案件“府院联动”
（牵头部门：本院民事审判第二庭）
　　本院与市人民政府建立破产处置府院联动机制，协调解决破产企业税费、信用修复等问题，审结破产案件12件。

❖ 知识产权“快保护”
（牵头部门：本院知识产权审判庭）
　　本院会同市市场监督管理局建立知识产权纠纷诉前调解衔接机制，调解周期缩短至15天。

三、下一步工作
　　本院将继续深化自贸试验区司法保障。
"""


def test_a_contents_list_of_parts_over_a_marked_family_of_reforms_lists_no_cases() -> None:
    """(issue #15, helper z25a) The list names the report's parts (总体情况, 下一步工作); the ❖ headings, none of them
    listed and each naming a reform, are the cases, whose units (a court's 审判第二庭) open their text."""
    cases = split_cases(doc(PARTS_LIST)).cases
    assert [c.title for c in cases] == ["涉企纠纷“一码解纷”", "破产案件“府院联动”", "知识产权“快保护”"]


ATTACHED_TITLE = """某市人民政府办公室
关于印发某市改革经验典型案例的通知

各县、区人民政府：
　　现将《某市改革经验典型案例》印发给你们，请结合实际学习借鉴。

某市人民政府办公室
2024年9月12日

某市复制推广自贸试验区改革经验典型案例

◇ 食品经营许可“证照联办”

甲市市场监督管理局复制推广国务院第六批自由贸易试验区改革试点经验，将食品经营许可与营业执照合并办理，办理时限由15个工作日压缩至3个工作日。

◇ 外贸企业“首贷户”培育

乙县借鉴某片区经验，建立外贸企业首贷户培育清单，指导银行开展授信，累计发放首贷1.2亿元。

◇ 进境木材“检疫+监管”一体化

丙海关复制推广国务院第五批自由贸易试验区改革试点经验，对进境木材实行一体化监管，通关时间由3天缩短至1天。
"""


def test_an_attachments_title_with_the_case_suffix_is_no_case_over_the_cases_below() -> None:
    """(issue #15, helper z25a) One heading ending in 典型案例 under a notice is the attachment's own title: the
    family of marked cases below it is the split."""
    titles = [c.title for c in split_cases(doc(ATTACHED_TITLE)).cases]
    assert titles == ["食品经营许可“证照联办”", "外贸企业“首贷户”培育", "进境木材“检疫+监管”一体化"]


def test_a_headings_provider_in_brackets_may_carry_the_bodys_other_name_in_brackets() -> None:
    text = """某市人民政府关于推荐制度创新案例的请示

省改革办：现将我市及周边县案例报告如下。

一、咖啡“保税加工”（报送单位：甲县人民政府）
甲县借鉴自贸试验区经验推行咖啡保税加工，加工周期由20天缩短至5天，全年加工咖啡豆800吨。

二、渔船“多证合一”（报送单位：某市海洋与渔业局（现为某市海洋和渔业局））
市海洋和渔业局将渔船登记等5类证照整合办理，办证时间由15个工作日缩短到3个工作日。

三、民宿“一证准营”（报送单位：乙县旅游和文化广电体育局）
乙县旅文局借鉴自贸试验区经验推行民宿一证准营，审批时间由20天压缩至5天。

妥否，请批示。
"""
    cases = split_cases(Document(id="q", path=Path("q.txt"), text=text, sha256="q")).cases
    assert [c.title for c in cases] == ["咖啡“保税加工”", "渔船“多证合一”", "民宿“一证准营”"]


def test_an_assessments_item_marker_heads_a_case_with_its_unit_in_brackets() -> None:
    """评估对象一【X】title / 评价事项2〔X〕title: the item word and its ordinal mark the case; the bracket before the
    title names its unit and is no part of its title."""
    text = (
        "某市改革事项第三方评估报告\n\n一、评估概述\n　　本次评估选取2项事项。\n\n"
        "评价事项1〔某市市场监督管理局〕食品经营许可“告知承诺”\n　　得分：90分\n"
        "　　评估发现：市市场监管局推行告知承诺，办理时间由20天缩短至1天。\n\n"
        "评价事项2【某区人民政府】工业用地“标准地”出让\n　　得分：80分\n"
        "　　评估发现：区自然资源局推行标准地出让，开工时间由180天缩短至60天。\n"
    )
    cases = split_cases(doc(text)).cases
    assert [case.title for case in cases] == ["食品经营许可“告知承诺”", "工业用地“标准地”出让"]
    assert [case.number for case in cases] == [1, 2]


@pytest.mark.parametrize("label", ["重点事项", "试点事项", "示范事项"])
def test_a_work_plans_item_labels_do_not_make_its_tasks_cases(label: str) -> None:
    """重点事项1：, 试点事项1：, 示范事项1： are the items of a work or pilot plan in every province, not cases that a
    collection puts forward: a plan stays one text, as it does when its items are numbered （1） or 任务1：."""
    tasks = [("持续推进“一网通办”", "市政务服务数据管理局"), ("深化工程建设项目审批改革", "市住房和城乡建设局")]
    items = "".join(f"{label}{n}：{task}\n{unit}牵头，年内完成。\n\n" for n, (task, unit) in enumerate(tasks, start=1))
    head = "某市2024年深化营商环境改革工作要点\n\n为贯彻落实省委部署，现将重点工作安排如下。\n\n"
    text = f"{head}{items}某市人民政府办公室\n"
    assert len(split_cases(doc(text)).cases) <= 1


def test_a_theme_heading_run_in_with_its_text_is_titled_by_the_reform_the_text_names() -> None:
    """（一）在X方面。Y区…推出“A”: the heading names a theme, the quoted name after the naming verb is the title and
    the subject after the theme the provider."""
    text = (
        "某市人民政府关于复制推广工作情况的报告\n\n二、主要做法\n"
        "（一）在贸易便利化方面。甲区学习借鉴上海自贸试验区经验，推出“出口货物‘抵港直装’”，通关时间由2天缩短至4小时。\n"
        "（二）在投资便利化方面。乙县复制推广国务院第六批自由贸易试验区改革试点经验，实行“工业项目‘拿地即开工’”，"
        "开工准备时间由90天缩短至1天。\n\n三、存在的问题\n　　一是重视不够。\n"
    )
    cases = split_cases(doc(text)).cases
    assert [case.title for case in cases] == ["出口货物‘抵港直装’", "工业项目‘拿地即开工’"]
    assert [provider_line(case)[0] for case in cases if provider_line(case)] == ["甲区", "乙县"]


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("宁德 跨境电商“一站通关”", "跨境电商“一站通关”"),  # a headline opening with its city and a space
        ("莆田市　园区审批“就地办结”", "园区审批“就地办结”"),
        ("跨境电商 一站通关改革", "跨境电商 一站通关改革"),  # words before a space that name no place stay the title's
    ],
)
def test_a_headline_opening_with_its_city_and_a_space_is_titled_without_it(heading: str, title: str) -> None:
    assert clean_title(heading) == title


THESIS = """第四章　典型案例分析
4.1　案例选取说明
　　本章从各部门报送的材料中选取3个案例进行分析，资料来源于访谈和工作总结。
4.2　案例1：进口水果“一码溯源”
　　某甲区借鉴云南自贸试验区昆明片区做法，推行进口水果溯源监管，已有11家批发市场接入，追溯时间由2天缩短至30分钟。
4.3　案例2：涉企合规指导清单
　　某乙市司法局按照国务院第三批改革试点经验，编制合规指导清单11类，涉及事项326项。
4.4　案例3：花卉出口“冷链专班”
　　某丙县商务局复制推广广西自贸试验区做法，组建冷链专班，花卉出口通关时间缩短一半。
"""


def test_a_case_marker_after_a_sections_outline_number_opens_a_case() -> None:
    """4.2　案例1：title, a thesis's sections: the marker after the outline number opens the case as 案例1：title does
    at a line's start; 4.1 案例选取说明, with no marker, opens none."""
    cases = split_cases(Document(id="thesis", path=Path("thesis.txt"), text=THESIS, sha256="thesis")).cases
    assert [(c.number, c.title) for c in cases] == [
        (1, "进口水果“一码溯源”"),
        (2, "涉企合规指导清单"),
        (3, "花卉出口“冷链专班”"),
    ]


NUMBERED_ON = """某甲市复制推广改革试点经验做法汇总稿

一、不动产“交房即交证”
提供单位：某甲市自然资源和规划局
主要做法：市自然资源和规划局会同市税务局，把不动产登记前移到竣工验收阶段，购房人交房即领证。

二、涉企轻微违法“首违不罚”（某乙区人民政府）
某乙区学习借鉴上海自贸试验区做法，对首次轻微违法且及时改正的市场主体不予处罚，已对312家市场主体适用。

三、出口退税“一次办”
某丙市参照福建自贸试验区厦门片区做法，对外贸企业出口退税实行一次申报、一次审核，推行以来办理出口退税4.7亿元，退税时间由7个工作日压缩至3个工作日。

四、存在的问题
部分单位推进不够平衡，下一步将加强督促。
"""


def test_a_provider_headed_family_numbers_on_to_a_plain_case_not_to_a_closing_part() -> None:
    """一、title / 提供单位：X and 二、title（X）name their providers; 三、title over plain paragraphs reporting a
    reform numbers on with them and is a case; 四、存在的问题 names and reports none and ends the run."""
    cases = split_cases(Document(id="on", path=Path("on.txt"), text=NUMBERED_ON, sha256="on")).cases
    assert [c.title for c in cases] == ["不动产“交房即交证”", "涉企轻微违法“首违不罚”", "出口退税“一次办”"]


REPORT = """某州复制推广改革经验情况汇报

　　此前报送的“企业开办全程网办”“一网通办”两个案例已刊发。现将近期形成的3个典型案例汇报如下。

　　案例一：某甲市“标准地”出让。某甲市参照国务院第四批自由贸易试验区改革试点经验，对新出让工业用地在出让前明确投资强度等指标，已出让“标准地”21宗，开工时间平均缩短4个月。

　　案例二：园区危化品车辆“智慧停车”
　　某乙市借鉴重庆自贸试验区做法，建设危化品车辆智慧停车场，车辆平均等待时间由3小时缩短至40分钟。

　　案例三：茶叶出口“产地检测”。
　　某丙市商务局复制推广广东自贸试验区做法，在茶叶主产区设立检测点，今年出口茶叶1300吨。
"""


def test_a_markers_title_runs_on_into_its_text_or_closes_as_a_sentence() -> None:
    """案例一：title。text…: the marker's title is the first sentence its text runs on from; 案例三：title。 on its own
    line: the title without the stop that closes it as a sentence."""
    cases = split_cases(Document(id="rep", path=Path("rep.txt"), text=REPORT, sha256="rep")).cases
    assert [(c.number, c.title) for c in cases] == [
        (1, "某甲市“标准地”出让"),
        (2, "园区危化品车辆“智慧停车”"),
        (3, "茶叶出口“产地检测”"),
    ]


def test_a_box_label_alone_on_its_line_opens_the_box_titled_by_the_line_under_it() -> None:
    # a statistical bulletin: a figure line or a section heading stands before each box (┌专栏N┐ / title / text /
    # 资料来源：X / └──┘), never its title
    body = "甲海关借鉴乙片区经验，推行“跨境货车智慧通关”，单车通关时间由约30分钟压缩至5分钟，全年车辆38.6万辆次。"
    text = (
        "某市2023年国民经济和社会发展统计公报\n\n某市统计局\n\n二、口岸与对外经济\n\n全年进出口货运量1860.2万吨。\n\n"
        f"┌专栏1┐\n跨境运输车辆“数字化通关”\n{body}\n资料来源：甲海关\n└──────┘\n\n"
        "全年边民互市贸易进出口额15.2亿元。\n\n"
        f"【专栏二】\n边民互市贸易“一票通”\n{body}\n资料来源：丙管委会\n\n"
        "三、人民生活和公共服务\n\n全年居民人均可支配收入51260元。\n"
    )
    cases = split_cases(doc(text)).cases
    assert [(c.number, c.title) for c in cases] == [(1, "跨境运输车辆“数字化通关”"), (2, "边民互市贸易“一票通”")]


def test_a_box_label_with_its_title_on_the_line_opens_the_box_and_a_joined_number_stays_the_shapes() -> None:
    # 专栏1　title with no closing source line; 专栏4-1：title is a chapter's box, read by its shape as before
    body = "某海关借鉴崇左片区经验，推行跨境货车智慧通关，单车通关时间由约30分钟压缩至5分钟，全年货运车辆38.6万辆次。"
    text = (
        "某市2024年统计公报\n\n五、开放型经济\n\n全年货物进出口总额186.4亿元，比上年增长12.3%。\n\n"
        f"专栏1　跨境货车“智慧通关”\n{body}\n\n全年实际使用外资2.1亿美元。\n\n专栏2：互市贸易“一票通”\n{body}\n"
    )
    cases = split_cases(doc(text)).cases
    assert [(c.number, c.title) for c in cases] == [(1, "跨境货车“智慧通关”"), (2, "互市贸易“一票通”")]
    assert BOX_LABEL_RE.match("专栏4-1：进口冻品“检疫前置”") is None
    assert BOX_LABEL_RE.match("专栏1显示，全年进出口增长12%。") is None


def test_one_box_among_cases_of_other_forms_is_left_to_their_readers() -> None:
    # a research report telling its cases in several forms, one of them a lone 【专栏1】: the box opens no family of
    # its own, so the readers of the run-in theme paragraphs still find theirs (round 47, a development round)
    path = Path(__file__).parent / "data" / "blind" / "round47" / "xuancheng-diaoyan-collection.txt"
    titles = [c.title for c in split_cases(read_document(path)).cases]
    assert titles[0] == "企业开办全流程半日结" and len(titles) >= 2
