"""Name prefixes: the place, level or unit written before an agency's core (鹤岗市 + 市场监督管理局, 市 + 经济开发区 +
管理委员会), found at a position of the text. Kept apart from the lexicon and the places a text names, which the
prefix grammar reads and which are read without it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ftzgraph.graph.extract._agency_names import (
    _CORPS_NUMBER,
    _NAMED_ZONE_WORDS,
    _REGION,
    _SUFFIX_LEVEL,
    _WORD_PLACES,
    CJK,
    Lexicon,
    Place,
    load_agency_yaml,
    load_divisions,
    place_of,
)
from ftzgraph.graph.extract._agency_places import Gazetteer


@dataclass(frozen=True)
class Prefix:
    """What stands before a core: a place (full or by its stem), a level character, and/or a unit."""

    start: int
    place: Place | None = None
    by_stem: bool = False
    level: str | None = None
    unit: str | None = None


_ALIAS_RE = re.compile(f'[（(]以下简称[“"]?([{CJK}]{{2,12}})[”"]?[）)]$')


_BOUNDARY = ("", "\n", "，", "、", "。", "；", "（", "）", "(", ")", " ", "：")
"""What may stand before a unit written alone (，高新区管委会): not a Chinese character, which could be its place."""


def find_prefix(text: str, pos: int, lex: Lexicon, gaz: Gazetteer, *, allow_unit: bool = True) -> Prefix | None:
    """The prefix ending at ``pos`` (where a core starts), or None for a bare core. Beside the name grammar's own
    prefixes: a prefecture's administrative office between place and bureau (喀什地区行署商务局: 喀什地区), a place's
    short word (兵团), a Corps division before its city (第三师图木舒克市), and a district written in brackets after a
    zone (乌鲁木齐经开区（头屯河区）: kept as written)."""
    infix = next((w for w in _OFFICE_INFIXES if text.endswith(w, 0, pos)), None)
    if infix is not None and (inner := _find_prefix(text, pos - len(infix), lex, gaz)) is not None and inner.place:
        return inner
    alias = next((a for a in _PLACE_ALIASES if text.endswith(a, 0, pos)), None)
    if alias is not None:  # 兵团商务局, or the full 新疆生产建设兵团商务局: the same place's bureau
        written = _PLACE_ALIASES[alias] if text.endswith(_PLACE_ALIASES[alias], 0, pos) else alias
        return Prefix(pos - len(written), Place(_PLACE_ALIASES[alias], alias, "unit"))
    bracketed = _bracketed_district(text, pos, lex, gaz)
    if bracketed is not None:
        return bracketed
    corps = _CORPS_DIVISION_RE.search(text, max(0, pos - 6), pos)
    if corps is not None and corps.end() == pos:  # 第八师公安局一四三团分局: the Corps division's own bureau
        return Prefix(corps.start(), Place(corps.group(), corps.group(), "unit"))
    prefix = _find_prefix(text, pos, lex, gaz, allow_unit=allow_unit)
    division = (  # looked for only when 师 stands right before the place: one look per prefix, not a scan
        _CORPS_DIVISION_RE.search(text, max(0, prefix.start - 6), prefix.start)
        if prefix is not None and prefix.place and text[prefix.start - 1 : prefix.start] == "师"
        else None
    )
    if prefix is not None and prefix.place is not None and division is not None and division.end() == prefix.start:
        name = division.group() + prefix.place.name  # 第三师图木舒克市: the Corps division and its city (师市合一)
        return Prefix(division.start(), Place(name, name, "unit"), unit=prefix.unit)
    return prefix


_OFFICE_INFIXES = tuple(load_agency_yaml("departments.yaml")["office_infixes"])


_PLACE_ALIASES: dict[str, str] = load_agency_yaml("departments.yaml")["place_aliases"]


_CORPS_DIVISION_RE = re.compile(f"第{_CORPS_NUMBER}师$")


_ZONE_KINDS = tuple(sorted(load_agency_yaml("departments.yaml")["zone_kind_names"], key=len, reverse=True))


def _bracketed_district(text: str, pos: int, lex: Lexicon, gaz: Gazetteer) -> Prefix | None:
    """A zone or place followed by a district in brackets right before ``pos`` (乌鲁木齐经开区（头屯河区）司法局): the
    body of the two, which share one administration, named as the text writes them."""
    if pos < 4 or text[pos - 1] not in "）)":
        return None
    open_at = max(text.rfind("（", max(0, pos - 10), pos), text.rfind("(", max(0, pos - 10), pos))
    inner = text[open_at + 1 : pos - 1] if open_at >= 0 else ""
    kind = next((k for k in _ZONE_KINDS if text.endswith(k, 0, open_at)), None)  # 乌鲁木齐经开区
    known = inner in gaz.by_name or inner in load_divisions().names
    if not inner or not (known or (kind and inner in load_divisions().stems)):  # 杭州高新区（滨江）: by its stem
        return None
    outer = _find_prefix(text, open_at - len(kind), lex, gaz, allow_unit=False) if kind else None
    outer = outer or _find_prefix(text, open_at, lex, gaz)
    if outer is None or (outer.place is None and outer.unit is None) or outer.start == open_at:
        return None
    name = text[outer.start : pos]
    return Prefix(outer.start, Place(name, name, "unit"))


def _find_prefix(text: str, pos: int, lex: Lexicon, gaz: Gazetteer, *, allow_unit: bool = True) -> Prefix | None:
    """The name grammar's prefix ending at ``pos``: a unit, a place by name or stem, a level character."""
    if allow_unit:
        for unit in sorted(lex.units, key=len, reverse=True):
            if text.endswith(unit, 0, pos):
                inner = _find_prefix(text, pos - len(unit), lex, gaz, allow_unit=False)
                if inner is None:
                    inner = _abbreviated_place(text, pos - len(unit), lex.units[unit], gaz)
                if inner is None and unit in _PORT_NAMED_UNITS:
                    inner = _port_named(text, pos - len(unit), lex)
                if inner is not None:
                    return Prefix(inner.start, inner.place, inner.by_stem, inner.level, lex.units[unit])
                unit_start = pos - len(unit)
                if text[unit_start - 1 : unit_start] in _BOUNDARY or text.endswith(_JOINT_WORDS, 0, unit_start):
                    return Prefix(unit_start, unit=lex.units[unit])  # 高新区管委会, 会同综保区管委会: the unit alone
    alias = _ALIAS_RE.search(text, max(0, pos - 24), pos)
    if alias and alias.end() == pos and (place := gaz.by_name.get(alias.group(1)) or place_of(alias.group(1))):
        return Prefix(pos, place)
    for length in range(min(pos, 12), 1, -1):
        if (place := gaz.by_name.get(text[pos - length : pos])) is not None:
            return Prefix(pos - length, place)
    for length in (4, 3, 2):
        if pos >= length and (place := gaz.main_place(text[pos - length : pos])) is not None:
            return Prefix(pos - length, place, by_stem=True)
    divisions = load_divisions()
    for length in (4, 3, 2):  # 成都海关 in a text that never writes 成都市: the division's stem
        stem = text[pos - length : pos] if pos >= length else ""
        if pos - length >= 1 and text[pos - length - 1] in _BELOW_PROVINCE:
            continue  # 市通道管理局: a city's body, its words no county's stem cut out of them (通道县)
        word = stem in lex.not_place_words or stem in _WORD_PLACES  # 会同 is a verb first, 通道 a passage
        name = divisions.by_stem.get(stem) if not word else None
        if name is not None and (place := place_of(name)) is not None:
            return Prefix(pos - length, Place(name, text[pos - length : pos], place.level), by_stem=True)
    compound = _city_district(text, pos, lex, gaz)
    if compound is not None:
        return compound
    if text.endswith(_REGION, 0, pos):  # 自治区发展改革委: the autonomous region's level, as 省 is a province's
        return Prefix(pos - len(_REGION), level="province")
    if text.endswith(_PREFECTURE, 0, pos) and any(n.endswith(_PREFECTURE) for n in gaz.by_name):
        return Prefix(pos - len(_PREFECTURE), level="city")  # 地区市场监管局 in a prefecture's (喀什地区) case
    if pos >= 1 and text[pos - 1] in lex.levels and not text.endswith(_NAMED_ZONE_WORDS, 0, pos):
        return Prefix(pos - 1, level=lex.levels[text[pos - 1]])
    return None


_BELOW_PROVINCE = ("市", "区", "县")
"""Levels after which a division's stem is no place of its own (市通道管理局): a province may go before its city's
stem-named body (广东省深圳海关), a city or county does not go before another county's."""


_JOINT_WORDS = tuple(load_agency_yaml("departments.yaml")["joint_verbs"])


_PREFECTURE = "地区"
"""A prefecture (喀什地区, 阿克苏地区) governed by an office of its province: its bodies are named like a city's
(喀什地区市场监督管理局), and 地区X局 in its case is its X局 as 市X局 is a city's."""


_DISTRICT_SUFFIXES = ("新区", "区", "县")


def _city_district(text: str, pos: int, lex: Lexicon, gaz: Gazetteer) -> Prefix | None:
    """A city's name, then a district or new area of 2-4 characters that no list holds, right before ``pos``
    (南京市江北新区管理委员会): the place is the two together, as the text writes it."""
    for length in (5, 4, 3):
        local = text[pos - length : pos] if pos >= length else ""
        suffix = next((s for s in _DISTRICT_SUFFIXES if local.endswith(s)), None)
        if suffix is None or not re.fullmatch(f"[{CJK}]+", local):
            continue
        stem = local[: -len(suffix)]
        if len(stem) < 2 or any(ch in lex.not_in_place_stem for ch in stem) or stem[-1] in lex.levels:
            continue
        city = next(
            (
                text[pos - length - n : pos - length]
                for n in (5, 4, 3)
                if pos - length - n >= 0
                and (p := gaz.by_name.get(text[pos - length - n : pos - length])) is not None
                and p.level == "city"
            ),
            None,
        )
        if city is not None:
            return Prefix(pos - length - len(city), Place(city + local, stem, _SUFFIX_LEVEL[suffix]))
    return None


_PORT_NAMED_UNITS = frozenset(load_agency_yaml("departments.yaml")["port_named_units"])


_GENERIC_NAMES = tuple(load_agency_yaml("departments.yaml")["generic_before_stem_named"])


_CLAUSE_OPENERS = "、，,；;。：:（(\n"


_TRANSLITERATION = frozenset("其")
"""Characters of the function words a stem never holds that transliterated port names hold past their first
(红其拉甫, 甘其毛都, 珠恩嘎达布其)."""


def port_name_characters(name: str, lex: Lexicon) -> bool:
    """True when ``name`` holds no character a place's stem never holds (对全市, 我省), past its first character a
    transliteration's excepted (红其拉甫口岸)."""
    return name[:1] not in lex.not_in_place_stem and not any(
        ch in lex.not_in_place_stem and ch not in _TRANSLITERATION for ch in name[1:]
    )


def _port_named(text: str, pos: int, lex: Lexicon) -> Prefix | None:
    """The port's or town's own name of 2-4 characters before a border zone's unit (，姐告边境贸易区), when a clause, a
    list item or a verb of joint work opens it: kept as written, as no division list holds it."""
    for length in (2, 3, 4):
        start = pos - length
        name = text[start:pos] if start >= 0 else ""
        if (
            re.fullmatch(f"[{CJK}]+", name)
            and (start == 0 or text[start - 1] in _CLAUSE_OPENERS or text.endswith(_JOINT_WORDS, 0, start))
            and port_name_characters(name, lex)
            and not any(word in name for word in lex.not_place_words)
            and name[-1] not in lex.levels
            and not name.endswith(_GENERIC_NAMES)
        ):
            return Prefix(start, Place(name, name, "unit"))
    return None


def _abbreviated_place(text: str, pos: int, unit: str, gaz: Gazetteer) -> Prefix | None:
    """``绥综保区``: a one-character place abbreviation before a unit, expanded when the text has the
    long form (绥芬河综合保税区) so the name can be written in full."""
    if pos < 1 or not re.match(f"[{CJK}]", text[pos - 1]):
        return None
    for place in gaz.by_name.values():
        if place.stem.startswith(text[pos - 1]) and place.stem + unit in gaz.by_name:
            return Prefix(pos - 1, gaz.main_place(place.stem) or place, by_stem=True)
    return None
