"""What a provider's name stands for in full: a court or a company named by itself (本院, 公司港口业务部), a stem
or a zone read in the document's city, an FTZ area by a name people use, a department in its standard form. Split
from ``provider.py`` by noun: these read a name; ``provider.py`` writes the provider with them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from ftzgraph.graph.data_files import load_lexicon as load_lexicon_file
from ftzgraph.graph.extract._agency_names import load_agency_yaml, load_divisions, load_lexicon
from ftzgraph.graph.extract._agency_zones import official_zone_name
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.model import CaseText

_GOVERNMENT_TAIL = re.compile("(?:人民政府|政府)$")
_COMMITTEE_TAIL = re.compile("(?:管委会|管理委员会|自贸办)$")
"""A zone's own governing body (X片区管委会) or its FTZ office (X片区自贸办), which stands for the area."""


@cache
def _department_re() -> re.Pattern[str]:
    words = load_lexicon_file("companies")
    heads, tails = "|".join(words["own_heads"]), "|".join(words["department_tails"])
    return re.compile(rf"(?:{heads})[\u4e00-\u9fff]{{1,10}}?(?:{tails})")


@cache
def _company_line_re() -> re.Pattern[str]:
    words = load_lexicon_file("companies")
    tails = "|".join(sorted([*words["suffixes"], *words["bank_tails"]], key=len, reverse=True))
    return re.compile(rf"[\u4e00-\u9fff（）()]{{2,40}}?(?:{tails})")


def _company_of_department(provider: str, case: CaseText) -> str | None:
    """The company a provider line's department of "the company" stands for (公司港口业务部, 本行公司金融部): the one
    company or bank whose full name stands alone on a line before the case, as a company's report or booklet names
    its publisher on its cover; None for any other provider or when no single company is named so."""
    if not _department_re().fullmatch(provider):
        return None
    head = case.document.text[: case.start].splitlines()
    named = {line.strip() for line in head if _company_line_re().fullmatch(line.strip())}
    return named.pop() if len(named) == 1 else None


@cache
def _prefecture_cities() -> frozenset[str]:
    return frozenset(load_divisions().city_of.values())


@lru_cache(maxsize=8)
def _cities_named_most(text: str) -> tuple[tuple[str, int], ...]:
    """The two prefecture cities ``text`` names most, with their counts: counted once per document, not per case."""
    cities = _prefecture_cities()
    named = Counter(
        next((text[at - k : at + 1] for k in (4, 3, 2) if text[at - k : at + 1] in cities), "")
        for at in (m.start() for m in re.finditer("市", text))
    )
    named.pop("", None)
    return tuple(named.most_common(2))


def _court_of_place(found: str) -> str | None:
    """A court's name from where its place starts (在金华市中级人民法院 -> 金华市中级人民法院), or None when no known
    division's name opens it."""
    names = load_divisions().names
    place = re.sub("(?:中级|高级)?人民(?:法院|检察院)$", "", found)
    for at in range(len(place) - 2):
        if place[at:] in names:
            return found[at:]
    return None


_COLLOQUIAL_AREA_RE = re.compile("(?:自贸片区|自贸区|自由贸易区|自贸试验片区)$")


def _colloquial_area(name: str, gazetteer: Gazetteer) -> str | None:
    """The FTZ area a name written the way people speak stands for: an area's word with 自贸区 or 自贸片区 (南沙自贸区,
    崇左自贸片区) or the FTZ's official name shortened inside a full one (中国（广西）自贸试验区崇左片区); None when the
    gazetteer knows no area by it (广西自贸区 names a whole FTZ)."""
    forms = (
        _COLLOQUIAL_AREA_RE.sub("片区", name),
        name.replace("自贸试验区", "自由贸易试验区"),
        name.replace("自贸区", "自由贸易试验区"),
    )
    for form in forms:
        if form != name and (place := gazetteer.resolve(form)) is not None and place.area:
            return place.area
    return None


@cache
def _zone_kinds() -> tuple[str, ...]:
    return tuple(sorted(load_agency_yaml("departments.yaml")["zone_kind_names"], key=len, reverse=True))


def _standard_form(written: str, agency: str) -> bool:
    """True when ``agency`` is ``written`` with only its standard form put in: a department's short ending
    (X区人社局 -> X区人力资源和社会保障局, data/agencies/standard_names.yaml) or a branch network's abbreviation
    (人行X市中心支行 -> 中国人民银行X市中心支行, 人行X中支 -> 中国人民银行X中心支行), a form that is part of the full
    name too (人民银行X市分行 -> 中国人民银行X市分行: the network's standard name, which the agency rules know).
    A resolution that adds a place or a zone's full name comes from the context, which the text may not share; a zone
    written short is named by its official name, which needs no context (``official_zone_name``)."""
    if _COMMITTEE_TAIL.search(written):
        return False  # X片区管委会: a committee is read as its area (``provider_unit``), its tail as written
    if official_zone_name(written) == agency != written:
        return True  # 襄阳高新区市场监督管理局: the zone by its official name
    lex = load_lexicon()
    for core in lex.cores.values():
        ending = core.core
        standard = written[: -len(ending)] + core.canonical
        # 合肥高新区人社局 -> 合肥高新技术产业开发区人力资源和社会保障局: the zone by its official name; X区委改革办 ->
        # 中共X区委全面深化改革委员会办公室: a party body's full name opens with 中共
        if (
            ending != core.canonical
            and written.endswith(ending)
            and agency
            in (
                standard,
                official_zone_name(standard),
                "中共" + standard,
            )
        ):
            return True
    for network in lex.networks:
        if written.startswith(network.org):
            continue  # 中国人民银行X分行: the full name as written
        for form in (f for f in network.forms if written.startswith(f)):  # 人民银行X市分行 too: part of the name
            rest = written[len(form) :]
            for short, branch in network.branch_forms:  # 人行X中支: the branch's short form too
                rest = rest[: -len(short)] + branch if rest.endswith(short) else rest
            if agency == network.org + rest:
                return True
    return False
