"""Summary tables in any drawing, read as pipe rows: box-drawing characters, ASCII grids, wrapped cells.

A collection's summary table (序号 | 案例名称 | 报送单位) is often the only place its providers stand. Word
processors and web pages draw it in many ways: tab- or space-separated columns, Markdown pipes, box-drawing
characters (│ ┌──┬──┐ ├──┼──┤) saved from a plain-text export, or an ASCII grid (+----+----+). The splitter reads
rows split on pipes, tabs or runs of spaces; this module turns every other drawing into that form: a vertical
stroke becomes a pipe, a line drawn only of rules and corners is no row (like a blank line between rows), and a
row whose number cell is empty goes on the row above (a long title wrapped inside its cell).

Only drawing characters are read; nothing here names a document.
"""

from __future__ import annotations

import re

_VERTICALS = str.maketrans({"│": "|", "┃": "|", "║": "|", "┆": "|", "┊": "|"})
_RULE_RE = re.compile(r"^[\s\u3000─━═┄┈╌┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬╒╕╘╛╞╡╤╧╪+\-=:|_]+$")
"""A line drawn only of rules, corners and strokes: a border between rows, no row."""


def table_line(text: str) -> str:
    """``text`` with every vertical stroke as a pipe (│序号│ -> |序号|), or "" for a border line (├──┼──┤,
    +----+----+): the form the summary-table reader splits into cells."""
    if not text.strip() or _RULE_RE.match(text):
        return ""
    if "|" in text or any(ch in text for ch in "│┃║┆┊"):
        return text.translate(_VERTICALS)
    return text


def continued_cells(text: str) -> list[str] | None:
    """The cells of a pipe row whose first (number) cell is empty, a wrapped cell's next line (|  |续标题|  |),
    kept by column so each goes on its column of the row above; None for any other line."""
    line = table_line(text).strip()
    if not line.startswith("|"):
        return None
    cells = [cell.strip(" \t\u3000") for cell in line.strip("|").split("|")]
    if len(cells) < 2 or cells[0] or not any(cells[1:]):
        return None
    return cells
