"""A document's text as lines with their offsets: the unit every splitting rule reads.

Split from graph/extract/split.py so that the splitter's helper modules (tables, fields, groups, the fallback) and
the notice reader can use lines without importing the splitter itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

BOLD_RE = re.compile(r"^(?:\*\*|__)(?P<inner>.+?)(?:\*\*|__)$")


@dataclass
class Line:
    """One line of a document's text and its offsets (``end`` excludes the newline)."""

    start: int
    end: int
    text: str

    @cached_property
    def bare(self) -> str:
        """The line without heading marks, bold or surrounding spaces (kept: the splitter asks for it often)."""
        return unbold(self.text.strip().lstrip("#").strip())


def unbold(text: str) -> str:
    """``**X**`` -> ``X``: bold marks around a whole line are layout, not title."""
    match = BOLD_RE.match(text.strip())
    return match["inner"].strip() if match else text


def text_lines(text: str) -> list[Line]:
    """The lines of ``text`` split on newlines, each with its offsets, so a rule that finds a line can cite it."""
    lines, offset = [], 0
    for raw in text.split("\n"):
        lines.append(Line(offset, offset + len(raw), raw))
        offset += len(raw) + 1
    return lines
