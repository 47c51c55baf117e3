"""Government bodies acting in a case, normalised to full names, typed by sector, placed in a hierarchy.

Cases name their bodies loosely: 市税务局 in a 双鸭山市 case, 鹤岗银保监局 and 银保监鹤岗分局 for one
regulator, a bare 农业农村局 in a 绥芬河 case. This module finds every mention through the name grammar
of ``_agency_names`` (place + unit + core), keeps a body only when at least one mention shows it acting
(not merely cited: issuers of documents cited as authority, names inside 《titles》, evaluators after 被,
bodies whose 部署 or 要求 is followed), and writes each body's full name from the case's own context.
Sectors and parents come from rule files in ``data/agencies``; nothing about one document is in code.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Any

from rdflib import Graph

from ftzgraph.graph.data_files import read_data_text
from ftzgraph.graph.extract._agency_hits import (
    _GENERIC_AFTER,
    _LIST_START,
    _TITLE_RE,
    _alternation,
    _cited,
    _Context,
    _Hit,
    _in_title,
    _inside_title,
)
from ftzgraph.graph.extract._agency_names import (
    CJK,
    Core,
    Gazetteer,
    Lexicon,
    Place,
    Prefix,
    document_province,
    find_prefix,
    harvest_places,
    load_agency_yaml,
    load_divisions,
    load_lexicon,
    place_of,
)
from ftzgraph.graph.extract._agency_offices import (
    _PURPOSE_NAMED,
    _district_branches,
    _purpose_named,
    _short_offices,
    _stem_lists,
)
from ftzgraph.graph.extract.gazetteer import load_gazetteer as load_ftz_gazetteer
from ftzgraph.graph.model import AgencyMention, AgencyNameMention, CaseText
from ftzgraph.graph.text import clean_spans


def extract_agencies(case: CaseText, provider: str | None) -> list[AgencyMention]:
    """The government bodies ``case`` names as acting, merged by body, in order of first mention."""
    return extract_agencies_and_mentions(case, provider)[0]


def extract_agencies_and_mentions(
    case: CaseText, provider: str | None
) -> tuple[list[AgencyMention], list[AgencyNameMention]]:
    """The acting bodies, and every acting mention as written with the body it resolves to (None when
    the case's context cannot tell) and a confidence."""
    lex = load_lexicon()
    text, offsets = clean_spans(case.text)  # 貿(mào), 为 贯 彻: read as the words they are; evidence maps back
    gaz = harvest_places(case.document.text).with_extra([p for p in (provider,) if p])
    titles = _titles(text, lex)
    branches, org_forms = _network_hits(text, lex, gaz)
    branches = [h for h in branches if not _inside_title(h.start, titles)]
    hits = list(branches)
    for match in lex.core_re.finditer(text):
        if any(h.start < match.end() and match.start() < h.end for h in branches):
            continue
        hit = _core_hit(text, match, lex, gaz, titles)
        if hit is not None:
            hits.append(hit)
    hits += [f for f in org_forms if not any(h.start < f.end and f.start < h.end for h in hits)]
    zone_offices = _zone_offices(text, lex, titles)  # 中国（河南）自由贸易试验区办公室, written in full
    hits = [h for h in hits if not any(z.start < h.end and h.start < z.end for z in zone_offices)] + zone_offices
    offices = [h for h in hits if h.core.core in _PURPOSE_NAMED]
    hits = [h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end for o in offices)]
    hits = _stem_lists(text, hits, lex, gaz)
    hits.sort(key=lambda h: h.start)
    for hit in hits:
        if not hit.acting and _passive_agent(text, hit):
            hit.acting = True  # 被厦门海关复制推广: the body after 被 does the copying
        if hit.acting and text.startswith(_GENERIC_AFTER, hit.end):
            hit.acting = False  # 区政府有关部门: the government's departments in general, not the government
        if hit.acting and _in_post_title(text, hit, hits):
            hit.acting = False  # …办事处主任沈学良说: the speaker's employer, in a title
        if hit.acting and (text.startswith(_SOURCE_AFTER, hit.end) or _in_salutation(text, hit.start)):
            hit.acting = False  # 记者从省商务厅获悉: a source; 各市、区人民政府，…管委会：a notice's addressees
        if hit.acting and re.search(_OBJECT_BEFORE, text[max(0, hit.start - 6) : hit.start]):
            hit.acting = False  # 设立…领导小组及其办公室, 报至…领导小组办公室: a body set up, or one that receives
        if hit.acting and _only_approves(text, hit):
            hit.acting = False  # 经市政府同意，市人社局印发…: the government approves; the bureau acts
        if hit.acting and _only_receives(text, hit):
            hit.acting = False  # 向芜湖海关申报报关单: the office receives what a trader files
        if hit.acting and (
            _in_provider_line(text, hit.start)
            or _SOURCE_LINE_RE.search(text, max(text.rfind("\n", 0, hit.start) + 1, hit.start - 12), hit.start)
            or _as_place(text, hit.start, hit.end)
            or text.startswith("所属", hit.end)  # 福州海关所属马尾海关: the parent names the body that acts
            or _second_name(text, hit, hits)
        ):
            hit.acting = False
    ctx = _context(case, provider, gaz, hits)
    for hit in hits:  # 片区管委会: the provider area's committee
        bare = hit.core.canonical == _COMMITTEE and hit.prefix is not None and hit.prefix.place is None
        named_area = _area_before(text, hit.start + 1) if bare else None
        if named_area is not None:  # 与绥芬河片区管委会: the area written before it, not the provider's
            hit.prefix = Prefix(hit.start + 1 - len(named_area.name), named_area)
            hit.start = hit.prefix.start
        elif bare and ctx.area and hit.start >= 1 and text.endswith(_AREA, 0, hit.start + 1):
            hit.prefix = Prefix(hit.start - 1, ctx.area)
            hit.start -= 1
        elif bare and ctx.area and hit.prefix is not None and hit.prefix.level == "district" and ctx.district is None:
            hit.prefix = Prefix(hit.start, ctx.area)  # 区管委会 in an area's case that names no district
    to_area: list[_Hit] = []
    written_committee = _WRITTEN_ZONE_COMMITTEE_RE.search(text)  # 中国（浙江）自由贸易试验区管理委员会, in full
    for hit in hits:
        if hit.zone_committee and written_committee is not None:  # the zone's committee the case names in full
            hit.name, hit.place = _full_brackets(written_committee.group()), ctx.province or ctx.city
            in_full = hit.end == written_committee.end()
            hit.start, hit.confidence = (written_committee.start(), "high") if in_full else (hit.start, "medium")
        elif hit.zone_committee:  # 自贸区管委会: a committee on record, else the case's area's, never made up
            hit.name, hit.place, hit.confidence = _zone_committee(ctx), ctx.province or ctx.city, "medium"
            if hit.name is None and ctx.area is not None:  # most zones have none: in an area's case, the area's
                hit.prefix, hit.zone_committee, hit.place = Prefix(hit.start, ctx.area), False, None
                to_area.append(hit)
            elif hit.name is None:
                hit.name, hit.confidence = text[hit.start : hit.end], "low"
    _resolve(hits, ctx, gaz)
    hits = _bureau_branches(text, hits)
    for hit in to_area:  # completed from the case's context, not written
        hit.confidence = "medium" if hit.confidence == "high" else hit.confidence
    hits += _short_offices(text, hits, ctx, lex)
    hits += _district_branches(text, hits, ctx, lex)
    hits.sort(key=lambda h: h.start)
    _committee_departments(hits)
    mentions = [
        AgencyNameMention(
            re.sub(r"\s+", "", text[h.start : h.end]),
            h.name if h.confidence not in ("low", "as_written") else None,
            "low" if h.confidence == "as_written" else h.confidence,
            _evidence(case, offsets, h.start, h.end),
        )
        for h in hits
        if h.acting
    ]
    return _merge(case, text, offsets, [h for h in hits if h.confidence != "low"]), mentions


def _evidence(case: CaseText, offsets: list[int] | None, start: int, end: int) -> Any:
    """Evidence of a span of the cleaned text, in the case's own text."""
    if offsets is None:
        return case.evidence(start, end)
    return case.evidence(offsets[start], offsets[end - 1] + 1)


_COMMITTEE = "管理委员会"
_POST_TITLES = tuple(sorted(load_agency_yaml("departments.yaml")["post_titles"], key=len, reverse=True))


def _in_post_title(text: str, hit: _Hit, hits: list[_Hit]) -> bool:
    """True when a post follows the body, directly or after one of its departments written next to it
    (黑河片区管委会政策法规局局长尹红梅介绍): the body names a speaker's employer."""
    end = hit.end
    while (inner := next((h for h in hits if h.start == end and h is not hit), None)) is not None:
        end = inner.end  # 管委会 + 政策法规局 + 局长
    department = _DEPARTMENT_BEFORE_POST_RE.match(text, end)  # a department no lexicon holds (政策法规局)
    return text.startswith(_POST_TITLES, department.end() if department else end)


_DEPARTMENT_BEFORE_POST_RE = re.compile(
    f"[{CJK}]{{1,8}}?(?:{_alternation(load_agency_yaml('departments.yaml')['department_endings_before_post'])})"
    f"(?=(?:{_alternation(_POST_TITLES)}))"
)
_SOURCE_LINE_RE = re.compile(
    "(?:^|[（(\\s])(?:" + _alternation(load_agency_yaml("departments.yaml")["source_line_words"]) + ")\\s*[:：]\\s*$",
    re.MULTILINE,
)
"""A source line's label right before the body (（信息来源：浙江省商务厅）): the page's publisher."""
_SOURCE_AFTER = tuple(load_agency_yaml("departments.yaml")["source_after"])
_OBJECT_BEFORE = "(?:" + _alternation(load_agency_yaml("departments.yaml")["object_before"]) + ")了?$"


def _in_salutation(text: str, start: int) -> bool:
    """True when ``start`` is on a notice's salutation line (各市、区人民政府，…管委会；市各委办局：): the bodies
    it lists are the addressees, not bodies acting."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    return line.startswith("各") and line.endswith((":", "："))


_APPROVAL_BEFORE = tuple(load_agency_yaml("departments.yaml")["approval_before"])
_APPROVAL_AFTER_RE = re.compile(
    "[^，。；;,\n]{0,48}?(?:" + _alternation(load_agency_yaml("departments.yaml")["approval_after"]) + ")"
)


def _only_approves(text: str, hit: _Hit) -> bool:
    """True when the body is named only as approving another's act (经市政府同意，…印发; 已经市政府第48次常务会议研究
    通过): the approval is the setting of the act, and the body that issues or carries it out is the one acting."""
    return text.endswith(_APPROVAL_BEFORE, 0, hit.start) and _APPROVAL_AFTER_RE.match(text, hit.end) is not None


_RECEIVER_BEFORE = tuple(load_agency_yaml("departments.yaml")["receiver_before"])
_RECEIVER_AFTER_RE = re.compile(
    "[^，。；;,\n]{0,6}?(?:" + _alternation(load_agency_yaml("departments.yaml")["receiver_after"]) + ")"
)


def _only_receives(text: str, hit: _Hit) -> bool:
    """True when the body only receives what others file (向芜湖海关申报, 向上海海关进行二次报关)."""
    return text.endswith(_RECEIVER_BEFORE, 0, hit.start) and _RECEIVER_AFTER_RE.match(text, hit.end) is not None


_PASSIVE_ACTIONS = tuple(load_agency_yaml("departments.yaml")["passive_actions"])


def _passive_agent(text: str, hit: _Hit) -> bool:
    """True when ``hit`` is the agent after 被 of an act of its own (被厦门海关复制推广, 被市商务局采纳): 被 marks a
    citation only before a verdict on the case (被X评为, 被X认定), which the cite rule keeps."""
    return (
        not hit.core.national  # 被国务院采纳: a national body adopting for the country, not a body of the case
        and not hit.core.never_acting
        and text[max(0, hit.start - 1) : hit.start] == "被"
        and text.startswith(_PASSIVE_ACTIONS, hit.end)
    )


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


def _second_name(text: str, hit: _Hit, hits: list[_Hit]) -> bool:
    """True when ``hit`` is written in brackets right after another body (长沙市商务局（市口岸办）): one body
    with two names (一个机构两块牌子), not a second body."""
    return (
        hit.start >= 1
        and text[hit.start - 1] in "（("
        and text[hit.end : hit.end + 1] in ("）", ")")
        and any(other.end == hit.start - 1 for other in hits if other is not hit)
    )


def _committee_departments(hits: list[_Hit]) -> None:
    """A committee written right before one of its departments (雄安新区管委会改革发展局): the department acts,
    named with the committee's resolved name; the committee is only its prefix. Run after names resolve."""
    by_start = {h.start: h for h in hits}
    for hit in hits:
        department = by_start.get(hit.end)
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


_PROVIDER_LINE_RE = re.compile(
    r"^\s*[#*]*\s*[（(]?\s*(?:(?:报送|提供|申报|供稿|推荐|选送)单位\s*[:：]|[^\n]{2,40}(?:提供|供稿|报送|推荐)\s*[)）]?\s*$)"
)
_PLACE_AFTER_RE = re.compile("[^。；;！？!?\n，,]{0,16}?(?:设置|设立|开设|增设|设有|窗口|专窗|专区|入驻|进驻)")


def _in_provider_line(text: str, start: int) -> bool:
    """True inside a provider line ((X提供), 报送单位：X): the unit that submitted the case, not an actor."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return _PROVIDER_LINE_RE.match(text[line_start : line_end if line_end >= 0 else len(text)]) is not None


def _as_place(text: str, start: int, end: int) -> bool:
    """True when the body is named as a place (在银行、政务服务中心设置窗口; 在市民之家（市政务服务中心）设立专窗):
    在 opens the phrase and a verb of setting up or a counter follows in the same clause."""
    clause_start = max(text.rfind(ch, 0, start) for ch in "。；;！？!?\n，,") + 1
    before = text[max(clause_start, start - 12) : start]
    after = _PLACE_AFTER_RE.match(text, end)
    if "依托" in before and text.endswith(_FACILITY_ENDINGS, 0, end):  # 依托市政务服务中心建设平台: a facility
        return True
    if (  # 在市政务服务中心共享, 在松北区政务服务中心即可领取: a centre or hall after 在 is where, not who
        before.endswith("在")
        and text.endswith(_FACILITY_ENDINGS, 0, end)
        and not any(w in text[end : end + 8] for w in _GUIDANCE)
    ):
        return True
    return "在" in before and after is not None and not any(w in after.group() for w in _GUIDANCE)


_FACILITY_ENDINGS = ("中心", "大厅", "之家")


_GUIDANCE = ("指导", "支持", "帮助", "推动", "协调", "组织", "牵头", "领导", "统筹")
"""在市商务局的指导下设立…: the body guides; it is no place."""


def _titles(text: str, lex: Lexicon) -> list[tuple[int, int, bool]]:
    """《…》 spans, each flagged when the case itself issues it (印发《…》), making its issuer act."""
    spans = []
    for match in _TITLE_RE.finditer(text):
        before = text[max(0, match.start() - 4) : match.start()]
        spans.append((match.start(), match.end(), any(verb in before for verb in lex.issue_verbs)))
    return spans


def _network_hits(text: str, lex: Lexicon, gaz: Gazetteer) -> tuple[list[_Hit], list[_Hit]]:
    """Branches of national networks (中国人民银行鹤岗市中心支行, 银保监鹤岗分局), and the org's bare forms
    (人民银行), which yield to any lexicon core they overlap (鹤岗银保监局)."""
    hits: list[_Hit] = []
    forms_only: list[_Hit] = []
    for net in lex.networks:
        forms = "|".join(sorted(map(re.escape, net.forms), key=len, reverse=True))
        branches = "|".join(map(re.escape, net.branches))
        for match in re.finditer(f"({forms})(?:([{CJK}]{{2,8}}?)({branches}))?", text):
            place = _branch_place(match.group(2), gaz) if match.group(2) else None
            end = match.end() if place else match.end(1)
            if any(h.start < end and match.start() < h.end for h in hits + forms_only):
                continue
            if place is not None:
                # an FTZ area written in a branch's name (国家税务总局西安国际港务区税务局) keeps the text's form, and
                # so does a bare stem before a 分行 (人行武汉分行: a regional branch named by its seat, not a city's)
                stem_branch = match.group(3) in _STEM_NAMED_BRANCHES and not match.group(2).endswith(_LEVEL_ENDINGS)
                written = match.group(2) if place.level == "area" or stem_branch else place.name
                branch = dict(net.branch_forms).get(match.group(3), match.group(3))  # 人行舟山市中支: 中心支行
                if stem_branch and text.startswith(_BRANCH_UNITS, end):  # …分行营业管理部: the unit is the body
                    unit = next(u for u in _BRANCH_UNITS if text.startswith(u, end))
                    branch, end = branch + unit, end + len(unit)
                name = net.template.format(org=net.org, place=written, stem=place.stem, branch=branch)
                core = Core(match.group(3), dict(net.branch_forms).get(match.group(3), match.group(3)), net.org)
                acting = not _cited(text, match.start(), lex)
                hits.append(_Hit(match.start(), end, core, Prefix(match.start(), place), acting, name, place))
            elif not _in_title(text, match.start()):
                core = Core(match.group(1), net.org, net.org, national=True)  # 人民银行 may stand for a branch
                acting = _national_acting(text, end, lex, match.start())
                forms_only.append(_Hit(match.start(), end, core, None, acting))
    return hits, forms_only


_LEVEL_ENDINGS = ("省", "市", "区", "县", "州", "盟", "旗")
_STEM_NAMED_BRANCHES = ("分行", "营业管理部", "营管部")
"""Branches a network names by its seat's bare stem (中国人民银行武汉分行, a regional branch before 2023;
中国人民银行重庆营业管理部)."""
_BRANCH_UNITS = ("营业管理部",)
"""A unit of a stem-named branch written right after it (人行武汉分行营业管理部): the body the case names."""


def _branch_place(middle: str, gaz: Gazetteer) -> Place | None:
    """The place between an org and a branch: a known place, a known stem, or any X市/X县/X区."""
    return (
        gaz.by_name.get(middle)
        or gaz.main_place(middle)
        or (place_of(middle) if len(middle) >= 3 else None)
        or _division_by_stem(middle)  # 云南 (…总局云南监管局): a division's stem
    )


def _division_by_stem(stem: str) -> Place | None:
    name = load_divisions().by_stem.get(stem)
    return place_of(name) if name else None


def _national_acting(text: str, end: int, lex: Lexicon, start: int) -> bool:
    """A national body acts only as the subject of an issuing or approving verb (海关总署自贸司印发…)."""
    after = text[end : end + 6].lstrip()
    return after.startswith(lex.national_acting_verbs) and not _cited(text, start, lex)


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
    if core.needs_prefix and prefix is None and not core.national:
        return None
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
    if office and not core.national:
        core = replace(core, canonical=core.canonical + office.group(), family=core.canonical + office.group())
        end = office.end()
    hit = _Hit(start, end, core, prefix, acting)
    hit.generic = prefix is None and text[max(0, start - 4) : start].endswith(_BARE_GENERIC_BEFORE)
    return hit


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
            and not any(ch in lex.not_in_place_stem or ch in lex.levels for ch in middle)
            and not any(word in middle for word in lex.not_place_words)
        ):
            return Prefix(k, level=lex.levels[text[k]]), k
    return None


_LIST_ITEM_END = ("、", "等", "和", "与", "及", "，", ",", "）", ")")
_RESIDENT_OFFICE_RE = re.compile(f"驻[{CJK}]{{2,8}}?(?:办事处|监管组|工作站|工作组)")
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
    """A port's or place's own name of 2-3 characters that opens a list item or clause, or follows a verb of
    joint work, right before a stem-named body (、拱北边检站, 、城陵矶海事局, 联合金陵海关): such bodies are
    named after ports no division list holds.
    Kept as written; never a verb, an adverb or a kind (直属海关, 口岸海关)."""
    for length in (3, 2):
        start = begin - length
        name = text[start:begin] if start >= 0 else ""
        if (
            (start == 0 or text[start - 1] in _LIST_START or text.endswith(_JOINT_VERBS, 0, start))
            and re.fullmatch(f"[{CJK}]+", name)
            and not any(ch in lex.not_in_place_stem for ch in name)
            and not any(word in name for word in lex.not_place_words)
            and not name.endswith(_GENERIC_BEFORE_STEM_NAMED)
            and name[-1] not in lex.levels
        ):
            return Prefix(start, Place(name, name, "unit"), by_stem=False)
    return None


_PROPER_NAMED = frozenset(load_agency_yaml("departments.yaml")["proper_named"])
_PORT_MARKS = frozenset(load_agency_yaml("departments.yaml")["port_marks"])


def _proper_named(
    text: str, begin: int, end: int, core: Core, lex: Lexicon, gaz: Gazetteer, titles: list[tuple[int, int, bool]]
) -> _Hit | None:
    """A body with a proper name between its place and its core (郑州市黄河公证处, 钦州港海事局): kept as
    written, with the place, rather than made into the place's generic body (郑州市公证处) or dropped. None
    when no place precedes the name."""
    lengths = range(2, 11) if core.canonical == _COMMITTEE else range(1, 5)  # 天津东疆保税港区管理委员会
    for length in lengths:
        name_start = begin - length
        name = text[name_start:begin] if name_start >= 0 else ""
        if (
            not re.fullmatch(f"[{CJK}]+", name)
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
    return None


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


def _covers(text: str, term: str, begin: int, end: int) -> bool:
    """True when an occurrence of ``term`` overlaps text[begin:end] (电子税务局 over 税务局)."""
    lo = max(0, begin - len(term))
    window = text[lo : end + len(term)]
    if term not in window:  # the usual case, decided without compiling or scanning a pattern
        return False
    return any(lo + m.start() < end and begin < lo + m.end() for m in re.finditer(re.escape(term), window))


def _context(case: CaseText, provider: str | None, gaz: Gazetteer, hits: list[_Hit]) -> _Context:
    """City from the provider (大庆市, or 绥芬河片区 -> 绥芬河市 when the text names it), district and
    county from the case's own full names (松北区司法局 makes 区 mean 松北区), province from the document."""
    doc_text = case.document.text
    city = None
    provider = provider or (case.table_row.provider if case.table_row else None)
    own = _GOVERNMENT_TAIL_RE.sub("", provider) if provider else None  # 武汉市硚口区人民政府: the place it governs
    place = place_of(own) if own else None
    own_local: Place | None = None
    if place and place.level == "city":
        city = place
    elif place and place.level in ("district", "county"):
        own_local = place  # 嘉善县, 硚口区: a district's or county's own case; 县X局 and 区X局 are its bodies
    elif place:
        city = next((p for p in gaz.by_stem.get(place.stem, ()) if p.level == "city"), None)
    if city is None and own:  # 成都市双流区: the city that opens the provider's name, then its district
        head = next((n for n in sorted(load_divisions().names_in(own), key=len) if own.startswith(n)), None)
        if head and head != own and (found := place_of(head)) is not None and found.level == "city":
            city = found
            local_place = place_of(own[len(head) :])
            if local_place is not None:  # named with its city, as district bodies are (佛山市南海区卫生健康局)
                own_local = replace(local_place, name=head + local_place.name)
    if city is None:
        cities = [p for p in gaz.by_name.values() if p.level == "city" and p.name in case.text]
        city = max(cities, key=lambda p: case.text.count(p.name), default=None)
    local = {
        level: {h.prefix.place for h in hits if h.prefix and h.prefix.place and h.prefix.place.level == level}
        for level in ("district", "county")
    }
    if own_local is not None and own_local.level in local:
        local[own_local.level].add(own_local)
    for level, places in local.items():  # 硚口区 and 武汉市硚口区: one district, written with and without its city
        by_name = {p.name: p for p in sorted(places, key=lambda p: p is own_local)}
        local[level] = {p for n, p in by_name.items() if not any(m.endswith(n) and m != n for m in by_name)}
    if not local["district"] and city is not None:  # X市Y示范区（以下简称示范区）: 区 means that zone
        defined = _DEFINED_ZONE_RE.search(case.text)
        if defined and city.name in defined.group(1):
            full = defined.group(1)[defined.group(1).rfind(city.name) :]
            if len(full) > len(city.name) + 1:
                local["district"] = {Place(full, full[len(city.name) : -1], "district")}
    province_name = document_province(doc_text, gaz)
    if province_name is None and city is not None:  # 昆明市 -> 云南省: 省商务厅 in a city's case
        province_name = load_divisions().province_of.get(city.name)
    area = None
    ftz_place = load_ftz_gazetteer().resolve(re.sub("(管委会|管理委员会)$", "", provider)) if provider else None
    if ftz_place is not None and ftz_place.area:
        area = Place(ftz_place.area, ftz_place.area[: -len(_AREA)], "area")
    return _Context(
        city,
        next(iter(local["district"])) if len(local["district"]) == 1 else None,
        next(iter(local["county"])) if len(local["county"]) == 1 else None,
        place_of(province_name) if province_name else None,
        area,
    )


_GOVERNMENT_TAIL_RE = re.compile("(?:人民政府|政府)$")

_DEFINED_ZONE_RE = re.compile(f'([{CJK}]{{3,20}}区)[（(]以下简称[“"]?[{CJK}]{{0,6}}区[”"]?[）)]')
"""A zone the case defines with a short name ending in 区 (开封市城乡一体化示范区（以下简称示范区）)."""


def _resolve(hits: list[_Hit], ctx: _Context, gaz: Gazetteer) -> None:
    """Write every mention's full name: prefixed ones from their prefix, bare ones from the body of the
    same family the case names with a prefix, else from the case's city; area bodies (X片区Y) fold into
    the city body X市Y when the case names both."""
    for hit in hits:
        if hit.name is None and hit.prefix is not None:
            _resolve_prefixed(hit, ctx, gaz)
            if hit.prefix.place is None:
                hit.confidence = "medium" if hit.place is not None else "low"
    named: dict[str, set[str]] = {}
    for hit in hits:
        if hit.name:
            named.setdefault(hit.core.family, set()).add(hit.name)
    for hit in hits:
        if hit.name is not None:
            continue
        family = named.get(hit.core.family, set())
        if hit.core.national and hit.core.core == hit.core.canonical:  # written in full: the national body
            hit.name = hit.core.canonical
        elif len(family) == 1 and not (hit.core.core in _BARE_FAMILY_ONLY and hit.generic):
            hit.name = next(iter(family))
            hit.place = next((h.place for h in hits if h.name == hit.name and h.place), None)
            hit.confidence = "medium"
        elif hit.core.party:  # 市委宣传部 written bare: the party committee of the case's own place of that level
            level = {"市": "city", "区": "district", "县": "county"}.get(hit.core.core[0], "province")
            place = ctx.at(level)
            if place is not None:
                hit.name, hit.place, hit.confidence = "中共" + place.name + hit.core.core[1:], place, "medium"
            else:
                hit.name, hit.confidence = hit.core.core, "low"
        elif hit.core.core in _BARE_FAMILY_ONLY:  # 法院 with no court of the case named once
            listed = _list_head_place(hit, hits)  # 绥芬河市司法局、公安局、法院: the list's place
            if listed is not None and not hit.generic:
                hit.name, hit.place, hit.confidence = listed.name + hit.core.canonical, listed, "medium"
            else:
                hit.name, hit.confidence = hit.core.canonical, "low"
        elif hit.core.core in load_agency_yaml("departments.yaml")["no_city_fallback"]:
            hit.name, hit.confidence = hit.core.core, "as_written"  # a kind of body, kept as the text names it
        elif hit.core.national or ctx.city is None:
            hit.name = hit.core.canonical
            hit.confidence = "high" if hit.core.national else "low"
        else:
            hit.name, hit.place = ctx.city.name + hit.core.canonical, ctx.city
            hit.confidence = "medium"
    written = {h.name for h in hits if h.name}
    divisions = load_divisions()
    for hit in hits:  # 西永海关 after 重庆西永海关: the body the case named with its city
        if hit.name is None or not hit.core.stem_place:
            continue
        short = hit.name
        longer = [n for n in written if n != short and n.endswith(short)]
        head = longer[0][: -len(short)] if len(longer) == 1 else ""
        if head and (head in divisions.by_stem or head in divisions.names_in(head)):
            hit.name = longer[0]
    names = {h.name for h in hits}
    for hit in hits:
        if hit.place and hit.place.level == "area":
            city = next((p for p in gaz.by_stem.get(hit.place.stem, ()) if p.level == "city"), None)
            if city and (alt := city.name + hit.unit + hit.core.canonical) in names:
                hit.name, hit.place = alt, city


_BUREAU_BRANCH_RE = re.compile(f"[{CJK}]{{2,3}}(?:管理局|分局)")


def _bureau_branches(text: str, hits: list[_Hit]) -> list[_Hit]:
    """A city bureau written right before one of its district offices named by the district's stem (市规划和自然资源局
    盐田管理局, 市公安局南岗分局): one body, the office, named after the bureau; the stem alone names no body."""
    by_start = {h.start: h for h in hits}
    dropped: set[int] = set()
    for hit in hits:
        office = by_start.get(hit.end)
        if (
            office is not None
            and hit.name
            and hit.place is not None
            and hit.place.level == "city"
            and _BUREAU_BRANCH_RE.fullmatch(text, office.start, office.end)
        ):
            hit.name += text[office.start : office.end]
            hit.end, hit.acting = office.end, hit.acting or office.acting
            dropped.add(id(office))
    return [h for h in hits if id(h) not in dropped]


def _list_head_place(hit: _Hit, hits: list[_Hit]) -> Place | None:
    """The place written on the first item of a 、-list that ``hit`` ends (X市司法局、公安局、法院): a shared
    prefix the bare items inherit. None when the hit is no list item or the list's head has no place."""
    by_end = {h.end: h for h in hits}
    current = hit
    while current.start >= 1 and (previous := by_end.get(current.start - 1)) is not None:
        if previous.prefix is not None and previous.prefix.place is not None:
            return previous.prefix.place
        current = previous
    return None


def _resolve_prefixed(hit: _Hit, ctx: _Context, gaz: Gazetteer) -> None:
    prefix, core = hit.prefix, hit.core
    assert prefix is not None
    place = prefix.place or (ctx.at(prefix.level) if prefix.level else None)
    if place is None and core.party and core.core[0] in ("市", "区", "县", "省"):
        place = ctx.at({"市": "city", "区": "district", "县": "county"}.get(core.core[0], "province"))
    if place is None and prefix.unit and prefix.level is None and ctx.city is not None:
        place = ctx.city  # 高新区管委会 in a 合肥市 case: the city's 高新区
    if place is None:  # a level the case does not name (区政府 with no district in sight): keep it as written
        hit.name = core.canonical if core.party else core.core
        return
    if place.level in ("district", "unit"):  # 示范区农业农村局 after 杨凌示范区…; 湖里区 after 厦门市湖里区
        longer = [p for name, p in gaz.by_name.items() if name.endswith(place.name) and len(name) > len(place.name)]
        if not longer and place.name.endswith("区"):  # 港务区 after 西安国际港务区片区: the zone an area is named for
            names = {n[: -len(_AREA)] for n in gaz.by_name if n.endswith(place.name + _AREA)}
            longer = [Place(n, n, "unit") for n in names if len(n) > len(place.name)]
        if len(longer) == 1:
            place = longer[0]
    if prefix.by_stem and core.place_as_written:  # 南昌仲裁委员会 stays as written
        hit.name, hit.place, hit.unit = place.stem + (prefix.unit or "") + core.canonical, place, prefix.unit or ""
        return
    if prefix.by_stem and not core.stem_place and not core.party:
        place = gaz.main_place(place.stem) or place
    unit = prefix.unit or ""
    ftz_area = load_ftz_gazetteer().resolve(place.name) if place.level == "area" else None
    if core.canonical == _COMMITTEE and ftz_area is not None and ftz_area.area:
        zone = load_ftz_gazetteer().zones[ftz_area.zone]
        hit.name = f"{zone['name_zh']}{ftz_area.area}{_COMMITTEE}"  # 中国（河南）自由贸易试验区郑州片区管理委员会
    elif core.party:
        hit.name = "中共" + place.name + core.core[1:]
    elif core.named_as and not unit:  # 舟山银监分局: the regulator's branch by its full name
        hit.name = core.named_as.format(stem=place.stem)
    elif core.stem_place or (unit and place.stem + unit in gaz.by_name):
        hit.name = place.stem + unit + core.canonical
    else:
        hit.name = place.name + unit + core.canonical
    hit.place, hit.unit = place, unit


_BARE_FAMILY_ONLY = frozenset(load_agency_yaml("departments.yaml")["bare_family_only"])
_BARE_GENERIC_BEFORE = tuple(load_agency_yaml("departments.yaml")["bare_generic_before"])


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


def _merge(case: CaseText, text: str, offsets: list[int] | None, hits: list[_Hit]) -> list[AgencyMention]:
    """One AgencyMention per body that acts at least once; surface forms and evidence from every mention."""
    _one_branch_per_place(hits)
    bodies: dict[str, list[_Hit]] = {}
    for hit in hits:
        assert hit.name is not None
        bodies.setdefault(hit.name, []).append(hit)
    result = []
    for name, group in bodies.items():
        if not any(h.acting for h in group):
            continue
        written = list(dict.fromkeys(re.sub(r"\s+", "", text[h.start : h.end]) for h in group))
        place = next((h.place for h in group if h.place), None)
        result.append(
            AgencyMention(
                name=name,
                as_written=written,
                sector=sector_of(name),
                evidence=[_evidence(case, offsets, h.start, h.end) for h in group],
                parent=(parent := parent_of(name, case.text)),
                place=_place_name(place),
                ancestors=ancestors(name, parent),
            )
        )
    return result


def ancestors(name: str, parent: str | None) -> list[tuple[str, str]]:
    """The chain above a body, nearest first, each with its sector (绥芬河海关 -> 哈尔滨海关 -> 海关总署)."""
    chain: list[tuple[str, str]] = []
    seen = {name}
    while parent and parent not in seen:
        seen.add(parent)
        chain.append((parent, sector_of(parent)))
        parent = parent_of(parent)
    return chain


def _place_name(place: Place | None) -> str | None:
    return place.name if place and place.level in ("city", "county", "district", "province") else None


@functools.cache
def _sector_rules() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(rule["pattern"]), rule["sector"]) for rule in load_agency_yaml("sector_rules.yaml")["rules"]]


@functools.cache
def _standard_sectors() -> list[tuple[str, str]]:
    """(standard name ending, sector) from data/agencies/standard_names.yaml, longest ending first."""
    names = load_agency_yaml("standard_names.yaml")["names"]
    return sorted(((n["standard"], n["sector"]) for n in names), key=lambda pair: len(pair[0]), reverse=True)


@functools.lru_cache(maxsize=8192)
def sector_of(name: str) -> str:
    """The sector slug of a body's name: its standard name's sector (standard_names.yaml) when it ends in
    one, else the first rule of data/agencies/sector_rules.yaml that matches."""
    for ending, sector in _standard_sectors():
        if name.endswith(ending):
            return sector
    return next((sector for pattern, sector in _sector_rules() if pattern.search(name)), "other")


@functools.cache
def load_sector_scheme() -> Graph:
    """The SKOS scheme of agency sectors (data/agencies/sectors.ttl). Callers must not modify it."""
    graph = Graph()
    graph.parse(data=read_data_text("agencies", "sectors.ttl"), format="turtle")
    return graph


def parent_of(name: str, text: str | None = None) -> str | None:
    """The body ``name`` belongs to: stated in ``text`` first (X所属Y, Y隶属于X, Y 向 X 请示/报备 a body of
    its own kind), else by the rules of data/agencies/hierarchy.yaml; None when neither says."""
    if text:
        stated = _parent_in_text(name, text, load_agency_yaml("hierarchy.yaml"))
        if stated:
            return stated
    return _parent_by_rules(name)


@functools.lru_cache(maxsize=8192)
def _parent_by_rules(name: str) -> str | None:
    """The parent the hierarchy rules give a name (the same for every case: kept per process)."""
    rules: dict[str, Any] = load_agency_yaml("hierarchy.yaml")
    if name in rules["direct_customs"]:
        return str(rules["customs_head"])
    for rule in rules["rules"]:
        match = re.search(rule["pattern"], name)
        if match:
            return rule["parent"].format(**match.groupdict()) if rule["parent"] else None
    return None


def _trim_body(candidate: str, text: str, lex: Lexicon) -> str:
    """The body's name at the end of ``candidate`` (经哈尔滨海关 -> 哈尔滨海关 when 哈尔滨 is a known
    place): its core and the prefix the name grammar recognises, else the whole candidate."""
    core = max(lex.core_re.finditer(candidate), key=lambda m: m.end(), default=None)
    if core is None:
        return candidate
    prefix = find_prefix(candidate, core.start(), lex, harvest_places(text))
    return candidate[prefix.start :] if prefix else candidate


@functools.cache
def _parent_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """The text patterns of hierarchy.yaml compiled once, each with its literal keyword (所属, 隶属…)."""
    body = f"[{CJK}]{{0,14}}?(?:{load_lexicon().core_re.pattern})"
    compiled = []
    for pattern in load_agency_yaml("hierarchy.yaml")["text_patterns"]:
        keyword = re.sub(r"\{\w+\}|[（）]", "", pattern)
        regex = pattern.replace("{child}", f"(?P<child>{body})").replace("{parent}", f"(?P<parent>{body})")
        compiled.append((keyword, re.compile(regex)))
    return compiled


@functools.lru_cache(maxsize=64)
def _without_spaces(text: str) -> str:
    """A case's text with no whitespace, made once per case (every body of the case looks for its parent)."""
    return re.sub(r"\s+", "", text)


def _parent_in_text(name: str, text: str, rules: dict[str, Any]) -> str | None:
    flat = _without_spaces(text)
    if name not in flat:
        return None
    lex = load_lexicon()
    for keyword, regex in _parent_patterns():
        if keyword not in flat:
            continue
        for match in regex.finditer(flat):
            parent = _trim_body(match.group("parent"), flat, lex)
            if match.group("child").endswith(name) and parent != name:
                return parent
    core = max((c for c in lex.cores if name.endswith(c)), key=len, default=None)  # the longest core it ends in
    if core is None:
        return None
    verbs = "|".join(rules["reporting_verbs"])
    reported = re.compile(f"[向报](?P<parent>[{CJK}]{{2,10}}?{re.escape(core)})(?=[{CJK}]{{0,8}}({verbs}))")
    for sentence in re.split("[。！？]", flat):
        if name in sentence:
            for match in reported.finditer(sentence):
                if match.group("parent") != name:
                    return match.group("parent")
    return None
