"""Normalisation: numerals, 文号, title keys, rejoining page-broken lines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ftzgraph.graph.text import (
    DOC_NUMBER_RE,
    TitleMatcher,
    chinese_numeral,
    doc_number_matches,
    join_broken_lines,
    lines_below,
    normalise_doc_number,
    parse_chinese_number,
    title_key,
)


@pytest.mark.parametrize(
    ("text", "number"), [("六", 6), ("十", 10), ("十二", 12), ("二十八", 28), ("7", 7), ("１２", 12), ("甲", None)]
)
def test_parse_chinese_number(text: str, number: int | None) -> None:
    assert parse_chinese_number(text) == number


@given(st.integers(0, 99))
def test_numerals_round_trip(number: int) -> None:
    assert parse_chinese_number(chinese_numeral(number)) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("国函〔2019〕38号", "国函〔2019〕38号"),
        ("办市场发〔2023〕153 号", "办市场发〔2023〕153号"),
        ("署加发[2014]172号", "署加发〔2014〕172号"),
        ("伊政办规（2022）37号", "伊政办规〔2022〕37号"),
        ("没有文号", None),
    ],
)
def test_normalise_doc_number(text: str, number: str | None) -> None:
    assert normalise_doc_number(text) == number


def test_title_key_ignores_quotes_spacing_width_and_suffix() -> None:
    assert title_key("“推行‘全通版’食品药品许可证” 复制推广典型案例") == title_key("推行全通版食品药品许可证")
    assert title_key("推进信用信息应用 加强社会诚信管理") == title_key("推进信用信息应用加强社会诚信管理")


def test_join_broken_lines_maps_back_to_the_source() -> None:
    text = "企业同时申请，专营单位主动对\n\n接”，全力推进。\n\n## 二、主要做法\n下一段。"
    joined, offsets = join_broken_lines(text)
    assert "主动对接”" in joined
    assert "\n## 二、主要做法" in joined
    assert all(text[offsets[i]] == char for i, char in enumerate(joined))


@given(st.text(max_size=300))
def test_join_broken_lines_offsets_are_always_valid(text: str) -> None:
    joined, offsets = join_broken_lines(text)
    assert len(joined) == len(offsets)
    assert offsets == sorted(offsets)
    assert all(text[offsets[i]] == char for i, char in enumerate(joined))


def test_title_matcher_finds_close_titles_only() -> None:
    matcher = TitleMatcher([title_key("以信用为核心的跨部门协同监管平台"), title_key("供电服务新模式")])
    assert matcher.best(title_key("“以信用为核心的跨部门协同监管平台”"), 0.9) == (0, 1.0)
    assert matcher.best(title_key("供电服务的新模式"), 0.85)[0] == 1
    assert matcher.best(title_key("完全不同"), 0.6) == (-1, 0.0)


_DOC_NUMBER_PIECES = st.sampled_from(
    [
        "国办发",
        "商自贸函",
        "黑政规",
        "号",
        "年",
        "中" * 17,
        " ",
        "\n",
        "\u3000",
        "〔",
        "〕",
        "[",
        "]",
        "（",
        "）",
        "2019",
        "1998",
        "2020",
        "38",
        "1",
        "123456",
        "a",
        "，",
    ]
)


@given(st.lists(_DOC_NUMBER_PIECES, max_size=24).map("".join))
def test_doc_number_matches_are_the_patterns_own_matches(text: str) -> None:
    """Found from their tails for speed, the 文号 must be exactly the ones a scan with the pattern finds."""
    assert [m.span() for m in doc_number_matches(text)] == [m.span() for m in DOC_NUMBER_RE.finditer(text)]


def test_doc_number_matches_take_at_most_sixteen_prefix_characters() -> None:
    text = "根据" + "中" * 20 + "〔2019〕38号和黑政规〔2020〕1 号文件"
    spans = [text[slice(*m.span())] for m in doc_number_matches(text)]
    assert spans == ["中" * 16 + "〔2019〕38号", "和黑政规〔2020〕1 号"]


@given(
    st.text(alphabet="自贸试验区改革案例一二三“”", max_size=20),
    st.text(alphabet="自贸试验区改革案例一二三", max_size=20),
)
def test_title_matcher_bounded_ratio_is_the_ratio_or_below_the_floor(key: str, other: str) -> None:
    matcher = TitleMatcher([other])
    bounded = matcher.ratio_at_least(0, key, 0.6)
    if bounded is None:
        assert matcher.ratio(0, key) < 0.6
    else:
        assert bounded == matcher.ratio(0, key)


@given(
    st.lists(st.text(alphabet="自贸试验区改革案例一二三", min_size=1, max_size=30), min_size=1, max_size=12),
    st.text(alphabet="自贸试验区改革案例一二三四", max_size=30),
    st.sampled_from([0.3, 0.6, 0.85, 0.92, 1.0]),
)
def test_title_matcher_best_is_the_best_ratio_over_the_threshold(keys: list[str], key: str, threshold: float) -> None:
    """The bounds that skip difflib (the keys of a far length are not even looked at) must never skip the best
    match: compare with trying every key."""
    from difflib import SequenceMatcher

    matcher = TitleMatcher(keys)
    index, ratio = matcher.best(key, threshold)
    if key in keys:
        assert (index, ratio) == (keys.index(key), 1.0)
        return
    ratios = [SequenceMatcher(None, key, known, autojunk=False).ratio() for known in keys] if key else []
    best = max(ratios, default=0.0)
    if best >= threshold:
        assert ratio == best and ratios[index] == best
    else:
        assert (index, ratio) == (-1, 0.0)


def test_title_matcher_best_finds_a_longer_or_shorter_known_title_and_the_first_equal_one() -> None:
    """Keys of a near length are looked up by bisection: a known title a few characters longer or shorter than the
    line's is still found, and of two equal known titles the first one is returned."""
    matcher = TitleMatcher(["跨境贸易便利化改革", "跨境贸易便利化改革试点经验推广", "口岸通关", "口岸通关"])
    assert matcher.best("跨境贸易便利化改革试点经验", 0.85)[0] == 1  # the known title is 2 characters longer
    assert matcher.best("跨境贸易便利化改", 0.85)[0] == 0  # 1 character shorter
    assert matcher.best("口岸通关", 0.92) == (2, 1.0)


def test_clean_spans_drops_pinyin_and_character_spacing_with_offsets() -> None:
    from ftzgraph.graph.text import clean_spans, spaced_positions

    text = "复 制 推 广 上 海 、广 东 自 由 贸 易 试 验 区 经 验，2014 年 11 月。商務(wù)廳"
    clean, offsets = clean_spans(text)
    assert clean == "复制推广上海、广东自由贸易试验区经验，2014 年 11 月。商務廳"
    assert offsets is not None and all(text[o] == c for o, c in zip(offsets, clean, strict=True))
    assert clean_spans("普通的文本，2014 年 11 月（无注音）") == ("普通的文本，2014 年 11 月（无注音）", None)
    assert spaced_positions("市商务局  责任单位：市编办") == frozenset()


def test_a_list_of_two_character_words_keeps_its_spaces() -> None:
    """Only a run of mostly one-character tokens is character spacing: a spaced list of words (海关 税务 商务…) in a
    text that is spaced elsewhere stays a list (review of #15, finding 12)."""
    from ftzgraph.graph.text import clean_spans

    clean, _ = clean_spans("按 照 统 一 部 署 。\n成员单位：海关 税务 商务 市场 公安 消防 等单位。")
    assert clean == "按照统一部署。\n成员单位：海关 税务 商务 市场 公安 消防 等单位。"


def test_lines_below_gives_the_nonblank_lines_under_a_position_with_their_starts() -> None:
    text = "标题\n\n（甲市商务局提供）\n正文一\n正文二"
    found = list(lines_below(text, 1, 2))
    assert found == [(4, "（甲市商务局提供）"), (14, "正文一")]
    assert all(text[start : start + len(line)] == line for start, line in found)
    assert list(lines_below("只有一行", 0, 4)) == []


def test_a_word_alternation_matches_the_longest_word_where_several_start() -> None:
    import re

    from ftzgraph.graph.text import word_alternation

    words = ["海关", "海关总署", "海事局", "海", "商务局", "商务"]
    pattern = re.compile(word_alternation(words))
    text = "海关总署与海事局、商务局、海南"
    assert [m.group() for m in pattern.finditer(text)] == ["海关总署", "海事局", "商务局", "海"]
    longest_first = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in longest_first.finditer(text)]
    assert re.fullmatch(f"(?:{word_alternation(['甲乙'])})丙", "甲乙丙")  # one word: no group needed around it


def test_two_form_fields_in_a_row_are_never_one_wrapped_sentence() -> None:
    """A form's field lines (是否借鉴：☑是 / 借鉴来源：Z, 联 系 人：) do not end a sentence but are no hard wrap
    (issue #15, helper z28d); a wrapped sentence still joins."""
    joined, _ = join_broken_lines("是否借鉴其他地区经验：☑是\n借鉴来源：上海自贸试验区\n联 系 人：某某")
    assert joined.count("\n") == 2
    assert join_broken_lines("甲市商务局会同\n乙海关推行预约查验。")[0] == "甲市商务局会同乙海关推行预约查验。"


@given(
    st.lists(st.text(alphabet="甲乙丙丁-]^\\", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text(alphabet="甲乙丙丁戊-]^\\ ", max_size=40),
)
def test_an_opening_guard_keeps_the_matches_of_the_pattern_behind_it(words: list[str], text: str) -> None:
    import re

    from ftzgraph.graph.text import opening_guard, word_alternation

    plain = re.compile(f"(?:中国)?(?:{word_alternation(words)})")  # an optional opening: no fast scan of its own
    guarded = re.compile(opening_guard([*words, "中国"]) + plain.pattern)
    text = "中国" + text
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert guarded.match("戊" + text) is None  # a character no word opens with is turned down at once
