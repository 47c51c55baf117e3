"""Branches of national networks (中国人民银行鹤岗市中心支行, 人行武汉分行营业管理部, 银保监鹤岗分局): their place,
their rank, and the short forms of a branch (中支, 营管部). Words come from ``data/agencies/departments.yaml``. Split
from ``agencies`` by noun.
"""

from __future__ import annotations

import functools
import re

from ftzgraph.graph.extract._agency_divisions import is_municipality, ranks_as_province
from ftzgraph.graph.extract._agency_hits import (
    _cited,
    _Hit,
    _in_title,
)
from ftzgraph.graph.extract._agency_names import (
    CJK,
    Core,
    Lexicon,
    Network,
    Place,
    load_agency_yaml,
    load_divisions,
    place_of,
)
from ftzgraph.graph.extract._agency_places import Gazetteer
from ftzgraph.graph.extract._agency_prefixes import Prefix


@functools.cache
def _network_re(net: Network) -> re.Pattern[str]:
    """A network's forms, each perhaps followed by a place and a branch, compiled once per network."""
    forms = "|".join(sorted(map(re.escape, net.forms), key=len, reverse=True))
    branches = "|".join(map(re.escape, net.branches))
    return re.compile(f"({forms})(?:([{CJK}]{{2,8}}?)({branches}))?")


def _network_hits(text: str, lex: Lexicon, gaz: Gazetteer) -> tuple[list[_Hit], list[_Hit]]:
    """Branches of national networks (中国人民银行鹤岗市中心支行, 银保监鹤岗分局), and the org's bare forms
    (人民银行), which yield to any lexicon core they overlap (鹤岗银保监局)."""
    hits: list[_Hit] = []
    forms_only: list[_Hit] = []
    for net in lex.networks:
        for match in _network_re(net).finditer(text):
            place = _branch_place(match.group(2), gaz) if match.group(2) else None
            end = match.end() if place else match.end(1)
            if any(h.start < end and match.start() < h.end for h in hits + forms_only):
                continue
            if place is not None:
                # an FTZ area written in a branch's name (国家税务总局西安国际港务区税务局) keeps the text's form, and
                # so does a bare stem before a 分行 (人行武汉分行: a regional branch named by its seat, not a city's)
                middle = match.group(2)  # 福州 ends in 州 yet is a stem: the place's own stem counts as one
                stem_branch = (
                    match.group(3) in _STEM_NAMED_BRANCHES
                    and (middle == place.stem or not middle.endswith(_LEVEL_ENDINGS))
                    and (match.group(3) not in _CAPITAL_ONLY_BRANCHES or middle in _PROVINCIAL_CAPITALS)
                )
                written = match.group(2) if place.level == "area" or stem_branch else place.name
                branch = str(dict(net.branch_forms).get(match.group(3), match.group(3)))  # 人行舟山市中支: 中心支行
                if stem_branch and text.startswith(_BRANCH_UNITS, end):  # …分行营业管理部: the unit is the body
                    unit = next(u for u in _BRANCH_UNITS if text.startswith(u, end))
                    branch, end = branch + unit, end + len(unit)
                name = net.template.format(org=net.org, place=written, stem=place.stem, branch=branch)
                if (sub := _sub_branch(text, end, branch)) is not None:  # …泰安监管分局宁阳监管支局: the sub-branch
                    name, end = name + sub, end + len(sub)
                core = Core(match.group(3), dict(net.branch_forms).get(match.group(3), match.group(3)), net.org)
                acting = not _cited(text, match.start(), lex)
                hits.append(_Hit(match.start(), end, core, Prefix(match.start(), place), acting, name, place))
            elif match.group(1) in net.branch_only_forms:
                continue  # 市外汇局: the core's, never the national administration
            elif not _in_title(text, match.start()):
                core = Core(match.group(1), net.org, net.org, national=True)  # 人民银行 may stand for a branch
                acting = _national_acting(text, end, lex, match.start())
                forms_only.append(_Hit(match.start(), end, core, None, acting))
    return hits, forms_only


_LEVEL_ENDINGS = ("省", "市", "区", "县", "州", "盟", "旗")


_SUB_BRANCH_RES = {
    body: re.compile(f"(?P<stem>[{CJK}]{{2,4}}?)(?:{'|'.join(tails)})")
    for body, tails in load_agency_yaml("departments.yaml")["sub_bodies"].items()
}


def _sub_branch(text: str, end: int, branch: str) -> str | None:
    """A branch's own sub-branch named by its county right after it (…泰安监管分局宁阳监管支局), as the network's
    notices write it in full: the sub-branch is the body the case names. Its place must be a division's stem."""
    pattern = _SUB_BRANCH_RES.get(branch)
    found = pattern.match(text, end) if pattern is not None else None
    if found is None:
        return None
    return found.group() if _division_by_stem(found["stem"]) is not None else None


_STEM_NAMED_BRANCHES = tuple(load_agency_yaml("departments.yaml")["stem_named_branches"])
"""Branches a network may name by its seat's bare stem (中国人民银行武汉分行, a regional branch before 2023;
中国人民银行重庆营业管理部; a provincial capital's 中国人民银行福州中心支行): written with the bare stem, kept so."""


_CAPITAL_ONLY_BRANCHES = tuple(load_agency_yaml("departments.yaml")["capital_only_branches"])
_PROVINCIAL_CAPITALS = frozenset(load_agency_yaml("departments.yaml")["provincial_capitals"])
"""人行福州中支 is 中国人民银行福州中心支行, a capital's; 人行三亚中支 is 中国人民银行三亚市中心支行, a city's."""


_BRANCH_UNITS = tuple(load_agency_yaml("departments.yaml")["branch_units"])
"""A unit of a stem-named branch written right after it (人行武汉分行营业管理部): the body the case names."""


def _branch_place(middle: str, gaz: Gazetteer) -> Place | None:
    """The place between an org and a branch: a known place, a known stem, an autonomous region written short
    (广西区 of 人民银行广西区分行: 广西壮族自治区), or any X市/X县/X区."""
    region = (
        load_divisions().by_stem.get(middle.removesuffix(_REGION_SHORT)) if middle.endswith(_REGION_SHORT) else None
    )
    if region is not None and region.endswith(_REGION):
        return place_of(region)
    place = (
        gaz.by_name.get(middle)
        or gaz.main_place(middle)
        or (place_of(middle) if len(middle) >= 3 else None)
        or _division_by_stem(middle)  # 云南 (…总局云南监管局): a division's stem
    )
    if place is not None and place.level == "area" and middle == place.stem:
        city = load_divisions().by_stem.get(middle)
        if city is not None and city.endswith("市"):  # 人行三亚中支: the city 三亚市, not the area named after it
            return place_of(city)
    return place


_REGION_SHORT, _REGION = "区", "自治区"


def _division_by_stem(stem: str) -> Place | None:
    name = load_divisions().by_stem.get(stem)
    return place_of(name) if name else None


def _national_acting(text: str, end: int, lex: Lexicon, start: int) -> bool:
    """A national body acts only as the subject of an issuing or approving verb (海关总署自贸司印发…)."""
    after = text[end : end + 12].lstrip()
    while (adverb := next((w for w in _NATIONAL_VERB_ADVERBS if after.startswith(w)), None)) is not None:
        after = after[len(adverb) :]  # 国家发改委日前正式印发: the verb after its words of time and manner
    return after.startswith(lex.national_acting_verbs) and not _cited(text, start, lex)


_NATIONAL_VERB_ADVERBS = tuple(
    sorted(load_agency_yaml("departments.yaml")["national_verb_adverbs"], key=len, reverse=True)
)


_BRANCH_RANK = ("分行", "营业管理部", "中心支行", "支行", "分局", "中心支局", "支局")
"""When a case writes one network's branch in one place two ways (人行洛阳市中心支行 and 人民银行洛阳市分行,
as documents of the 2024 reorganisation do), it is one body, named by the higher rank."""


def _one_branch_per_place(hits: list[_Hit]) -> None:
    groups: dict[tuple[str, str], list[_Hit]] = {}
    for hit in hits:
        if hit.place is not None and hit.core.family != hit.core.canonical and hit.core.canonical in _BRANCH_RANK:
            groups.setdefault((hit.core.family, hit.place.name), []).append(hit)
    for group in groups.values():
        names = {h.name for h in group}
        if len(names) > 1:
            best = min(group, key=lambda h: _BRANCH_RANK.index(h.core.canonical))
            for hit in group:
                hit.name = best.name


_ERA_WORDS: dict[str, list[str]] = load_agency_yaml("departments.yaml")["central_bank_era"]
_ERA_RE = re.compile(
    f"(?:人民银行|人行|外汇管理局|外汇局)([{CJK}]{{2,9}}?(?:省|自治区|市|州|盟|地区))"
    f"({'|'.join(sorted(map(re.escape, _ERA_WORDS['before'] + _ERA_WORDS['after']), key=len, reverse=True))})"
)
_REORGANISED_FROM: str = load_agency_yaml("departments.yaml")["fx_reorganised_from"]


@functools.lru_cache(maxsize=32)
def reorganised(text: str, date: str | None) -> bool:
    """True when a document speaks of the central bank's network after its 2024 reorganisation: it names a city's
    or province's branch by the new rank (人民银行泉州市分行, 人民银行海南省分行, 外汇局泉州市分局) more often
    than by the old (人行温州市中心支行, 人行舟山市中支); naming neither, when its date is on or after the change.
    An office that kept its rank (外汇局海南省分局, a separately planned city's 分局) is no sign, nor a regional
    分行 named by its seat's bare stem (人行武汉分行, before the change)."""
    divisions = load_divisions()
    after = before = 0
    for match in _ERA_RE.finditer(text):
        place, rank = match.group(1), match.group(2)
        found = place_of(place) if place in divisions.names else None
        if found is None:
            continue  # 推动全市分行: no place
        if rank in _ERA_WORDS["before"]:
            before += 1
        elif not (rank == "分局" and ranks_as_province(found)):
            after += 1
    if after or before:
        return after > before
    return bool(date) and str(date) >= _REORGANISED_FROM


_CITY_RANKS: dict[str, dict[str, dict[str, str]]] = load_agency_yaml("departments.yaml")["network_city_ranks"]
_CAPITALS = frozenset(load_agency_yaml("departments.yaml")["provincial_capitals"])
_CAPITAL_RANKS = {"国家外汇管理局": "分局"}
"""Networks whose office in a provincial capital is the province's (国家外汇管理局浙江省分局 for 杭州市外汇局)."""


def office_rank(place: Place, after: bool, family: str) -> tuple[Place, str] | None:
    """The place and rank of a network's office in a city or county, ``after`` the reorganisation or before it
    (苏州市外汇局: 苏州市, 中心支局 before, 分局 after; 宜兴市, 青田县: 支局 before, none after), the province's
    office for a provincial capital where the network has one there (长沙市外汇局: 湖南省, 分局), None for a place
    of another level, a municipality (its offices are a province's) or a capital with no such office (市人民银行 in
    杭州: kept as written)."""
    if place.level not in ("city", "county") or is_municipality(place):
        return None
    divisions = load_divisions()
    if place.stem in _CAPITALS:  # the network's provincial office sits in the capital
        province = place_of(divisions.province_of.get(place.name, "") or "-")
        return (province, _CAPITAL_RANKS[family]) if province and family in _CAPITAL_RANKS else None
    ranks = _CITY_RANKS[family]["after" if after else "before"]
    rank = ranks.get("county" if place.level == "county" or place.name in divisions.city_of else "city")
    return (place, rank) if rank else None
