"""The splitter's general fallback (graph/extract/_split_fallback.py) on layouts no known rule reads.

Each collection below is written in a layout the known rules of graph/extract/split.py find no case in (or fewer
than the summary table lists); the guards check that text which is no collection is not cut into fake cases.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.extract.provider import provider_line
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document


def _document(text: str, name: str = "x.txt") -> Document:
    return Document(id=name.split(".")[0], path=Path(name), text=text, sha256="x")


def _split(text: str) -> list[tuple[int | None, str, str | None]]:
    cases = split_cases(_document(text)).cases
    return [(c.number, c.title, (provider_line(c) or (None,))[0]) for c in cases]


BRACKET_NUMBERED = """某省自由贸易试验区办公室关于印发改革经验的通知
各片区管委会：现将改革经验印发给你们，请认真学习借鉴。

【经验一】船舶“一次登临”联合检查
（甲港片区自贸办供稿）
【改革背景】甲港片区船舶检查部门多、登临次数多，企业负担重。
【主要做法】海事、海关、边检三家实行“一次登临、联合检查”，检查结果互认共享。
【实践成效】船舶在港停留时间平均缩短4小时，全年减少登临2000余次。

【经验二】企业年报“多报合一”
（乙市自贸办供稿）
【改革背景】企业需向多个部门分别报送年度报告，重复填报多。
【主要做法】市场监管部门会同商务、外汇部门推行年报“多报合一”，一次填报、部门共享。
【实践成效】企业年报填报时间由2小时减至半小时，年报率提高到95%。

【经验三】跨境电商退货“集中中心”
（丙片区自贸办供稿）
【改革背景】跨境电商退货渠道不畅，退货周期长。
【主要做法】片区设立跨境电商退货集中中心，海关对退货实行集中查验、批量放行。
【实践成效】退货周期由30天缩短至7天以内，累计办理退货5万余单。
"""


def test_bracket_numbered_headings_with_provider_lines() -> None:
    assert _split(BRACKET_NUMBERED) == [
        (1, "船舶“一次登临”联合检查", "甲港片区自贸办"),
        (2, "企业年报“多报合一”", "乙市自贸办"),
        (3, "跨境电商退货“集中中心”", "丙片区自贸办"),
    ]


MARKDOWN_SIGNED = """# 某省自贸试验区改革经验材料

### 港口“智慧理货”

**背景**

港口理货依靠人工，效率低、差错多。

**做法**

港务集团建设智慧理货系统，海关共享理货数据，实现无纸化理货。

**成效**

理货差错率下降90%，单船理货时间缩短3小时。

（甲市港口管理局）

### 工程项目“用地清单制”

**背景**

工程项目取得土地后还需逐项开展评估，开工慢。

**做法**

自然资源部门在土地出让前完成区域评估，形成用地清单随土地出让一并交付。

**成效**

项目从拿地到开工时间缩短60天。

（乙区人民政府）
"""


def test_markdown_headings_and_a_closing_unit_line() -> None:
    assert _split(MARKDOWN_SIGNED) == [
        (1, "港口“智慧理货”", "甲市港口管理局"),
        (2, "工程项目“用地清单制”", "乙区人民政府"),
    ]


BARE_TITLES = """关于推广改革创新实践做法的通知

附件：1．外资企业“一口受理”
2．海关“预裁定”便利化

外资企业“一口受理”
责任单位：甲市商务局
一、基本情况
外资企业设立需分别办理商务备案和登记，环节多。
二、主要做法
一是商务、市场监管部门实行“一口受理”；二是备案信息实时共享。
三、实践成效
外资企业设立时间由5天压缩至1天。

海关“预裁定”便利化
牵头单位：甲海关
一、基本情况
企业对进口货物归类把握不准，通关时易产生争议。
二、主要做法
一是海关在货物进口前为企业作出预裁定；二是预裁定结果在全关区通用。
三、实践成效
全年作出预裁定120余份，相关货物通关时间缩短一半。
"""


def test_bare_titles_over_labelled_provider_lines_not_the_attachment_list() -> None:
    assert _split(BARE_TITLES) == [
        (1, "外资企业“一口受理”", "甲市商务局"),
        (2, "海关“预裁定”便利化", "甲海关"),
    ]


TABLE_ONLY_PROVIDER = """某省自贸试验区改革经验

序号\t案例名称\t牵头单位
1\t保税维修“一站式”监管\t甲片区管委会
2\t知识产权“快速预审”\t乙市市场监督管理局

第一篇　保税维修“一站式”监管
一、改革背景
企业保税维修需逐单审批，周期长。
二、主要举措
海关对保税维修实行“一站式”监管，维修货物入区即可开工。
三、实践成效
保税维修业务量增长40%，审批时间由10天缩短至2天。

第二篇　知识产权“快速预审”
一、改革背景
专利审查周期长，企业创新成果难以及时得到保护。
二、主要举措
市场监管部门设立知识产权快速预审通道，对重点产业专利申请快速预审。
三、实践成效
发明专利授权周期由22个月缩短至3个月。
"""


def test_headings_the_table_does_not_match_take_its_provider() -> None:
    split = split_cases(_document(TABLE_ONLY_PROVIDER))
    assert [(c.number, c.title) for c in split.cases] == [(1, "保税维修“一站式”监管"), (2, "知识产权“快速预审”")]
    assert [c.table_row.provider if c.table_row else None for c in split.cases] == [
        "甲片区管委会",
        "乙市市场监督管理局",
    ]
    assert not split.warnings


def test_a_collection_in_an_unknown_layout_gives_its_facts() -> None:
    extraction = extract_document(_document(BRACKET_NUMBERED), load_gazetteer())
    assert [c.provider for c in extraction.cases] == ["甲港片区自贸办", "乙市自贸办", "丙片区自贸办"]


NEWS_ARTICLE = """自贸试验区改革取得新成效

本报讯　近日，记者从省商务厅获悉，今年以来我省自贸试验区深化改革创新，取得明显成效。
据介绍，自贸试验区聚焦贸易便利化，推出一批创新做法，企业获得感不断增强。
省商务厅有关负责人表示，下一步将总结改革成效和经验做法，加快复制推广。
"""

TASK_NOTICE = """关于进一步深化自贸试验区改革创新的通知

各市人民政府：
为深化改革创新，现就有关事项通知如下。

一、总体要求
坚持以制度创新为核心，总结推广改革成效和经验做法，形成更多可复制推广的制度创新成果。

二、重点任务
深化贸易便利化改革，推进投资自由化，总结主要做法和实践成效，及时报送改革背景材料。

三、组织实施
各地要加强组织领导，强化措施保障，确保改革成效。

某省人民政府办公厅
2024年5月6日
"""


@pytest.mark.parametrize("text", [NEWS_ARTICLE, TASK_NOTICE], ids=["news article", "notice of tasks"])
def test_text_that_is_no_collection_is_not_cut_into_cases(text: str) -> None:
    assert split_cases(_document(text)).cases == []


NUMBER_ALONE = """改革经验来了！
某自贸 2024-05-01 发表于某省

01
外贸企业“信用直通”
■ 改革背景
外贸企业信用信息分散在多个部门，企业融资难。
■ 创新举措
商务部门会同金融机构建立外贸企业信用平台，企业凭信用即可获得贷款。
■ 取得成效
累计为企业发放信用贷款20亿元。
供稿：甲市商务局

02
船舶“电子证照”
■ 改革背景
船舶证书纸质办理，船员往返跑动多。
■ 创新举措
海事部门推行船舶证书电子化，证书信息全国互认。
■ 取得成效
船舶证书办理时间由3天缩短至1小时。
供稿：乙海事局

编辑：某自贸
审核：某办
"""


def test_a_number_alone_above_its_title_and_a_closing_labelled_line() -> None:
    assert _split(NUMBER_ALONE) == [(1, "外贸企业“信用直通”", "甲市商务局"), (2, "船舶“电子证照”", "乙海事局")]


BOLD_WITH_BOLD_TITLE = """**某市自贸试验区改革经验汇编**

现将部分单位的实践做法汇编如下，供学习借鉴。

**企业注销“一网办理”**

做法：市场监管部门会同税务、社保部门推行注销“一网办理”，企业一次提交申请。

成效：企业注销时间由20天缩短至5天，累计办理注销3000余户。

甲区市场监督管理局

**港口“无纸化放货”**

做法：港口企业与船公司共享提单数据，实行电子放货。

成效：放货时间由1天缩短至2小时，单证成本下降一半。

乙港集团有限公司
"""


def test_a_document_title_marked_like_the_cases_is_no_case() -> None:
    assert _split(BOLD_WITH_BOLD_TITLE) == [
        (1, "企业注销“一网办理”", "甲区市场监督管理局"),
        (2, "港口“无纸化放货”", None),
    ]


def test_a_collection_whose_title_reads_as_a_batch_notice_keeps_its_cases() -> None:
    """The title words of a State Council batch notice (改革试点经验复制推广) on a collection of cases: the notice
    parser finds no item, so the cases are read instead of the whole collection being lost."""
    text = "某省关于印发自贸试验区改革试点经验复制推广材料的通知\n\n" + BARE_TITLES.split("\n", 1)[1]
    extraction = extract_document(_document(text), load_gazetteer())
    assert [c.title for c in extraction.cases] == ["外资企业“一口受理”", "海关“预裁定”便利化"]
    assert extraction.batch is None


ATTACHED = """某省自贸办关于印发改革经验的通知
各片区：现将改革经验印发给你们。

附件1

企业开办“零成本”
一、改革背景
企业开办需自行刻制印章、领取发票，费用和时间成本高。
二、主要做法
政务服务部门为新开办企业免费刻制印章、寄递执照。
三、实践成效
企业开办实现零成本，全年为企业节约费用800万元。

附件2

涉企检查“综合查一次”
一、改革背景
涉企检查部门多、频次高，企业负担重。
二、主要做法
各部门联合制定检查计划，实行“进一次门、查多项事”。
三、实践成效
涉企检查次数下降45%。
"""


def test_an_attachment_line_alone_above_a_bare_title() -> None:
    assert [(n, t) for n, t, _ in _split(ATTACHED)] == [(1, "企业开办“零成本”"), (2, "涉企检查“综合查一次”")]


LEVELS_AND_GAP = """# 某市改革经验

## 经验一：口岸“提前申报”

**改革背景**：货物抵港后才申报，通关慢。

**主要做法**：海关推行“提前申报”，货物抵港前完成审单。

**取得成效**：通关时间缩短一半。

## 经验二：港航“数据共享”

**改革背景**：港口、船公司数据分散。

**主要做法**：建设港航数据共享平台，实现数据实时交换。

**取得成效**：单证办理时间缩短60%。

### 经验四：仓储“电子围网”

**改革背景**：保税仓储依靠物理围网，建设成本高。

**主要做法**：海关以电子围网替代物理围网，实行视频监管。

**取得成效**：企业建设成本降低300万元。
"""


def test_one_numbering_at_two_heading_levels_with_a_number_skipped() -> None:
    assert [(n, t) for n, t, _ in _split(LEVELS_AND_GAP)] == [
        (1, "口岸“提前申报”"),
        (2, "港航“数据共享”"),
        (4, "仓储“电子围网”"),
    ]


@pytest.mark.parametrize("name", ["sc-notice-batch5.txt", "sc-notice-batch8-table-only.txt"])
def test_a_state_council_batch_notice_gives_no_fallback_case(name: str) -> None:
    """A real notice's numbered parts (一、总体要求 …) and items are no cases, whatever the layout rules say."""
    text = (Path(__file__).parent / "data" / "layouts" / name).read_text(encoding="utf-8")
    assert split_cases(_document(text, name)).cases == []


BARE_OVER_BRACKETED_UNIT = """某省自贸试验区改革经验汇编

船舶“一次查验”
（甲港片区）
一、改革背景
船舶进出境需分别接受海关、海事、边检查验，滞港时间长。
二、主要做法
海关会同海事部门一次登临、同步作业，查验结果互认。
三、实践成效
查验时间由4小时缩短至1.5小时。

科创企业“质押直通车”
（乙谷片区管委会）
一、改革背景
科技型中小企业轻资产、缺抵押，融资难。
二、主要做法
搭建知识产权质押登记与评估一站式平台，银行在线放款。
三、实践成效
累计发放知识产权质押贷款45亿元。
"""


def test_a_bracketed_unit_under_a_bare_title_names_the_provider_and_heads_no_case() -> None:
    """title / （X片区） / 一、改革背景: the bare title is the heading, the bracketed unit its provider (z17a)."""
    assert _split(BARE_OVER_BRACKETED_UNIT) == [
        (1, "船舶“一次查验”", "甲港片区"),
        (2, "科创企业“质押直通车”", "乙谷片区管委会"),
    ]


def _wechat(marker: str, label: str) -> str:
    """A public-account article copied from the phone view: marker lines over a title over a field line, pictures."""
    cases = [
        (
            "甲港“一次申报”通关模式",
            "甲港片区管委会",
            "甲港片区联合甲港海关推行“一次申报”，企业一次录入即可完成全部手续。",
            "通关时间由8小时缩短至2小时。",
        ),
        (
            "中小企业“信用快贷”",
            "乙市地方金融管理局",
            "乙市地方金融管理局会同多家银行推出信用快贷，对中小企业实行线上审批。",
            "累计发放贷款3.5亿元，惠及120家企业。",
        ),
        (
            "工业用地“标准地”出让",
            "丙片区管委会",
            "丙片区实行工业用地“标准地”出让，企业拿地即可开工。",
            "项目开工时间平均缩短45天，已出让土地18宗。",
        ),
    ]
    parts = [
        "甲省自贸观察",
        "2026-03-02 09:15 发表于甲省",
        "",
        "点击上方蓝字 关注我们",
        "",
        "近日，甲省自贸办公布全省第二批制度创新成果，小编选取其中3项。",
        "",
    ]
    for n, (title, unit, did, result) in enumerate(cases, 1):
        parts += [
            marker.format(n=n),
            title,
            f"{label}：{unit}",
            "图片",
            f"▲ 服务窗口现场（图源：{unit}）",
            did,
            result,
            "",
        ]
    parts += ["END", "", "来源｜甲省自贸观察", "编辑｜某某", "审核｜某某", "", "阅读原文", "分享 收藏 点赞 在看"]
    return "\n".join(parts) + "\n"


@pytest.mark.parametrize(
    ("marker", "label"),
    [("Part.0{n}", "实施主体"), ("NO.{n}", "责任单位"), ("0{n}", "申报单位"), ("案例{n}", "牵头单位")],
)
def test_marker_lines_over_a_title_over_a_field_line_with_pictures(marker: str, label: str) -> None:
    assert _split(_wechat(marker, label)) == [
        (1, "甲港“一次申报”通关模式", "甲港片区管委会"),
        (2, "中小企业“信用快贷”", "乙市地方金融管理局"),
        (3, "工业用地“标准地”出让", "丙片区管委会"),
    ]


def test_a_picture_caption_heads_no_case() -> None:
    text = _wechat("Part.0{n}", "实施主体")
    cases = split_cases(_document(text)).cases
    assert not any("图源" in c.title for c in cases)
    assert "乙市地方金融管理局" not in cases[0].text  # the next case's field line is not the case above's


COVERS = """附件2

某省自贸试验区制度创新成果申报材料汇编

附件2-1

中国（某省）自由贸易试验区甲港片区

进口冻品“预检核放”监管模式

2026年4月

一、基本情况
进口冻品查验时间长，企业冷库占用成本高。

二、主要做法
甲港片区会同甲港海关对进口冻品实行预先检测、核查放行，检测合格后货物直接提离。

三、实践成效
冻品平均通关时间由3天缩短至1天，今年已放行冻品2.6万吨。

四、推广价值
可在进口冻品集中的口岸复制推广。

联系人：某某　联系电话：0000-1234567

附件2-2

乙市行政审批局

建设项目“拿地即开工”

2026年4月

一、基本情况
建设项目从拿地到开工审批多、周期长。

二、主要做法
乙市行政审批局推行“拿地即开工”，将规划、施工许可提前到拿地前并联办理。

三、实践成效
项目从拿地到开工由120天压缩至1天，已有23个项目受益。

四、推广价值
适用于各类产业项目。

联系人：某某　联系电话：0000-7654321
"""


def test_a_submission_cover_names_its_provider_between_its_number_and_its_title() -> None:
    assert _split(COVERS) == [
        (1, "进口冻品“预检核放”监管模式", "中国（某省）自由贸易试验区甲港片区"),
        (2, "建设项目“拿地即开工”", "乙市行政审批局"),
    ]


BRIEFING = """某省自贸试验区工作简报
2026年第3期（总第40期）

某省自由贸易试验区工作办公室　　　　2026年3月18日

【编者按】现将各地近期形成的创新经验予以刊发，供学习借鉴。

甲港海关“智慧查验”上线　进口货物通关再提速
　　甲港海关推行“智慧查验”，对进口货物实行机检优先、人工复核。
　　上线以来，进口货物查验时间由4小时缩短至1小时，累计查验集装箱2.1万标箱。

乙市开发区推行“拿地即开工”　项目落地跑出加速度
　　乙市开发区实行“拿地即开工”审批，会同乙市自然资源局提前开展规划审查。
　　今年以来，已有15个项目拿地当天开工，平均节省审批时间90天。

丙片区“跨境结算一站通”　外贸企业结汇更便利
　　丙片区联合乙市外汇管理部门推出跨境结算服务平台，企业线上即可办理结汇。
　　平台上线半年，累计办理跨境结算32亿元，服务企业260家。

报：省委办公厅，省政府办公厅。
送：省自贸试验区工作领导小组成员单位。
发：各市商务主管部门。

编辑：某某　　　　　　　　　　　　　　　　　　　（共印50份）
"""


def test_two_half_headlines_whose_subject_is_the_provider() -> None:
    assert _split(BRIEFING) == [
        (1, "“智慧查验”上线", "甲港海关"),
        (2, "拿地即开工", "乙市开发区"),
        (3, "跨境结算一站通", "丙片区"),
    ]


def test_a_briefings_list_of_its_headlines_opens_no_case() -> None:
    contents = (
        "本期要目\n甲港海关“智慧查验”上线　进口货物通关再提速\n乙市开发区推行“拿地即开工”　项目落地跑出加速度\n"
        "丙片区“跨境结算一站通”　外贸企业结汇更便利\n\n"
    )
    text = BRIEFING.replace("【编者按】", contents + "【编者按】")
    assert [c[1:] for c in _split(text)] == [c[1:] for c in _split(BRIEFING)]


def test_a_briefings_distribution_block_is_no_part_of_the_last_case() -> None:
    last = split_cases(_document(BRIEFING)).cases[-1]
    assert "省委办公厅" not in last.text and "共印" not in last.text
    assert last.text.rstrip().endswith("服务企业260家。")


@pytest.mark.parametrize(
    "name",
    [
        "jiangsu-wxpart-collection",
        "anhui-covers-collection",
        "sichuan-briefing-collection",
        "zhejiang-wxno-collection",
        "hubei-covers-collection",
        "liaoning-briefing-collection",
    ],
)
def test_every_case_and_provider_of_the_held_out_wechat_cover_and_briefing_collections(name: str) -> None:
    from _dev_scoring import score_collection

    score = score_collection(name)
    assert (score.found, score.provider) == (score.cases, score.cases), score.misses


OUTLINE = """某省自贸试验区创新案例汇编
1 概述
为总结推广改革成果，现将案例汇编如下。
2 典型案例
2.1 船舶“一次登临”联合检查
实施单位：中国（某省）自由贸易试验区甲港片区管理委员会
2.1.1 改革背景
甲港片区船舶检查部门多、登临次数多，企业负担重。
2.1.2 主要做法
海事、海关、边检三家实行“一次登临、联合检查”，检查结果互认共享。
2.1.3 实施成效
船舶在港停留时间平均缩短4小时，全年减少登临2000余次。
2.2 企业年报“多报合一”
实施单位：乙市市场监督管理局
2.2.1 改革背景
企业需向多个部门分别报送年度报告，重复填报多。
2.2.2 主要做法
市场监管部门会同商务部门推行年报“多报合一”，一次填报、部门共享。
2.2.3 实施成效
企业填报时间由2小时缩短至20分钟，全年服务企业1.2万户。
3 工作要求
3.1 联系人（略）
"""


def test_outline_numbering_kept_as_text_gives_the_level_whose_sections_hold_section_words() -> None:
    """2.1 / 2.1.1 are two levels of one numbering; the chapter `2 典型案例` is no case (its title a bare number)."""
    assert _split(OUTLINE) == [
        (1, "船舶“一次登临”联合检查", "中国（某省）自由贸易试验区甲港片区管理委员会"),
        (2, "企业年报“多报合一”", "乙市市场监督管理局"),
    ]


def test_a_labelled_provider_keeps_a_bracket_inside_its_name_but_not_one_closing_it() -> None:
    from ftzgraph.graph.extract._split_units import labelled_provider

    assert labelled_provider("实施单位：中国（某省）自由贸易试验区甲港片区管理委员会")[0] == (  # type: ignore[index]
        "中国（某省）自由贸易试验区甲港片区管理委员会"
    )
    assert labelled_provider("报送单位：某省商务厅（自贸办）")[0] == "某省商务厅"  # type: ignore[index]


def test_outline_cases_over_labelled_provider_lines_are_titled_without_their_numbers() -> None:
    """2.1\ttitle over 申报单位：X under two chapters: the title drops 2.1, not 2."""
    text = OUTLINE.replace("2.2 企业", "3\t投资便利化\n3.1\t企业").replace("实施单位", "申报单位")
    text = text.replace("2.1 船舶", "2.1\t船舶").replace("3 工作要求", "4 工作要求")
    assert [(title, provider) for _, title, provider in _split(text)] == [
        ("船舶“一次登临”联合检查", "中国（某省）自由贸易试验区甲港片区管理委员会"),
        ("企业年报“多报合一”", "乙市市场监督管理局"),
    ]


MINUTES = """某市自由贸易试验区工作办公室
会议纪要
第3期
某市自贸办　　　　　　　　2026年5月6日

　　5月5日上午，市自贸办召开改革经验复制推广推进会，市自贸办副主任主持。会议听取了有关单位的情况汇报。现纪要如下：

　　一、关于复制“船舶登记一网通办”事项
　　会议听取了丙海事局的汇报。丙海事局将船舶登记各环节整合到一个平台办理，船东网上提交即可领证，办理时间由10天缩短至2天。（汇报单位：丙海事局）
　　会议明确：丙市交通运输局做好港航数据共享。

　　二、关于推广“研发用物品进口白名单”的事项
　　会议听取了丙市科学技术局关于白名单试点的汇报。丙市科学技术局会同丙海关对白名单企业进口研发用物品免于提交许可证件，已有52家企业纳入白名单。
　　会议明确：丙海关负责通关保障。

　　三、关于学习借鉴“夜间经济街区一证多址”的事项
　　会议听取了丁区人民政府的汇报。丁区推行餐饮企业一证多址，允许连锁门店共用一张许可证，今年新增夜间经营门店130家。（汇报单位：丁区人民政府）
　　会议明确：各单位要按月报送进展。

　　出席：市自贸办、丙海事局、丙市科学技术局、丁区人民政府
　　列席：丙市财政局、丙市审计局

分送：市政府办公室，各成员单位。
"""


def test_minutes_items_are_cases_named_in_quotes_with_the_unit_whose_report_was_heard() -> None:
    assert _split(MINUTES) == [
        (1, "船舶登记一网通办", "丙海事局"),  # （汇报单位：X） closing the paragraph
        (2, "研发用物品进口白名单", "丙市科学技术局"),  # 会议听取了X关于…的汇报, with no closing label
        (3, "夜间经济街区一证多址", "丁区人民政府"),
    ]


def test_the_attendance_lists_of_minutes_are_no_part_of_the_last_case() -> None:
    last = split_cases(_document(MINUTES)).cases[-1]
    assert "出席" not in last.text and "丙市财政局" not in last.text
    agencies = [a.name for a in extract_document(_document(MINUTES), load_gazetteer()).cases[-1].agencies]
    assert not any("财政局" in name or "审计局" in name for name in agencies)


QA_PAGE = """首页 > 政务公开 > 政策解读
索引号：	11223344/2026-00012
发布机构：	某省商务厅
发文日期：	2026-06-01

《某省自贸试验区第四批创新案例》解读

　　近日，省自贸办印发第四批创新案例。现解读如下。

　　{q1}这批案例里的“保税维修一单到底”是什么？
　　答：{a}戊片区管委会报送。戊片区对保税维修业务实行一单到底管理，维修企业凭一张电子账册完成进出口申报。
　　己海关同步优化核销流程，全年维修飞机发动机38台。

　　{q2}“跨境电商退货中心仓”解决了什么问题？
　　答：{a}庚市商务局报送。庚市商务局在综合保税区建设退货中心仓，出口退货商品可集中回流分拣。
　　退货处理时间由20天缩短至5天。

　　{q3}怎样理解“涉企证照到期提醒”？
　　答：{a}辛区行政审批局报送。辛区行政审批局通过短信向企业推送证照到期提醒，避免企业因证照过期受罚。
　　今年已推送提醒1.2万条。

扫一扫在手机打开当前页
【打印本页】　　【关闭窗口】
主办单位：某省商务厅
相关链接：某省人民政府
某省商务厅主办　　某ICP备12345678号
"""


@pytest.mark.parametrize(
    ("labels", "lead"),
    [
        (("一问：", "二问：", "三问："), "该案例由"),
        (("问：", "问：", "问："), "这一案例是由"),
        (("【问】", "【问】", "【问】"), "本案例由"),
        (("二、", "三、", "四、"), "该案例由"),  # questions numbered as the page's headings, not as its cases
    ],
    ids=["一问", "问", "【问】", "numbered"],
)
def test_questions_of_a_qa_page_head_their_answers_which_name_the_provider(labels: tuple[str, ...], lead: str) -> None:
    text = QA_PAGE.format(q1=labels[0], q2=labels[1], q3=labels[2], a=lead)
    cases = extract_document(_document(text), load_gazetteer()).cases
    assert [(c.title, c.provider) for c in cases] == [
        ("保税维修一单到底", "戊片区管委会"),
        ("跨境电商退货中心仓", "庚市商务局"),
        ("涉企证照到期提醒", "辛区行政审批局"),
    ]
    assert [c.number for c in cases] == [1, 2, 3]
    last = cases[-1].text.text
    assert not any(word in last for word in ("扫一扫", "打印本页", "主办单位", "相关链接", "ICP备"))


def test_a_question_naming_no_case_or_two_heads_no_answer() -> None:
    from ftzgraph.graph.extract._split_headings import question_title

    assert question_title("二问：“A办”是什么？") == (2, "A办")
    assert question_title("问：这批案例有什么特点？") is None
    assert question_title("问：“甲”和“乙”有什么不同？") is None
    assert question_title("问：“甲”推行以来效果明显。") is None  # no question


def test_a_numbered_question_heads_its_answer_and_a_numbered_question_naming_no_case_heads_none() -> None:
    from ftzgraph.graph.extract._split_headings import asked_case

    assert asked_case("第一个案例“保税维修一单到底”是如何做的？") == "保税维修一单到底"
    assert asked_case("《案例》出台的背景是什么？") is None
    assert asked_case("推行“甲”以来效果明显。") is None


@pytest.mark.parametrize(
    "name",
    [
        "guangdong-outline-collection",
        "qinghai-tongbao-collection",
        "hebei-dashes-collection",
        "hainan-outline-collection",
        "anhui-tongbao-collection",
        "hebei-county-dashes-collection",
        "jilin-outline-collection",
        "jiangxi-tongbao-collection",
        "sichuan-dashes-collection",
    ],
)
def test_held_out_outline_bulletin_and_dash_collections_keep_every_case_and_provider(name: str) -> None:
    from _dev_scoring import score_collection

    score = score_collection(name)
    assert (score.found, score.provider) == (score.cases, score.cases), score.misses


@pytest.mark.parametrize(
    "name",
    ["yantai-minutes-collection", "zhejiang-qa-collection", "nanning-minutes-collection", "hunan-qa-collection"],
)
def test_every_case_and_provider_of_the_held_out_minutes_and_qa_collections(name: str) -> None:
    from _dev_scoring import score_collection

    score = score_collection(name)
    assert (score.found, score.provider, score.zone) == (score.cases,) * 3, score.misses
    extra = [m for m in score.misses if "agency not in gold" in m]  # no attendee, page footer or site owner acts
    assert not any(word in m for m in extra for word in ("财政局", "统计局", "商务厅", "人民政府")), extra


UNMARKED_MIXED = """某省自贸试验区创新实践案例

进口冷链食品“预检分流”

1.背景
进口冷链食品查验环节多、等待时间长，企业通关成本较高。
2.主要做法
甲港海关在口岸设立冷链预检区，对低风险货物实行先放行后检测。
3.成效
口岸查验时间缩短50%，全年预检分流集装箱1.6万标箱。

海铁联运“一箱到底”
报送单位：乙市交通运输局

1.背景
海铁联运货物在港口与铁路之间换箱频繁，物流成本高。
2.主要做法
乙市交通运输局会同铁路部门推行铁路箱下水、海运箱上路。
3.成效
每标箱物流成本降低约300元，海铁联运量同比增长22%。

企业开办“一网通办”

1.背景
企业开办涉及部门多，申请材料重复提交。
2.主要做法
丙市营商环境建设局整合企业开办各环节，实行一表填报。
3.成效
企业开办时间压缩至1个工作日以内，累计办理8600余件。
"""


def test_bare_titles_over_a_provider_line_or_over_a_first_section_are_one_family() -> None:
    """Titles with no mark, one over its provider line and two over their first section: three cases (z18a)."""
    assert [title for _, title, _ in _split(UNMARKED_MIXED)] == [
        "进口冷链食品“预检分流”",
        "海铁联运“一箱到底”",
        "企业开办“一网通办”",
    ]


def test_a_unit_alone_under_a_bare_title_names_the_provider_and_heads_no_case() -> None:
    """title / 甲港海关 / 改革背景: the unit line is the provider, never a case's title (z18a)."""
    cases = [
        ("跨境电商退货“一仓通办”模式", "甲港海关"),
        ("外资企业登记“跨省通办”", "乙市市场监督管理局"),
    ]
    text = "某省自贸试验区制度创新成果汇编\n\n" + "".join(
        f"{title}\n{unit}\n改革背景\n企业办理业务需往返多地，周期长、成本高。\n主要做法\n{unit}推行“一次办结”，"
        "实行线上申报、并联审批。\n取得成效\n办理时间由15天压缩至4天，累计服务企业320家。\n\n"
        for title, unit in cases
    )
    assert [(title, provider) for _, title, provider in _split(text)] == cases


PROSE_TITLES = "\n\n".join(
    f"{title}\n\n{place}借鉴上海自贸试验区经验，推行{title}，办理时间由5个工作日压缩至1个工作日，累计服务企业{n}家。"
    for title, place, n in [
        ("企业开办“一日办结”", "甲市", 120),
        ("跨境电商出口“清单申报”", "乙县", 85),
        ("不动产登记“交房即交证”", "丙区", 300),
    ]
)


def test_reforms_named_alone_between_a_blank_line_and_prose_are_cases() -> None:
    """No mark at all: each title stands alone over its paragraph and names a reform in quotes (z18a)."""
    text = "某州复制推广自贸试验区改革经验的通报\n\n" + PROSE_TITLES + "\n"
    assert [title for _, title, _ in _split(text)] == [
        "企业开办“一日办结”",
        "跨境电商出口“清单申报”",
        "不动产登记“交房即交证”",
    ]


def test_subheads_of_a_news_article_are_no_cases() -> None:
    """Short lines over paragraphs that name no reform (据悉 …, 多措并举　助企纾困) head no case (z18a)."""
    paragraphs = PROSE_TITLES.split("\n\n")[1::2]
    text = "自贸试验区改革成效显著\n\n" + "\n\n".join(
        f"{head}\n\n{body}"
        for head, body in zip(["多措并举　助企纾困", "改革成效持续显现", "营商环境不断优化"], paragraphs, strict=True)
    )
    assert _split(text + "\n") == []


BOXED = """某省自贸试验区改革简报

■ 进口药品“通关一站式”
　　甲区会同海关推行进口药品通关一站式办理，企业一次提交材料，通关时间由3天缩短至1天。
（来源：甲区商务局）

■ 农产品出口“溯源码”
　　乙县市场监管局为出口农产品赋予溯源码，海关凭码快速验放，已赋码产品1.6万批次。
▍延伸阅读
　　溯源码是记录农产品产地和检测信息的二维码。
（来源：乙县人民政府）

■ 保税维修“全程保税”
　　丙区对保税维修货物实行全程保税监管，今年维修飞机发动机120台，同比增长30%。
（来源：丙区人民政府）
"""


def test_a_box_under_another_symbol_inside_a_case_breaks_no_family_of_symbol_headings() -> None:
    """▍延伸阅读 inside the second case is marked by another symbol than the cases' ■: no case, no break."""
    cases = split_cases(_document(BOXED)).cases
    assert [c.title for c in cases] == ["进口药品“通关一站式”", "农产品出口“溯源码”", "保税维修“全程保税”"]
    assert "延伸阅读" in cases[1].text


ANNEX_CLAUSES = """某市地方标准　改革经验复制推广工作规范

1　范围
本文件规定了改革经验复制推广的工作流程。

2　术语和定义
2.1　复制推广单位
承担改革经验落地实施的机关。

附录A
（资料性）
复制推广典型案例

A.1　陶瓷出口“集中查检”
A.1.1　实施单位
甲市人民政府。
A.1.2　主要做法
甲海关设立集中查检场地，对出口陶瓷实行集中查检。
A.1.3　实施成效
查检时间由2天压缩至4小时。

A.2　企业开办“当日领照”
A.2.1　实施单位
乙市行政审批服务局。
A.2.2　主要做法
企业开办全程网上办理。
A.2.3　实施成效
企业开办时间由3个工作日压缩至4小时。
"""


def test_a_standards_annex_clauses_are_the_cases_and_their_unit_clause_the_provider() -> None:
    """A.N　title under an informative annex opens case N (its A.N.M clauses are sections, the body's 2.1 a term);
    a provider label standing as a clause heading (A.N.1　实施单位) names the unit on the line below it."""
    assert _split(ANNEX_CLAUSES) == [
        (1, "陶瓷出口“集中查检”", "甲市人民政府"),
        (2, "企业开办“当日领照”", "乙市行政审批服务局"),
    ]
    # a label no provider word list holds (A.N.1　适用范围) names no provider over the line below it
    scoped = ANNEX_CLAUSES.replace("实施单位", "适用范围")
    assert [provider for _, _, provider in _split(scoped)] != ["甲市人民政府", "乙市行政审批服务局"]


RADIO_SCRIPT = """某市广播电台　节目播出稿

主 持 人：甲（女）　乙（男）

【板块一】种子出口“检疫前置”
男：第一项，跟种子出口有关。
女：这项改革是某市海关牵头推出的，海关把检疫环节前移到种植基地。
男：检疫时间由5天左右缩短到1天。

【板块二】企业开办“证照联办”
男：第二项，跟创业的朋友们有关。
女：这是某市行政审批服务局的一项自主探索，把营业执照和许可证一起办。
男：开办时间由3个工作日压缩到半天。
"""


def test_a_hosts_sentence_naming_who_launched_the_reform_names_the_provider() -> None:
    """In a programme's script the provider is named only in the host's words (这项改革是X牵头推出的, 这是X的一项自主
    探索); a sentence naming a body that merely took part (X参与了这项改革) names none."""
    assert [provider for _, _, provider in _split(RADIO_SCRIPT)] == ["某市海关", "某市行政审批服务局"]
    joined = RADIO_SCRIPT.replace("这项改革是某市海关牵头推出的", "某市海关参与了这项改革")
    assert all(provider != "某市海关" for _, _, provider in _split(joined))


STUDY_TOUR = """某市商务局
关于赴某省自贸试验区学习考察情况的报告

市政府：
　　为推动我市更好承接自贸试验区改革试点经验复制推广，考察组学习了2项典型做法，现将有关情况报告如下。

一、考察基本情况
　　考察组先后走访了2个片区。

二、学习到的典型做法
1.进口矿产品“先放后检”
　　甲片区管委会会同甲海关推行进口矿产品“先放后检”，货物抵港后先行放行，再按风险类别分类处置检验结果。
　　考察组了解到，该做法实施以来，通关时间由3天压缩至1天，企业每年节约物流成本约2000万元。
2.国际航行船舶“联合登临”
　　乙片区管委会牵头，会同乙海事局、乙海关实行国际航行船舶联合登临检查，一次登临完成多项检查。
　　该做法推行以来，船舶平均停港时间缩短6小时，累计服务船舶1200余艘次。

三、对我市的建议
　　建议市商务局借鉴“一站式”服务做法，研究在我市推行。
"""


def test_numbered_items_under_a_heading_announcing_cases_are_the_cases() -> None:
    """1．title items under 二、学习到的典型做法 are cases when each reports a reform, though no section words or
    provider lines lay them out; the same items under 二、主要做法 (a case's own section) are none, and a report that
    names a practice again later (建议借鉴“一站式”) still gives its stated cases."""
    assert [title for _, title, _ in _split(STUDY_TOUR)] == ["进口矿产品“先放后检”", "国际航行船舶“联合登临”"]
    assert _split(STUDY_TOUR.replace("学习到的典型做法", "主要做法")) == []
    # …or a short sentence naming them before a colon (一项指标下：形成典型案例2个，具体如下：)
    told = STUDY_TOUR.replace("二、学习到的典型做法\n", "二、考察收获\n　　考察组学到典型做法2项，具体如下：\n")
    assert [title for _, title, _ in _split(told)] == ["进口矿产品“先放后检”", "国际航行船舶“联合登临”"]
    extraction = extract_document(_document(STUDY_TOUR, "tour.txt"), load_gazetteer())
    assert [case.title for case in extraction.cases] == ["进口矿产品“先放后检”", "国际航行船舶“联合登临”"]


QUIZ = """某市“学自贸”知识竞赛题库

一、单项选择题

1.某省自由贸易试验区共有几个片区？（　　）
A.两个
B.三个
答案：B
解析：该自贸试验区设三个片区，覆盖面积约120平方千米。

2.甲区推出的“进口药品通关一件事”改革借鉴的是哪个片区的经验？（　　）
A.某片区
B.另一片区
答案：A
解析：甲区借鉴某片区经验，由甲海关推行药品通关集成办理，区商务局建立企业名录，通关时间由5天缩短至2天。

二、简答题

3.请简述乙区“跨境结算便利化”的主要做法和成效。
参考答案：乙区复制推广国务院第六批改革试点经验，区金融局联合银行推行跨境结算线上办理，全年办理业务1200余笔。

4.请列举本省自由贸易试验区的三项功能定位。
参考答案：发展先进制造、现代物流和跨境贸易，各片区分工协作。
"""


def test_quiz_items_that_ask_about_a_named_reform_are_its_cases() -> None:
    """A question bank (issue #15, helper z25a): a stem naming one reform in quotes, whether it asks (？ with its
    answer blank) or sets a task (请简述“A”…。), heads the case its answer reports; items of general knowledge are none,
    and the next of them ends the last case."""
    cases = split_cases(_document(QUIZ)).cases
    assert [(c.number, c.title) for c in cases] == [(1, "进口药品通关一件事"), (2, "跨境结算便利化")]
    assert "功能定位" not in cases[-1].text and "1200余笔" in cases[-1].text


BILINGUAL = """某市开放型经济改革成果手册
Reform Highlights of Some City

前言　Preface
本手册收录三项改革成果。

跨境电商“退货中心仓”
Cross-border E-commerce Return Warehouse
甲区商务局借鉴某片区经验建设退货中心仓，退货商品在仓内完成查验后重新上架，退货时间由30天缩短至7天。
The district commerce bureau built a return warehouse, cutting return time from 30 days to 7.

企业开办“一日办结”
One-day Business Start-up
乙区行政审批局推行企业开办全程网办，营业执照、公章和发票一次领取，开办时间压缩至1天。
The district approval bureau lets new firms register online in one day.

船舶登记“一证通”
One Certificate for Ship Registration
丙海事局推行船舶登记证书合并办理，航运企业一次申请即可领取全部证书，办理时间由10天压缩至3天。
The maritime bureau merges ship certificates; registration takes three days instead of ten.
"""


def test_a_bilingual_title_over_its_rendering_heads_its_case() -> None:
    """A bilingual brochure (issue #15, helper z25a): a bare Chinese title whose English rendering stands between it
    and its prose is the case's title; the English lines are no title."""
    titles = [c.title for c in split_cases(_document(BILINGUAL)).cases]
    assert titles == ["跨境电商“退货中心仓”", "企业开办“一日办结”", "船舶登记“一证通”"]


WEEKLY = """某市商务局工作周报

★ 本周重点工作
★ 召开外贸企业座谈会
市商务局召开外贸企业座谈会，听取12家企业意见建议。

◆ 改革亮点（本期推出3项成果）
◆ 出口货物“集拼转关”
甲海关复制推广国务院第四批改革试点经验，对小批量出口货物实行集拼后转关出口，企业物流成本下降约20%。
◆ 涉企政策“免申即享”
乙市工业和信息化局推行惠企政策免申即享，符合条件的企业无需申请即可获得资金，本年度已兑现资金900万元。
◆ 工程建设“联合验收”
丙市住房和城乡建设局复制推广国务院第六批改革试点经验，推行规划、消防、人防联合验收，验收时间由30天压缩至10天。

★ 下周工作安排
筹备进出口商品交易会，开展外资企业走访调研。
"""


def test_a_part_heading_marked_like_the_cases_heads_none_and_the_next_part_ends_the_last() -> None:
    """A weekly report (issue #15, helper z25a): the ◆ line over the first ◆ case heads the part, not a case, and the
    ★ part after the cases (its symbol leading a part above them) is no text of the last case."""
    cases = split_cases(_document(WEEKLY)).cases
    assert [c.title for c in cases] == ["出口货物“集拼转关”", "涉企政策“免申即享”", "工程建设“联合验收”"]
    assert "下周工作安排" not in cases[-1].text


PLAIN_NUMBERED = """某市改革经验推介会会议手册

一、会议议程
14:30　领导致辞
14:40　项目推介

二、推介项目简介

1　进出境游艇“一次备案”
推介人：某某（甲海事局副局长）
甲海事局对境外游艇实行一次备案、多次进出，甲海关同步简化查验，已有20艘游艇完成备案。

2　加工企业“共享冷库”
推介人：某某（乙区副区长）
乙区学习借鉴某片区经验，统筹建设共享冷库，中小企业按需租用仓位，冷库周转效率提升约三成。

3　边境贸易“互市+落地加工”
推介人：某某（丙市商务局局长）
丙市商务局复制推广国务院第六批改革试点经验，推动互市进口商品落地加工，实行分类监管。

三、联系方式
会务组　电话略
"""


def test_plain_numbering_from_one_over_named_reforms_is_the_cases() -> None:
    """(issue #15, helper z25a) A handbook's items numbered 1　2　3　with no section words: plain numbering, which a
    notice's parts use too, is the cases when it counts from one and every heading names a reform in quotes."""
    titles = [c.title for c in split_cases(_document(PLAIN_NUMBERED)).cases]
    assert titles == ["进出境游艇“一次备案”", "加工企业“共享冷库”", "边境贸易“互市+落地加工”"]
    notice = PLAIN_NUMBERED.replace("“一次备案”", "一次备案")  # one heading naming no reform: no family
    assert [c.title for c in split_cases(_document(notice)).cases] != titles


_SHOT = "镜号｜景别｜画面内容｜解说词（配音）｜字幕｜时长"
STORYBOARD = f"""某县“改革一分钟”系列短视频分镜脚本（第3—4集）
制作：某县融媒体中心

第3集　跨境电商企业“出口海外仓”备案便利化
{_SHOT}
1｜航拍全景｜县城厂房｜在某县，跨境电商企业出口海外仓备案，只要跑一次。｜改革一分钟｜5s
2｜中景｜窗口｜某县借鉴安徽自贸试验区芜湖片区经验，县商务局与某海关建立备案信息共享机制。｜借鉴经验｜12s
3｜近景｜企业负责人｜企业备案时间由5个工作日缩短至1个工作日，今年已有47家企业完成备案。｜5天→1天｜10s
片尾字幕：本集素材由某县商务局提供

第4集　工业用地“标准地+承诺制”出让
{_SHOT}
1｜航拍｜待出让地块｜拿地即开工，是怎样做到的？｜拿地即开工｜5s
2｜中景｜会议室｜开发区复制推广第三批“最佳实践案例”，开发区经济发展局在出让前明确亩均投资等指标。｜最佳实践案例｜14s
3｜近景｜企业代表｜企业拿地后审批时间由90天压缩至30天左右，已出让标准地12宗、约860亩。｜12宗｜10s
片尾字幕：本集素材由某经济开发区管委会提供
"""


def test_a_series_episodes_are_its_cases_and_a_repeated_table_header_titles_none() -> None:
    """第N集 marks a part of a series as 第N篇 does; the shot table's header, the same line over every episode, is no
    family of titles; the closing credit (本集素材由X提供) names who supplied the episode."""
    assert [case[1:] for case in _split(STORYBOARD)] == [
        ("跨境电商企业“出口海外仓”备案便利化", "某县商务局"),
        ("工业用地“标准地+承诺制”出让", "某经济开发区管委会"),
    ]


CARDS = """“某某”政务服务小程序　>　改革创新　>　联动创新案例
共2条

#营商环境
“开办企业+银行开户”同步办
某市某区行政审批局｜2024-10-18
某区行政审批局借鉴江苏自贸试验区南京片区经验，与辖区8家银行共享开办数据，开办企业全流程时间由3天缩短至0.5天。
👁 1.2万　👍 86　查看详情＞

#绿色航运
船舶污染物“接收转运处置”联单管理
某市交通运输局｜2024-09-02
市交通运输局复制推广国务院第五批自由贸易试验区改革试点经验，推行船舶污染物电子联单，今年接收船舶生活垃圾860吨。
👁 8536　👍 41　查看详情＞
"""


def test_a_cards_title_over_its_source_line_heads_a_case_the_unit_brings() -> None:
    """A mini-program's or a list page's card: a title over its source line (unit｜date), which names the provider."""
    assert [case[1:] for case in _split(CARDS)] == [
        ("“开办企业+银行开户”同步办", "某市某区行政审批局"),
        ("船舶污染物“接收转运处置”联单管理", "某市交通运输局"),
    ]
    assert _split(CARDS.replace("某市某区行政审批局｜", "张某某｜").replace("某市交通运输局｜", "李某｜")) != _split(
        CARDS
    )


COUNTED = """某省改革创新案例汇编

前　言
　　本汇编收录4个改革创新案例。

❖ 中欧班列“运贸一体”
　　依托中欧班列开展“运贸一体”服务，班列平台公司为企业提供采购、运输、结算一揽子服务，当年开行班列1100列。

❖ 进口水果“一站式”查验
　　口岸进口水果指定监管场地实行“一站式”查验，进口水果通关时间压缩至6小时以内，全年进口水果12万吨。

❖ 矿产品检验“合格评定”
　　对进口矿产品实行“先放后检”和合格评定，检验周期缩短一半，企业节约滞港费用2000万元。

❖ 知识产权“快保护”
　　某区依托知识产权保护中心建立快速预审通道，发明专利授权周期由22个月缩短至3个月。
"""


def test_a_stated_count_chooses_a_family_of_named_reforms_the_family_rules_do_not_take() -> None:
    """(issue #15, helper z25a) One ❖ section holds too few words of action for the marked-family rule; the head states
    4 cases and the ❖ family is the one of four headings that each name a reform, so it is the split. (Without the count
    the rules merged after it now find the same four too, so the count is no longer the only way there.)"""
    titles = [c.title for c in split_cases(_document(COUNTED)).cases]
    assert titles == ["中欧班列“运贸一体”", "进口水果“一站式”查验", "矿产品检验“合格评定”", "知识产权“快保护”"]


NUMBERS_PAGE = """某市晚报　第05版　数据

【图说】3个数字看某市复制推广改革经验

核心提示：全市累计复制推广改革经验60余项，本报选取3个数字。

━━ 看点1 ━━
72小时
进口冻品“预约查验”
甲海关借鉴自贸试验区做法推行进口冻品预约查验，查验等待时间由72小时缩短至8小时，全年惠及企业120家。
数据来源：甲海关

━━ 看点2 ━━
5张
“证照联办”套餐
某市行政审批局推行开办餐馆证照联办，将5张证照合并办理，办理时间压缩至1个工作日，全年办件3000余件。
数据来源：某市行政审批局

━━ 看点3 ━━
1.5亿元
“税融通”贷款
某市税务局联合银行推行纳税信用贷款，全年为小微企业发放贷款1.5亿元，惠及企业400余户。
数据来源：某市税务局
"""


def test_a_data_pages_big_number_stands_between_the_number_line_and_the_title() -> None:
    expected = [(1, "进口冻品“预约查验”"), (2, "“证照联办”套餐"), (3, "“税融通”贷款")]
    assert [c[:2] for c in _split(NUMBERS_PAGE)] == expected
    # a mark's word and number alone (▍看点一) is the number line too, not a title of its own
    marked = re.sub(r"━━ 看点(\d) ━━", lambda m: "▍看点" + "一二三"[int(m[1]) - 1], NUMBERS_PAGE)
    assert [c[1] for c in _split(marked)] == ["进口冻品“预约查验”", "“证照联办”套餐", "“税融通”贷款"]


SEMINAR = """某大学区域发展研究院　研究简报

“改革经验落地”座谈会综述

某市商务局、某市发展改革委等单位代表参加座谈，现将讨论情况综述如下。

一、关于“一窗通办”扩面的讨论
某市政务服务中心代表介绍，该中心借鉴自贸试验区做法推行一窗通办，办件时间由3天缩短至1天，全年办件2万余件。

二、关于跨境电商“退货中心仓”的讨论
某区商务局代表介绍，该局学习自贸试验区经验建设退货中心仓，退货时间由30天缩短至7天，全年处理退货5万件。

三、关于“信用修复”提醒的讨论
某市发展和改革委员会代表介绍，该委推行信用修复主动提醒，修复时间由15天缩短至3天，全年提醒企业900余家。

四、下一步研究建议（略）

（执笔：研究院某所）
"""


def test_a_closing_part_numbered_on_after_the_cases_heads_no_case_and_topics_lose_their_frame() -> None:
    assert [c[1] for c in _split(SEMINAR)] == ["“一窗通办”扩面", "跨境电商“退货中心仓”", "“信用修复”提醒"]


SURVEY = """某市物流行业协会　会员问卷调查报告

调查时间：2024年4月　有效问卷：200份

一、样本情况
参与调查的会员企业中，仓储企业占40%。

二、分项结果

Q3．您是否使用过“跨境电商退货中心仓”？
题目说明：甲海关借鉴自贸试验区经验设立退货中心仓。
选项统计：A.使用过 30%　B.未使用 70%
企业反映：退货时间由30天缩短到7天，全年处理退货包裹8万件。

Q4．您对“多式联运一单制”服务是否满意？（单选）
题目说明：某市交通运输局推行多式联运一单制。
选项统计：A.满意 60%　B.不满意 40%
企业反映：单证由5份减为1份，物流成本下降6%左右。

三、结论（略）
"""


def test_a_questionnaires_lettered_questions_head_cases_whatever_their_answer_note() -> None:
    assert [c[1] for c in _split(SURVEY)] == ["跨境电商退货中心仓", "多式联运一单制"]


ESSAYS = """“基层改革实践”来稿选登

编者的话：本版刊登几篇来稿，保留作者体例。

（一）出口家具“集中查验”
□ 某甲海关　王某
过去每一批家具都要单独报检，企业跑腿多。我们借鉴广东自贸试验区做法，推行集中查验，对同一企业的出口家具集中抽样检验，合格后分批放行。
一年来，已有36家企业受益，查验率由100%降至20%，通关时间缩短2天。

（二）“共享仓储”服务平台（某乙区商务局）
某乙区商务局搭建共享仓储平台，淡季闲置的仓库可以临时调剂给旺季仓储紧张的企业使用，双方在平台上签订协议，区商务局对调剂全程跟踪服务。

（三）冷链车辆“电子通行证”
某丙县借鉴重庆自贸试验区做法，为冷链运输车辆发放电子通行证，全县118辆冷链车纳入管理，平均通行时间缩短40%。

（四）中药材“溯源码”管理
作者单位：某丁县市场监督管理局
案例背景：中药材以次充好的现象时有发生。
主要做法：县市场监管局推行溯源码，对种植基地统一赋码。
工作成效：全县已有52家企业使用溯源码，累计赋码320万枚。
"""


def test_a_counted_family_keeps_each_units_form() -> None:
    """（一）…（四） over a bylined essay, a bracketed provider, plain paragraphs and labelled fields: half the sections
    fit a case's form, the others report a reform under a heading naming one, and the headings count from one, so
    all four are cases (the first no longer dropped as a document title marked like the cases)."""
    titles = [title for _, title, _ in _split(ESSAYS)]
    assert titles == ["出口家具“集中查验”", "“共享仓储”服务平台", "冷链车辆“电子通行证”", "中药材“溯源码”管理"]


def test_a_family_not_counting_from_one_keeps_its_fitting_part() -> None:
    """The same sections numbered （二）（三）（五）（六）: no counted family, so only the rule that every section fits
    holds, and it takes none whose text neither fits nor follows a fitting heading."""
    renumbered = (
        ESSAYS.replace("（一）", "（二）", 1)
        .replace("（三）冷链", "（五）冷链")
        .replace("（四）中药材", "（六）中药材")
    )
    assert len(_split(renumbered)) < 4


_REPORT_BODY = (
    "区市场监管局负责登记，区商务局牵头搭建服务平台，新增经营主体1900余家，企业注册成本由平均每户3000元左右降至零，"
    "企业普遍反映办事更方便。"
)


def test_a_family_of_whole_case_paragraphs_takes_its_neighbour_naming_a_reform_with_a_figure() -> None:
    # 6.–8. hold the genre's words of copying; 9. brings its practice in (引进) and names it in quotes with a figure:
    # the family's next member. 5. names no reform and 10. states a problem: no members
    text = (
        "某市营商环境发展报告\n\n三、改革举措与成效\n"
        "5. 本年度，各县区、各部门围绕复制推广自贸试验区改革经验开展了大量探索，以下各段择要列举。\n"
        f"6. 【甲县】跨境电商企业“集群注册”。甲县学习借鉴乙片区集群注册经验，{_REPORT_BODY}\n"
        f"7. 【丙区】企业开办“一日办结”。丙区复制推广国务院第五批改革试点经验，{_REPORT_BODY}\n"
        f"8. 【丁县】信用修复“一口受理”。丁县对标戊片区做法，{_REPORT_BODY}\n"
        f"9. 【己区】农产品出口“检测结果互认”。己区引进庚片区“第三方检测结果采信”做法，{_REPORT_BODY}\n"
        "牵头单位：己区农业农村局\n\n四、存在问题\n"
        "10. 部分改革事项在县区之间推进不平衡，数据共享仍有堵点。\n"
    )
    titles = [title for _, title, _ in _split(text)]
    assert titles == ["跨境电商企业“集群注册”", "企业开办“一日办结”", "信用修复“一口受理”", "农产品出口“检测结果互认”"]


def test_numbered_paragraphs_naming_slogans_with_figures_are_no_family_of_their_own() -> None:
    # a report's numbered paragraphs quote slogans and state figures, but none tells what it copies: no case at all
    text = (
        "某市2023年工作报告\n\n一、总体情况\n"
        f"1. 政务服务持续优化。全市推进“一网通办”，{_REPORT_BODY}\n"
        f"2. 市场活力不断增强。全市开展“万企兴万村”行动，{_REPORT_BODY}\n"
        f"3. 开放水平稳步提升。全市举办“外企开放日”活动，{_REPORT_BODY}\n"
    )
    assert _split(text) == []
