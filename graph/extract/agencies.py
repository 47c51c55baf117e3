"""Government bodies acting in a case, normalised to full names, typed by sector, placed in a hierarchy.

Cases name their bodies loosely: 市税务局 in a 双鸭山市 case, 鹤岗银保监局 and 银保监鹤岗分局 for one
regulator, a bare 农业农村局 in a 绥芬河 case. This module finds every mention through the name grammar
of ``_agency_names`` and ``_agency_prefixes`` (place + unit + core), keeps a body only when at least one
mention shows it acting (not merely cited: issuers of documents cited as authority, names inside 《titles》,
evaluators after 被, bodies whose 部署 or 要求 is followed), and writes each body's full name from the case's
own context.
Sectors and parents come from rule files in ``data/agencies``; nothing about one document is in code.
"""

from __future__ import annotations

import re
from typing import Any

from ftzgraph.graph.extract._agency_acting import (
    _OBJECT_BEFORE,
    _SOURCE_AFTER,
    _SOURCE_LINE_RE,
    _as_place,
    _comments,
    _in_post_title,
    _in_salutation,
    _listed_object,
    _only_approves,
    _only_receives,
    _passive_agent,
    _second_name,
    _titles,
    hosts_meeting,
    speaks_for_itself,
)
from ftzgraph.graph.extract._agency_aliases import defined_aliases
from ftzgraph.graph.extract._agency_branches import bare_branches, detachment_brigades, police_branches
from ftzgraph.graph.extract._agency_committees import (
    _AREA,
    _COMMITTEE,
    _WRITTEN_ZONE_COMMITTEE_RE,
    _area_before,
    _committee_departments,
    _full_brackets,
    _zone_committee,
    _zone_offices,
)
from ftzgraph.graph.extract._agency_context import OWN_ZONE_TAILS, _context, _document_head
from ftzgraph.graph.extract._agency_cores import _core_hit
from ftzgraph.graph.extract._agency_divisions import subject_area
from ftzgraph.graph.extract._agency_fields import on_field_line
from ftzgraph.graph.extract._agency_hits import (
    _GENERIC_AFTER,
    _Context,
    _Hit,
    _inside_title,
)
from ftzgraph.graph.extract._agency_local import local_name
from ftzgraph.graph.extract._agency_named_offices import (
    civil_aviation_offices,
    named_offices,
    regulator_offices,
    sar_offices,
)
from ftzgraph.graph.extract._agency_names import Lexicon, Place, load_agency_yaml, load_lexicon
from ftzgraph.graph.extract._agency_networks import _network_hits, _one_branch_per_place
from ftzgraph.graph.extract._agency_offices import (
    _PURPOSE_NAMED,
    _district_branches,
    _paired_places,
    _place_lists,
    _short_offices,
    _stem_lists,
)
from ftzgraph.graph.extract._agency_page_lines import (
    _alone_on_line,
    _in_provider_line,
    _names_provider,
    _on_furniture_line,
    _opens_a_document_title,
    named_in_first_person,
)
from ftzgraph.graph.extract._agency_places import harvest_places
from ftzgraph.graph.extract._agency_prefixes import Prefix
from ftzgraph.graph.extract._agency_resolve import AREA_LEVEL, _bureau_branches, _resolve
from ftzgraph.graph.extract._agency_roles import (
    hosts_press_event,
    in_letterhead,
    issues_a_batch,
    issues_forwarded_document,
    name_under_parent,
    parent_in_name,
    referred_back,
    side_role,
    speaker_label,
)
from ftzgraph.graph.extract._agency_sectors import ancestors, load_sector_scheme, parent_of, sector_of
from ftzgraph.graph.extract._agency_streets import corps_regiments, street_offices, town_governments
from ftzgraph.graph.extract._agency_zone_bodies import sub_zone_bodies, word_committees, zone_administrations
from ftzgraph.graph.extract._agency_zones import name_zone_bodies
from ftzgraph.graph.model import AgencyMention, AgencyNameMention, CaseText, Evidence
from ftzgraph.graph.text import clean_spans

__all__ = [
    "ancestors",
    "extract_agencies",
    "extract_agencies_and_mentions",
    "load_sector_scheme",
    "parent_of",
    "sector_of",
]


def extract_agencies(case: CaseText, provider: str | None) -> list[AgencyMention]:
    """The government bodies ``case`` names as acting, merged by body, in order of first mention."""
    return extract_agencies_and_mentions(case, provider)[0]


def extract_agencies_and_mentions(
    case: CaseText, provider: str | None, provider_evidence: Evidence | None = None
) -> tuple[list[AgencyMention], list[AgencyNameMention]]:
    """The acting bodies, and every acting mention as written with the body it resolves to (None when
    the case's context cannot tell) and a confidence. ``provider_evidence`` is where the case's provider was read:
    a mention there that only names the unit (a provider line under any label) does not act."""
    lex = load_lexicon()
    provider = _provider_name(provider)
    text, offsets = clean_spans(case.text)  # 貿(mào), 为 贯 彻: read as the words they are; evidence maps back
    gaz = harvest_places(case.document.text).with_extra([p for p in (provider,) if p])
    titles = _titles(text, lex)
    branches, org_forms = _network_hits(text, lex, gaz)
    branches = [h for h in branches if not _inside_title(h.start, titles)]
    hits = list(branches)
    for found in lex.core_re.finditer(text):
        match = _zone_committee_core(text, found, lex)
        if any(h.start < match.end() and match.start() < h.end for h in hits):
            continue  # a branch's span, or a sub-body a hit took in (…金融监管分局绥滨监管支局)
        hit = _core_hit(text, match, lex, gaz, titles)
        if hit is not None:
            hits.append(hit)
    hits += [f for f in org_forms if not any(h.start < f.end and f.start < h.end for h in hits)]
    zone_offices = _zone_offices(text, lex, titles)  # 中国（河南）自由贸易试验区办公室, written in full
    zone_offices += sub_zone_bodies(text, lex.cores, titles)  # 沣东新城经济发展局: not the district 新城区's
    zone_offices += zone_administrations(text, lex.cores, titles)  # 文昌国际航天城管理局
    zone_offices += [
        w
        for w in word_committees(text, lex.cores, titles)
        if not any(h.start < w.end and w.start < h.end for h in hits)
    ]  # 铁路港管委会
    hits = [h for h in hits if not any(z.start < h.end and h.start < z.end for z in zone_offices)] + zone_offices
    named = named_offices(text, case.document.text, lex, titles)  # 外高桥港区海关, 陆家嘴管理局: known by proper names
    extras = regulator_offices(text, lex, titles) + civil_aviation_offices(text, lex, titles)  # 民航湖南监管局
    extras += sar_offices(text, case.document.text, lex, titles)  # 澳门海关, 香港特区政府工业贸易署
    for extra in extras:
        if not any(n.start < extra.end and extra.start < n.end for n in named):
            named.append(extra)
    hits = [h for h in hits if not any(n.start < h.end and h.start < n.end for n in named)] + named
    offices = [h for h in hits if h.core.core in _PURPOSE_NAMED]
    hits = [h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end for o in offices)]
    hits = _stem_lists(text, hits, lex, gaz)
    hits += _place_lists(text, hits, gaz)  # 临夏县、广河县商务局: one body per county
    hits += _paired_places(text, hits)  # A市X局与B市X局…，两市Y中心: one body per city
    hits.sort(key=lambda h: h.start)
    if provider_evidence is not None:  # the mentions the case's provider was read from
        for hit in hits:
            at = _evidence(case, offsets, hit.start, hit.end)
            hit.read_as_provider = at.start < provider_evidence.end and provider_evidence.start < at.end
    _settle_acting(text, hits, case.document.text)
    ctx = _context(case, provider, gaz, hits)
    for hit in hits:  # 新区商务局, 实验区行政审批局 in a zone's own case: the zone's bureau, not a district's
        tail = _own_zone_tail(text, hit, ctx)
        if tail is not None and ctx.new_area is not None and hit.prefix is not None:
            hit.prefix = Prefix(tail, ctx.new_area, unit=hit.prefix.unit)
            hit.start, hit.confidence = min(hit.start, tail), "medium"
    for hit in hits:  # 片区管委会: the provider area's committee
        bare = hit.core.canonical == _COMMITTEE and hit.prefix is not None and hit.prefix.place is None
        named_area = _area_before(text, hit.start + 1) if bare else None
        if named_area is not None:  # 与绥芬河片区管委会: the area written before it, not the provider's
            hit.prefix = Prefix(hit.start + 1 - len(named_area.name), named_area)
            hit.start = hit.prefix.start
        elif (
            (bare or _bare_area_bureau(hit))
            and hit.start >= 1
            and text.endswith(_AREA, 0, hit.start + 1)
            and (own := ctx.area or subject_area(text) or subject_area(_document_head(case.document.text)))
        ):  # 片区管委会: the provider's area, else the one the case is about; 片区经济发展局: its committee's bureau
            hit.prefix = Prefix(hit.start - 1, own, level=None if bare else AREA_LEVEL)
            hit.start -= 1
        elif (
            bare
            and ctx.area
            and hit.prefix is not None
            and hit.prefix.level == "district"
            and (ctx.district is None or ctx.district_of_area)
        ):
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
    _resolve(hits, ctx, gaz, text)
    _area_bureaus_as_written(hits, case.document.text)
    hits = _bureau_branches(text, hits)
    police_branches(hits, ctx.city, ctx.district)  # 东港区公安分局: 日照市公安局东港分局
    name_under_parent(text, hits)  # 重庆海事局涪陵海事处: the office under its bureau
    detachment_brigades(text, hits)  # 交警支队渤海新区大队: the brigade under its detachment
    name_zone_bodies(
        text, _document_head(case.document.text), hits, ctx.city, provider
    )  # 合肥高新区X局: by the zone's official name
    aliases = defined_aliases(text, hits, lex, titles)  # X署（以下简称园区发展署）: the short name is that body
    _settle_acting(text, hits + aliases, case.document.text, aliases)
    hits += aliases
    for hit in to_area:  # completed from the case's context, not written
        hit.confidence = "medium" if hit.confidence == "high" else hit.confidence
    hits += _short_offices(text, hits, ctx, lex)
    hits += _district_branches(text, hits, ctx, lex)
    streets = street_offices(text, hits, ctx, lex)  # 会同大城街道办事处: the district's street office
    towns = town_governments(text, hits + streets, list(gaz.by_name), lex)  # 格日勒敖都苏木人民政府, 乌兰镇政府
    towns += corps_regiments(text, hits + streets + towns, case.document.text, lex)  # 一四三团, a Corps regiment
    hits = [h for h in hits if not any(t.start <= h.start and h.end <= t.end for t in towns)]
    streets += towns
    _settle_acting(text, hits + streets, case.document.text, streets)
    hits += streets
    hits += [b for b in bare_branches(text, hits, lex) if not any(h.start < b.end and b.start < h.end for h in hits)]
    hits.sort(key=lambda h: h.start)
    _committee_departments(hits, text)
    mentions = [
        AgencyNameMention(
            re.sub(r"\s+", "", text[h.start : h.end]),
            h.name if h.confidence not in ("low", "as_written") else None,
            "low" if h.confidence == "as_written" else h.confidence,
            _evidence(case, offsets, h.start, h.end),
        )
        for h in hits
        if h.acting or h.read_as_provider  # the provider's own mention: the body its full name is read from
    ]
    return _merge(case, text, offsets, [h for h in hits if h.confidence != "low"]), mentions


_CITY_ADMINISTRATION_SHORT = "城管委"


def _zone_committee_core(text: str, match: re.Match[str], lex: Lexicon) -> re.Match[str]:
    """The core ``match`` reads, or the committee (管委会) when it reads 城管委 (城市管理委员会) inside a zone named
    城 and its committee (知识城管委会, 生态城管委会: 城 + 管委会), not after a level (市城管委)."""
    at = match.start()
    zone_word = match.group() == _CITY_ADMINISTRATION_SHORT and text.startswith("会", match.end())
    if zone_word and at >= 1 and text[at - 1] not in lex.levels:
        return lex.core_re.match(text, at + 1) or match
    return match


def _settle_acting(text: str, hits: list[_Hit], document_text: str, among: list[_Hit] | None = None) -> None:
    """Whether each hit (of ``among``, else all) acts: the roles that are not acting, read on its clause and the
    other hits."""
    for hit in among if among is not None else hits:
        if not hit.acting and _passive_agent(text, hit):
            hit.acting = True  # 被厦门海关复制推广: the body after 被 does the copying
        if hit.acting and text.startswith(_GENERIC_AFTER, hit.end):
            hit.acting = False  # 区政府有关部门: the government's departments in general, not the government
        if hit.acting and (
            hosts_press_event(text, hit)
            or speaker_label(text, hit, document_text)
            or issues_forwarded_document(text, hit)
            or issues_a_batch(text, hit)
            or in_letterhead(text, hit)
            or parent_in_name(text, hit, hits)
        ):
            hit.acting = False  # 省政府新闻办召开新闻发布会: a host; 现将X《…》转发: the forwarded document's issuer
        if hit.acting and _in_post_title(text, hit, hits) and not speaks_for_itself(text, hit, document_text):
            hit.acting = False  # …办事处主任沈学良说: the speaker's employer, in a title
        if hit.acting and (
            (text.startswith(_SOURCE_AFTER, hit.end) and not referred_back(text, hit))
            or _in_salutation(text, hit.start)
            or _comments(text, hit)
        ):
            hit.acting = (
                False  # 记者从省商务厅获悉: a source; 各市、区人民政府，…管委会：addressees; 批注（X）：a reviewer
            )
        if hit.acting and (
            re.search(_OBJECT_BEFORE, text[max(0, hit.start - 6) : hit.start]) or _listed_object(text, hit.start)
        ):
            hit.acting = False  # 设立…领导小组及其办公室, 报至…领导小组办公室: a body set up, or one that receives
        if hit.acting and (_only_approves(text, hit, hits) or hosts_meeting(text, hit)):
            hit.acting = False  # 经市政府同意，市人社局印发…: the government approves; 市政府召开推进会: it hosts
        if hit.acting and _only_receives(text, hit):
            hit.acting = False  # 向芜湖海关申报报关单: the office receives what a trader files
        if hit.acting and (
            _in_provider_line(text, hit.start)
            or _alone_on_line(text, hit)
            or _opens_a_document_title(text, hit)
            or _on_furniture_line(text, hit)
            or _SOURCE_LINE_RE.search(text, max(text.rfind("\n", 0, hit.start) + 1, hit.start - 18), hit.start)
            or _as_place(text, hit.start, hit.end)
            or text.startswith("所属", hit.end)  # 福州海关所属马尾海关: the parent names the body that acts
            or text.startswith(_CITED_AFTER, hit.end)  # 省农业农村厅的有关文件为依据: a relied-on document's issuer
            or text.startswith(_SUGGESTED_AFTER, hit.end)  # 市商务局可会同相关部门研究: a proposal to the body
            or text.endswith(_SUGGESTED_BEFORE, 0, hit.prefix.start if hit.prefix is not None else hit.start)
            or _second_name(text, hit, hits)
            or _names_provider(text, hit)
            or (on_field_line(text, hit) and not named_in_first_person(text, hit))  # 填报单位：X局 … 我局将…
            or (side_role(text, hit) and not referred_back(text, hit))
        ):
            hit.acting = False


_CITED_AFTER = tuple(load_agency_yaml("departments.yaml")["cited_after"])
_SUGGESTED_AFTER = tuple(load_agency_yaml("departments.yaml")["suggested_after"])
_SUGGESTED_BEFORE = tuple(load_agency_yaml("departments.yaml")["suggested_before"])


_EDGE_MARKS_RE = re.compile("^[^\u4e00-\u9fff（(]+|[^\u4e00-\u9fff）)]+$")


def _provider_name(provider: str | None) -> str | None:
    """The provider's name without the marks a layout may leave around it (■ 江城区, a bullet and a space) or the city
    a heading writes before it with a middle dot (菏泽·曹县): the place its bodies are named under is the name alone."""
    if provider is None:
        return None
    provider = provider.rpartition("·")[2] or provider  # 菏泽·曹县: a county after its city, the county provides
    return _EDGE_MARKS_RE.sub("", provider) or provider


def _bare_area_bureau(hit: _Hit) -> bool:
    """True for a bureau written after the bare word 片区 (片区经济发展局), read by its core as a district's (区X局):
    a department of the area's committee. A centre so written (进驻片区政务服务中心) is more often a place."""
    prefix = hit.prefix
    return (
        prefix is not None and prefix.place is None and prefix.level == "district" and hit.core.canonical.endswith("局")
    )


def _area_bureaus_as_written(hits: list[_Hit], document_text: str) -> None:
    """A department of an area's committee (片区经济发展局) named after the committee as the document writes it in
    full, with the qualifier some areas carry in brackets (大兴机场片区（廊坊）管理委员会, of an area spanning two
    provinces): the committee's own name."""
    for hit in hits:
        if hit.prefix is None or hit.prefix.level != AREA_LEVEL or hit.name is None:
            continue
        head, _, core = hit.name.partition(_AREA + _COMMITTEE)
        written = re.search(re.escape(head + _AREA) + r"（[\u4e00-\u9fff]{1,6}）" + _COMMITTEE, document_text)
        if core and written is not None:
            hit.name = written.group() + core


def _own_zone_tail(text: str, hit: _Hit, ctx: _Context) -> int | None:
    """Where the zone's tail word starts when ``hit`` is written with it alone before its core (新区商务局,
    实验区行政审批局) in the case of the zone it ends (青岛西海岸新区, 平潭综合实验区); else None."""
    if ctx.new_area is None or hit.prefix is None:
        return None
    if hit.prefix.unit and (hit.prefix.unit not in OWN_ZONE_TAILS or hit.prefix.place is not None):
        return None  # 高新区管委会: a unit of its own, not the tail (综合实验区商务局 is the tail)
    if hit.prefix.place and hit.prefix.place.name == ctx.new_area.name:
        return None
    written = hit.core.canonical if text.endswith(hit.core.canonical, 0, hit.end) else hit.core.core  # 商务和口岸局
    core_start = hit.end - len(written)
    for tail in OWN_ZONE_TAILS:
        start = core_start - len(tail)
        if ctx.new_area.name.endswith(tail) and text.startswith(tail, start) and start <= hit.prefix.start + 1:
            return start
    return None


def _evidence(case: CaseText, offsets: list[int] | None, start: int, end: int) -> Any:
    """Evidence of a span of the cleaned text, in the case's own text."""
    if offsets is None:
        return case.evidence(start, end)
    return case.evidence(offsets[start], offsets[end - 1] + 1)


def _merge(case: CaseText, text: str, offsets: list[int] | None, hits: list[_Hit]) -> list[AgencyMention]:
    """One AgencyMention per body that acts at least once; surface forms and evidence from every mention."""
    _one_branch_per_place(hits)
    bodies: dict[str, list[_Hit]] = {}
    for hit in hits:
        assert hit.name is not None
        hit.name = local_name(hit.name, re.sub(r"\s+", "", text[hit.start : hit.end]))  # 上海市住房和城乡建设管理委员会
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


def _place_name(place: Place | None) -> str | None:
    return place.name if place and place.level in ("city", "county", "district", "province") else None
