"""A case's context: its city, district, county, province and FTZ area, read from its provider, its document's head
and the bodies it names. Kept apart from the resolution that writes each mention's full name from the context, so
that what a case is about is read in one place. The city each single clue gives is read by ``_agency_cities.py``."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace

from ftzgraph.graph.extract._agency_cities import (
    _branch_city,
    _city_of_district,
    _office_city,
    _prefecture,
    _provider_stem_city,
    _stem_city,
    _stem_offices_city,
    _writes_city_level,
    _writes_level,
)
from ftzgraph.graph.extract._agency_committees import _AREA
from ftzgraph.graph.extract._agency_divisions import (
    area_district,
    dateline_city,
    is_municipality,
    publisher_city,
    sole_local_place,
    sole_municipality,
    zone_city,
)
from ftzgraph.graph.extract._agency_hits import _Context, _Hit
from ftzgraph.graph.extract._agency_names import CJK, Place, load_agency_yaml, load_divisions, place_of
from ftzgraph.graph.extract._agency_networks import reorganised
from ftzgraph.graph.extract._agency_places import Gazetteer, document_province
from ftzgraph.graph.extract.gazetteer import load_gazetteer as load_ftz_gazetteer
from ftzgraph.graph.model import CaseText


def _context(case: CaseText, provider: str | None, gaz: Gazetteer, hits: list[_Hit]) -> _Context:
    """City from the provider (大庆市, or 绥芬河片区 -> 绥芬河市 when the text names it), district and
    county from the case's own full names (松北区司法局 makes 区 mean 松北区), province from the document."""
    doc_text = case.document.text
    city = None
    provider = provider or (case.table_row.provider if case.table_row else None)
    own = _GOVERNMENT_TAIL_RE.sub("", provider) if provider else None  # 武汉市硚口区人民政府: the place it governs
    own = load_divisions().full_of.get(own, own) if own else None  # 河口县: the county 河口瑶族自治县
    place = place_of(own) if own else None
    district_document = bool(sole_local_place(_document_head(doc_text), gaz, None).get("district"))
    if place is not None and district_document and _zone_not_district(place):
        place = None  # 前锋经开区管委会 in 前锋区's own list: a zone of the district, whose 区X局 are the district's
    ftz_place = load_ftz_gazetteer().resolve(re.sub("(管委会|管理委员会)$", "", provider)) if provider else None
    area = Place(ftz_place.area, ftz_place.area[: -len(_AREA)], "area") if ftz_place and ftz_place.area else None
    if area is not None and (place is None or place.level == "area"):  # 中国（湖南）自由贸易试验区长沙片区: 长沙片区
        place = area
    own_local: Place | None = None
    town: Place | None = None
    if place is None and own:  # 准格尔旗行政审批和政务服务局, 薛家湾镇人民政府: a body's or a town's own case
        body_place = _body_place(own)
        if body_place is not None and body_place.level == "town":
            town = body_place
        elif body_place is not None and body_place.level != "city":
            place = body_place
    if place and place.level == "city":
        city = place
    elif place and place.level in ("district", "county"):
        own_local = place  # 嘉善县, 硚口区: a district's or county's own case; 县X局 and 区X局 are its bodies
        parent = load_divisions().city_of.get(place.name)
        if parent is not None and place.level == "district" and (found := place_of(parent)) is not None:
            city = found  # 章贡区 -> 赣州市: a district's bodies are named with their city (中共赣州市章贡区委)
            if not _city_zone(place.name, found.stem):  # 苏州工业园区: a zone of the city that is a district
                own_local = replace(place, name=parent + place.name)
    elif place:
        city = next((p for p in gaz.by_stem.get(place.stem, ()) if p.level == "city"), None)
        if city is None and place.level == "area":  # 烟台片区 in a text that never writes 烟台市: the city of its stem
            named = load_divisions().by_stem.get(place.stem)
            city = found if named and (found := place_of(named)) is not None and found.level == "city" else None
    if city is None and own:  # 成都市双流区: the city that opens the provider's name, then its district
        names = load_divisions().names
        head = next((n for n in sorted(load_divisions().names_in(own), key=len) if own.startswith(n)), None)
        if head and head != own and (found := place_of(head)) is not None and found.level == "city":
            city = found
            local_place = place_of(own[len(head) :]) or _local_body_place(own[len(head) :])
            if local_place is not None and local_place.level == "county" and own[len(head) :] in names:
                own_local = local_place  # 阿拉善盟阿拉善左旗: a county's or banner's bodies go by its own name
            elif local_place is not None:  # named with its city, as district bodies are (佛山市南海区卫生健康局)
                own_local = replace(local_place, name=head + local_place.name)
    if city is not None and own and (branch_city := _branch_city(own, city)) is not None:
        city = branch_city  # 宁波市自然资源和规划局慈溪分局: the case is 慈溪市's, whose 市发改局 it names
    zone = _own_zone(own, lambda name: name in doc_text) if own else None
    if city is None and zone is not None:  # 吉林经济技术开发区: the city whose stem opens the zone's name
        named = next((n for k in (3, 2) if (n := load_divisions().by_stem.get(zone.name[:k]))), None)
        city = found if named and (found := place_of(named)) is not None and found.level == "city" else None
    head = _document_head(doc_text)
    if town is None:  # 镇便民服务中心 in a township's own list (彭场镇…清单, 仙桃市彭场镇人民政府): the document's town
        town = _document_town(doc_text, head)
        own_town = town.name[-len(town.stem) - 1 :] if town is not None else ""
        above = place_of(town.name[: -len(own_town)]) if town is not None and own_town in head else None
        if city is None and above is not None and above.level == "city":
            city = above  # 仙桃市彭场镇 of 彭场镇…清单: the town's city, whose 市X局 the township's own document names
    if city is None and own:  # 镇江海事局 (扬中市人民政府 helping) in a 镇江 booklet: the provider's stem's city
        city = _stem_city(own, head, case.text, gaz)
    if city is None:  # the city the case names most (by the name it writes: 黔南州 for 黔南布依族苗族自治州)
        cities = [p for n, p in gaz.by_name.items() if p.level == "city" and n in case.text]
        city = max(cities, key=lambda p: case.text.count(p.name), default=None)
        city = _office_city(case.text, city) if city is not None else None
    if city is None:  # 内江讯　经市政府同意，市发展改革委牵头…: a news item's dateline names its city
        city = dateline_city(case.text)
    if city is None:  # a case of a district's or city's own notice (北京市朝阳区人民政府办公室): the head's only city
        in_head = {p.name: p for n, p in gaz.by_name.items() if p.level == "city" and n in head}
        city = next(iter(in_head.values())) if len(in_head) == 1 else zone_city(head)
    if city is None:  # 信息来源：东阳市发展和改革局 on a city's own page that names its prefecture too
        city = publisher_city(doc_text)
    if city is None and (book := _YEARBOOK_RE.search(head)):  # 株洲年鉴（2024）: a city's yearbook names it by its stem
        named = load_divisions().by_stem.get(book["stem"])
        city = found if named and (found := place_of(named)) is not None and found.level == "city" else None
    if city is None:  # 江门海关联合市商务局 in a customs office's or an FTZ area's case: the one city its offices name
        city = _stem_offices_city(hits)  # (after the head's city: 南京海关 in a 合肥 collection names no 合肥 body)
    if city is None and _writes_city_level(hits):  # 衡阳高新区出资…，市市场监管局…: the one city its zones name
        city = zone_city(case.text)
    if city is None:  # 市商务委 in a case of a 上海 document that names no city itself: the document's municipality
        city = sole_municipality(gaz)
    if city is None and own:  # 海口江东新区管理局 联合市住建局 in a text that names no city: the provider's stem's
        city = _provider_stem_city(own)
    local = {
        level: {
            h.prefix.place
            for h in hits
            if h.prefix
            and h.prefix.place
            and h.prefix.place.level == level
            and not (district_document and _zone_not_district(h.prefix.place))
        }
        for level in ("district", "county")
    }
    if own_local is not None and own_local.level in local:
        local[own_local.level].add(own_local)
    for level, places in local.items():  # 硚口区 and 武汉市硚口区: one district, written with and without its city
        by_name = {p.name: p for p in sorted(places, key=lambda p: p is own_local)}
        local[level] = {p for n, p in by_name.items() if not any(m.endswith(n) and m != n for m in by_name)}
    if own_local is not None and own_local.level in local:  # 源汇区's case naming 经开区建设局: a zone, no district
        local[own_local.level] = {p for p in local[own_local.level] if p.name not in _ZONE_KIND_NAMES}
    if own_local is None and not local["district"] and not local["county"] and area is None:
        # 【章贡区】…由区行政审批局牵头: the one district the case names, else the one its document's head names (a
        # district's or county's own notice: 准格尔旗人民政府办公室文件)
        local |= sole_local_place(case.text, gaz, city) or sole_local_place(head, gaz, city)
    unplaced = place is None and own_local is None and (not own or _body_place(own) is None)  # 县商务局, no provider
    for level in ("county", "district"):  # 县商务局 in 岐山县…工作总结 naming 重庆市 elsewhere: the head's own county
        if unplaced and not local[level] and _writes_level(hits, level):
            local[level] = sole_local_place(head, gaz, None).get(level, set())
    if own and own_local is None and not local["county"] and _writes_level(hits, "county"):
        # 来安汊河经济开发区管委会 … 县自然资源和规划局: the county whose stem opens the provider's name
        named = next((n for k in (3, 2) if (n := load_divisions().by_stem.get(own[:k]))), None)
        if named is not None and named.endswith("县") and (found := place_of(named)) is not None:
            local["county"] = {found}
    district = area_district(area) if area is not None and own_local is None and not local["district"] else None
    if district is not None:
        local["district"] = {district}  # 南沙片区会同区税务局: the district the area is named after (南沙区)
    of_area = district is not None
    if city is None and len(local["district"]) == 1:  # 临渭区 in a text that never writes 渭南市: the district's city
        city = _city_of_district(next(iter(local["district"])).name)
    if city is None and len(local["district"]) == 1:  # 浦东新区 in a text that never writes 上海市: its municipality
        province = place_of(load_divisions().province_of.get(next(iter(local["district"])).name, "") or "-")
        city = province if province is not None and is_municipality(province) else None
    if not local["district"] and city is not None:  # X市Y示范区（以下简称示范区）: 区 means that zone
        defined = _DEFINED_ZONE_RE.search(case.text)
        if defined and city.name in defined.group(1):
            full = defined.group(1)[defined.group(1).rfind(city.name) :]
            if len(full) > len(city.name) + 1:
                local["district"] = {Place(full, full[len(city.name) : -1], "district")}
    province_name = document_province(doc_text, gaz)
    for known in (city, own_local):  # 昆明市 -> 云南省: 省商务厅 in a city's case; 准格尔旗 -> 内蒙古自治区
        if province_name is None and known is not None:
            province_name = load_divisions().province_of.get(known.name)
    if province_name is None:  # 自治区商务厅 会同乌鲁木齐海关: the province of the places the case names
        province_name = _province_of_places(case.text, gaz, hits)
    new_area = None
    if own and (new := _NEW_AREA_RE.fullmatch(re.sub("(?:管委会|管理委员会)$", "", own))) is not None:
        new_area = Place(new.group(), new.group(1), "unit")  # 青岛西海岸新区管委会 -> 青岛西海岸新区
    elif own and (new := _NEW_AREA_RE.match(own)) is not None and own.endswith(_BODY_ENDS):
        new_area = Place(new.group(), new.group(1), "unit")  # 兰州新区商务和口岸局: a body of the zone provides
    return _Context(
        city,
        next(iter(local["district"])) if len(local["district"]) == 1 else None,
        next(iter(local["county"])) if len(local["county"]) == 1 else None,
        _province_place(province_name) if province_name else None,
        area,
        new_area,
        district_of_area=of_area,
        town=town,
        zone=zone,
        document_zone=_document_zone(head),
        prefecture=_prefecture(city, gaz),
        reorganised=reorganised(doc_text, case.document.date),
    )


@functools.lru_cache(maxsize=8)
def _document_head(text: str) -> str:
    """The issuer's header and title among the document's first three lines with text (北京市朝阳区人民政府办公室,
    准格尔旗人民政府办公室文件, 浦东新区…案例汇编), which name the place the document is of; a line of a case (its
    heading, its provider line) is none."""
    lines = [line.strip() for line in text[:_HEAD_CHARS].splitlines() if line.strip()][:3]
    return "\n".join(line for line in lines if not _CASE_LINE_RE.search(line))


_HEAD_CHARS = 600
"""How far into the document its header is looked for (a few short lines)."""


_YEARBOOK_RE = re.compile(r"^[ \t\u3000]*(?P<stem>[\u4e00-\u9fff]{2,3}?)市?年鉴", re.M)


_CASE_LINE_RE = re.compile(r"提供|报送|供稿|推荐|单位|^(?:案例|[（(]?[一二三四五六七八九十0-9]+[）)、.．])")


_BODY_HEADS = tuple(load_agency_yaml("departments.yaml")["national_body_heads"])


_TOWN_RE = re.compile(f"([{CJK}]{{2,5}}?[镇乡])(?:人民政府|政府|党委)?$")


def _body_place(own: str) -> Place | None:
    """The place a body's name opens with (准格尔旗 of 准格尔旗交通运输局, of 国家税务总局准格尔旗税务局), or the town a
    town government's name gives (薛家湾镇人民政府): the place whose bodies 旗X局, 县X局 and 镇政府 are in its case."""
    for head in _BODY_HEADS:
        own = own.removeprefix(head)
    heads = [n for n in load_divisions().names_in(own) if own.startswith(n) and len(n) < len(own)]
    if heads:
        name = max(heads, key=len)
        found = place_of(name)
        return Place(load_divisions().full_of.get(name, name), found.stem, found.level) if found else None
    town = _TOWN_RE.fullmatch(own)
    return Place(town.group(1), town.group(1)[:-1], "town") if town else None


_HEAD_ZONE_RE = re.compile(
    f"[{CJK}]{{2,20}}?(?:{'|'.join(load_agency_yaml('departments.yaml')['zone_name_endings'])})(?=管委会|管理委员会)"
)


def _document_zone(head: str) -> Place | None:
    """The one development zone whose committee the document's head names (资阳高新区管委会党政办公室编 under a
    bulletin's title): a zone committee's own document, whose bare service hall (政务服务中心) is the zone's, not its
    city's. None when the head names no committee or several."""
    zones = {m.group() for m in _HEAD_ZONE_RE.finditer(head)}
    return Place(zones.pop(), "", "unit") if len(zones) == 1 else None


_TOWN_GOVERNMENT_RE = re.compile(f"([{CJK}]{{2,4}}?[镇乡])(?:人民政府|党委)")
_LINE_TOWN_RE = re.compile(f"^([{CJK}]{{2,3}}?[镇乡])")


@functools.lru_cache(maxsize=8)
def _document_town(text: str, head: str) -> Place | None:
    """The one town a township's own document is of: the town whose government it names after the county-level
    place it is in (仙桃市彭场镇人民政府, a signature), or the town its head opens with (彭场镇…清单), named with
    that place when the document writes it (仙桃市彭场镇): its 镇X bodies are that town's. None when the document
    names no town so, or several (a county's list of its towns)."""
    divisions = load_divisions()
    towns: dict[str, str] = {}
    for match in _TOWN_GOVERNMENT_RE.finditer(text):
        before = text[max(0, match.end(1) - 16) : match.end(1)]
        for name in sorted(divisions.names_in(before), key=len, reverse=True):
            town = before[before.rfind(name) + len(name) :]  # 彭场镇 after 仙桃市
            if 3 <= len(town) <= 5 and re.fullmatch(f"[{CJK}]+", town):
                towns.setdefault(town, name + town)
                break
    for line in head.splitlines():
        qualified = next((n for n in sorted(divisions.names_in(line[:12]), key=len) if line.startswith(n)), "")
        found = _LINE_TOWN_RE.match(line[len(qualified) :])
        if found is not None and not found.group(1).startswith(("各", "全", "乡镇", "城乡")):
            towns[found.group(1)] = (qualified + found.group(1)) if qualified else towns.get(found.group(1), "")
    named = {stem: name for stem, name in towns.items() if name}
    if len(towns) != 1 or not named:
        return None
    stem, name = next(iter(named.items()))
    return Place(name, stem[:-1], "town")


def _local_body_place(own: str) -> Place | None:
    """The district or county a body's name opens with (柯桥区 of 柯桥区市场监管局, after its city 绍兴市): the place of
    a district body's own case, whose 区X局 are that district's."""
    found = _body_place(own)
    return found if found is not None and found.level in ("district", "county") else None


def _province_place(name: str) -> Place | None:
    """A province's place (an autonomous region's stem as place_of gives it: 内蒙古自治区 -> 内蒙古)."""
    return place_of(name)


_ZONE_UNITS = tuple(sorted(set(load_agency_yaml("departments.yaml")["units"].values()), key=len, reverse=True))


_ZONE_KIND_FULL: dict[str, str] = load_agency_yaml("departments.yaml")["zone_kind_full"]


def _own_zone(own: str, written: Callable[[str], bool]) -> Place | None:
    """The development zone a case is about when its provider is one (吉林经济技术开发区, or its short name 吉林经开区
    when the document writes the zone's full name): 开发区管委会 and 经开区X局 in its case are that zone's bodies."""
    name = re.sub("(?:管委会|管理委员会)$", "", own)
    for short, full in _ZONE_KIND_FULL.items():
        if name.endswith(short) and written(name[: -len(short)] + full):
            name = name[: -len(short)] + full  # 吉林经开区 -> 吉林经济技术开发区, as the document writes it
            break
    unit = next((u for u in _ZONE_UNITS if name.endswith(u) and len(name) > len(u) + 1), None)
    return Place(name, name[: -len(unit)], "unit") if unit else None


_BODY_ENDS = ("局", "委员会", "委", "办公室", "中心")
"""How a body's name ends (兰州新区商务和口岸局), as opposed to a place's."""


OWN_ZONE_TAILS = tuple(sorted(load_agency_yaml("departments.yaml")["own_zone_tails"], key=len, reverse=True))


_NEW_AREA_RE = re.compile(f"([{CJK}]{{2,10}}?)(?:{'|'.join(OWN_ZONE_TAILS)})")
"""A zone's name (重庆两江新区, 青岛西海岸新区, 平潭综合实验区), the provider of its own cases."""


def _province_of_places(text: str, gaz: Gazetteer, hits: list[_Hit]) -> str | None:
    """The one province every division the case names (乌鲁木齐海关, 伊犁州) lies in; None when none or several."""
    divisions = load_divisions()
    names = {p.name for p in gaz.by_name.values() if p.name in text} | divisions.names_in(text)
    names |= {h.prefix.place.name for h in hits if h.prefix is not None and h.prefix.place is not None}
    names |= {
        divisions.by_stem.get(p.stem, p.name) for p in gaz.by_name.values() if p.level == "area" and p.name in text
    }
    names = {divisions.full_of.get(n, n) for n in names}
    provinces = {divisions.province_of[n] for n in names if n in divisions.province_of}
    return next(iter(provinces)) if len(provinces) == 1 else None


_GOVERNMENT_TAIL_RE = re.compile("(?:人民政府|政府|行政公署)$")  # 喀什地区行政公署: a prefecture's government


_DEFINED_ZONE_RE = re.compile(f'([{CJK}]{{3,20}}区)[（(]以下简称[“"]?[{CJK}]{{0,6}}区[”"]?[）)]')
"""A zone the case defines with a short name ending in 区 (开封市城乡一体化示范区（以下简称示范区）)."""


_ZONE_KIND_NAMES = frozenset(load_agency_yaml("departments.yaml")["zone_kind_names"])
"""Kinds of zone written without their proper name (示范区, 经开区): no place of their own."""


_ZONE_NAME_ENDINGS = tuple(load_agency_yaml("departments.yaml")["zone_name_endings"])


_ZONE_KIND_ENDINGS = (*_ZONE_KIND_FULL, *_ZONE_KIND_FULL.values(), "开发区")
"""How a development zone's name ends that no division's does (经开区, 高新技术产业开发区, 开发区)."""


def _zone_not_district(place: Place) -> bool:
    """True for a zone that place_of reads as a district by its last character (前锋经开区, 资阳高新区): no division
    is named so. In a zone's own case the zone stands for the district (区市场监管局: the zone's bureau); in a
    district's own document the district the head names is the case's district."""
    return (
        place.level == "district"
        and place.name.endswith(_ZONE_KIND_ENDINGS)
        and place.name not in load_divisions().names
    )


def _city_zone(district: str, stem: str) -> bool:
    """True when ``district`` is its city's stem and a zone's ending (苏州工业园区): a zone named with its city, which
    its bodies' names never repeat (岳阳楼区 is no zone: 岳阳市岳阳楼区)."""
    return district.startswith(stem) and district[len(stem) :].endswith(_ZONE_NAME_ENDINGS)
