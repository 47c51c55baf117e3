"""Where a case starts above its title and where the last case ends below its outline (graph/extract/_split_bounds.py):
a newspaper report's kicker is its own line, and a report's next part (三、存在问题) is no part of its last case. Small
texts of their own wording (issue #15, helper z22d), not the held-out collections'."""

from __future__ import annotations

from pathlib import Path

from ftzgraph.graph.extract._split_bounds import closing_table
from ftzgraph.graph.extract._split_lines import text_lines
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document


def _document(text: str) -> Document:
    return Document(id="b", path=Path("b.txt"), text=text, sha256="b")


_REPORT = "　　本报讯（记者 某某）{body}办理时间由5天压缩至1天，累计服务企业120家。\n"

PAGE = (
    "某某日报　2025年3月14日　第03版\n\n"
    "编者按　本版摘编几则外地好经验落地的做法。\n\n"
    "【本版导读】\n·进口冷链“一码通”\n·航运企业“一照多址”\n·跨境电商退货仓\n\n"
    "学习外地经验　冷链通关再提速\n进口冷链“一码通”\n" + _REPORT.format(body="某某海关推出冷链“一码通”，") + "\n"
    "某甲区复制推广国务院第五批改革试点经验\n航运企业“一照多址”\n"
    + _REPORT.format(body="某甲区推行一照多址登记，")
    + "\n"
    "退货不再难\n跨境电商退货仓\n" + _REPORT.format(body="某乙区设立退货中心仓，") + "\n"
)


def test_each_reports_kicker_opens_its_own_case_not_the_one_before() -> None:
    cases = extract_document(_document(PAGE)).cases
    assert [c.title for c in cases] == ["进口冷链“一码通”", "航运企业“一照多址”", "跨境电商退货仓"]
    assert "第五批" not in cases[0].text.text and "第五批" in cases[1].text.text
    assert [(o.batch_kind, o.batch_number) for o in cases[1].origins if o.kind == "national_batch"] == [
        ("改革试点经验", 5)
    ]


def test_a_line_over_one_title_only_is_no_kicker() -> None:
    page = PAGE.replace("退货不再难\n", "")
    cases = split_cases(_document(page)).cases
    assert "第五批" in cases[0].text  # no family of kickers: the line stays where it stands


_BODY = (
    "　　{s}借鉴上海自贸试验区经验，会同市税务局推行“一次申报、一次查验”，企业办理时间由5个工作日压缩至1个工作日，"
    "累计服务企业120家。\n"
)
REPORT = (
    "某市商务局关于复制推广工作情况的报告\n\n一、总体情况\n　　全市累计复制推广改革试点经验120项。\n\n"
    "二、典型做法\n　　各地形成了一批典型做法，择要报告如下。\n\n"
    "⑴　进口冷链“一码通”（牵头：某某海关）\n" + _BODY.format(s="某某海关") + "\n"
    "⑵　航运企业“一照多址”（牵头：某甲区）\n" + _BODY.format(s="某甲区") + "\n"
    "⑶　跨境电商退货仓（牵头：某乙区）\n" + _BODY.format(s="某乙区") + "\n"
    "三、存在问题\n　　一是部分事项知晓度不高。\n\n"
    "四、下一步工作\n　　我局将对照国务院第七批改革试点经验，逐项梳理未落地事项。\n\n某市商务局\n2024年12月10日\n"
)


def test_the_last_case_ends_at_the_next_part_of_the_outline_it_is_told_under() -> None:
    cases = extract_document(_document(REPORT)).cases
    assert len(cases) == 3
    assert "存在问题" not in cases[2].text.text and "第七批" not in cases[2].text.text
    assert not [o for o in cases[2].origins if o.kind == "national_batch"]


def test_a_shape_the_cases_use_inside_is_no_outline_that_ends_the_last_one() -> None:
    inner = "一、做法\n　　推行一件事。\n二、成效\n　　时间由5天压缩至1天。\n"
    report = REPORT.replace("（牵头：某某海关）\n", "（牵头：某某海关）\n" + inner).replace(
        "（牵头：某乙区）\n", "（牵头：某乙区）\n" + inner + "三、经验\n　　可复制。\n"
    )
    assert len(split_cases(_document(report)).cases) == 3
    cases = split_cases(_document(report)).cases
    assert "三、经验" in cases[2].text


def test_a_numbered_paragraph_of_the_preamble_is_no_outline_that_ends_the_last_case() -> None:
    demands = "1．各地要高度重视，加强组织领导，确保改革落地。\n2．各部门要密切配合，形成工作合力，及时报送进展。\n"
    report = REPORT.replace("二、典型做法\n", demands + "二、典型做法\n").replace(
        "（牵头：某乙区）\n" + _BODY.format(s="某乙区"),
        "（牵头：某乙区）\n" + _BODY.format(s="某乙区") + "3．企业反映良好，退货时间缩短。\n",
    )
    cases = split_cases(_document(report)).cases
    assert len(cases) == 3 and "企业反映良好" in cases[2].text


PREAMBLE_ITEMS = """关于印发自贸试验区第三批制度创新案例的通知

各有关单位：
一、总体情况
1．工作开展情况。今年以来，各片区深入推进制度创新，形成了一批创新成果。
2．评选情况。经专家评审，共评选出两项案例。
二、典型案例
（一）跨境电商退货中心仓模式
市商务局会同海关推出退货中心仓，退货时间由30天缩短至7天，惠及企业300余家。
（二）企业开办一日办结
区市场监管局推行企业开办一日办结改革，主要做法如下。
1．推行一窗受理。企业开办所有事项在一个窗口办理。
2．推行全程网办。企业开办时间由5天压缩至1天。
3．推行免费刻章。为企业节约成本300万元。
三、下一步工作
对照国务院第七批改革试点经验，继续深化改革。
"""


def test_a_preamble_s_numbered_items_are_no_outline_over_the_cases() -> None:
    """1． 2． under 一、总体情况 belong to that part: the last case's own 3． continues its list, and the case runs to
    三、下一步工作 (which it does not take)."""
    cases = split_cases(_document(PREAMBLE_ITEMS)).cases
    last = PREAMBLE_ITEMS[cases[-1].start : cases[-1].end]
    assert "3．推行免费刻章。为企业节约成本300万元。" in last
    assert "下一步工作" not in last


def test_the_last_case_ends_at_the_next_item_of_its_own_numbering_or_the_next_symbol_part() -> None:
    """(issue #15, helper z25a) A sibling item the rules took for no case (4．请列举… after the case 3．) and a part led
    by a symbol of the parts above the cases (★ 下周安排 under ★ 本周工作 above ◆ cases) end the last case; after the
    last case's own list (1． 2． inside 3．) no sibling is read, and its own bullets end nothing."""
    from ftzgraph.graph.extract._split_bounds import outline_end
    from ftzgraph.graph.extract._split_lines import text_lines

    numbered = text_lines("2．甲案例\n甲。\n3．乙案例\n乙。\n4．请列举三项功能定位。\n丙。\n")
    assert outline_end(numbered, [(0, 0, 2), (2, 2, 3)]) == 4
    listed = text_lines("2．甲案例\n甲。\n3．乙案例\n1．主要做法\n2．取得成效\n4．下一步\n")
    assert outline_end(listed, [(0, 0, 2), (2, 2, 3)]) is None  # its own list comes first: no sibling read
    marked = text_lines("★ 本周工作\n会议。\n◆ 甲案例\n甲。\n◆ 乙案例\n● 做法\n乙。\n★ 下周安排\n丙。\n")
    assert outline_end(marked, [(2, 2, None), (4, 4, None)]) == 7
    bulleted = text_lines("● 本周工作\n会议。\n◆ 甲案例\n● 做法\n◆ 乙案例\n● 成效\n乙。\n")
    assert outline_end(bulleted, [(2, 2, None), (4, 4, None)]) is None


_CLOSED = (
    "某甲市复制推广改革试点经验做法选编\n\n"
    "说明：本选编收录各单位报送的做法，体例未作统一，汇总情况见文末附表。\n\n"
    "案例1　船舶登记“一窗通办”\n报送单位：某甲市交通运输局\n"
    "市交通运输局借鉴上海自贸试验区做法，把船舶登记涉及的5个事项并入一个窗口，办理时间由10天压缩至3天。\n\n"
    "案例2　药品零售“证照联办”（某乙县）\n"
    "某乙县学习借鉴福建自贸试验区经验，药品零售许可与营业执照同步受理、同步发放，已为126家药店办理。\n\n"
    "案例3　园区用水“报装即通”\n"
    "某丙区推行用水报装“零审批”，水务公司在项目红线外建好管网，企业接水时间由15个工作日缩短至2个工作日，"
    "累计服务企业85家，节省费用约300万元。\n\n"
    "附表　做法一览\n序号\t做法名称\t报送单位\n1\t船舶登记“一窗通办”\t市交通运输局\n"
    "2\t药品零售“证照联办”\t某乙县\n3\t园区用水“报装即通”\t某丙区\n"
)


def test_a_closing_table_repeating_the_titles_adds_no_case_and_ends_the_last() -> None:
    """附表 after the last case: its rows are the cases above it, not a summary table heading cases below it (which
    left none), and its caption and rows are no text of the last case."""
    cases = split_cases(_document(_CLOSED)).cases
    assert [c.title for c in cases] == ["船舶登记“一窗通办”", "药品零售“证照联办”", "园区用水“报装即通”"]
    assert "做法一览" not in cases[-1].text and "序号" not in cases[-1].text


def test_a_table_of_form_labels_or_under_a_short_notice_closes_nothing() -> None:
    """A column of a form's field labels (落实情况, 完成时间) names no reforms, and a notice quoting the titles in one
    sentence over the table that holds the cases has no room for them: neither table closes the document."""
    labels = _CLOSED.split("附表　")[0] + "附表\n序号\t事项\t内容\n1\t落实情况\t已完成\n2\t完成时间\t6月底\n"
    lines = text_lines(labels)
    header = next(i for i, line in enumerate(lines) if line.text.startswith("序号"))
    assert closing_table(lines, ["落实情况", "完成时间"], header, len(lines) - 1) is None
    notice = (
        "关于印发“船舶登记一窗通办”“药品零售证照联办”两项做法的通知\n\n各单位：现将两项做法印发给你们。\n\n"
        "序号\t做法名称\t报送单位\n1\t船舶登记“一窗通办”\t市交通运输局\n2\t药品零售“证照联办”\t某乙县\n"
    )
    lines = text_lines(notice)
    header = next(i for i, line in enumerate(lines) if line.text.startswith("序号"))
    titles = ["船舶登记“一窗通办”", "药品零售“证照联办”"]
    assert closing_table(lines, titles, header, len(lines) - 1) is None
    closed = text_lines(_CLOSED)
    header = next(i for i, line in enumerate(closed) if line.text.startswith("序号"))
    assert closing_table(closed, [*titles, "园区用水“报装即通”"], header, len(closed) - 1) == header - 1


def test_a_closing_task_table_of_practices_is_no_text_of_the_last_case() -> None:
    """序号 / 典型做法 / 推广牵头单位: a closing table whose title column is named by 做法 repeats the practices; its
    rows (the bodies that will spread each practice) are no text of the last case."""
    text = _CLOSED.split("附表　")[0] + (
        "附件2\n推广任务分工\n序号\t典型做法\t推广牵头单位\n1\t船舶登记“一窗通办”\t某丁县交通运输局\n"
        "2\t药品零售“证照联办”\t各县区\n3\t园区用水“报装即通”\t各县区\n"
    )
    cases = split_cases(_document(text)).cases
    assert len(cases) == 3 and "某丁县" not in cases[-1].text and "推广任务分工" not in cases[-1].text


_BOUND = (
    "某市营商环境工作简报合订本\n\n"
    "某市营商环境工作简报\n2024年3月8日\n━━━━━━━━\n"
    "【编者按】某甲区借鉴上海自贸试验区经验，推行企业开办“一日办结”，现将做法刊发。\n"
    "◆企业开办“一日办结”\n　　某甲区将登记、刻章、申领发票一次办结，开办时间压缩至1个工作日，今年已服务企业1200家。\n"
    "报：市委、市政府领导\n\n"
    "某市营商环境工作简报\n2024年3月22日\n━━━━━━━━\n"
    "【编者按】某乙县复制推广国务院第4批改革试点经验，推行农村集体资产“阳光交易”，现将做法刊发。\n"
    "◆农村集体资产“阳光交易”\n　　某乙县建设集体资产交易平台，今年成交项目326宗，集体增收1800万元。\n"
    "报：市委、市政府领导\n"
)


def test_an_editors_note_over_every_items_headline_is_that_items_text() -> None:
    """A bulletin's issues bound in one volume: each item's 【编者按】 stands right above its headline and names its
    origin, so each case opens at its note, and the second note's batch is no part of the first case."""
    cases = split_cases(_document(_BOUND)).cases
    assert [c.title for c in cases] == ["企业开办“一日办结”", "农村集体资产“阳光交易”"]
    assert cases[0].text.startswith("【编者按】某甲区") and "第4批" not in cases[0].text
    assert cases[1].text.startswith("【编者按】某乙县")
    second = _BOUND.index("【编者按】某乙县")
    alone = _BOUND[:second] + _BOUND[_BOUND.index("\n", second) + 1 :]
    assert split_cases(_document(alone)).cases[0].text.startswith("◆企业开办")  # one note only: a preface
