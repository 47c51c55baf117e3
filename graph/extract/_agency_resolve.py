"""Every mention's full name written from the case's context (read in ``_agency_context``): 市X局 -> the case's
city, 区X局 -> the district the case is about, a bare core -> the body of its family the case names, else a
low-confidence mention. Split from ``agencies`` by noun.
"""

from __future__ import annotations

import re

from ftzgraph.graph.extract._agency_committees import _AREA, _COMMITTEE, party_body_name
from ftzgraph.graph.extract._agency_context import _ZONE_KIND_FULL, _ZONE_KIND_NAMES, _ZONE_NAME_ENDINGS
from ftzgraph.graph.extract._agency_divisions import (
    ranks_as_province,
)
from ftzgraph.graph.extract._agency_hits import (
    _Context,
    _Hit,
)
from ftzgraph.graph.extract._agency_names import CJK, Place, load_agency_yaml, load_divisions
from ftzgraph.graph.extract._agency_networks import office_rank
from ftzgraph.graph.extract._agency_places import Gazetteer
from ftzgraph.graph.extract.gazetteer import load_gazetteer as load_ftz_gazetteer


def _kind_full(kind: str) -> str:
    """The full kind a zone kind's short name stands for (经开区 -> 经济技术开发区; 开发区 stays 开发区)."""
    return _ZONE_KIND_FULL.get(kind, kind)


def _zone_in_full(name: str, zone: Place) -> str:
    """``name`` with the zone's short name (吉林经开区) written as the zone's full name (吉林经济技术开发区)."""
    for short, full in _ZONE_KIND_FULL.items():
        if zone.name.endswith(full) and name.startswith(short_name := zone.name[: -len(full)] + short):
            return zone.name + name[len(short_name) :]
    return name


AREA_LEVEL = "area"
"""The level of a core written after the bare word 片区 (片区经济发展局): a department of its area's committee."""


_SERVICE_HALLS = frozenset(load_agency_yaml("departments.yaml")["service_halls"])
"""Halls of government services (政务服务中心): a zone committee's document's bare hall is the zone's own."""


def _resolve(hits: list[_Hit], ctx: _Context, gaz: Gazetteer, text: str = "") -> None:
    """Write every mention's full name: prefixed ones from their prefix, bare ones from the body of the
    same family the case names with a prefix, else from the case's city; area bodies (X片区Y) fold into
    the city body X市Y when the case names both."""
    for hit in hits:
        if hit.name is None and hit.prefix is not None:
            _resolve_prefixed(hit, ctx, gaz)
            if hit.prefix.place is None:
                hit.confidence = "medium" if hit.place is not None else "low"
    named: dict[str, set[str]] = {}
    for hit in hits:
        if hit.name:
            named.setdefault(hit.core.family, set()).add(hit.name)
    for hit in hits:
        if hit.name is not None:
            continue
        family = named.get(hit.core.family, set())
        if hit.core.national and hit.core.core == hit.core.canonical:  # written in full: the national body
            hit.name = hit.core.canonical
        elif len(family) == 1 and not (hit.core.core in _BARE_FAMILY_ONLY and hit.generic):
            hit.name = next(iter(family))
            hit.place = next((h.place for h in hits if h.name == hit.name and h.place), None)
            hit.confidence = "medium"
        elif hit.core.party:  # 市委宣传部 written bare: the party committee of the case's own place of that level
            level = {"市": "city", "区": "district", "县": "county"}.get(hit.core.core[0], "province")
            place = ctx.at(level)
            if place is not None:
                hit.name, hit.place, hit.confidence = party_body_name(place.name, hit.core.canonical), place, "medium"
            else:
                hit.name, hit.confidence = hit.core.core, "low"
        elif hit.core.core in _BARE_FAMILY_ONLY:  # 法院 with no court of the case named once
            listed = _list_head_place(hit, hits)  # 绥芬河市司法局、公安局、法院: the list's place
            if listed is not None and not hit.generic:
                hit.name, hit.place, hit.confidence = listed.name + hit.core.canonical, listed, "medium"
            else:
                hit.name, hit.confidence = hit.core.canonical, "low"
        elif hit.core.core in load_agency_yaml("departments.yaml")["no_city_fallback"]:
            hit.name, hit.confidence = hit.core.core, "as_written"  # a kind of body, kept as the text names it
        elif hit.core.stem_place and hit.core.needs_prefix:  # 海关 alone, no office named once: never made up
            hit.name, hit.confidence = hit.core.canonical, "low"
        elif (
            (zone := ctx.zone or ctx.document_zone) is not None
            and not hit.core.national
            and text.endswith(("管委会", _COMMITTEE), 0, hit.start)
        ):  # 管委会经发局 in a zone's case or bulletin: a department of that zone's committee, not its city's bureau
            hit.name, hit.place, hit.confidence = zone.name + _COMMITTEE + hit.core.canonical, zone, "medium"
        elif hit.core.canonical in _SERVICE_HALLS and ctx.document_zone is not None:
            hit.name, hit.place = ctx.document_zone.name + hit.core.canonical, ctx.document_zone  # a zone's own hall
            hit.confidence = "medium"
        elif hit.core.national or ctx.city is None:
            hit.name = hit.core.canonical
            hit.confidence = "high" if hit.core.national else "low"
        else:
            hit.name, hit.place = ctx.city.name + hit.core.canonical, ctx.city
            hit.confidence = "medium"
    written = {h.name for h in hits if h.name}
    divisions = load_divisions()
    for hit in hits:  # 西永海关 after 重庆西永海关: the body the case named with its city
        if hit.name is None or not hit.core.stem_place:
            continue
        short = hit.name
        longer = [n for n in written if n != short and n.endswith(short)]
        head = longer[0][: -len(short)] if len(longer) == 1 else ""
        if head and (head in divisions.by_stem or head in divisions.names_in(head) or len(short) >= 4):
            hit.name = longer[0]  # 机场海关 after 西安咸阳机场海关: a short name of a body the case named in full
    for hit in hits:  # 吉林经开区行政审批局 in the case of 吉林经济技术开发区: the zone by the name its case gives it
        if hit.name and ctx.zone is not None:
            hit.name = _zone_in_full(hit.name, ctx.zone)
    names = {h.name for h in hits}
    for hit in hits:
        if hit.place and hit.place.level == "area":
            city = next((p for p in gaz.by_stem.get(hit.place.stem, ()) if p.level == "city"), None)
            if city and (alt := city.name + hit.unit + hit.core.canonical) in names:
                hit.name, hit.place = alt, city


_BUREAU_BRANCH_RE = re.compile(
    f"[{CJK}]{{2,8}}?(?:{'|'.join(load_agency_yaml('departments.yaml')['bureau_branch_endings'])})"
)


_STATIONS: dict[str, str] = load_agency_yaml("departments.yaml")["bureau_stations"]
_STATION_RE = re.compile(f"(?P<stem>[{CJK}]{{2,3}}?)所(?![{CJK}]?[长在属有])")
"""A town's station right after its bureau, by the town's stem (彭场所); not 所长 or 所在, 所属, 所有."""


def _bureau_branches(text: str, hits: list[_Hit]) -> list[_Hit]:
    """A city bureau written right before one of its district offices named by the district's stem (市规划和自然资源局
    盐田管理局, 市公安局南岗分局) or by a zone (苏州市公安局苏州工业园区分局, 市自然资源和规划局经开区分局), or a
    province's bureau before its office in a city (江苏省药品监督管理局常州检查分局): one body, the office, named
    after the bureau; the stem alone names no body."""
    by_start = {h.start: h for h in hits}
    dropped: set[int] = set()
    for hit in hits:
        office = by_start.get(hit.end)
        station = _STATION_RE.match(text, hit.end)
        if hit.name and hit.core.canonical in _STATIONS and station is not None and hit.end not in by_start:
            hit.name += station["stem"] + _STATIONS[hit.core.canonical]  # 市市场监管局彭场所: the bureau's town station
            hit.end = station.end()
            continue
        if not (hit.name and hit.place is not None and hit.place.level in ("city", "province")):
            continue
        level = hit.place.level
        if level == "city" and office is not None and _BUREAU_BRANCH_RE.fullmatch(text, office.start, office.end):
            hit.name += text[office.start : office.end]
            hit.end, hit.acting = office.end, hit.acting or office.acting
            dropped.add(id(office))
        elif (
            (branch := _BUREAU_BRANCH_RE.match(text, hit.end)) is not None
            and _branch_head(branch.group(), level, text)
            and not any(h.start < branch.end() and hit.end < h.end for h in hits if h is not hit)  # 会同市应急管理局
        ):
            hit.name += branch.group()  # 市生态环境局环翠分局: a district office no core names
            hit.end = branch.end()
            _own_city_office(text, hit, branch.group())
    return [h for h in hits if id(h) not in dropped]


def _own_city_office(text: str, hit: _Hit, office: str) -> None:
    """A bureau written 市X局 before its office named by the case's own county-level city (市自然资源和规划局平湖分局
    in a 平湖市 case): the office of the prefecture's bureau in that city (嘉兴市自然资源和规划局平湖分局), as a
    county-level city keeps no bureau with an office named after itself. A bureau written with its place in full stays
    as written."""
    place = hit.place
    if place is None or hit.name is None or not hit.name.startswith(place.name) or not office.startswith(place.stem):
        return
    parent = load_divisions().city_of.get(place.name)
    written = text[hit.start : hit.end]
    if parent is None or written.startswith(place.name) or not parent.endswith("市"):
        return
    hit.name = parent + hit.name[len(place.name) :]


"""The separately planned cities, whose regulators' offices are named like a province's (陕西银保监局, 大连银保监局)."""


_ZONE_OFFICE_HEAD = 6
"""The longest zone name a city bureau's office is named by (金普新区分局; 金普新区 is four characters)."""


_BRANCH_ENDINGS = "(?:分局|管理局)$"


def _branch_head(office: str, level: str, text: str = "") -> bool:
    """True when ``office`` is where a bureau of ``level`` has a branch: for a city's bureau, an office that opens
    with the stem or the name of a district or county (环翠分局, 盐田管理局, 准格尔旗分局), names a development zone
    by its kind (经开区分局, or the kind's word without 区: 高新分局) or a zone whose name opens with a place's stem
    (苏州工业园区分局); for a province's bureau, an office that opens with the stem of one of its prefecture-level
    cities (常州检查分局). A city bureau's
    office may also be named by the own word of a zone ``text`` names whole (大亚湾分局 in a case naming 惠州大亚湾经济
    技术开发区)."""
    head = re.sub(_BRANCH_ENDINGS, "", office)
    divisions = load_divisions()
    stems = [name for length in (3, 2) if (name := divisions.by_stem.get(office[:length]))]
    if level == "province":
        return any(name.endswith(_PREFECTURE_LEVEL) and name not in divisions.city_of for name in stems)
    if head in divisions.names or head in _ZONE_KINDS or (len(head) >= 2 and head + "区" in _ZONE_KIND_NAMES):
        return True  # 经开区分局, or 高新分局 and 经开分局: a zone named by its kind's word without 区
    if len(head) <= _ZONE_OFFICE_HEAD and head.endswith(_ZONE_NAME_ENDINGS):  # 金普新区分局: a zone's office
        return True
    if len(head) > 5:  # a zone's own name (苏州工业园区): a place's stem, then the zone's kind
        return bool(stems) and head.endswith(tuple(_ZONE_KIND_NAMES))
    if len(head) >= 2 and re.search(f"{re.escape(head)}(?:{'|'.join(_ZONE_NAME_ENDINGS)})", text):
        return True  # 大亚湾分局 when the case names 大亚湾经济技术开发区: the zone's own word
    return any(name.endswith(("区", "县", "市")) for name in stems)


_PREFECTURE_LEVEL = ("市", "州", "盟", "地区")
_ZONE_KINDS = _ZONE_KIND_NAMES | set(load_agency_yaml("departments.yaml")["units"]) | set(_ZONE_KIND_FULL.values())
"""A zone's kind, short or in full (经开区, 经济技术开发区): a city bureau's branch may be named by it alone."""


def _list_head_place(hit: _Hit, hits: list[_Hit]) -> Place | None:
    """The place written on the first item of a 、-list that ``hit`` ends (X市司法局、公安局、法院): a shared
    prefix the bare items inherit. None when the hit is no list item or the list's head has no place."""
    by_end = {h.end: h for h in hits}
    current = hit
    while current.start >= 1 and (previous := by_end.get(current.start - 1)) is not None:
        if previous.prefix is not None and previous.prefix.place is not None:
            return previous.prefix.place
        current = previous
    return None


def _resolve_prefixed(hit: _Hit, ctx: _Context, gaz: Gazetteer) -> None:
    prefix, core = hit.prefix, hit.core
    assert prefix is not None
    place = prefix.place or (ctx.at(prefix.level) if prefix.level else None)
    if place is None and core.party and core.core[0] in ("市", "区", "县", "省"):
        place = ctx.at({"市": "city", "区": "district", "县": "county"}.get(core.core[0], "province"))
    if place is None and prefix.unit and prefix.level is None and ctx.zone and ctx.zone.name.endswith(prefix.unit):
        hit.name, hit.place, hit.unit = ctx.zone.name + core.canonical, ctx.city, prefix.unit  # 开发区管委会: its own
        hit.confidence = "medium"
        return
    if place is None and prefix.level == "district" and not prefix.unit and not core.party and ctx.zone is not None:
        hit.name, hit.place, hit.unit = ctx.zone.name + core.canonical, ctx.zone, ""  # 区市场监管局 in a zone's case
        return
    if place is None and prefix.unit and prefix.level is None and ctx.city is not None:
        place = ctx.city  # 高新区管委会 in a 合肥市 case: the city's 高新区
    if place is None:  # a level the case does not name (区政府 with no district in sight): keep it as written
        hit.name = core.canonical if core.party else core.core
        return
    if place.level in ("district", "unit"):  # 示范区农业农村局 after 杨凌示范区…; 湖里区 after 厦门市湖里区
        longer = [p for name, p in gaz.by_name.items() if name.endswith(place.name) and len(name) > len(place.name)]
        if not longer and place.name.endswith("区"):  # 港务区 after 西安国际港务区片区: the zone an area is named for
            names = {_FTZ_HEAD_RE.sub("", n[: -len(_AREA)]) for n in gaz.by_name if n.endswith(place.name + _AREA)}
            longer = [Place(n, n, "unit") for n in names if len(n) > len(place.name)]
        if len(longer) == 1:
            place = longer[0]
        elif place.name in _ZONE_KIND_NAMES and ctx.zone and ctx.zone.name.endswith(_kind_full(place.name)):
            place = ctx.zone  # 经开区行政审批局 in the case of 长春经济技术开发区: that zone's bureau
        elif place.name in _ZONE_KIND_NAMES:  # 示范区管委会 with no 杨凌示范区 in the case: no place to name it by
            hit.name, hit.confidence = core.core, "low"  # kept as a mention, as a level the case does not name
            return
    if prefix.by_stem and core.place_as_written:  # 南昌仲裁委员会 stays as written
        hit.name, hit.place, hit.unit = place.stem + (prefix.unit or "") + core.canonical, place, prefix.unit or ""
        return
    if prefix.by_stem and not core.stem_place and not core.party:
        place = gaz.main_place(place.stem) or place
    unit = prefix.unit or ""
    ftz_area = load_ftz_gazetteer().resolve(place.name) if place.level == "area" else None
    if core.canonical == _COMMITTEE and ftz_area is not None and ftz_area.area and not unit:  # not 平潭综合实验区's
        zone = load_ftz_gazetteer().zones[ftz_area.zone]
        hit.name = f"{zone['name_zh']}{ftz_area.area}{_COMMITTEE}"  # 中国（河南）自由贸易试验区郑州片区管理委员会
    elif ftz_area is not None and ftz_area.area and not unit and prefix.level == AREA_LEVEL and not core.stem_place:
        zone = load_ftz_gazetteer().zones[ftz_area.zone]  # 片区经济发展局: a department of the area's committee
        hit.name = f"{zone['name_zh']}{ftz_area.area}{_COMMITTEE}{core.canonical}"
    elif core.party:
        hit.name = party_body_name(place.name, core.canonical)
    elif (
        core.province_named_as and not unit and ranks_as_province(place)  # 天津市外汇局
    ):
        hit.name = core.province_named_as.format(stem=place.stem, name=place.name)
    elif core.city_named_as and not unit and (rank := office_rank(place, ctx.reorganised, core.family)) is not None:
        place = rank[0]  # 市外汇局: the city's 中心支局 or 分局; a provincial capital's: its province's 分局
        hit.name = core.city_named_as.format(name=place.name, rank=rank[1])
    elif core.named_as and not unit and core.level_as_written and prefix.place is None:
        hit.name = place.name + core.core  # 市金融监管局: a level's bureau, as written
    elif core.named_as and not unit:  # 舟山银监分局: the regulator's branch by its full name
        office = core.canonical.removeprefix(core.core) if core.canonical.startswith(core.core) else ""
        hit.name = core.named_as.format(stem=place.stem) + office  # X金融监管分局Y监管支局: its sub-office
    elif core.stem_place and not prefix.by_stem and _zone_named(place):  # 兰州新区海关, 苏州工业园区海关
        hit.name = place.name + unit + core.canonical
    elif core.stem_place or (unit and (place.stem + unit in gaz.by_name or prefix.by_stem)):  # 北京经济技术开发区
        hit.name = place.stem + unit + core.canonical
    else:
        hit.name = place.name + unit + core.canonical
    hit.place, hit.unit = place, unit


_NEW_AREA_SUFFIX = "新区"
_FTZ_HEAD_RE = re.compile("^.*(?:自由贸易试验区|自贸试验区|自贸区)")
"""The FTZ's name before an area's (中国（陕西）自由贸易试验区西安国际港务区片区): the zone the area is named for is
西安国际港务区, not the FTZ's."""


def _zone_named(place: Place) -> bool:
    """True for a new area or a zone (兰州新区, 苏州工业园区: a name of three characters or more, then a zone's
    kind; not a district such as 梁园区): a body named after it, as customs offices are, keeps the whole name, not a
    stem cut at its last character (no 苏州工业园海关)."""
    return place.name.endswith(_NEW_AREA_SUFFIX) or any(
        place.name.endswith(kind) and len(place.name) - len(kind) >= 3 for kind in _ZONE_KIND_NAMES
    )


_BARE_FAMILY_ONLY = frozenset(load_agency_yaml("departments.yaml")["bare_family_only"])
