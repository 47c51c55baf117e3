"""Collections grouped under place headings (issue #15, helper z15q): 一、X市 / 第N部分 X片区 / 一、X片区（N个） over
the cases that place sent, numbered on across the groups or again in each group. Each test names one behaviour of
graph/extract/_split_groups.py; the three held-out collections were written (with their gold) before the rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from _dev_scoring import extracted, gold, score_collection

from ftzgraph.graph.extract.provider import provider_line
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document

GROUPED = ["fujian-cityheads-collection", "liaoning-areagroup-collection", "henan-areacount-collection"]


def _document(text: str) -> Document:
    return Document(id="x", path=Path("x.txt"), text=text, sha256="x")


def _split(text: str) -> list[tuple[int | None, str, str | None]]:
    return [(c.number, c.title, (provider_line(c) or (None,))[0]) for c in split_cases(_document(text)).cases]


_BODY = """【主要做法】
一是{actor}推行“一窗受理”，企业申请材料减少一半，办理环节由5个压缩至2个。
二是建立部门联动机制，实行并联审批。
【取得成效】
办理时间缩短60%，累计服务企业1200余家。
"""


def _grouped(groups: list[tuple[str, list[str]]], restart: bool) -> str:
    parts, n = ["某省自贸试验区创新案例汇编", ""], 0
    for g, (head, titles) in enumerate(groups, 1):
        parts += [f"{'一二三四'[g - 1]}、{head}", ""]
        for k, title in enumerate(titles, 1):
            n += 1
            parts += [f"{k if restart else n}. {title}", "", _BODY.format(actor="某市海关")]
    return "\n".join(parts)


@pytest.mark.parametrize("name", GROUPED)
def test_every_case_of_a_grouped_collection_is_found_with_its_provider(name: str) -> None:
    score = score_collection(name)
    assert (score.found, score.provider) == (score.cases, score.cases), score.misses


def test_the_group_heading_names_the_provider_of_each_case_under_it() -> None:
    cases = _split(_grouped([("甲乙市", ["船舶“一单多报”", "保税维修白名单"]), ("丙丁市", ["退货中心仓"])], False))
    assert [(n, p) for n, _, p in cases] == [(1, "甲乙市"), (2, "甲乙市"), (3, "丙丁市")]


def test_numbering_restarting_in_each_group_keeps_the_family_and_numbers_cases_in_order() -> None:
    text = _grouped(
        [("甲乙片区", ["船舶“一单多报”", "保税维修白名单"]), ("丙丁片区", ["退货中心仓", "质押融资风险池"])], True
    )
    cases = _split(text)
    assert [n for n, _, _ in cases] == [1, 2, 3, 4]
    assert [p for _, _, p in cases] == ["甲乙片区", "甲乙片区", "丙丁片区", "丙丁片区"]
    assert "丙丁片区" not in split_cases(_document(text)).cases[1].text  # the next group's heading ends the case


def test_a_part_heading_with_restarted_paren_numbering_gives_every_case() -> None:
    cases = extracted("liaoning-areagroup-collection")
    assert sorted(cases) == [1, 2, 3, 4]
    assert [c.provider for c in cases.values()][::2] == ["大连片区", "沈阳片区"]


def test_a_case_with_its_own_provider_line_keeps_it_over_the_group() -> None:
    assert extracted("liaoning-areagroup-collection")[2].provider == "大连市交通运输局"  # 报送单位：X under the title
    assert extracted("henan-areacount-collection")[4].provider == "洛阳市科学技术局"  # （供稿单位：X） closing it


def test_an_actor_of_an_in_case_ordinal_line_is_not_the_provider() -> None:
    text = _grouped([("甲乙市", ["船舶“一单多报”", "保税维修白名单"]), ("丙丁市", ["退货中心仓"])], False)
    assert all(p != "某市海关" for _, _, p in _split(text))


def test_the_contents_list_and_in_case_lines_open_no_case() -> None:
    for name in GROUPED:
        titles = [c.title for c in extracted(name).values()]
        assert titles == [c["title"] for c in gold(name)["cases"]]


def test_a_theme_heading_names_no_provider() -> None:
    text = _grouped([("贸易便利化", ["船舶“一单多报”", "保税维修白名单"]), ("投资自由化", ["退货中心仓"])], False)
    assert all(p is None or p not in ("贸易便利化", "投资自由化") for _, _, p in _split(text))


def test_one_place_line_over_the_cases_is_no_grouping() -> None:
    text = _grouped([("甲乙市", ["船舶“一单多报”", "保税维修白名单", "退货中心仓"])], False)
    assert all(p != "甲乙市" for _, _, p in _split(text))


CITY_PAREN = """某省商务厅关于印发改革创新经验的通知
各有关单位：
现将改革创新经验印发给你们，请结合实际学习借鉴。
某省商务厅
2025年1月5日

（一）甲乙市

1. 保税维修“一次备案”
甲乙海关对保税维修企业实行一次备案，企业无需逐票审批。
维修周期缩短40%，全年维修货值8亿元。

2. 跨境结算“首办户”
人民银行甲乙市分行组织辖内银行为首次办理跨境人民币业务的企业提供一对一辅导。
全年新增首办户企业120家，结算量增长41%。

（二）丙丁地区

1. 互市商品“落地加工”
丙丁地区商务局引导加工企业采购边民互市进口商品，直接进入生产环节。
年加工互市商品3万吨，带动边民增收1.2亿元。
"""


def test_cases_under_bracketed_place_groups_need_only_report_a_figure() -> None:
    """（一）X市 over `1. title` restarting, with no section words nor provider lines: the group names the provider
    and each case states its results (z17a)."""
    assert [(n, p) for n, _, p in _split(CITY_PAREN)] == [(1, "甲乙市"), (2, "甲乙市"), (3, "丙丁地区")]


def test_a_forwarding_notice_before_grouped_cases_is_no_part_of_the_first_case() -> None:
    first = split_cases(_document(CITY_PAREN)).cases[0]
    assert first.text.startswith("1. 保税维修") and "印发给你们" not in first.text


NOTICE_PARTS = """某市商务局关于复制推广工作情况的通报

　　一、总体情况
　　全市共承接复制推广事项88项，已落地76项。
　　二、典型做法
　　（一）甲县推行陶瓷出口“集拼转关”。甲县商务局借鉴某自贸试验区做法，设立集拼仓，企业物流成本降低约18%，今年出口货值12.5亿元。
　　（二）乙区推行“证照联办”。复制推广国务院第六批自贸试验区改革试点经验，乙区将24项许可联合办理，办理时限由15个工作日压缩至3个工作日。
　　三、下一步工作
　　各地要加快推进未落地事项，市财政局要保障工作经费，确保年底前全部落地。

某市商务局
2024年9月10日
"""


def test_the_notices_next_part_after_the_one_holding_its_cases_is_no_cases_text() -> None:
    cases = split_cases(_document(NOTICE_PARTS)).cases
    assert len(cases) == 2
    assert "下一步工作" not in cases[-1].text and "某市商务局\n2024年" not in cases[-1].text


SECTIONS_FROM_ONE = """某市复制推广典型案例

（一）陶瓷出口“集拼转关”
一、改革背景
　　陶瓷企业出口批量小，物流成本高。
二、主要做法
　　甲县商务局借鉴某自贸试验区做法，设立集拼仓。
三、实践成效
　　企业物流成本降低约18%，今年出口货值12.5亿元。

（二）“证照联办”
一、改革背景
　　企业开办需办理多项许可。
二、主要做法
　　乙区将24项许可联合办理。
三、实践成效
　　办理时限由15个工作日压缩至3个工作日。
"""


def test_a_cases_own_sections_numbered_from_one_close_no_case() -> None:
    cases = split_cases(_document(SECTIONS_FROM_ONE)).cases
    assert [c.title for c in cases] == ["陶瓷出口“集拼转关”", "证照联办"]
    assert "办理时限由15个工作日压缩至3个工作日" in cases[-1].text
