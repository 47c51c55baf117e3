"""Bodies known by a proper name that the name grammar cannot compose (data/agencies/named_offices.yaml): a port's
customs office (外高桥港区海关 -> 上海外高桥港区海关), a civil aviation regional administration, a zone committee's
bureaux named by the zone's parts (陆家嘴管理局). Each is found as written (a short form not right after a place's
last character) and named by its full name.
"""

from __future__ import annotations

import functools
import re

from ftzgraph.graph import data_files
from ftzgraph.graph.extract._agency_divisions import PLANNED_CITIES
from ftzgraph.graph.extract._agency_hits import _cited, _Hit, _inside_title
from ftzgraph.graph.extract._agency_names import Core, Lexicon, load_agency_yaml, load_divisions
from ftzgraph.graph.text import opening_guard, word_alternation

_PLACE_ENDS = "省市县区州旗盟港"


@functools.cache
def _offices() -> tuple[dict[str, tuple[str, tuple[str, ...]]], re.Pattern[str]]:
    """Every written form (the full name too) -> (full name, the places one of which a document must name for it;
    none when any document will do)."""
    forms: dict[str, tuple[str, tuple[str, ...]]] = {}
    for entry in load_agency_yaml("named_offices.yaml")["offices"]:
        where = entry.get("where", [])
        for form in entry["forms"] if entry.get("forms_only") else (entry["full"], *entry["forms"]):
            forms[form] = (entry["full"], (where,) if isinstance(where, str) else tuple(where))
    guard = opening_guard([*forms, "中华人民共和国"])
    return forms, re.compile(f"{guard}(?:中华人民共和国)?(?:{word_alternation(forms)})")


def named_offices(text: str, document_text: str, lex: Lexicon, titles: list[tuple[int, int, bool]]) -> list[_Hit]:
    """The named bodies written in ``text``, each a hit named by its full name."""
    forms, pattern = _offices()
    hits = []
    for match in pattern.finditer(text):
        written = match.group().removeprefix("中华人民共和国")
        full, where = forms[written]
        if (where and not any(w in document_text for w in where)) or _inside_title(match.start(), titles):
            continue
        start = match.start()
        if written != full and start > 0 and text[start - 1] in _PLACE_ENDS:
            heads = (text[max(0, start - k) : start] for k in (4, 3))
            city = next((head for head in heads if full.startswith(head)), "")
            if not city or city not in load_divisions().names:
                continue  # 天津市保税区管理局: a short form is no name's tail
            start -= len(city)  # 深圳市前海管理局: the short form after the city its full name opens with
        end, name = match.end(), full
        if (branch := _BRANCH_RE.match(text, end)) is not None and branch.group(1) in load_divisions().by_stem:
            end, name = branch.end(), full + branch.group()  # 长江航运公安局九江分局: the office's branch in a port
        core = Core(name, name, name)
        hits.append(_Hit(start, end, core, None, not _cited(text, start, lex), name))
    return hits


_BRANCH_RE = re.compile("([\u4e00-\u9fff]{2,3}?)分局")
"""A place's stem and 分局 right after a named office: its branch there, named by the office (not by the place)."""


_REGULATOR_RE = re.compile("金融监管(分)?局")


def regulator_offices(text: str, lex: Lexicon, titles: list[tuple[int, int, bool]]) -> list[_Hit]:
    """The national financial regulator's offices written by their place's stem (厦门金融监管局, 鹤岗金融监管分局):
    since its 2023 founding, 国家金融监督管理总局 + a province's or separately planned city's stem + 监管局, or any
    other city's stem + 监管分局 (its 派出机构). A level before it (市金融监管局) names the local government's financial
    bureau instead."""
    hits = []
    for match in _REGULATOR_RE.finditer(text):
        stems = [text[match.start() - n : match.start()] for n in (3, 2) if match.start() >= n]
        stem = next((s for s in stems if s in load_divisions().by_stem), None)
        start = match.start() - len(stem) if stem else 0
        if stem is None or (start and text[start - 1] in "市省区县") or _inside_title(start, titles):
            continue
        full = load_divisions().by_stem[stem]
        province = full in _provinces() or stem in PLANNED_CITIES
        name = f"国家金融监督管理总局{stem}监管{'局' if province and not match.group(1) else '分局'}"
        core = Core("金融监管局", name, "国家金融监督管理总局")
        hits.append(_Hit(start, match.end(), core, None, not _cited(text, start, lex), name))
    return hits


@functools.cache
def _sar_re() -> re.Pattern[str]:
    """Region, optional government word, then one of that region's bodies, or the government word alone."""
    raw = load_agency_yaml("sar_bodies.yaml")
    words = word_alternation(raw["government_words"])
    regions = "|".join(
        f"{re.escape(region)}(?:{words})?(?:{word_alternation(bodies)})|{re.escape(region)}(?:{_SAR_GOVERNMENT}|政府)"
        for region, bodies in raw["regions"].items()
    )
    return re.compile(f"(?:{regions})")


_SAR_GOVERNMENT = "特别行政区政府|特区政府"


@functools.cache
def _sar_alone_re() -> tuple[re.Pattern[str], dict[str, str]]:
    """A body no mainland body's name matches, written without its region, or the government word alone; each
    written form -> its region (the government word -> "")."""
    region_of = {
        body: region for region, bodies in load_agency_yaml("sar_bodies.yaml")["alone"].items() for body in bodies
    }
    guard = opening_guard([*_SAR_GOVERNMENT.split("|"), *region_of])
    return re.compile(f"{guard}(?:{_SAR_GOVERNMENT}|{word_alternation(region_of)})"), region_of


@functools.lru_cache(maxsize=8)
def _regions_named(document_text: str) -> list[str]:
    """The SAR regions the document names, read once per document rather than once per case."""
    return [region for region in load_agency_yaml("sar_bodies.yaml")["regions"] if region in document_text]


def sar_offices(text: str, document_text: str, lex: Lexicon, titles: list[tuple[int, int, bool]]) -> list[_Hit]:
    """Bodies of the Hong Kong and Macao governments (澳门海关, 香港特区政府工业贸易署; data/agencies/sar_bodies.yaml),
    named as written: their proper names have no mainland full form, and a gold counts them when they act. A body
    written alone is read when the document names its region; a bare 特区政府 takes the one region it names."""
    hits = []
    for match in _sar_re().finditer(text):
        if not _inside_title(match.start(), titles):
            hits.append(_sar_hit(text, match.start(), match.end(), match.group(), lex))
    pattern, region_of = _sar_alone_re()
    named = _regions_named(document_text)
    for match in pattern.finditer(text):
        if any(h.start <= match.start() < h.end for h in hits) or _inside_title(match.start(), titles):
            continue
        if match.start() > 0 and text[match.start() - 1] in _NAME_BEFORE:
            continue  # 香港特区政府 covered above; 澳门特别行政区政府 read whole
        region = region_of.get(match.group(), "")
        if (region and region not in named) or (not region and len(named) != 1):
            continue
        name = match.group() if region else named[0] + match.group()
        hits.append(_sar_hit(text, match.start(), match.end(), name, lex))
    return hits


_NAME_BEFORE = "港门区府"
"""A character that ends a region or government word: the form after it is part of a longer name."""


def _sar_hit(text: str, start: int, end: int, name: str, lex: Lexicon) -> _Hit:
    return _Hit(start, end, Core(name, name, name), None, not _cited(text, start, lex), name)


_CIVIL_AVIATION_RE = re.compile("(?:中国民用航空|民航)([\u4e00-\u9fff]{2,3}?)(?:安全监督管理局|监管局)")


def civil_aviation_offices(text: str, lex: Lexicon, titles: list[tuple[int, int, bool]]) -> list[_Hit]:
    """The civil aviation administration's supervision offices, named by their province's or city's stem
    (民航湖南监管局 = 中国民用航空湖南安全监督管理局): each regional administration's 安全监督管理局 in a province or a
    large airport's city, whose full name the grammar cannot compose (the stem sits inside the name)."""
    hits = []
    for match in _CIVIL_AVIATION_RE.finditer(text):
        stem = match.group(1)
        if stem not in load_divisions().by_stem or _inside_title(match.start(), titles):
            continue
        name = f"中国民用航空{stem}安全监督管理局"
        core = Core("安全监督管理局", name, "中国民用航空局")
        hits.append(_Hit(match.start(), match.end(), core, None, not _cited(text, match.start(), lex), name))
    return hits


@functools.cache
def _provinces() -> frozenset[str]:
    return frozenset(data_files.load_json("reference", "divisions", "pca.json"))


def is_short_form(written: str) -> bool:
    """True when ``written`` is a named body's short form (CBD管委会), not its full name."""
    found = _offices()[0].get(written)
    return found is not None and found[0] != written
