"""Word documents: paragraphs and tables in body order, paragraph numbers for evidence, clear refusals."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from fixtures_formats import SAMPLE_TEXT, blocks_to_docx, expected_rows, expected_text, parse_blocks

from ftzgraph.graph.errors import DocumentError
from ftzgraph.graph.sources.docx import OLE_MAGIC, read_docx  # noqa: F401  (registers .docx)
from ftzgraph.graph.sources.read import read_document


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return blocks_to_docx(parse_blocks(SAMPLE_TEXT), tmp_path / "sample.docx")


def test_paragraphs_headings_and_table_rows_in_body_order(sample: Path) -> None:
    document = read_document(sample)
    assert re.sub(r"\s+", "", document.text) == expected_text(SAMPLE_TEXT)
    lines = document.text.splitlines()
    assert [line for line in lines if "\t" in line] == expected_rows(SAMPLE_TEXT)
    # the table sits between the heading that announces it and the first case
    assert lines.index("第二批复制推广典型案例汇总表") + 1 == lines.index("序号\t案例名称\t提供单位")
    assert lines.index("2\t“跨境结算便利化”复制推广典型案例\t乙片区") + 1 == lines.index("案例1")


def test_evidence_gets_the_paragraph_number(sample: Path) -> None:
    document = read_document(sample)
    lines = document.text.splitlines()
    assert len(document.paragraph_starts) == len(lines)
    quote = "平均开办时间由3天缩短至0.5天"
    start = document.text.index(quote)
    evidence = document.evidence(start, start + len(quote))
    assert evidence.paragraph == len(lines)  # the last paragraph of the file
    assert lines[evidence.paragraph - 1].endswith(quote + "。")
    assert document.evidence(0, 2).paragraph == 1


def test_line_breaks_inside_a_paragraph_keep_one_paragraph_number(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("第一段")
    run = word.add_paragraph().add_run("第二段第一行")
    run.add_break()
    run.add_text("第二段第二行")
    word.add_paragraph("")  # empty paragraphs are not counted
    word.add_paragraph("第三段")
    path = tmp_path / "breaks.docx"
    word.save(str(path))
    document = read_document(path)
    assert document.text.splitlines() == ["第一段", "第二段第一行", "第二段第二行", "第三段"]
    start = document.text.index("第二段第二行")
    assert document.evidence(start, start + 3).paragraph == 2
    assert document.evidence(document.text.index("第三段"), len(document.text)).paragraph == 3


def test_merged_cells_count_once(tmp_path: Path) -> None:
    word = docx.Document()
    table = word.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("序号", "案例名称", "提供单位"), strict=True):
        cell.text = text
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "合计"
    table.cell(1, 2).text = "28项"
    path = tmp_path / "merged.docx"
    word.save(str(path))
    assert read_document(path).text.splitlines() == ["序号\t案例名称\t提供单位", "合计\t28项"]


def test_truncated_docx_is_refused(sample: Path) -> None:
    sample.write_bytes(sample.read_bytes()[:3000])
    with pytest.raises(DocumentError, match=r"not a valid \.docx|corrupt"):
        read_document(sample)


def test_damaged_part_inside_a_valid_zip_is_refused(tmp_path: Path, sample: Path) -> None:
    import zipfile

    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(sample) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    with pytest.raises(DocumentError, match="corrupt"):
        read_document(damaged)


def test_password_protected_docx_is_refused(tmp_path: Path) -> None:
    """Word saves an encrypted .docx as a compound file (OLE), not as a ZIP package."""
    path = tmp_path / "protected.docx"
    path.write_bytes(OLE_MAGIC + bytes(4096))
    with pytest.raises(DocumentError, match="password-protected"):
        read_document(path)


def test_docx_with_an_empty_body_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    with pytest.raises(DocumentError, match="no text"):
        read_document(path)
