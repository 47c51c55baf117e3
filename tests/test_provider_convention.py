"""A document's frame for its providers (graph/extract/_provider_convention.py): learned across its cases, read in the
cases whose own rules miss it; what can provide a case and what is a fragment. Small texts of their own wording
(issue #15, helper z27b), not the held-out collections'.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ftzgraph.graph.extract._provider_units import can_provide, clause_unit, is_fragment, provided_unit
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document


def _providers(text: str) -> list[str | None]:
    document = Document(id="c", path=Path("c.txt"), text=text, sha256="c")
    return [case.provider for case in extract_document(document).cases]


@pytest.mark.parametrize("name", ["在全市", "全省", "我市", "有关部门", "园区", "相关单位"])
def test_a_piece_of_a_sentence_or_a_generic_word_is_a_fragment(name: str) -> None:
    assert is_fragment(name)
    assert not can_provide(name)


@pytest.mark.parametrize("name", ["从化区", "于都县商务局", "将乐县", "本溪市", "本院执行局"])
def test_a_place_whose_name_opens_like_a_preposition_is_no_fragment(name: str) -> None:
    assert not is_fragment(name)


@pytest.mark.parametrize(
    "name",
    ["衢州海关", "柯城区", "龙游县人民政府", "衢州市市场监督管理局", "区自然资源局", "南沙片区", "衢州高新区管委会"],
)
def test_a_place_a_zone_or_a_body_with_its_place_or_level_can_provide(name: str) -> None:
    assert can_provide(name)


@pytest.mark.parametrize("name", ["加快建立入市", "学习借鉴做法", "企业满意", "张某某"])
def test_a_phrase_ending_like_a_place_or_a_person_cannot_provide(name: str) -> None:
    assert not can_provide(name)


def test_a_provider_lines_verb_after_the_unit_is_cut_but_an_organisations_own_ending_is_kept() -> None:
    assert provided_unit("衢州海关提供背景") == "衢州海关"
    assert provided_unit("柯城区商务局整理") == "柯城区商务局"
    assert provided_unit("衢州市物流行业协会") == "衢州市物流行业协会"
    assert provided_unit("喀什地区行政公署") == "喀什地区行政公署"


def test_a_name_read_across_a_joining_verb_is_cut_to_the_body_before_it() -> None:
    assert clause_unit("婺城区人民政府组织区农业农村局") == "婺城区人民政府"
    assert clause_unit("国家外汇管理局衢州市中心支局指导企业办") == "国家外汇管理局衢州市中心支局"
    assert clause_unit("柯城区人民法院与柯城区") == "柯城区人民法院"


def test_a_clause_piece_around_a_joining_verb_is_no_unit() -> None:
    assert clause_unit("检查站联合衢州海关") is None  # what stands before the verb names no unit
    assert clause_unit("联合衢州市司法局") is None  # the next clause of a sentence


@pytest.mark.parametrize(
    "name",
    [
        "衢州市工商业联合会",
        "中共衢州市委组织部",
        "衢州市社会组织管理局",
        "衢州市自然资源和规划局",
        "龙游县就业指导中心",
    ],
)
def test_a_joining_word_inside_a_units_own_name_is_kept(name: str) -> None:
    assert clause_unit(name) == name


_SUPPLIED_SECTION = (
    "衢州年鉴（2024）\n对外开放\n复制推广自贸试验区改革经验\n\n【概况】\n2023年，全市复制推广改革试点经验60项。\n\n"
    "【工程审批“多图联审”】\n江山市复制推广国务院第三批改革试点经验，推行施工图多图联审，审查时间缩短一半。全年审查项目80个。\n"
    "（撰稿：某某）\n\n【企业开办“一网通办”】\n"
    "柯城区借鉴上海自贸试验区做法，推行企业开办一网通办，区市场监管局设立专窗。全年新办企业1200户。\n（撰稿：某某）\n\n"
    "【跨境电商“一站式”服务】\n"
    "龙游县学习借鉴商务部第四批最佳实践案例，搭建跨境电商服务中心。县商务局牵头，衢州海关提供通关指导，"
    "国家税务总局龙游县税务局设立退税专窗，国家外汇管理局衢州市中心支局指导企业办理收结汇。全年新增企业20家。\n"
    "（撰稿：某某）\n\n（本分目由市商务局供稿）\n"
)


def test_a_sections_supplier_line_and_a_cases_own_sentence_are_no_providers_credit_line() -> None:
    assert _providers(_SUPPLIED_SECTION) == ["江山市", "柯城区", "龙游县"]


_CLOSING_SIGNATURES = (
    "衢州市改革办\n改革经验交流（第2期）\n\n"
    "一、企业开办“一件事”\n"
    "　　相关部门此前各自受理。柯城区市场监督管理局借鉴上海自贸试验区做法，实行企业开办一件事办理。\n"
    "　　　　　　　　柯城区市场监督管理局\n　　　　　　　　2024年3月\n\n"
    "二、工程审批“多图联审”\n　　衢州市住房和城乡建设局复制推广国务院第三批改革试点经验，推行多图联审。\n"
    "　　　　　　　　衢州市住房和城乡建设局\n　　　　　　　　2024年3月\n\n"
    "三、农村宅基地“一网通办”\n"
    "　　全区各镇街积极参与。借鉴浙江自贸试验区舟山片区经验，由区农业农村局牵头推行一网通办。\n"
    "　　　　　　　　衢江区\n　　　　　　　　2024年4月\n"
)


def test_a_case_signed_by_a_bare_place_reads_it_where_the_other_cases_sign() -> None:
    assert _providers(_CLOSING_SIGNATURES) == ["柯城区市场监督管理局", "衢州市住房和城乡建设局", "衢江区"]


_HEADING_BRACKETS = (
    "衢州市复制推广改革试点经验第三方评估报告\n\n一、评估概述\n　　本次抽取3项事项进行评估。\n三、分项评估结果\n\n"
    "评估对象一【衢州海关】进口铁矿“先放后检”\n　　综合得分：90分　　等级：优秀\n"
    "　　经验来源：复制推广国务院第六批改革试点经验。\n　　评估发现：衢州海关推行先放后检，通关时间缩短一半。\n\n"
    "评估对象二【龙游县人民政府】农村产权“一站式”交易\n　　综合得分：80分　　等级：良好\n"
    "　　经验来源：借鉴浙江自贸试验区舟山片区做法。\n　　评估发现：县农业农村局设立服务专区，交易办理时间缩短。\n\n"
    "评估对象三【衢州市市场监督管理局】个体户“智能审批”\n　　综合得分：85分　　等级：优秀\n"
    "　　经验来源：借鉴上海自贸试验区做法。\n　　评估发现：审批实现秒批。\n"
)


def test_a_bracket_after_an_item_marker_in_every_heading_is_the_provider() -> None:
    assert _providers(_HEADING_BRACKETS) == ["衢州海关", "龙游县", "衢州市市场监督管理局"]


_CLOSING_BY = (
    "衢州市物流协会问卷调查分析报告\n\n一、调查概况\n调查时间：2024年3月\n有效问卷：300份\n本次涉及3项改革。\n\n"
    "二、分项结果\n\n"
    "Q1．您是否了解“冷链信用分类监管”？\n题目说明：市市场监管局参照上海自贸试验区做法推行。\n"
    "选项统计：A.了解 60%　B.不了解 40%\n"
    "企业反映：抽查频次下降一半。\n（本题由衢州市市场监督管理局协助拟定）\n\n"
    "Q2．您是否使用过“多式联运一单制”？\n题目说明：市交通运输局复制推广国务院第五批改革试点经验。\n"
    "选项统计：A.使用过 40%　B.未使用 60%\n"
    "企业反映：单证由6份减为1份。\n（本题由衢州市交通运输局协助拟定）\n\n"
    "Q3．您对“出口退税提速”是否满意？\n题目说明：市税务局借鉴广东自贸试验区做法推行。\n"
    "选项统计：A.满意 70%　B.不满意 30%\n"
    "企业反映：退税时间缩短至3天。\n（本题由协会秘书处拟定）\n\n三、主要结论（略）\n"
)


def test_the_unit_after_by_in_a_closing_bracket_of_unknown_words_is_the_provider() -> None:
    providers = _providers(_CLOSING_BY)
    assert providers[:2] == ["衢州市市场监督管理局", "衢州市交通运输局"]
    assert providers[2] != "协会秘书处" or providers[2] is None  # a secretariat of no named body: not read as a unit


_FORM_FIELDS_ABOVE = (
    "衢州市督查事项落实情况回执（汇编）\n\n衢州市人民政府督查室　　2024年12月\n\n"
    "==========\n回执编号\tQZ-01\n责任单位\t衢州海关\n事项名称\t进口铁矿“先放后检”\n"
    "借鉴来源\t复制推广国务院第四批改革试点经验\n"
    "落实情况\t衢州海关对进口铁矿实施先放后检，通关时间由2天缩短至4小时。\n"
    "完成时间\t2024年11月30日\n"
    "==========\n回执编号\tQZ-02\n责任单位\t柯城区人民政府\n事项名称\t“证照分离”全覆盖\n"
    "借鉴来源\t学习借鉴上海自贸试验区做法\n落实情况\t区市场监督管理局实行清单管理，新办企业用时减少一半。\n"
    "完成时间\t2024年10月31日\n"
    "==========\n回执编号\tQZ-03\n责任单位\t衢州市不动产登记中心\n事项名称\t不动产登记“一窗受理”\n"
    "借鉴来源\t借鉴辽宁自贸试验区沈阳片区经验\n"
    "落实情况\t衢州市不动产登记中心设立综合窗口，办理时间压缩至1个工作日。\n"
    "完成时间\t2024年12月15日\n==========\n"
)


def test_a_forms_unit_field_above_its_title_field_is_the_provider() -> None:
    providers = _providers(_FORM_FIELDS_ABOVE)  # (how many records the splitter reads is the splitter's matter)
    assert len(providers) >= 2
    assert all(p in ("衢州海关", "柯城区人民政府", "衢州市不动产登记中心") for p in providers)


_ORIGIN_FIELD_ABOVE_UNIT = (
    "衢州市改革经验卡汇编\n\n说明：每张卡依次为改革事项、先行地、落地主体、主要做法。共3张。\n\n"
    "━━━━━━━━\n经验卡01｜柑橘出口“预检验”\n先行地：浙江自贸试验区宁波片区\n落地主体：衢州海关\n"
    "主要做法：对柑橘出口企业实行预检验。\n"
    "━━━━━━━━\n经验卡02｜工程建设“联合验收”\n先行地：湖北自贸试验区武汉片区\n落地主体：衢州市住房和城乡建设局\n"
    "主要做法：专项验收一次完成。\n"
    "━━━━━━━━\n经验卡03｜林权抵押“一站式”\n先行地：福建自贸试验区厦门片区\n落地主体：开化县林业局、开化县不动产登记中心\n"
    "主要做法：设立林权抵押专窗。\n━━━━━━━━\n"
)


def test_a_field_naming_where_a_practice_came_from_is_no_provider_and_a_list_gives_its_first_unit() -> None:
    assert _providers(_ORIGIN_FIELD_ABOVE_UNIT) == ["衢州海关", "衢州市住房和城乡建设局", "开化县林业局"]


_QUIZ_HEADINGS = (
    "衢州市“学自贸”知识竞赛题库（节选）\n\n衢州市商务局　编\n2024年5月\n\n"
    "说明：本节选收录与复制推广自贸试验区改革经验有关的题目，答案及解析附于各题之后。\n\n一、单项选择题\n\n"
    "1.柯城区推出的“企业开办一件事”改革，复制推广的是哪一批改革试点经验？（　　）\nA.第三批\nB.第五批\n答案：A\n"
    "解析：柯城区复制推广国务院第三批改革试点经验，区市场监管局会同区税务局推行企业开办一件事，开办时间压缩至半天。\n\n"
    "2.下列关于衢江区“多图联审”的说法，正确的是（　　）\nA.借鉴上海自贸试验区做法\nB.由区住建局单独实施\n答案：A\n"
    "解析：衢江区借鉴上海自贸试验区做法，区住建局牵头推行多图联审，审图时间缩短一半。\n\n"
    "3.下列关于龙游县“林权一站式抵押”的说法，正确的是（　　）\n"
    "A.借鉴福建自贸试验区厦门片区经验\nB.办理时间不变\n答案：A\n"
    "解析：龙游县借鉴福建自贸试验区厦门片区经验，县林业局设立专窗，办理时间由15天压缩至3天。\n\n"
    "4.下列关于开化县“不动产登记一窗受理”的说法，正确的是（　　）\n"
    "A.借鉴辽宁自贸试验区沈阳片区经验\nB.需跑多个窗口\n答案：A\n"
    "解析：开化县借鉴辽宁自贸试验区沈阳片区经验，县自然资源局设立综合窗口，办理时间压缩至1个工作日。\n"
)


def test_the_place_right_before_the_title_in_every_heading_is_the_provider() -> None:
    providers = _providers(_QUIZ_HEADINGS)  # (how many questions the splitter reads is the splitter's matter)
    assert len(providers) >= 2
    assert all(p in ("柯城区", "衢江区", "龙游县", "开化县") for p in providers)


_CLOSING_BRACKET_AFTER_TEXT = (
    "衢州市全面深化改革简报\n第3期\n\n中共衢州市委全面深化改革委员会办公室　　　　2024年8月5日\n\n"
    "　　编者按：近期，各县区、各部门主动对标自贸试验区，复制推广了一批改革经验。现将4个做法予以刊发。\n\n"
    "　　柑橘出口“一次查验”\n"
    "　　为破解出口查验多头跑的问题，衢州海关学习借鉴广东自贸试验区南沙片区做法，对出口柑橘实行一次查验，"
    "企业等待时间由2天缩短为4小时。（衢州海关经验）\n\n"
    "　　工业用地“标准地”出让\n"
    "　　去年以来，柯城区借鉴浙江自贸试验区做法，由区自然资源局会同区经信局制定出让标准，"
    "项目开工时间平均提前5个月。（柯城区经验）\n\n"
    "　　原产地证书“自助打印”\n"
    "　　企业过去需到窗口领取原产地证书。复制推广国务院第四批改革试点经验后，"
    "企业可在网上申请、自助打印。（衢州市贸促会经验）\n\n"
    "　　商事登记“跨城通办”\n"
    "　　衢江区行政服务中心学习上海自贸试验区经验，与金华、丽水两市实现商事登记跨城通办，"
    "已办理业务1300余件。（衢江区经验）\n"
)


def test_a_bracket_closing_each_paragraph_frames_the_provider_of_a_case_whose_text_names_none() -> None:
    providers = _providers(_CLOSING_BRACKET_AFTER_TEXT)
    assert len(providers) == 4
    assert providers[2] == "衢州市贸促会"


@pytest.mark.parametrize("name", ["经开区管委会", "向阳区", "为民服务中心"])
def test_a_name_opening_with_a_prepositions_character_is_no_fragment_unless_a_fragment_or_unit_follows(
    name: str,
) -> None:
    assert not is_fragment(name)
    assert is_fragment("由市商务局") and is_fragment("在全市")


def test_a_unit_followed_by_a_sentence_is_no_organisations_name() -> None:
    assert can_provide("衢州市贸促会")
    assert not can_provide("市市场监管局参照上海自贸试验区做法推行")


def test_a_forms_long_label_frames_its_unit_against_a_header_repeated_above_each_title() -> None:
    """Each form repeats its programme's name above the title field and names its unit under a label longer than a
    frame's words (申报单位（盖章）：): the labelled unit is each case's provider, the repeated header is none."""
    units = [
        ("整机出口组合监管", "长垣市"),
        ("跨境电商退货中心仓", "原阳县"),
        ("企业开办一日办结", "新乡市红旗区"),
        ("进口设备免表", "卫辉市"),
    ]
    forms = "".join(
        f"━━━━━━\n申报书之{n}\n━━━━━━\n河南自贸试验区联动创新区\n制度创新案例申报书\n\n项目名称：{title}\n"
        f"申报单位（盖章）：{unit}人民政府\n联 系 人：×××\n\n一、改革背景\n"
        f"{unit}推行{title}，办理时间由5天缩短至1天。\n\n"
        for n, (title, unit) in enumerate(units, 1)
    )
    found = _providers("新乡市自贸试验区联动创新区\n制度创新案例申报书汇编\n\n" + forms)
    assert [p and p.removesuffix("人民政府") for p in found] == [unit for _, unit in units]


_LISTED_IN_ORDER = (
    "辽阳营商\n原创　辽阳市营商环境建设局\n\n本期推送三个案例，供各地学习借鉴。\n\n"
    "案例一　不动产登记“带押过户”\n　　卖方无需先行还清贷款即可办理过户，今年已办理212件。\n\n"
    "案例二　设施农业“大棚贷”\n　　以设施大棚作为抵押物，农户凭大棚即可获得贷款。\n\n"
    "案例三　出口退税“快办”\n　　网上申报、自动审核、即时退库，平均办理时间缩短至1个工作日。\n\n"
    "本期案例分别由白塔区、辽阳县、灯塔市提供。\n\n编辑：王雪　　审核：刘洋\n"
)


def test_one_closing_line_naming_every_cases_provider_gives_each_case_its_own_in_order() -> None:
    assert _providers(_LISTED_IN_ORDER) == ["白塔区", "辽阳县", "灯塔市"]
    joined = _LISTED_IN_ORDER.replace(
        "本期案例分别由白塔区、辽阳县、灯塔市提供", "（以上案例依次由白塔区、辽阳县和灯塔市供稿）"
    )
    assert _providers(joined) == ["白塔区", "辽阳县", "灯塔市"]  # the last two joined by a word
    in_head = _LISTED_IN_ORDER.replace("本期案例分别由白塔区、辽阳县、灯塔市提供。\n\n", "").replace(
        "本期推送三个案例，供各地学习借鉴。", "本期推送三个案例，分别由白塔区、辽阳县、灯塔市报送。"
    )
    assert _providers(in_head) == ["白塔区", "辽阳县", "灯塔市"]  # the head's line, before the first case
    # a list of another length names no case's provider
    assert _providers(_LISTED_IN_ORDER.replace("、灯塔市", "")) != ["白塔区", "辽阳县", None]


_CONTENTS_AND_TAGS = (
    "运城市典型案例汇编\n运城市商务局　编\n\n目　录\n◆ 农产品“冷链快检” ……… 1\n◆ 投资项目“容缺受理” ……… 2\n"
    "◆ 信用修复“一网通办” ……… 3\n\n"
    "◆ 农产品“冷链快检”\n　　把快速检测设备前移到冷库门口，查验时间缩短至4小时。\n相关地区：临猗县\n\n"
    "◆ 投资项目“容缺受理”\n　　对次要材料实行容缺受理，平均提前23天开工。\n相关地区：盐湖区\n\n"
    "◆ 信用修复“一网通办”\n　　各部门同步审核，办理时限缩短至5个工作日。\n相关地区：永济市\n"
)


def test_a_contents_list_naming_titles_only_leaves_the_documents_frame_to_tell_the_provider() -> None:
    assert _providers(_CONTENTS_AND_TAGS) == ["临猗县", "盐湖区", "永济市"]


_MORE = "这项做法受到企业和群众普遍欢迎，下一步将在全市推广。"
_HEADING_FIELDS = (
    "粤北经验汇编\n\n"
    "◆ 跨境电商“产业带”培育　　相关地区：英德市\n　　企业集中入驻产业园，海关设立监管作业场所，出口包裹当天通关，"
    f"今年出口额增长40%。{_MORE}\n\n"
    "◆ 农村承包地“经营权抵押”　　相关地区：连州市\n　　农户以承包地经营权向银行抵押贷款，政府设立风险补偿资金池，"
    f"已放贷2.3亿元。{_MORE}\n\n"
    "◆ 工程建设“拿地即开工”　　相关地区：清城区\n　　项目在土地出让前完成各项评估，企业拿地即可开工，"
    f"平均节省时间5个月。{_MORE}\n\n"
    f"◆ 山区学校“云课堂”　　相关地区：阳山县\n　　城区名校教师通过网络为山区学校授课，已覆盖120所学校。{_MORE}\n"
)


@pytest.mark.parametrize("field", ["　　相关地区：{}", "（相关地区：{}）"])
def test_a_field_closing_every_heading_after_its_title_frames_the_provider(field: str) -> None:
    text = re.sub("　　相关地区：(\\S+)", lambda m: field.format(m[1]), _HEADING_FIELDS)
    assert _providers(text) == ["英德市", "连州市", "清城区", "阳山县"]


_HELPED = """庆阳市督办事项办理情况反馈表（汇总）

本期汇总反馈表共2份。

━━━━━━━━━━━━━━━━
承办单位\t庆阳市西峰区人民政府
配合单位\t区农业农村局
督办事项\t农村产权“抵押即放款”
办理情况\t西峰区复制推广国务院第五批改革试点经验，区农业农村局联合银行推行抵押登记与放款同步办理，放款时间由15天缩短至3天。
━━━━━━━━━━━━━━━━
承办单位\t庆阳市市场监督管理局
配合单位\t市数据局
督办事项\t餐饮许可“证照联办”
办理情况\t市市场监管局学习借鉴浙江自贸试验区做法，餐饮许可与营业执照一表申请、同步发放，办理时间由7天缩短至1天。
━━━━━━━━━━━━━━━━
"""


def test_of_two_frames_every_form_offers_the_one_labelling_a_provider_holds() -> None:
    """承办单位 and 配合单位 each hold one unit in every form: the votes tie, and the frame whose words label a
    provider (the unit that did the work) holds, on every run, not the one a set's hash order put first."""
    document = Document(id="helped", path=Path("helped.txt"), text=_HELPED, sha256="helped")
    assert [c.provider for c in extract_document(document).cases] == ["庆阳市西峰区人民政府", "庆阳市市场监督管理局"]
