"""The city a case is of, read from one clue at a time: the offices it names by a city's stem (江门海关), a district's
parent city, a stem-named provider's city, the city of a known zone's official name, a prefecture bureau's office in
a county-level city, the autonomous prefecture or league it lies in. Split from ``_agency_context.py`` by noun:
each of these reads one clue; ``_agency_context.py`` weighs the clues in order into the case's context.
"""

from __future__ import annotations

import re

from ftzgraph.graph.extract._agency_hits import _Hit
from ftzgraph.graph.extract._agency_names import CJK, Place, load_divisions, place_of
from ftzgraph.graph.extract._agency_places import Gazetteer
from ftzgraph.graph.extract._agency_zones import official_zone_name


def _writes_city_level(hits: list[_Hit]) -> bool:
    """True when the case writes a body by the city's level alone (市X局): only such a case borrows a city from the
    offices or zones it names (a bare 税务局 beside 石家庄海关 in 雄安's case is no city's)."""
    return _writes_level(hits, "city")


def _writes_level(hits: list[_Hit], level: str) -> bool:
    """True when the case writes a body by ``level`` alone (市X局, 县X局)."""
    levels = [h.prefix for h in hits if h.prefix and h.prefix.place is None and h.prefix.unit is None]
    return any(prefix.level == level for prefix in levels)


def _stem_offices_city(hits: list[_Hit]) -> Place | None:
    """The one city the case's offices named by a city's stem name (江门海关, 泸州海事局), or None: in a case whose
    provider names no city (a customs office, an FTZ area), 市X局 beside them is that city's. Read only for a case
    that writes 市X局: a bare 税务局 or 公共服务局 beside 石家庄海关 in 雄安's case is no city's."""
    if not _writes_city_level(hits):
        return None
    cities = {
        h.prefix.place.name: h.prefix.place
        for h in hits
        if h.core.stem_place and h.prefix and h.prefix.by_stem and h.prefix.place and h.prefix.place.level == "city"
    }
    return next(iter(cities.values())) if len(cities) == 1 else None


def _city_of_district(name: str) -> Place | None:
    """The prefecture-level city of a district named alone (临渭区) or with its city (渭南市临渭区), from the division
    list; None for a district of a municipality or a name the list holds under several cities."""
    divisions = load_divisions()
    parent = divisions.city_of.get(name) or next(
        (n for n in sorted(divisions.names_in(name), key=len) if name.startswith(n) and n != name), None
    )
    found = place_of(parent) if parent else None
    return found if found is not None and found.level == "city" else None


def _stem_city(own: str, head: str, text: str, gaz: Gazetteer) -> Place | None:
    """The city a stem-named provider (镇江海事局, 锦州海关) is named after, when the document's head names that city
    or every city the case names is it or one of its county-level cities (凌海市 of 锦州市): a bare 市X局 then means
    the provider's city, not a county-level city that merely helps; None otherwise (南京海关 in a 合肥 case)."""
    divisions = load_divisions()
    named = next((n for k in (3, 2) if (n := divisions.by_stem.get(own[:k]))), None)
    found = place_of(named) if named else None
    if found is None or found.level != "city" or divisions.city_of.get(found.name):
        return None
    cities = {p.name for n, p in gaz.by_name.items() if p.level == "city" and n in text}
    if found.name in head or (
        cities and all(c == found.name or divisions.city_of.get(c) == found.name for c in cities)
    ):
        return found
    return None


def _provider_stem_city(own: str) -> Place | None:
    """The prefecture-level city whose stem opens the official name of the known zone a provider is written by
    (江东新区管理局: 海口江东新区, 海口市), the last resort of a case whose text and document name no city: its 市X局
    are that city's. A provider's own stem proves nothing alone (海南 is also a prefecture's stem)."""
    official = official_zone_name(own)
    if official == own or official.startswith(_AREA_PREFIX):
        return None
    own = official
    divisions = load_divisions()
    named = next((n for k in (3, 2) if (n := divisions.by_stem.get(own[:k]))), None)
    found = place_of(named) if named else None
    if found is None or found.level != "city" or divisions.city_of.get(found.name) or own == found.name:
        return None
    return found


_AREA_PREFIX = "中国（"
"""An FTZ area's official name opens so; its city is the areas' rule's."""


def _prefecture(city: Place | None, gaz: Gazetteer) -> Place | None:
    """The case's autonomous prefecture or league (州, 盟): its city when that is one, else the one the document
    names (黔南州 in a 都匀市 case of a 黔南州 circular), else the one its county-level city belongs to (二连浩特市:
    锡林郭勒盟), never a guess among several."""
    if city is not None and city.name.endswith(_PREFECTURE_ENDINGS):
        return city
    named = {p.name: p for n, p in gaz.by_name.items() if p.level == "city" and n.endswith(_PREFECTURE_ENDINGS)}
    if len(named) == 1:
        return next(iter(named.values()))
    above = load_divisions().city_of.get(city.name) if city is not None and not named else None
    return place_of(above) if above is not None and above.endswith(_PREFECTURE_ENDINGS) else None


_PREFECTURE_ENDINGS = ("州", "盟")


def _office_city(text: str, city: Place) -> Place:
    """``city``, or the county-level city of it where the case names ``city`` only as the parent of a bureau's office
    there (青岛市自然资源和规划局胶州分局 beside 市行政审批服务局: the case is 胶州市's, as a provider so named
    says)."""
    offices = [m for m in re.finditer(re.escape(city.name) + f"[{CJK}]{{2,12}}?局([{CJK}]{{2,3}})分局", text)]
    if not offices or len(offices) != text.count(city.name):
        return city
    found = {branch for m in offices if (branch := _branch_city(m.group(), city)) is not None}
    return next(iter(found)) if len(found) == 1 else city


def _branch_city(own: str, city: Place) -> Place | None:
    """The county-level city a provider's name ends with as a prefecture bureau's office (宁波市自然资源和规划局慈溪
    分局: 慈溪市, of 宁波市): the place of the case, whose own bodies it writes 市X局; else None."""
    branch = _STEM_OFFICE_RE.search(own)
    if branch is None:
        return None
    divisions = load_divisions()
    name = divisions.by_stem.get(branch.group(1), "")
    found = place_of(name) if name.endswith("市") and divisions.city_of.get(name) == city.name else None
    return found if found is not None and found.level == "city" else None


_STEM_OFFICE_RE = re.compile(f"局([{CJK}]{{2,3}})分局$")
