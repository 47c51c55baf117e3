"""Origin phrasings found missing on real sentences of a later held-out part (issue #15, helper z15j): each rule is
general (a State Council decision to promote, zones listed after a short time phrase, a zone spreading its own
experience), checked here on sentences written for the test."""

from __future__ import annotations

from _dev_scoring import case_batches, sentence_case


def _zones(text: str) -> set[str]:
    return {o.zone for o in sentence_case(text).origins if o.kind == "zone" and o.zone}


def test_a_state_council_decision_to_promote_a_zones_experience_is_an_unnumbered_batch() -> None:
    case = sentence_case("2015年，国务院决定推广广东自贸区试点经验，在全国范围内复制。")
    assert case_batches(case) == {("改革试点经验", None)}
    assert _zones("2015年，国务院决定推广广东自贸区试点经验，在全国范围内复制。") == {"guangdong"}


def test_zones_listed_after_a_short_time_phrase_all_open_the_sentence() -> None:
    text = "去年，天津自贸试验区和重庆自贸试验区跨境结算“便利通”双双入选全国自贸试验区“最佳实践案例”。"
    assert case_batches(sentence_case(text)) == {("最佳实践案例", None)}
    assert _zones(text) == {"tianjin", "chongqing"}


def test_a_zone_spreading_its_own_experience_is_the_origin_and_no_batch() -> None:
    text = "广西自贸试验区向北部湾地区自行复制推广改革试点经验三批次共60项。"
    assert _zones(text) == {"guangxi"}
    assert case_batches(sentence_case(text)) == set()
