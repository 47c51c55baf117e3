"""A heading's mark read from the line itself (graph/extract/_split_shapes.py), and the splitter on layouts whose
case headings are marked in shapes no rule names: the layout fuzzer (tests/_layout_fuzz.py) re-marks the annotated
collections and the splitter must find their cases on first sight, and cut no text that holds none."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from _layout_fuzz import (
    FURNITURE,
    Recovery,
    Shape,
    articles,
    collections,
    draw_shape,
    fuzz,
    non_collection_cuts,
    remarked_notices,
)

from ftzgraph.graph.extract._split_shapes import heading_mark, prose_title, tag_line, title_without_mark
from ftzgraph.graph.extract._split_titles import CASE_SUFFIX_RE
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document


@pytest.mark.parametrize(
    ("line", "shape", "number"),
    [
        ("◆ (a) 进口药品“白名单”通关", "◆ (a)", 1),
        ("样本三—跨境电商“保税备货”", "样本九—", 3),
        ("〖经验12〗企业开办“一窗通办”", "〖经验9〗", 12),
        ("第Ⅳ例船舶“一次查验”", "第Ⅰ例", 4),
        ("No.壹-跨境电商“退货仓”", "No.九-", 1),
        ("「C」—数据出境“服务站”", "「A」—", 3),
        ("XI：知识产权“快保护”", "I：", 11),
        ("⑦跨境结算“便利通”", "①", 7),
        ("（１）｜企业开办“一日办结”", "（9）｜", 1),
        ("Case 2 融资租赁“离岸交付”", "Case9", 2),
        ("〈亮点〉·海铁联运“一单制”", "〈亮点〉·", None),
        ("示范：不动产“带押过户”", "示范：", None),
        ("第二顺位：跨境结算“秒到账”（申报单位：甲市商务局）", "第九顺位：", 2),  # a rank counts the items
        ("第二名：跨境电商“退货仓”", "第九名：", 2),
        ("借鉴复制之三：企业注销“一件事”", "借鉴复制之九：", 3),  # a word's ordinal joined by 之
        ("推广事项之十｜不动产“带押过户”", "推广事项之九｜", 10),
        ("复制推广举措之二：出口退税“一次办”", "复制推广举措之九：", 2),  # a long word before 之
        ("CFD-2023-03　进口铁矿石“先放后检”", "CFD-2023-9", 3),  # a code counting on in its last number
        ("3号项目：跨境结算“秒到账”", "9号项目：", 3),  # what the counted item is, before the separator
        ("［更新］陆路启运港退税", "［±］", None),  # a versioned list's change marks are one word
        ("【新增】外籍人员“落地签”", "【±】", None),
    ],
)
def test_a_mark_is_read_from_the_line_with_its_number_abstracted(line: str, shape: str, number: int | None) -> None:
    mark = heading_mark(line)
    assert mark is not None
    assert (mark.shape, mark.number) == (shape, number)


@pytest.mark.parametrize(
    "line",
    [
        "一站式服务“跨境通”",  # a numeral the title's words go on from
        "2024年工作要点",
        "5G智慧港口建设",
        "3.0版“单一窗口”",
        "汽车零部件“保税维修”",  # 零 and 部 inside a word are no number and counter
        "一个窗口受理",
        "第三方检验结果采信",
        "宁波市：国际贸易“单一窗口”",  # a place before a colon names who, not a mark
        "联系人：郑凯　联系电话：0710-3216605",  # a field line
        "中欧班列·长安号集结中心",  # a dot inside a name
        "◆ 进口药品通关",  # a symbol alone: the fallback's own mark
    ],
)
def test_a_line_opening_with_its_words_has_no_mark(line: str) -> None:
    assert heading_mark(line) is None


def test_a_title_keeps_words_that_may_be_its_own() -> None:
    assert title_without_mark("〈亮点〉·海铁联运“一单制”") == "海铁联运“一单制”"
    assert title_without_mark("（a）跨境电商“退货仓”") == "跨境电商“退货仓”"
    assert title_without_mark("示范：不动产“带押过户”") == "示范：不动产“带押过户”"


PROSE = "甲片区借鉴上海自贸试验区经验，推行“提前申报”，通关时间由2天压缩至6小时，已服务企业120家。"


@pytest.mark.parametrize(
    ("texts", "title"),
    [
        (["", "企业开办“一日办结”", "", PROSE], True),
        (["", "跨境电商出口监管模式", PROSE], True),
        (["上一段。", "企业开办“一日办结”", "", PROSE], False),  # no blank line above
        (["", "据悉，今年以来", "", PROSE], False),  # a clause
        (["", "多措并举　助企纾困", "", PROSE], False),  # a subhead's two halves
        (["", "自贸试验区建设成效", "", PROSE], False),  # names no reform
        (["", "企业开办“一日办结”", "", "短句。"], False),  # over no prose
        # a news item's paragraph opening with a quote on a line of its own: the paragraph is both lines
        (["", "“跨境理财通”一站式开户", "“开户只跑一趟。”一位市民说。", PROSE], True),
        (["", "“跨境理财通”一站式开户", "“开户只跑一趟。”一位市民说。", "", PROSE], False),  # a short paragraph
    ],
)
def test_a_title_with_no_mark_stands_alone_over_prose_and_names_a_reform(texts: list[str], title: bool) -> None:
    assert prose_title(texts) is title


def _cases(text: str) -> list[tuple[int | None, str]]:
    document = Document(id="t", path=Path("t.txt"), text=text, sha256="x")
    return [(case.number, case.title) for case in split_cases(document).cases]


CASE_BODY = (
    "一、改革背景\n企业办理{0}需往返多个窗口，耗时较长。\n二、主要做法\n{1}会同市税务局推行{0}“一窗受理”。\n"
    "三、实践成效\n办理时间由5个工作日压缩至1个工作日，已服务企业{2}家。\n"
)


def test_a_collection_marked_in_a_new_shape_is_split_by_its_family() -> None:
    """〖样本N〗 marks no rule names: the family recurs with its number counting on, over sections of a case."""
    text = "某省自贸试验区改革经验汇编\n\n" + "".join(
        f"〖样本{n}〗{title}\n" + CASE_BODY.format(title, unit, 10 * n)
        for n, (title, unit) in enumerate([("企业开办", "甲区市场监管局"), ("不动产登记", "乙区自然资源局")], 1)
    )
    assert _cases(text) == [(1, "企业开办"), (2, "不动产登记")]


RANKED_BODY = "{0}参照外省做法推行“{1}”，办理时间由5个工作日压缩至1个工作日，已服务企业{2}家。\n\n"
RANKED = [("甲市商务局", "互市商品“落地加工”"), ("甲海关", "鲜果“预约通关”"), ("甲市人社局", "外籍务工“一站式”服务")]


def test_a_ranked_submission_is_split_by_its_ranks_with_the_titles_after_them() -> None:
    """第N顺位：title（申报单位：X）: the rank is the family's mark, the title what follows it, never the letter's
    sender on the first line."""
    text = "甲片区管理委员会\n关于报送制度创新案例的函\n\n省自贸办：\n现按推荐顺位报送如下。\n\n" + "".join(
        f"第{'一二三'[n]}顺位：{title}（申报单位：{unit}）\n" + RANKED_BODY.format(unit, title, 10 * (n + 1))
        for n, (unit, title) in enumerate(RANKED)
    )
    assert _cases(text) == [(1, "互市商品“落地加工”"), (2, "鲜果“预约通关”"), (3, "外籍务工“一站式”服务")]


def test_a_versioned_list_is_split_at_its_change_marks_whatever_the_change() -> None:
    """［更新］ and ［新增］ over the items of one list: one family, each item a case."""
    marks = ["更新", "更新", "新增"]
    text = "甲片区制度创新案例清单（V2.1）\n修订记录：新增1项，更新2项。\n\n" + "".join(
        f"［{mark}］{title}\n报送：{unit}\n" + RANKED_BODY.format(unit, title, 10 * (n + 1))
        for n, (mark, (unit, title)) in enumerate(zip(marks, RANKED, strict=True))
    )
    assert [title for _, title in _cases(text)] == [title for _, title in RANKED]


@pytest.mark.parametrize(
    "heading",
    [
        "（第{n}顺位）{t}",
        "第{n}名　{t}（获奖单位：{u}）",
        "（{c}）{t}（报送：{u}）",
        "{c}｜{t}",
        "复制推广举措之{n}：{t}",
        "学习借鉴之{n}　{t}",
        "ZM-2024-0{d}　{t}",
        "{d}号项目：{t}",
    ],
)
def test_a_list_numbered_in_its_own_words_is_split_under_other_wordings(heading: str) -> None:
    """Ranks, change marks, a word's ordinal after 之, codes and counted items, as another publisher writes them:
    the family opens the cases and the title is the heading's text after the mark."""
    changes = ["新增", "更新", "调整"]
    text = "甲片区管理委员会\n关于报送案例的函\n\n省自贸办：\n现报送如下。\n\n" + "".join(
        heading.format(n="一二三"[k], d=k + 1, c=changes[k], t=title, u=unit)
        + "\n"
        + RANKED_BODY.format(unit, title, 10 * (k + 1))
        for k, (unit, title) in enumerate(RANKED)
    )
    assert [title for _, title in _cases(text)] == [title for _, title in RANKED]


NOTICE = """关于做好2024年自贸试验区重点工作的通知

各有关单位：
现将有关事项通知如下。

1-深化投资管理制度改革
推行外商投资准入前国民待遇加负面清单管理制度，落实准入后国民待遇。

2-推进贸易便利化
优化国际贸易“单一窗口”功能，压缩整体通关时间。

3-加强组织保障
各单位要明确责任分工，按时报送工作进展。
"""


def test_a_notice_numbered_in_a_new_shape_gives_no_case() -> None:
    """1- numbering with no case sections: a notice's tasks, which a plain number mark never makes cases."""
    assert _cases(NOTICE) == []


def test_shapes_drawn_by_the_grammar_differ() -> None:
    rng = random.Random(7)
    shapes = {draw_shape(rng).mark(3) for _ in range(50)}
    assert len(shapes) >= 40
    assert Shape().bare and Shape().mark(1) == ""


FLOOR_SEEDS = range(5)
RECOVERY_FLOOR = 0.95
"""Cases found right on the fixed seeds: about half before marks were read from the line, about 0.98 after."""
WRONG_CUTS_CEILING = 0.03
"""Cases found that are none, per gold case, on the same renderings."""


def test_the_fuzzed_layouts_are_split_on_first_sight() -> None:
    assert len(collections()) >= 40
    total = Recovery()
    for _, _, result in fuzz(FLOOR_SEEDS):
        total.add(result)
    assert total.rate >= RECOVERY_FLOOR, total.lost
    assert total.wrong <= WRONG_CUTS_CEILING * total.cases, total.lost


def test_texts_with_no_case_are_not_cut() -> None:
    """News articles (with and without subheads) and batch notices give no case, except an article whose headline
    the known suffix rule reads as a case title (…典型案例)."""
    cut = {name: n for name, n in non_collection_cuts().items() if n}
    assert len(non_collection_cuts()) >= 100
    assert all(CASE_SUFFIX_RE.search(_headline(name)) for name in cut), cut


def _headline(name: str) -> str:
    return next((text.split("\n", 1)[0] for key, text in articles() if key == name), "")


def test_a_notice_is_not_cut_however_its_parts_are_marked() -> None:
    """A batch notice's parts (一、), items (1．) and sub-parts (（一）) re-marked in the grammar's shapes: ◆ 投资管理
    领域 heads paragraphs full of 复制推广, but names no reform."""
    cut, total = remarked_notices(FLOOR_SEEDS)
    assert total >= 20
    assert cut == 0


@pytest.mark.parametrize(
    ("heading", "shape", "number", "title"),
    [
        ("Ⅲ-2《口岸通关“一站式”》", "Ⅰ-9", 2, "《口岸通关“一站式”》"),  # a hall's panel: the item's number counts
        ("专栏5-3：铁路运单融资", "专栏9-9：", 3, "铁路运单融资"),  # a report's box numbered in its chapter
        ("（2/5）#自贸话题# 『企业开办一日办结』", "（9/9）", 2, "#自贸话题# 『企业开办一日办结』"),  # a thread's post
        ("3《数据跨境“白名单”》", "9", 3, "《数据跨境“白名单”》"),  # a number glued to the title's bracket
        ("#自贸话题# 『企业开办一日办结』", "#自贸话题#", None, "『企业开办一日办结』"),  # a post's topic tag
    ],
)
def test_a_mark_of_two_numbers_counts_by_the_item(heading: str, shape: str, number: int | None, title: str) -> None:
    mark = heading_mark(heading)
    assert mark is not None, heading
    assert (mark.shape, mark.number, heading[mark.end :]) == (shape, number, title)


@pytest.mark.parametrize("heading", ["4-1前海片区", "3.5万吨冷链", "2-1前置仓模式"])
def test_numbers_the_words_go_on_from_are_no_mark(heading: str) -> None:
    assert heading_mark(heading) is None, heading


FURNITURE_FLOOR = 0.93
"""Cases found right on the fixed seeds with a line recurring once per case added (counters and stamps, speaker
captions, a masthead and contents, joined marks): about three in four before furniture was told from titles."""


def test_lines_recurring_once_per_case_do_not_take_the_headings_place() -> None:
    total = Recovery()
    kinds = set()
    for _, shape, result in fuzz(FLOOR_SEEDS, furniture=True):
        total.add(result)
        kinds.add(shape.furniture)
    assert kinds == set(FURNITURE)
    assert total.rate >= FURNITURE_FLOOR, total.lost


def test_a_word_and_separator_opening_every_title_is_the_familys_mark() -> None:
    """(issue #15, helper z25a) 亮点·A, 亮点·B: the word every case title opens with before a separator is the mark of
    the family, not the titles' words; a place before a space, or a word only some titles open with, stays."""
    from ftzgraph.graph.extract._split_shapes import shared_lead

    assert shared_lead(["亮点·台胞“一站式”服务", "亮点·跨境电商“海外仓”"]) == len("亮点·")
    assert shared_lead(["Story-“一码通关”上线", "Story-“研发飞地”落地"]) == len("Story-")
    assert shared_lead(["甲市　“一码通关”上线", "甲市　“研发飞地”落地"]) == 0
    assert shared_lead(["亮点·台胞“一站式”服务", "跨境电商“海外仓”"]) == 0
    assert shared_lead(["中欧班列·长安号“运贸一体”"]) == 0
    cases = split_cases(
        Document(
            id="w",
            path=Path("w.txt"),
            text=_render_words("故事—"),
            sha256="w",
        )
    ).cases
    assert [c.title for c in cases] == ["“交房即交证”改革", "跨境电商“海外仓”服务", "“信用+执法”分级监管"]


def _render_words(mark: str) -> str:
    body = (
        "某市改革经验汇编\n\n本汇编收录3个案例。\n\n"
        f"{mark}“交房即交证”改革\n甲区住房和城乡建设局推行交房即交证，购房人收房当天即可领取不动产权证书，已惠及3200户。\n\n"
        f"{mark}跨境电商“海外仓”服务\n乙区商务局借鉴某片区经验建设海外仓服务平台，全年服务企业85家，出口额增长30%。\n\n"
        f"{mark}“信用+执法”分级监管\n丙市市场监督管理局推行信用分级分类监管，对守信企业减少检查频次，检查频次降低40%。\n"
    )
    return body


@pytest.mark.parametrize(
    "line", ["韶关：“湾区认证”一站办理", "西双版纳｜边民互市“落地加工”", "宁波市：进口商品“先放后检”"]
)
def test_a_citys_name_or_stem_before_a_separator_is_a_label_not_a_mark(line: str) -> None:
    """A dispatch's city before its item (韶关：title) names where, as 宁波市：does; it is no word of a family's mark,
    which would set each city's heading in a family of its own (issue #15)."""
    assert heading_mark(line) is None


def test_a_mark_word_before_a_separator_is_still_a_mark() -> None:
    mark = heading_mark("示范：企业开办“一日办结”")
    assert mark is not None and mark.distinct


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("标签：#借鉴推广 #政务服务", True),
        ("栏目：金融创新", True),
        ("#贸易便利 #首创探索", True),
        ("关键词：“一业一证”", False),  # a keyword heading names the case's reform
        ("跨境电商“退货中心仓”", False),
    ],
)
def test_a_line_of_tags_is_read_as_such(line: str, tags: bool) -> None:
    assert tag_line(line) is tags
