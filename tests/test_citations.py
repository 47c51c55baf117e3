"""Cited policy documents: against the gold annotation, and table-driven forms of titles and 文号.

Scoring rule (gold README): titles match after removing 《》 and whitespace; a gold short title also
matches an extracted citation whose title ends with it (the extractor merges a short title into the full
one, as the gold notes for its case 2); numbers match exactly after normalisation (both absent counts).
"""

from __future__ import annotations

import re

import pytest
from _gold_cases import MUTATION_ALPHABET, gold_cases, make_case
from hypothesis import given, settings
from hypothesis import strategies as st

from ftzgraph.graph.extract.citations import extract_citations, is_policy_document
from ftzgraph.graph.text import normalise_doc_number

MIN_SHORT_TITLE = 8


def _key(title: str | None) -> str:
    return re.sub(r"[\s\u3000《》]", "", title or "")


def _matches(gold_doc: dict, title: str | None, number: str | None) -> bool:
    gold_number = normalise_doc_number(gold_doc["number"]) if gold_doc.get("number") else None
    gold_key, got_key = _key(gold_doc["title"]), _key(title)
    same_title = gold_key == got_key or (
        min(len(gold_key), len(got_key)) >= MIN_SHORT_TITLE
        and (got_key.endswith(gold_key) or gold_key.endswith(got_key))
    )
    return same_title and (gold_number == number or (gold_number is None and number is not None and title is not None))


def test_gold_documents_recall_and_precision() -> None:
    found = gold_total = correct = extracted = 0
    for entry, case in gold_cases():
        citations = extract_citations(case)
        extracted += len(citations)
        correct += sum(any(_matches(d, c.title, c.number) for d in entry.get("documents") or []) for c in citations)
        for doc in entry.get("documents") or []:
            gold_total += 1
            found += any(_matches(doc, c.title, c.number) for c in citations)
        for other in entry.get("other_titles") or []:
            assert all(_key(c.title) != _key(other) for c in citations), (entry["n"], other)
    recall, precision = found / gold_total, correct / extracted
    print(f"\ncitations: recall {recall:.3f} ({found}/{gold_total}), precision {precision:.3f} ({correct}/{extracted})")
    assert recall >= 0.95
    assert precision >= 0.95


def test_evidence_quotes_the_source() -> None:
    for _, case in gold_cases():
        for citation in extract_citations(case):
            ev = citation.evidence
            assert case.document.text[ev.start : ev.end] == ev.quote
            assert ev.quote.lstrip().startswith(("《", citation.number or "《", (citation.title or "《")[:2]))


@pytest.mark.parametrize(
    ("title", "is_document"),
    [
        ("大庆市联合报装实施办法", True),
        ("关于切实做好信用监管工作的通知", True),
        ("中华人民共和国行政处罚法", True),
        ("某某市守信激励措施清单(2023年版)", True),
        ("某某出口竹木草制品合格评定程序(试行)", True),
        ("省中小企业知识产权战略推进工程实施方案（2022—2025年）", True),
        ("司法厅印发的<关于开展业务协同办理工作的通知>", True),
        ("自贸司关于同意备案创新举措的函", True),
        ("津冀自贸试验区战略合作框架协议", True),
        ("办理“水气热电讯”报装套餐服务单", False),
        ("进口粮食改变流向/用途申请表", False),
        ("全省市场监管系统严违修复工作台账", False),
        ("增值税留抵退税辅助报表", False),
        ("不动产权证书", False),
        ("食品经营许可证", False),
        ("守信承诺书", False),
        ("发票领用簿", False),
        ("魅力伊春处处绽放诚信之花", False),
    ],
)
def test_policy_document_by_suffix(title: str, is_document: bool) -> None:
    assert is_policy_document(title) is is_document


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "印发《某市关于加强监管的通知》（伊政办规〔2022〕37号），推动",
            [("某市关于加强监管的通知", "伊政办规〔2022〕37号")],
        ),
        (
            "《某部关于印发典型案例的通知》（办市场发〔2023〕153 号）案例",
            [("某部关于印发典型案例的通知", "办市场发〔2023〕153号")],
        ),
        (
            "印发《某司关于同意备案的函》( 自贸司便函〔2022〕31 号 )，批准",
            [("某司关于同意备案的函", "自贸司便函〔2022〕31号")],
        ),
        (
            "按照《海关总署关于复制推广监管创新制度的通知》(署加发[2014]172号)要求",
            [("海关总署关于复制推广监管创新制度的通知", "署加发〔2014〕172号")],
        ),
        (
            "按照国务院关于做好第五批改革试点经验复制推广工作的通知(国函〔2019〕38号),某片区",
            [("国务院关于做好第五批改革试点经验复制推广工作的通知", "国函〔2019〕38号")],
        ),
        ("根据伊政办规〔2022〕37号文件要求", [(None, "伊政办规〔2022〕37号")]),
        ("伊政办规〔2022〕37号《某市关于加强监管的通知》", [("某市关于加强监管的通知", "伊政办规〔2022〕37号")]),
        ("仅需提交一张《办理报装套餐服务单》即可", []),
        ("制定《某市某某管理办\n\n法》", [("某市某某管理办法", None)]),
        (
            "《某省知识产权局 某监管局关于成立服务联合体的通知》",
            [("某省知识产权局 某监管局关于成立服务联合体的通知", None)],
        ),
    ],
)
def test_title_and_number_forms(text: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert [(c.title, c.number) for c in extract_citations(make_case(text))] == expected


def test_same_document_is_merged_with_its_number_and_short_title() -> None:
    text = (
        "印发《某市人民政府办公室关于深化信用分级分类监管工作的通知》（伊政办规〔2022〕37号），推动。"
        "制发《关于深化信用分级分类监管工作的通知》全面归集。再次依据伊政办规〔2022〕37号。"
        "另依据《某市人民政府办公室关于深化信用分级分类监管工作的通知》开展。"
    )
    citations = extract_citations(make_case(text))
    assert [(c.title, c.number) for c in citations] == [
        ("某市人民政府办公室关于深化信用分级分类监管工作的通知", "伊政办规〔2022〕37号")
    ]
    assert citations[0].evidence.start == text.index("《")


def test_title_without_number_gets_the_number_of_a_later_mention() -> None:
    text = (
        "落实《某署关于推广监管制度的通知》。该通知(署加发〔2014〕172号)要求……"
        "《某署关于推广监管制度的通知》(署加发〔2014〕172号)"
    )
    citations = extract_citations(make_case(text))
    assert [(c.title, c.number) for c in citations] == [("某署关于推广监管制度的通知", "署加发〔2014〕172号")]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=MUTATION_ALPHABET + "关于通知办法表单", max_size=300))
def test_never_crashes_on_mutated_text(text: str) -> None:
    for citation in extract_citations(make_case(text)):
        assert text[citation.evidence.start : citation.evidence.end] == citation.evidence.quote


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_never_crashes_on_mutated_source(data: st.DataObject) -> None:
    _, case = data.draw(st.sampled_from(gold_cases()))
    text = case.text
    cut = data.draw(st.integers(0, len(text)))
    noise = data.draw(st.text(alphabet=MUTATION_ALPHABET, max_size=20))
    extract_citations(make_case(text[:cut] + noise + text[cut + len(noise) :]))
