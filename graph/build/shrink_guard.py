"""A rebuild that would lose cases: found before the swap, refused unless forced, and always said.

Why: a document's graph is keyed by its 文号, so a 2-case copy carrying the same 文号 as a 28-case collection
replaced it without a word. Before a document's graph is swapped in, the cases it holds in the store (or
earlier in the same build) are compared with the new version's; cases that would disappear make the build
refuse that document (``ftzgraph build --force`` replaces it anyway, and the build summary lists what went).
"""

from __future__ import annotations

from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.ontology.namespace import FTZ

_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_CASE = f"<{FTZ.Case}>".encode()
_TITLE = "http://purl.org/dc/terms/title"
SHOWN = 5
"""Titles of dropped cases a message lists; the rest are counted."""


def case_iris(nquads: bytes) -> set[str]:
    """The cases a document's N-Quads declare (``?case a ftz:Case``)."""
    found = set()
    for line in nquads.splitlines():
        if _CASE in line and _TYPE in line:
            subject, predicate, obj = line.split(b" ", 3)[:3]
            if predicate == _TYPE and obj == _CASE:
                found.add(subject[1:-1].decode())
    return found


def stored_cases(store: Store, graph: str) -> dict[str, str]:
    """The cases held in the named graph ``graph``, with a title each (Chinese first)."""
    rows = store.select(
        f"SELECT ?case ?title WHERE {{ GRAPH <{graph}> {{ ?case a <{FTZ.Case}> "
        f"OPTIONAL {{ ?case <{_TITLE}> ?title }} }} }} ORDER BY ?case",
        union_default_graph=False,
    )
    titles: dict[str, str] = {}
    for row in rows:
        titles.setdefault(str(row["case"]), str(row.get("title") or row["case"]))
    return titles


def describe_dropped(dropped: dict[str, str], before: int, after: int) -> str:
    """``26 of its 28 cases (a, b, … and 21 more)``: what a replacement would drop."""
    names = sorted(dropped.values())
    listed = ", ".join(names[:SHOWN]) + (f" and {len(names) - SHOWN} more" if len(names) > SHOWN else "")
    return f"{len(dropped)} of its {before} stored cases ({listed}); the new version has {after}"
