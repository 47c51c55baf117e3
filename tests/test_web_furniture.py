"""A web page copied as plain text (graph/sources/web_furniture.py): the page's own lines are found by their shape,
the article's lines stay. Small texts of their own wording (issue #15, helper z27c)."""

from __future__ import annotations

from ftzgraph.graph.sources.page_furniture import mask_page_furniture
from ftzgraph.graph.sources.web_furniture import interface_line, web_furniture_lines

PAGE = """某市发展和改革委员会
首页 | 机构设置 | 信息公开 | 办事服务 | 公众参与
您现在的位置：首页 » 信息公开 » 工作动态
某市两项改革经验获全省推广
发布日期：2025-03-02 09:10　信息来源：某市发展和改革委员会　阅读量：512　【字号：大 中 小】
一、甲区：项目审批“多评合一”
甲区行政审批局推行多评合一，审批时间压缩一半。
【打印此页】 【关闭本页】
二、乙县：用水报装“零跑腿”
乙县水务局推行用水报装零跑腿，报装时间由5天缩短至1天。
上一条：某市召开营商环境推进会
下一条：关于公布2025年重点项目名单的通知
相关阅读
· 某市出台促进外贸稳增长措施　03-01
· 某市举办跨境电商培训班　02-27
责编：某某　终审：某某
网站标识码：1234567890　某ICP备12345678号
"""


def _kept(text: str) -> list[str]:
    masked = mask_page_furniture(text)
    assert masked is not None and len(masked) == len(text)  # offsets stay true to the file
    return [line for line in masked.split("\n") if line.strip()]


def test_a_copied_page_keeps_its_article_and_loses_its_site() -> None:
    """The site's name and the publisher's line stay: they tell which city the page's short names (市X局) are."""
    assert _kept(PAGE) == [
        "某市发展和改革委员会",
        "某市两项改革经验获全省推广",
        "发布日期：2025-03-02 09:10　信息来源：某市发展和改革委员会　阅读量：512　【字号：大 中 小】",
        "一、甲区：项目审批“多评合一”",
        "甲区行政审批局推行多评合一，审批时间压缩一半。",
        "二、乙县：用水报装“零跑腿”",
        "乙县水务局推行用水报装零跑腿，报装时间由5天缩短至1天。",
    ]


def test_a_lone_source_line_names_a_provider_and_stays() -> None:
    lines = ["一、甲区：项目审批“多评合一”", "甲区推行多评合一。", "（来源：甲区行政审批局）", "时间：2025年3月2日"]
    assert web_furniture_lines(lines) == {}


def test_a_credit_beside_a_provider_field_stays() -> None:
    assert web_furniture_lines(["责任编辑：某某　供稿：甲区商务局"]) == {}


def test_a_table_with_spaced_bars_is_no_menu() -> None:
    table = ["序号 | 事项 | 牵头单位", "1 | 多评合一 | 甲区行政审批局", "2 | 零跑腿 | 乙县水务局"]
    assert web_furniture_lines(table) == {}
    assert web_furniture_lines(["序号｜事项｜牵头单位｜配合单位"]) == {}


def test_a_rule_of_dashes_is_the_texts_own() -> None:
    assert not interface_line("————————————")
    assert not interface_line("| --- | --- |")
    assert interface_line("【打印此页】 【关闭本页】")


def test_a_process_with_arrows_is_no_breadcrumb() -> None:
    assert web_furniture_lines(["申请→受理→审批→办结"]) == {}


def test_a_breadcrumb_opened_by_the_site_keeps_the_sites_name() -> None:
    """The site's name tells which city the page's short names (市X局) are: only the steps after it are the page's."""
    line = "某市人民政府门户网站 > 互动交流 > 市长信箱 > 留言选登"
    assert web_furniture_lines([line]) == {0: line.index(">")}
    assert web_furniture_lines(["首页 > 互动交流 > 市长信箱"]) == {0: 0}


def test_a_lists_pager_is_the_pages_wherever_it_stands() -> None:
    lines = ["甲区推行多评合一。", "共12条　2/3页　　首页　上一页　2　下一页　末页", "每页10条　跳转到 [ ] 页"]
    assert sorted(web_furniture_lines(lines)) == [1, 2]
    assert web_furniture_lines(["甲区在首页公布办事指南，下一页是流程图。"]) == {}


def test_a_list_items_closing_date_goes_and_its_title_stays() -> None:
    """· title　　date with 来源：/摘要： under it: the date is the page's, the title the item's; a line closing with a
    date and no field under it keeps its date (a sentence's or a heading's own)."""
    lines = [
        "· 乙县用水报装“零跑腿”　　　2025-03-02",
        "　发布单位：乙县水务局",
        "　摘要：乙县水务局推行零跑腿。",
        "[查看全文>>]",
    ]
    found = web_furniture_lines(lines)
    assert found[0] == lines[0].index("　") and lines[0][: found[0]] == "· 乙县用水报装“零跑腿”"
    assert found[3] == 0
    assert web_furniture_lines(["二、乙县用水报装　2025-03-02", "乙县水务局推行零跑腿。"]) == {}
