"""Teaching-case compilations (graph/extract/_split_casebook.py): a code line over its title opens a case, the
closing source line names its provider, and 案例7 … 案例10 of one unit are numbered in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from ftzgraph.graph.extract._split_casebook import code_number, source_unit
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document

SECTIONS = """【教学目的】
引导学员理解{what}的做法。

【案例正文】
{body}

【思考题】
1．这一做法还可以如何完善？

"""

CASES = [
    (
        "甲市复制推广国务院第六批自贸试验区改革试点经验，甲市行政审批局推行一业一证，办理时间由32个工作日压缩至5个工作日。",
        "甲市行政审批局",
    ),
    (
        "乙区借鉴上海自贸试验区经验，乙区市场监督管理局推行信用分级监管，企业抽查次数下降60%，满意度达到98.5%。",
        "乙区人民政府",
    ),
    (
        "丙海关复制推广商务部第四批自贸试验区最佳实践案例，开通海外仓出口模式，全年出口货值5.6亿元，同比增长41%。",
        "丙海关",
    ),
]


TITLES = ["“一业一证”破解准入难题", "“信用+监管”分级分类服务企业", "跨境电商“9810”出口监管便利化"]


def _document(text: str) -> Document:
    return Document(id="t", path=Path("casebook.txt"), text=text, sha256="t")


def _compilation(heading: str, closing: str) -> str:
    parts = ["内部教学资料\n\n某市委党校\n专题教学案例汇编\n\n编写说明\n\n本汇编收录教学案例三则。\n\n"]
    for k, (body, unit) in enumerate(CASES, 1):
        title = TITLES[k - 1]
        parts.append(heading.format(k=k, title=title))
        parts.append(SECTIONS.format(what=title, body=body))
        parts.append(closing.format(unit=unit) + "\n\n")
    return "".join(parts)


@pytest.mark.parametrize(
    ("heading", "closing"),
    [
        ("案例编号：MSDX-ZM-0{k}\n{title}\n\n", "【案例来源】根据{unit}提供材料整理"),
        ("【案例编号】MS-KF-{k}\n{title}\n\n", "【案例来源】\n本案例根据{unit}提供的材料编写，执笔：某某。"),
        ("案例{k}　{title}\n\n", "本案例由{unit}供稿，市委党校经济学教研部整理"),
    ],
)
def test_each_case_is_found_with_its_title_and_the_provider_of_its_source_line(heading: str, closing: str) -> None:
    cases = extract_document(_document(_compilation(heading, closing))).cases
    assert [(c.number, c.title) for c in cases] == list(enumerate(TITLES, 1))
    assert [c.provider for c in cases] == ["甲市行政审批局", "乙区人民政府", "丙海关"]


def test_cases_numbered_on_from_an_earlier_unit_are_numbered_in_order() -> None:
    text = _compilation("案例{k}　{title}\n\n", "本案例根据{unit}提供的材料编写，执笔：某某").replace(
        "案例1　", "案例7　"
    )
    text = text.replace("案例2　", "案例8　").replace("案例3　", "案例9　")
    assert [c.number for c in extract_document(_document(text)).cases] == [1, 2, 3]


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("案例编号：JJDX-ZM-01", 1),
        ("［案例编号：AB-12］", 12),
        ("【案例编号】HZDX-KF-03", 3),
        ("编号：AB-CD", 0),
        ("案例编号：详见附表", None),
        ("案例编号：JJDX-ZM-01　第二节", None),
    ],
)
def test_a_code_line_numbers_its_case(line: str, number: int | None) -> None:
    assert code_number(line) == number


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("【案例来源】根据某市商务局提供材料整理", "某市商务局"),
        ("本案例根据某市海关提供的材料编写，执笔：某某", "某市海关"),
        ("本案例由某区人民政府供稿，教研部整理", "某区人民政府"),
        ("【案例来源】某市科学技术局", "某市科学技术局"),
        ("【案例来源】某市科学技术局提供", "某市科学技术局"),
        ("（案例来源：某市商务局）", "某市商务局"),
        ("来源：某某日报", None),  # a web article's medium, no provider
        ("资料来源：某某统计年鉴", None),  # a report box's publication
        ("据统计，全市提供了大量材料", None),
        ("③案例C材料由某某海关提供。", "某某海关"),  # a paper's footnote under its case
        ("[2]本案例由某区人民政府供稿", "某区人民政府"),
        ("①案例一由于天气原因推迟", None),
    ],
)
def test_a_source_line_names_the_unit_whose_material_the_case_is(line: str, unit: str | None) -> None:
    found = source_unit(line)
    assert (found[0] if found else None) == unit
    if found:
        assert line[found[1] : found[2]] == unit


def test_a_range_of_case_numbers_in_the_unit_guide_opens_no_case() -> None:
    text = _compilation("案例{k}　{title}\n\n", "本案例由{unit}供稿，教研部整理")
    text = text.replace("本汇编收录教学案例三则。", "本单元收录教学案例三则。\n案例1至案例6见第一单元。")
    assert [c.title for c in extract_document(_document(text)).cases] == TITLES


def test_the_last_case_keeps_its_source_line_over_the_compilation_s_closing_matter() -> None:
    text = _compilation("案例编号：MSDX-ZM-0{k}\n{title}\n\n", "【案例来源】根据{unit}提供材料整理")
    text += (
        "附：案例教学组织建议\n\n1．课前发放案例材料。\n2．课堂分组讨论。\n3．教师点评总结。\n\n（教研部　2025年2月）\n"
    )
    assert extract_document(_document(text)).cases[-1].provider == "丙海关"


def test_the_source_line_names_no_acting_agency() -> None:
    text = _compilation("案例{k}　{title}\n\n", "本案例由{unit}供稿，泰安市委党校经济学教研部整理")
    text = text.replace("乙区人民政府", "泰安市岱岳区人民政府")
    case = extract_document(_document(text)).cases[1]
    assert case.provider == "泰安市岱岳区人民政府"
    names = [a.name for a in case.agencies]
    assert "泰安市岱岳区人民政府" not in names and not any("市委" in n for n in names)


def test_a_sentence_opening_with_by_a_unit_is_no_source_line() -> None:
    """由X提供全程帮办服务，… is what X does in the case; only a labelled line, one after 本案例, or a line that is the
    whole statement (由X提供。) says whose material the case is."""
    assert source_unit("由南沙区行政审批局提供全程帮办代办服务，企业开办时间由5天压缩至1天。") is None
    assert source_unit("由市商务局推荐企业参加进博会，签约金额达10亿元。") is None
    assert source_unit("（由九江海关提供的材料）") == ("九江海关", 2, 6)
    assert source_unit("本案例由人民银行福建省分行供稿。")[0] == "人民银行福建省分行"
