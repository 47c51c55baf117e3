"""Read a source file into a ``Document``: detect its format and encoding, normalise newlines.

Readers are looked up by file extension in ``READERS``; each turns bytes into text plus positions.
Plain text and Markdown are read here; other formats register their reader in the same table.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from ftzgraph.graph.errors import DocumentError
from ftzgraph.graph.model import Document
from ftzgraph.graph.sources.metadata import read_metadata

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Source documents of this genre are well under 5 MB; anything over this is refused unread."""

TEXT_ENCODINGS = ("utf-8", "gb18030", "big5", "utf-16")

Reader = Callable[[Path, bytes], Document]


def decode_text(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode bytes of Chinese text; returns (text, encoding). BOMs decide first, then strict trials.

    GB18030 decodes almost any byte string, so a result is accepted only if it looks like text:
    mostly CJK, ASCII and punctuation, with no control characters.
    """
    if not data:
        raise DocumentError(path, "the file is empty")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if _looks_like_utf16(data):
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible(text):
                return text, encoding
    for encoding in TEXT_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, encoding
    raise DocumentError(
        path,
        "not readable as text in UTF-8, GB18030/GBK, Big5 or UTF-16 (is it a binary file?)",
        "convert it to UTF-8, or give a supported format (.txt, .md, .html, .docx, .pdf)",
    )


MAX_REPLACED_BYTES = 16
"""A file with up to this many undecodable bytes (and no more than one per 500 characters) is read with
each bad byte replaced by U+FFFD and a warning naming its lines, instead of being refused whole: a few
damaged bytes (an editor's bad save, a truncated copy) must not cost a document's cases."""
LENIENT_ENCODINGS = ("utf-8", "gb18030", "big5")


def decode_text_lenient(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str, list[str]]:
    """``decode_text``, then, for a file that fails only on a few bytes, the encoding that needs the fewest
    replacements; returns (text, encoding, warnings naming the lines where bytes were replaced)."""
    try:
        text, encoding = decode_text(data, path)
        return text, encoding, []
    except DocumentError:
        if not data:
            raise
        failure = sys.exc_info()[1]
    trials = []
    for encoding in LENIENT_ENCODINGS:
        text = data.decode(encoding, errors="replace")
        trials.append((text.count("\ufffd"), encoding, text))
    replaced, encoding, text = min(trials)
    if replaced > min(MAX_REPLACED_BYTES, max(1, len(text) // 500)) or not _plausible(text.replace("\ufffd", "")):
        assert failure is not None
        raise failure
    text = normalise_newlines(text)
    lines = sorted({text.count("\n", 0, i) + 1 for i, char in enumerate(text) if char == "\ufffd"})
    warning = (
        f"{path}: {replaced} byte(s) not valid {encoding} were replaced by U+FFFD, on line(s) "
        f"{', '.join(map(str, lines))}; check those lines against the source"
    )
    return text, encoding, [warning]


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:4000]
    zeros = sample.count(0)
    return len(sample) >= 4 and zeros > len(sample) // 8


def _plausible(text: str) -> bool:
    """True when ``text`` is mostly letters, CJK, digits, punctuation and whitespace."""
    sample = text[:20000]
    if not sample.strip():
        return False
    bad = 0
    for char, count in Counter(sample).items():  # each distinct character looked up once, not each occurrence
        category = unicodedata.category(char)
        if char in "\n\r\t\f\v":
            continue
        if category in ("Cc", "Co", "Cs", "Cn") or char == "\ufffd":
            bad += count
    return bad <= max(1, len(sample) // 1000)


def normalise_newlines(text: str) -> str:
    """One newline convention (\\n) and no BOM, so offsets mean the same in every reader."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def read_text(path: Path, data: bytes) -> Document:
    text, encoding, warnings = decode_text_lenient(data, path)
    fmt = "text/markdown" if path.suffix.lower() in (".md", ".markdown") else "text/plain"
    document = make_document(path, normalise_newlines(text), data, encoding=encoding, fmt=fmt)
    document.warnings.extend(warnings)
    return document


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".text": read_text,
    ".csv": read_text,  # a spreadsheet saved as CSV or TSV: its records are read by the splitter (_split_csv.py)
    ".tsv": read_text,
}


def make_document(
    path: Path,
    text: str,
    data: bytes,
    *,
    encoding: str,
    fmt: str,
    doc_number: str | None = None,
    date: str | None = None,
) -> Document:
    """A ``Document`` with its metadata (文号, issuer, title; the reader's own where it found them) and a
    content-derived id."""

    document = Document(
        id="",
        path=path,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        format=fmt,
        doc_number=doc_number,
        date=date,
    )
    read_metadata(document)
    return document


def read_document(path: Path | str) -> Document:
    """Read one source file. Raises ``DocumentError`` naming the file on anything unreadable."""
    path = Path(path)
    if not path.is_file():
        raise DocumentError(path, "no such file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DocumentError(
            path,
            f"the file is {size / 1024 / 1024:.0f} MB, over the {MAX_FILE_BYTES // 1024 // 1024} MB limit "
            "for a source document",
            "split it, or check that it is the right file",
        )
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise DocumentError(path, f"unknown file type '{path.suffix or '(none)'}'", f"supported: {known}")
    data = path.read_bytes()
    has_bom = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if b"\x00" in data[:4096] and not has_bom and not _looks_like_utf16(data) and reader is read_text:
        raise DocumentError(path, "binary content (NUL bytes) in a text file")
    if reader is read_text:
        reader = _sniffed_reader(data) or reader
    return reader(path, data)


_HTML_START_RE = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|body|div|table|section|article|p|h[1-6])\b",
    re.I | re.S,
)
"""A web page's source, or a fragment of one an editor saved (<div class="TRS_Editor">…, <table>…)."""
_XML_START_RE = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>|(?:<!--.*?-->\s*)*<(?:[\w-]+:)?(?:rss|feed|RDF)\b)", re.S
)
"""An XML file (its declaration) or a feed (<rss, <feed, <rdf:RDF); a web page's XHTML is sniffed as a page first."""
_TIMING_BYTES_RE = re.compile(rb"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->")


def _sniffed_reader(data: bytes) -> Reader | None:
    """The reader a text file's content asks for whatever its name: a web page's source saved as .txt opens with
    <!DOCTYPE html> or <html> (a fragment with its first block tag), a feed's with <rss or <feed, an XML export's
    with <?xml, and a subtitle file renamed .txt has cue timings (00:00:03,400 --> …) at its top. Read as plain text,
    their markup or timings would bury the words."""
    head = data[:4096]
    if _HTML_START_RE.match(head):
        return READERS[".html"]
    if _XML_START_RE.match(head):  # a feed or an XML export saved as text (graph/sources/feed.py)
        return READERS[".xml"]
    opening = [line for line in data[:2000].split(b"\n") if line.strip()][:4]
    if any(_TIMING_BYTES_RE.match(line) for line in opening):  # the subtitle reader's own test (its first cues)
        return READERS[".srt"]
    return None


def _on_first_use(module: str, function: str) -> Reader:
    """A reader that imports its module when a file of its kind is first read: pdfplumber and python-docx
    take a tenth of a second to import, which a build of text files need not pay. The module then puts its
    own reader in ``READERS``."""

    def read(path: Path, data: bytes) -> Document:
        import importlib

        reader: Reader = getattr(importlib.import_module(f"ftzgraph.graph.{module}"), function)
        return reader(path, data)

    return read


READERS.update(
    {
        ".docx": _on_first_use("sources.docx", "read_docx"),
        ".pdf": _on_first_use("sources.pdf", "read_pdf"),
        ".html": _on_first_use("sources.html", "read_html"),
        ".htm": _on_first_use("sources.html", "read_html"),
        ".srt": _on_first_use("sources.subtitles", "read_subtitles"),
        ".vtt": _on_first_use("sources.subtitles", "read_subtitles"),
        ".json": _on_first_use("sources.json_data", "read_json"),
        ".jsonl": _on_first_use("sources.json_data", "read_json"),
        ".ndjson": _on_first_use("sources.json_data", "read_json"),
        ".xml": _on_first_use("sources.feed", "read_feed"),
        ".rss": _on_first_use("sources.feed", "read_feed"),
        ".atom": _on_first_use("sources.feed", "read_feed"),
    }
)
