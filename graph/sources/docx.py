"""Read a Word .docx: body paragraphs and tables in document order, one line each.

The summary table of a case collection is usually a Word table, so each table row becomes one
tab-separated line at its place among the paragraphs, exactly as in the text version. Every line is
one numbered paragraph (``Document.paragraph_starts``), so evidence says "paragraph 12" of the file:
paragraphs are counted as the non-empty body paragraphs and table rows, in order.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import lxml.etree
from docx import Document as open_docx
from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ftzgraph.graph.errors import DocumentError
from ftzgraph.graph.model import Document
from ftzgraph.graph.sources.read import READERS, make_document

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Compound-file header: an encrypted .docx (password to open) or an old binary .doc renamed."""

_SPACE_RE = re.compile(r"[ \t\u00a0\u3000\u2002\u2003\u200b]+")


def read_docx(path: Path, data: bytes) -> Document:
    """Read a .docx into a ``Document`` whose lines are its paragraphs and table rows."""
    word = _open(path, data)
    blocks: list[list[str]] = []
    for block in word.iter_inner_content():
        if isinstance(block, Paragraph):
            blocks.append(_paragraph_lines(block))
        elif isinstance(block, Table):
            blocks.extend([row] for row in _table_rows(block))
    blocks = [block for block in blocks if block]
    if not blocks:
        raise DocumentError(path, "the Word document has no text in its body", "is the text in text boxes or images?")
    lines: list[str] = []
    starts: list[int] = []
    offset = 0
    for paragraph in blocks:
        starts.append(offset)
        lines.extend(paragraph)
        offset += sum(len(line) + 1 for line in paragraph)
    fmt = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    document = make_document(path, "\n".join(lines), data, encoding="utf-8", fmt=fmt)
    document.paragraph_starts = starts
    return document


def _open(path: Path, data: bytes) -> WordDocument:
    """Open the package, turning every way a .docx can be unreadable into one clear ``DocumentError``."""
    if data.startswith(OLE_MAGIC):
        raise DocumentError(
            path,
            "not an Office Open XML .docx: it is password-protected (encrypted) or an old binary Word .doc",
            "remove the password, or open it in Word and save it as .docx",
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocumentError(path, "not a valid .docx (not a ZIP package; the file may be truncated or corrupt)")
    try:
        return open_docx(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError, EOFError, zlib.error) as error:
        raise DocumentError(path, f"corrupt .docx package ({type(error).__name__}: {error})") from error
    except lxml.etree.LxmlError as error:
        raise DocumentError(path, f"corrupt .docx package (damaged XML: {error})") from error


def _paragraph_lines(paragraph: Paragraph) -> list[str]:
    """A paragraph's text, one line per manual line break (Shift+Enter) as Word shows it."""
    return [line for line in (_clean(part) for part in paragraph.text.split("\n")) if line]


def _table_rows(table: Table) -> Iterator[str]:
    """Rows as tab-separated cells; a cell merged across columns counts once; one-cell rows as lines."""
    for row in table.rows:
        cells: list[_Cell] = []
        for cell in row.cells:
            if not any(cell._tc is kept._tc for kept in cells):
                cells.append(cell)
        texts = [_cell_text(cell) for cell in cells]
        if not any(texts):
            continue
        if len([t for t in texts if t]) == 1 and len(cells) == 1:
            yield texts[0]
        else:
            yield "\t".join(texts)


def _cell_text(cell: _Cell) -> str:
    """A cell's paragraphs (and nested tables) on one line, joined by a space."""
    parts = [_clean(p.text.replace("\n", " ")) for p in cell.paragraphs]
    for nested in cell.tables:
        parts.extend(row.replace("\t", " ") for row in _table_rows(nested))
    return " ".join(part for part in parts if part)


def _clean(text: str) -> str:
    return _SPACE_RE.sub(" ", text.replace("\t", " ")).strip()


READERS[".docx"] = read_docx
