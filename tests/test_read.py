"""Reading source files: encodings, refusals, and the bundled document in every format.

The format readers register themselves in ``READERS`` when imported; importing them here is what
makes ``read_document`` know .html, .docx and .pdf in these tests.
"""

from __future__ import annotations

import codecs
import re
import time
from pathlib import Path

import pytest
from fixtures_formats import cjk_font, convert_text, expected_rows, expected_text

import ftzgraph.graph.sources.docx
import ftzgraph.graph.sources.html
import ftzgraph.graph.sources.pdf  # noqa: F401  (registers the reader)
import ftzgraph.graph.sources.read as read
from ftzgraph.graph.errors import DocumentError
from ftzgraph.graph.sources.read import read_document

SIMPLIFIED = "中国（黑龙江）自由贸易试验区\n“企业开办一日办结”复制推广典型案例\n（绥芬河片区提供）\n"
TRADITIONAL = "中國（黑龍江）自由貿易試驗區\n「企業開辦一日辦結」復制推廣典型案例\n（綏芬河片區提供）\n"


@pytest.mark.parametrize(
    ("text", "encode"),
    [
        (SIMPLIFIED, lambda t: t.encode("utf-8")),
        (SIMPLIFIED, lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
        (SIMPLIFIED, lambda t: t.encode("gb18030")),
        (SIMPLIFIED, lambda t: t.encode("gbk")),
        (TRADITIONAL, lambda t: t.encode("big5")),
        (SIMPLIFIED, lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
        (SIMPLIFIED, lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
        (SIMPLIFIED, lambda t: t.replace("\n", "\r\n").encode("gb18030")),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "big5", "utf-16-le-bom", "utf-16-be-bom", "gbk-crlf"],
)
def test_text_in_any_common_encoding_reads_the_same(tmp_path: Path, text: str, encode) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cases.txt"
    path.write_bytes(encode(text))
    document = read_document(path)
    assert document.text == text
    assert "\ufeff" not in document.text


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(DocumentError, match="empty"):
        read_document(path)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(DocumentError, match=r"binary|not readable as text"):
        read_document(path)


def test_unknown_extension_is_refused_with_the_known_ones(tmp_path: Path) -> None:
    path = tmp_path / "cases.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(DocumentError, match=r"unknown file type '\.xlsx'.*\.docx.*\.html.*\.pdf"):
        read_document(path)


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".html"])
def test_a_200_mb_file_is_refused_before_it_is_read(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no 200 MB written to disk
    started = time.perf_counter()
    with pytest.raises(DocumentError, match=r"200 MB, over the 50 MB limit"):
        read_document(path)
    assert time.perf_counter() - started < 1.0


def test_the_size_limit_is_a_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "MAX_FILE_BYTES", 1024)
    path = tmp_path / "cases.txt"
    path.write_bytes(SIMPLIFIED.encode("utf-8") * 40)
    with pytest.raises(DocumentError, match="limit"):
        read_document(path)


@pytest.mark.skipif(cjk_font() is None, reason="needs a CJK TrueType font: apt-get install fonts-wqy-microhei")
def test_bundled_document_reads_the_same_in_every_format(tmp_path: Path, bundled_path: Path) -> None:
    """HTML, DOCX and PDF made from the bundled text give back its text, table rows and 文号."""
    source = bundled_path.read_text(encoding="utf-8")
    text_version = read_document(bundled_path)
    for suffix, path in convert_text(source, tmp_path, "bundled").items():
        document = read_document(path)
        assert re.sub(r"\s+", "", document.text) == expected_text(source), suffix
        rows = [line for line in document.text.splitlines() if "\t" in line]
        assert rows == expected_rows(source), suffix
        assert document.doc_number == text_version.doc_number == "黑自贸工办函〔2023〕55号"
        assert document.id == text_version.id
