"""Page furniture of text copied out of a PDF or a web page: page numbers (``— 3 —``, ``- 3 -``, ``第3页``), the running
headers and footers repeated at the edges of the pages, and a web page's own lines (graph/sources/web_furniture.py).
A bare number alone on its line (``3``) counts as a page number only beside a running header, since a bare number
may as well be a case's marker or a table's cell. Masked with spaces of the same length so offsets stay true to the
file.

A page's footnotes (① 案例材料由X提供) stay: they may name a case's provider. Pages are parted by page numbers
and by form feeds (a PDF converter's page break). A running line is one that
stands at the same edge of many pages, its digits aside (``title　　第 3 页``, ``第3版　要闻``): the rule
graph/sources/pdf.py applies to a PDF's own pages (``running_keys``), so the two readers agree. The first page's top
is never a running line: it is the document's cover or title.

Sentences, quoted phrases and even numbers run across these lines in such text; once they are blank, the line
joiner (graph/text.py) mends the sentence as it mends any page break.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable

from ftzgraph.graph.sources.web_furniture import web_furniture_lines

_SP = r"[ \t\u3000]*"
_N = r"[0-9０-９]{1,4}"
_PAGE = (
    rf"(?:[—–\-－]{{1,2}}{_SP}{_N}{_SP}[—–\-－]{{1,2}}|[·•]{_SP}{_N}{_SP}[·•]"
    rf"|第{_SP}{_N}{_SP}页(?:{_SP}[/,，]?{_SP}共{_SP}{_N}{_SP}页)?|{_N}{_SP}[/／]{_SP}{_N})"
)
PAGE_NUMBER_RE = re.compile(rf"^{_SP}{_PAGE}{_SP}$")
"""A line that is only a page number (— 3 —, - 3 -, · 3 ·, 第3页, 第3页 共40页, 3/40)."""
PAGE_IN_LINE_RE = re.compile(rf"[ \t\u3000]{_PAGE}{_SP}$|^{_SP}{_PAGE}[ \t\u3000]")
"""A running header or footer that carries the page number, set apart by spaces at its end or start
(title　　第 3 页，共 12 页, - 3 -　title)."""
MIN_PAGES = 2
"""A header counts as running only when it stands at the edge of at least this many pages."""
REPEAT_SHARE = 0.5
"""…and of at least this share of the pages."""
EDGE_LINES = 2
"""Lines at the top and at the bottom of a page that may be a running header or footer."""
MAX_HEADER_CHARS = 60
MIN_WORDS_BESIDE_NUMBER = 4
"""A running line with a page number in it holds at least this many other characters (第3版　要闻)."""
BARE_NUMBER_RE = re.compile(rf"^{_SP}[1-9][0-9]{{0,3}}{_SP}$")
"""A line that is only a number with no leading zero: a page number when a running header stands beside it (a
zero-padded 01 is a booklet's case marker, never a page)."""
_DIGITS_RE = re.compile(r"[0-9０-９]+")
_SPACES_RE = re.compile(r"[\s\u3000]+")


def running_key(line: str) -> str:
    """A line as a running header repeats it: without spaces, its digits one mark (第 3 页 and 第 4 页 are one)."""
    return _DIGITS_RE.sub("#", _SPACES_RE.sub("", line))


def running_keys(edges: list[Iterable[str]]) -> set[str]:
    """The keys of the lines standing at the edge of enough pages (``edges``: each page's edge lines) to run."""
    counts = Counter(key for page in edges for key in {running_key(line) for line in page})
    needed = max(MIN_PAGES, REPEAT_SHARE * len(edges))
    return {key for key, n in counts.items() if n >= needed and _may_run(key)}


def _may_run(key: str) -> bool:
    """A key short enough for a header, and when it holds a number, words enough around it to be a header's (a
    booklet's 01 or 案例1 over each case differs from page to page only by its number and runs no header)."""
    if not 0 < len(key) <= MAX_HEADER_CHARS:
        return False
    return "#" not in key or (len(key.replace("#", "")) >= MIN_WORDS_BESIDE_NUMBER and not key.startswith("#"))


def _lines(text: str) -> list[tuple[int, int]]:
    spans, offset = [], 0
    for raw in text.split("\n"):
        spans.append((offset, offset + len(raw)))
        offset += len(raw) + 1
    return spans


def mask_page_furniture(text: str) -> str | None:
    """``text`` with page-number lines, running headers and footers and a web page's furniture lines blanked; None
    when it has none."""
    spans = _lines(text)
    lines = [text[s:e] for s, e in spans]
    numbers = [i for i, line in enumerate(lines) if PAGE_NUMBER_RE.match(line)]
    numbers = sorted({*numbers, *_bare_page_numbers(text, spans), *_page_lines(lines)})
    if len(numbers) < MIN_PAGES:  # one page number alone may be a document's own line (第3页 in a reference)
        numbers = []
    blank = dict.fromkeys(numbers, 0) | web_furniture_lines(lines)  # line -> the column it is furniture from
    breaks = sorted({*numbers, *(i for i, line in enumerate(lines) if "\f" in line)})
    if breaks:
        pages = _pages(lines, set(numbers), breaks)
        blank.update(dict.fromkeys(_running_lines(lines, pages), 0))
    if not blank:
        return None
    chars = list(text)
    for i, column in blank.items():
        start, end = spans[i]
        for k in range(start + column, end):
            chars[k] = " "
    return "".join(chars)


def _page_lines(lines: list[str]) -> list[int]:
    """Running lines that carry the page number (title　　第 3 页，共 12 页): a page break even where no form feed nor
    page-number line marks it, when the line recurs (digits aside) at least ``MIN_PAGES`` times."""
    found: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if len(line) <= 2 * MAX_HEADER_CHARS and PAGE_IN_LINE_RE.search(line) and not PAGE_NUMBER_RE.match(line):
            found.setdefault(running_key(line), []).append(i)
    return [i for key, at in found.items() if len(at) >= MIN_PAGES and _may_run(key) for i in at]


def _pages(lines: list[str], numbers: set[int], breaks: list[int]) -> list[list[int]]:
    """The non-blank lines of each page, the pages parted at ``breaks`` (page numbers, lines holding a form feed)."""
    pages: list[list[int]] = []
    current: list[int] = []
    cuts = set(breaks)
    for i, line in enumerate(lines):
        if i in cuts:
            pages.append(current)
            current = []
            if i in numbers:
                continue
        if line.strip():
            current.append(i)
    pages.append(current)
    return pages


def _running_lines(lines: list[str], pages: list[list[int]]) -> set[int]:
    """The lines at the edges of the pages that repeat, digits aside, at the same edge of enough pages."""
    pages = [page for page in pages if page]  # a form feed right after a page-number line parts no page of its own
    edges = [  # the first page's top is the cover's title, even where the cover is as short as its bottom
        [i for i in page[-EDGE_LINES:] if i not in page[:EDGE_LINES]]
        if n == 0
        else page[:EDGE_LINES] + page[-EDGE_LINES:]
        for n, page in enumerate(pages)
    ]
    keys = running_keys([[lines[i] for i in edge] for edge in edges])
    at_edges = {i for edge in edges for i in edge if running_key(lines[i]) in keys}
    elsewhere = Counter(key for i, line in enumerate(lines) if i not in at_edges and (key := running_key(line)) in keys)
    # a running line stands at the pages' edges only (the cover's title aside); a section heading (取得成效) that a
    # page break left at an edge recurs inside the pages too
    return {i for i in at_edges if elsewhere[running_key(lines[i])] <= 1}


def _neighbour(text: str, spans: list[tuple[int, int]], i: int, step: int) -> int | None:
    """The index of the nearest non-blank line before (``step`` -1) or after (+1) line ``i``."""
    j = i + step
    while 0 <= j < len(spans) and not text[spans[j][0] : spans[j][1]].strip():
        j += step
    return j if 0 <= j < len(spans) else None


def _bare_page_numbers(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Lines that are a bare number beside a running header: a short line the document repeats, standing on the same
    side of such numbers at least ``MIN_PAGES`` times, the numbers beside it rising through the document as pages
    do (a table's bare numbers stand between different lines)."""
    bare = [i for i, (s, e) in enumerate(spans) if BARE_NUMBER_RE.match(text[s:e])]
    if len(bare) < MIN_PAGES:
        return []
    beside: dict[tuple[str, int], list[tuple[int, int]]] = {}  # (header, side) -> (line, number) beside it
    for i in bare:
        for step in (1, -1):
            j = _neighbour(text, spans, i, step)
            line = text[spans[j][0] : spans[j][1]].strip() if j is not None else ""
            if line and len(line) <= MAX_HEADER_CHARS and not BARE_NUMBER_RE.match(line):
                beside.setdefault((line, step), []).append((i, int(text[spans[i][0] : spans[i][1]])))
    found: set[int] = set()
    for (line, _), pages in beside.items():
        values = [value for _, value in sorted(set(pages))]
        repeated = sum(text[s:e].strip() == line for s, e in spans) >= MIN_PAGES
        if repeated and len(values) >= MIN_PAGES and all(a < b for a, b in itertools.pairwise(values)):
            found.update(i for i, _ in pages)
    return sorted(found)
