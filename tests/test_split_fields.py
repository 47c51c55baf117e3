"""Cases laid out as forms (issue #15, held-out Fujian-style collection): each case an attachment line 附件N with
labelled fields 案例名称：/报送单位：/主要内容：, and a provider that may be given only in the contact line."""

from __future__ import annotations

from pathlib import Path

import pytest

from ftzgraph.graph.extract._split_fields import labelled_field
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.extract.provider import provider_line
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document

FORM_COLLECTION = """某省自由贸易试验区工作领导小组办公室关于印发创新案例的通知

各设区市人民政府：
　　现将创新案例印发给你们，请认真学习借鉴。

附件：1．甲事项“一窗通办”
　　　2．乙业务“秒批”

某省自由贸易试验区工作领导小组办公室
2024年3月1日

附件1

案例名称：甲事项“一窗通办”
报送单位：某市人民政府
主要内容：
1．改革背景
　　甲事项需往返多个窗口。
2．主要做法
　　（1）市商务局设立综合窗口。
图1  甲事项办理流程示意图

附件2

案例名称：乙业务“秒批”
主要内容：
1．改革背景
　　乙业务审批时间长。
3．实践成效
　　审批时间压缩至1小时。

联系人：某市数据资源管理局　李某某　　联系电话：0000-1234××××

抄送：某部。
"""


def test_form_cases_take_number_title_and_span_from_the_attachment_line() -> None:
    cases = split_cases(Document(id="f", path=Path("f.txt"), text=FORM_COLLECTION, sha256="f")).cases
    assert [(c.number, c.title) for c in cases] == [(1, "甲事项“一窗通办”"), (2, "乙业务“秒批”")]
    assert cases[0].text.startswith("附件1") and "附件2" not in cases[0].text
    assert "抄送" not in cases[1].text  # the attachment list and the distribution block are no cases


def test_a_form_case_gives_its_provider_from_the_field_or_else_the_contact_line() -> None:
    first, second = split_cases(Document(id="f", path=Path("f.txt"), text=FORM_COLLECTION, sha256="f")).cases
    assert provider_line(first) is not None and provider_line(first)[0] == "某市人民政府"
    found = provider_line(second)
    assert found is not None and found[0] == "某市数据资源管理局"
    assert second.text[found[1] : found[2]] == "某市数据资源管理局"
    bare = FORM_COLLECTION.replace("某市数据资源管理局　李某某", "李某某")  # a contact with no unit names no provider
    assert provider_line(split_cases(Document(id="g", path=Path("g.txt"), text=bare, sha256="g")).cases[1]) is None


def test_a_form_quoted_inside_a_case_opens_no_case() -> None:
    inner = FORM_COLLECTION.replace(
        "　　（1）市商务局设立综合窗口。",
        "　　（1）市商务局设立综合窗口。\n项目名称：综合窗口改造\n建设内容：改造大厅。",
    )
    cases = split_cases(Document(id="h", path=Path("h.txt"), text=inner, sha256="h")).cases
    assert [c.number for c in cases] == [1, 2]
    # With no attachment lines, a field whose label names a case (案例名称) still opens one, with or without a
    # provider field below it; a field that names a project opens one only above a provider field.
    plain = FORM_COLLECTION.replace("附件1\n", "").replace("附件2\n", "")
    cases = split_cases(Document(id="p", path=Path("p.txt"), text=plain, sha256="p")).cases
    assert [c.title for c in cases] == ["甲事项“一窗通办”", "乙业务“秒批”"]
    projects = plain.replace("案例名称：", "项目名称：")
    cases = split_cases(Document(id="q", path=Path("q.txt"), text=projects, sha256="q")).cases
    assert [c.title for c in cases] == ["甲事项“一窗通办”"]


SERVICE_GUIDE = """某市涉企服务事项办事指南汇编

编制说明
一、各事项按“事项名称、改革推进单位、实施机关”的顺序编写。

────────

事项编号：XX-001
【事项名称】甲事项“一窗受理”
【改革推进单位】某市行政审批局
【实施机关】某市行政审批局、某市税务局
【实施成效】办理时限由5个工作日压缩至1个工作日。

────────

事项编号：XX-002
【事项名称】乙业务“容缺受理”
【改革推进单位】某区管理委员会
【实施机关】某省药品监督管理局
【实施成效】审评时限由60个工作日压缩至30个工作日。
"""


def test_a_name_field_over_a_reform_unit_field_opens_a_case_named_by_its_value() -> None:
    """A service guide's record (【事项名称】X over 【改革推进单位】Y) is a case titled X whose provider is Y; the other
    bracketed fields (【实施机关】, 【实施成效】) are neither titles nor providers."""
    cases = split_cases(Document(id="s", path=Path("s.txt"), text=SERVICE_GUIDE, sha256="s")).cases
    assert [c.title for c in cases] == ["甲事项“一窗受理”", "乙业务“容缺受理”"]
    assert [(provider_line(c) or (None,))[0] for c in cases] == ["某市行政审批局", "某区管理委员会"]


_EXPORT = """某市12345热线知识库
共导出2条
====================
知识编号：ZSK-01
知识标题：{first}
所属分类：营商环境>通关便利
承办单位：某港海关
答复口径：
来电咨询的，可答复：某港海关借鉴天津自贸试验区经验，推行“船边直提”，压港时间由3天缩短至12小时，企业节省费用约8元每吨。
====================
知识编号：ZSK-02
知识标题：{second}
所属分类：营商环境>市场准入
申报主体：某市市场监督管理局
答复口径：
来电咨询的，可答复：市市场监管局推行告知承诺制，办理时限由10个工作日缩减为当场办结，今年已发证1560余张。
"""


def test_any_field_label_naming_a_records_title_titles_its_case() -> None:
    """知识标题 (a knowledge base's) or 举措名称 names the record's title as 案例名称 does: the lexicon's heads after an
    object of the genre; a field naming the category (所属分类) titles nothing."""
    text = _EXPORT.format(first="进口铁矿石“船边直提”", second="食品经营许可“告知承诺”")
    cases = split_cases(Document(id="k", path=Path("k.txt"), text=text, sha256="k")).cases
    assert [case.title for case in cases] == ["进口铁矿石“船边直提”", "食品经营许可“告知承诺”"]
    assert [provider_line(case)[0] for case in cases if provider_line(case)] == ["某港海关", "某市市场监督管理局"]
    print_view = text.replace("知识标题：", "举措名称：")
    cases = split_cases(Document(id="k", path=Path("k.txt"), text=print_view, sha256="k")).cases
    assert [case.title for case in cases] == ["进口铁矿石“船边直提”", "食品经营许可“告知承诺”"]


def test_a_field_naming_no_record_title_titles_no_case() -> None:
    text = _EXPORT.format(first="甲", second="乙").replace("知识标题：", "单位名称：")
    titles = [case.title for case in split_cases(Document(id="k", path=Path("k.txt"), text=text, sha256="k")).cases]
    assert "甲" not in titles and "乙" not in titles


OCR_FORMS = """附件3
某市复制推广改革经验典型案例推荐表（共2份）
━━━━━━━━━━━━━━━━━━━━ 表1
丨 案例名称 丨 口岸“预约通关”
丨 申报单位 丨 某市口岸服务中心
丨 主要做法 丨 某市口岸服务中心会同甲海关实行预约通关，
丨          丨 节假日不停关。
丨 取得成效 丨 通关时间由6小时压缩至1小时。
━━━━━━━━━━━━━━━━━━━━ 表2
｜ 案例名称 ｜ 果菜出口“绿色通道”
｜ 申报单位 ｜ 甲海关
｜ 主要做法 ｜ 甲海关建立果菜出口即报即检即放机制。
｜ 取得成效 ｜ 出口车辆通关时间压缩至1小时以内。
"""


def test_ocr_borders_read_as_bars_and_an_attachment_above_a_rule_heads_the_whole_set() -> None:
    cases = split_cases(Document(id="o", path=Path("o.txt"), text=OCR_FORMS, sha256="o")).cases
    # 丨 and ｜ are the form's borders as an OCR reads them; 附件3 over the set's title and a rule numbers no case
    assert [(c.number, c.title) for c in cases] == [(1, "口岸“预约通关”"), (2, "果菜出口“绿色通道”")]


_RECEIPTS = """某市督查事项办理回执

────────────────
交办编号\tMS-01
承办单位\t某市税务局
交办事项\t跨区迁移“一键办”
借鉴来源\t借鉴上海自贸试验区做法
办理情况\t某市税务局推行跨区迁移线上办理，迁移时间由10天缩短至1天，已办理迁移企业120户。
────────────────
交办编号\tMS-02
承办单位\t某县人民政府
交办事项\t工程项目“联合验收”
借鉴来源\t复制推广国务院第六批自由贸易试验区改革试点经验
办理情况\t县住房和城乡建设局牵头实施联合验收，验收时间由30天缩短至7天，累计验收项目35个。
────────────────
"""


def test_a_forms_title_field_titles_its_case_wherever_it_stands_among_the_fields() -> None:
    """A form whose number and provider fields come first (交办编号 / 承办单位 / 交办事项<TAB>title) is titled by the
    field naming the item a supervision works on, not by its first field."""
    cases = split_cases(Document(id="r", path=Path("r.txt"), text=_RECEIPTS, sha256="r")).cases
    assert [case.title for case in cases] == ["跨区迁移“一键办”", "工程项目“联合验收”"]


FORMS_ABOVE = """某市复制推广改革经验案例申报表

表一

填报单位（盖章）：甲市人力资源和社会保障局
联 系 人：某某　　　　联系电话：0000-0000000
案例名称：技能评价“企业自主认定”
是否借鉴其他地区经验：☑是　□否
借鉴来源：中国（广东）自由贸易试验区珠海横琴新区片区
改革举措：甲市人力资源和社会保障局支持企业自主开展技能等级认定。
实施效果：累计认定技能人才6500余人。

表二

| 申报单位 | 乙县人民政府 | 联系人 | 某某 |
|---|---|---|---|
| 案例名称 | 边境旅游“一证通行” | | |
| 是否复制推广 | ■是　□否 | 借鉴地区 | 云南自贸试验区德宏片区 |
| 主要做法 | 乙县文化和旅游局推行边境旅游一证通行。 | | |
"""


def test_a_forms_fields_above_its_title_are_its_own_and_name_its_provider() -> None:
    """A form whose unit and contact fields stand above its title field, as text or as a Markdown table, with a
    ticked 是否 box (issue #15, helper z28d): each case starts at its form's first field, its provider is the unit
    field's, its origin the field naming where the practice came from."""
    document = Document(id="x", path=Path("x.txt"), text=FORMS_ABOVE, sha256="x")
    from ftzgraph.graph.extract.gazetteer import load_gazetteer
    from ftzgraph.graph.extract.pipeline import extract_document

    cases = extract_document(document, load_gazetteer()).cases
    assert [(c.title, c.provider) for c in cases] == [
        ("技能评价“企业自主认定”", "甲市人力资源和社会保障局"),
        ("边境旅游“一证通行”", "乙县人民政府"),
    ]
    assert [o.area for o in cases[0].origins if o.kind == "zone"] == ["珠海横琴新区片区"]
    assert [o.area for o in cases[1].origins if o.kind == "zone"] == ["德宏片区"]  # ■是 answers the 是否: no plan
    assert cases[1].text.text.lstrip().startswith("| 申报单位")


def test_a_checkbox_source_field_names_the_ticked_options_zone_only() -> None:
    """A form's source field offering options by checkboxes (借鉴来源：☑其他自贸试验区（Z）　□国务院推广经验): the
    ticked option's zone is the case's origin, read as a table's source cell is (issue #15, helper z28d)."""
    from ftzgraph.graph.extract.gazetteer import load_gazetteer
    from ftzgraph.graph.extract.pipeline import extract_document

    form = (
        "某市自贸试验区经验复制推广优秀案例推荐表\n\n推荐表1\n案例名称：港口危险货物“联合查验”\n"
        "创新类型：□制度创新　☑模式创新\n"
        "借鉴来源：{}\n推荐单位：甲市交通运输局\n"
        "改革举措：甲市交通运输局会同甲海事局对港口危险货物实行联合查验。\n实施效果：查验时间缩短一半。\n\n"
        "推荐表2\n案例名称：外籍人才“一窗办理”\n推荐单位：乙区人民政府\n改革举措：乙区设立外籍人才服务窗口。\n"
    )
    for field, zone in [
        ("☑其他自贸试验区（上海自贸试验区）　□国务院推广经验", "shanghai"),
        ("□国务院推广经验　☑其他自贸试验区（天津自贸试验区）　□上海自贸试验区", "tianjin"),
    ]:
        document = Document(id="x", path=Path("x.txt"), text=form.format(field), sha256="x")
        first = extract_document(document, load_gazetteer()).cases[0]
        assert [o.zone for o in first.origins if o.kind == "zone"] == [zone], field


def test_a_numbered_forms_title_field_opens_its_case() -> None:
    """Forms numbered before their first field (一、案例名称：X / 二、案例名称：Y): each field opens a case, the first
    too (issue #15, helper z28d)."""
    text = (
        "某市优秀案例推荐表\n\n一、案例名称：港口危险货物“联合查验”\n推荐单位：甲市交通运输局\n"
        "改革举措：甲市交通运输局对港口危险货物实行联合查验。\n\n"
        "二、案例名称：外籍人才“一窗办理”\n推荐单位：乙区人民政府\n改革举措：乙区设立外籍人才服务窗口。\n"
    )
    cases = split_cases(Document(id="x", path=Path("x.txt"), text=text, sha256="x")).cases
    assert [c.title for c in cases] == ["港口危险货物“联合查验”", "外籍人才“一窗办理”"]


TAB_FORMS = """庆阳市督办事项办理情况反馈表（汇总）

本期汇总反馈表共2份。

━━━━━━━━━━━━━━━━
承办单位\t庆阳市西峰区人民政府
配合单位\t区农业农村局、区财政局
督办事项\t农村产权“抵押即放款”
办理情况\t西峰区复制推广国务院第五批改革试点经验，区农业农村局联合银行推行抵押登记与放款同步办理，放款时间由15天缩短至3天。
━━━━━━━━━━━━━━━━
承办单位\t庆阳市市场监督管理局
配合单位\t市数据局、市商务局
督办事项\t餐饮许可“证照联办”
办理情况\t市市场监管局学习借鉴浙江自贸试验区做法，餐饮许可与营业执照一表申请、同步发放，办理时间由7天缩短至1天。
━━━━━━━━━━━━━━━━
"""


def test_a_form_record_opens_at_its_first_field_over_its_title_field() -> None:
    """承办单位 / 配合单位 / 督办事项<TAB>title: the split the stated count chooses heads each record at its title
    field, and the record opens at its first field, so its unit is its own provider, not the next record's."""
    document = Document(id="tab-forms", path=Path("tab-forms.txt"), text=TAB_FORMS, sha256="tab-forms")
    cases = split_cases(document).cases
    assert [c.title for c in cases] == ["农村产权“抵押即放款”", "餐饮许可“证照联办”"]
    assert [c.text.split("\t")[0] for c in cases] == ["承办单位", "承办单位"]
    providers = [c.provider for c in extract_document(document, load_gazetteer()).cases]
    assert providers == ["庆阳市西峰区人民政府", "庆阳市市场监督管理局"]


def test_a_field_beside_the_title_on_its_line_is_no_part_of_it_and_names_the_provider() -> None:
    """A form that sets its unit field beside its title field (案例名称：X　　　　推荐单位：Y): the title ends before
    it and the unit is the provider (issue #15, helper z28d)."""
    from ftzgraph.graph.extract.gazetteer import load_gazetteer
    from ftzgraph.graph.extract.pipeline import extract_document

    text = (
        "某市改革创新案例推荐表汇编\n\n推荐表（一）\n案例名称：港口危险货物“联合查验”　　　　推荐单位：甲市交通运输局\n"
        "改革举措：甲市交通运输局会同甲海事局实行联合查验。\n\n"
        "推荐表（二）\n案例名称：外籍人才“一窗办理”　　　　推荐单位：乙区科学技术局\n改革举措：乙区设立服务窗口。\n"
    )
    cases = extract_document(Document(id="x", path=Path("x.txt"), text=text, sha256="x"), load_gazetteer()).cases
    assert [(c.title, c.provider) for c in cases] == [
        ("港口危险货物“联合查验”", "甲市交通运输局"),
        ("外籍人才“一窗办理”", "乙区科学技术局"),
    ]


NOTICE_ITEMS = """甲市复制推广工作领导小组办公室
工作提示

各县（市）区人民政府：
　　现将以下做法提示各地参照执行。

━━━━━━━━━━━━━━━━
参照事项（一）
做法名称：农机“以租代购”融资租赁服务
首推单位：乙区人民政府
做法简介：乙区借鉴黑龙江自贸试验区哈尔滨片区经验，区工业和信息化局搭建平台，已服务种植户320户。
━━━━━━━━━━━━━━━━
参照事项（二）
做法名称：出口果蔬“提前申报”
首推单位：甲海关
做法简介：甲海关对出口果蔬实行提前申报，通关时间平均压缩60%以上，上半年出口果蔬2.6万吨。
━━━━━━━━━━━━━━━━
"""


def test_a_block_headed_by_a_generic_item_label_is_titled_by_its_name_field() -> None:
    """参照事项（一） heads a block but names no reform: the block's 做法名称 field is its title."""
    document = Document(id="n", path=Path("n.txt"), text=NOTICE_ITEMS, sha256="n")
    cases = split_cases(document).cases
    assert [case.title for case in cases] == ["农机“以租代购”融资租赁服务", "出口果蔬“提前申报”"]


def test_a_label_line_over_a_name_field_spread_to_the_forms_width_titles_its_case() -> None:
    item = "名　　称：{t}\n经验提供：X市行政审批服务管理局\n"
    item += "做法摘要：X市行政审批服务管理局整合事项，办理时间由3天压缩至1天。\n\n"
    text = "关于发布互鉴清单的函\n\n附件\n\n〔互鉴事项01〕\n" + item.format(t="企业开办“一日办结”")
    text += "〔互鉴事项02〕\n" + item.format(t="工程建设项目“多测合一”")
    titles = [case.title for case in split_cases(Document(id="h", path=Path("h.txt"), text=text, sha256="x")).cases]
    assert titles == ["企业开办“一日办结”", "工程建设项目“多测合一”"], "the label or the field's name was the title"


def test_a_bracketed_marker_alone_labels_the_case_titled_by_the_next_line() -> None:
    block = "【最佳实践案例之{n}】\n{t}\n　　X片区推行改革，Y海关简化手续，通关时间由2天缩短至4小时。\n"
    block += "（提供单位：X片区）\n\n"
    text = "案例选编\n\n" + block.format(n="一", t="港口“智慧监管”") + block.format(n="二", t="互市“一站式”结算")
    titles = [case.title for case in split_cases(Document(id="m", path=Path("m.txt"), text=text, sha256="x")).cases]
    assert titles == ["港口“智慧监管”", "互市“一站式”结算"], "the marker label was taken for the title"


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("经验出处：学习借鉴某自贸试验区做法", True),
        ("【经验来源】某片区", True),
        ("推广范围：全市", True),
        ("报送：某县商务局", True),
        ("做法：设立综合窗口", True),
        ("韶关：“一窗通办”再提速", False),  # a dispatch's place before its title
        ("跨境电商“一站式”备案", False),
        ("经验出处", False),  # a label with no value
    ],
)
def test_a_known_label_with_a_value_reads_as_a_labelled_field(line: str, field: bool) -> None:
    assert labelled_field(line) is field


FIELDED_CASES = """某县商务局关于复制推广改革经验情况的报告

县人民政府：
全县累计复制推广改革事项26项，以下3项成效较为明显。

海产品出口“预检直放”
经验出处：甲省自贸试验区乙片区
报送：县商务局
县商务局会同海关推行预检直放，企业货物在产地完成检验后直接装船，通关时间平均缩短2天，全年服务企业56家。

渔船登记“一件事”集成办理
经验出处：学习借鉴丙省自贸试验区丁片区做法
报送：县海洋发展局
县海洋发展局将渔船登记、检验等5个事项整合为一件事，申请材料由23份减少到9份，办理时限压缩60%。

药品零售“证照一次办”
经验出处：借鉴戊省自贸试验区己片区经验
报送：县市场监管局
县市场监管局将药品经营许可与营业执照合并受理，办理时间压缩一半，全年服务企业120家。
"""
TITLES = ["海产品出口“预检直放”", "渔船登记“一件事”集成办理", "药品零售“证照一次办”"]


@pytest.mark.parametrize("numbered", [False, True], ids=["bare titles", "numbered titles"])
def test_an_origin_field_between_the_title_and_the_provider_line_is_no_title(numbered: bool) -> None:
    text = FIELDED_CASES
    if numbered:
        for k, title in zip("一二三", TITLES, strict=True):
            text = text.replace(title, f"（{k}）{title}")
    cases = split_cases(Document(id="o", path=Path("o.txt"), text=text, sha256="o")).cases
    assert [c.title for c in cases] == TITLES
