"""Dates (normalised to XSD lexical forms) and company names mentioned in a case."""

from __future__ import annotations

import pytest
from _gold_cases import MUTATION_ALPHABET, gold_cases, make_case
from hypothesis import given, settings
from hypothesis import strategies as st

from ftzgraph.graph.extract.mentions import extract_companies, extract_dates


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("2023年6月黑河公证处", ["2023-06"]),
        ("2022年3月，海关总署", ["2022-03"]),
        ("2022 年 3 月，海关总署", ["2022-03"]),
        ("2023年1-9月，绥芬河", ["2023-01/2023-09"]),
        ("2023 年 1-9 月累计", ["2023-01/2023-09"]),
        ("2023年1月至9月", ["2023-01/2023-09"]),
        ("2022年3月15日起", ["2022-03-15"]),
        ("截至 2023 年 10 月 20 日", ["2023-10-20"]),
        ("2022年，外贸进出口", ["2022"]),
        ("自 2019 年“分送集报”", ["2019"]),
        ("二〇二三年三月", ["2023-03"]),
        ("2022—2025年期间", ["2022/2025"]),
        ("5月10日，绥化海关", []),  # no year: not placed by guessing
        ("《某工程实施方案（2022—2025年）》", []),  # part of a cited title
        ("满3年,未再发生", []),
        ("2023年13月", ["2023"]),  # not a month: only the year stands
    ],
)
def test_date_forms(text: str, values: list[str]) -> None:
    assert [m.value for m in extract_dates(make_case(text))] == values


def test_date_evidence_is_the_source_text() -> None:
    case = make_case("口岸自2023年1-9月以来")
    [mention] = extract_dates(case)
    assert (mention.text, mention.evidence.start, mention.evidence.end) == ("2023年1-9月", 3, 12)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("为绥棱希欧工艺品有限公司拟出口欧洲", ["绥棱希欧工艺品有限公司"]),
        (
            "目前已为甲乙信息技术有限公司、丙丁科技发展有限公司等16家企业",
            ["甲乙信息技术有限公司", "丙丁科技发展有限公司"],
        ),
        ("以黑龙江某某精酿啤酒有限公司为例", ["黑龙江某某精酿啤酒有限公司"]),
        ("一是黑龙江某某生物科技有限公司拥有", ["黑龙江某某生物科技有限公司"]),
        ("由知母药业有限公司从俄罗斯进口，积极推介知母药业有限公司", ["知母药业有限公司"]),
        ("与某某银行股份有限公司签约", ["某某银行股份有限公司"]),
        ("某某电力有限责任公司承担", ["某某电力有限责任公司"]),
        ("依托某某控股集团，建设", ["某某控股集团"]),
        ("供电公司承担电能表", []),
        ("大型集团客户", []),
    ],
)
def test_company_names(text: str, names: list[str]) -> None:
    assert [m.value for m in extract_companies(make_case(text))] == names


def test_gold_cases_companies_are_named_enterprises() -> None:
    """Every company found in the source is a full legal name the gold lists among the case's other actors
    or in its text; none is a generic 公司 reference."""
    total = 0
    for _, case in gold_cases():
        for mention in extract_companies(case):
            total += 1
            assert mention.value.endswith(("有限公司", "集团")), mention
            assert case.document.text[mention.evidence.start : mention.evidence.end] == mention.evidence.quote
    print(f"\ncompanies found in the source: {total}")
    assert total >= 5


def test_gold_cases_dates_are_valid() -> None:
    total = 0
    for _, case in gold_cases():
        for mention in extract_dates(case):
            total += 1
            assert mention.value and mention.value[:2] in ("19", "20"), mention
    print(f"\ndates found in the source: {total}")
    assert total >= 15


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=MUTATION_ALPHABET + "〇三九份号-—至", max_size=300))
def test_never_crashes_on_mutated_text(text: str) -> None:
    case = make_case(text)
    for mention in extract_dates(case) + extract_companies(case):
        assert text[mention.evidence.start : mention.evidence.end] == mention.evidence.quote
