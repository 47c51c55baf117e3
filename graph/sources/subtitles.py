"""Subtitles (SubRip `.srt`, WebVTT `.vtt`) read as the lines a viewer sees.

A city's video about the reforms it copied is published with its subtitle file, and that file is often the only
text of it. The cue numbers and timings are the player's, not the text's: a cue's lines (wrapped to the screen's
width) become one line, and the cues follow one another, so the splitter and the extractors read the words as
they would read a transcript. Each cue stays on a line of its own: a cue is the speaker's phrase, and the mark
over a title (【案例一】) is a cue of its own.
"""

from __future__ import annotations

import re
from pathlib import Path

from ftzgraph.graph.errors import DocumentError
from ftzgraph.graph.model import Document
from ftzgraph.graph.sources.read import READERS, decode_text_lenient, make_document, normalise_newlines

TIMING_RE = re.compile(
    r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}(?:\s.*)?$"
)
"""A cue's timing line: 00:00:03,400 --> 00:00:08,100 (SubRip) or 00:03.400 --> 00:08.100 line:90% (WebVTT)."""
_CUE_NUMBER_RE = re.compile(r"^\s*\d+\s*$")
_VTT_HEADER_RE = re.compile(r"^\s*(?:WEBVTT\b.*|NOTE\b.*|STYLE\s*|REGION\s*)$")
_TAG_RE = re.compile(r"</?(?:[a-z]+(?:\.[\w.-]+)?(?:\s[^>]*)?|\d{1,2}:\d{2}[^>]*)>|\{\\[^}]*\}", re.IGNORECASE)
"""Styling inside a cue: <i>, <b>, <c.yellow>, <v Speaker>, <00:01.000> (WebVTT), {\\an8} (SubRip)."""


def looks_like_subtitles(text: str) -> bool:
    """True when ``text`` opens as a subtitle file: a timing line among its first few non-blank lines."""
    head = [line for line in text.lstrip("\ufeff").split("\n", 40)[:40] if line.strip()][:4]
    return any(TIMING_RE.match(line) for line in head)


def subtitle_lines(text: str) -> list[str]:
    """The text of each cue of ``text``, in order, its wrapped lines joined (no space between Chinese)."""
    cues: list[list[str]] = []
    current: list[str] | None = None
    for raw in text.split("\n"):
        line = raw.strip()
        if TIMING_RE.match(line):
            current = []
            cues.append(current)
        elif not line:
            current = None  # a blank line ends the cue; a cue number or a header may follow
        elif current is not None:
            current.append(_TAG_RE.sub("", line).strip())
        elif not (_CUE_NUMBER_RE.match(line) or _VTT_HEADER_RE.match(line)):
            cues.append([line])  # text outside any cue (a WebVTT NOTE's body is skipped with its header's block)
    return [_joined(parts) for parts in cues if any(parts)]


def _joined(parts: list[str]) -> str:
    """A cue's lines as one: wrapped Chinese joins directly, Latin words keep a space."""
    text = ""
    for part in filter(None, parts):
        if text and text[-1].isascii() and text[-1].isalnum() and part[0].isascii() and part[0].isalnum():
            text += " "
        text += part
    return text


def read_subtitles(path: Path, data: bytes) -> Document:
    """Read a SubRip or WebVTT file into a ``Document`` holding one line per cue."""
    text, encoding, warnings = decode_text_lenient(data, path)
    text = normalise_newlines(text)
    if not looks_like_subtitles(text):
        raise DocumentError(path, "no subtitle cue (a timing line like 00:00:01,000 --> 00:00:04,000) near the top")
    lines = subtitle_lines(text)
    fmt = "text/vtt" if text.lstrip().startswith("WEBVTT") else "application/x-subrip"
    document = make_document(path, "\n".join(lines), data, encoding=encoding, fmt=fmt)
    document.warnings.extend(warnings)
    return document


READERS.update({".srt": read_subtitles, ".vtt": read_subtitles})
