"""The written form of a provider made standard: without the province before its city (河南省周口市 -> 周口市), the
county of a city and its county joined by a dot (菏泽·曹县 -> 曹县), and in simplified script, so the gazetteer and
the divisions resolve it. Split from ``_provider_credits.py`` by noun: this module writes a name the standard way;
``_provider_credits.py`` finds the providers a case credits outside a provider line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ftzgraph.graph.extract._agency_names import load_divisions
from ftzgraph.graph.extract._split_units import (
    stem_place,
)
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.sources.script import to_simplified

if TYPE_CHECKING:
    from ftzgraph.graph.extract._provider_credits import Found


def _stem(place: str) -> str:
    """A place's name as a later sentence calls it back (河南省周口市 -> 周口, 空港新城 -> 空港新城, an FTZ's area by
    its own name)."""
    name = standard_provider(place)
    if (area := load_gazetteer().resolve(name)) is not None and area.area and area.area in name:
        return area.area  # 黑龙江自贸试验区绥芬河片区 -> 绥芬河片区, as the text calls the area back
    levels = "市县区旗州"
    return name[:-1] if len(name) >= 3 and name[-1] in levels and not name.endswith("新区") else name


def standard_provider(name: str) -> str:
    """``name`` in simplified script (character by character, same length) and without the province written before
    one of its cities (河南省信阳市光山县 -> 信阳市光山县, and by their stems as news writes them: 在河南漯河， ->
    漯河市; a city and its county joined by a middle dot, 菏泽·曹县 -> 曹县): the form the gazetteer and the gold
    resolve."""
    name = to_simplified(name)
    name = _county_after_dot(name)
    divisions = load_divisions()
    province = re.match(r"[\u4e00-\u9fff]{2,8}?(?:省|自治区)", name)
    if province is None or province.group() not in divisions.names:
        return _city_after_province_stem(name)
    rest = name[province.end() :]
    city = re.match(r"[\u4e00-\u9fff]{2,10}?(?:市|州|盟|地区)", rest)
    if city and divisions.province_of.get(city.group()) == province.group():
        return rest
    return name


def _county_after_dot(name: str) -> str:
    """The county or district of a city and its county joined by a middle dot (菏泽·曹县 -> 曹县, 淄博·张店 ->
    张店区), or ``name``: a joint body's name (X开发区·Y区管委会) is kept whole."""
    parts = re.split("[·・•]", name)
    if len(parts) != 2:
        return name
    divisions = load_divisions()
    city = parts[0].removesuffix("市")
    finer = parts[1] if parts[1] in divisions.names else stem_place(parts[1], city)
    return finer if finer and divisions.city_of.get(finer, "").startswith(city) else name


def _city_after_province_stem(name: str) -> str:
    """The city a province's stem and the city's name or stem stand for together (广东中山, 甘肃天水市), or ``name``."""
    divisions = load_divisions()
    for length in (2, 3):
        province = divisions.by_stem.get(name[:length], "")
        if not province.endswith(("省", "自治区")):
            continue
        rest = name[length:]
        city = rest if rest in divisions.names else divisions.by_stem.get(rest, "")
        if city and divisions.province_of.get(city) == province:
            return city
    return name


def standard_found(found: Found | None) -> Found | None:
    """``found`` with its name made standard (``standard_provider``), its span narrowed to what is left (to the
    city's stem where a province's stem stood before it: 广东中山 -> 中山市 over 中山)."""
    if found is None:
        return None
    name, _, end = found
    standard = standard_provider(name)
    if not to_simplified(name).endswith(standard) and to_simplified(name).endswith(_stem(standard)):
        return standard, end - len(_stem(standard)), end
    return standard, end - len(standard), end
