"""Document-level metadata read from the head of the text: 文号, issuer, title, date, id.

The id is derived from content, never from run order or the file name: the 文号 when the document
has one (so the same notice saved as .txt, .html or .pdf gets the same id), else its title, else the
content hash.
"""

from __future__ import annotations

import hashlib
import re

from ftzgraph.graph.model import Document
from ftzgraph.graph.sources.script import is_traditional, to_simplified
from ftzgraph.graph.sources.web_furniture import web_furniture_lines
from ftzgraph.graph.text import DOC_NUMBER_RE, normalise_doc_number, parse_chinese_number

HEAD_CHARS = 3000
"""Metadata sits before the first case; looking further would pick up 文号 cited by cases."""

_ISSUER_RE = re.compile(
    r"^[#\s]*(?P<issuer>[^\n\t|，。；]{4,60}?(?:办公室|委员会|人民政府|办公厅|厅|局|部|工作办公室|领导小组))\s*$", re.M
)
"""An issuer standing on its own line: a name, so no table row (cells split by tabs or |) and no sentence."""
_TITLE_RE = re.compile(
    r"^[#\s]*(?P<title>(?:[^\n，。：:“”]{2,30}?)?关于[^\n]{4,120}?的(?:通知|函|意见|批复|决定))\s*$", re.M
)
"""A title line, with the issuer in front or not (``国务院关于做好…的通知``, ``关于印发…的通知``)."""
_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_SERIES_RE = re.compile(
    r"第(?P<n>[0-9一二三四五六七八九十]+)批(?P<series>[^\n，。“”]{0,30}(?:典型案例|最佳实践案例|改革试点经验|创新实践案例|创新成果))"
)


def _without_web_furniture(head: str) -> str:
    """``head`` with a web page's furniture lines (graph/sources/web_furniture.py) blanked, offsets kept."""
    lines = head.split("\n")
    furniture = web_furniture_lines(lines)
    if not furniture:
        return head
    return "\n".join(
        line[:column] + " " * (len(line) - column) if i in furniture and (column := furniture[i]) < len(line) else line
        for i, line in enumerate(lines)
    )


def read_metadata(document: Document) -> None:
    """Fill ``document``'s 文号, issuer, title, date and id from the head of its text.

    Patterns match on a simplified copy of a traditional-script text (same offsets); the title and issuer
    are then read from the original, and the 文号 (an identifier) is kept in simplified form, so the same
    notice in either script gets the same id.
    """
    original = document.text[:HEAD_CHARS]
    head = to_simplified(original) if is_traditional(original) else original
    if document.doc_number is None:
        # A 文号 standing on its own line is the document's own; one inside a sentence is a citation.
        for candidate in DOC_NUMBER_RE.finditer(head):
            line = _line_at(head, candidate.start())
            if len(line.strip().lstrip("#").strip()) <= len(candidate.group(0)) + 2:
                match = candidate
                break
        else:
            match = None
        document.doc_number = normalise_doc_number(match.group(0)) if match else None
    if document.title is None:  # a related link's notice title (相关链接 / · 国务院关于…的通知) is the page's, no title
        match = _TITLE_RE.search(_without_web_furniture(head))
        document.title = original[match.start("title") : match.end("title")].strip() if match else None
    if document.issuer is None:
        match = _ISSUER_RE.search(head[:600])
        document.issuer = original[match.start("issuer") : match.end("issuer")].strip() if match else None
    if document.date is None:
        tail = document.text[-2000:]
        match = _DATE_RE.search(tail) or None
        if match and match.group(3):
            document.date = f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}"
    if not document.id:
        document.id = document_id(document)


def document_series(document: Document) -> tuple[str | None, int | None]:
    """The provincial series and its batch number (``第三批…典型案例`` -> ('…典型案例', 3)), if the head says."""
    match = _SERIES_RE.search(document.title or document.text[:HEAD_CHARS])
    if not match:
        return None, None
    return match["series"], parse_chinese_number(match["n"])


def document_id(document: Document) -> str:
    """A short, stable, ASCII id from the 文号, else the title (in simplified script), else the content hash."""
    basis = document.doc_number or (to_simplified(document.title) if document.title else None)
    digest = hashlib.sha256(basis.encode("utf-8")).hexdigest() if basis else document.sha256
    return "d" + digest[:12]


def _line_at(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)]
