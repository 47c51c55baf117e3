"""Cases laid out as forms (issue #15, held-out Fujian-style collection): each case an attachment line 附件N with
labelled fields 案例名称：/报送单位：/主要内容：, and a provider that may be given only in the contact line."""

from __future__ import annotations

from pathlib import Path

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
