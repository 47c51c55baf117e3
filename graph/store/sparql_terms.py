"""Values written into the text of a SPARQL query: IRIs checked, strings escaped.

Why here: the read side, the remote store's lock and the builds all put values into query text; one
module escapes them, so no caller can let a parameter break out of its place in a query.
"""

from __future__ import annotations

import re

from ftzgraph.graph.errors import QueryError


class NotAnIriError(QueryError, ValueError):
    """A value given as an IRI cannot be one (a request parameter, answered 400)."""


def iri_ref(value: str) -> str:
    """``<value>`` for a SPARQL query; refuses anything that could break out of the IRI or that the engine's
    IRI grammar refuses (control characters), so a bad parameter is a 400 naming it, not a syntax error."""
    if not re.fullmatch(r"[^\x00-\x20<>\"{}|\\^`]+", value):
        raise NotAnIriError(f"not an IRI: {value!r}")
    return f"<{value}>"


def literal(value: str) -> str:
    """A quoted SPARQL string literal with every special character escaped."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'
