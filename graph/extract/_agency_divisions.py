"""The divisions a case names that its level-only prefixes refer to, when neither its provider nor a body written with
its place says so: a city compilation's case headed 【章贡区】 whose bodies are written 区行政审批局, a zone's notice
headed by the zone's short name (襄阳高新区) whose bodies are written 市X局.
"""

from __future__ import annotations

import functools
import re

from ftzgraph.graph import data_files
from ftzgraph.graph.extract._agency_names import Place, load_agency_yaml, load_divisions, place_of
from ftzgraph.graph.extract._agency_places import Gazetteer
from ftzgraph.graph.extract.gazetteer import load_gazetteer as load_ftz_gazetteer


@functools.cache
def _city_of() -> dict[str, str]:
    """A county's or district's prefecture-level city (章贡区 -> 赣州市), for names that occur once in the divisions."""
    tree = data_files.load_json("reference", "divisions", "pca.json")
    found: dict[str, str] = {}
    repeated: set[str] = set()
    for cities in tree.values():
        for city, counties in cities.items():
            for county in counties:
                if found.setdefault(county, city) != city:
                    repeated.add(county)
    return {k: v for k, v in found.items() if k not in repeated and v.endswith(("市", "州", "地区", "盟"))}


def sole_local_place(text: str, gaz: Gazetteer, city: Place | None) -> dict[str, set[Place]]:
    """{level: {place}} for the one district or county of the divisions ``text`` names (none when it names several, or
    one of another city than ``city``), a district written with its city (赣州市章贡区) when the divisions give it, as
    district bodies are named; a county by its own name (准格尔旗, 永宁县), as its bodies are (永宁县自然资源局)."""
    divisions = load_divisions()
    named = {
        p
        for p in gaz.by_name.values()
        if p.level in ("district", "county") and p.name in divisions.names and p.name in text
    }
    if len(named) != 1:
        return {}
    place = next(iter(named))
    head = _city_of().get(place.name)
    if city is not None and head is not None and head != city.name:
        return {}
    if head and not head.endswith("辖区") and place.level == "district":  # a county's bodies go by its own name
        place = Place(head + place.name, place.stem, place.level)
    return {place.level: {place}}


_BORROWED_BEFORE = ("借鉴", "学习", "参照", "参考", "对标", "复制", "相比", "对比", "与")


def subject_area(text: str) -> Place | None:
    """The FTZ area a case with no provider is about: the first it names that it does not borrow from or compare with
    (昆明片区学习借鉴广西自贸试验区崇左片区…，片区管委会…: 昆明片区), for its bare 片区管委会."""
    for start, _end, place in load_ftz_gazetteer().find_places(text):
        if place.area and not any(w in text[max(0, start - 8) : start] for w in _BORROWED_BEFORE):
            return Place(place.area, place.area[: -len("片区")], "area")
    return None


def sole_municipality(gaz: Gazetteer) -> Place | None:
    """The one municipality (北京市, 上海市, 天津市, 重庆市: a city that is its own province) a document names, which a
    case's 市X局 refer to when the case names no city; None when the document names none or several."""
    provinces = _provinces()
    found = [p for p in gaz.by_name.values() if p.level == "city" and p.name in provinces]
    return found[0] if len(found) == 1 else None


@functools.cache
def _provinces() -> frozenset[str]:
    return frozenset(data_files.load_json("reference", "divisions", "pca.json"))


def area_district(area: Place) -> Place | None:
    """The district an FTZ area is named after (广州南沙新区片区 -> 广州市南沙区, 曹妃甸片区), for the 区X局 of an
    area's case that names no district; None when the area's name ends in no district's (长沙片区, 连云港片区, and
    成都青白江铁路港片区: a port within a district, whose 区X局 the case leaves unsaid)."""
    return _area_district(area.stem) if area.name.endswith("片区") else None


@functools.cache
def _area_district(stem: str) -> Place | None:
    found = {
        name
        for name in load_divisions().names
        if name.endswith("区")
        and len(name) >= 3
        and stem.endswith((name[:-1], name[:-1] + "新区"))
        and name in _city_of()
    }  # the area's name ends in the district's: 连云港片区 (a city) and 青白江铁路港片区 (a port) name none
    if len(found) != 1:
        return None
    name = next(iter(found))
    return Place(_city_of()[name] + name, name[:-1], "district")


def is_municipality(place: Place) -> bool:
    """True for a city that is its own province (北京市, 天津市, 上海市, 重庆市): its vertical bodies are named like a
    province's (国家外汇管理局天津市分局)."""
    return place.level == "city" and place.name in _provinces()


PLANNED_CITIES = frozenset(load_agency_yaml("departments.yaml")["separately_planned_cities"])
"""The stems of the separately planned cities (大连, 青岛, 宁波, 厦门, 深圳): ranked with provinces in vertical
networks."""


def ranks_as_province(place: Place) -> bool:
    """True for a province, a municipality or a separately planned city: a vertical body's office there is named as a
    province's (国家外汇管理局天津市分局, 国家外汇管理局宁波市分局), not as a city's 中心支局."""
    return place.level == "province" or place.stem in PLANNED_CITIES or is_municipality(place)


_DEVELOPMENT_ZONE_KINDS = {
    *load_agency_yaml("departments.yaml")["units"],
    *load_agency_yaml("departments.yaml")["zone_kind_full"],
}
_ZONE_KIND_RE = re.compile("|".join(sorted(_DEVELOPMENT_ZONE_KINDS, key=len, reverse=True)))
"""Kinds of development zone (高新区, 经开区, 综合保税区), not an FTZ's areas (片区): a zone's own notice names its
city only by the stem opening the zone's name."""
_FTZ_STEMS = ("自贸", "自由贸易")
"""What opens an FTZ's name before its kind (上海自贸试验区): the zone a document copies from, never its own."""
_ZONE_OWN_NAME = 4
"""How many characters of a zone's own name may stand between its city's stem and its kind (宜宾 + 临港 + 经开区)."""


def zone_city(head: str) -> Place | None:
    """The one city whose stem opens a zone's short name in the document's head (关于襄阳高新区…的公示, 宜宾临港经开区:
    襄阳市, 宜宾市), the city of a zone's own notice that never writes the city's full name; None when none or
    several."""
    divisions = load_divisions()
    cities = set()
    for match in _ZONE_KIND_RE.finditer(head):
        if head[: match.start()].endswith(_FTZ_STEMS):
            continue  # 复制推广上海自贸试验区…: the FTZ copied from, no zone of the document's own city
        window = head[max(0, match.start() - _ZONE_OWN_NAME - 3) : match.start()]
        for i in range(len(window) - 1):
            name = next((n for k in (3, 2) if (n := divisions.by_stem.get(window[i : i + k], ""))), "")
            if name.endswith("市") and name not in divisions.city_of:
                cities.add(name)
                break
    return place_of(next(iter(cities))) if len(cities) == 1 else None


def publisher_city(document_text: str) -> Place | None:
    """The one city whose body a web page's source line names as its publisher (信息来源：东阳市发展和改革局, 来源：X市
    人民政府): a city's own page says 我市 and writes its bodies 市X局, while it may name its prefecture (金华市公布…)
    too; None when the page has no such line or its lines name several cities."""
    divisions = load_divisions()
    cities = set()
    for match in _PUBLISHER_RE.finditer(document_text):
        unit = match.group(1)
        name = next((n for k in (4, 3, 2) if (n := unit[:k]) in divisions.names), None)
        place = place_of(name) if name else None
        if place is not None and place.level == "city":
            cities.add(place.name)
    return place_of(next(iter(cities))) if len(cities) == 1 else None


_PUBLISHER_RE = re.compile(
    "(?:^|[\\s（(])(?:信息来源|文章来源|稿件来源|来源|发布机构|发布单位|发文机关)"
    "[ \t\u3000]*[:：][ \t\u3000]*([\u4e00-\u9fff]{4,30})",
    re.MULTILINE,
)


def dateline_city(text: str) -> Place | None:
    """The city a news item's dateline names by its stem at the text's start (内江讯, 本报宜宾讯, 新华社成都3月5日电):
    where the item is reported from, whose 市X局 it names; None when no dateline or no prefecture-level city."""
    dateline = _DATELINE_RE.match(text)
    if dateline is None:
        return None
    divisions = load_divisions()
    name = next((n for k in (4, 3, 2) if (n := divisions.by_stem.get(dateline.group(1)[:k], ""))), "")
    place = place_of(name) if name.endswith("市") and name not in divisions.city_of else None
    return place if place is not None and place.level == "city" else None


_DATELINE_RE = re.compile(
    r"\s*(?:本报|本台|本网|新华社|中新社)?([\u4e00-\u9fff]{2,4}?)"
    r"(?:[0-9０-９]{1,2}月[0-9０-９]{1,2}日)?(?:讯|电)[ \t\u3000]"
)
