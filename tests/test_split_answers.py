"""Press-conference answers anchored by the titles the opening statement lists (graph/extract/_split_answers.py):
answers led by an ordinal (第一项是“A”) or by the reform (这项改革由X片区推出), or by neither, whose provider is the one
the list gives the title, else the answering speaker's body from the speaker block (issue #15, helper z17g). The
held-out transcripts were written, with their gold, before the rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from _dev_scoring import score_collection

from ftzgraph.graph.extract._split_answers import listed_entries, speaker_bodies
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document


def _document(text: str) -> Document:
    return Document(id="x", path=Path("x.txt"), text=text, sha256="x")


def _cases(text: str) -> list[tuple[int, str, str | None]]:
    extraction = extract_document(_document(text), load_gazetteer())
    return [(c.number, c.title, c.provider) for c in extraction.cases]


ORDINALS = "\n".join(
    [
        "某省人民政府新闻办公室新闻发布会",
        "",
        "发布人：",
        "某省商务厅副厅长　甲乙丙",
        "中国（安徽）自由贸易试验区芜湖片区管委会副主任　丁戊",
        "主持人：",
        "某省人民政府新闻办公室副主任　己庚",
        "",
        "【主持人　己庚】各位记者朋友，大家好！请甲乙丙副厅长作发布。",
        "",
        "【发布人　甲乙丙】谢谢主持人。本批共有4项制度创新成果，分别是：合肥片区的“科技成果转化收益分红”和"
        "“实验动物通关便利”，芜湖片区的“汽车零部件保税集拼”，以及省市场监管局会同合肥海关推出的“进口食品"
        "标签预审”。",
        "",
        "【安徽日报记者】请问合肥片区的两项成果有哪些亮点？",
        "",
        "【发布人　甲乙丙】谢谢您的提问。合肥片区的两项成果都和科技创新有关。第一项是“科技成果转化收益分红”"
        "。合肥市科学技术局联合合肥市财政局出台收益分红办法，科研人员分红比例提高到70%，今年已有46项成果"
        "实现转化。第二项是“实验动物通关便利”。合肥海关对实验动物实行预约查验，通关时间由3天缩短至6小时。",
        "",
        "【新安晚报记者】芜湖的汽车产业有什么新做法？",
        "",
        "【发布人　丁戊】好的，我来介绍。这项改革由芜湖片区推出。芜湖海关推行汽车零部件保税集拼，企业物流成本"
        "下降20%，今年集拼出口零部件1.6万箱。",
        "",
        "【安徽卫视记者】进口食品方面有哪些便利？",
        "",
        "【发布人　甲乙丙】谢谢。第四项是“进口食品标签预审”，由省市场监管局会同合肥海关推出。合肥海关对进口"
        "食品中文标签实行预审，标签整改时间由10天缩短至2天。",
        "",
        "【主持人　己庚】发布会到此结束。",
        "",
    ]
)


def test_answers_led_by_ordinals_are_cases_of_the_titles_the_opening_listed() -> None:
    cases = _cases(ORDINALS)
    assert [(n, t) for n, t, _ in cases] == [
        (1, "科技成果转化收益分红"),
        (2, "实验动物通关便利"),
        (3, "汽车零部件保税集拼"),
        (4, "进口食品标签预审"),
    ]


def test_a_listed_case_takes_the_provider_its_entry_names() -> None:
    providers = [p for _, _, p in _cases(ORDINALS)]
    assert providers[:3] == ["合肥片区", "合肥片区", "芜湖片区"]  # 和 carries 合肥片区 to the second title
    assert providers[3] is not None and providers[3].endswith("市场监督管理局")  # 以及X会同Y推出的: X, not Y


def test_an_entry_list_names_providers_between_its_titles() -> None:
    _, entries = listed_entries(ORDINALS)
    assert [(e.title, e.provider[0] if e.provider else None) for e in entries] == [
        ("科技成果转化收益分红", "合肥片区"),
        ("实验动物通关便利", "合肥片区"),
        ("汽车零部件保税集拼", "芜湖片区"),
        ("进口食品标签预审", "省市场监管局"),
    ]


def test_the_speaker_block_names_each_speakers_body_by_their_post() -> None:
    bodies = {name: body for name, (body, _, _) in speaker_bodies(ORDINALS).items()}
    assert bodies["甲乙丙"] == "某省商务厅"
    assert bodies["丁戊"] == "中国（安徽）自由贸易试验区芜湖片区管委会"
    one_line = "发布会\n\n发布人：某省商务厅副厅长　甲乙丙；某市港航管理局局长　丁戊\n\n【发布人　甲乙丙】谢谢。"
    assert {n: b for n, (b, _, _) in speaker_bodies(one_line).items()} == {
        "甲乙丙": "某省商务厅",
        "丁戊": "某市港航管理局",
    }


NEITHER = "\n".join(
    [
        "某省新闻发布会",
        "",
        "发布人：某省商务厅副厅长　甲乙丙；中国（安徽）自由贸易试验区蚌埠片区管委会副主任　丁戊",
        "",
        "【发布人　甲乙丙】谢谢主持人。共有3项成果入选，分别是：合肥片区的“跨境电商零售进口退货中心仓”，芜"
        "湖片区的“二手车出口集中查验”，以及“硅基材料进口快检”。",
        "",
        "【安徽日报记者】请问合肥的退货中心仓如何运作？",
        "",
        "【发布人　甲乙丙】好的。“跨境电商零售进口退货中心仓”是合肥片区推出的。合肥海关在区内设立退货中心仓"
        "，退货时间由30天缩短至7天。",
        "",
        "【新安晚报记者】二手车出口有什么新举措？",
        "",
        "【发布人　甲乙丙】谢谢。芜湖海关推行二手车出口集中查验，单车查验时间由2天缩短至半天，今年出口二手车3200辆。",
        "",
        "【安徽卫视记者】硅基材料方面呢？",
        "",
        "【发布人　丁戊】谢谢您的提问。这项成果主要解决原料检测周期长的问题。蚌埠海关对进口硅基材料实行快检，"
        "检测周期压缩60%，企业年节约成本800万元。",
        "",
    ]
)


def test_an_answer_naming_no_title_is_the_case_of_the_title_it_rewords_or_whose_provider_it_names() -> None:
    cases = _cases(NEITHER)
    assert [t for _, t, _ in cases] == ["跨境电商零售进口退货中心仓", "二手车出口集中查验", "硅基材料进口快检"]


def test_a_title_listed_without_provider_takes_the_answering_speakers_body() -> None:
    providers = [p for _, _, p in _cases(NEITHER)]
    assert providers == ["合肥片区", "芜湖片区", "蚌埠片区"]


@pytest.mark.parametrize(
    "name",
    [
        "hubei-ordinal-presser-collection",
        "jiangsu-reform-presser-collection",
        "sichuan-listed-presser-collection",
        "guangxi-ordinal-list-presser-collection",
    ],
)
def test_every_case_of_a_held_out_listed_transcript_is_found_with_its_provider(name: str) -> None:
    score = score_collection(name)
    assert (score.found, score.provider) == (score.cases, score.cases), score.misses


def test_a_title_named_in_passing_before_its_answer_keeps_its_case_for_the_answer() -> None:
    passing = "【发布人　甲乙丙】其中，“科技成果转化收益分红”尤其受到科研人员欢迎。\n\n【安徽日报记者】"
    text = ORDINALS.replace("【安徽日报记者】", passing, 1)
    cases = _cases(text)
    assert [t for _, t, _ in cases][:2] == ["科技成果转化收益分红", "实验动物通关便利"]
    assert "第一项是" in extract_document(_document(text), load_gazetteer()).cases[0].text.text


def test_a_speaker_block_may_write_the_name_before_the_post() -> None:
    block = (
        "发布会\n\n发布人：\n甲乙丙　某省商务厅党组成员、副厅长\n丁戊　泸州市人民政府副市长\n\n【发布人　甲乙丙】谢谢。"
    )
    bodies = {name: body for name, (body, _, _) in speaker_bodies(block).items()}
    assert bodies == {"甲乙丙": "某省商务厅", "丁戊": "泸州市人民政府"}


def test_a_listed_provider_written_by_its_level_is_the_body_the_speaker_block_names_in_full() -> None:
    text = ORDINALS.replace("某省商务厅副厅长　甲乙丙", "安徽省市场监督管理局副局长　甲乙丙").replace(
        "由省市场监管局会同合肥海关推出。", ""
    )
    text = text.replace("以及省市场监管局会同", "以及省市场监督管理局会同")
    assert _cases(text)[3][2] == "安徽省市场监督管理局"


def test_a_list_by_ordinals_gives_each_title_the_provider_written_before_it() -> None:
    statement = (
        "【发布人　甲乙丙】共3项：一是合肥片区的“研发费用预审”；二是芜湖片区的“保税集拼”；三是蚌埠片区的“硅基快检”。"
    )
    _, entries = listed_entries("发布会\n\n" + statement + "\n")
    assert [(e.title, e.provider[0] if e.provider else None) for e in entries] == [
        ("研发费用预审", "合肥片区"),
        ("保税集拼", "芜湖片区"),
        ("硅基快检", "蚌埠片区"),
    ]
