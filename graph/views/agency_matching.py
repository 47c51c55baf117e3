"""When an extracted agency name and a gold one name the same body: both written in a standard form (short endings,
autonomous divisions and zones in full, a district with its city) and compared with the case's own city or county
prefix. Kept apart from the scorer, which counts matches field by field and reads the store; the matching rule is
the gold README's and reads only names."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ftzgraph.graph import data_files
from ftzgraph.graph.extract._agency_divisions import is_municipality
from ftzgraph.graph.extract._agency_names import load_agency_yaml, load_divisions, place_of
from ftzgraph.graph.extract._agency_zones import district_with_city, official_zone_name


def squash(name: str) -> str:
    return re.sub(r"\s+", "", name)


def case_prefixes(gold_case: dict[str, Any]) -> list[str]:
    """The case's own city or county prefixes: the provider's city and any X市/X县 the gold names use."""
    prefixes = set()
    for name in [gold_case.get("provider") or "", *(a["name"] for a in gold_case.get("agencies") or [])]:
        match = re.match(r"^(.{2,4}?[市县])", name)
        if match:
            prefixes.add(match.group(1))
    provider = gold_case.get("provider") or ""
    if provider.endswith("片区"):
        prefixes.add(provider[: -len("片区")] + "市")
    return sorted(prefixes)


@cache
def _standard_forms() -> list[tuple[str, str]]:
    pairs = [(form, n["standard"]) for n in load_agency_yaml("standard_names.yaml")["names"] for form in n["forms"]]
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


_PROVINCE_BRANCH_RE = re.compile("中国人民银行([\u4e00-\u9fff]{2,3})分行")


@cache
def _provinces() -> frozenset[str]:
    return frozenset(data_files.load_json("reference", "divisions", "pca.json"))


@cache
def _named_offices() -> dict[str, str]:
    """A body known by a proper name (data/agencies/named_offices.yaml), each written form -> its full name."""
    return {
        form: entry["full"] for entry in load_agency_yaml("named_offices.yaml")["offices"] for form in entry["forms"]
    }


@cache
def _autonomous_short_re() -> re.Pattern[str]:
    short = sorted(load_divisions().full_of, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, short)) + ")")  # match() anchors it where it is asked


_COUNTRY = "中华人民共和国"
"""The country's name that opens the official names of centrally managed offices (中华人民共和国厦门海事局,
中华人民共和国海关总署): documents and gold files write them with or without it, and like the case's own city prefix
in the gold README's rule it tells no two bodies apart."""


@cache
def _regulator_cores() -> list[tuple[str, str | None, str | None]]:
    """Cores of regulators' offices named by their place's stem and their full-name templates (departments.yaml
    ``named_as`` and ``province_named_as``), longest first."""
    cores = [
        (c["core"], c.get("named_as"), c.get("province_named_as"))
        for c in load_agency_yaml("departments.yaml")["cores"]
        if c.get("named_as") and c.get("stem_place")
    ]
    return sorted(cores, key=lambda core: len(core[0]), reverse=True)


def _regulator_full_name(name: str) -> str:
    """A regulator's office written short after its place's stem (郴州银保监分局, 陕西银保监局, 蚌埠金融监管分局) by the
    full name the extractor writes from the same templates; any other name unchanged."""
    divisions = load_divisions()
    for core, named_as, province_named_as in _regulator_cores():
        stem = name.removesuffix(core)
        if stem == name or stem not in divisions.stems:
            continue
        full = divisions.by_stem.get(stem, "")
        planned = stem in load_agency_yaml("departments.yaml")["separately_planned_cities"]
        if province_named_as and (full in _provinces() or planned):
            return province_named_as.format(stem=stem, name=full)
        return named_as.format(stem=stem) if named_as else name
    return name


@cache
def standard_name(name: str) -> str:
    """``name`` with a short ending written as its standard form (发改委 -> 发展和改革委员会), the national tax prefix
    dropped (国家税务总局X市税务局 -> X市税务局), an autonomous division's short form written in full (德宏州财政局 ->
    德宏傣族景颇族自治州财政局, also after a vertical network: 中国人民银行德宏州分行), a body known by a proper name
    by its full name (外高桥港区海关 -> 上海外高桥港区海关), the country's name that opens an official name dropped
    (中华人民共和国厦门海事局 -> 厦门海事局), a regulator's short form written in full (郴州银保监分局 ->
    中国银行保险监督管理委员会郴州监管分局), a development zone by its official name (合肥高新区X局 ->
    合肥高新技术产业开发区X局, 两江新区X局 -> 重庆两江新区X局: the zone's short name and its kind's abbreviation
    stand for one zone) and a district written with the one city it lies in (顺德区X局 -> 佛山市顺德区X局, the
    README's city prefix when the case's own prefix is not the district's city), a local court without its
    province (吉林省吉林市中级人民法院 -> 吉林市中级人民法院), an airport's customs office without its city
    (长沙黄花机场海关 -> 黄花机场海关), a bureau's district branch without the district's 区 (…局南沙区分局 ->
    …局南沙分局) and a place's body whose short form stands for several names by the one the gold files write
    (市数据资源局 -> 市数据资源管理局), a committee's short form inside a department's name (X管委会规划建设局 ->
    X管理委员会规划建设局) and a discipline commission with the supervision commission it shares offices with by
    one name (中共X县纪律检查委员会、X县监察委员会 = 中共X县纪律检查委员会 X县监察委员会), a city's new area opened
    by the city's name or its stem (柳州市柳东新区 = 柳州柳东新区), and a body with its second name in brackets after
    it (淮北市发展和改革委员会（淮北市能源局） = 淮北市发展和改革委员会: one body with two names, which gold files write
    with or without the bracket): the same body, however a gold file wrote it."""
    name = _SECOND_NAME_RE.sub("", squash(name))
    if name.startswith(_COUNTRY) and len(name) > len(_COUNTRY) + 2:  # 中华人民共和国厦门海事局 = 厦门海事局
        name = name[len(_COUNTRY) :]
    name = _named_offices().get(name, name)  # 外高桥港区海关 = 上海外高桥港区海关
    name = _court_without_province(name)  # 吉林省吉林市中级人民法院 = 吉林市中级人民法院
    name = _airport_office(name)  # 长沙黄花机场海关 = 黄花机场海关
    if (branch := _DISTRICT_BRANCH_RE.fullmatch(name)) and branch["stem"] + "区" in load_divisions().names:
        name = branch["bureau"] + branch["stem"] + "分局"  # 广州市生态环境局南沙区分局 = …南沙分局
    name = _regulator_full_name(name)  # 郴州银保监分局 = 中国银行保险监督管理委员会郴州监管分局
    name = district_with_city(official_zone_name(name))  # 合肥高新区X局, 顺德区X局: one body with its full form
    head = next((n for n in _VERTICAL_NETWORKS if name.startswith(n)), "")  # 中国人民银行德宏州分行: after the network
    if (short := _autonomous_short_re().match(name, len(head))) is not None:
        name = head + load_divisions().full_of[short.group()] + name[short.end() :]
    if (branch := _PROVINCE_BRANCH_RE.fullmatch(name)) is not None:  # 中国人民银行新疆分行: the province's 分行
        province = load_divisions().by_stem.get(branch.group(1), "")
        if province and province in _provinces():
            name = f"中国人民银行{province}分行"
    if name.startswith("国家税务总局") and name.endswith("税务局") and len(name) > len("国家税务总局税务局"):
        name = name[len("国家税务总局") :]
    for form, standard in _standard_forms():
        if name.endswith(form) and not name.endswith(standard):
            name = name[: -len(form)] + standard
            break
    name = name.replace(_SHORT_COMMITTEE, _COMMITTEE)  # X新区管委会规划建设局: a committee's department, in full
    if (joint := _JOINT_DISCIPLINE_RE.fullmatch(name)) is not None:  # 中共X县纪律检查委员会、X县监察委员会
        name = f"{joint['party'] or ''}{joint['place']}纪律检查委员会监察委员会"
    zone = _CITY_NEW_AREA_RE.match(name)
    names = load_divisions().names
    if zone is not None and zone["city"] in names and zone.group(0)[len(zone["city"]) :] not in names:
        name = (
            zone["city"][:-1] + name[len(zone["city"]) :]
        )  # 柳州市柳东新区X = 柳州柳东新区X; 天津市滨海新区 a district
    return _one_per_place(name)


_VERTICAL_NETWORKS = ("中国人民银行", "国家外汇管理局", "国家税务总局")
"""Vertical networks whose offices are named by their network, then their place (中国人民银行德宏州分行)."""


_SHORT_COMMITTEE, _COMMITTEE = "管委会", "管理委员会"


_SECOND_NAME_RE = re.compile("(?<=[\u4e00-\u9fff])[（(][\u4e00-\u9fff]{2,16}[局办委室厅署院处部心][）)]$")
"""A second name in brackets closing a body's name (X市市场监督管理局（X市知识产权局））: a second body name."""


_CITY_NEW_AREA_RE = re.compile("(?P<city>[\u4e00-\u9fff]{2,4}?市)[\u4e00-\u9fff]{2,5}?新区")


_JOINT_DISCIPLINE_RE = re.compile("(?P<party>中共)?(?P<place>.+?)纪律检查委员会[、，,]?(?P=place)?监察委员会")


@cache
def _place_bodies() -> list[tuple[str, str]]:
    """(written ending, the ending it stands for) of the bodies a place has one of, longest ending first."""
    groups = load_agency_yaml("standard_names.yaml")["one_per_place"]
    pairs = [(ending, group[0]) for group in groups for ending in group[1:]]
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


def _one_per_place(name: str) -> str:
    """A place's body written by a short form that stands for several names (市城管局, 市数据资源局, 区政务服务局) as
    the name the gold writer looked up (城市管理局, 数据资源管理局, 政务服务管理局): a place has one such body, and the
    extractor keeps the text's form where the names differ by place (standard_names.yaml)."""
    for ending, standard in _place_bodies():
        head = name[: -len(ending)]
        if name.endswith(ending) and head.endswith(_PLACE_LEVELS):
            return head + standard
    return name


_PLACE_LEVELS = ("市", "县", "区", "旗", "州", "盟")


def _court_without_province(name: str) -> str:
    """A city's or county's court without the province its official name opens with (吉林省吉林市中级人民法院 ->
    吉林市中级人民法院, 广西壮族自治区凭祥市人民法院 -> 凭祥市人民法院). The gold files write both (a court's official
    name carries its province; most texts and older golds leave it out), and the province tells no two courts apart,
    as the country's name tells no two offices apart. A province's own high court keeps it."""
    if not name.endswith(_COURT) or name.endswith("高级" + _COURT):
        return name
    for province in _provinces():
        rest = name[len(province) :]
        if (place := place_of(province)) is not None and is_municipality(place):
            continue  # 北京市朝阳区人民法院: the municipality is the district's city, not a province over it
        if name.startswith(province) and _LOCAL_COURT_RE.fullmatch(rest):
            return rest
    return name


def _airport_office(name: str) -> str:
    """An airport's customs office without the city written before the airport's name (长沙黄花机场海关 ->
    黄花机场海关): golds write both (round files keep 吴圩机场海关 as written, others add the city), and the airport's
    own name tells the offices apart."""
    airport = _AIRPORT_OFFICE_RE.fullmatch(name)
    if airport is None:
        return name
    divisions = load_divisions()
    return airport["rest"] if airport["city"] in divisions.by_stem or airport["city"] in divisions.names else name


_AIRPORT_OFFICE_RE = re.compile("(?P<city>[\u4e00-\u9fff]{2,4}?)市?(?P<rest>[\u4e00-\u9fff]{2,6}机场海关)")


_DISTRICT_BRANCH_RE = re.compile("(?P<bureau>[\u4e00-\u9fff]+?局)(?P<stem>[\u4e00-\u9fff]{2,3})区分局")
"""A city bureau's branch in a district, written with the district's 区 (重庆市公安局永川区分局) or by its stem alone
(上海市公安局闵行分局): cities name them either way and gold files follow the text or the city's own usage."""


_COURT = "人民法院"


_LOCAL_COURT_RE = re.compile(f"[\u4e00-\u9fff]{{1,12}}?[市县区州旗盟](?:第[一二三四五六七八九十]+)?(?:中级)?{_COURT}")


def same_agency(a: str, b: str, prefixes: list[str]) -> bool:
    """The gold README's rule, on names whose short endings are first written in their standard form; a party
    committee's 中共 is read past, so its place may take the case's prefix too (中共朝阳区委 = 中共北京市朝阳区委)."""
    a, b = standard_name(a), standard_name(b)
    if a.startswith("中共") and b.startswith("中共"):
        a, b = a[2:], b[2:]
    return a == b or any(a == p + b or b == p + a for p in prefixes)
