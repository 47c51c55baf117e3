"""Shape limits a SPARQL request must meet before the engine parses it: its length and its nesting depth.

Why: pyoxigraph's parser recurses once per nested group, bracket or parenthesis, and a deep enough request
overflows the thread's stack and kills the process (a segmentation fault, not an exception): on an 8 MiB
stack, about 2,190 nested ``{ }``, 2,920 nested ``OPTIONAL { }`` or 4,660 nested ``( )`` in pyoxigraph 0.5.
One unauthenticated request would take down a server worker. So the text is measured first, in Python, and a
request over a limit is a 400 that names the limit. Nesting is counted over ``{ [ (`` together, since the
parser recurses on each; strings and comments are skipped as the SPARQL grammar reads them, and an IRI's
brackets do not nest (they cannot, in a valid IRI) but are still counted inside it, so text the engine might
read as ``<`` (less than) followed by brackets is never under-counted.

``DEFAULT_MAX_DEPTH`` is far below the crash depth and far above any real query (the deepest shipped
example nests 4). Nested ``OPTIONAL``/blank-node brackets also cost the engine time that grows fast with
depth (64 nested ``[ ]`` take about half a second to plan), which the query deadline bounds.
"""

from __future__ import annotations

import re

from ftzgraph.graph.errors import QueryError

DEFAULT_MAX_DEPTH = 64
"""Default nesting depth of ``{ [ (`` a request may have (``FTZGRAPH_MAX_QUERY_DEPTH``)."""
MAX_DEPTH_CEILING = 1000
"""The highest depth the setting accepts: about half the depth that crashed pyoxigraph's parser."""
DEFAULT_MAX_QUERY_CHARS = 200_000
"""Default length of a query in characters (``FTZGRAPH_MAX_QUERY_CHARS``); updates are bounded by the body
size limit only, since ``INSERT DATA`` carries data."""

_OPENERS = "{[("
_CLOSERS = "}])"
# Strings (long forms first), comments and IRIs, as the SPARQL 1.1 grammar's terminals; any other character
# is looked at one by one only if it is a bracket.
_SKIPPED = re.compile(
    r"""
      (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|$)
               |'''(?:[^'\\]|\\.|'(?!''))*(?:'''|$)
               |"(?:[^"\\\n\r]|\\.)*"?
               |'(?:[^'\\\n\r]|\\.)*'?)
    | (?P<comment>\#[^\n\r]*)
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<bracket>[{}\[\]()])
    """,
    re.VERBOSE | re.DOTALL,
)


class QueryLimitError(QueryError):
    """A request is over one of the shape limits (length, nesting depth); the message names the limit."""


def _position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def _peak(text: str) -> int:
    """The deepest nesting of brackets in ``text`` taken alone (an IRI's content)."""
    depth = peak = 0
    for char in text:
        if char in _OPENERS:
            depth += 1
            peak = max(peak, depth)
        elif char in _CLOSERS:
            depth = max(depth - 1, 0)
    return peak


def nesting_depth(text: str, limit: int | None = None) -> tuple[int, int]:
    """The deepest nesting of ``{ [ (`` in SPARQL ``text`` and the offset where it is reached.

    With ``limit``, stops at the first place deeper than it. Costs nothing measurable when the text has no
    more brackets than ``limit`` (then it cannot nest deeper).
    """
    if limit is not None and sum(text.count(c) for c in _OPENERS) <= limit:
        return 0, 0
    depth = peak = where = 0
    for match in _SKIPPED.finditer(text):
        kind = match.lastgroup
        if kind == "bracket":
            if match.group() in _OPENERS:
                depth += 1
                if depth > peak:
                    peak, where = depth, match.start()
            else:
                depth = max(depth - 1, 0)
        elif kind == "iri":
            inner = depth + _peak(match.group())
            if inner > peak:
                peak, where = inner, match.start()
        if limit is not None and peak > limit:
            break
    return peak, where


def check_request(text: str, *, max_depth: int, max_chars: int | None, what: str = "query") -> None:
    """Raise ``QueryLimitError`` when ``text`` is longer than ``max_chars`` or nests deeper than ``max_depth``."""
    if max_chars is not None and len(text) > max_chars:
        raise QueryLimitError(
            f"the {what} is {len(text)} characters long, over the limit of {max_chars} (FTZGRAPH_MAX_QUERY_CHARS)"
        )
    depth, offset = nesting_depth(text, max_depth)
    if depth > max_depth:
        raise QueryLimitError(
            f"the {what} nests groups, brackets or parentheses more than {max_depth} deep "
            f"(at {_position(text, offset)}); that is the limit (FTZGRAPH_MAX_QUERY_DEPTH)"
        )
