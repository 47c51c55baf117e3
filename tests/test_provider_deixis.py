"""A place written by pointing (贵市X区, 我市X县, 该市X区) read as the city the document makes of the word."""

from __future__ import annotations

from pathlib import Path

from ftzgraph.graph.extract._provider_deixis import pointed_body, pointed_city, resolve_pointing
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document

LETTER = """四平市人民政府办公室

四政办函〔2025〕41号

四平市人民政府办公室关于商请赴辽源市考察学习的函

辽源市人民政府办公室：
　　贵市在复制推广自贸试验区改革经验方面成效明显。我市拟组织有关部门赴贵市考察学习以下2项做法：

　　（一）袜业集群“共享仓+跨境电商”
　　贵市西安区借鉴浙江自贸试验区义乌片区市场采购做法，区商务局牵头建设共享仓，贵市商务局提供指导。袜业跨境电商出口额达5.8亿元，企业物流成本下降约20%。

　　（二）梅花鹿产品“检测互认”
　　贵市东丰县市场监督管理局会同县农业农村局推行鹿产品检测结果互认。检测费用由每批次2000元降至800元，惠及企业60家。

　　恳请贵市给予支持。
　　此函。

　　联系人：四平市商务局　某某　0434-0000000

四平市人民政府办公室
2025年8月20日
"""


def test_the_addressee_is_the_city_of_you_and_the_writer_the_city_of_we() -> None:
    assert pointed_city("贵", LETTER) == "辽源市"
    assert pointed_city("我", LETTER) == "四平市"
    assert resolve_pointing("贵市西安区", LETTER) == "辽源市西安区"


def test_a_county_goes_by_its_own_name_and_a_name_without_pointing_is_as_written() -> None:
    assert resolve_pointing("贵市东丰县市场监督管理局", LETTER) == "东丰县市场监督管理局"
    assert resolve_pointing("辽源市西安区", LETTER) == "辽源市西安区"


def test_no_salutation_gives_no_city_and_the_name_stays() -> None:
    assert resolve_pointing("贵市西安区", "某报讯　贵市西安区推行一窗通办。") == "贵市西安区"


def test_a_city_bureau_written_after_the_pointing_word_is_the_pointed_citys() -> None:
    at = LETTER.index("贵市商务局") + 1
    assert pointed_body("四平市商务局", [(at, "市商务局")], LETTER) == "辽源市商务局"


def test_a_letters_cases_are_the_addressees_and_its_contact_line_no_cases() -> None:
    """The providers of a 商请 letter's cases are the addressee's units, and the writer's contact line after 此函
    names no provider of the last case."""
    document = Document(id="l", path=Path("l.txt"), text=LETTER, sha256="l")
    cases = extract_document(document, load_gazetteer()).cases
    assert [case.provider for case in cases] == ["辽源市西安区", "东丰县市场监督管理局"]
    assert "辽源市商务局" in [agency.name for agency in cases[0].agencies]
    assert "联系人" not in document.text[cases[1].text.start : cases[1].text.end]
