"""Read a PDF's text layer: lines in reading order, running headers/footers and page numbers removed,
paragraphs (and sentences cut by a page break) rejoined, ruled tables as tab-separated rows.

PDFs of this genre are exported from Word: one column, a running header or footer, page numbers such
as ``- 3 -`` or ``第 3 页``, and the summary table drawn with rules. A wrapped line is joined to the
next when it runs to the right margin and the next one is not indented (a new paragraph starts
indented); the join works the same across a page break. ``Document.page_starts`` records where each
page's text begins, so evidence gets its page number. A PDF without a text layer (a scan) is refused
with a message that OCR is needed, never read as an empty document.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from ftzgraph.graph.errors import DocumentError
from ftzgraph.graph.model import Document
from ftzgraph.graph.sources.page_furniture import EDGE_LINES, running_key, running_keys
from ftzgraph.graph.sources.read import READERS, make_document

_PAGE_NUMBER_RE = re.compile(
    r"^[\s\-—–－_·•.(（\[【]*(?:第\s*)?(?:\d{1,4}|[一二三四五六七八九十百]{1,4})\s*页?"
    r"(?:\s*[/／]\s*\d{1,4}|\s*[,，]?\s*共\s*\d{1,4}\s*页)?[\s\-—–－_·•.)）\]】]*$"
    r"|^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_TERMINAL = "。！？；：!?;:”」』）)"
_LIST_START_RE = re.compile(
    r"^(?:第[一二三四五六七八九十百\d]+[章节条部分批]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|案例)"
)
_LEADING_WORD_RE = re.compile(r"[A-Za-z0-9.,%+\-]+")
_CJK_RE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]")


@dataclass
class Line:
    """One visual line (or one table row) of a page, with the geometry the joining rules need."""

    text: str
    top: float
    x0: float
    x1: float
    size: float
    row: bool = False


def read_pdf(path: Path, data: bytes) -> Document:
    """Read a PDF with a text layer into a ``Document`` with ``page_starts``."""
    if b"%PDF-" not in data[:1024]:
        raise DocumentError(path, "not a PDF file (no %PDF- header)")
    pages = _extract_pages(path, data)
    if not any(pages):
        raise DocumentError(
            path,
            "the PDF has no text layer (scanned pages?); OCR is needed before it can be read",
            "run it through OCR (for example ocrmypdf) and read the result",
        )
    pages = _drop_running_lines(pages)
    text, page_starts = _assemble(pages)
    document = make_document(path, text, data, encoding="utf-8", fmt="application/pdf")
    document.page_starts = page_starts
    empty = [str(n) for n, lines in enumerate(pages, 1) if not lines]
    if empty:
        document.warnings.append(f"pages without a text layer (scanned?): {', '.join(empty)}")
    return document


def _extract_pages(path: Path, data: bytes) -> list[list[Line]]:
    """Lines per page, turning every way a PDF can be unreadable into one clear ``DocumentError``."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [_page_lines(page) for page in pdf.pages]
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise DocumentError(
                path,
                "the PDF is password-protected (encrypted) and cannot be read",
                "save an unprotected copy of it",
            ) from error
        raise DocumentError(path, f"corrupt or truncated PDF ({type(cause).__name__}: {cause})") from error
    except (ValueError, KeyError, TypeError, AttributeError, AssertionError, IndexError) as error:
        raise DocumentError(path, f"corrupt PDF ({type(error).__name__}: {error})") from error


def _page_lines(page: pdfplumber.page.Page) -> list[Line]:
    """Text lines outside ruled tables, plus one tab-separated line per table row, in top-down order."""
    tables = page.find_tables()
    outside = page
    for table in tables:
        outside = outside.outside_bbox(table.bbox, strict=False)
    lines = []
    for raw in outside.extract_text_lines(return_chars=True):
        text = raw["text"].replace("\u00a0", " ").strip()
        if not text or "(cid:" in text:
            continue
        heights = [char["size"] for char in raw["chars"]] or [raw["bottom"] - raw["top"]]
        lines.append(Line(text, raw["top"], raw["x0"], raw["x1"], statistics.median(heights)))
    for table in tables:
        for row, cells in zip(table.rows, table.extract(), strict=False):
            texts = [_join_wrapped(cell.split("\n")) for cell in cells if cell is not None]
            if any(texts):
                top = row.bbox[1] if row.bbox else table.bbox[1]
                lines.append(Line("\t".join(texts), top, table.bbox[0], table.bbox[2], 0.0, row=True))
    return sorted(lines, key=lambda line: line.top)


def _drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove page numbers and lines repeated at the top or bottom of most pages."""

    def edges(lines: list[Line]) -> list[Line]:
        return lines[:EDGE_LINES] + lines[-EDGE_LINES:] if len(lines) > EDGE_LINES else lines

    running = running_keys([[line.text for line in edges(lines) if not line.row] for lines in pages])
    kept = []
    for lines in pages:
        edge = {id(line) for line in edges(lines)}
        kept.append(
            [
                line
                for line in lines
                if line.row
                or id(line) not in edge
                or not (_PAGE_NUMBER_RE.match(line.text) or running_key(line.text) in running)
            ]
        )
    return kept


def _assemble(pages: list[list[Line]]) -> tuple[str, list[int]]:
    """Join the pages' lines into paragraphs; return the text and each page's start offset."""
    body = [line for lines in pages for line in lines if not line.row]
    if body:
        left = _percentile([line.x0 for line in body], 0.1)
        right = _percentile([line.x1 for line in body], 0.9)
    else:
        left = right = 0.0
    parts: list[str] = []
    length = 0
    page_starts: list[int] = []
    previous: Line | None = None
    for lines in pages:
        page_starts.append(length)
        for index, line in enumerate(lines):
            if previous is not None and _continues(previous, line, left, right):
                joiner = _joiner(parts[-1], line.text)
            else:
                joiner = "\n" if parts else ""
            if index == 0:
                page_starts[-1] = length + len(joiner)
            parts.append(joiner + line.text)
            length += len(joiner) + len(line.text)
            previous = line
    return "".join(parts), page_starts


def _continues(previous: Line, line: Line, left: float, right: float) -> bool:
    """True when ``line`` carries on the paragraph of ``previous`` (a wrapped line, or a page break)."""
    if previous.row or line.row:
        return False
    size = previous.size or 10.0
    # A line wrapped before a Latin word or a number stops short of the margin by that word's width.
    word = _LEADING_WORD_RE.match(line.text)
    slack = 1.5 * size + (0.6 * size * len(word.group(0)) if word else 0.0)
    full = previous.x1 >= right - slack
    indented = line.x0 > left + 0.8 * size
    starts_item = previous.text.endswith(tuple(_TERMINAL)) and _LIST_START_RE.match(line.text) is not None
    # A heading set in larger type that happens to span the whole width (a long title at the top of a page,
    # after a paragraph that ran to the margin) is no wrapped line of the paragraph before it.
    resized = previous.size > 0 and line.size > 0 and abs(line.size - previous.size) > 0.15 * previous.size
    # A finished sentence, then a line that does not start at the margin (a long centred heading in body type):
    # a wrapped line starts exactly at the margin, whatever its first character.
    centred = previous.text.endswith(tuple(_TERMINAL)) and line.x0 > left + 0.25 * size
    return full and not indented and not starts_item and not resized and not centred


def _joiner(before: str, after: str) -> str:
    """Nothing between CJK text (a line break there is only layout); a space between Latin words."""
    if not before or not after or _CJK_RE.match(before[-1]) or _CJK_RE.match(after[0]) or before.endswith("-"):
        return ""
    return " "


def _join_wrapped(parts: list[str]) -> str:
    text = ""
    for part in (p.strip() for p in parts):
        if part:
            text += _joiner(text, part) + part
    return text


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


READERS[".pdf"] = read_pdf
