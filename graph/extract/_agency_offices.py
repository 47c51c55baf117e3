"""Offices and branches named in ways the name grammar alone does not read: an office named by its purpose
(岳阳市机关效能建设和优化经济发展环境领导小组办公室) and its short form (市优化办), a city bureau's district branch
(区国土分局), and a list of place stems sharing one body (上海、南京…五大直属海关). Split from ``agencies`` by noun;
words come from ``data/agencies/departments.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ftzgraph.graph.extract._agency_hits import (
    _GENERIC_AFTER,
    _LIST_START,
    _cited,
    _Context,
    _Hit,
    _in_title,
    _inside_title,
)
from ftzgraph.graph.extract._agency_names import CJK, Core, Lexicon, Place, load_agency_yaml, load_divisions, place_of
from ftzgraph.graph.extract._agency_places import Gazetteer
from ftzgraph.graph.extract._agency_prefixes import Prefix, find_prefix
from ftzgraph.graph.text import word_alternation

_STEM_LIST_BODIES = tuple(sorted(load_agency_yaml("departments.yaml")["stem_list_bodies"], key=len, reverse=True))


_STEM_LIST_RE = re.compile(
    f"(?P<stems>(?:[{CJK}]{{2,3}}、)+[{CJK}]{{2,3}})等?(?:[0-9一二两三四五六七八九十]+[大个家])?(?:直属)?"
    f"(?={word_alternation(_STEM_LIST_BODIES)})"
)
"""上海、南京、杭州、宁波、合肥五大直属海关: each place stem of the list with the body after it."""


def _stem_place(stem: str, gaz: Gazetteer, divisions: Any) -> Place | None:
    if stem in divisions.by_stem:
        return gaz.main_place(stem) or place_of(divisions.by_stem[stem])
    return gaz.main_place(stem)


def _stem_lists(text: str, hits: list[_Hit], lex: Lexicon, gaz: Gazetteer) -> list[_Hit]:
    """Place stems listed before a stem-named body and a count (…、宁波、合肥五大直属海关): one body per stem,
    instead of one body named after the last stem and the count. Every stem must be a place's stem."""
    divisions = load_divisions()
    for match in _STEM_LIST_RE.finditer(text):
        core_word = next(body for body in _STEM_LIST_BODIES if text.startswith(body, match.end()))
        core = lex.cores.get(core_word)
        stems = match["stems"].split("、")
        if len(stems[0]) == 3 and _stem_place(stems[0], gaz, divisions) is None:
            stems[0] = stems[0][1:]  # 的上海、南京…: the list starts after a word's last character
        places = [_stem_place(stem, gaz, divisions) for stem in stems]
        if (
            core is None
            or _in_title(text, match.start())
            or any(p is None for p in places)
            # 舟山海关、舟山海事局: a body's word (its first two characters, 海事 of 海事局) in a stem: two bodies
            or any(body[:2] in stem for stem in stems for body in _STEM_LIST_BODIES)
        ):
            continue
        end = match.end() + len(core_word)
        hits = [h for h in hits if not (h.start < end and match.start() < h.end)]
        position = match.start("stems") + len(match["stems"]) - len("、".join(stems))
        for stem, place in zip(stems, places, strict=True):
            assert place is not None
            start = text.index(stem, position)
            position = start + len(stem)
            stem_end = end if position == match.end("stems") else position
            acting = not _cited(text, match.start(), lex)
            hits.append(
                _Hit(start, stem_end, core, Prefix(start, place, by_stem=True), acting, stem + core.canonical, place)
            )
    return hits


_PLACE_LIST_RE = re.compile(f"((?:[{CJK}]{{2,6}}?[县市区旗]、)+)$")


def _place_lists(text: str, hits: list[_Hit], gaz: Gazetteer) -> list[_Hit]:
    """Places listed before a body written once for all (临夏县、广河县商务局): each place's body, the same as the
    last one's. Every item must be a place the divisions or the text name; otherwise nothing is added."""
    added: list[_Hit] = []
    divisions = load_divisions()
    for hit in hits:
        if hit.prefix is None or hit.prefix.place is None or hit.prefix.by_stem:
            continue
        listed = _PLACE_LIST_RE.search(text, max(0, hit.prefix.start - 40), hit.prefix.start)
        if listed is None:
            continue
        position = listed.start()
        items = listed.group(1).rstrip("、").split("、")
        places = [gaz.by_name.get(item) or (place_of(item) if item in divisions.names else None) for item in items]
        if any(p is None for p in places):
            continue
        for item, place in zip(items, places, strict=True):
            assert place is not None
            start = text.index(item, position)
            position = start + len(item)
            added.append(_Hit(start, position, hit.core, Prefix(start, place), hit.acting))
    return added


def _paired_places(text: str, hits: list[_Hit]) -> list[_Hit]:
    """A body written once for two places its sentence names before it (吕梁市规划和自然资源局与忻州市…，两市公共资源
    交易中心共享交易信息; 两县市场监管局): each place's body. The places are those of the bodies named earlier in the
    sentence at the level the word after 两 gives; exactly two, else nothing is changed. The first place's body takes
    the written mention, the second's is added on the same span."""
    added: list[_Hit] = []
    for hit in hits:
        prefix = hit.prefix
        if (
            prefix is None
            or prefix.place is not None
            or prefix.unit
            or prefix.start < 1
            or text[prefix.start - 1] != "两"
        ):
            continue
        level_char = text[prefix.start : prefix.start + 1]
        sentence_start = max(text.rfind(ch, 0, prefix.start) for ch in "。；;！？!?\n") + 1
        places = []
        for other in hits:
            place = other.prefix.place if other.prefix is not None else None
            earlier = sentence_start <= other.start < prefix.start
            if earlier and place is not None and place.name.endswith(level_char) and place not in places:
                places.append(place)
        if len(places) != 2:
            continue
        hit.prefix = Prefix(prefix.start, places[0], level=prefix.level)
        added.append(
            _Hit(hit.start, hit.end, hit.core, Prefix(prefix.start, places[1], level=prefix.level), hit.acting)
        )
    return added


_PURPOSE_NAMED = frozenset(load_agency_yaml("departments.yaml")["purpose_named"])


_PURPOSE_MAX = 30


def _purpose_named(
    text: str, begin: int, end: int, core: Core, lex: Lexicon, gaz: Gazetteer, titles: list[tuple[int, int, bool]]
) -> _Hit | None:
    """An office named by its purpose between its place and its core (市行政审批制度改革工作领导小组办公室,
    岳阳市机关效能建设和优化经济发展环境领导小组办公室): the purpose is part of the name, so the place (or level)
    before it is found across the purpose. None when no place or level opens the name in the same run of text."""
    run_start = begin
    while run_start > max(0, begin - _PURPOSE_MAX) and (
        "\u4e00" <= text[run_start - 1] <= "\u9fff" or text[run_start - 1] in "（）()"  # 中国（安徽）自由贸易试验区…
    ):
        run_start -= 1
    zone = _FTZ_NAME_RE.search(text, run_start, begin)
    if zone is not None and _valid_purpose(text[zone.end() : begin], lex):  # 中国（安徽）自由贸易试验区建设工作领导小组
        name = f"中国（{zone['province']}）{text[zone.end() : begin]}{core.canonical}"
        named = replace(core, canonical=name, family=name)
        return _Hit(zone.start(), end, named, None, not _cited(text, zone.start(), lex), name)
    run_start = max(run_start, max(text.rfind(ch, run_start, begin) for ch in "（）()") + 1)
    for pos in range(run_start + 1, begin - 1):
        if text[pos] in lex.levels:  # 岳阳|市机关…: the place goes on to its level character
            continue
        prefix = find_prefix(text, pos, lex, gaz, allow_unit=False)
        if prefix is None or prefix.start < run_start or _inside_title(prefix.start, titles):
            continue
        if prefix.place is None and prefix.start != run_start:
            continue  # 设立自贸区|推进工作…: a level character inside a word opens no name
        if (
            prefix.by_stem
            and prefix.place is not None
            and text.startswith(prefix.place.name[len(prefix.place.stem) :], pos)
        ):
            continue  # 新疆|维吾尔自治区…: the stem goes on to its full name, which is the place
        purpose = text[pos:begin]
        if not _valid_purpose(purpose, lex):
            return None
        named = replace(core, canonical=purpose + core.canonical, family=purpose + core.canonical)
        return _Hit(prefix.start, end, named, prefix, not _cited(text, prefix.start, lex))
    return None


_FTZ_NAME_RE = re.compile(f"中国[（(](?P<province>[{CJK}]{{2,3}})[）)](?=自由贸易试验区)")


_NOT_IN_PURPOSE = tuple(load_agency_yaml("departments.yaml")["not_in_purpose"])


def _valid_purpose(purpose: str, lex: Lexicon) -> bool:
    """A purpose is a name's middle: no particle or verb of setting up (县自然资源和规划局成立了优化营商环境领导小组
    is a bureau setting up a group) and no body's name ending inside it."""
    return len(purpose) >= 2 and not any(w in purpose for w in _NOT_IN_PURPOSE) and lex.core_re.search(purpose) is None


_SHORT_OFFICE_RE = re.compile(f"(?P<level>[省市县区])(?P<short>[{CJK}]{{2,3}}?)办(?![公理事法])")


_LEVEL_OF = {"省": "province", "市": "city", "县": "county", "区": "district"}


def _short_offices(text: str, hits: list[_Hit], ctx: _Context, lex: Lexicon) -> list[_Hit]:
    """Short forms of a purpose-named office the case names in full (市优化办 after 岳阳市机关效能建设和优化经济发展
    环境领导小组办公室; 省自贸办 after 河南省自由贸易试验区建设领导小组办公室): the characters of the short form
    come in order from the office's purpose, and the office is the case's own place's at that level (市 is the
    case's city: 市深改办 in a 醴陵市 case is not 株洲市's office, however named). Only an office written in full
    is ever the answer; a short form no such office explains stays a low-confidence mention."""
    offices = [h for h in hits if h.core.core in _PURPOSE_NAMED and h.name and h.place is not None]
    found: list[_Hit] = []
    for match in _SHORT_OFFICE_RE.finditer(text):
        if any(h.start <= match.start() < h.end for h in hits):
            continue
        short, level = match["short"], _LEVEL_OF[match["level"]]
        own = ctx.at(level)
        for office in offices:
            assert office.place is not None and office.name is not None
            purpose = office.core.canonical[: -len(office.core.core)]
            rest = iter(purpose)
            if office.place.level != level or not all(ch in rest for ch in short):
                continue
            acting = not _cited(text, match.start(), lex) and not text.startswith(_GENERIC_AFTER, match.end())
            if own is None or office.place.name != own.name:  # another place's office: which one is meant is unknown
                written = Core(core=match.group(), canonical=match.group(), family=match.group())
                found.append(_Hit(match.start(), match.end(), written, None, acting, None, None, "", "low"))
                break
            name = office.name if office.name.endswith("办公室") else office.name + "办公室"  # a group's office
            found.append(_Hit(match.start(), match.end(), office.core, None, acting, name, office.place, "", "medium"))
            break
    return found


_DISTRICT_BRANCHES: dict[str, str] = load_agency_yaml("departments.yaml")["district_branches"]


_JOINT_BEFORE = tuple(load_agency_yaml("departments.yaml")["bare_stem_named_before"])
"""A conjunction or a verb of joint work before a district's branch (联合区公安分局), as before a bare 海关."""


_DISTRICT_BRANCH_RE = re.compile(f"(?P<level>[区县旗])(?P<bureau>{word_alternation(_DISTRICT_BRANCHES)})分局")


def _district_branches(text: str, hits: list[_Hit], ctx: _Context, lex: Lexicon) -> list[_Hit]:
    """区国土分局 in a district's case, 旗生态环境分局 in a banner's, 区公安分局 (which its core reads as
    the district's own): the city bureau's branch in that district or county. The branch the case names in full is
    the answer (鄂尔多斯市生态环境局准格尔旗分局 … 旗生态环境分局); else it is named as such branches are
    (昆明市国土资源局官渡分局), only when the case names its city and its district or county; otherwise nothing is
    made up."""
    found = []
    for match in _DISTRICT_BRANCH_RE.finditer(text):
        start = match.start()
        local = ctx.district if match["level"] == "区" else ctx.county
        same = [h for h in hits if (h.start, h.end) == match.span() and h.prefix is not None and h.prefix.place is None]
        if (
            ctx.city is None
            or local is None
            or (start > 0 and text[start - 1] not in _LIST_START and not text.endswith(_JOINT_BEFORE, 0, start))
            or any(h.start < match.end() and start < h.end for h in hits if h not in same)
        ):
            continue
        bureau = ctx.city.name + _DISTRICT_BRANCHES[match["bureau"]]
        short = local.name.removeprefix(ctx.city.name)  # 昆明市西山区 -> 西山区
        written = [h.name for h in hits if h.name and h.name.startswith(bureau) and h.name.endswith("分局")]
        in_full = next((n for n in written if n[len(bureau) :].startswith(local.stem[:2])), None)
        name = in_full or bureau + (short.removesuffix("区") if match["level"] == "区" else short) + "分局"
        for hit in same:  # 区公安分局, read by its core as the district's own: the city bureau's branch there
            hit.name, hit.place, hit.confidence = name, local, "medium"
        core = Core(core=match.group(), canonical=name, family=name)
        acting = not _cited(text, start, lex) and not text.startswith(_GENERIC_AFTER, match.end())
        if not same:
            found.append(_Hit(start, match.end(), core, None, acting, name, local, "", "medium"))
    return found
