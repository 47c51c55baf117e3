"""A web feed (RSS 2.0, RSS 1.0 / RDF, Atom) read as the text of its items: one block per item, its title first.

A bureau's website column is also published as a feed, and a feed saved as text is what some collections arrive as:
XML with each case an ``<item>`` (or ``<entry>``) whose title is the case's heading and whose description holds the
case's paragraphs as HTML, in CDATA or escaped (``&lt;p&gt;``). Read as plain text the tags and the markup bury the
words and no case heading stands on a line of its own, so the feed is written out as what it says: the channel's title
and description, then per item its title on its own line, its author and date on labelled lines (``作者：…``,
``发布时间：…``: the feed's own fields, no case text), and the description's paragraphs, each on a line; items are
parted by a rule line, as a bulletin's items are. Tags are read by their local names, so any namespace (Atom's, Dublin
Core's ``dc:creator``, ``content:encoded``) serves. A file that is no feed with items is read as plain text, whatever
its name.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import lxml.etree
import lxml.html

from ftzgraph.graph.model import Document
from ftzgraph.graph.sources.read import READERS, decode_text_lenient, make_document, normalise_newlines, read_text

ITEM_TAGS = ("item", "entry")
"""An RSS item or an Atom entry: one published piece, one case of a column's feed."""
TITLE_TAGS = ("title",)
BODY_TAGS = ("encoded", "content", "description", "summary")
"""Where an item's text stands, fullest first: RSS's content:encoded, Atom's content, then the shorter description or
summary (read only when no fuller one is given, so a teaser is not read twice)."""
DATE_TAGS = ("pubDate", "published", "date", "updated", "issued", "modified")
AUTHOR_TAGS = ("author", "creator", "publisher")
ITEM_RULE = "—" * 12
"""The line parting two items: a rule, as a bulletin parts its items (graph/extract/_split_separators.py reads it)."""
_FEED_START_RE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:[\w-]+:)?(?:rss|feed|RDF)\b", re.S)
_SPACE_RE = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "blockquote"})


def is_feed(text: str) -> bool:
    """True when ``text`` opens as a feed's XML (``<rss``, ``<feed``, ``<rdf:RDF``, after an XML declaration)."""
    return _FEED_START_RE.match(text[:4096]) is not None


def read_feed(path: Path, data: bytes) -> Document:
    """A feed's items as text (see the module docstring); any other XML or text as plain text."""
    text, encoding, warnings = decode_text_lenient(data, path)
    lines = feed_lines(normalise_newlines(text))
    if lines is None:
        return read_text(path, data)
    document = make_document(path, "\n".join(lines) + "\n", data, encoding=encoding, fmt="application/rss+xml")
    document.warnings.extend(warnings)
    return document


def feed_lines(text: str) -> list[str] | None:
    """The lines a feed is read as, or None when ``text`` is no feed with items."""
    if not is_feed(text):
        return None
    parser = lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True, strip_cdata=True)
    try:
        root = lxml.etree.fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", text).encode("utf-8"), parser)
    except lxml.etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    items = [element for element in root.iter() if _local(element) in ITEM_TAGS]
    if not items:
        return None
    channel = items[0].getparent()
    head = (
        []
        if channel is None
        else [_text(child) for child in channel if _local(child) in ("title", "description", "subtitle")]
    )
    lines = [line for line in head if line]
    for item in items:
        lines.extend(["", ITEM_RULE, *_item_lines(item)])
    return lines


def _item_lines(item: lxml.etree._Element) -> list[str]:
    """One item: its title, its author and date lines, its text's paragraphs."""
    fields: dict[str, lxml.etree._Element] = {}
    for child in item:
        fields.setdefault(_local(child), child)
    title = next((_text(fields[tag]) for tag in TITLE_TAGS if tag in fields), "")
    date = next((_date(_text(fields[tag])) for tag in DATE_TAGS if tag in fields and _text(fields[tag])), "")
    author = next((_text(fields[tag]) for tag in AUTHOR_TAGS if tag in fields and _text(fields[tag])), "")
    body = next((fields[tag] for tag in BODY_TAGS if tag in fields and _text(fields[tag])), None)
    credits = (f"作者：{author}" if author else "", f"发布时间：{date}" if date else "")
    return [line for line in (title, *credits, *(_paragraphs(body) if body is not None else [])) if line]


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
    return moment.strftime("%Y-%m-%d %H:%M")


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
