"""A mention that ends in a lexicon core (市场监管局, 海关, 管委会): its prefix, a proper name between place and core
(郑州市黄河公证处, 天津港保税区管理委员会), a port's or area's own name before a stem-named body, and the words that
make it no body (电子税务局, “海关”). Split from ``agencies`` by noun.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ftzgraph.graph.extract._agency_committees import _AREA, _COMMITTEE, _GENERIC_ZONE, _ZONE_WORD_RE
from ftzgraph.graph.extract._agency_hits import (
    _LIST_START,
    _cited,
    _Hit,
    _inside_title,
)
from ftzgraph.graph.extract._agency_names import CJK, Core, Lexicon, Place, load_agency_yaml, load_divisions
from ftzgraph.graph.extract._agency_networks import _national_acting
from ftzgraph.graph.extract._agency_offices import (
    _PURPOSE_NAMED,
    _purpose_named,
)
from ftzgraph.graph.extract._agency_places import Gazetteer
from ftzgraph.graph.extract._agency_prefixes import Prefix, find_prefix, port_name_characters
from ftzgraph.graph.extract.gazetteer import load_gazetteer as load_ftz_gazetteer


def _core_hit(
    text: str, match: re.Match[str], lex: Lexicon, gaz: Gazetteer, titles: list[tuple[int, int, bool]]
) -> _Hit | None:
    """A mention ending in a lexicon core, or None when it names no acting-capable body here."""
    core = lex.cores[match.group()]
    begin, end = match.start(), match.end()
    prefix = find_prefix(text, begin, lex, gaz)
    own_name = False
    if prefix is None and core.stem_place:  # 横琴海关: an FTZ area's bare name is a place for a stem-named body
        prefix = _area_stem_prefix(text, begin) or _port_name_prefix(text, begin, lex)
        own_name = prefix is not None  # 重庆西永海关: the city may stand before the area's name
    if prefix is not None and (prefix.by_stem or own_name) and core.stem_place and prefix.start > 0:
        outer = find_prefix(text, prefix.start, lex, gaz, allow_unit=False)  # 长春兴隆海关: city + office's own name
        of_city = text[prefix.start : begin] in load_divisions().by_stem  # 浙江舟山海事局: the province qualifies
        if outer is not None and outer.place is not None and outer.place.level == "province" and of_city:
            outer = None  # a city's office named by the city's stem, the province written before it as a qualifier
        if outer is not None and outer.place is not None and not _inside_title(outer.start, titles):
            acting = not _cited(text, outer.start, lex)
            return _Hit(outer.start, end, core, outer, acting, text[outer.start : end], outer.place)
    level_only = prefix is not None and prefix.place is None and prefix.unit is None
    if core.core in _PROPER_NAMED and (prefix is None or (level_only and core.canonical == _COMMITTEE)):
        named = _proper_named(text, begin, end, core, lex, gaz, titles)  # 天津港保税区管理委员会, not 区管理委员会
        if named is not None:
            return named
    if core.core in _PURPOSE_NAMED:
        return _purpose_named(text, begin, end, core, lex, gaz, titles)
    start = prefix.start if prefix else begin
    if core.national:
        unit = lex.national_unit_re.match(text, end)
        if unit and text[unit.end() : unit.end() + 4].startswith(lex.national_acting_verbs):
            end = unit.end()
            core = replace(core, canonical=text[begin:end])
        prefix, start = None, begin
    if _inside_title(start, titles):
        return None
    if prefix is None and not core.national and (compound := _level_compound(text, begin, lex)) is not None:
        prefix, start = compound  # 区经贸投促局: the body's own compound name after a level, kept as written
        core = replace(core, canonical=text[prefix.start + 1 : end], family=text[prefix.start + 1 : end])
    elif prefix is None and not core.national and (merged := _merged_bureau(text, begin, lex, gaz)) is not None:
        prefix, start = merged  # 霍尔果斯市商务和工业信息化局: two departments merged into one bureau, as written
        core = replace(core, canonical=text[merged[1] : end], family=text[merged[1] : end])
        start = prefix.start
    bare_zone = prefix is None or prefix.place is None or text[prefix.start : begin] in _GENERIC_ZONE
    if bare_zone and core.canonical == _COMMITTEE and text.endswith(_GENERIC_ZONE, 0, begin):
        word = next(w for w in _GENERIC_ZONE if text.endswith(w, 0, begin))
        start = begin - len(word)
        if text[end:].lstrip().startswith(lex.modifier_followers) or _inside_title(start, titles):
            return None  # 自贸区管委会政务大厅: a place
        if start == 0 or not "\u4e00" <= text[start - 1] <= "\u9fff" or text[start - 1] in lex.levels:
            hit = _Hit(start, end, core, None, not _cited(text, start, lex))
            hit.zone_committee = True
            return hit
    if (
        prefix is None
        and core.core.endswith(_PROVINCE_ONLY_END)
        and not core.core.endswith("办公厅")
        and _bare_word(text, begin)
    ):
        prefix = Prefix(begin, level="province")  # 、商务厅、 in a list of 省X: a 厅 is a province's department
    if core.needs_prefix and prefix is None and not core.national and not (core.stem_place and _bare_word(text, begin)):
        return None  # 海关 written alone as a word (与海关共享): kept, to resolve to the office the case names
    if core.list_only and not text.startswith(_LIST_ITEM_END, end):  # 上海海事、…: not 上海海事大学
        return None
    if (
        core.no_province
        and prefix
        and (prefix.level == "province" or (prefix.place and prefix.place.level == "province"))
    ):
        return None
    if any(_covers(text, term, begin, end) for term in lex.not_bodies):
        return None
    if text[end:].lstrip().startswith(lex.modifier_followers):
        return None
    if start > 0 and text[start - 1] == "“" and text[end : end + 1] == "”" and not (prefix and prefix.place):
        return None
    if core.national:
        acting = not core.never_acting and _national_acting(text, end, lex, start)
    else:
        acting = not _cited(text, start, lex)
    office = _RESIDENT_OFFICE_RE.match(text, end) or (
        _BRANCH_BODY_RE.match(text, end) if core.place_as_written else None
    )
    if office is None and (tail := _SUB_BODY_RES.get(core.canonical)) is not None:
        owned = end + len(_OWNED) if text.startswith(_OWNED, end) else end  # 海口海关所属万宁办事处: its own office
        office = tail.match(text, owned)  # 旗人民法院薛家湾人民法庭: the court's tribunal is the body the case names
        if office is not None and not _proper_name(office.group()[: -len(office["tail"])], lex):
            office = None
    if office and not core.national:
        core = replace(core, canonical=core.canonical + office.group(), family=core.canonical + office.group())
        end = office.end()
    hit = _Hit(start, end, core, prefix, acting)
    hit.generic = prefix is None and text[max(0, start - 4) : start].endswith(_BARE_GENERIC_BEFORE)
    return hit


_BARE_BEFORE = tuple(load_agency_yaml("departments.yaml")["bare_stem_named_before"])


_PROVINCE_ONLY_END = "厅"
"""A department of a province only (商务厅, 财政厅): written alone, it is the case's province's."""


def _bare_word(text: str, begin: int) -> bool:
    """True when a stem-named body's core (海关, 海事局) stands alone as a word: after no Chinese character, or after
    a conjunction or a verb of joint work (与海关, 会同海关, 、海事局), never after a word that makes it a kind
    (直属海关)."""
    return begin == 0 or not "\u4e00" <= text[begin - 1] <= "\u9fff" or text.endswith(_BARE_BEFORE, 0, begin)


def _level_compound(text: str, begin: int, lex: Lexicon) -> tuple[Prefix, int] | None:
    """A list item that opens with a level character and runs on in a word of its own into the core (、区经贸投促局):
    the body's name is that compound, never the level's body of the core alone (no 昆明市投资促进局 made up)."""
    for length in (2, 3, 4):
        k = begin - length - 1
        if k < 0 or text[k] not in lex.levels or (k > 0 and text[k - 1] not in _LIST_START):
            continue
        middle = text[k + 1 : begin]
        if (
            re.fullmatch(f"[{CJK}]+", middle)
            and not any(ch in lex.not_in_place_stem or ch in lex.levels or ch in _BODY_ENDINGS for ch in middle)
            and not any(word in middle for word in lex.not_place_words)
        ):  # 市商务局和财政局: a body's ending in the word makes two bodies, no compound
            return Prefix(k, level=lex.levels[text[k]]), k
    return None


def _merged_bureau(text: str, begin: int, lex: Lexicon, gaz: Gazetteer) -> tuple[Prefix, int] | None:
    """A bureau whose name joins two departments with 和 before a core (霍尔果斯市商务和工业信息化局): its prefix and
    where the first department's word starts, or None. The word between the place and 和 holds no body's ending
    (市商务局和财政局 is two bodies)."""
    if begin < 3 or text[begin - 1] != "和":
        return None
    for length in (2, 3, 4):
        word_start = begin - 1 - length
        word = text[word_start : begin - 1] if word_start > 0 else ""
        if (
            re.fullmatch(f"[{CJK}]+", word)
            and not any(ch in _BODY_ENDINGS or ch in lex.not_in_place_stem or ch in lex.levels for ch in word)
            and lex.core_re.search(word) is None
            and (prefix := find_prefix(text, word_start, lex, gaz, allow_unit=False)) is not None
            and (prefix.place is not None or prefix.level is not None)
        ):
            return prefix, word_start
    return None


_BODY_ENDINGS = "局委办厅处所院会部站队庭"


_LIST_ITEM_END = ("、", "等", "和", "与", "及", "，", ",", "）", ")")


_RESIDENT_OFFICE_RE = re.compile(f"驻[{CJK}]{{2,8}}?(?:办事处|监管组|工作站|工作组)")


_OWNED = "所属"
"""The word between a body and its own sub-body when the text stresses the tie (X海关所属Y办事处)."""
_SUB_BODY_RES = {
    body: re.compile(f"[{CJK}]{{2,4}}?(?P<tail>{'|'.join(tails)})")
    for body, tails in load_agency_yaml("departments.yaml")["sub_bodies"].items()
}
"""A body's own sub-body named by its place after it (X人民法院Y人民法庭, X公安局Y派出所), from departments.yaml."""


def _proper_name(name: str, lex: Lexicon) -> bool:
    """True when ``name`` can be a place's own name before a sub-body (薛家湾), not a word (所属, 辖区, 各)."""
    return (
        not any(ch in lex.not_in_place_stem for ch in name)
        and not any(word in name for word in lex.not_place_words)
        and not name.endswith(_GENERIC_BEFORE_STEM_NAMED)
        and "所" not in name
    )


_BRANCH_BODY_RE = re.compile(f"[{CJK}]{{2,4}}?(?:分会|分院)")
"""An arbitration body's branch written after it (广州仲裁委员会南沙分会): the branch is the body the case names."""
"""A body's resident office written after it (成都海关驻泸州办事处): the office is the body the case names."""


def _area_stem_prefix(text: str, begin: int) -> Prefix | None:
    """An FTZ area's bare name right before ``begin`` (横琴 of 横琴海关), as a place of its own name: bodies
    named by a place's stem (海关, 海事局) often take an area's name, which no division list holds."""
    stems = load_ftz_gazetteer().area_stems
    for length in (4, 3, 2):
        stem = text[begin - length : begin] if begin >= length else ""
        if stem in stems and stem[-1] not in "区港":
            return Prefix(begin - length, Place(stem, stem, "unit"), by_stem=False)
    return None


_GENERIC_BEFORE_STEM_NAMED = tuple(load_agency_yaml("departments.yaml")["generic_before_stem_named"])


_JOINT_VERBS = tuple(load_agency_yaml("departments.yaml")["joint_verbs"])


def _port_name_prefix(text: str, begin: int, lex: Lexicon) -> Prefix | None:
    """A port's or place's own name of 2-5 characters that opens a list item or clause, or follows a verb of
    joint work (or a city's stem after one), right before a stem-named body (、拱北边检站, 、城陵矶海事局, 联合金陵海关,
    会同首都机场海关, 所属西宁曹家堡机场海关): such bodies are named after ports no division list holds.
    Kept as written; never a verb, an adverb or a kind (直属海关, 口岸海关)."""
    for length in (5, 4, 3, 2):
        start = begin - length
        name = text[start:begin] if start >= 0 else ""
        if length == 5 and not name.endswith((_PORT_ZONE, _AIRPORT)):  # 外高桥港区海关, 曹家堡机场海关: five for a port
            continue
        if (
            (start == 0 or text[start - 1] in _LIST_START or _after_joint_verb(text, start))
            and re.fullmatch(f"[{CJK}]+", name)
            and port_name_characters(name, lex)
            and not any(word in name for word in lex.not_place_words)
            and not name.endswith(_GENERIC_BEFORE_STEM_NAMED)
            and (name[-1] not in lex.levels or (name.endswith(_PORT_ZONE) and len(name) > len(_PORT_ZONE)))
        ):
            return Prefix(start, Place(name, name, "unit"), by_stem=False)
    return None


_PORT_ZONE = "港区"
_AIRPORT = "机场"


def _after_joint_verb(text: str, start: int) -> bool:
    """True after a verb of joint work, or after a city's stem that follows one (所属西宁|曹家堡机场海关): the city
    is read as the outer prefix of the port's name."""
    if text.endswith(_JOINT_VERBS, 0, start):
        return True
    if start >= 2 and text[start - 1] in _JOINING_CONJUNCTIONS and text[start - 2] in _BODY_LAST:
        return True  # 凭祥市口岸管理委员会与友谊关海关: a conjunction between two bodies
    divisions = load_divisions()
    return any(
        text[start - k : start] in divisions.by_stem and text.endswith(_JOINT_VERBS, 0, start - k) for k in (3, 2)
    )


_JOINING_CONJUNCTIONS = frozenset("与和及同")
_BODY_LAST = frozenset("局委办厅府部会站所队院处心司署关")
"""The last characters of bodies' names (局, 委员会, 人民政府, 中心, 海关): a conjunction after one joins a body."""


_PROPER_NAMED = frozenset(load_agency_yaml("departments.yaml")["proper_named"])


_PORT_MARKS = frozenset(load_agency_yaml("departments.yaml")["port_marks"])


def _proper_named(
    text: str, begin: int, end: int, core: Core, lex: Lexicon, gaz: Gazetteer, titles: list[tuple[int, int, bool]]
) -> _Hit | None:
    """A body with a proper name between its place and its core (郑州市黄河公证处, 钦州港海事局; a port's or an
    airport's name may be longer: 成都天府国际机场海关): kept as written, with the place, rather than made into the
    place's generic body (郑州市公证处) or dropped. None when no place precedes the name."""
    lengths = range(2, 11) if core.canonical == _COMMITTEE else range(1, 7)  # 天津东疆保税港区管理委员会
    for length in lengths:
        name_start = begin - length
        name = text[name_start:begin] if name_start >= 0 else ""
        if (
            not re.fullmatch(f"[{CJK}]+", name)
            or (core.canonical != _COMMITTEE and length > 4 and not name.endswith((_PORT_ZONE, _AIRPORT)))
            or (length == 1 and name not in _PORT_MARKS)  # 钦州港海事局: one character only for a port
            or any(ch in lex.not_in_place_stem for ch in name)  # 郑州市的公证处 has no proper name
            or any(word in name for word in lex.not_place_words)
            or (core.canonical == _COMMITTEE and (_AREA in name or _ZONE_WORD_RE.search(name)))  # FTZ areas: below
            or (core.canonical == _COMMITTEE and "委" in name)  # 天府新区党工委管委会: one committee after another
        ):
            continue
        prefix = find_prefix(text, name_start, lex, gaz, allow_unit=False)
        if prefix is not None and prefix.place is not None and prefix.start < name_start:
            outer = find_prefix(text, prefix.start, lex, gaz, allow_unit=False)
            if outer is not None and outer.place is not None and outer.place.level == "city":
                prefix = outer  # 天津市 + 滨海新区 + 中心商务区管理委员会: the city written before the district
            if _inside_title(prefix.start, titles):
                return None
            acting = not _cited(text, prefix.start, lex)
            written = text[prefix.start : begin] + core.canonical  # 武汉新港管委会 -> 武汉新港管理委员会
            return _Hit(prefix.start, end, core, prefix, acting, written, prefix.place)
    if core.canonical == _COMMITTEE and text.endswith(_LAND_PORT, 0, begin):
        return _port_committee(text, begin, end, core, lex, titles)
    return None


_LAND_PORT = "口岸"


def _port_committee(
    text: str, begin: int, end: int, core: Core, lex: Lexicon, titles: list[tuple[int, int, bool]]
) -> _Hit | None:
    """A port's committee named by the port alone (，伊尔克什坦口岸管理委员会: a border port no division list holds),
    kept as written when the port's name opens a clause or a list item or follows a verb of joint work."""
    at = begin - len(_LAND_PORT)
    for length in range(2, 7):
        start = at - length
        name = text[start:at] if start >= 0 else ""
        if (
            re.fullmatch(f"[{CJK}]+", name)
            and (start == 0 or text[start - 1] in _LIST_START or _after_joint_verb(text, start))
            and port_name_characters(name, lex)
            and not any(word in name for word in lex.not_place_words)
            and not name.endswith(_GENERIC_BEFORE_STEM_NAMED)
            and not _inside_title(start, titles)
        ):
            place = Place(name + _LAND_PORT, name, "unit")
            written = text[start:begin] + core.canonical
            return _Hit(start, end, core, Prefix(start, place), not _cited(text, start, lex), written, place)
    return None


def _covers(text: str, term: str, begin: int, end: int) -> bool:
    """True when an occurrence of ``term`` overlaps text[begin:end] (电子税务局 over 税务局)."""
    lo = max(0, begin - len(term))
    window = text[lo : end + len(term)]
    if term not in window:  # the usual case, decided without compiling or scanning a pattern
        return False
    return any(lo + m.start() < end and begin < lo + m.end() for m in re.finditer(re.escape(term), window))


_BARE_GENERIC_BEFORE = tuple(load_agency_yaml("departments.yaml")["bare_generic_before"])
