"""Splitting and providers in layouts named by their features, not by any document (issue #15, helper z15j).

Each text below is written in a layout the splitter gave no case, or no provider, for before: headings marked with
a symbol or emoji over plain paragraphs, a provider before a vertical bar, a bracketed place tag, a number alone
under an emoji, headings wrapped over two lines (also across a PDF page break), run-in section labels (（一）主要做
法。…, ▲做法　…), summary tables drawn with box characters or an ASCII grid, a web page's end mark and credits, and
a text with no case structure at all. The guards check that a notice keeps its clear error.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _dev_scoring import COLLECTIONS, extracted, gold, score_collection

from ftzgraph.graph.errors import NoCasesError
from ftzgraph.graph.extract._split_furniture import article_end, furniture_heading, picture_line
from ftzgraph.graph.extract._split_headings import _NUMBERING, _number_line, heading_number
from ftzgraph.graph.extract._split_tables import table_line
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.extract.provider import provider_line
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document
from ftzgraph.graph.sources.page_furniture import mask_page_furniture
from ftzgraph.graph.sources.script import to_simplified
from ftzgraph.graph.text import title_key


def _document(text: str, name: str = "x.txt") -> Document:
    return Document(id=name.split(".")[0], path=Path(name), text=text, sha256="x")


def _split(text: str) -> list[tuple[int | None, str, str | None]]:
    cases = split_cases(_document(text)).cases
    return [(c.number, c.title, (provider_line(c) or (None,))[0]) for c in cases]


SYMBOL_PIPE = """某区发布自贸试验区制度创新案例

2024-05-06　来源：某区融媒体中心

本报讯　某区日前发布制度创新案例3个，现将案例摘要刊发如下。

◆ 甲区商务局｜跨境电商“退货中心仓”
甲区商务局会同甲海关推行跨境电商退货中心仓模式，退货商品在区内集中分拣、统一办理退货手续。
退货办理时间由15天缩短至3天，累计办理退货2万余单。

◆ 乙港海关｜进口货物“两段准入”
乙港海关联合乙市商务局开展进口货物“两段准入”试点，企业提离货物后再完成合格评定。
货物通关时间压缩40%，惠及企业300余家。

◆ 丙片区管委会｜工程建设“多测合一”
丙片区管委会牵头建立“多测合一”机制，一次委托、统一测绘、成果共享，测绘费用由企业节约约三成。
测绘时间由20个工作日压缩至7个工作日，已服务项目120个。

（责任编辑：某某）
"""


def test_symbol_headings_over_plain_paragraphs_with_the_provider_before_a_bar() -> None:
    assert _split(SYMBOL_PIPE) == [
        (1, "跨境电商“退货中心仓”", "甲区商务局"),
        (2, "进口货物“两段准入”", "乙港海关"),
        (3, "工程建设“多测合一”", "丙片区管委会"),
    ]


def test_the_last_case_ends_before_the_page_credits() -> None:
    last = split_cases(_document(SYMBOL_PIPE)).cases[-1]
    assert last.text.rstrip().endswith("已服务项目120个。")


PLACE_TAGS = """某市复制推广自贸试验区改革经验典型案例汇编

【甲县】企业开办“一网通办”
▲背景　企业开办需跑多个部门，材料重复提交。
▲做法　甲县复制推广自贸试验区改革试点经验，由县行政审批局牵头推行企业开办“一网通办”。
▲成效　企业开办时间由3天压缩至半天。

【乙经开区】工业用地“标准地”
▲背景　工业项目拿地后审批多、开工慢。
▲做法　乙经开区管委会借鉴自贸试验区做法，推行工业用地“标准地”出让。
▲成效　项目开工时间平均提前3个月。

（某市商务局供稿）
"""


def test_a_place_tag_heading_names_the_provider_before_a_closing_credit() -> None:
    assert _split(PLACE_TAGS) == [(1, "企业开办“一网通办”", "甲县"), (2, "工业用地“标准地”", "乙经开区")]


EMOJI_NUMBERS = """这3个制度创新案例，值得一看！

原创　某某商务　2024年06月18日

🔸案例一
“科技片区”｜技术合同“免审即登”

👉怎么做
某区科技局推行技术合同登记“免审即登”，企业在线提交合同即可完成登记。

✅看成效
登记时间由3个工作日缩短至即时办结，累计登记合同6500余项。

来源：某区科技局

🔸案例二
“商务片区”｜外资企业“准入即准营”

👉怎么做
某区市场监管局牵头设立外资企业服务专区，实行设立登记、商务备案一站式办理。

✅看成效
外资企业开办时间压缩至1个工作日以内，累计服务企业2100多家。

来源：某区市场监管局

🔸案例三
“产业片区”｜研发用物品“白名单”

👉怎么做
某开发区管委会联合某海关建立研发用物品进口“白名单”制度，海关凭白名单直接验放。

✅看成效
研发用物品通关时间由15天缩短到3天左右，节约成本近4000万元。

来源：某开发区管委会

—— END ——

来源：某市商务局
编辑：小商
阅读原文
"""


def test_an_emoji_number_over_a_labelled_title_and_closing_source_lines() -> None:
    assert _split(EMOJI_NUMBERS) == [
        (1, "技术合同“免审即登”", "某区科技局"),
        (2, "外资企业“准入即准营”", "某区市场监管局"),
        (3, "研发用物品“白名单”", "某开发区管委会"),
    ]


WRAPPED = """关于复制推广改革创新实践案例的通知

各片区管委会：现将实践案例印发你们，请结合实际复制推广。

一、边境口岸货车“无
人驾驶”跨境接驳
（报送单位：甲片区管委会）
　　（一）主要做法。甲片区联合甲海关在口岸开展外籍货车跨境接驳试点，设置接驳专用通道。
　　（二）实践效果。口岸日均通关货车由600辆次提高到900余辆次。

二、跨境电商“海外仓+前置仓”
联动模式
（报送单位：乙市商务局）
　　（一）主要做法。乙市商务局会同乙海关推动企业建设海外仓，在综合保税区建设前置仓。
　　（二）实践效果。已建成海外仓23个，跨境电商出口额同比增长近3倍。

三、棉纺织企业跨境融资
{masked_number}
{masked_header}
“白名单”
（报送单位：丙分行）
　　（一）主要做法。丙分行建立棉纺织企业跨境融资“白名单”，名单内企业可自主借入外债。
　　（二）实践效果。已有57家企业纳入白名单，累计跨境融资约4.6亿美元。
""".format(masked_number="\u3000" * 6, masked_header="\u3000" * 12)  # a page number and header blanked

BARE_WRAPPED = """某省自贸试验区实践案例

跨境电商“海外仓+
前置仓”联动
（报送单位：乙市商务局）
　　（一）主要做法。乙市商务局会同乙海关推动企业建设海外仓，在综合保税区建设前置仓。
　　（二）实践效果。已建成海外仓23个，跨境电商出口额同比增长近3倍。

口岸通关“一站式”
（报送单位：丁海关）
　　（一）主要做法。丁海关推行货物通关和人员通关一站式办理，实行“一次查验、双向放行”。
　　（二）实践效果。货车平均通关时间由2小时缩短至30分钟以内。
"""


def test_headings_wrapped_over_two_lines_and_across_a_masked_page_break() -> None:
    assert _split(WRAPPED) == [
        (1, "边境口岸货车“无人驾驶”跨境接驳", "甲片区管委会"),
        (2, "跨境电商“海外仓+前置仓”联动模式", "乙市商务局"),
        (3, "棉纺织企业跨境融资“白名单”", "丙分行"),
    ]


def test_bare_titles_wrapped_over_two_lines_above_their_provider_line() -> None:
    assert _split(BARE_WRAPPED) == [(1, "跨境电商“海外仓+前置仓”联动", "乙市商务局"), (2, "口岸通关“一站式”", "丁海关")]


BOX_TABLE = """某省自贸试验区第五批制度创新案例

附件1

制度创新案例汇总表

┌──┬──────────────┬────────────┐
│序号│　　案例名称　　│　报送单位　│
├──┼──────────────┼────────────┤
│１　│跨境人民币“边贸结算便利化”│甲片区管委会│
├──┼──────────────┼────────────┤
│２　│外籍人员工作许可和居留许可│甲市人力资源│
│　　│“一窗通办”　　　　　　　　│和社会保障局│
└──┴──────────────┴────────────┘

附件2

案例１　跨境人民币“边贸结算便利化”
　　【改革背景】沿边企业交易普遍使用现金，结算成本高。
　　【主要做法】甲片区开展边贸人民币结算“白名单”管理。
　　【实践效果】已有86家企业纳入白名单。

案例２　外籍人员工作许可和居留许可“一窗通办”
　　【改革背景】外籍人员需在两个窗口分别办理许可。
　　【主要做法】设立“一窗通办”专窗，两证并联审批。
　　【实践效果】办理时限由22个工作日压缩至10个工作日。
"""


def test_a_box_drawn_summary_table_with_a_wrapped_cell_gives_the_providers() -> None:
    extraction = extract_document(_document(BOX_TABLE))
    assert [(c.number, c.provider) for c in extraction.cases] == [(1, "甲片区管委会"), (2, "甲市人力资源和社会保障局")]
    assert [row.title for row in extraction.table] == [
        "跨境人民币“边贸结算便利化”",
        "外籍人员工作许可和居留许可“一窗通办”",
    ]


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("├──┼────┼────┤", ""),
        ("+----+--------+------+", ""),
        ("│１　│跨境结算│甲片区│", "|１　|跨境结算|甲片区|"),
        ("1\t跨境结算\t甲片区", "1\t跨境结算\t甲片区"),
    ],
)
def test_table_drawings_read_as_pipe_rows(line: str, read: str) -> None:
    assert table_line(line) == read


def test_an_end_mark_cuts_the_article_furniture() -> None:
    text = "正文一句。\n来源：甲局\n\n—— END ——\n\n来源：某市商务局\n编辑：小商\n"
    assert text[: article_end(text, 0, len(text))] == "正文一句。\n来源：甲局"


ONE_CASE = """某市推行工程建设项目“多测合一”改革

为解决测绘事项多、重复测绘的问题，某市自然资源局会同市住建局推行“多测合一”，一次委托、统一测绘、成果共享。
改革实施以来，测绘时间由20个工作日压缩至7个工作日，累计服务项目120个，为企业节约费用约300万元。
"""


def test_a_text_with_no_case_structure_is_read_as_one_case_with_a_warning() -> None:
    extraction = extract_document(_document(ONE_CASE))
    (case,) = extraction.cases
    assert case.title == "某市推行工程建设项目“多测合一”改革"
    assert any("read as one case" in w for w in extraction.warnings)
    assert case.outcomes


@pytest.mark.parametrize(
    "text",
    [
        "这是一份普通的通知，没有任何案例。\n请各单位遵照执行。\n",
        "关于进一步深化改革创新的通知\n\n各市人民政府：\n为深化改革创新，推动复制推广，现就有关事项通知如下。"
        "\n一、总体要求\n坚持以制度创新为核心，总结推广改革成效和经验做法。\n某省人民政府办公厅\n2024年5月6日\n",
    ],
    ids=["notice", "notice of tasks"],
)
def test_text_that_reads_as_no_case_keeps_the_clear_error(text: str) -> None:
    with pytest.raises(NoCasesError):
        extract_document(_document(text))


KNOWN_TITLE_MISSES = {
    # (z30a's county report is titled right since z30d's rule that a labelled field line is no heading joined it.)
    # z27e's weekly bulletin (round 3, gold before the first run): bylined items under a masthead, read as one case.
    ("bazhong-zhoubao-collection", 1),
    ("bazhong-zhoubao-collection", 2),
    ("bazhong-zhoubao-collection", 3),
    ("bazhong-zhoubao-collection", 4),
    # (z27b's experience collection is cut and titled right since z27a's split by repetition joined it.)
    # z27b's policy Q&A (round 3, gold before the first run): answers naming their reform; three are cut by z27a's
    # split by repetition, each titled by its whole question.
    ("dazhou-wenda-collection", 1),
    ("dazhou-wenda-collection", 2),
    ("dazhou-wenda-collection", 3),
    ("dazhou-wenda-collection", 4),
    # A prose paragraph naming its reform twice (探索的“湾区标准”认证模式 … 推出“湾区认证”): the rule takes the first
    # quoted name, the gold the second (round 2 of z17a, gold written before the rule ran on it).
    ("guangdong-feature-collection", 4),
    # Provider round 1 of z19a (gold before the first run): a broadcast script's heading that keeps its programme's
    # name.
    ("yunnan-subject-collection", 4),
    # z22e's progress notice (gold before the first run): its gold writes a run-in title's practice without the
    # subject that performs it (醴陵市推行陶瓷出口“集拼转关” -> 陶瓷出口“集拼转关”), as round 26's writer did;
    # other golds keep the subject (邕宁区推行…, 天府新区片区推出…), so the rule keeps the heading's sentence whole.
    *(("zhuzhou-tongbao-collection", n) for n in (1, 2, 3)),
    # z23c's round 2 progress notice (gold before the first run), the same convention as zhuzhou-tongbao's gold.
    *(("jiangxi-pingxiang-tongbao-collection", n) for n in (1, 2, 3, 4)),
    # A chronicle's entry launching its reform with a qualifier before the quote (推行优质企业“A”): the rule
    # keeps the words after the verb, as in 推出市场采购贸易“B”, the gold the quoted name (z22g round 1, gold first).
    ("jining-chronicle-collection", 4),
    # Held-out round of z22d (providers and origins; gold before the first run): layouts the splitter does not cut yet
    # (a newspaper page's kicker / title / dash subtitle, where the subtitle is read as the heading; a micro-video's
    # captions under 【第N讲】). Its report whose first cases sit under a head sentence listing their units is cut
    # right since z22e's contents rule joined it.
    *(("sichuan-mianyang-newspage-collection", n) for n in (1, 2, 3, 4)),
    # (zhejiang-shaoxing-captions is cut and titled right since z27a's split by repetition joined it.)
    # z25e's second media round (gold before the first run): an infographic whose first item's heading is followed by
    # a picture line (① X：title / 【图2】) and whose parts stand between ▼ lines; the separator rules join the two.
    ("sanming-tujie-collection", 1),
    # z26b's held-out feedback forms saved with TABs: titled from their 督办事项 fields since z28b read the head's count
    # (本期…共3份), each form opening at its first field.
    # Held-out rounds of z25c (providers; gold before each first run): layouts the splitter does not cut yet (a
    # speech's （一）title paragraphs, a Markdown table, ◇place：title items, 第N页　案例X slides, a newspaper column's
    # and a discussion paper's 一、title items, and a summary whose contact lines close each case, read as the next
    # case's head). The speech and two of the bulletin's items are cut right since z25a's family rules joined them.
    # …and its round 4's heading whose bracket gives the provider by a bare stem with a verb (title（江山报送）): the
    # splitter's title keeps the bracket (the case and its provider are read right).
    ("quzhou-tuijian-collection", 1),
    *(("chongzuo-biaoge-collection", n) for n in (1, 2, 3, 4)),
    *(("pingtan-lianxidan-collection", n) for n in (1, 2, 3, 4)),
    *(("lishui-jianggao-collection", n) for n in (1, 2, 3, 4)),
    # (nanping-zhuanlan and loudi-yantao are cut and titled right since z27a's split by repetition joined them; lishui's
    # slides are cut right too, their titles keep the slide's 第N页　案例X.)
    *(("panzhihua-tonggao-collection", n) for n in (1, 2, 3, 4)),
    ("puer-taizhang-collection", 4),  # z27b's round 2 ledger: its last row, cut since z28b, titled with its row's tail
    # z26a's held-out (gold before the first run): a theme heading's paragraph names the reform as 实施“A”融资, and the
    # title keeps the noun after the quote that the gold leaves out (the scorer's substring rule counts it right).
    ("zhangye-shuzhi-collection", 1),
    # z27c's held-out furniture round (gold before the first run): a heading cut by a page break before its short rest
    # (案例三　…与水 / footer, form feed, header / 电气联动过户) keeps only its first half (the splitter joins a cut
    # heading only inside a quote); a news page's bare subheadings over paragraphs are not cut (the whole article is
    # one case, titled by its headline now that its breadcrumb and site lines are blanked).
    ("hebi-pdfyemei-collection", 3),
    # z28f's held-out provider rounds (gold before the first run): cases the splitter does not cut yet (CASES_LEFT).
    ("shaoguan-fanti-collection", 3),
    ("shaoguan-fanti-collection", 4),
    *(("tieling-jianbao-collection", n) for n in (1, 2, 3, 4)),
    # z28j's held-out long-form round (gold before the first run): a duty report's dash-led run-in cases
    # (——X局联合Y局推出“A”，…) are cut, but each title is its whole paragraph, not the quoted practice.
    *(("neijiang-shuzhi-collection", n) for n in (1, 2, 3, 4)),
    # z28k's held-out mixed-form round 3 (gold before the first run): a post's headline around the reform's name
    # (“A”让企业少跑腿, 推行B模式) and a run-in title holding its field's words (个体工商户“B” read as “B”).
    *(("laibin-gongzhonghao-collection", n) for n in (1, 3, 4)),
    ("suizhou-huibian-collection", 4),
    # z29b's held-out labels rounds (gold before the first run): a name read out of the text under a label heading
    # stops at a verb inside it or leaves its head off (“A”审批 for “A”审批模式, 新能源项目“B” without 合并办理), and an
    # excerpt's cases keep the batch's own numbers (案例三, 案例五, 案例八) where the gold counts them 1 to 3.
    *(("jiuquan-zhuantibaogao-collection", n) for n in (1, 2, 3)),
    *(("longnan-zhuanfa-collection", n) for n in (1, 2, 3)),
    ("wenshan-lanmu-collection", 1),
    # z29g's held-out news rounds (gold before the first run): a practice named in running text is read with or
    # without its head noun and quotes (个体工商户“智能秒批” for …改革, “检验结果采信”制度 for 检验结果采信), which the
    # scorer's title rule accepts; a media centre's first case is titled by the facility it sets up (“退税服务驿站”)
    # before the practice it runs there.
    *(("haining-rongmeiti-collection", n) for n in (1, 2, 3)),
    *(("liling-dianxun-collection", n) for n in (1, 3)),
    *(("liuyang-fabuhui-collection", n) for n in (1, 2)),
    ("zhuji-ribao-collection", 2),
    *(("rugao-fabuhui-collection", n) for n in (1, 3)),
    ("tongxiang-jingjibao-collection", 3),
    *(("yixing-guangbo-collection", n) for n in (1, 2)),
}


def test_every_held_out_collection_gives_its_case_titles() -> None:
    """Each case's title is its gold title (width, quotes, punctuation and script aside) on every collection with
    gold; the known misses still miss (remove one from the list when it is fixed)."""
    for name in COLLECTIONS:
        cases = extracted(name)
        for case in gold(name)["cases"]:
            found = cases.get(case["n"])
            right = found is not None and title_key(to_simplified(found.title)) == title_key(
                to_simplified(case["title"])
            )
            assert right != ((name, case["n"]) in KNOWN_TITLE_MISSES), (name, case["n"])


JIANGSU_DATE = """某省自由贸易试验区工作办公室
2024年9月10日
- 1 -

生物医药研发用物品“白名单”通关
牵头单位：甲片区管委会
一、基本情况　企业进口研发用物品需逐票办理通关单。
二、主要做法　海关对白名单企业进口研发用物品免于逐票办理。
三、实践成效　通关时间由15天缩短至3天。

跨境数据流动“安全评估服务”
牵头单位：乙片区管委会
一、基本情况　企业数据出境评估材料多、周期长。
二、主要做法　片区设立数据出境服务站，提供评估辅导。
三、实践成效　评估周期由3个月缩短至1个月。
- 2 -
"""


def test_a_date_line_is_no_heading_and_a_bare_title_is_not_joined_across_a_page_break() -> None:
    extraction = extract_document(_document(JIANGSU_DATE))  # page numbers masked, as a build reads the file
    assert extraction.cases[0].title == "生物医药研发用物品“白名单”通关"


def test_text_mostly_in_another_language_is_no_case() -> None:
    text = (
        "# Notes\n\nEach collection (推行试点复制推广改革经验，缩短时间) was written by hand and checked against "
        "its gold; 35% of the cases name a provider in a table, and the outcomes are counted in 3个 tables.\n"
    ) * 4
    with pytest.raises(NoCasesError):
        extract_document(_document(text))


PROVIDERS_LEFT = {
    # z30b's held-out district news item: one closing 供稿 line names the provider of all its cases, read for none yet
    "dongxing-jiejian-webnews-collection": 1,
    # z29a's held-out WeChat post: its title (a city's 最佳实践案例 selection) is read as a national best-practice
    # collection, whose origins (the zones its cases borrowed from) replace two bodies' providers: a layout miss
    "yuyao-weixin-collection": 2,
    "jiayuguan-xingzhou-collection": 2,  # z28l's held-out daily page: a speaker (X局表示) and 附近的 before a town
    # z28k's held-out mixed-form round 3: the acting bureau read as its place (兴宾区 for 兴宾区行政审批局), a
    # provider-class miss left to that class's rules
    "laibin-gongzhonghao-collection": 1,
    # z29b's held-out labels rounds: a body acting under a theme heading read as its place (敦煌市 for
    # 敦煌市市场监督管理局), and an excerpt's cases numbered as the batch numbers them (案例三, 五, 八; gold 1 to 3)
    "jiuquan-zhuantibaogao-collection": 1,
    "longnan-zhuanfa-collection": 0,
    "lvliang-gongzuohuibao-collection": 2,
    "suizhou-huibian-collection": 2,
    "bazhong-zhoubao-collection": 0,  # z27e's weekly bulletin, read as one case (``KNOWN_TITLE_MISSES``)
    "hechi-jingyanji-collection": 2,  # z27b's experience collection, cut by repetition since z27a
    "panzhihua-tonggao-collection": 1,  # z27e's press releases, read as one case (``KNOWN_TITLE_MISSES``)
    "dazhou-wenda-collection": 0,  # z27b's policy Q&A, its answers' providers not read yet (``KNOWN_TITLE_MISSES``)
    "jingmen-xinwenye-collection": 0,  # z27c's news page, cut by repetition since z27a; providers not read yet
    # z26c's held-out survey (gold before the first run): the provider stands in a question's closing note
    # (（本题由X提供背景材料）), read with its 本题由 lead; providers were another fixer's class.
    "suihua-diaocha-collection": 0,
    "zhangye-fankuibiao-collection": 3,  # z26b's TAB forms, cut by repetition since z27a (``KNOWN_TITLE_MISSES``)
    "beijing-arrow-collection": 0,
    "gansu-bulletin-collection": 2,
    "ningxia-inline-collection": 0,
    "shanghai-paren-collection": 1,
    "hebei-zhuanti-collection": 4,
    # z19a's provider round 1: collections the splitter does not yet cut (CASES_LEFT) give no case's provider.
    "anhui-hashtag-collection": 4,
    "chongqing-tvscript-collection": 3,
    "fujian-boxes-report-collection": 4,
    # z20b's separator rounds: a chat's post headed by its unit and a quoted name gives the provider since z23c; a log
    # names it only as the subject of its diary sentence.
    "sichuan-groupchat-collection": 4,
    "jilin-log-collection": 1,
    "heilongjiang-wechatlog-collection": 4,
    # z20a's provider rounds: short forms whose place only the context gives (高新区税务局 in a 襄阳 case) or whose
    # zone the data keeps as written (X高新区市场监管局); a contents list N　title——X whose unit ends in 法院, which the
    # listed rows' unit pattern (split.py) does not take, so the list gives no row's provider.
    "hubei-slogan-collection": 2,
    "tianjin-dashlist-collection": 4,
    # z22e's progress notice: the gold names the place a run-in title opens with (醴陵市推行…), which z23c's heading
    # subject rule gives.
    "zhuzhou-tongbao-collection": 3,
    # z22d's round: collections the splitter does not cut yet (CASES_LEFT), so their providers go with their cases.
    "sichuan-mianyang-newspage-collection": 0,
    "zhejiang-shaoxing-captions-collection": 2,
    "zhuzhou-listreport-collection": 2,
    # z24c's court report: each case's unit is written as 本院X (牵头部门：本院诉讼服务中心), which no rule yet reads as
    # the court the report's head names.
    "jiaxing-fayuan-collection": 0,
    # z25a's held-out layouts (splitting only; providers are another helper's): a closing （本案例由X整理提供） read
    # with its verb, a leaflet's 谁来办：X field, a bilingual brochure's and a weekly report's first subjects.
    "xiaogan-jiangyi-collection": 0,
    "zhangzhou-zheye-collection": 0,
    "tongling-shuangyu-collection": 2,
    "xuchang-zhoubao-collection": 2,
    # z25c's held-out rounds whose cases the splitter does not cut yet (``KNOWN_TITLE_MISSES``): their providers are
    # read by case number, so they wait for the cuts.
    "chongzuo-biaoge-collection": 0,
    "pingtan-lianxidan-collection": 0,
    "dehong-zhuanbao-collection": 0,
    # z26a's held-out for case splitting (gold before the first run): an assessment whose heading gives the unit in
    # brackets after the item marker (评价事项1〔X〕title), and a supervision's receipts whose provider field follows
    # the number field: the cases and titles are read, the providers are left to the provider rules.
    "hanzhong-pingjia-collection": 0,
    "wuhai-huizhi-collection": 0,
    # z27a's held-out for case splitting (gold before the first run): a digest whose paragraphs run in with their
    # quoted title, the provider in brackets closing each case's second paragraph; the cases and titles are read, the
    # providers are left to the provider rules.
    "eerduosi-zhaiyao-collection": 0,
    # …and its second round, written after the split by repetition: a weekly's ⑴ 谯城区：title headings give the place
    # as the provider, which the provider rules do not read from that heading.
    "bozhou-zhoubao-collection": 0,
    # z28f's held-out provider rounds (gold before the first run): a Hong Kong paper's bare title among ■ X｜title
    # sections and a bulletin's bare quoted headlines are not cut yet; their providers wait for the cuts.
    "shaoguan-fanti-collection": 2,
    "tieling-jianbao-collection": 0,
}
"""Held-out collections of the agency rounds (helper z15g) whose providers the text writes by level only (区商务局,
CBD管委会) or not at all (one-paragraph cases), where the gold writes the full body: normalising such a provider is a
known leftover (branch note z15g, section 5). Their floor is what they give now, so a loss still fails. Helper z18b's
专题 collection names no provider but as the subject of a paragraph under an inner point ((一)建立… / 雄安片区会同…):
split since the stated count is read (branch note z18b), its providers are a known leftover. Helper z19b's television
script (【字幕】供稿：X under each case) and report boxes (（资料来源：X管委会） closing each box) write their providers
in lines no provider reader knows yet; the provider readers were another helper's at the time (branch note z19b), and
so were they for helper z20b's speeches, chats and log (branch note z20b)."""

CASES_LEFT = {
    "anhui-hashtag-collection": 4,
    # z29b's held-out report: its middle sub-point (a theme's label over a quoted name and a figure, no words of
    # copying) is no case on its own, since a work report's numbered paragraphs read the same (z29d)
    "jiuquan-zhuantibaogao-collection": 2,
    "bazhong-zhoubao-collection": 1,  # z27e's weekly bulletin: bylined items under a masthead, not cut yet
    "panzhihua-tonggao-collection": 1,  # z27e's press releases: 通稿 items under one masthead, not cut yet
    "puer-taizhang-collection": 4,  # z27b's round 2 ledger: the last row cut from the third since z28b
    "dazhou-wenda-collection": 3,  # z27b's policy Q&A: three answers cut by repetition since z27a
    "zhangye-fankuibiao-collection": 3,
    "zhejiang-closingsource-collection": 1,
    "fujian-preamblemap-collection": 1,
    "sichuan-mianyang-newspage-collection": 2,
    "zhuzhou-listreport-collection": 2,
    "chongzuo-biaoge-collection": 1,
    "shaoguan-fanti-collection": 3,  # z28f's Hong Kong paper: a bare title among ■ X｜title sections, not cut yet
    "tieling-jianbao-collection": 1,  # z28f's bulletin: bare quoted headlines under a 导读, not cut yet
    "longnan-zhuanfa-collection": 1,  # z29b's excerpt: cases numbered 3, 5, 8 as the batch numbers them, gold 1-3
}
"""Cases found now in held-out collections whose headings the splitter does not take yet (z19a's provider round 1 and
z22d's round, gold before the first run; left to the splitter's heading rules): a floor, so a loss still fails; raise
it if fixed."""


def test_every_held_out_collection_gives_all_its_cases() -> None:
    """A document of the genre never gives zero cases: every held-out collection is split into all its cases, and
    its providers are found but for at most one per collection (``PROVIDERS_LEFT`` aside)."""
    for name in COLLECTIONS:
        score = score_collection(name)
        assert score.found >= CASES_LEFT.get(name, score.cases), (name, score.misses)
        assert score.provider >= PROVIDERS_LEFT.get(name, score.cases - 1), (name, score.misses)


VERTICAL_TABLE = """某市自贸试验区制度创新案例

序号
案例名称
报送单位
1
船舶“一次登临”
甲港片区管委会
2
企业年报“多报合一”
乙市市场监管局

NO.1 船舶“一次登临”
【改革背景】船舶检查部门多、登临次数多。
【主要做法】海事、海关、边检实行“一次登临、联合检查”。
【实践成效】船舶在港停留时间平均缩短4小时。

NO.2 企业年报“多报合一”
【改革背景】企业需向多个部门分别报送年度报告。
【主要做法】市场监管部门推行年报“多报合一”。
【实践成效】企业年报填报时间由2小时减至半小时。
"""


def test_a_table_copied_one_cell_per_line_gives_the_providers_of_no_numbered_headings() -> None:
    extraction = extract_document(_document(VERTICAL_TABLE))
    assert [(c.number, c.title, c.provider) for c in extraction.cases] == [
        (1, "船舶“一次登临”", "甲港片区管委会"),
        (2, "企业年报“多报合一”", "乙市市场监管局"),
    ]


def test_the_source_cell_of_a_table_copied_one_cell_per_line_gives_the_cases_origin() -> None:
    """经验来源 in the header: the cell names the zone a case came from bare (issue #15, helper z22d)."""
    table = VERTICAL_TABLE.replace("报送单位\n1\n", "报送单位\n经验来源\n1\n").replace(
        "甲港片区管委会\n", "甲港片区管委会\n福建自贸试验区厦门片区\n"
    )
    table = table.replace("乙市市场监管局\n", "乙市市场监管局\n自主探索\n")
    cases = extract_document(_document(table)).cases
    assert [(o.zone, o.area) for o in cases[0].origins if o.kind == "zone"] == [("fujian", "厦门片区")]
    assert not cases[1].origins


@pytest.mark.parametrize(
    ("heading", "number"),
    [
        ("NO.3 title", 3),
        ("03｜title", 3),
        ("③ title", 3),
        ("典型案例之三：title", 3),
        ("Ⅲ. title", 3),
        ("3 跨境", 3),
        ("【典型案例三】title", 3),
        ("创新成果3 title", 3),
    ],
)
def test_numbering_in_any_style_gives_the_case_number(heading: str, number: int) -> None:
    found = next(pattern.match(heading) for _, pattern in _NUMBERING if pattern.match(heading))
    assert found is not None and found["n"] and heading[found.end() :].startswith(("title", "跨境"))
    assert heading_number(found["n"]) == number


ORDINAL_PARAGRAPHS = """首页 > 信息公开 > 部门动态

【字体：大 中 小】　【打印本页】　【关闭窗口】

某市复制推广改革试点经验见实效

今年以来，我市组织各地各部门复制推广自贸试验区改革试点经验，现将部分做法介绍如下：

一是甲区推行企业开办“一件事”服务。甲区由区行政审批局牵头，会同区税务局推行企业开办“一件事”，一表申请、一次办结。企业开办时间由2个工作日压缩至4小时以内。

二是乙海关推行进口货物“两段准入”监管。乙海关借鉴上海自贸试验区的做法开展“两段准入”试点，企业凭口岸检查结果即可提离货物。进口货物通关时间压缩约45%。

下一步，我市将持续深化复制推广工作。
"""

ONE_CASE_WITH_POINTS = """某区推行工程建设“多测合一”改革

主要做法：一是建立“多测合一”机制，一次委托、统一测绘、成果共享。
二是推行测绘成果网上共享，审批部门直接调用，不再重复提交。
实践成效：测绘时间由20个工作日压缩至7个工作日，累计服务项目120个。
"""


def test_paragraphs_opened_by_ordinals_and_an_acting_subject_are_the_cases() -> None:
    extraction = extract_document(_document(ORDINAL_PARAGRAPHS))
    assert [(c.number, c.provider) for c in extraction.cases] == [(1, "甲区"), (2, "乙海关")]
    assert extraction.cases[1].title == "进口货物“两段准入”监管"
    assert "下一步" not in extraction.cases[-1].text.text


def test_points_inside_one_case_are_no_cases() -> None:
    (case,) = extract_document(_document(ONE_CASE_WITH_POINTS)).cases
    assert case.title == "某区推行工程建设“多测合一”改革"


DASH_SUBTITLES = """某省自贸试验区制度创新案例汇编

目　　录

一、跨境结算“便利通”……………………1
二、航空物流“货站前置”…………………3

· 1 ·

一、跨境结算“便利通”
——甲高新区管委会

【基本情况】中小外贸企业跨境结算材料多、到账慢。
【主要做法】甲高新区管委会会同人民银行甲分行推行跨境结算“便利通”，优质企业凭支付指令即可办理结算。
【取得成效】结算平均到账时间由1天缩短至2小时以内。

· 2 ·

二、航空物流“货站前置”
——乙港片区

【基本情况】国际航空货物需在机场货站集中安检，高峰时段积压严重。
【主要做法】乙港片区会同乙海关在综合保税区设立前置货站，货物在区内完成安检后直接装机。
【取得成效】航空货物平均在港时间缩短约6小时。

· 3 ·
"""


def test_a_contents_list_and_dash_subtitle_providers() -> None:
    extraction = extract_document(_document(DASH_SUBTITLES))
    assert [(c.number, c.title, c.provider) for c in extraction.cases] == [
        (1, "跨境结算“便利通”", "甲高新区管委会"),
        (2, "航空物流“货站前置”", "乙港片区"),
    ]


def test_a_page_number_between_middle_dots_is_page_furniture() -> None:
    masked = mask_page_furniture(DASH_SUBTITLES)
    assert masked is not None and "· 2 ·" not in masked and len(masked) == len(DASH_SUBTITLES)


PLAIN_COPY = """某市改革创新经验汇编

为总结改革创新经验，现将部分片区、部门的实践做法汇编如下。

融资租赁飞机“离岸交付”（甲港片区）

做法：甲港片区推行飞机融资租赁离岸交付，甲海关对租赁飞机实行离岸交付监管。

成效：飞机交付时间缩短约15天，全年完成离岸交付飞机42架。

科技企业“一站式”服务（乙高新区）

做法：乙高新区设立科技企业服务中心，在中心设立政策兑现窗口。

成效：政策兑现时间由20天压缩至7天以内，服务企业1800余家。
"""


def test_bare_titles_over_section_labels_as_a_plain_text_copy_leaves_them() -> None:
    assert _split(PLAIN_COPY) == [(1, "融资租赁飞机“离岸交付”", "甲港片区"), (2, "科技企业“一站式”服务", "乙高新区")]


BRACKET_AND_SOURCE = """某省自贸试验区制度创新案例

一、跨境结算“便利通”
（甲高新区管委会）
【基本情况】中小外贸企业跨境结算材料多、到账慢。
【主要做法】甲高新区管委会会同人民银行甲分行推行跨境结算“便利通”。
【取得成效】结算平均到账时间由1天缩短至2小时以内。

二、企业年报“多报合一”
【基本情况】企业需向多个部门分别报送年度报告。
【主要做法】市场监管部门推行年报“多报合一”。
【取得成效】企业年报填报时间由2小时减至半小时。
【来源】丙市市场监管局
"""


def test_a_bracketed_unit_under_the_heading_and_a_bracketed_source_label() -> None:
    assert _split(BRACKET_AND_SOURCE) == [
        (1, "跨境结算“便利通”", "甲高新区管委会"),
        (2, "企业年报“多报合一”", "丙市市场监管局"),
    ]


NO_NUMBER_COLUMN = """某市自贸试验区制度创新案例

案例名称	报送单位
船舶“一次登临”	甲港片区管委会
企业年报“多报合一”	乙市市场监管局

第一篇　船舶“一次登临”
【改革背景】船舶检查部门多、登临次数多。
【主要做法】海事、海关、边检实行“一次登临、联合检查”。
【实践成效】船舶在港停留时间平均缩短4小时。

第二篇　企业年报“多报合一”
【改革背景】企业需向多个部门分别报送年度报告。
【主要做法】市场监管部门推行年报“多报合一”。
【实践成效】企业年报填报时间由2小时减至半小时。
"""


def test_a_summary_table_with_no_number_column_gives_the_providers() -> None:
    extraction = extract_document(_document(NO_NUMBER_COLUMN))
    assert [row.provider for row in extraction.table] == ["甲港片区管委会", "乙市市场监管局"]
    assert [c.provider for c in extraction.cases] == ["甲港片区管委会", "乙市市场监管局"]


CONTENTS = """某省自贸试验区制度创新案例汇编

目　录

案例一　跨境结算“便利通”………………………1
案例二　航空物流“货站前置”……………………3

案例一　跨境结算“便利通”
（甲高新区管委会提供）
【基本情况】中小外贸企业跨境结算材料多、到账慢。
【主要做法】甲高新区管委会会同人民银行甲分行推行跨境结算“便利通”。
【取得成效】结算平均到账时间由1天缩短至2小时以内。

案例二　航空物流“货站前置”
（乙港片区提供）
【基本情况】国际航空货物需在机场货站集中安检，高峰时段积压严重。
【主要做法】乙港片区会同乙海关在综合保税区设立前置货站。
【取得成效】航空货物平均在港时间缩短约6小时。
"""


def test_the_lines_of_a_table_of_contents_open_no_case() -> None:
    assert _split(CONTENTS) == [(1, "跨境结算“便利通”", "甲高新区管委会"), (2, "航空物流“货站前置”", "乙港片区")]


SEPARATED = """某区自贸改革经验三则

跨境电商“退货中心仓”
甲区商务局会同甲海关推行跨境电商退货中心仓模式，退货商品在区内集中分拣。退货办理时间由15天缩短至3天。
（甲区商务局供稿）

————————

进口货物“两段准入”
乙港海关联合乙市商务局开展进口货物“两段准入”试点，企业提离货物后再完成合格评定。货物通关时间压缩40%。
（乙港海关供稿）

————————

工程建设“多测合一”
丙片区管委会牵头建立“多测合一”机制，一次委托、统一测绘、成果共享。测绘时间由20个工作日压缩至7个工作日。
（丙片区管委会供稿）
"""


def test_blocks_between_separator_lines_are_the_cases() -> None:
    extraction = extract_document(_document(SEPARATED))
    assert [(c.number, c.title, c.provider) for c in extraction.cases] == [
        (1, "跨境电商“退货中心仓”", "甲区商务局"),
        (2, "进口货物“两段准入”", "乙港海关"),
        (3, "工程建设“多测合一”", "丙片区管委会"),
    ]


_BODY = """【基本情况】企业需向多个部门分别报送年度报告。
【主要做法】市场监管部门推行年报“多报合一”，一次填报、部门共享。
【取得成效】企业年报填报时间由2小时减至半小时，累计服务企业3000余家。"""


@pytest.mark.parametrize(
    ("heading", "below", "closing"),
    [
        ("{n}、船舶“一次登临”——{u}", "", ""),
        ("{n}、船舶“一次登临”【{u}】", "", ""),
        ("{n}、船舶“一次登临”", "", "（本案例由{u}提供）"),
        ("{n}、船舶“一次登临”", "案例提供单位：{u}", ""),
        ("{n}、船舶“一次登临”", "申报主体：{u}", ""),
        ("{n}、船舶“一次登临”", "", "报送：{u}"),
        ("{n}、船舶“一次登临”", "{u}", ""),
        ("{n}、船舶“一次登临”", "> 来源：{u}", ""),
        ("{n}、船舶“一次登临”", "**报送单位**：{u}", ""),
        ("{n}、船舶“一次登临”（推荐单位：{u}）", "", ""),
        ("{n}、船舶“一次登临”（{u}）", "", ""),
        ("{u}丨船舶“一次登临”", "", ""),
        ("{u}：船舶“一次登临”", "", ""),
        ("{n}、船舶“一次登临”", "", "（供稿单位：{u}　撰稿人：张三）"),
        ("{n}、船舶“一次登临”", "", "• 报送：{u}"),
    ],
    ids=[
        "dash in heading",
        "tag after title",
        "by X",
        "case provider unit",
        "applicant",
        "submitted",
        "unit below",
        "blockquote source",
        "bold label",
        "label in heading brackets",
        "unit in heading brackets",
        "unit before a bar",
        "unit before a colon",
        "writer after the unit",
        "bullet label",
    ],
)
def test_providers_wherever_layouts_put_them(heading: str, below: str, closing: str) -> None:
    parts = [
        "\n".join([heading.format(n=n, u=u), below.format(u=u), _BODY, closing.format(u=u)])
        for n, u in (("一", "甲港片区管委会"), ("二", "乙市商务局"), ("三", "丙港海关"))
    ]
    extraction = extract_document(_document("某省自贸试验区制度创新案例\n\n" + "\n\n".join(parts) + "\n"))
    assert [(c.title, c.provider) for c in extraction.cases] == [
        ("船舶“一次登临”", "甲港片区管委会"),
        ("船舶“一次登临”", "乙市商务局"),
        ("船舶“一次登临”", "丙港海关"),
    ]


ONE_LABEL = """某省自贸试验区制度创新案例

一 船舶“一次登临”
甲港片区管委会会同甲海关推行船舶“一次登临”，海事、海关、边检联合检查。
成效：船舶在港停留时间由12小时缩短至8小时，累计服务船舶3000余艘次。

二 企业年报“多报合一”
乙市市场监管局推行年报“多报合一”，一次填报、部门共享。
成效：企业年报填报时间由2小时减至半小时，累计服务企业3000余家。
"""


def test_numbered_cases_with_one_section_label_over_a_reported_reform() -> None:
    assert [(n, t) for n, t, _ in _split(ONE_LABEL)] == [(1, "船舶“一次登临”"), (2, "企业年报“多报合一”")]


TITLE_DASH_LINE = """某省自贸试验区制度创新案例

船舶“一次登临”
——甲港片区管委会
【基本情况】船舶检查部门多、登临次数多。
【主要做法】海事、海关、边检实行“一次登临、联合检查”。

企业年报“多报合一”
——乙市商务局
【基本情况】企业需向多个部门分别报送年度报告。
【主要做法】市场监管部门推行年报“多报合一”。
"""


def test_a_bare_title_over_a_dash_subtitle_provider() -> None:
    assert _split(TITLE_DASH_LINE) == [(1, "船舶“一次登临”", "甲港片区管委会"), (2, "企业年报“多报合一”", "乙市商务局")]


ROWS_ONLY = "\n".join(
    [
        "某省自贸试验区制度创新成果清单",
        "",
        "序号\t成果名称\t报送单位\t主要做法\t取得成效",
        "\t".join(
            [
                "1",
                "跨境电商“仓储前置”",
                "甲片区管委会",
                "甲片区会同甲海关在综合保税区设立跨境电商前置仓，商品提前备货入仓。",
                "订单平均配送时间由3天缩短至1天以内。",
            ]
        ),
        "\t".join(
            [
                "2",
                "企业注销“一网通办”",
                "乙市市场监督管理局",
                "乙市市场监督管理局会同乙市税务局建立企业注销“一网通办”平台。",
                "企业注销平均用时由20个工作日压缩至5个工作日。",
            ]
        ),
        "",
    ]
)


def test_a_table_whose_every_row_holds_a_case_gives_one_case_per_row() -> None:
    extraction = extract_document(_document(ROWS_ONLY))
    assert [(c.number, c.title, c.provider) for c in extraction.cases] == [
        (1, "跨境电商“仓储前置”", "甲片区管委会"),
        (2, "企业注销“一网通办”", "乙市市场监督管理局"),
    ]
    assert extraction.cases[1].outcomes
    assert not any("has no case section" in w for w in extraction.warnings)


FORM_TABLES = """# 某省自贸试验区制度创新案例

附件1

| 案例名称 | 船舶“一次登临” |
| --- | --- |
| 报送单位 | 甲港片区管委会 |
| 改革背景 | 船舶检查部门多、登临次数多，企业负担重。 |
| 主要做法 | 海事、海关、边检实行“一次登临、联合检查”，检查结果互认共享。 |
| 实践成效 | 船舶在港停留时间平均缩短4小时，全年减少登临2000余次。 |

附件2

| 案例名称 | 企业年报“多报合一” |
| --- | --- |
| 报送单位 | 乙市市场监管局 |
| 改革背景 | 企业需向多个部门分别报送年度报告，重复填报多。 |
| 主要做法 | 市场监管部门会同商务、外汇部门推行年报“多报合一”。 |
| 实践成效 | 企业年报填报时间由2小时减至半小时，年报率提高到95%。 |
"""


@pytest.mark.parametrize("drawing", ["pipes", "tabs"])
def test_a_case_laid_out_as_a_form_table(drawing: str) -> None:
    text = FORM_TABLES
    if drawing == "tabs":
        text = "\n".join(
            line.strip("| ").replace(" | ", "\t") for line in text.splitlines() if not line.startswith("| ---")
        )
    extraction = extract_document(_document(text, "x.md"))
    assert [(c.number, c.title, c.provider) for c in extraction.cases] == [
        (1, "船舶“一次登临”", "甲港片区管委会"),
        (2, "企业年报“多报合一”", "乙市市场监管局"),
    ]


LAID_OUT = "\n".join(
    [
        "附件",
        "",
        "序号  案例名称          报送单位          主要做法及成效",
        "                                          甲海关在综合保税区设立跨境电商前置",
        "      跨境电商“仓储    甲港片区管委      仓，商品提前备货入仓。订单平均配送时",
        "1     前置”            会                间由3天缩短至1天以内。",
        "                                          乙市市场监督管理局会同乙市税务局建立",
        "      企业注销“一网    乙市市场监督      企业注销“一网通办”平台，企业注销平均",
        "2     通办”            管理局            用时由20个工作日压缩至5个工作日，累计",
        "",
        "— 2 —",
        "序号  案例名称          报送单位          主要做法及成效",
        "                                          办理注销1.1万户。",
        "                                          丙海事局推行船舶证书电子化，船舶证书",
        "3     船舶证书“电子    丙海事局          全程网上申请、网上签发，累计签发电子",
        "      化”                                证书6800余本，办理时间缩短70%。",
        "",
    ]
)


def test_a_table_laid_out_with_spaces_and_cells_interleaved_over_lines_gives_one_case_a_row() -> None:
    """A PDF table annex: each row's cells wrapped over several lines, the row number on a middle line, titles and
    providers cut mid-word, the header repeated after a page break inside a row (z17e)."""
    extraction = extract_document(_document(LAID_OUT))
    assert [(c.number, c.title, c.provider) for c in extraction.cases] == [
        (1, "跨境电商“仓储前置”", "甲港片区管委会"),
        (2, "企业注销“一网通办”", "乙市市场监督管理局"),
        (3, "船舶证书“电子化”", "丙海事局"),
    ]
    assert "6800余本" in extraction.cases[2].text.text and "6800余本" not in extraction.cases[1].text.text
    assert "1.1万户" in extraction.cases[1].text.text


def _laid_out(lines: list[tuple[str, str, str, str]]) -> str:
    """A PDF table's layout kept with spaces: each line's four cells at display-width columns 0, 6, 26, 44."""
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    out = []
    for cells in lines:
        line = ""
        for column, cell in zip((0, 6, 26, 44), cells, strict=True):
            if cell:
                line += " " * (column - width(line)) + cell
        out.append(line)
    return "\n".join(out)


PROVIDER_CELLS = _laid_out(
    [
        ("序号", "案例名称", "报送单位", "主要做法及成效"),
        ("", "", "", "芜湖海关在综合保税区设立跨境电商前置"),
        ("1", "跨境电商“仓储", "芜湖片区管委会", "仓，商品提前备货入仓。订单平均配送时"),
        ("", "前置”", "", "间由3天缩短至1天以内。"),
        ("", "", "", "合肥市市场监督管理局会同合肥市税务局"),
        ("2", "企业注销“一网", "合肥市市场监", "建立企业注销平台，企业注销平均用时由"),
        ("", "通办”", "督管理局", "20个工作日压缩至5个工作日。"),
    ]
)


def test_a_wrapped_rows_provider_and_title_cells_are_no_part_of_its_case_text() -> None:
    """The provider cell beside a row's prose (芜湖片区管委会) is no acting agency of the case; a provider the prose
    names acting (合肥市市场监督管理局会同…) still is (z17g)."""
    cases = extract_document(_document("附件\n\n" + PROVIDER_CELLS + "\n")).cases
    assert [(c.title, c.provider) for c in cases] == [
        ("跨境电商“仓储前置”", "芜湖片区"),
        ("企业注销“一网通办”", "合肥市市场监督管理局"),
    ]
    assert "管委" not in cases[0].text.text and "仓储" not in cases[0].text.text
    assert [a.name for a in cases[0].agencies] == ["芜湖海关"]
    assert [a.name for a in cases[1].agencies] == ["合肥市市场监督管理局", "合肥市税务局"]


ONE_LINE_ROWS = "\n".join(
    [
        "某省自贸试验区制度创新成果清单",
        "",
        "序号\t成果名称\t报送单位\t主要做法\t取得成效",
        "1\t跨境电商“仓储前置”\t芜湖片区管委会\t芜湖海关在综合保税区设立前置仓，商品提前备货入仓。\t配送时间由3天缩短至1天。",
        "2\t企业注销“一网通办”\t合肥市市场监督管理局\t合肥市市场监督管理局会同合肥市税务局建立注销平台。"
        "\t注销用时由20个工作日压缩至5个工作日。",
        "",
    ]
)


def test_a_one_line_rows_provider_cell_is_no_agency_and_its_prose_cells_are_the_case() -> None:
    """序号 | 成果名称 | 报送单位 | 主要做法 | 取得成效 one row a line: the case reads 主要做法 and 取得成效 (z17g)."""
    cases = extract_document(_document(ONE_LINE_ROWS)).cases
    assert [(c.title, c.provider) for c in cases] == [
        ("跨境电商“仓储前置”", "芜湖片区"),
        ("企业注销“一网通办”", "合肥市市场监督管理局"),
    ]
    assert cases[0].text.text.startswith("芜湖海关") and cases[0].text.text.endswith("1天。")
    assert [a.name for a in cases[0].agencies] == ["芜湖海关"]
    assert [a.name for a in cases[1].agencies] == ["合肥市市场监督管理局", "合肥市税务局"]


def test_a_figure_cut_by_a_page_break_inside_a_row_is_read_whole() -> None:
    """累计办理注销1. | — 2 — | header | 1万户: the prose cell's pieces join over the page break, and the outcome's
    evidence points back into the document (z17g)."""
    text = LAID_OUT.replace("压缩至5个工作日，累计", "压缩至5个工作日，累计办理注销1.").replace(
        "办理注销1.1万户。", "1万户。"
    )
    case = extract_document(_document(text)).cases[1]
    assert "累计办理注销1.1万户。" in case.text.text and "— 2 —" not in case.text.text
    figure = next(o for o in case.outcomes if o.value == 1.1)
    evidence = figure.evidence[0] if isinstance(figure.evidence, list) else figure.evidence
    assert (
        "1." in evidence.quote and "— 2 —" in evidence.quote and evidence.quote.endswith("1万户")
    )  # the document's span


def test_a_row_of_a_laid_out_table_ends_at_a_sentence_end_nearest_its_centred_number() -> None:
    """Row 1's number stands on its middle line; the sentence end on that line (…入仓。) is no row's end, the one two
    lines on is (z17e)."""
    from ftzgraph.graph.extract._split_tables import layout_table

    rows = layout_table(LAID_OUT.split("\n"), 2)
    assert rows is not None
    assert [(first, last, cells[0]) for first, last, cells, _ in rows] == [(3, 5, "1"), (6, 12, "2"), (13, 15, "3")]


PRESSER_STATEMENT = "附件\n\n序号  案例名称  报送单位\n甲江片区推出保税维修，维修周期缩短40%。\n"


def test_a_line_of_prose_from_the_margin_is_no_row_of_a_laid_out_table() -> None:
    from ftzgraph.graph.extract._split_tables import layout_table

    assert layout_table(PRESSER_STATEMENT.split("\n"), 2) is None


LAID_OUT_TABLES = [
    "shaanxi-pdftable-collection",
    "hunan-pdftable-collection",
    "henan-pdftable-collection",
    "liaoning-pdftable-collection",
]


@pytest.mark.parametrize("name", LAID_OUT_TABLES)
def test_every_row_of_a_held_out_laid_out_table_is_a_case_with_its_provider(name: str) -> None:
    score = score_collection(name)
    assert (score.found, score.provider) == (score.cases, score.cases), score.misses


@pytest.mark.parametrize("name", LAID_OUT_TABLES)
def test_no_provider_cell_of_a_held_out_laid_out_table_acts_in_its_rows_case(name: str) -> None:
    """The provider cell (X片区管委会) beside the prose was counted as an acting agency (z17e's precision 0.50-0.80)."""
    score = score_collection(name)
    assert score.precision == 1.0 and score.outcomes_found == score.outcomes_expected, score.misses


def _char_grid(rows: list[tuple[str, str, str, str]]) -> str:
    """Lines whose cells start at fixed character offsets (a PDF text layer's grid, a CJK character one column)."""
    return "\n".join(
        (n.ljust(6) + t.ljust(12) + p.ljust(12) + d).rstrip() if any((n, t, p)) else " " * 30 + d for n, t, p, d in rows
    )


CHAR_GRID = "附件\n\n" + _char_grid(
    [
        ("序号", "案例名称", "报送单位", "主要做法及成效"),
        ("", "跨境电商“仓储", "甲港片区管委", "甲海关设立跨境电商前置仓，订单平均配送"),
        ("1", "前置”", "会", "时间由3天缩短至1天以内。"),
        ("", "企业注销“一网", "乙市市场监督", "乙市市场监督管理局推行企业注销一网通办，"),
        ("2", "通办”", "管理局", "企业注销平均用时压缩至5个工作日。"),
        ("", "", "", ""),
    ]
)


def test_a_laid_out_table_on_a_character_grid_is_read_by_character_columns() -> None:
    """pdftotext's grid counts a CJK character as one column, a monospaced display as two: whichever puts the
    fragments at the columns' starts is the table's (z17e)."""
    from ftzgraph.graph.extract._split_tables import layout_table

    rows = layout_table(CHAR_GRID.split("\n"), 2)
    assert rows is not None
    assert [cells[:3] for _, _, cells, _ in rows] == [
        ["1", "跨境电商“仓储前置”", "甲港片区管委会"],
        ["2", "企业注销“一网通办”", "乙市市场监督管理局"],
    ]


def test_a_laid_out_table_whose_first_row_number_stands_on_its_top_line_is_read_by_its_layout() -> None:
    """1 and the first line of the text cell alone on a line read as a whole row of a one-line table; the layout's
    reading, which finds more rows, wins (z17e)."""
    lines = LAID_OUT.split("\n")
    lines[3] = "1" + lines[3][1:]
    lines[5] = " " + lines[5][1:]
    extraction = extract_document(_document("\n".join(lines)))
    assert [(c.number, c.provider) for c in extraction.cases] == [
        (1, "甲港片区管委会"),
        (2, "乙市市场监督管理局"),
        (3, "丙海事局"),
    ]


def test_a_laid_out_table_whose_numbers_stand_on_each_rows_top_line_starts_each_row_at_its_number() -> None:
    """Cells aligned to the top: a sentence may end on a row's second line without the row ending there (z17e)."""
    from ftzgraph.graph.extract._split_tables import layout_table

    grid = "附件\n\n" + _char_grid(
        [
            ("序号", "案例名称", "报送单位", "主要做法及成效"),
            ("1", "跨境电商“仓储", "甲港片区管委", "甲海关设立跨境电商前置仓。"),
            ("", "前置”", "会", "商品提前备货入仓。"),
            ("", "", "", "订单平均配送时间由3天缩短至1天。"),
            ("2", "企业注销“一网", "乙市市场监督", "乙市市场监督管理局推行企业注销一网通办，"),
            ("", "通办”", "管理局", "企业注销平均用时压缩至5个工作日。"),
            ("", "", "", ""),
        ]
    )
    rows = layout_table(grid.split("\n"), 2)
    assert rows is not None
    assert [(first, last, cells[1]) for first, last, cells, _ in rows] == [
        (3, 5, "跨境电商“仓储前置”"),
        (6, 7, "企业注销“一网通办”"),
    ]


def test_a_laid_out_table_whose_prose_column_is_not_the_last_cuts_rows_at_its_sentence_ends() -> None:
    """序号 | 案例名称 | 主要做法及成效 | 报送单位: the sentence ends that cut rows are the prose column's (z17e)."""
    from ftzgraph.graph.extract._split_tables import layout_table

    def swap(line: str) -> str:  # the provider column after the prose column
        n, t, p, d = line[:6], line[6:18], line[18:30], line[30:]
        return (n + t + d.ljust(24) + p).rstrip()

    grid = CHAR_GRID.split("\n")
    swapped = grid[:2] + [swap(line.ljust(30)) for line in grid[2:]]
    rows = layout_table(swapped, 2)
    assert rows is not None
    assert [cells[1] for _, _, cells, _ in rows] == ["跨境电商“仓储前置”", "企业注销“一网通办”"]
    assert [cells[3] for _, _, cells, _ in rows] == ["甲港片区管委会", "乙市市场监督管理局"]


def test_a_table_whose_interleaved_lines_keep_their_cells_between_tabs_is_read_by_field() -> None:
    """序号<TAB>案例名称<TAB>…, each line of a wrapped row with its empty cells as empty fields (z17e)."""
    from ftzgraph.graph.extract._split_tables import layout_table

    lines = [
        "附件",
        "",
        "序号\t案例名称\t报送单位\t主要做法及成效",
        "\t\t\t甲海关设立跨境电商前置仓，商品",
        "\t跨境电商“仓储\t甲港片区管委\t提前备货入仓。订单平均配送时间",
        "1\t前置”\t会\t由3天缩短至1天以内。",
        "\t企业注销“一网\t乙市市场监督\t乙市市场监督管理局推行注销一网通办，",
        "2\t通办”\t管理局\t企业注销平均用时压缩至5个工作日。",
        "",
    ]
    rows = layout_table(lines, 2)
    assert rows is not None
    assert [cells[:3] for _, _, cells, _ in rows] == [
        ["1", "跨境电商“仓储前置”", "甲港片区管委会"],
        ["2", "企业注销“一网通办”", "乙市市场监督管理局"],
    ]


@pytest.mark.parametrize(
    ("line", "picture"),
    [
        ("图片", True),
        ("[图片]", True),
        ("【图2】", True),
        ("[图片3]", True),
        ("▲ 服务窗口现场", True),
        ("图｜储罐区（来源：某片区）", True),
        ("企业在窗口办理业务（图源：某市商务局）", True),
        ("某片区推行“一次办”，办理时间缩短50%。", False),
        ("实施主体：某片区管委会", False),
    ],
)
def test_a_picture_placeholder_or_caption_is_furniture(line: str, picture: bool) -> None:
    assert picture_line(line) is picture


def test_a_heading_closed_by_its_source_is_no_caption() -> None:
    assert not picture_line("1．跨境电商“一站通”（来源：某片区管委会）")


THREAD = """某港自贸区　话题串
#某港制度创新# 本周发布3项制度创新案例。

——————
某港自贸区发布
2025-3-1 09:00 来自 手机客户端
（1/3）#某港制度创新# 『进口冷链“检疫前置”』〔某港片区〕
某港海关推行进口冷链食品检疫前置，通关时间由48小时缩短至12小时，累计查验冷链集装箱1.2万标箱。
转发 5　｜　评论 1　｜　赞 20
——————
某港自贸区发布
2025-3-2 09:00 来自 手机客户端
（2/3）#某港制度创新# 『企业开办“一日办结”』〔某港片区〕
某港市市场监督管理局推行企业开办全流程网办，开办时间压缩至1天，已服务新开办企业3200家。
转发 8　｜　评论 2　｜　赞 31
——————
某港自贸区发布
2025-3-3 09:00 来自 手机客户端
（3/3）#某港制度创新# 『国际船舶“一站式”登记』〔某港片区〕
某港海事局推行船舶登记一站式办理，登记时间由10天缩短至3天，已登记国际船舶22艘。
转发 3　｜　评论 0　｜　赞 12
"""


def test_a_threads_counters_and_stamps_head_no_case_its_post_lines_do() -> None:
    cases = split_cases(_document(THREAD)).cases
    assert [c.title for c in cases] == ["进口冷链“检疫前置”", "企业开办“一日办结”", "国际船舶“一站式”登记"]
    assert all("转发" not in c.text.splitlines()[0] for c in cases)


EXHIBIT = """某省自贸试验区成果展　展陈文本

Ⅰ　序厅
　　主题墙：开放引领，改革赋能。挂牌以来累计形成制度创新成果300余项，其中5项在全国复制推广。

Ⅱ　制度创新展区
Ⅱ-1《进口冷链“检疫前置”》
　　展板正文：某港海关推行进口冷链食品检疫前置，通关时间由48小时缩短至12小时，累计查验冷链集装箱1.2万标箱。
　　提供单位：某港片区
Ⅱ-2《企业开办“一日办结”》
　　展板正文：某港市市场监督管理局推行企业开办全流程网办，开办时间压缩至1天，已服务新开办企业3200家。
　　提供单位：某港片区
Ⅱ-3《国际船舶“一站式”登记》
　　展板正文：某港海事局推行船舶登记一站式办理，登记时间由10天缩短至3天，已登记国际船舶22艘。
　　提供单位：某港片区

Ⅲ　尾厅
　　留言屏：请写下您的期待。
"""


def test_an_exhibitions_halls_head_no_case_and_its_panels_count_from_one() -> None:
    cases = split_cases(_document(EXHIBIT)).cases
    assert [(c.number, c.title) for c in cases] == [
        (1, "进口冷链“检疫前置”"),
        (2, "企业开办“一日办结”"),
        (3, "国际船舶“一站式”登记"),
    ]


BOXED = """某省自贸试验区发展报告
第三章　制度创新

　　2024年，各片区围绕贸易便利化持续深化改革，新推出制度创新成果96项。下面的专栏介绍其中的代表性做法。

专栏3-1：进口冷链“检疫前置”
　　某港海关推行进口冷链食品检疫前置，通关时间由48小时缩短至12小时，累计查验冷链集装箱1.2万标箱。
（资料来源：某港片区管委会）

　　金融开放方面，各片区业务规模差距较大，银行参与度有待提升，部分创新仍停留在首单示范阶段。

专栏3-2：企业开办“一日办结”
　　某港市市场监督管理局推行企业开办全流程网办，开办时间压缩至1天，已服务新开办企业3200家。
（资料来源：某港片区管委会）

专栏3-3：国际船舶“一站式”登记
　　某港海事局推行船舶登记一站式办理，登记时间由10天缩短至3天，已登记国际船舶22艘。
（资料来源：某港片区管委会）

　　总体看，制度创新呈现由单项突破向系统集成转变的趋势，下一步需在首创性、差异化上持续发力。
"""


def test_a_reports_boxes_are_the_cases_and_end_at_their_source_line() -> None:
    cases = split_cases(_document(BOXED)).cases
    assert [c.title for c in cases] == ["进口冷链“检疫前置”", "企业开办“一日办结”", "国际船舶“一站式”登记"]
    assert all(c.text.rstrip().endswith("（资料来源：某港片区管委会）") for c in cases)
    assert "金融开放" not in cases[0].text


@pytest.mark.parametrize(
    "line",
    [
        "转发 18　｜　评论 3　｜　赞 96",
        "2025-12-3 10:00 来自 微博网页版",
        "【同期声】某海关综合业务科科长　李某某",
        "某市商务局自贸处处长　周某某",
        "Some Port Express｜某港改革双语快讯",
        "◇ 本期导读 ◇",
        "文／本刊记者　王某某",
        "某港自贸区发布",
    ],
)
def test_furniture_that_recurs_once_per_case_is_no_heading(line: str) -> None:
    assert furniture_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "企业开办“一日办结”",
        "跨境数据流动“白名单”管理",
        "3个工作日办结",
        "5G+智慧港口",
        "“跨境电商综试区”建设成果发布",  # a masthead word ending a quoted reform's title
        "“口岸通关”信息动态",
    ],
)
def test_a_title_is_no_furniture(line: str) -> None:
    assert not furniture_heading(line)


BYLINED = """某刊　2025年第2期
本期专题遴选3个制度创新案例。

进口冷链“检疫前置”
文／本刊记者　王某某
　　某港海关推行进口冷链食品检疫前置，通关时间由48小时缩短至12小时，累计查验冷链集装箱1.2万标箱。

企业开办“一日办结”
文／通讯员　李某某
　　某港市市场监督管理局推行企业开办全流程网办，开办时间压缩至1天，已服务新开办企业3200家。

国际船舶“一站式”登记
文／本刊记者　赵某某
　　某港海事局推行船舶登记一站式办理，登记时间由10天缩短至3天，已登记国际船舶22艘。
"""


def test_a_bare_title_over_its_byline_and_prose_heads_its_case() -> None:
    cases = split_cases(_document(BYLINED)).cases
    assert [c.title for c in cases] == ["进口冷链“检疫前置”", "企业开办“一日办结”", "国际船舶“一站式”登记"]


def test_endnotes_after_the_last_case_are_cut_but_a_source_note_stays() -> None:
    """[1] notes the text refers to, a 注释： line and （本文…） close an article, no case's text; a note saying
    where the text came from names the provider and stays (issue #15)."""
    text = (
        "甲县借鉴厦门片区的做法[1]，推行“船边直提”。\n\n注释：\n[1] 厦门片区为福建自贸试验区片区之一。\n"
        "（本文汇率以1比4.5计算）\n"
    )
    assert text[: article_end(text, 0, len(text))] == "甲县借鉴厦门片区的做法[1]，推行“船边直提”。"
    kept = "乙县推行“先放后检”。\n（本文转载自“乙县发布”微信公众号）\n"
    assert article_end(kept, 0, len(kept)) == len(kept.rstrip())
    points = "丙县推行三项措施：\n[1] 设立专窗\n[2] 压缩时限\n"  # points opening their lines, no endnotes
    assert article_end(points, 0, len(points)) == len(points.rstrip())
    marked = "丁县借鉴南沙的经验注1，推行“先放后检”（注2）。\n\n注1：南沙片区为广东片区之一。\n（注2）第四批。\n"
    assert marked[: article_end(marked, 0, len(marked))] == "丁县借鉴南沙的经验注1，推行“先放后检”（注2）。"
    circled = "戊县推行两项措施：\n①设立专窗\n②压缩时限\n"  # ① points, no endnotes
    assert article_end(circled, 0, len(circled)) == len(circled.rstrip())


_DISPATCH = """某报　2025年6月3日　中国新闻

三市学自贸区经验　审批提速

（南宁讯）广西近期推动自贸试验区改革经验复制推广，三市已落地一批措施。

贵港：船舶登记“一窗通办”
贵港市交通运输局借鉴广东自贸试验区南沙片区的做法，把船舶登记、检验等事项合并到一个窗口办理，办理时间缩短一半，已办理320艘。

梧州：陶瓷出口“预检验”
梧州海关在园区设立预检点，这一做法是国务院推广的第三批最佳实践案例，企业通关时间压缩至2小时，今年出口陶瓷1.5万吨。

河池：石材企业“信用贷”
河池市地方金融监督管理局联合银行推出信用贷款，企业无需抵押即可贷款，已有120家企业获得贷款3亿元。

（本报驻南宁记者　某某）
"""


def test_a_dispatchs_city_labelled_items_over_prose_are_its_cases() -> None:
    """city：title over a paragraph, the city differing on each (a foreign Chinese daily's China page): the items are
    the cases, the city the provider, the rest the title (issue #15)."""
    cases = extract_document(_document(_DISPATCH)).cases
    assert [(c.title, c.provider) for c in cases] == [
        ("船舶登记“一窗通办”", "贵港市"),
        ("陶瓷出口“预检验”", "梧州市"),
        ("石材企业“信用贷”", "河池市"),
    ]


_BILINGUAL_PORTAL = """Portal 入口網站
Página Inicial 首頁 > Notícias 新聞

某市便利措施

Medida 1 措施1
企業「一站式」設立
Constituição de empresas num só balcão
相關地區：肇慶市端州區
端州區設立服務專窗，投資者可一站辦理企業設立，辦理時間由5天縮短至1天，已服務企業60家。

Medida 2 措施2
跨境「醫療合作」
Cooperação médica transfronteiriça
相關地區：肇慶市鼎湖區
鼎湖區衛生健康局引入醫療機構合作開設診所，已服務居民1200人次。

Medida 3 措施3
青年創業補貼
Subsídio para jovens empreendedores
相關地區：四會市
四會市人力資源和社會保障局為創業團隊提供補貼，已資助36個團隊，發放補貼800萬元。
"""


def test_a_bilingual_number_line_over_a_title_and_its_rendering_opens_a_case() -> None:
    """Medida 1 措施1 (one number in two languages) over the title, its Portuguese rendering and the region tag: each
    item is a case whose provider the tag names (issue #15)."""
    cases = extract_document(_document(_BILINGUAL_PORTAL)).cases
    assert [(c.title, c.provider) for c in cases] == [
        ("企業「一站式」設立", "肇庆市端州区"),
        ("跨境「醫療合作」", "肇庆市鼎湖区"),
        ("青年創業補貼", "四会市"),
    ]


def test_a_latin_number_line_alone_opens_a_case_but_a_pages_does_not() -> None:
    """Medida 1 alone over the title: a bilingual page's item number (Page 2 is a page's)."""
    text = re.sub(r"Medida (\d) 措施\d", r"Medida \1", _BILINGUAL_PORTAL)
    assert [c.title for c in extract_document(_document(text)).cases] == [
        "企業「一站式」設立",
        "跨境「醫療合作」",
        "青年創業補貼",
    ]
    assert _number_line("Page 2") is None and _number_line("Caso 2") is not None


def test_a_place_before_a_slash_heads_its_title() -> None:
    """▲place／title (a Taiwan paper's heading): the place is no part of the title."""
    text = (
        "兩岸版\n\n陸推自貿經驗複製\n\n【記者 某某／台北報導】陸方持續推動自貿區經驗複製推廣。\n\n"
        "▲惠州／台資企業「跨境電商」出口\n實施單位：惠州市商務局\n惠州市商務局借鏡前海的做法，推出出口便利措施，今年出口額達12億元。\n\n"
        "▲江門／「加工貿易」保稅監管\n實施單位：江門海關\n江門海關參照上海自貿試驗區的經驗實施保稅監管改革，通關時間縮短30%。\n\n"
        "▲汕頭／僑胞「一站式」服務\n實施單位：汕頭市外事局\n汕頭市外事局設立服務中心，僑胞可一站辦理就業等事項，已服務5200人次。\n"
    )
    cases = extract_document(_document(text)).cases
    assert [c.title for c in cases] == ["台資企業「跨境電商」出口", "「加工貿易」保稅監管", "僑胞「一站式」服務"]
