"""Splitting layouts first seen in the held-out round of helper z15h (issue #15): cases as forms whose labels stand in
【】 brackets (【案例名称】X / 【报送单位】Y), and a PDF's text where a page break cuts a heading inside a quote. The
texts here are written for the tests, in the same layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from ftzgraph.graph.errors import NoCasesError
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.sources.read import read_document

BRACKET_FORMS = """某省自由贸易试验区工作办公室关于印发制度创新案例的通知

各片区管委会：
现将制度创新案例印发给你们，请结合实际复制推广。

【案例名称】甲业务“一次办”
【报送单位】某市人民政府
【改革背景】
甲业务需往返多个部门办理。
【主要做法】
（1）市商务局会同市场监管部门设立综合窗口。
【实践成效】
办理时间由5天压缩至1天。

【案例名称】乙事项“秒批”
【申报单位】某市商务局
【改革背景】
乙事项审批环节多。
【主要做法】
市商务局推行智能审批。
【实践成效】
【审批用时】由2天压缩至10分钟。

某省自由贸易试验区工作办公室
2024年9月10日
"""

CUT_HEADING = """某省自由贸易试验区制度创新成果汇编

一、甲片区：跨境金融“一站通”服务
（一）改革背景
企业办理跨境结算需往返多家银行。
（二）主要做法
片区管委会联合银行搭建服务平台。
（三）实践效果
单笔业务办理时间由1天缩短至30分钟。

二、乙片区：边境贸易“互市+加
                                        第 1 页 共 3 页
某省自由贸易试验区制度创新成果汇编
工”监管模式
（一）改革背景
互市商品本地加工少。
（二）主要做法
海关对互市商品实行集中申报。
（三）实践效果
落地加工率提高到65%。
                                        第 2 页 共 3 页
某省自由贸易试验区制度创新成果汇编
三、丙片区：进口粮食“船边直提”
（一）改革背景
进口粮食须入库后提离。
（二）主要做法
海关实行船边直提。
（三）实践效果
企业每吨节约物流费用15元左右。
                                        第 3 页 共 3 页
某省自由贸易试验区制度创新成果汇编
"""


def _cases(tmp_path: Path, name: str, text: str) -> list[tuple[str, str | None]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    extraction = extract_document(read_document(path), load_gazetteer())
    return [(case.title, case.provider) for case in extraction.cases]


def test_forms_with_bracketed_labels_split_into_cases_titled_without_the_label(tmp_path: Path) -> None:
    assert _cases(tmp_path, "forms.txt", BRACKET_FORMS) == [
        ("甲业务“一次办”", "某市人民政府"),
        ("乙事项“秒批”", "某市商务局"),
    ]


def test_a_heading_cut_by_a_page_break_inside_a_quote_keeps_its_whole_title(tmp_path: Path) -> None:
    titles = [title for title, _ in _cases(tmp_path, "pages.txt", CUT_HEADING)]
    assert titles == ["跨境金融“一站通”服务", "边境贸易“互市+加工”监管模式", "进口粮食“船边直提”"]


TABLE_ONLY = (
    "关于印发改革创新案例的通知\n\n各设区市商务局：\n现将改革创新案例汇总表印发给你们。\n\n"
    "序号\t案例名称\t主要内容\t报送单位\n"
    "1\t进口肉类“集中查验”模式\t甲海关借鉴上海自贸试验区经验，对进口肉类实行集中查验，通关时间由3天压缩至1天。\t甲市商务局\n"
    "2\t跨境电商“一站式”服务\t乙海关推行跨境电商一站式申报，企业申报时间缩短60%。\t乙市商务局\n"
)
TITLE_TABLE_ONLY = (
    "关于印发改革创新案例的通知\n\n序号\t案例名称\t报送单位\n1\t进口肉类“集中查验”模式\t甲市商务局\n"
    "2\t跨境电商“一站式”服务\t乙市商务局\n"
)


def test_a_table_whose_rows_hold_whole_cases_gives_one_case_a_row(tmp_path: Path) -> None:
    path = tmp_path / "table.txt"
    path.write_text(TABLE_ONLY, encoding="utf-8")
    cases = extract_document(read_document(path), load_gazetteer()).cases
    assert [(c.title, c.provider) for c in cases] == [
        ("进口肉类“集中查验”模式", "甲市商务局"),
        ("跨境电商“一站式”服务", "乙市商务局"),
    ]
    assert {o.zone for o in cases[0].origins} == {"shanghai"}
    assert [(o.before, o.after) for o in cases[0].outcomes] == [(3, 1)]


def test_a_table_of_titles_alone_is_no_collection(tmp_path: Path) -> None:
    path = tmp_path / "titles.txt"
    path.write_text(TITLE_TABLE_ONLY, encoding="utf-8")
    with pytest.raises(NoCasesError):
        extract_document(read_document(path), load_gazetteer())


def test_a_table_row_is_never_read_as_the_documents_issuer(tmp_path: Path) -> None:
    path = tmp_path / "table.txt"
    path.write_text(TABLE_ONLY, encoding="utf-8")
    assert read_document(path).issuer is None
