"""MOFCOM best-practice collections (自由贸易试验区第N批“最佳实践案例”): each case is a national item
with the FTZ or area where it was first tried.

The collection splits like any case collection; what differs is where the originating zone is written:
a parenthetical after the title (``案例1：X（中国（上海）自由贸易试验区）``), a provider line
(``（X自由贸易试验区提供）``, ``报送单位：X``), or the first sentence of the case (``X自贸试验区率先…``).
The cases become the items of a best-practice ``NationalBatch``; batch numbers are not capped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.extract.layout import layout_lexicon
from ftzgraph.graph.extract.notice import _batch_of, _count
from ftzgraph.graph.extract.provider import provider_line
from ftzgraph.graph.model import BatchItem, Case, CaseText, Document, Evidence, NationalBatch, Place
from ftzgraph.ontology.namespace import BEST_PRACTICE

LEAD_CHARS = 200
"""How far into a case its first sentence may name the originating zone."""


@dataclass(frozen=True)
class CaseOrigin:
    """The originating zone or area of one best-practice case, the name as written and where it is said."""

    place: Place
    name: str
    evidence: Evidence
    in_heading: bool = False
    """Named in the heading's brackets (案例1：X（中国（上海）自由贸易试验区）): the document says who provided the
    case, which outranks a provider read from the case's first sentence."""


def _trailing_parenthetical(title: str) -> tuple[int, str] | None:
    """``X（中国（上海）自由贸易试验区）`` -> (index of the outer '（', '中国（上海）自由贸易试验区')."""
    stripped = title.rstrip()
    if not stripped.endswith(("）", ")")):
        return None
    depth = 0
    for i in range(len(stripped) - 1, -1, -1):
        if stripped[i] in "）)":
            depth += 1
        elif stripped[i] in "（(":
            depth -= 1
            if depth == 0:
                return (i, stripped[i + 1 : -1]) if i > 0 else None
    return None


def _resolve(name: str, gazetteer: Gazetteer) -> Place | None:
    place = gazetteer.resolve(name)
    if place is None:
        found = gazetteer.find_places(name)
        place = found[0][2] if found else None
    return place


def _locate(document: Document, case: CaseText, name: str) -> Evidence:
    """Evidence for ``name`` inside the case (its heading first), or the heading when it cannot be found."""
    at = document.text.find(name, case.heading.start, case.end)
    if at < 0:
        at = document.text.find(name, case.start, case.end)
    return document.evidence(at, at + len(name)) if at >= 0 else case.heading


def case_origins(cases: list[CaseText], gazetteer: Gazetteer) -> dict[int, CaseOrigin]:
    """The originating zone of each case (by index); trailing zone parentheticals are cut from the titles."""
    suffixes = tuple(layout_lexicon()["best_practice"]["origin_suffixes"])
    origins: dict[int, CaseOrigin] = {}
    for index, case in enumerate(cases):
        document = case.document
        parenthetical = _trailing_parenthetical(case.title)
        if parenthetical and parenthetical[1].strip().endswith(suffixes):
            cut, name = parenthetical
            place = _resolve(name, gazetteer)
            if place is not None:
                origins[index] = CaseOrigin(place, name.strip(), _locate(document, case, name), in_heading=True)
                case.title = case.title[:cut].strip().strip('“”"')
                continue
        provider = provider_line(case)
        if provider and (place := _resolve(provider[0], gazetteer)) is not None:
            origins[index] = CaseOrigin(place, provider[0], case.evidence(provider[1], provider[2]))
            continue
        lead_from = case.heading.end - case.start
        lead = case.text[lead_from : lead_from + LEAD_CHARS]
        found = gazetteer.find_places(re.split(r"[。\n]\s*\n", lead.strip(), maxsplit=1)[0])
        if found:
            start, end, place = found[0]
            name = lead.strip()[start:end]
            origins[index] = CaseOrigin(place, name, _locate(document, case, name))
    return origins


def apply_origins(cases: list[Case], origins: dict[int, CaseOrigin], gazetteer: Gazetteer) -> None:
    """A case with no provider line is provided by its originating zone (its title parenthetical)."""
    for index, case in enumerate(cases):
        origin = origins.get(index)
        if origin is None:
            case.warnings.append(f"{case.text.document.path}:{case.text.heading.line}: no originating FTZ found")
            continue
        if origin.in_heading or case.provider is None or _resolve(case.provider, gazetteer) is None:
            case.provider = origin.name
            case.provider_kind = "ftz_area" if origin.place.area else "other"
            case.provider_zone, case.provider_area = origin.place.zone, origin.place.area
            case.evidence["provider"] = origin.evidence
            case.warnings = [w for w in case.warnings if "no provider found" not in w]


def best_practice_batch(
    document: Document, cases: list[Case], origins: dict[int, CaseOrigin], gazetteer: Gazetteer
) -> NationalBatch:
    """The best-practice batch the collection publishes: its number, and one item per case with its origin."""
    kind, number, evidence = _batch_of(document)
    if kind != BEST_PRACTICE:  # the title names another series: the number is not this batch's
        number, evidence = None, None
    batch = NationalBatch(BEST_PRACTICE, number, document.doc_number, document.date, document.title, evidence=evidence)
    if number is None:
        batch.warnings.append(f"{document.path}: the collection names no batch number; the batch is unnumbered")
    first = min((c.text.start for c in cases), default=len(document.text))
    patterns = layout_lexicon()["best_practice"]["total_patterns"]
    batch.declared_total = next((n for p in patterns if (n := _count(p, document.text[:first])) is not None), None)
    if batch.declared_total is not None and batch.declared_total != len(cases):
        batch.warnings.append(
            f"{document.path}: the collection declares {batch.declared_total} cases but {len(cases)} were found"
        )
    for index, case in enumerate(cases):
        origin = origins.get(index)
        item = BatchItem(case.title, case.evidence["title"])
        if origin is not None:
            item.origin, item.origin_evidence = origin.place, origin.evidence
        item.reference = gazetteer.match_item(case.title)
        batch.items.append(item)
    return batch
