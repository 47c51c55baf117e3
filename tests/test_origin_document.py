"""Origins a document states once for all its cases (graph/extract/_origin_document.py) and an origin field naming
the case's own place (graph/extract/_origin_own_field.py): issue #15, fixer z29b."""

from __future__ import annotations

from pathlib import Path

from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document, Extraction


def _extract(text: str) -> Extraction:
    return extract_document(Document(id="x", path=Path("x.txt"), text=text, sha256="x"))


def _case(marker: str, title: str, body: str, unit: str) -> str:
    return f"{marker}\n{title}\n　　{body}\n（提供单位：{unit}）\n\n"


_CASES = _case(
    "【最佳实践案例之一】",
    "港口危险货物“智慧监管”",
    "钦州港片区建立危险货物智能监管平台，钦州海关与海事部门共享数据，查验时间由2天缩短至4小时。",
    "广西自贸试验区钦州港片区",
) + _case(
    "【最佳实践案例之二】",
    "边民互市“一站式”结算",
    "崇左片区推行边民互市贸易一站式结算，凭祥海关简化申报，结算时间由3天缩短至1天。",
    "广西自贸试验区崇左片区",
)


def test_a_national_batch_reprint_gives_each_case_the_batch_and_its_providing_area() -> None:
    text = "自由贸易试验区第六批“最佳实践案例”（摘编）\n\n　　编者按：现将其中2个案例摘编如下。\n\n" + _CASES
    extraction = _extract(text)
    assert [case.title for case in extraction.cases] == ["港口危险货物“智慧监管”", "边民互市“一站式”结算"]
    for case, area in zip(extraction.cases, ["钦州港片区", "崇左片区"], strict=True):
        batches = {(o.batch_kind, o.batch_number) for o in case.origins if o.kind == "national_batch"}
        assert batches == {("最佳实践案例", 6)}, case.title
        assert {o.area for o in case.origins if o.kind == "zone"} == {area}, case.title


def test_a_provincial_batch_gives_no_case_an_origin() -> None:
    text = "广西自贸试验区第三批“最佳实践案例”（摘编）\n\n　　现将其中2个案例摘编如下。\n\n" + _CASES
    for case in _extract(text).cases:
        assert not [o for o in case.origins if o.kind in ("national_batch", "zone")], case.title


def test_a_batch_mentioned_in_the_head_is_no_documents_origin() -> None:
    head = "　　近年来，我区复制推广自由贸易试验区第六批“最佳实践案例”等经验，现选编2个案例。"
    text = f"广西自贸试验区制度创新案例选编\n\n{head}\n\n" + _CASES
    for case in _extract(text).cases:
        assert not [o for o in case.origins if o.kind in ("national_batch", "zone")], case.title


_PAGE = """案例库

━━━━━━━━━━━━━━━━━━━━
跨境电商“退货中心仓”
标签：#首创探索 #贸易便利
来源地区：南宁片区　　发布日期：2024-05-09
　　南宁片区在全国率先设立跨境电商退货中心仓，南宁海关对退货商品实行集中查验，退货时间由30天缩短至7天。
━━━━━━━━━━━━━━━━━━━━
农产品出口“检测互认”
标签：#借鉴推广 #贸易便利
来源地区：百色市　　发布日期：2024-04-17
　　百色市借鉴云南自贸试验区红河片区经验，百色海关与检测机构推行结果互认，出口通关时间由2天缩短至半天。
━━━━━━━━━━━━━━━━━━━━
"""


def test_a_source_field_naming_the_acting_place_gives_the_provider_and_no_origin() -> None:
    cases = _extract(_PAGE).cases
    assert [case.title for case in cases] == ["跨境电商“退货中心仓”", "农产品出口“检测互认”"]
    assert [case.provider for case in cases] == ["南宁片区", "百色市"]
    assert not [o for o in cases[0].origins if o.kind == "zone"]
    assert {o.area for o in cases[1].origins if o.kind == "zone"} == {"红河片区"}


def test_a_forwarded_batch_counts_and_a_province_before_the_colon_makes_it_its_own() -> None:
    forwarded = _extract("转发：自由贸易试验区第六批“最佳实践案例”（节选）\n\n　　现转发如下。\n\n" + _CASES)
    assert all(any(o.kind == "national_batch" for o in case.origins) for case in forwarded.cases)
    provincial = _extract("广西：自由贸易试验区第三批“最佳实践案例”（节选）\n\n　　现转发如下。\n\n" + _CASES)
    assert not [o for case in provincial.cases for o in case.origins if o.kind == "national_batch"]
