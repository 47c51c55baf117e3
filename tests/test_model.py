"""The pipeline's records (graph/model.py): a case's text follows its spans."""

from __future__ import annotations

from pathlib import Path

from ftzgraph.graph.model import CaseText, Document, Evidence


def _case(text: str, start: int, end: int) -> CaseText:
    document = Document(id="t", path=Path("t.txt"), text=text, sha256="x")
    return CaseText(document, 1, "title", Evidence(text[start:end], start, end, 1), start, end)


def test_a_case_text_read_twice_is_the_same_string() -> None:
    case = _case("一、甲\n正文一\n二、乙\n正文二\n", 0, 8)
    assert case.text == "一、甲\n正文一\n"
    assert case.text is case.text  # cut once: the caches keyed on it hash it once


def test_a_case_text_follows_its_end_and_pieces_when_the_splitter_moves_them() -> None:
    case = _case("一、甲\n正文一\n二、乙\n正文二\n", 0, 8)
    assert case.text == "一、甲\n正文一\n"
    case.end = 4
    assert case.text == "一、甲\n"
    case.pieces = ((0, 4), (12, 16))
    assert case.text == "一、甲\n正文二\n"
    case.pieces = ()
    case.start, case.end = 8, 16
    assert case.text == "二、乙\n正文二\n"


def test_a_case_text_follows_a_new_document_text() -> None:
    case = _case("一、甲\n正文一\n", 0, 8)
    assert case.text == "一、甲\n正文一\n"
    case.document.text = "一、丙\n正文三\n"
    assert case.text == "一、丙\n正文三\n"
