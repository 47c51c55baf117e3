"""A zone's own bodies found in a case's text: a zone's management committee written by a word (X管委会), the bodies of
a zone inside a zone (X片区管委会), a zone's administration (X管理局) and the land ports beside them. Kept apart from
the zone's official name and its short forms, which these finders and the provider's reader both read."""

from __future__ import annotations

import functools
import re

from ftzgraph.graph.extract._agency_hits import _Hit, _inside_title
from ftzgraph.graph.extract._agency_names import CJK, Core, load_divisions
from ftzgraph.graph.extract._agency_zones import (
    _COMMITTEE,
    _DEPARTMENTS,
    _KIND_FULL,
    _NOT_IN_ZONE_RE,
    _SUB_ZONE_ENDINGS,
    _ZONE_ENDINGS,
    _city_stem,
    _known_zones,
    zone_ending_at,
)

_COMMITTEE_RE = re.compile(f"([{CJK}]{{2,6}})(管委会|管理委员会)")


def word_committees(text: str, cores: dict[str, Core], titles: list[tuple[int, int, bool]]) -> list[_Hit]:
    """Committees written by a word of their zone's name that the case names whole (铁路港管委会 in a case naming
    成都国际铁路港经济技术开发区), which the name grammar reads as no body: the zone's committee, named so."""
    zones = {z for m in re.finditer("|".join(_ZONE_ENDINGS), text) if (z := zone_ending_at(text, m.end()))}
    ports = _land_ports(text)
    hits = []
    for match in _COMMITTEE_RE.finditer(text) if zones or ports else ():
        if _inside_title(match.start(2), titles):
            continue
        run = match.group(1)
        for size in range(len(run), 1, -1):
            word = run[-size:]
            found = {z for z in zones if word in z and not z.endswith(word) and not z.startswith(word)}
            found |= {p for p in ports if p.endswith(word) and not p.startswith(word)}  # 陆港管委会: 大同国际陆港's
            if len(found) == 1 and word not in _KIND_FULL and not word.endswith(_ZONE_ENDINGS):
                start = match.start(2) - size
                name = next(iter(found)) + "管理委员会"
                hits.append(_Hit(start, match.end(), cores[match.group(2)], None, True, name))
                break
    return hits


_NEW_AREA = "新区"


_SUB_ZONE_RE = re.compile(f"({'|'.join(_SUB_ZONE_ENDINGS)})")


_LEVELS = ("省", "市", "州", "县", "区", "旗")


_OWN_RUN_RE = re.compile(f"[{CJK}]{{1,10}}\\Z")


_NOT_IN_SUB_ZONE = (*_DEPARTMENTS["bare_stem_named_before"], "、", "在", "对", "的", "新区")


@functools.cache
def _core_re(keys: frozenset[str]) -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, keys), key=len, reverse=True)))


def sub_zone_bodies(text: str, cores: dict[str, Core], titles: list[tuple[int, int, bool]]) -> list[_Hit]:
    """A new area's sub-zone's committee and bureaux (儒乐湖新城管委会, 沣东新城经济发展局), which the name grammar
    reads as a district 新城区's or a city's 城管委: each named under the one new area the case names (江西赣江新区
    儒乐湖新城管理委员会经济发展局), by the city-opened name the case gives it (空港新城 after 成都天府国际空港新城),
    or by itself when the case names no new area or several."""
    hits = []
    core_re = _core_re(frozenset(cores))
    for match in _SUB_ZONE_RE.finditer(text):
        core = core_re.match(text, match.end())
        if core is None or _inside_title(match.start(), titles):
            continue
        own = _own_run(text, match.start())
        if len(own) < 2 or _city_stem(own, any_division=True) == own or own.endswith(_LEVELS):
            continue  # 大新城, 西安新城, 西安市新城: no sub-zone's own name, or a place's
        zone = own + match.group()
        if _city_stem(own, any_division=True) is None:  # 空港新城 after 成都天府国际空港新城: the zone the case names
            whole = _city_named(text, zone)
            zone = next(iter(whole)) if len(whole) == 1 else _new_area(text) + zone
        canonical = cores[core.group()].canonical
        committee = "" if canonical == _COMMITTEE else _COMMITTEE
        start = match.start() - len(own)
        hits.append(_Hit(start, core.end(), cores[core.group()], None, True, zone + committee + canonical))
    return hits


def _own_run(text: str, end: int) -> str:
    """The name written right before ``end``, after any verb, conjunction or new area's name before it
    (会同儒乐湖 -> 儒乐湖, 赣江新区儒乐湖 -> 儒乐湖)."""
    run = _OWN_RUN_RE.search(text, max(0, end - 10), end)
    own = run.group() if run is not None else ""
    for word in _NOT_IN_SUB_ZONE:
        own = own[own.rfind(word) + len(word) :] if word in own else own
    return own


def _city_named(text: str, zone: str) -> set[str]:
    """The names the text gives ``zone`` opened by a city (成都天府国际空港新城 for 空港新城)."""
    found = set()
    for match in re.finditer(re.escape(zone), text):
        own = _own_run(text, match.start())
        for start in range(len(own)):
            if _city_stem(own[start:], any_division=True) is not None:
                found.add(own[start:] + zone)
                break
    return found


def _new_area(text: str) -> str:
    """The one national new area the text names (江西赣江新区 for 赣江新区), by its official name; "" for none or
    several."""
    areas = {full for short, full in _known_zones() if full.endswith(_NEW_AREA) and (short in text or full in text)}
    areas |= {z for m in re.finditer(_NEW_AREA, text) if (z := zone_ending_at(text, m.end())) and z.endswith(_NEW_AREA)}
    areas = {a for a in areas if not any(a != b and b.endswith(a) for b in areas)}  # 赣江新区 inside 江西赣江新区
    return next(iter(areas)) if len(areas) == 1 else ""


_PORT_ENDINGS = tuple(_DEPARTMENTS["land_port_endings"])


def _land_ports(text: str) -> set[str]:
    """The land ports the text names with their city's stem (大同国际陆港, 乌兰察布国际陆港): a port its own committee
    runs, which the text then calls by the port's last word (陆港管委会)."""
    divisions = load_divisions()
    ports = set()
    for match in re.finditer("|".join(_PORT_ENDINGS), text):
        for size in (4, 3, 2):
            stem = text[max(0, match.start() - size) : match.start()]
            if len(stem) == size and (stem in divisions.by_stem or stem in divisions.names):
                ports.add(stem + match.group())
                break
    return ports


_ADMINISTRATION = "管理局"


_ADMINISTRATION_RE = re.compile(f"(?:{'|'.join(_DEPARTMENTS['zone_administration_endings'])}){_ADMINISTRATION}")


_LONGEST_ZONE = 20


_NAME_RUN_RE = re.compile(f"[{CJK}（）()]+")


def zone_administrations(text: str, cores: dict[str, Core], titles: list[tuple[int, int, bool]]) -> list[_Hit]:
    """A special zone's own administration, named by the zone's proper name opened by a place (文昌国际航天城管理局,
    海南陵水黎安国际教育创新试验区管理局), which the name grammar reads as a level's bare 区管理局 or as nothing: the
    body as written, from the leftmost place's name or stem that opens an unbroken name."""
    hits = []
    divisions = load_divisions()
    for match in _ADMINISTRATION_RE.finditer(text) if _ADMINISTRATION in cores else ():
        if _inside_title(match.start(), titles):
            continue
        for start in range(max(0, match.start() - _LONGEST_ZONE), match.start()):
            if not _NAME_RUN_RE.fullmatch(text, start, match.start()) or text.startswith(_NOT_IN_SUB_ZONE, start):
                continue
            if _NOT_IN_ZONE_RE.search(text, start, match.start()):
                continue
            if any(text[start : start + n] in divisions.by_stem for n in (4, 3, 2)):
                name = text[start : match.end()]
                hits.append(_Hit(start, match.end(), cores[_ADMINISTRATION], None, True, name))
                break
    return hits
