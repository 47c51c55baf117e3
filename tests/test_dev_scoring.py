"""The scorer's own arithmetic (tests/_dev_scoring.py): recall counts gold names found, not extracted matches."""

from __future__ import annotations

from _dev_scoring import FileScore


def test_two_extracted_forms_of_one_gold_body_count_once_for_recall() -> None:
    # 上海市浦东新区商务委员会 and 浦东新区商务委 both match the one gold body: precision 2/2, recall 1/1, never 2/1.
    score = FileScore("x", agency_tp=2, agency_gold_found=1, agency_extracted=2, agency_expected=1)
    assert score.precision == 1.0
    assert score.recall == 1.0


def test_a_gold_body_nothing_matches_lowers_recall_only() -> None:
    score = FileScore("x", agency_tp=3, agency_gold_found=3, agency_extracted=3, agency_expected=4)
    assert score.precision == 1.0
    assert score.recall == 0.75
