"""Cases in news and media text (graph/extract/_split_media.py): items under a repeated mark of any shape are cases
when they name a reform, whatever the mark, and items telling an event, speakers' turns and media furniture are none."""

from __future__ import annotations

from pathlib import Path

import pytest

from ftzgraph.graph.extract._split_lines import text_lines
from ftzgraph.graph.extract._split_media import mark_key, media_split
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.sources.read import read_document

ITEMS = [
    (
        "甲河区推出“证照联办”快车道",  # a journalist's headline: the name wrapped in a predicate
        "记者了解到，甲河区推出餐饮店“证照联办”，区市场监管局牵头，办理时间由15天压缩到3天。",
        "餐饮店“证照联办”",
        "甲河区",
    ),
    (
        "乙山县：工业用地“标准地”出让",  # a headline that is the provider and the name alone
        "乙山县复制推广国务院第六批自由贸易试验区改革试点经验，县自然资源局事先明确亩均税收等指标。",
        "工业用地“标准地”出让",
        "乙山县",
    ),
    (
        "不还贷也能过户",  # a headline with no name: the narrative's name after a naming verb
        "这项被称为不动产“带押过户”的改革由丙湖区率先推出，学的是浙江自贸试验区舟山片区的经验。",
        "不动产“带押过户”",
        "丙湖区",
    ),
]
EVENT = ("我市召开自贸联动推进会", "会议通报，全市累计复制推广自贸试验区改革试点经验96项。")

MARKS = {
    "series": lambda k: f"系列报道之{'一二三四'[k]}",
    "roundup": lambda k: f"▶ 0{k + 1}｜",
    "wire": lambda k: f"【电讯{'一二三四'[k]}】",
    "thread": lambda k: f"【{k + 1}/4】",
    "chapter": lambda k: f"【0{k + 1}:12】",
    "scene": lambda k: f"【镜头切换：第{k + 1}现场】",
    "rundown": lambda k: f"0{k + 1}　",
    "tour": lambda k: f"第{'一二三四'[k]}站　",
    "emoji": lambda k: "📍 ",
    "latin": lambda k: f"TOP{k + 1}｜",
}


def _text(mark: str, event_at: int = 1) -> str:
    """A media text: a head, then items under ``mark``, the event item at ``event_at``; a mark alone on its line
    (系列报道之一, 【镜头切换：X】) stands over its headline, any other opens the headline's line."""
    items = [(h, n) for h, n, _, _ in ITEMS]
    items.insert(event_at, EVENT)
    alone = mark in ("series", "scene")
    parts = ["某某新闻网　专题", "本期看点：自贸试验区改革在我市落地。", ""]
    for k, (headline, narrative) in enumerate(items):
        opener = MARKS[mark](k)
        parts += [opener, headline] if alone else [opener + headline]
        parts += ["本报记者　某某　（来源：某某日报）", narrative, ""]
    return "\n".join(parts)


@pytest.mark.parametrize("mark", sorted(MARKS))
def test_each_mark_shape_gives_the_reform_items_as_cases(mark: str) -> None:
    lines = text_lines(_text(mark))
    split = media_split(lines, 0, [])
    assert split is not None, f"{mark}: no split"
    assert [split.names[t] for t in split.titles] == [i[2] for i in ITEMS], f"{mark}: titles"
    assert [split.providers[t][0] for t in split.titles] == [i[3] for i in ITEMS], f"{mark}: providers"


def test_the_event_item_ends_the_case_before_it() -> None:
    lines = text_lines(_text("wire"))
    split = media_split(lines, 0, [])
    assert split is not None
    first_end = split.ends[0]
    assert any("召开" in line.text for line in lines[first_end : split.starts[1]]), "the meeting is in no case"


def test_fewer_items_than_the_other_rules_found_when_the_others_tell_events() -> None:
    lines = text_lines(_text("roundup"))
    every_item = [i for i, line in enumerate(lines) if line.text.startswith("▶")]
    split = media_split(lines, 0, every_item)
    assert split is not None and len(split.titles) == 3, "the meeting item is dropped"


def test_an_item_neither_naming_a_reform_nor_telling_an_event_keeps_the_other_rules() -> None:
    text = _text("roundup").replace(EVENT[0], "跨国公司本外币一体化资金池").replace(EVENT[1], "资金池企业达到20家。")
    lines = text_lines(text)
    every_item = [i for i, line in enumerate(lines) if line.text.startswith("▶")]
    assert media_split(lines, 0, every_item) is None


def test_speakers_turns_and_cues_are_no_item_marks() -> None:
    assert mark_key("【发布人　某某】谢谢主持人。") is None, "a speaker's label"
    assert mark_key("【口播】今年以来，甲河区推出…") is None, "a script's cue"
    assert mark_key("【电讯三】") == mark_key("【电讯一】"), "a numbered label"
    assert mark_key("【镜头切换：甲】") == mark_key("【镜头切换：乙地】"), "a valued label"


def test_a_turn_family_ending_with_colons_is_no_split() -> None:
    text = "\n".join(f"[1{k}:00:00] 嘉宾 某某：\n{h}。{n}" for k, (h, n, _, _) in enumerate(ITEMS))
    assert media_split(text_lines(text), 0, []) is None


def test_the_document_gives_the_titles_and_providers(tmp_path: Path) -> None:
    path = tmp_path / "media.txt"
    path.write_text(_text("series"), encoding="utf-8")
    cases = extract_document(read_document(path)).cases
    assert [c.title for c in cases] == [i[2] for i in ITEMS]
    assert all(i[3] in (c.provider or "") for c, i in zip(cases, ITEMS, strict=True)), [c.provider for c in cases]


def test_circled_numbers_are_one_family_and_picture_lines_none() -> None:
    items = []
    for k, (_, narrative, title, unit) in enumerate(ITEMS):
        items += [f"【图{k + 1}】", f"{'①②③'[k]} {unit}：{title}", narrative, "▼"]
    split = media_split(text_lines("图解｜三项改革\n【图0】\n" + "\n".join(items)), 0, [])
    assert split is not None, "the circled numbers mark the items"
    assert [split.names[t] for t in split.titles] == [i[2] for i in ITEMS]
    assert mark_key("② 甲：“A”") == mark_key("① 乙：“B”")


def test_an_item_quoting_no_name_is_titled_by_its_headline_when_it_reports_figures() -> None:
    text = (
        _text("roundup")
        .replace("乙山县：工业用地“标准地”出让", "乙山县：跨境人民币结算便利化")
        .replace("乙山县复制推广", "乙山县复制推广，结算量达46亿元，")
    )
    split = media_split(text_lines(text), 0, [])
    assert split is not None
    assert [split.names[t] for t in split.titles] == [ITEMS[0][2], "跨境人民币结算便利化", ITEMS[2][2]]


def test_a_dateline_opens_the_item_under_the_headline_above_it() -> None:
    parts = ["某某日报　要闻", ""]
    items = [(h, n) for h, n, _, _ in ITEMS]
    items.insert(1, EVENT)
    for headline, narrative in items:
        parts += [headline, f"本报讯（记者　某某）{narrative}", ""]
    lines = text_lines("\n".join(parts))
    split = media_split(lines, 0, [])
    assert split is not None, "the datelines mark the items"
    assert [split.names[t] for t in split.titles] == [i[2] for i in ITEMS]
    assert [lines[s].text for s in split.starts] == [ITEMS[0][0], ITEMS[1][0], ITEMS[2][0]], "each from its headline"


def test_a_dateline_item_starts_at_its_kicker_over_the_headline_and_subtitle() -> None:
    text = (
        "某某日报\n\n复制前海经验　甲河区再提速\n企业开办“一网通办”\n——从“跑多次”到“一次都不跑”\n"
        "本报讯（记者　某）甲河区学习借鉴深圳前海蛇口片区经验，由区行政审批局牵头，开办时间压缩至4小时。\n\n"
    )
    text += "\n\n".join(f"{h}\n本报讯（记者　某）{n}" for h, n, _, _ in ITEMS[1:])
    lines = text_lines(text)
    split = media_split(lines, 0, [])
    assert split is not None
    assert lines[split.starts[0]].text.startswith("复制前海经验"), "the kicker opens the item"
    assert split.names[split.titles[0]] == "企业开办“一网通办”", "the headline, not the subtitle's quotes"
