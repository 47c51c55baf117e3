"""Page furniture of text copied out of a PDF: page numbers (``— 3 —``, ``- 3 -``, ``第3页``) and the running
header repeated after each of them; a bare number alone on its line (``3``) counts as a page number only beside a
running header, since a bare number may as well be a case's marker or a table's cell. Masked with spaces of the
same length so offsets stay true to the file.

Sentences, quoted phrases and even numbers run across these lines in such text; once they are blank, the line
joiner (graph/text.py) mends the sentence as it mends any page break.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

_SP = r"[ \t\u3000]*"
_N = r"[0-9０-９]{1,4}"
PAGE_NUMBER_RE = re.compile(
    rf"^{_SP}(?:[—–\-－]{{1,2}}{_SP}{_N}{_SP}[—–\-－]{{1,2}}|[·•]{_SP}{_N}{_SP}[·•]"
    rf"|第{_SP}{_N}{_SP}页(?:{_SP}/?{_SP}共{_SP}{_N}{_SP}页)?){_SP}$"
)
"""A line that is only a page number (— 3 —, - 3 -, · 3 ·, 第3页)."""
MIN_PAGES = 2
"""A header counts as running only when it follows at least this many page numbers."""
MAX_HEADER_CHARS = 40
BARE_NUMBER_RE = re.compile(rf"^{_SP}[1-9][0-9]{{0,3}}{_SP}$")
"""A line that is only a number with no leading zero: a page number when a running header stands beside it (a
zero-padded 01 is a booklet's case marker, never a page)."""


def _lines(text: str) -> list[tuple[int, int]]:
    spans, offset = [], 0
    for raw in text.split("\n"):
        spans.append((offset, offset + len(raw)))
        offset += len(raw) + 1
    return spans


def mask_page_furniture(text: str) -> str | None:
    """``text`` with page-number lines and the running header after them blanked; None when it has none."""
    spans = _lines(text)
    numbers = [i for i, (s, e) in enumerate(spans) if PAGE_NUMBER_RE.match(text[s:e])]
    numbers = sorted([*numbers, *_bare_page_numbers(text, spans)])
    if len(numbers) < MIN_PAGES:
        return None
    blank = set(numbers)
    following: Counter[str] = Counter()
    after: dict[int, str] = {}
    for i in numbers:
        j = i + 1
        while j < len(spans) and not text[spans[j][0] : spans[j][1]].strip():
            j += 1
        if j < len(spans):
            line = text[spans[j][0] : spans[j][1]].strip()
            if 0 < len(line) <= MAX_HEADER_CHARS:
                following[line] += 1
                after[j] = line
    headers = {line for line, count in following.items() if count >= MIN_PAGES}
    blank.update(j for j, line in after.items() if line in headers)
    chars = list(text)
    for i in blank:
        start, end = spans[i]
        for k in range(start, end):
            chars[k] = " "
    return "".join(chars)


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
