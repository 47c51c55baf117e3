"""A web feed (RSS 2.0, RSS 1.0 / RDF, Atom) or a data export written as XML, read as the text of its items.

A bureau's website column is also published as a feed, and a feed saved as text is what some collections arrive as:
XML with each case an ``<item>`` (or ``<entry>``) whose title is the case's heading and whose description holds the
case's paragraphs as HTML, in CDATA or escaped (``&lt;p&gt;``). A data platform exports its records the same way,
one element per record (``<record><案例名称>…</案例名称>…</record>``, ``<row><title>…</title><dept>…</dept>…``). Read
as plain text the tags and the markup bury the words and no case heading stands on a line of its own, so the file is
written out as what it says: the words before its first item (the channel's title and description), then per item or
record, after a rule line (as a bulletin parts its items), its title on its own line, its author, unit and date on
labelled lines (``作者：``, ``来源单位：``, ``发布时间：``), its other fields as ``name：value`` lines (a field named in
Chinese reads as a form's field), and its text's paragraphs one a line. Which element holds what is read from
data/lexicon/export_fields.yaml by local names, so any namespace (Atom's, ``dc:creator``, ``content:encoded``)
serves. A file that holds no feed item and no two records is read as plain text, whatever its name.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import cache
from pathlib import Path

import lxml.etree
import lxml.html

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.model import Document
from ftzgraph.graph.sources.read import READERS, decode_text_lenient, make_document, normalise_newlines, read_text

ITEM_RULE = "—" * 12
"""The line parting two items: a rule, as a bulletin parts its items (graph/extract/_split_separators.py reads it)."""
_XML_START_RE = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?P<root>(?:[\w-]+:)?[\w\u4e00-\u9fff-]+)", re.S
)
_FEED_ROOTS = ("rss", "feed", "RDF")
_SPACE_RE = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "blockquote"})


@cache
def _fields() -> dict[str, tuple[str, ...]]:
    """The element names of data/lexicon/export_fields.yaml, by what their field holds."""
    return {key: tuple(w.lower() for w in words) for key, words in load_lexicon("export_fields").items()}


def is_feed(text: str) -> bool:
    """True when ``text`` opens as a feed's XML (``<rss``, ``<feed``, ``<rdf:RDF``, after an XML declaration)."""
    found = _XML_START_RE.match(text[:4096])
    return found is not None and found["root"].rpartition(":")[2] in _FEED_ROOTS


def read_feed(path: Path, data: bytes) -> Document:
    """A feed's items, or an XML export's records, as text (see the module docstring); other text as plain text."""
    text, encoding, warnings = decode_text_lenient(data, path)
    text = normalise_newlines(text)
    lines = feed_lines(text)
    if lines is None:
        return read_text(path, data)
    fmt = "application/rss+xml" if is_feed(text) else "application/xml"
    document = make_document(path, "\n".join(lines) + "\n", data, encoding=encoding, fmt=fmt)
    document.warnings.extend(warnings)
    return document


def feed_lines(text: str) -> list[str] | None:
    """The lines a feed or an XML export is read as, or None when ``text`` is no XML holding items or records."""
    if _XML_START_RE.match(text[:4096]) is None:
        return None
    parser = lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True, strip_cdata=True)
    try:
        root = lxml.etree.fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", text).encode("utf-8"), parser)
    except lxml.etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    if _local(root) in _FEED_ROOTS:
        items = [element for element in root.iter() if _local(element).lower() in _fields()["item_tags"]]
    else:
        items = _records(root)
    if not items or (len(items) < 2 and _local(root) not in _FEED_ROOTS):
        return None
    lines = []  # the head: the feed's or the export's own words before its first item (its title, description)
    for element in root.iter():
        if element is items[0]:
            break
        if _is_leaf(element) and _local(element) != "link" and _CJK_RE.search(text := _text(element)):
            lines.append(text)
    for item in items:
        lines.extend(["", ITEM_RULE, *_item_lines(item)])
    return lines


def _records(root: lxml.etree._Element) -> list[lxml.etree._Element]:
    """The records of an XML export: the largest run of sibling elements of one name, each holding two or more fields
    (elements of their own) and Chinese text; [] when no two such siblings stand anywhere."""
    best: list[lxml.etree._Element] = []
    for parent in root.iter():
        groups: dict[str, list[lxml.etree._Element]] = {}
        for child in parent:
            if isinstance(child.tag, str) and len(child) >= 2 and _CJK_RE.search(_text(child)):
                groups.setdefault(_local(child), []).append(child)
        for group in groups.values():
            if len(group) >= 2 and len(group) > len(best):
                best = group
    return best


def _item_lines(item: lxml.etree._Element) -> list[str]:
    """One item or record: its title, its author, unit and date lines, then its other fields in order, its text's
    paragraphs where the text stands (the fullest of its text fields only, so a teaser is not read twice)."""
    fields = _fields()
    children = [child for child in item if isinstance(child.tag, str) and _text(child)]
    named = {_local(child).lower(): child for child in reversed(children)}  # each name's first element
    title = next((named[tag] for tag in fields["title_tags"] if tag in named), None)
    body = next((named[tag] for tag in fields["body_tags"] if tag in named), None)
    author = next((named[tag] for tag in fields["author_tags"] if tag in named), None)
    date = next((named[tag] for tag in fields["date_tags"] if tag in named), None)
    unit = next((named[tag] for tag in fields["unit_tags"] if tag in named), None)
    lines = [_text(title)] if title is not None else []
    lines += [f"作者：{_text(author)}"] if author is not None else []
    lines += [f"来源单位：{_text(unit)}"] if unit is not None else []
    lines += [f"发布时间：{_date(_text(date))}"] if date is not None else []
    for child in children:
        name = _local(child)
        if child in (title, author, unit, date) or (name.lower() in fields["body_tags"] and child is not body):
            continue
        if child is body:
            lines.extend(_paragraphs(child))
        elif _CJK_RE.search(name) or _CJK_RE.search(_text(child)):  # 案例名称：X, as a form writes its fields
            lines.append(f"{name}：{_text(child)}" if _is_leaf(child) else _text(child))
    return [line for line in lines if line]


def _is_leaf(element: lxml.etree._Element) -> bool:
    return isinstance(element.tag, str) and len(element) == 0


def _local(element: lxml.etree._Element) -> str:
    tag = element.tag
    return lxml.etree.QName(tag).localname if isinstance(tag, str) else ""


def _text(element: lxml.etree._Element) -> str:
    """An element's text on one line: its own words and its children's (Atom's <author><name>)."""
    return _SPACE_RE.sub(" ", " ".join("".join(element.itertext()).split())).strip()


def _date(text: str) -> str:
    """A feed's date (RFC 822 in RSS, ISO 8601 in Atom) as 2024-12-12 08:30; as written when neither parses."""
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return text
    return moment.strftime("%Y-%m-%d %H:%M" if ":" in text else "%Y-%m-%d")


def _paragraphs(element: lxml.etree._Element) -> list[str]:
    """The paragraphs of an item's text, which is HTML (CDATA or escaped) or plain words: one line per block."""
    markup = "".join(element.itertext()) if len(element) == 0 else lxml.etree.tostring(element, encoding="unicode")
    if "<" not in markup:
        return [line for line in (_SPACE_RE.sub(" ", part).strip() for part in markup.splitlines()) if line]
    fragment = lxml.html.fragment_fromstring(markup, create_parent="div")
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = _SPACE_RE.sub(" ", "".join(buffer)).replace("\n", " ").strip()
        buffer.clear()
        if line:
            lines.append(line)

    def walk(node: lxml.html.HtmlElement) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in ("script", "style"):
            return
        if tag in _BLOCK_TAGS:
            flush()
        buffer.append(node.text or "")
        for child in node:
            walk(child)
            buffer.append(child.tail or "")
        if tag in _BLOCK_TAGS:
            flush()

    walk(fragment)
    flush()
    return lines


for _suffix in (".xml", ".rss", ".atom"):
    READERS[_suffix] = read_feed
