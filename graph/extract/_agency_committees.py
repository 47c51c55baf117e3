"""Administrative committees and zone offices: an FTZ area's committee (片区管委会 -> the provider area's, or the
area written before it), a zone's committee or office written in full (中国（浙江）自由贸易试验区管理委员会), and a
committee written right before one of its departments. Split from ``agencies`` by noun.
"""

from __future__ import annotations

import functools
import re

from ftzgraph.graph.extract._agency_hits import (
    _cited,
    _Context,
    _Hit,
    _inside_title,
)
from ftzgraph.graph.extract._agency_names import (
    CJK,
    Core,
    Lexicon,
    Place,
    load_agency_yaml,
)
from ftzgraph.graph.extract.gazetteer import load_gazetteer as load_ftz_gazetteer

_COMMITTEE = "管理委员会"


_AREA = "片区"


def _area_before(text: str, end: int) -> Place | None:
    """The FTZ area whose name (X片区) ends at ``end``, as the text writes it (绥芬河片区), or None."""
    if not text.endswith(_AREA, 0, end):
        return None
    gazetteer = load_ftz_gazetteer()
    for length in range(min(end, _longest_area_name()), len(_AREA) + 1, -1):  # longest first: 深圳前海蛇口片区
        name = text[end - length : end]
        if _ZONE_WORD_RE.search(name[: -len(_AREA)]) or not _CJK_RUN_RE.fullmatch(name):
            continue  # 广东自贸区前海片区: the zone's name is no part of the area's (the area is found shorter)
        place = gazetteer.resolve(name)
        if place is not None and place.area:  # the area by any of its names (前海蛇口片区)
            return Place(name, name[: -len(_AREA)], "area")
    return None


_CJK_RUN_RE = re.compile(f"[{CJK}]+")


_ZONE_WORD_RE = re.compile("中国|自由贸易试验区|自贸试验区|自贸区|[（()）]")


@functools.cache
def _longest_area_name() -> int:
    """The length of the longest name of an area alone (no zone's name in it) the gazetteer knows."""
    return max(
        len(form)
        for form, place in load_ftz_gazetteer().forms.items()
        if place.area and form.endswith(_AREA) and not _ZONE_WORD_RE.search(form[: -len(_AREA)])
    )


def _committee_departments(hits: list[_Hit], text: str = "") -> None:
    """A committee written right before one of its departments (雄安新区管委会改革发展局): the department acts,
    named with the committee's resolved name; the committee is only its prefix. A department no lexicon holds
    (管委会规划建设局, 管委会社会事务局: each zone names its own) is read by its ending alone, and is the body
    the committee's mention stands for. Run after names resolve."""
    by_start = {h.start: h for h in hits}
    for hit in hits:
        department = by_start.get(hit.end)
        unlisted = _UNLISTED_DEPARTMENT_RE.match(text, hit.end) if department is None else None
        if unlisted is not None and hit.core.canonical == _COMMITTEE and hit.name and hit.confidence != "low":
            department_name = unlisted["name"]
            if not any(ch in _NOT_IN_DEPARTMENT for ch in department_name) and not any(
                word in department_name for word in _JOINT_WORDS
            ):
                hit.name, hit.end = hit.name + unlisted["name"], unlisted.end("name")
            continue
        if (
            hit.core.canonical == _COMMITTEE
            and hit.name
            and hit.confidence != "low"
            and department is not None
            and department.prefix is None
        ):
            department.name = hit.name + department.core.canonical
            department.start, department.place, department.confidence = hit.start, hit.place, hit.confidence
            department.acting = department.acting and hit.acting
            hit.acting = False


_UNLISTED_DEPARTMENT_RE = re.compile(
    f"(?P<name>[{CJK}]{{2,6}}?局)(?![{CJK}]?长|{'|'.join(load_agency_yaml('departments.yaml')['post_titles'])})"
)
"""A department's name right after its committee, up to its first 局 (规划建设局), not one before a post (规划建设局
副局长: a speaker's title, whose committee is read by the speaker rules)."""
_NOT_IN_DEPARTMENT = frozenset(load_agency_yaml("departments.yaml")["not_in_place_stem"] + "市县省区")
_JOINT_WORDS = ("联合", "会同", "牵头", "协同", "配合", "指导")
"""Characters of a clause or a place's level, and verbs of joint work, which no such department's name holds
(管委会联合市商务局 is two bodies)."""


_GENERIC_ZONE = tuple(sorted(load_agency_yaml("departments.yaml")["generic_zone"], key=len, reverse=True))


_WRITTEN_ZONE_COMMITTEE_RE = re.compile(f"中国[（(][{CJK}]{{2,8}}[）)]自由贸易试验区(?:管理委员会|管委会)")
"""A zone's committee written in full (中国（浙江）自由贸易试验区管理委员会): the text names it; nothing is made up."""


_ZONE_OFFICE_RE = re.compile(f"中国[（(][{CJK}]{{2,8}}[）)](?:自由贸易试验区|自贸试验区)(?:工作)?办公室")


def _zone_offices(text: str, lex: Lexicon, titles: list[tuple[int, int, bool]]) -> list[_Hit]:
    """A zone's office written in full (中国（河南）自由贸易试验区办公室): named as written, never made up from a bare
    办公室."""
    hits = []
    for match in _ZONE_OFFICE_RE.finditer(text):
        if _inside_title(match.start(), titles):
            continue
        core = Core("办公室", "办公室", "办公室", needs_prefix=True)
        name = _full_brackets(match.group())
        hits.append(_Hit(match.start(), match.end(), core, None, not _cited(text, match.start(), lex), name))
    return hits


def _full_brackets(name: str) -> str:
    """A zone committee's name with full-width brackets and 管委会 written out (the reference's form)."""
    return name.replace("(", "（").replace(")", "）").replace("管委会", _COMMITTEE)


def _zone_committee(ctx: _Context) -> str | None:
    """The administrative committee of the free trade zone of the case's province as the reference records it
    (``committee_zh`` in data/reference/ftz_zones.yaml: 中国（天津）自由贸易试验区管理委员会), or None when the case's
    province has no zone, is unknown, or its zone has no zone-level committee on record (most have only area
    committees: a bare 自贸区管委会 in a city's text then means its area's, never a committee made up)."""
    ftz = load_ftz_gazetteer()
    for place in (ctx.province, ctx.city):  # 上海市: a municipality is its own province
        key = re.sub("(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", place.name) if place else ""
        if (zone_id := ftz.province_forms.get(key)) is not None:
            committee = (ftz.zones[zone_id].get("committee_zh") or {}).get("value")
            return str(committee) if committee else None
    return None


_JOINT_DISCIPLINE = "纪律检查委员会监察委员会"
"""The canonical ending of a discipline commission written with the supervision commission it shares offices with
(县纪委监委): two bodies by law, one office, named by both names (data/agencies/departments.yaml)."""


def party_body_name(place: str, canonical: str) -> str:
    """The full name of a party committee or one of its bodies (``canonical`` opens with its level: 县委组织部) of
    ``place``: 中共 + the place + the rest. A county named by one character and its level (和县, 息县) keeps the
    level word before 委 (中共和县县委组织部, but 中共和县纪律检查委员会), as such counties' committees name
    themselves; the joint discipline and supervision commission (县纪委监委) is named by both its names, the second
    a state body without 中共 (中共肇源县纪律检查委员会 肇源县监察委员会)."""
    own_level = len(place) == 2 and place.endswith(canonical[0]) and canonical[1:2] == "委"
    rest = canonical if own_level else canonical[1:]
    if rest.endswith(_JOINT_DISCIPLINE):
        discipline = rest[: -len("监察委员会")]
        return f"中共{place}{discipline} {place}监察委员会"
    return f"中共{place}{rest}"
