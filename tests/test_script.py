"""Traditional -> simplified matching keeps every character at its offset."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ftzgraph.graph.script import is_traditional, to_simplified


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("中國（黑龍江）自由貿易試驗區", "中国（黑龙江）自由贸易试验区"),
        ("「復制推廣」典型案例", "「复制推广」典型案例"),
        ("綏芬河片區提供", "绥芬河片区提供"),
        ("國函〔2019〕38號", "国函〔2019〕38号"),
        ("already 简体 text 123", "already 简体 text 123"),
    ],
)
def test_to_simplified_converts_each_character(traditional: str, simplified: str) -> None:
    assert to_simplified(traditional) == simplified


def test_offsets_in_the_simplified_copy_are_offsets_in_the_original() -> None:
    original = "海關總署同意綏芬河片區「批次進出、集中申報」改革"
    copy = to_simplified(original)
    start = copy.index("批次进出")
    assert original[start : start + 4] == "批次進出"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_length_never_changes(text: str) -> None:
    assert len(to_simplified(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中國（黑龍江）自由貿易試驗區復制推廣典型案例", True),
        ("中国（黑龙江）自由贸易试验区复制推广典型案例", False),
        ("后来里面着干", False),
        ("自由", False),
        ("", False),
        ("國", False),
    ],
)
def test_is_traditional(text: str, expected: bool) -> None:
    assert is_traditional(text) is expected
