"""Cases parted by separator lines with no heading mark (graph/extract/_split_separators.py): asterisms, rules,
dated rules and a chat's sender lines part a text into cases only when most parts read as cases naming a reform."""

from __future__ import annotations

from pathlib import Path

import pytest
from _layout_fuzz import Recovery, articles, fuzz, non_collection_cuts, parted_texts

from ftzgraph.graph.extract._split_separators import sender, separator_shape
from ftzgraph.graph.extract._split_titles import CASE_SUFFIX_RE
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document

UNSEEN = Path(__file__).parent / "data" / "unseen"


def _document(text: str) -> Document:
    return Document(id="x", path=Path("x.txt"), text=text, sha256="")


@pytest.mark.parametrize(
    ("line", "shape"),
    [
        ("＊　＊　＊", "＊"),
        ("※※※", "※"),
        ("* * *", "*"),
        ("◇◇◇", "◇"),
        ("————————", "—"),
        ("------", "-"),
        ("════", "═"),
        ("……", "…"),
        ("＝＝＝＝＝＝", "＝"),
        ("—————  2024年6月13日  —————", "date"),
        ("—— 6月14日 ——", "date"),
    ],
)
def test_separator_lines_are_read_with_their_shape(line: str, shape: str) -> None:
    assert separator_shape(line) == shape


@pytest.mark.parametrize("line", ["abcdef", "一二三", "2024年6月13日", "**", "——X供稿", "一、主要做法", "1.2.3"])
def test_words_dates_and_short_runs_are_no_separator(line: str) -> None:
    assert separator_shape(line) is None


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("刘洋（川南临港片区）  14:05", "刘洋（川南临港片区）"),
        ("李娟 (哈尔滨片区) 2024-08-19 15:21:33", "李娟 (哈尔滨片区)"),
        ("王海  09:02", "王海"),
        ("10:17 李某（甲片区）", "李某（甲片区）"),
        ("2024-07-03 10:21:07 刘某(某区市场监管局)", "刘某(某区市场监管局)"),
    ],
)
def test_a_chat_sender_line_names_who_sends(line: str, who: str) -> None:
    assert sender(line) == who


@pytest.mark.parametrize(
    "line",
    ["今年以来，已有12家企业 10:32", "成效：通关时间缩短至2小时", "会议时间 9月3日", "10:32 收到", "09:05 好的👌"],
)
def test_prose_is_no_sender_line(line: str) -> None:
    assert sender(line) is None


SPEECHES = """经验交流发言材料
各单位：
　　现将3篇交流发言印发给你们，请学习借鉴。

＊　＊　＊

推行“证照联办”改革　让企业准入更便捷
某市市场监督管理局局长　张某

　　我局推行“证照联办”，企业一次申请即可同时领取营业执照和经营许可证，主要做法是一表申请、并联审批。
　　改革以来，办理时间由15天缩短至3天，已惠及企业2300家。

＊　＊　＊

探索“仓单质押”融资　盘活企业库存
某片区管委会副主任　李某

　　我区联合银行推出仓单质押融资，企业凭电子仓单申请贷款，做法是仓单上链、银行在线审批。
　　目前累计放款8.5亿元，服务企业96家。

＊　＊　＊

实行“一次查验”　口岸通关再提速
某海关副关长　王某

　　我关对进出口货物实行“一次查验、一次放行”，主要做法是联合查验、数据共享。
　　实施后通关时间压缩40%，企业节约费用1200万元。

＊　＊　＊

（此件公开发布）
"""


def test_speeches_between_asterisms_are_cases_titled_by_their_headlines() -> None:
    """Not the speaker line under each headline; the preamble and the closing note belong to no case. On main the
    speaker lines were the titles."""
    cases = split_cases(_document(SPEECHES)).cases
    assert [c.title for c in cases] == [
        "推行“证照联办”改革　让企业准入更便捷",
        "探索“仓单质押”融资　盘活企业库存",
        "实行“一次查验”　口岸通关再提速",
    ]
    assert "此件公开发布" not in SPEECHES[cases[-1].start : cases[-1].end]
    assert "现将" not in SPEECHES[cases[0].start : cases[0].end]


CHAT = """—————  2024年6月13日  —————

赵一（某省自贸办）  09:02
请各片区分享一项创新做法。

钱二（甲片区）  10:32
甲片区推出“企业开办一日办结”
主要做法：设立企业开办专区，营业执照、印章、发票一窗办结。
成效：开办时间由3个工作日压缩至1个工作日，已有8600户企业受益。

赵一（某省自贸办）  10:40
收到👍

孙三（乙片区）  14:05
乙片区“白酒仓单融资”做法分享

孙三（乙片区）  14:06
主要做法：把基酒库存和仓单数据上链，银行据此发放仓单质押贷款。
成效：平台已接入企业126家，累计放款23亿元。

李四（丙片区）  15:20
好的
"""


def test_a_chat_gives_one_case_per_long_message_and_replies_belong_to_none() -> None:
    """A title sent a minute before its text is one case with it; 收到👍 and 好的 are in no case."""
    cases = split_cases(_document(CHAT)).cases
    assert [c.title for c in cases] == ["甲片区推出“企业开办一日办结”", "乙片区“白酒仓单融资”做法分享"]
    texts = [CHAT[c.start : c.end] for c in cases]
    assert "收到" not in texts[0] and "好的" not in texts[1]
    assert "累计放款23亿元" in texts[1]


TIME_FIRST_CHAT = """—————  2024年6月13日  —————

09:02 赵一（某省自贸办）
请各单位在群里报送一项典型案例。

10:32 钱二（甲片区）
【案例】企业开办“一日办结”　报送单位：甲片区管委会
甲片区设立企业开办专区，营业执照、印章、发票一窗办结。
成效：开办时间由3个工作日压缩至1个工作日，已有8600户企业受益。

10:40 赵一（某省自贸办）
收到👍

14:05 孙三（乙区政府办）
乙区的材料见附件，我把正文贴在这里：
白酒“仓单融资”
乙区把基酒库存和仓单数据上链，银行据此发放仓单质押贷款。
成效：平台已接入企业126家，累计放款23亿元。
"""


def test_a_chat_whose_lines_give_the_time_before_the_sender_is_cut_by_message() -> None:
    """The title is the message's own line: not its sender's, not a provider field after it, not a line to readers."""
    cases = split_cases(_document(TIME_FIRST_CHAT)).cases
    assert [c.title for c in cases] == ["企业开办“一日办结”", "白酒“仓单融资”"]
    assert "收到" not in TIME_FIRST_CHAT[cases[0].start : cases[0].end]


ARTICLE = """某自贸试验区改革创新成果丰硕

本报讯　记者从省商务厅获悉，自贸试验区挂牌以来累计形成制度创新成果120多项，“企业开办一日办结”让开办时间压缩至1个工作日。

* * *

　　下一步，将继续深化首创性探索，推出更多“首单”“首创”改革，前8个月进出口总额达2600亿元，同比增长12%。

————————————

来源：某某日报
责任编辑：某某
"""


def test_an_article_with_an_asterism_and_a_footer_rule_is_not_cut() -> None:
    assert split_cases(_document(ARTICLE)).cases == []


@pytest.mark.parametrize("name", ["hunan-news-noncollection.txt", "yunnan-notice-noncollection.txt"])
def test_held_out_texts_with_separators_and_no_case_give_none(name: str) -> None:
    text = (UNSEEN / name).read_text(encoding="utf-8")
    assert split_cases(_document(text)).cases == []


PARTED_FLOOR = 0.95
"""Cases found right on the fixed seeds when every case's title carries no mark and a separator line stands before
it (with a date line over it or a speaker line under it): about two in three before separator families were read."""


def test_the_fuzzed_layouts_parted_by_separators_are_split() -> None:
    total = Recovery()
    for _, shape, result in fuzz(range(5), parted=True):
        assert shape.parting and shape.bare
        total.add(result)
    assert total.rate >= PARTED_FLOOR, total.lost
    assert total.wrong <= 0.03 * total.cases, total.lost


def test_texts_with_separator_lines_and_no_case_are_not_cut() -> None:
    """The news articles and batch notices with an asterism, a footer rule or a rule over 抄送 lines give no case
    but for an article whose headline the known suffix rule reads (…典型案例)."""
    cuts = non_collection_cuts(parted=True)
    assert len(cuts) >= 100 and len(cuts) == len(list(parted_texts()))
    headlines = {f"{name} parted": text.split("\n", 1)[0] for name, text in articles()}
    assert all(CASE_SUFFIX_RE.search(headlines.get(name, "")) for name, n in cuts.items() if n), cuts
