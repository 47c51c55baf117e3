"""Who learned what from whom: one typed learned-from relation per origin statement of a case.

An origin statement says *that* a reform came from somewhere; the relation says *what kind* of learning it
was, so a reader can ask "which cases copied a nationally promoted item" without decoding claim kinds:

- ``copies_national_item``: the text names a national batch (第N批改革试点经验, 最佳实践案例);
- ``borrows_zone_case``: a specific practice of another FTZ or area (借鉴Z提供的“X”案例, or the case's
  introduction describes Z's practice);
- ``learns_from_zone``: an FTZ or area in general (学习借鉴上海自贸试验区经验), or FTZs in general;
- ``follows_ministry``: a ministry's approval or filing;
- ``self_initiated``: 自行复制, with what was copied when the text names it.

Each has a confidence (how explicit the text is, from ``data/lexicon/learned_from.yaml``). What the text
claims about a national item (its batch, its zone) is kept as the claim; only authorities state facts (see
``ontology/README.md``). This module reads ``Origin`` records and never changes how they are extracted.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract.agencies import sector_of
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.model import Case, Learned, NationalItem, Origin
from ftzgraph.graph.text import title_key, word_alternation

COPIES_NATIONAL_ITEM = "copies_national_item"
BORROWS_ZONE_CASE = "borrows_zone_case"
LEARNS_FROM_ZONE = "learns_from_zone"
FOLLOWS_MINISTRY = "follows_ministry"
SELF_INITIATED = "self_initiated"
RELATIONS = (COPIES_NATIONAL_ITEM, BORROWS_ZONE_CASE, LEARNS_FROM_ZONE, FOLLOWS_MINISTRY, SELF_INITIATED)

_QUOTED_RE = re.compile(r"[“\"]([^”\"]{2,60})[”\"]")


@cache
def lexicon() -> dict[str, Any]:
    return load_lexicon("learned_from")


def relation_property(relation: str) -> str:
    """The local name of the ontology property for a relation (``copies_national_item`` -> copiesNationalItem)."""
    return str(lexicon()["relations"][relation]["property"])


def relation_of_property(local_name: str) -> str | None:
    """The export name of a relation from its property's local name (None for anything else)."""
    return next((name for name, r in lexicon()["relations"].items() if r["property"] == local_name), None)


def relation_label(relation: str, lang: str = "zh") -> str:
    """A relation's name in Chinese (``zh``) or English (``en``)."""
    return str(lexicon()["relations"].get(relation, {}).get(lang, relation))


def _confidence(key: str) -> float:
    return float(lexicon()["confidence"][key])


def _match(title: str | None, gazetteer: Gazetteer) -> NationalItem | None:
    return gazetteer.match_item(title) if title else None


def _named_practice(quote: str, gazetteer: Gazetteer) -> str | None:
    """A practice quoted in the sentence (not a zone's name, not a document title)."""
    outside = re.sub(r"《[^》]*》", "", quote)
    series = [w for words in load_lexicon("origins")["batch_kinds"].values() for w in words]
    for name in _QUOTED_RE.findall(outside):
        name = name.strip()
        if len(title_key(name)) < 4 or any(word in name for word in series):
            continue  # “最佳实践案例” names the series, not the practice
        if gazetteer.resolve(name) is None and not gazetteer.find_places(name):
            return name
    return None


def _self_target(quote: str) -> str | None:
    """What a self-initiated copy names: 自行复制知识产权质押融资改革经验 -> 知识产权质押融资."""
    lex = load_lexicon("origins")
    verbs = "|".join(map(re.escape, lex["self_copy"]))
    ends = word_alternation(lexicon()["self_target_end"])
    match = re.search(rf"(?:{verbs})了?[“\"]?(?P<t>[^，,。；、“”\"]{{2,40}}?)[”\"]?(?:{ends}|[，,。；]|$)", quote)
    if not match:
        return None
    target = match["t"].strip()
    return target if len(title_key(target)) >= 2 else None


def _ministry(quote: str) -> str | None:
    outside = re.sub(r"《[^》]*》", "", quote)
    names = load_lexicon("origins")["ministries"]
    found = [(outside.find(n), n) for n in names if n in outside]
    return min(found)[1] if found else None


def classify(case: Case, origin: Origin, gazetteer: Gazetteer) -> Learned:
    """The learned-from relation one origin statement of ``case`` expresses."""
    quote = origin.evidence.quote
    if origin.kind == "national_batch":
        item = _match(origin.item_title, gazetteer) or _match(case.national_item, gazetteer)
        target = item.name if item is not None and not item.candidate else origin.item_title
        if origin.batch_number is None:
            confidence = _confidence("national_unnumbered")
        else:
            confidence = _confidence("national_numbered_named" if origin.item_title else "national_numbered")
        batch = (origin.batch_kind, origin.batch_number) if origin.batch_kind else None
        return Learned(COPIES_NATIONAL_ITEM, target, confidence, origin.evidence, batch=batch, item=item)
    if origin.kind == "zone":
        stated = any(word in quote for word in lexicon()["learning_words"])
        named = origin.item_title or _named_practice(quote, gazetteer)
        by_title = _match(case.title, gazetteer)
        if by_title is not None and by_title.origin is not None and by_title.origin.zone != origin.zone:
            by_title = None  # the case's title matches another zone's item: not what this sentence is about
        # An item the sentence names stays even when an authority puts it elsewhere: that is a conflict.
        item = _match(named, gazetteer) or by_title
        if named:
            target = item.name if item is not None else named
            confidence = _confidence("zone_stated_named" if stated else "zone_subject")
            return Learned(BORROWS_ZONE_CASE, target, confidence, origin.evidence, origin.zone, origin.area, item=item)
        if stated and item is None:
            return Learned(
                LEARNS_FROM_ZONE, None, _confidence("zone_stated"), origin.evidence, origin.zone, origin.area
            )
        # The zone's practice is described (or matched by title): the case borrows that practice.
        target = item.name if item is not None else case.title
        confidence = _confidence("zone_stated" if stated else "zone_subject")
        return Learned(BORROWS_ZONE_CASE, target, confidence, origin.evidence, origin.zone, origin.area, item=item)
    if origin.kind == "ministry":
        item = _match(origin.item_title, gazetteer)
        target = item.name if item is not None else origin.item_title
        confidence = _confidence("ministry_named" if target else "ministry")
        ministry = _ministry(quote)
        sector = sector_of(ministry) if ministry else None
        return Learned(
            FOLLOWS_MINISTRY, target, confidence, origin.evidence, ministry=ministry, ministry_sector=sector, item=item
        )
    if origin.kind == "self":
        named = origin.item_title or _self_target(quote)
        item = _match(named, gazetteer)
        target = item.name if item is not None else named
        confidence = _confidence("self_named" if target else "self")
        return Learned(SELF_INITIATED, target, confidence, origin.evidence, item=item)
    return Learned(LEARNS_FROM_ZONE, None, _confidence("generic"), origin.evidence)


def by_title(case: Case, gazetteer: Gazetteer) -> Learned | None:
    """A case that states no batch but whose title is an authority's national item: it copies that item,
    with low confidence (the text does not say so; the authority names the item)."""
    if any(o.kind == "national_batch" for o in case.origins):
        return None
    item = _match(case.national_item, gazetteer)
    if item is None or item.candidate or not item.batches or "title" not in case.evidence:
        return None
    batch = item.batches[0] if len(item.batches) == 1 else None
    return Learned(
        COPIES_NATIONAL_ITEM,
        item.name,
        _confidence("national_by_title"),
        case.evidence["title"],
        batch=batch,
        item=item,
    )
