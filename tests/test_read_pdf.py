"""PDFs: text layer in reading order, running header and page numbers removed, sentences rejoined across pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixtures_formats import (
    CUT_SENTENCE,
    RUNNING_HEADER,
    SAMPLE_TEXT,
    blocks_to_pdf,
    cjk_font,
    expected_rows,
    expected_text,
    parse_blocks,
)
from fpdf import FPDF

from ftzgraph.graph.errors import DocumentError
from ftzgraph.graph.sources.pdf import _PAGE_NUMBER_RE, read_pdf  # noqa: F401  (registers .pdf)
from ftzgraph.graph.sources.read import read_document

needs_font = pytest.mark.skipif(cjk_font() is None, reason="needs a CJK font: apt-get install fonts-wqy-microhei")
LONG_TEXT = SAMPLE_TEXT + "\n" + CUT_SENTENCE + "\n\n## 三、下一步工作\n\n继续深化改革。\n"


@pytest.fixture
def long_pdf(tmp_path: Path) -> Path:
    return blocks_to_pdf(parse_blocks(LONG_TEXT), tmp_path / "long.pdf")


@needs_font
def test_running_header_and_page_numbers_are_removed(long_pdf: Path) -> None:
    document = read_document(long_pdf)
    assert len(document.page_starts) >= 2
    assert RUNNING_HEADER not in document.text
    assert not re.search(r"-\s*\d+\s*-", document.text)
    assert re.sub(r"\s+", "", document.text) == expected_text(LONG_TEXT)


@needs_font
def test_sentence_cut_by_the_page_break_is_one_line(long_pdf: Path) -> None:
    document = read_document(long_pdf)
    assert CUT_SENTENCE in document.text.splitlines()
    start = document.text.index(CUT_SENTENCE)
    end = start + len(CUT_SENTENCE)
    assert start < document.page_starts[1] < end  # the sentence really crosses the page break
    assert document.evidence(start, start + 4).page == 1
    assert document.evidence(end - 4, end).page == 2


@needs_font
def test_wrapped_lines_rejoin_into_paragraphs_and_tables_into_rows(long_pdf: Path) -> None:
    lines = read_document(long_pdf).text.splitlines()
    assert "甲市市场监管局复制推广自贸试验区改革试点经验，将企业开办全流程压缩至1个工作日以内。" in lines
    assert [line for line in lines if "\t" in line] == expected_rows(SAMPLE_TEXT)
    assert "（甲市提供）" in lines


@needs_font
def test_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    path = blocks_to_pdf(parse_blocks(SAMPLE_TEXT), tmp_path / "locked.pdf", password="secret")
    with pytest.raises(DocumentError, match="password-protected"):
        read_document(path)


@needs_font
@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_pdf_is_refused(tmp_path: Path, keep: float) -> None:
    whole = blocks_to_pdf(parse_blocks(SAMPLE_TEXT), tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole[: int(len(whole) * keep)])
    with pytest.raises(DocumentError, match="corrupt"):
        read_document(path)


def test_file_that_is_not_a_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "renamed.pdf"
    path.write_bytes("这不是PDF文件".encode())
    with pytest.raises(DocumentError, match="not a PDF"):
        read_document(path)


def test_pdf_without_a_text_layer_says_ocr_is_needed(tmp_path: Path) -> None:
    """A scan is pictures only; drawn shapes stand in for the page images here."""
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 170, 250, style="F")
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(DocumentError, match=r"no text layer.*OCR"):
        read_document(path)


@pytest.mark.parametrize(
    "line", ["3", "- 3 -", "— 12 —", "第 3 页", "第3页 共10页", "3/10", "－3－", "Page 3 of 10", "(3)"]
)
def test_page_number_forms(line: str) -> None:
    assert _PAGE_NUMBER_RE.match(line)


@pytest.mark.parametrize("line", ["3个部门", "2023年", "第三批", "一、基本情况", "28项"])
def test_text_that_is_not_a_page_number(line: str) -> None:
    assert not _PAGE_NUMBER_RE.match(line)


def test_a_long_centred_heading_in_body_type_after_a_finished_sentence_is_no_wrapped_line() -> None:
    from ftzgraph.graph.sources.pdf import Line, _continues

    body = Line("进一步减轻企业经营成本。", 484.0, 31.2, 541.2, 20.4)
    heading = Line("“边境地区跨境人民币使用改革创新” 复制推广典型案例", 522.7, 40.0, 555.3, 20.4)
    wrapped = Line("啤酒有限公司为例，该企业是一家研发型精酿啤酒生产企业", 69.8, 31.2, 561.6, 20.4)
    assert not _continues(body, heading, 31.2, 561.6)
    assert _continues(Line("以黑龙江辛巴赫精酿", 749.2, 31.2, 544.7, 20.4), wrapped, 31.2, 561.6)
    larger = Line("“边境地区跨境人民币使用改革创新” 复制推广典型案例", 522.7, 31.2, 555.3, 24.0)
    assert not _continues(Line("正文写到右边距为止的一行", 484.0, 31.2, 561.0, 20.4), larger, 31.2, 561.6)
