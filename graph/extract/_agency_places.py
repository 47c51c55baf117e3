"""The places a text names (X市, X县, X片区 after a non-Chinese character, division names the text shows as places)
gathered into one Gazetteer per text, and the province a document belongs to. Kept apart from the lexicon and the
division list, which every agency module reads without needing the text's places."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from ftzgraph.graph.extract._agency_names import (
    _CORPS_NUMBER,
    _CUSTOMARY,
    _DIVISION_SUFFIXES,
    _NAMED_ZONE_WORDS,
    _NOT_A_STEM,
    _REGION,
    _SUFFIX_LEVEL,
    _WORD_PLACES,
    CJK,
    Divisions,
    Lexicon,
    Place,
    load_divisions,
    load_lexicon,
    place_of,
)
from ftzgraph.graph.text import CJK_RE

_LEVEL_PRIORITY = {"city": 0, "county": 1, "district": 2, "province": 3, "area": 4, "unit": 5}


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
def _words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` as one regex: a search for them all, not one substring test a word, on every place read."""
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


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
        if _words_re(lex.not_place_words).search(stem):
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


_BEFORE_A_PLACE = frozenset('\n：:（(【[《“"「 　省市州')
"""What may stand right before a place's name but not before a verb or a conjunction opening a clause."""


_LISTED_SUFFIXES = ("市", "县", "省", "地区")
"""Place suffixes whose places are all in the division list (州, 盟, 旗 have short forms it does not hold)."""


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
