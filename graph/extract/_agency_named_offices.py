"""Bodies known by a proper name that the name grammar cannot compose (data/agencies/named_offices.yaml): a port's
customs office (外高桥港区海关 -> 上海外高桥港区海关), a civil aviation regional administration, a zone committee's
bureaux named by the zone's parts (陆家嘴管理局). Each is found as written (a short form not right after a place's
last character) and named by its full name.
"""

from __future__ import annotations

import functools
import re

from ftzgraph.graph.extract._agency_hits import _alternation, _cited, _Hit, _inside_title
from ftzgraph.graph.extract._agency_names import Core, Lexicon, load_agency_yaml

_PLACE_ENDS = "省市县区州旗盟港"


@functools.cache
def _offices() -> tuple[dict[str, tuple[str, str | None]], re.Pattern[str]]:
    """Every written form (the full name too) -> (full name, the place a document must name for it)."""
    forms: dict[str, tuple[str, str | None]] = {}
    for entry in load_agency_yaml("named_offices.yaml")["offices"]:
        for form in (entry["full"], *entry["forms"]):
            forms[form] = (entry["full"], entry.get("where"))
    return forms, re.compile(f"(?:中华人民共和国)?(?:{_alternation(forms)})")


def named_offices(text: str, document_text: str, lex: Lexicon, titles: list[tuple[int, int, bool]]) -> list[_Hit]:
    """The named bodies written in ``text``, each a hit named by its full name."""
    forms, pattern = _offices()
    hits = []
    for match in pattern.finditer(text):
        written = match.group().removeprefix("中华人民共和国")
        full, where = forms[written]
        if (where is not None and where not in document_text) or _inside_title(match.start(), titles):
            continue
        if written != full and match.start() > 0 and text[match.start() - 1] in _PLACE_ENDS:
            continue  # 天津市保税区管理局: a short form is no name's tail
        core = Core(full, full, full)
        hits.append(_Hit(match.start(), match.end(), core, None, not _cited(text, match.start(), lex), full))
    return hits
