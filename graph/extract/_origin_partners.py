"""Zones named in an origin's words but standing in another role (origin precision, issue #15, helper z29f): a partner
the case compares with, lists beside or works with (与Z的同类做法进行了对比, 与Z的“X”一同入选, 与Z签订合作协议), a
place's designation under a zone (某市作为Z联动创新区), a zone's own list held up as a yardstick (对照Z第十批…清单),
and a zone's name that only qualifies the area named right after it (北京自贸试验区大兴机场片区).

Split from graph/extract/_origin_zones.py, which reads the zones an origin phrase names;
graph/extract/_origin_subjects.py and graph/extract/_origin_cells.py ask the same questions of the zones opening a
sentence and of a source cell. Words come from ``data/lexicon/origins.yaml`` (``partner_comparisons``,
``partner_relations``, ``zone_role_nouns``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ftzgraph.graph.extract._batch_filters import _CLAUSE_MARKS, lexicon
from ftzgraph.graph.model import Place
from ftzgraph.graph.text import NUMERAL_CLASS, word_alternation

OWN_LIST_RE = re.compile(rf"\s*的?第\s*[0-9{NUMERAL_CLASS}]+\s*批[^，,；;。“”]*清单")
"""A zone's own numbered list right after it (对照Z第十批制度创新案例清单): a yardstick after a verb of comparing."""


_ITS_COPIED_RE = re.compile(r"(?:复制|借鉴|学习|引进|引入|移植|照搬|沿用)了?其")


def partner(text: str, lead: int, end: int, places: Sequence[tuple[int, int, Place]]) -> bool:
    """True when the zone ending at ``end`` (its list starting at ``lead``) follows 与/和/同/跟 and its clause compares
    it (与Z的同类做法进行了对比, 和Z相比) or, after 与/同/跟 not joining two places, lists it beside the case's
    practice or works with it (与Z的“X”一同入选, 与Z签订合作协议): no origin."""
    head = text[:lead].rstrip()
    if not head.endswith(("与", "和", "同", "跟")):
        return False
    lex = lexicon()
    clause = re.split(f"[{_CLAUSE_MARKS}]", text[end:], maxsplit=1)[0]
    if any(w in clause for w in lex["partner_comparisons"]):
        return True
    if _ITS_COPIED_RE.search(text, end):
        return False  # 与Z结对后，某县复制了其“X”模式: the partner's own practice is copied
    joins_places = any(e == len(head) - 1 for _, e, _ in places)  # Z1与Z2一同入选: both are listed
    return not head.endswith("和") and not joins_places and any(w in clause for w in lex["partner_relations"])


def qualified_areas(places: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
    """``places`` with a zone's name written right before an area's (北京自贸试验区大兴机场片区, an area the reference
    files under one FTZ while a document names it under another) read as that one area over both spans."""
    merged: list[tuple[int, int, Place]] = []
    for start, end, place in places:
        if merged and merged[-1][1] == start and merged[-1][2].area is None and place.area:
            merged[-1] = (merged[-1][0], end, place)
            continue
        merged.append((start, end, place))
    return merged


@cache
def role_after_re() -> re.Pattern[str]:
    """A role a place holds under a zone, right after the zone (联动创新区, 的协同发展区): the zone is named as the
    designation, not as a practice's owner."""
    return re.compile(rf"\s*的?(?:{word_alternation(lexicon()['zone_role_nouns'])})")
