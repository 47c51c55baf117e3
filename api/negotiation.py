"""HTTP content negotiation: which media type an Accept header prefers among those an answer can take.

Why in ``api/``: Accept headers, q-values and the 406 they may end in are HTTP; the domain is handed the media
types chosen here (``graph/sparql/service.py`` says which ones its engine writes).
"""

from __future__ import annotations

from functools import lru_cache

from ftzgraph.api.errors import ApiError
from ftzgraph.graph.sparql.service import GRAPH_MEDIA_TYPES, RESULTS_MEDIA_TYPES


def negotiate(accept: str | None, table: dict[str, str]) -> str | None:
    """The canonical media type from ``table`` the Accept header prefers (q-values, ``type/*``, ``*/*``).

    Each offered type gets the q of the most specific range that matches it; the highest q wins, ties go to
    the table's order (its first entry is the default). None when the header rules every offer out.
    """
    ranges: list[tuple[str, float]] = []
    for part in (accept or "*/*").split(","):
        pieces = [p.strip() for p in part.split(";")]
        if not pieces[0]:
            continue
        q = 1.0
        for param in pieces[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((pieces[0].lower(), q))
    best: tuple[float, str] | None = None
    for offer, canonical in table.items():
        kind = offer.split("/")[0]
        matches = [
            (3 if r == offer else 2 if r == f"{kind}/*" else 1, q)
            for r, q in ranges
            if r in (offer, f"{kind}/*", "*/*")
        ]
        if matches:
            q = max(matches)[1]
            if q > 0 and (best is None or q > best[0]):
                best = (q, canonical)
    return best[1] if best else None


@lru_cache(maxsize=256)
def sparql_media_types(accept: str | None) -> tuple[str | None, str | None]:
    """(the results media type, the graph media type) ``accept`` asks for; clients repeat their Accept, so
    the answer is remembered."""
    return negotiate(accept, RESULTS_MEDIA_TYPES), negotiate(accept, GRAPH_MEDIA_TYPES)


def not_acceptable(form: str | None, accept: str | None) -> ApiError:
    """The 406 for a ``form`` of result (SELECT, CONSTRUCT, DESCRIBE, ...) that ``accept`` rules out."""
    offers = RESULTS_MEDIA_TYPES if form in ("SELECT", "ASK", None) else GRAPH_MEDIA_TYPES
    choices = ", ".join(dict.fromkeys(offers.values()))
    return ApiError(406, f"cannot answer a {form or 'query'} result as {accept!r}; ask for one of: {choices}")
