"""A city bureau's branches written by their bare place stem after the bureau is named (市工商局…；昌平分局配合…；
密云分局…): each is that bureau's branch, 北京市工商行政管理局昌平分局, not a body of its own name.
"""

from __future__ import annotations

import re

from ftzgraph.graph.extract._agency_hits import _cited, _Hit
from ftzgraph.graph.extract._agency_names import (
    CJK,
    Core,
    Lexicon,
    Place,
    load_agency_yaml,
    load_divisions,
    place_of,
)

_BARE_BRANCH_RE = re.compile(f"(?:^|(?<=[。；;，,、\\n：:]))([{CJK}]{{2}})分局")


def bare_branches(text: str, hits: list[_Hit], lex: Lexicon) -> list[_Hit]:
    """Hits for the bare ``XX分局`` of ``text`` that follow the one city bureau the case names (none when it names
    several, or the stem is a department's word such as 公安 or 税务)."""
    found = []
    for match in _BARE_BRANCH_RE.finditer(text):
        stem = match.group(1)
        if lex.core_re.fullmatch(stem + "局") or lex.core_re.search(stem) or stem in lex.not_place_words:
            continue  # 公安分局, 税务分局: a department's branch, named by its department, not by a place
        if re.search(f"[{CJK}]{stem}分局", text[: match.start()]):
            continue  # 检查分局 after 省药监局镇江检查分局: the office named before, by its kind, not a place
        bureaus = {
            h.name
            for h in hits
            if h.name
            and h.end <= match.start()
            and h.place is not None
            and h.place.level == "city"
            and h.name.endswith("局")
            and not h.name.endswith("分局")
        }
        if len(bureaus) != 1:
            continue
        bureau = next(iter(bureaus))
        place = next(h.place for h in hits if h.name == bureau)
        name = f"{bureau}{stem}分局"
        core = Core("分局", "分局", name)
        found.append(_Hit(match.start(1), match.end(), core, None, not _cited(text, match.start(1), lex), name, place))
    return found


_POLICE_BRANCH = "公安分局"


def police_branches(hits: list[_Hit], city: Place | None, district: Place | None) -> None:
    """Rename a district's 公安分局 (东港区公安分局, 东港公安分局秦楼派出所) as the body it is, the city police bureau's
    branch in that district (日照市公安局东港分局, and its stations after it): a district has no police bureau of its
    own, so the short form names the city's. Only for the case's own ``district``, of the case's ``city`` or, in a
    case with none (a street office's), of the one city the district's name belongs to; other names stay as
    written."""
    if district is None:
        return
    if city is None and (city_name := load_divisions().city_of.get(district.name)) is not None:
        city = place_of(city_name)  # a district's name that occurs once in the country has one city
    if city is None:
        return
    short = district.name.removeprefix(city.name)
    for hit in hits:
        place = hit.place
        if hit.name is None or place is None or place.level != "district" or place.name not in (district.name, short):
            continue
        for written in dict.fromkeys((city.name + short, short, place.stem)):
            if hit.name.startswith(written + _POLICE_BRANCH):
                rest = hit.name[len(written + _POLICE_BRANCH) :]
                hit.name = f"{city.name}公安局{short.removesuffix('区')}分局{rest}"
                break


_DETACHMENT = "支队"
_BRIGADE_RE = re.compile(f"[{CJK}]{{1,6}}?大队")
_NOT_IN_BRIGADE = (*load_agency_yaml("departments.yaml")["joint_verbs"], "、", "和", "与", "及", "对", "在")


def detachment_brigades(text: str, hits: list[_Hit]) -> None:
    """A detachment's brigade written right after it (市公安局交警支队渤海新区大队) is the body that acts, named under
    its detachment (沧州市公安局交通警察支队渤海新区大队), not the detachment itself."""
    for hit in hits:
        if hit.name is None or not hit.name.endswith(_DETACHMENT):
            continue
        brigade = _BRIGADE_RE.match(text, hit.end)
        if brigade is None or any(w in brigade.group() for w in _NOT_IN_BRIGADE):
            continue
        hit.name += brigade.group()
        hit.end = brigade.end()
