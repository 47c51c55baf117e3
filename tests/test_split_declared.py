"""What a collection says about itself (graph/extract/_split_declared.py): the count its head states chooses among
the splits the rules can make and is checked against the final one, and the titles it lists first open its cases
whatever their marks. The texts are written for the tests, in layouts no heading rule knew."""

from __future__ import annotations

from pathlib import Path

import pytest
from _layout_fuzz import Shape, collections, recovery
from rdflib import Literal

from ftzgraph.graph.extract._split_counted import counted_split, title_like
from ftzgraph.graph.extract._split_declared import stated_count
from ftzgraph.graph.extract._split_lines import text_lines
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.extract.provider import provider_line
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document
from ftzgraph.graph.rdf.diagnostics import diagnose
from ftzgraph.graph.rdf.document import document_graph
from ftzgraph.ontology.namespace import FTZ


def _document(text: str) -> Document:
    return Document(id="x", path=Path("x.txt"), text=text, sha256="x")


def _count(head: str) -> int | None:
    document = _document(head)
    found = stated_count(document, text_lines(head), 60)
    return found[0] if found else None


@pytest.mark.parametrize(
    ("head", "count"),
    [
        ("现将舟山片区、宁波片区等地形成的4个制度创新案例印发给你们，请结合实际学习借鉴。", 4),
        ("我们从各片区报送的材料中遴选出上述4项典型经验，汇编成册。", 4),
        ("现将第三批制度创新成果（共四项）印发给你们。", 4),
        ("附件：6个典型案例", 6),
        ("以下三个案例供各地学习借鉴。", 3),
        ("现将我省第三批10个最佳实践案例印发给你们。", 10),
        ("现将我省自贸试验区四个专题案例印发给你们。", 4),  # any short qualifier before 案例, a place before the count
    ],
)
def test_the_count_a_head_states_in_any_numerals(head: str, count: int) -> None:
    assert _count(head) == count


@pytest.mark.parametrize(
    "head",
    [
        "我省累计发布制度创新案例146项，其中12项被国务院在全国复制推广，惠及市场主体12万家。",
        "全国复制推广20项制度创新成果。",  # a totals statement
        "天府新区片区的两项案例有什么特点？",  # a count the text speaks of, not its own
        "全年共复制推广改革试点经验38项。",
        "两地企业可在任一窗口办理132项政务服务事项。",  # 事项 of another kind, no word of the genre's cases
        "现将3个案例和5个做法印发给你们。",  # two counts that disagree
    ],
)
def test_a_count_of_something_else_is_no_stated_count(head: str) -> None:
    assert _count(head) is None


def _stems_collection(marks: list[str], stated: str) -> str:
    """Three cases under heading marks no rule knows, each with inner numbered points (（一）（二）) and no section
    words: without the stated count nothing tells the case level from the inner one."""
    bodies = [
        ("船用燃料油“一船多供”监管", "舟山海关对多家供油企业供油实行集中监管，单船加油时间由20小时缩短至8小时。"),
        ("跨境电商“退货中心仓”模式", "宁波海关设立退货中心仓，退货处理时间由30天缩短至7天。"),
        ("数字贸易企业“白名单”通关", "杭州海关会同杭州市商务局建立企业白名单，白名单企业已有86家。"),
    ]
    text = f"某省自由贸易试验区工作办公室关于印发制度创新案例的通知\n各市人民政府：\n　　现将{stated}印发给你们。\n\n"
    for mark, (title, body) in zip(marks, bodies, strict=True):
        text += f"{mark}{title}\n（一）建立工作机制\n　　{body}\n"
        text += "（二）强化部门协同\n　　相关部门共享数据，累计服务企业120家。\n"
    return text


@pytest.mark.parametrize(
    "marks",
    [
        ["甲　", "乙　", "丙　"],
        ["⒈ ", "⒉ ", "⒊ "],
        ["【第一例】", "【第二例】", "【第三例】"],
        ["Case 1 ", "Case 2 ", "Case 3 "],
    ],
)
def test_the_stated_count_chooses_the_family_of_that_many_cases(marks: list[str]) -> None:
    cases = split_cases(_document(_stems_collection(marks, "3个制度创新案例"))).cases
    assert [c.title for c in cases] == [
        "船用燃料油“一船多供”监管",
        "跨境电商“退货中心仓”模式",
        "数字贸易企业“白名单”通关",
    ]


LISTED = """某省自贸试验区第五批典型经验汇编

目　录
甲片区：“空港型”物流枢纽联动通关
乙片区：海铁联运“一单制”
丙片区：进口再生原料“先放后检”

【第一例】“空港型”物流枢纽联动通关
（甲片区）
做法：甲海关推行机场口岸与综合保税区联动通关，转关时间由6小时缩短至1.5小时。

【第二例】海铁联运“一单制”
（乙片区）
做法：乙海关与铁路部门共享运单数据，海铁联运箱量达到42万标箱。

【第三例】进口再生原料“先放后检”
（丙片区）
做法：丙海关对进口再生原料实施先放后检，放行时间由5天缩短至1天。
"""


def test_listed_titles_open_the_cases_whatever_their_marks() -> None:
    split = split_cases(_document(LISTED))
    assert [row.provider for row in split.table] == ["甲片区", "乙片区", "丙片区"]
    assert [(c.number, c.title) for c in split.cases] == [
        (1, "“空港型”物流枢纽联动通关"),
        (2, "海铁联运“一单制”"),
        (3, "进口再生原料“先放后检”"),
    ]
    assert [(provider_line(c) or ("",))[0] for c in split.cases] == ["甲片区", "乙片区", "丙片区"]
    assert not any("differs" in w for c in split.cases for w in c.warnings)


OUTLINE = """某市改革成果展　展陈文本

【展区导览】
Ⅰ　序厅
Ⅱ　复制推广成果展区
　　Ⅱ-1《进口药品“通关一站式”》
　　Ⅱ-2《农产品出口“溯源码”》
　　Ⅱ-3《保税维修“全程保税”》
Ⅲ　首创成果展区

Ⅰ　序厅
主标题｜开放之城

Ⅱ　复制推广成果展区
展区说明｜本展区展出复制推广成果，每项一块展板。

Ⅱ-1《进口药品“通关一站式”》
展示单位｜某海关
某海关推行进口药品通关一站式办理，通关时间由3天缩短至1天，服务企业45家。

Ⅱ-2《农产品出口“溯源码”》
展示单位｜某县市场监督管理局
某县市场监管局为出口农产品赋予溯源码，已赋码产品1.6万批次，验放时间缩短40%。

Ⅱ-3《保税维修“全程保税”》
展示单位｜某区人民政府
某区对保税维修货物实行全程保税监管，今年维修飞机发动机120台，同比增长30%。

Ⅲ　首创成果展区
（内容另附，略）
"""


def test_a_guide_listing_items_under_their_parts_opens_cases_at_the_items_only() -> None:
    """Ⅱ　part / 　　Ⅱ-1《item》: the marks' shapes tell the items from the parts they stand under."""
    split = split_cases(_document(OUTLINE))
    assert [c.title for c in split.cases] == ["进口药品“通关一站式”", "农产品出口“溯源码”", "保税维修“全程保税”"]


TASKS = """某省人民政府办公厅关于做好改革经验复制推广工作的通知
各设区市人民政府：
　　现就有关事项通知如下：
　　一、明确重点任务
　　二、强化部门协同
　　三、加强督促落实

一、明确重点任务
　　各地要对照附件所列案例制定复制推广方案。
二、强化部门协同
　　省商务厅牵头做好统筹协调。
三、加强督促落实
　　省商务厅定期调度复制推广进展。

附件：改革经验案例（共3个）

（一）进口木材“口岸+属地”协同监管
（报送单位：甲市商务局）
　　甲海关对进口木材实行口岸检疫、属地监管，通关时间由3天缩短至1天，进口木材达60万立方米。
（二）稀土产品出口“一企一策”服务
（报送单位：甲市人民政府）
　　甲海关为稀土出口企业提供政策辅导，稀土产品出口额增长28%，服务企业45家。
（三）家具产业“跨境电商+海外仓”出口
（报送单位：乙区人民政府）
　　乙区人民政府建设跨境电商产业园，支持企业设立海外仓18个，出口额达9.6亿元。
"""


def test_a_list_of_the_notices_own_tasks_opens_no_case() -> None:
    split = split_cases(_document(TASKS))
    assert split.table == []
    assert [c.title for c in split.cases] == [
        "进口木材“口岸+属地”协同监管",
        "稀土产品出口“一企一策”服务",
        "家具产业“跨境电商+海外仓”出口",
    ]


SPEAKERS = """复制推广改革经验工作推进会交流材料

目　　录
交流材料之一　甲市人民政府
交流材料之二　乙市人民政府
交流材料之三　丙区管委会

━━━━━━━━━━━━━━━━━━━━
交流材料之一

行业准入“一业一证”
甲市人民政府

　　甲市借鉴外省经验推行“一业一证”，办理环节由12个压减至4个，已发放许可证3800余张。

━━━━━━━━━━━━━━━━━━━━
交流材料之二

新能源项目“多评合一”
乙市人民政府

　　乙市推行项目评估“多评合一”，审批时间由90天压缩至30天，已服务项目45个。

━━━━━━━━━━━━━━━━━━━━
交流材料之三

中欧班列“集拼集运”
丙区管委会

　　丙区借鉴外省做法推行“集拼集运”，集货时间由7天缩短至3天，开行班列320列。
"""


def test_a_contents_list_of_speakers_lists_no_titles() -> None:
    """交流材料之一　甲市人民政府: the list names who speaks, and the unit lines under each case's title recur it;
    the cases' titles are their headings, not the units."""
    split = split_cases(_document(SPEAKERS))
    assert split.table == []
    assert [c.title for c in split.cases] == ["行业准入“一业一证”", "新能源项目“多评合一”", "中欧班列“集拼集运”"]


KNOWN = """某省自由贸易试验区工作办公室关于印发制度创新案例的通知
各市人民政府：
　　现将5个制度创新案例印发给你们。

一、进口木材“口岸+属地”协同监管
报送单位：甲市商务局
　　甲海关对进口木材实行口岸检疫、属地监管，通关时间由3天缩短至1天，进口木材达60万立方米。
二、稀土产品出口“一企一策”服务
报送单位：甲市人民政府
　　甲海关为稀土出口企业提供政策辅导，稀土产品出口额增长28%，服务企业45家。
三、家具产业“跨境电商+海外仓”出口
报送单位：乙区人民政府
　　乙区人民政府建设跨境电商产业园，支持企业设立海外仓18个，出口额达9.6亿元。
"""


def test_a_split_that_disagrees_with_the_stated_count_is_reported() -> None:
    split = split_cases(_document(KNOWN))  # states five, holds three
    assert split.stated_count is not None and split.stated_count[1].quote == "5个制度创新案例"
    assert len(split.cases) == 3
    [warning] = [w for w in split.warnings if "states 5 cases" in w]
    assert warning == "x.txt:3: the document states 5 cases ('5个制度创新案例'); 3 found"
    extraction = extract_document(_document(KNOWN), load_gazetteer())
    assert warning in extraction.warnings
    [diagnostic] = [d for d in diagnose(extraction) if d.kind == "case_count"]
    assert diagnostic.message == "3 cases found; the document states 5"
    assert diagnostic.evidence is not None and diagnostic.evidence.quote == "5个制度创新案例"
    graph = document_graph(extraction, load_gazetteer())
    warnings = {o for o in graph.objects(None, FTZ.warning) if isinstance(o, Literal)}
    assert {warning, diagnostic.message} <= {str(o) for o in warnings}


def test_cases_read_past_the_splitter_are_checked_against_the_count_too() -> None:
    text = _stems_collection(["甲　", "乙　", "丙　"], "5个制度创新案例")  # no split of five: the whole text is read
    extraction = extract_document(_document(text), load_gazetteer())
    assert [w for w in extraction.warnings if f"states 5 cases ('5个制度创新案例'); {len(extraction.cases)} found" in w]


def test_a_split_that_agrees_with_the_stated_count_reports_nothing() -> None:
    extraction = extract_document(_document(_stems_collection(["甲　", "乙　", "丙　"], "3个制度创新案例")))
    assert len(extraction.cases) == 3
    assert not [w for w in extraction.warnings if "states" in w]
    assert not [d for d in diagnose(extraction) if d.kind == "case_count"]


def test_a_mark_alone_over_a_listed_title_opens_its_case() -> None:
    text = LISTED
    for k, mark in enumerate(["【第一例】", "【第二例】", "【第三例】"], start=1):
        text = text.replace(mark, f"CASE 0{k}\n")
    document = _document(text)
    cases = split_cases(document).cases
    assert [c.title for c in cases] == ["“空港型”物流枢纽联动通关", "海铁联运“一单制”", "进口再生原料“先放后检”"]
    assert [text[c.start : c.start + 7] for c in cases] == ["CASE 01", "CASE 02", "CASE 03"]
    assert "CASE" not in text[cases[0].start + 7 : cases[0].end]


QUOTED = """某省商务厅关于复制推广改革创新案例的通知
各市州商务局：
　　现将“冷链班列集中查验”“综保区保税研发”“跨境电商出口监管”等3个典型案例印发给你们。

『冷链班列集中查验』
——甲新区商务局供稿
　　甲海关对冷链班列实行集中查验、快速放行，冷链班列开行量达到120列，运输时间缩短3天。

『综保区保税研发』
——甲新区商务局供稿
　　甲海关对研发料件实行保税监管，通关时间由2天缩短至半天，入区研发企业达到18家。

『跨境电商出口监管』
——乙市商务局供稿
　　甲海关对跨境电商出口实行一次登记，出口额达3.2亿元，申报时间压缩50%。
"""


def test_titles_named_inline_in_the_head_open_their_cases() -> None:
    split = split_cases(_document(QUOTED))
    assert [row.title for row in split.table] == ["冷链班列集中查验", "综保区保税研发", "跨境电商出口监管"]
    assert [c.title for c in split.cases] == ["冷链班列集中查验", "综保区保税研发", "跨境电商出口监管"]
    assert not split.warnings


def test_a_list_that_disagrees_with_the_stated_count_lists_no_cases() -> None:
    text = QUOTED.replace("等3个典型案例", "等5个典型案例")  # three names of five cases: not the list of the cases
    assert split_cases(_document(text)).table == []


def test_marks_a_rule_kept_in_a_title_go_when_a_numbered_family_heads_the_same_cases() -> None:
    bodies = ["港口危险货物“联合监管”", "装备制造企业“保税维修”", "跨境电商“海外仓”备案"]
    text = "某省自贸办关于印发改革经验的通知\n　　本批共推出典型做法三项，现印发给你们。\n\n"
    for mark, title in zip(["ⅰ. ", "ⅱ. ", "ⅲ. "], bodies, strict=True):
        text += f"{mark}{title}\n1.背景\n监管部门多头检查，企业负担重。\n2.举措\n甲海关建立联合监管平台。\n"
        text += "3.成效\n检查时间缩短40%，服务企业15家。\n（甲片区）\n\n"
    assert [c.title for c in split_cases(_document(text)).cases] == bodies


CAPTIONED = """某市自贸试验区制度创新案例选编
现将3个制度创新案例印发给你们。

企业开办“一日办结”
【同期声】某市市场监督管理局登记注册科科长　王某某
某市市场监督管理局推行企业开办全流程网办，开办时间由3天压缩至1天，全年已服务新开办企业3200家，群众满意率达到99%。

跨境电商“退货中心仓”模式
【同期声】某海关综合业务科科长　李某某
某海关在综合保税区设立退货中心仓，消费者退货商品集中分拣后原路退回，退货周期由30天缩短至7天，入驻企业46家。

国际船舶“一站式”登记
【同期声】某海事局船舶登记科副科长　赵某某
某海事局推行船舶登记一站式办理，登记、检验和证书核发一窗受理，登记时间由10天缩短至3天，已登记船舶22艘。
"""


def test_of_two_families_of_the_stated_count_the_titles_win_over_recurring_captions() -> None:
    """A speaker caption recurs once per case as the title does: both families match the count, and the first one
    offered (the captions) must lose to the one whose headings are titles."""
    lines = text_lines(CAPTIONED)
    at = {line.bare: i for i, line in enumerate(lines)}
    captions = [(i, i, None) for bare, i in at.items() if bare.startswith("【同期声】")]
    titles = [(at[t], at[t], None) for t in ("企业开办“一日办结”", "跨境电商“退货中心仓”模式", "国际船舶“一站式”登记")]
    chosen = counted_split(3, ([], {}), [lambda: [(captions, {})], lambda: [(titles, {})]], list, lines, set())
    assert chosen[0] == titles
    # the captions are the split only when nothing else has the count
    assert counted_split(3, ([], {}), [lambda: [(captions, {})]], list, lines, set())[0] == captions


@pytest.mark.parametrize(
    ("text", "titled"),
    [
        ("企业开办“一日办结”", True),
        ("Ⅱ-1《数据跨境“白名单”管理》", True),
        ("转发 18　｜　评论 3　｜　赞 96", False),  # a post's counters
        ("【同期声】某海关综合业务科科长　李某某", False),  # a speaker caption
        ("（二）主要成效", False),  # a section's words
        ("某港改革快讯", False),  # a masthead
        ("2025-3-1 09:00 来自 手机客户端", False),  # a post's stamp
    ],
)
def test_a_heading_family_is_made_of_title_like_lines(text: str, titled: bool) -> None:
    assert title_like(text) is titled


def test_a_list_naming_every_case_found_keeps_its_cases_over_more_headings_elsewhere() -> None:
    """A contents slide naming every case and an asterism over each case's first slide: 幻灯片 4 over a case's
    second slide opens no case of its own (rendered by the layout fuzzer from a held-out slide deck)."""
    deck = next(c for c in collections() if c.name == "sichuan-slides-toc-collection")
    found = recovery(deck, Shape(parting="＊\u3000＊\u3000＊"))
    assert (found.recovered, found.wrong) == (found.cases, 0)


NAMED_APART = """某片区管委会关于印发制度创新案例的通知

各有关单位：
　　现将“进口药品通关一站式”等3个制度创新案例印发给你们。其中，“进口药品通关一站式”由甲区提供，“农产品出口溯源码”由乙县报送，“保税维修全程保税”由丙区推荐。

某片区管委会
2024年9月10日

附件

一、进口药品通关一站式
　　对进口药品实行通关一站式办理，企业一次提交材料，通关时间由3天缩短至1天。

二、农产品出口溯源码
　　为出口农产品赋予溯源码，海关凭码快速验放，已赋码产品1.6万批次。

三、保税维修全程保税
　　对保税维修货物实行全程保税监管，今年维修飞机发动机120台。
"""


def test_titles_a_head_names_apart_with_their_units_open_their_cases() -> None:
    """其中，“A”由X提供，“B”由Y报送: the names stand apart, each once however often named, and recur in order."""
    split = split_cases(_document(NAMED_APART))
    assert [c.title for c in split.cases] == ["进口药品通关一站式", "农产品出口溯源码", "保税维修全程保税"]
    assert [c.provider for c in extract_document(_document(NAMED_APART)).cases] == ["甲区", "乙县", "丙区"]


def test_the_count_said_of_this_document_beats_an_earlier_issues() -> None:
    """A head naming an earlier issue's or batch's items with their count (第一期已刊登…等5篇, 第一批汇总稿已于…印发，
    收录…6项做法) and its own (本期选登3篇, 本稿收录…共3项): the document's own count stands, though its clause names no
    genre word after the unit; a count of what was presented before (已收录的10个案例) is another document's."""
    assert _count("编者的话：第一期已刊登某甲县“茶园托管”等5篇，本期选登3篇，均为基层来稿。") == 3
    assert (
        _count("编印说明：第一批汇总稿已于4月印发，收录某乙区退货仓等6项做法，本稿不再重复。本稿收录做法共3项。") == 3
    )
    assert _count("说明：去年印发的选编已收录的10个案例不再收录。本辑收录各部门报送的创新案例4个。") == 4
    assert _count("编者按：上期刊发了某丙片区报送的8个案例，本期刊发某市各部门的材料。") is None


@pytest.mark.parametrize(
    ("head", "count"),
    [
        ("翻开过去一年的改革账本，四件事值得细说。", 4),  # a commentary's count before its verdict
        ("今年以来，我市复制推广自贸试验区改革经验，有三个“小切口”做法让人印象很深。", 3),  # a quoted modifier
        ("下面说说三件事。", 3),
        ("这篇短评讲述四个改革故事。", 4),
    ],
)
def test_a_commentary_states_its_count_before_its_verdict(head: str, count: int) -> None:
    assert _count(head) == count


@pytest.mark.parametrize(
    "head",
    [
        "这三件事说起来容易，做起来难。",  # no word presenting them
        "全市推行高效办成一件事改革。",  # one thing, no count of cases
        "全年两件事值得一提的是投诉量下降。",  # a clause of the year's totals
    ],
)
def test_a_thing_counted_without_presenting_it_is_no_stated_count(head: str) -> None:
    assert _count(head) is None
