"""Read a web page saved from a government site: the article body as lines, page furniture dropped.

Pages of this genre wrap the notice in navigation, breadcrumbs, share and print buttons, sidebars and
footers. The rules here are general web patterns (landmark tags, common class/id words, fixed UI
phrases, all listed in ``data/lexicon/html_boilerplate.yaml``) plus a content-density fallback: the
article is the smallest element that still holds most of the page's non-link text. Headings and
paragraphs become lines; a data table becomes one tab-separated line per row, so a summary table
(序号/案例名称/提供单位) reads exactly like the text version of the document.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import lxml.etree
import lxml.html

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.errors import DocumentError
from ftzgraph.graph.model import Document
from ftzgraph.graph.sources.read import READERS, decode_text, make_document, normalise_newlines
from ftzgraph.graph.sources.web_furniture import interface_line
from ftzgraph.graph.text import normalise_doc_number

MIN_ARTICLE_CHARS = 20
"""An article has at least this many letters outside links; fewer means the page holds only furniture."""

ARTICLE_SHARE = 0.7
"""The article is the deepest element holding at least this share of the page's non-link letters."""

BLOCK_TAGS = frozenset(
    {
        *("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl"),
        *("dt", "dd", "blockquote", "pre", "center", "address", "figure", "figcaption", "hr", "header", "body"),
        *("html", "caption", "tr", "td", "th", "tbody", "thead", "tfoot"),
    }
)
HEADING_TAGS = ("h1", "h2", "h3")
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HIDDEN_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE_RE = re.compile(r"[ \t\n\r\f\v\u00a0\u3000\u2002\u2003\u2009\u200b]+")
_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?")
_SEPARATORS_RE = re.compile(r"[\s|｜/\\·•:：【】\[\]()（）<>《》»«>\-—_,，、]+")
_NEVER_TEXT = frozenset(("script", "style", "noscript", "template", "head", "title"))
_ENCODING_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}


@dataclass(frozen=True)
class Boilerplate:
    """The name lists of ``html_boilerplate.yaml``, compiled."""

    drop_tags: frozenset[str]
    drop_outside_article_tags: frozenset[str]
    drop_roles: frozenset[str]
    drop_class: re.Pattern[str]
    date_label: re.Pattern[str]
    doc_number_label: re.Pattern[str]
    date_meta_names: frozenset[str]
    doc_number_meta_names: frozenset[str]


@lru_cache(maxsize=1)
def load_boilerplate() -> Boilerplate:
    """Load the lexicon once; it ships inside the ``ftzgraph.data`` package."""
    raw = load_lexicon("html_boilerplate")
    labels = "|".join(sorted(map(re.escape, raw["date_labels"]), key=len, reverse=True))
    number_labels = "|".join(sorted(map(re.escape, raw["doc_number_labels"]), key=len, reverse=True))
    return Boilerplate(
        drop_tags=frozenset(raw["drop_tags"]),
        drop_outside_article_tags=frozenset(raw["drop_outside_article_tags"]),
        drop_roles=frozenset(raw["drop_roles"]),
        drop_class=re.compile("|".join(f"(?:{p})" for p in raw["drop_class_patterns"]), re.IGNORECASE),
        date_label=re.compile(rf"(?:{labels})\s*[:：]\s*"),
        doc_number_label=re.compile(rf"(?:{number_labels})\s*[:：]\s*(\S[^\n]{{0,40}})"),
        date_meta_names=frozenset(n.lower() for n in raw["date_meta_names"]),
        doc_number_meta_names=frozenset(n.lower() for n in raw["doc_number_meta_names"]),
    )


def decode_html(data: bytes, path: Path) -> tuple[str, str]:
    """Decode by BOM, then by the page's declared charset, then by detection (``decode_text``).

    A declared charset is trusted only if the bytes decode under it: saved pages are often re-encoded
    by the browser without fixing the <meta> tag.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, path)
    match = _CHARSET_RE.search(data[:8192])
    if match:
        declared = match.group(1).decode("ascii").lower()
        encoding = _ENCODING_ALIASES.get(declared, declared)
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, path)


def read_html(path: Path, data: bytes) -> Document:
    """Read a saved web page into a ``Document`` holding the article's lines."""
    text, encoding = decode_html(data, path)
    rules = load_boilerplate()
    try:
        root = lxml.html.document_fromstring(_XML_DECL_RE.sub("", text, count=1))
    except (lxml.etree.ParserError, ValueError) as error:
        raise DocumentError(path, f"not a readable HTML page ({error})") from error
    date, doc_number = _page_metadata(root, rules)
    _drop_furniture(root, rules)
    article = _find_article(root)
    if article is None:
        raise DocumentError(
            path,
            "no article text in the page (empty body, or only navigation and links)",
            "save the page that shows the notice itself, or its attachment",
        )
    lines = _title_lines(root, article) + _render(article)
    lines = [line for line in lines if not _is_boilerplate(line)]
    text = normalise_newlines("\n".join(lines))
    return make_document(path, text, data, encoding=encoding, fmt="text/html", doc_number=doc_number, date=date)


def _page_metadata(root: lxml.html.HtmlElement, rules: Boilerplate) -> tuple[str | None, str | None]:
    """Publication date (ISO) and 文号 from <meta> tags or labelled text such as ``发布时间：2023-06-15``."""
    date = doc_number = None
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").strip().lower()
        content = meta.get("content") or ""
        if name in rules.date_meta_names and date is None:
            date = _iso_date(content)
        elif name in rules.doc_number_meta_names and doc_number is None:
            doc_number = normalise_doc_number(content)
    body = root.find("body")
    page_text = "\n".join(_render(body)) if body is not None else ""
    if date is None:
        for label in rules.date_label.finditer(page_text):
            date = _iso_date(page_text[label.end() : label.end() + 20])
            if date:
                break
    if doc_number is None:
        for label in rules.doc_number_label.finditer(page_text):
            doc_number = normalise_doc_number(label.group(1))
            if doc_number:
                break
    return date, doc_number


def _iso_date(text: str) -> str | None:
    """``2023-06-15 10:30`` / ``2023年6月15日`` -> ``2023-06-15``; ``2023年6月`` -> ``2023-06``."""
    match = _DATE_RE.match(text.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        return None
    if match[3] and 1 <= int(match[3]) <= 31:
        return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}"
    return f"{match[1]}-{int(match[2]):02d}"


def _drop_furniture(root: lxml.html.HtmlElement, rules: Boilerplate) -> None:
    """Remove comments, scripts, navigation, footers, share bars and hidden elements in place."""
    for node in list(root.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        _remove(node)
    total = _letters(root)
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        if _is_furniture(element, rules, total):
            _remove(element)


def _is_furniture(element: lxml.html.HtmlElement, rules: Boilerplate, total: int) -> bool:
    """Landmark tags, ARIA roles, hidden elements, and elements named like furniture (unless they hold the text)."""
    tag = element.tag.lower()
    if tag in rules.drop_tags or (tag in rules.drop_outside_article_tags and not _inside(element, "article")):
        return True
    if (element.get("role") or "").lower() in rules.drop_roles or _HIDDEN_RE.search(element.get("style") or ""):
        return True
    names = [*(element.get("class") or "").split(), element.get("id") or ""]
    return any(name and rules.drop_class.search(name) for name in names) and not _holds_article(element, total)


def _holds_article(element: lxml.html.HtmlElement, total: int) -> bool:
    """A wrapper named like furniture (``<div id="header-wrap">`` around everything) is kept."""
    return element.find(".//h1") is not None or _letters(element) > 0.4 * total


def _inside(element: lxml.html.HtmlElement, tag: str) -> bool:
    return any(isinstance(a.tag, str) and a.tag.lower() == tag for a in element.iterancestors())


def _remove(node: lxml.etree._Element) -> None:
    """Remove a node but keep its tail text, which belongs to the parent."""
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def _letters(element: lxml.html.HtmlElement, *, links: bool = True) -> int:
    """Letters and digits under ``element``; without ``links``, text inside <a> does not count."""
    count = 0
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        in_link = node.tag == "a" or any(a.tag == "a" for a in node.iterancestors())
        if links or not in_link:
            count += sum(ch.isalnum() for ch in node.text or "")
        tail_in_link = any(a.tag == "a" for a in node.iterancestors())
        if node is not element and (links or not tail_in_link):
            count += sum(ch.isalnum() for ch in node.tail or "")
    return count


def _find_article(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The deepest element that holds ``ARTICLE_SHARE`` of the non-link letters, or None if too few."""
    body = root.find("body")
    if body is None:
        body = root
    total = _letters(body, links=False)
    if total < MIN_ARTICLE_CHARS:
        return None
    current = body
    while True:
        best = max(
            (child for child in current if isinstance(child.tag, str)),
            key=lambda child: _letters(child, links=False),
            default=None,
        )
        if best is None or _letters(best, links=False) < ARTICLE_SHARE * total:
            return current
        current = best


def _title_lines(root: lxml.html.HtmlElement, article: lxml.html.HtmlElement) -> list[str]:
    """The page's main heading when it stands outside the article container (a common layout)."""
    for tag in HEADING_TAGS:
        for heading in root.iter(tag):
            if heading is article or article in heading.iterancestors() or heading in article.iter():
                return []
            return [line for line in _render(heading) if line]
    return []


def _render(element: lxml.html.HtmlElement) -> list[str]:
    """Lines of an element: one per block (heading, paragraph, list item), one per table row."""
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = _SPACE_RE.sub(" ", "".join(buffer)).strip()
        buffer.clear()
        if line:
            lines.append(line)

    def walk(node: lxml.html.HtmlElement) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag == "br":
            flush()
        elif tag == "table" and node.find(".//table") is None:
            flush()
            lines.extend(_table_rows(node))
        elif tag and tag not in _NEVER_TEXT:
            block = tag in BLOCK_TAGS or tag == "table"
            if block:
                flush()
            buffer.append(node.text or "")
            for child in node:
                walk(child)
                buffer.append(child.tail or "")
            if block:
                flush()

    walk(element)
    flush()
    return lines


def _table_rows(table: lxml.html.HtmlElement) -> list[str]:
    """A data table as tab-separated rows; a one-cell row (a caption, a merged note) as its own lines."""
    lines: list[str] = []
    for row in table.iter("tr"):
        cells = [cell for cell in row if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th")]
        texts = [" ".join(_render(cell)) for cell in cells]
        if not any(texts):
            continue
        if len(cells) == 1:
            lines.extend(_render(cells[0]))
        else:
            lines.append("\t".join(text.replace("\t", " ") for text in texts))
    caption = table.find("caption")
    return ([*_render(caption)] if caption is not None else []) + lines


def _is_boilerplate(line: str) -> bool:
    """True for a line made only of UI phrases (分享到 微信 微博, 【打印本页】【关闭窗口】) and separators: the
    rule a page copied as text is read by (graph/sources/web_furniture.py)."""
    if "\t" in line:
        return False
    return not _SEPARATORS_RE.sub("", line) or interface_line(line)


READERS[".html"] = read_html
READERS[".htm"] = read_html
