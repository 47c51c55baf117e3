"""Hard wraps of text copied out of a PDF booklet: every paragraph broken at one fixed width, so that names and
figures run across lines (青 / 岛海关, 2025 / 年, 4.5 / 天).

The width is the document's own: the line length most of its long lines share (counted in characters, or in
display width where half-width digits and letters count one and Chinese two, whichever more lines agree on). A
line that fills that width and does not end a sentence continues on the next line; headings, short lines, list
items and table rows fill no width and stay lines. Each such break (its newline, and any page furniture that
graph/sources/page_furniture.py blanked between the two halves) is replaced in the matching copy by ``WRAP_MARK``
characters of the same length, so offsets stay true to the file: the splitter then sees one line a paragraph, as
in a document that was never wrapped, and the extractors' readings (graph/text.py ``join_broken_lines``,
``clean_spans``) leave the marks out, so 国家税务总局南京市 / 税务局 reads as the one body it names.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

from ftzgraph.graph.text import WRAP_MARK

MIN_WRAPPED_LINES = 4
"""A width is a wrap width only when at least this many lines fill it."""
MIN_SHARE = 0.4
"""…and when they are at least this share of the lines longer than half of it (a paragraph's last line is shorter)."""
MIN_WIDTH_CHARS = 20
"""A shorter common length is a list's or a table's, not a page's measure."""
TOLERANCE = (1, 3)
"""How far short of the width a line may stop and still fill it, in characters and in columns: a PDF pushes a
character down so that no line opens with punctuation."""
SENTENCE_ENDS = "。！？；：!?;:"
CLOSERS = "”’」』）)"


_HEADING_RE = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|[0-9０-９]{1,2}\s*[．.、](?![0-9]))"
)
"""一、X, （一）X, 1．X: a heading or a list item, whatever its length."""


@functools.lru_cache(maxsize=65536)
def _char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _measure(line: str, unit: int) -> int:
    """The length of ``line`` in characters (unit 0) or in display width (unit 1, a wide character counts two)."""
    return sum(map(_char_width, line)) if unit else len(line)


def _wrap_width(lines: list[str]) -> tuple[int, int] | None:
    """(unit, width) of the text's wrap: unit 0 counts characters, 1 display width; None when it is not wrapped."""
    best: tuple[int, int, int] | None = None  # (support, unit, width)
    kept = [line.rstrip() for line in lines if line.strip() and not _is_row(line) and not _HEADING_RE.match(line)]
    runs_on = [not _ends_sentence(line) for line in kept]  # only lines that run on count for a wrap width
    for unit, tolerance in enumerate(TOLERANCE):
        sizes = [_measure(line, unit) for line in kept]
        counts = Counter(sizes)
        for width, _ in counts.most_common(8):
            if width < MIN_WIDTH_CHARS * (unit + 1):
                continue
            support = sum(
                1 for size, runs in zip(sizes, runs_on, strict=True) if runs and width - tolerance <= size <= width
            )
            longer = sum(1 for size in sizes if size > width // 2)
            wider = sum(1 for size in sizes if size > width)
            wraps = support >= MIN_WRAPPED_LINES and support >= MIN_SHARE * longer and wider <= support // 2
            if wraps and (best is None or support > best[0]):
                best = (support, unit, width)
    return (best[1], best[2]) if best else None


def _ends_sentence(line: str) -> bool:
    line = line.rstrip()
    if line and line[-1] in CLOSERS:
        line = line[:-1]
    return not line or line[-1] in SENTENCE_ENDS


MAX_INDENT = 4
"""A paragraph's first line is indented by two characters at most; a line set in further is a table's cell."""


_CONTENTS_RE = re.compile(r"(?:[.．·…—_\-][ \t]*){3,}[0-9０-９]+\s*$")
"""A contents line: its leaders set to one width over a page number, a width no paragraph shares."""


_TABLE_STROKES = "|｜│┃║┆┊├┌└┣┏┗╠╔╚╞╟"
"""What a table's line opens with, drawn as Markdown or with box-drawing characters (│ cells, ├──┼──┤ borders)."""


def _is_row(line: str) -> bool:
    """A table row or cell (tabs, a Markdown bar, columns set apart by runs of spaces, a deep indent) or a contents
    line: lines of one width that do not run on."""
    stripped = line.strip()
    indent = len(line) - len(line.lstrip())
    return (
        "\t" in stripped
        or stripped[:1] in _TABLE_STROKES
        or "   " in stripped
        or indent > MAX_INDENT
        or bool(_CONTENTS_RE.search(stripped))
    )


def mark_wraps(text: str) -> str | None:
    """``text`` with each hard wrap replaced by ``WRAP_MARK`` characters of its length; None when it has none."""
    lines = text.split("\n")
    found = _wrap_width(lines)
    if found is None:
        return None
    unit, width = found
    tolerance = TOLERANCE[unit]
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    chars = list(text)
    marked = False
    for i, line in enumerate(lines[:-1]):
        body = line.rstrip()
        if _measure(body, unit) < width - tolerance or _ends_sentence(body) or _is_row(body):
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if all(not lines[k] for k in range(i + 1, j)) and j > i + 1:
            continue  # only empty lines between: a paragraph's end; a page break leaves its blanked furniture there
        if j >= len(lines) or _is_row(lines[j]) or lines[j].lstrip().startswith("#"):
            continue
        following = lines[j]
        lead = len(following) - len(following.lstrip())
        for k in range(starts[i] + len(body), starts[j] + lead):
            chars[k] = WRAP_MARK
        marked = True
    return "".join(chars) if marked else None
