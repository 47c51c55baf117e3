"""Quantitative outcomes: recall against the gold annotation, and table-driven number, unit and change forms.

A gold outcome is found when an extracted outcome has the same value and unit, or its evidence overlaps the
gold quote (found whitespace-insensitively in the case text). Known misses, kept on purpose:
- 位居全省第二 (a rank, written as an ordinal: ordinals are never figures);
- 等保 2.0 三级 (a security grade, not a quantity);
- 节约了最少一天 (a Chinese numeral outside a before/after phrase: read only there and before 倍, since
  一站式, 一次, 三个维度 would otherwise flood the results).
"""

from __future__ import annotations

import pytest
from _gold_cases import MUTATION_ALPHABET, find_loose, gold_cases, make_case
from hypothesis import given, settings
from hypothesis import strategies as st

from ftzgraph.graph.extract.outcomes import extract_outcomes


def test_gold_outcomes_recall() -> None:
    found = total = 0
    missed = []
    for entry, case in gold_cases():
        outcomes = extract_outcomes(case)
        for gold in entry.get("outcomes") or []:
            total += 1
            span = find_loose(case.text, gold["quote"])
            assert span is not None, gold["quote"]
            hit = False
            for o in outcomes:
                local = (o.evidence.start - case.start, o.evidence.end - case.start)
                same_value = isinstance(gold.get("value"), int | float) and o.value == pytest.approx(gold["value"])
                if (same_value and o.unit == gold.get("unit")) or (local[0] < span[1] and span[0] < local[1]):
                    hit = True
            found += hit
            if not hit:
                missed.append((entry["n"], gold["quote"]))
    print(f"\noutcomes: recall {found / total:.3f} ({found}/{total}); missed {missed}")
    assert found / total >= 0.9


def test_no_dates_years_or_document_numbers() -> None:
    for _, case in gold_cases():
        for o in extract_outcomes(case):
            assert o.evidence.quote == case.document.text[o.evidence.start : o.evidence.end]
            if o.value is not None and o.unit in ("年", "日"):
                assert o.value < 1000, o  # 2023年 is a date, never "2023 years"


@pytest.mark.parametrize(
    ("text", "value", "unit", "before", "after"),
    [
        ("办理时间由 17 个工作日压缩为 14 个工作日。", 14, "个工作日", 17, 14),
        ("全程用时由2小时降低为10分钟，", 10, "分钟", 120, 10),  # same kind: before converted into the after unit
        ("检测周期由十天缩减至三天。", 3, "天", 10, 3),
        ("登记办理环节从原来4个环节减少为2个环节。", 2, "个环节", 4, 2),
        ("调解时间从原来的平均4天，缩短至平均2天。", 2, "天", 4, 2),
        ("将原有的5个工作日办结时限压缩为1个工作日，", 1, "个工作日", 5, 1),
        ("办理时限由5个工作日压缩至即办。", None, "个工作日", 5, None),
        ("注销时限压缩至2.5个工作日。", 2.5, "个工作日", None, 2.5),
        ("成功为我市12户企业实现知识产权质押融资贷款27450万元。", 27450, "万元", None, None),
        ("占比97.61%。", 97.61, "%", None, None),
        ("占比 97.61 ％。", 97.61, "%", None, None),  # full-width unit reported half-width
        ("平台累计归集信息 2104.69 万条，", 2104.69, "万条", None, None),
        ("累计退税金额为 40,350.02 万元。", 40350.02, "万元", None, None),
        ("800 余户重点服务对象", 800, "户", None, None),
        ("货值35万余元人民币", 35, "万元", None, None),
        ("更新信用信息、数据 10 余万条", 10, "万条", None, None),
        ("共为 448 家企业减免会费近 200 万元", 200, "万元", None, None),
        ("办理时限提速50%", 50, "%", None, None),
        ("累计帮助 371 户次市场主体完成信用修复", 371, "户次", None, None),
        ("网办率提升了两倍", 2, "倍", None, None),
        ("比上年提高3.5个百分点", 3.5, "个百分点", None, None),
    ],
)
def test_value_unit_and_change(
    text: str, value: float | None, unit: str, before: float | None, after: float | None
) -> None:
    outcomes = extract_outcomes(make_case(text))
    last = outcomes[-1]
    assert (last.value, last.unit, last.before, last.after) == (value, unit, before, after)


@pytest.mark.parametrize(
    "text",
    [
        "截至 2023 年 10 月底，通过整合",
        "2023年1-9月，绥芬河口岸",
        "截至 10 月 20 日累计",
        "印发《某市管理办法（2022—2025年）》",
        "（伊政办规〔2022〕37号）",
        "自贸试验区第六批改革试点经验",
        "## 案例 12",
        "### （三）优化服务",
        "“7×24 小时”服务",
    ],
)
def test_not_an_outcome(text: str) -> None:
    assert extract_outcomes(make_case(text)) == []


def test_measure_is_the_phrase_before_the_number() -> None:
    outcomes = extract_outcomes(make_case("成功为我市12户企业实现知识产权质押融资贷款27450万元。"))
    assert outcomes[-1].what == "知识产权质押融资贷款"
    assert outcomes[-1].evidence.quote.endswith("27450万元")


def test_results_section_comes_first() -> None:
    text = (
        "## 二、主要做法\n\n设置了共7个窗口。\n\n### 三、实践效果\n\n办理5件报装业务。"
        "\n\n### 四、下一步工作思路\n\n无。"
    )
    assert [o.value for o in extract_outcomes(make_case(text))] == [5, 7]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=MUTATION_ALPHABET, max_size=300))
def test_never_crashes_on_mutated_text(text: str) -> None:
    for outcome in extract_outcomes(make_case(text)):
        assert text[outcome.evidence.start : outcome.evidence.end] == outcome.evidence.quote


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_never_crashes_on_mutated_source(data: st.DataObject) -> None:
    _, case = data.draw(st.sampled_from(gold_cases()))
    text = case.text
    cut = data.draw(st.integers(0, len(text)))
    noise = data.draw(st.text(alphabet=MUTATION_ALPHABET, max_size=20))
    extract_outcomes(make_case(text[:cut] + noise + text[cut + len(noise) :]))


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("试点企业仓储物流成本平均降低12%。", "试点企业仓储物流成本降低"),
        ("测绘时间分别压缩30%。", "测绘时间压缩"),
        ("平均办理时间为3天。", "平均办理时间"),  # 平均 is part of the measure here: no change verb follows it
    ],
)
def test_an_adverb_before_the_change_verb_is_not_part_of_the_label(text: str, what: str) -> None:
    assert [o.what for o in extract_outcomes(make_case(text))] == [what]
