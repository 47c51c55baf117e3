"""Cases told as prose paragraphs (graph/extract/_split_leads.py and graph/extract/_split_whole.py): each paragraph
led by the area or city it belongs to, as a news feature or a press conference's answer tells several reforms with no
heading (issue #15, helper z17a). The held-out collections were written, with their gold, before the rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from _dev_scoring import score_collection

from ftzgraph.graph.extract._split_leads import paragraph_place, place_subject
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document

PROSE = [
    "hebei-presser-collection",
    "zhejiang-feature-collection",
    "sichuan-qa-collection",
]


def _document(text: str) -> Document:
    return Document(id="x", path=Path("x.txt"), text=text, sha256="x")


def _cases(text: str) -> list[tuple[int, str, str | None]]:
    extraction = extract_document(_document(text), load_gazetteer())
    return [(c.number, c.title, c.provider) for c in extraction.cases]


FEATURE = """自贸试验区改革激活发展新动能

记者　某某

走进某省自贸试验区，改革的成色写在企业的账本上。三年来，全省累计形成制度创新成果260项，带动进出口增长12%。

在甲江片区，甲江海关推行保税维修“一次备案”监管，企业维修业务无需逐票审批，维修周期缩短40%，全年维修货值8亿元。

乙山片区探索的“标准地+承诺制”改革同样引人注目。乙山市自然资源和规划局推行拿地即开工，项目审批时间压缩至15个工作日，已有32个项目受益。

丙河市则在跨境金融上发力。丙河市地方金融监督管理局会同银行推出“出口信保保单融资”，累计为企业融资5.6亿元，惠及企业210家。

“改革永远在路上。”有关负责人表示，将继续深化制度创新。
"""


def test_paragraphs_led_by_their_area_or_city_are_each_one_case_with_that_provider() -> None:
    assert [(n, p) for n, _, p in _cases(FEATURE)] == [(1, "甲江片区"), (2, "乙山片区"), (3, "丙河市")]


def test_a_prose_case_is_titled_by_its_quoted_reform_name_without_a_generic_head() -> None:
    titles = [t for _, t, _ in _cases(FEATURE)]
    assert titles == ["保税维修“一次备案”监管", "标准地+承诺制", "出口信保保单融资"]


def test_the_lead_and_closing_paragraphs_of_a_feature_are_no_case() -> None:
    extraction = extract_document(_document(FEATURE), load_gazetteer())
    assert "全省累计形成" not in extraction.cases[0].text.text
    assert "改革永远在路上" not in extraction.cases[-1].text.text


PRESSER = """某省新闻发布会实录

主持人：
各位记者朋友，大家好！下面请发布人介绍情况。

发布人（省商务厅副厅长）：
在甲江片区，甲江海关推行保税维修“一次备案”监管，维修周期缩短40%，全年维修货值8亿元。
乙山片区推出“标准地+承诺制”改革，项目审批时间压缩至15个工作日，已有32个项目受益。

记者：
请问在金融方面有哪些创新？

发布人（省商务厅副厅长）：
谢谢提问。丙河片区是金融创新的重点片区。丙河市地方金融监督管理局会同银行推出“出口信保保单融资”，累计为企业融资5.6亿元。
"""


def test_a_case_in_an_answer_after_a_courtesy_starts_at_its_leading_place() -> None:
    extraction = extract_document(_document(PRESSER), load_gazetteer())
    assert [c.provider for c in extraction.cases] == ["甲江片区", "乙山片区", "丙河片区"]
    assert extraction.cases[-1].text.text.startswith("丙河片区是")


def test_a_place_leads_only_before_a_word_that_goes_on_from_a_subject() -> None:
    assert place_subject("在甲江片区，企业…") == ("甲江片区", 1, 5)
    assert place_subject("乙山市则在金融上发力") == ("乙山市", 0, 3)
    assert place_subject("甲江片区（某县）借鉴…") == ("甲江片区", 0, 4)
    assert place_subject("自扩区以来，累计形成成果") is None  # 自扩区 is followed by no subject's word
    assert place_subject("在自贸试验区，企业…") is None  # a generic zone is no place
    assert place_subject("各片区推行…") is None
    assert place_subject("乙山片区以“一支队伍”为抓手") == ("乙山片区", 0, 4)
    assert place_subject("乙山片区以来累计形成成果") is None  # 以来 opens a phrase of time, not an action


def test_a_short_place_after_zai_leads_only_when_a_body_of_it_acts() -> None:
    assert place_subject("在甲江，甲江海关推出退货中心仓。") == ("甲江", 1, 3)
    assert place_subject("在此基础上，海关推出退货中心仓。") is None


def test_only_a_short_courtesy_may_stand_before_the_leading_sentence() -> None:
    assert paragraph_place("谢谢提问。丙河片区是重点片区。") is not None
    assert paragraph_place("这是一段很长的开场白，讲了很多别的事情。丙河片区是重点片区。") is None


def test_two_place_led_paragraphs_are_no_collection() -> None:
    paragraphs = FEATURE.split("\n\n")
    two = "\n\n".join(paragraphs[:4] + paragraphs[5:])  # 甲江 and 乙山 only: one article, read whole
    assert [t for _, t, _ in _cases(two)] == ["自贸试验区改革激活发展新动能"]


def test_with_no_quoted_name_a_prose_case_is_titled_by_the_object_of_its_reform_verb() -> None:
    text = FEATURE.replace("推出“出口信保保单融资”", "开展出口信保保单融资试点")
    assert _cases(text)[2][1] == "出口信保保单融资试点"


def test_two_coordinated_quoted_names_are_one_title() -> None:
    text = FEATURE.replace("推行保税维修“一次备案”监管", "推行进口货物“船边直提”和出口货物“抵港直装”")
    assert _cases(text)[0][1] == "进口货物“船边直提”和出口货物“抵港直装”"


@pytest.mark.parametrize("name", PROSE)
def test_every_case_of_a_held_out_prose_collection_is_found_with_its_provider(name: str) -> None:
    score = score_collection(name)
    assert (score.found, score.provider) == (score.cases, score.cases), score.misses
