"""A development zone's bodies named by the zone's official name, and a district's bodies with their city.

Documents write a zone short: by its kind's abbreviation after its city (合肥高新区 for
合肥高新技术产业开发区, 昆明经开区, 潍坊综保区), by a short name of its own (杨凌示范区, 两江新区 for
重庆两江新区, data/agencies/zone_names.yaml), or without the city whose name opens its official one (科技城新区
in a case that names 绵阳科技城新区, 开发区 in one that names 德阳经济技术开发区). Gold files and the zones' own
documents name a zone's bureau with the zone's official name (合肥高新技术产业开发区市场监督管理局), as they name
a city's bureau with the city's; a district's bureau likewise opens with its city (顺德区科学技术局 is
佛山市顺德区科学技术局). The names are rewritten after the rest of the name resolves. A zone's own bodies found in
the text (X管委会, X管理局) are read in ``_agency_zone_bodies``.
"""

from __future__ import annotations

import functools
import re

from ftzgraph.graph.extract._agency_divisions import subject_area
from ftzgraph.graph.extract._agency_hits import _Hit
from ftzgraph.graph.extract._agency_names import CJK, Place, load_agency_yaml, load_divisions

_DEPARTMENTS = load_agency_yaml("departments.yaml")
_KIND_FULL: dict[str, str] = _DEPARTMENTS["zone_kind_full"]
"""A zone kind's abbreviation -> the kind in full (高新区 -> 高新技术产业开发区)."""
_KIND_ALTERNATIVES: dict[str, list[str]] = _DEPARTMENTS["zone_kind_alternatives"]
"""A kind's abbreviation -> other kinds it may stand for (经开区 -> 经济开发区), taken when the case writes them."""
_HEADS = tuple(_DEPARTMENTS["national_body_heads"])
"""A national body's name before a zone's (国家税务总局合肥高新区税务局): read past to the zone."""
_ZONE_ENDINGS = tuple(_DEPARTMENTS["zone_name_endings"])
"""How a zone's name ends (新区, 工业园区, 开发区): where a zone written without its city stops."""
_AREA = "片区"
"""An FTZ area named for a zone (天府新区片区): the area's name, not the zone's."""
_NOT_ZONE_WORDS = ("自由贸易", "自贸", _AREA)
_MIDDLE = 4
"""How many characters of a zone's own name may stand between its city and its kind (长春净月高新区, 宜宾临港经开区)."""
_BRANCH_KIND_RE = re.compile(f"局({'|'.join(_KIND_FULL)})(分局|管理局)$")
"""A city bureau's office in a zone named by the zone's kind (威海市自然资源和规划局经开区分局)."""


@functools.cache
def _known_zones(key: str = "short") -> list[tuple[str, str]]:
    """(short name, official name) of the zones data/agencies/zone_names.yaml lists, longest short name first; with
    ``key`` in_context, the short names that name the zone only in a case that names it otherwise too (港区)."""
    pairs = [(short, z["full"]) for z in load_agency_yaml("zone_names.yaml")["zones"] for short in z.get(key, ())]
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


def zone_before(text: str, start: int) -> tuple[str, str] | None:
    """(short name, official name) of a known zone whose short name the text writes right before ``start``, where a
    body's core is written with no place of its own (港区建设局 in a case that names 航空港区); else None."""
    for key in ("short", "in_context"):
        for short, full in _known_zones(key):
            if not text.endswith(short, 0, start) or text.endswith(full, 0, start):
                continue
            others = [s for s, f in _known_zones() if f == full and s != short] + [full]
            if key == "short" or any(other in text for other in others):
                return short, full
    return None


_SUB_ZONE_BUREAU_RE = re.compile(
    f"(新区[{CJK}]{{2,6}}?(?:{'|'.join(_DEPARTMENTS['sub_zone_endings'])}))(?!管理委员会|管委会|区|镇|乡|街道)(?=[{CJK}]{{2}})"
)


def _sub_zone_committee(name: str) -> str:
    """``name`` of a new area's sub-zone's bureau written without its committee (西咸新区秦汉新城规划建设局) with it
    (…秦汉新城管理委员会规划建设局): a sub-zone's bureaux are its committee's."""
    match = _SUB_ZONE_BUREAU_RE.search(name)
    return name if match is None else name[: match.end()] + "管理委员会" + name[match.end() :]


def _city_stem(text: str, *, any_division: bool = False) -> str | None:
    """The stem of the city (prefecture-level or county-level) whose stem or name opens ``text`` (合肥, 合肥市); with
    ``any_division``, of a district or county too (望城经开区: the zone named by its district)."""
    divisions = load_divisions()
    for length in (4, 3, 2):
        stem = text[:length]
        city = divisions.by_stem.get(stem)
        if city is not None and (any_division or city.endswith(("市", "州", "盟", "地区"))):
            return stem
    return None


@functools.cache
def _committee_departments() -> dict[str, frozenset[str]]:
    """Official zone name -> the departments inside its committee (zone_names.yaml ``committee_departments``)."""
    zones = load_agency_yaml("zone_names.yaml")["zones"]
    return {z["full"]: frozenset(z["committee_departments"]) for z in zones if z.get("committee_departments")}


def _under_committee(full: str, rest: str) -> str:
    """The zone's name and what follows it, with the committee written before a department that sits inside it
    (河北雄安新区 + 规划建设局 -> 河北雄安新区管理委员会规划建设局); a committee's short form in full."""
    if rest in _committee_departments().get(full, ()):
        return full + _COMMITTEE + rest
    return full + rest


def official_zone_name(name: str) -> str:
    """``name`` with a zone written by its short name or its kind's abbreviation after its city written as the
    zone's official name (杨凌示范区农业农村局 -> 杨凌农业高新技术产业示范区农业农村局, 合肥市高新区管委会 ->
    合肥高新技术产业开发区管委会, …局经开区分局 -> …局经济技术开发区分局); any other name as it is. Needs no
    context: the scorer's name rule uses it too. A known zone whose official name opens with its province's stem may
    be written with the province's name (陕西省西咸新区 for 陕西西咸新区), and a new area's sub-zone's bureau without
    its committee (西咸新区秦汉新城规划建设局): both are the same body, named so."""
    name = _sub_zone_committee(name)
    head = next((h for h in _HEADS if name.startswith(h) and len(name) > len(h) + 2), "")
    rest = name[len(head) :]
    province = next((p for p in (rest[:3], rest[:4]) if p.endswith("省") and p in load_divisions().names), "")
    unprovinced = province[:-1] + rest[len(province) :]
    if province and any(unprovinced.startswith(full) for _, full in _known_zones()):
        return head + unprovinced  # 陕西省西咸新区: 陕西西咸新区
    for short, full in _known_zones():
        if rest.startswith(short) and not rest.startswith(full) and not rest.startswith(_AREA, len(short)):
            return head + _under_committee(full, rest[len(short) :])
    for full, _departments in _committee_departments().items():
        if rest.startswith(full):
            return head + _under_committee(full, rest[len(full) :])
    stem = _city_stem(rest, any_division=True)
    if stem is not None:
        after = rest[len(stem) :].removeprefix("市")
        for middle in range(_MIDDLE + 1):  # 海口国家高新区, 长春净月高新区: a word of the zone's own between
            kind = next((k for k in _KIND_FULL if after.startswith(k, middle)), None)
            if kind is not None and not _NOT_IN_ZONE_RE.search(after, 0, middle):
                return head + stem + after[:middle] + _KIND_FULL[kind] + after[middle + len(kind) :]
    branch = _BRANCH_KIND_RE.search(name)
    if branch is not None:
        return name[: branch.start(1)] + _KIND_FULL[branch.group(1)] + branch.group(2)
    return name


def zone_named_in_case(name: str, case_text: str) -> str:
    """``name`` whose zone is written without its city (科技城新区管委会, 工业园区管委会, or 开发区 after the city
    the context gave: 德阳市开发区管委会) with the one zone the case names in full that ends so (绵阳科技城新区,
    黄石新港（物流）工业园区, 德阳经济技术开发区); as it is when the case names none or several cities' zones of that
    ending."""
    ends = [(i, i + len(e)) for e in _ZONE_ENDINGS if (i := name.find(e)) >= 0]
    if not ends or any(word in name for word in _NOT_ZONE_WORDS):
        return name  # an FTZ area's body (…自由贸易试验区X片区管委会) is named by the areas' rule
    start, end = min(ends, key=lambda pair: (pair[1], pair[0]))
    if _NOT_IN_ZONE_RE.search(name, 0, start):
        return name  # 威海市自然资源和规划局经开区分局: a bureau's office, no zone's body
    zone = name[:end]
    own_stem = _city_stem(zone)
    written = zone[len(own_stem) :].removeprefix("市") if own_stem else zone
    if own_stem is not None and (
        written not in _ZONE_ENDINGS or not zone.startswith(own_stem + "市") or zone in case_text
    ):
        return (
            name  # 兰州新区, 天津市滨海新区: a zone with its own place; 德阳市开发区: the context's city before a kind
        )
    if not written or _city_stem(written) is not None:
        return name
    ending = name[start:end]
    own_word = written[: -len(ending)] if written.endswith(ending) and len(written) > len(ending) + 1 else ""
    longer = [own_word + e for e in _ZONE_ENDINGS if own_word and e != ending and e.endswith(ending)]
    # 大亚湾开发区: 大亚湾经济技术开发区; 经开区 in a case naming 三门峡经济开发区: the other kind it stands for
    found = {
        found
        for form in (written, _KIND_FULL.get(written, written), *_KIND_ALTERNATIVES.get(written, ()), *longer)
        for found in _named_zones(case_text, form)
        if own_stem is None or found.startswith(own_stem)
    }
    stems = {_city_stem(f) for f in found}
    if len(stems) != 1 or not found:
        return name
    full = max(found, key=lambda f: (len(f), -case_text.find(f)))  # the longest; of those alike, the first written
    return full + name[end:] if full != zone else name


_CJK_RE = re.compile(f"[{CJK}]")
_RUN_RE = re.compile(f"[{CJK}（）()]{{1,12}}\\Z")
_NOT_IN_ZONE_RE = re.compile("[局委会府办厅处送供区关属驻与和及同等的在对]")
"""Characters no zone's name holds between its city and its ending word (合肥高新区市场监管局联合高新区 is none)."""


def _named_zones(text: str, form: str) -> set[str]:
    """Zones the text names with a city before ``form`` (绵阳科技城新区 for 科技城新区), each as city stem + the
    rest."""
    found = set()
    for match in re.finditer(re.escape(form), text):
        run = _RUN_RE.search(text, max(0, match.start() - 12), match.start())
        if run is None:
            continue
        for start in range(run.start(), run.end()):
            stem = _city_stem(text[start : match.start()])
            middle = text[start + len(stem) : match.start()] if stem is not None else "区"
            if stem is None or _NOT_IN_ZONE_RE.search(middle):
                continue  # 兰州海关所属兰州新区: the zone is 兰州新区, not a run from the customs office's 兰州
            if middle.removeprefix("市") + form not in load_divisions().names:  # 天津市滨海新区: a district, as written
                middle = middle.removeprefix("市")
            found.add(stem + middle + form)
            break
    return found


def zone_ending_at(text: str, end: int) -> str | None:
    """The zone whose name, opened by its city, the text writes up to ``end`` (成都国际铁路港经济技术开发区 before
    管委会, where the name grammar took only 区管委会); None when no zone's ending or no city is there."""
    ending = next((e for e in _ZONE_ENDINGS if text.endswith(e, 0, end)), None)
    if ending is None:
        return None
    run = _RUN_RE.search(text, max(0, end - len(ending) - 12), end - len(ending))
    for start in range(run.start(), run.end()) if run is not None else ():
        stem = _city_stem(text[start : end - len(ending)])
        if stem is not None and not _NOT_IN_ZONE_RE.search(text, start + len(stem), end - len(ending)):
            return text[start:end]
    return None


def _ending_alone(text: str, end: int) -> str | None:
    """A zone's ending of two characters or more the text writes alone before ``end`` (，新区 but not 保税区 in
    深圳市保税区 nor 高新区 in 在高新区): a zone the case names elsewhere."""
    ending = next((e for e in _ZONE_ENDINGS if text.endswith(e, 0, end) and len(e) > 1), None)
    if ending is None or (end - len(ending) > 0 and _CJK_RE.match(text, end - len(ending) - 1)):
        return None
    return ending


def district_with_city(name: str) -> str:
    """``name`` opening with a district the divisions place in one city (顺德区科学技术局), written with that city
    (佛山市顺德区科学技术局); a county's, a city's or an ambiguous district's name as it is."""
    divisions = load_divisions()
    for length in range(min(len(name) - 1, 6), 1, -1):
        district = name[:length]
        if district.endswith("区") and (city := divisions.city_of.get(district)) is not None:
            own_zone = district.startswith(city[:-1]) and district[len(city) - 1 :].endswith(_ZONE_ENDINGS)
            by_city = city.endswith(("市", "州", "盟", "地区")) and not own_zone  # 苏州工业园区, not 岳阳楼区
            return city + name if by_city and len(name) > length + 1 else name
    return name


def name_zone_bodies(
    text: str, head: str, hits: list[_Hit], city: Place | None = None, provider: str | None = None
) -> None:
    """Write each resolved hit's zone by its official name, once the rest of its name is resolved: a zone's name the
    grammar cut at its last character (…经济技术开发区管委会 read as 区管委会), a known zone's short name before a
    bare core (港区建设局), a kind or zone the case (or its document's ``head``) names whole (经开区管委会 after
    马鞍山经开区), and a zone written short (合肥高新区X局)."""
    for hit in hits:
        if hit.prefix is None and hit.name and any(e + _COMMITTEE in hit.name for e in _SUB_ZONE_ENDINGS):
            continue  # named whole by sub_zone_bodies
        written = text[hit.start : hit.end]
        level_only = hit.prefix is not None and hit.prefix.place is None and hit.prefix.level == "district"
        if level_only and (whole := zone_ending_at(text, hit.start + 1)) is not None and len(whole) > 3:
            hit.name, hit.start = whole + hit.core.canonical, hit.start + 1 - len(whole)  # …经济技术开发区管委会
            continue
        kind_only = level_only or (
            hit.prefix is not None and hit.prefix.place is not None and hit.prefix.place.name in _KIND_NAMES
        )
        core_start = hit.end - len(hit.core.canonical if written.endswith(hit.core.canonical) else hit.core.core)
        if kind_only and (known := zone_before(text, core_start)) is not None:  # 这是杨凌示范区X局: a zone's short
            hit.name, hit.start = known[1] + hit.core.canonical, core_start - len(known[0])  # name, written whole
            hit.confidence = "high" if hit.confidence == "low" else hit.confidence
            continue
        if kind_only and hit.confidence == "low" and (named := _known_zone_of_kind(written, text)) is not None:
            hit.name, hit.confidence = named + hit.core.canonical, "medium"  # 示范区X局 after 杨凌示范区
            continue
        ending = _ending_alone(text, hit.start + 1) if level_only and hit.confidence == "low" else None
        if ending is not None:  # ，新区商务局 read as 区商务局: the zone of that ending the case names
            named = zone_named_in_case(ending + hit.core.canonical, text)
            if named != ending + hit.core.canonical:
                hit.name, hit.start = named, hit.start + 1 - len(ending)
                hit.confidence = "medium" if hit.confidence == "low" else hit.confidence
                continue
        if hit.prefix is None and (zone := zone_before(text, hit.start)) is not None:
            hit.name, hit.start = zone[1] + hit.core.canonical, hit.start - len(zone[0])  # 港区建设局: the zone's
            hit.confidence = "medium" if hit.confidence == "low" else hit.confidence
            continue
        if hit.confidence == "low" and written.endswith(hit.core.core):  # 经开区管委会 when the case names 马鞍山经开区
            bare = written[: -len(hit.core.core)] + hit.core.canonical
            named = zone_named_in_case(bare, text)
            named = named if named != bare else zone_named_in_case(bare, head)  # or the zone's own document's head
            named = named if named != bare else _kind_of_areas_city(bare, text)
            if named != bare:
                hit.name, hit.confidence = named, "medium"
        if hit.name and hit.confidence != "low":
            name = _kind_as_written(zone_named_in_case(hit.name, text), text)
            hit.name = official_zone_name(_with_case_city(name, city, provider or ""))
            if _city_stem(hit.name) is not None and not written.startswith(_city_stem(hit.name) or ""):
                hit.name = _rank_as_written(hit.name, text)  # 高新区X局 after 玉溪国家高新区: the zone as written


_CITY_OPENED_ENDINGS = ("新区", "经济区")
"""Endings of zones a province sets up in a city and names after it (马鞍山郑蒲港新区, 鄂州临空经济区): written without
the city in the city's own texts."""


_KIND_NAMES = frozenset(load_agency_yaml("departments.yaml")["zone_kind_names"])


_RANK_WORDS = tuple(_DEPARTMENTS["zone_rank_words"])


def _rank_as_written(name: str, text: str) -> str:
    """``name`` opening with a city's stem and a zone's kind in full (玉溪高新技术产业开发区X局), with the rank word the
    case writes between them (玉溪国家高新区: 玉溪国家高新技术产业开发区X局); else as it is."""
    stem = _city_stem(name) or ""
    for short, full in _KIND_FULL.items():
        if not name.startswith(stem + full):
            continue
        for rank in _RANK_WORDS:
            if any(f"{stem}{city}{rank}{kind}" in text for city in ("", "市") for kind in (short, full)):
                return stem + rank + name[len(stem) :]
    return name


def _known_zone_of_kind(written: str, text: str) -> str | None:
    """The official name of the one known zone the case names by a short name ending in the kind ``written`` opens
    with (示范区农业农村局 in a case naming 杨凌示范区); None when none or several."""
    kind = next((k for k in sorted(_KIND_NAMES, key=len, reverse=True) if written.startswith(k)), None)
    found = {full for short, full in _known_zones() if kind and short.endswith(kind) and short in text}
    return next(iter(found)) if len(found) == 1 else None


def _kind_as_written(name: str, text: str) -> str:
    """``name`` with a kind's abbreviation written as the other kind the case names its zone by (肥西经开区管委会 in a
    case that writes 肥西经济开发区: 肥西经济开发区管理委员会); else as it is."""
    for short, others in _KIND_ALTERNATIVES.items():
        at = name.find(short)
        for other in others if at > 0 else ():
            if name[:at] + other in text:
                return name[:at] + other + name[at + len(short) :]
    return name


def _kind_of_areas_city(name: str, text: str) -> str:
    """``name`` opening with a kind's abbreviation alone (高新区税务局) in a case about an FTZ area named for a city
    (济南片区) whose name the case never writes: that city's zone of the kind (济南高新区税务局); else as it is."""
    area = subject_area(text) if name.startswith(tuple(_KIND_FULL)) else None
    if area is None or _city_stem(area.stem) != area.stem:
        return name
    return area.stem + name


_OWN_WORD_KIND_RE = re.compile(f"([{CJK}]{{2,4}}?)({'|'.join([*_KIND_FULL, *_CITY_OPENED_ENDINGS])})")


def _with_case_city(name: str, city: Place | None, provider: str = "") -> str:
    """``name`` opening with a zone's own word and its kind's abbreviation (小蓝经开区管委会) or a new area's ending
    (郑蒲港新区管委会, in the case the new area provides) in a case of ``city``: the zone named with its city first
    (南昌小蓝经开区…, 马鞍山郑蒲港新区…), as the official names of such zones are; a zone zone_names.yaml knows, a
    district, or one opening with a place's stem, as it is."""
    own = _OWN_WORD_KIND_RE.match(name)
    if city is None or own is None or official_zone_name(name) != name or own.group() in load_divisions().names:
        return name  # 沈北新区: a district
    if own.group(2) in _CITY_OPENED_ENDINGS and own.group() not in provider:
        return name  # another's new area (雄安新区 in a 南京 case): only the case's own is the city's
    if _city_stem(own.group(1), any_division=True) is not None or own.group(1).startswith(("国家", "省级", "市级")):
        return name
    return city.stem + name


_COMMITTEE = "管理委员会"
_SUB_ZONE_ENDINGS = tuple(_DEPARTMENTS["sub_zone_endings"])
