"""The provider of a case: the unit its provider line names, read as a place where it names a government or a
committee, and written in full where it names a body by its level alone.

``provider_line`` finds the line (or heading, closing bracket, table cell or subject) that names a case's provider, on
the splitter's lines and patterns; the rest of this module reads what it names.
A compilation's own bodies write themselves by level (（区商务局）, 报送：区市场监管局, 市地方金融工作局 opening a
report's paragraph): the case's agencies resolve that name from the document's context (its issuer's district, its
one city), and the provider is the body they resolve it to.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from ftzgraph.graph.data_files import load_lexicon as load_lexicon_file
from ftzgraph.graph.extract._agency_named_offices import is_short_form
from ftzgraph.graph.extract._agency_names import load_agency_yaml, load_divisions, place_of
from ftzgraph.graph.extract._agency_zones import zone_named_in_case
from ftzgraph.graph.extract._provider_credits import credited_provider, scene_place
from ftzgraph.graph.extract._provider_headings import (
    heading_label,
    heading_place,
    heading_provider,
    heading_stem,
    heading_subject,
)
from ftzgraph.graph.extract._provider_lines import (
    _UNIT_FIELD_RE,
    _after_guide,
    _closing_provider,
    _dash_practice,
    _finer_closing,
    _form_field_above,
    _given_in_brackets,
    _labelled_below,
    _unit_before_bar,
    _unit_with_role,
    document_closing,
)
from ftzgraph.graph.extract._provider_names import (
    _COMMITTEE_TAIL,
    _GOVERNMENT_TAIL,
    _cities_named_most,
    _colloquial_area,
    _company_of_department,
    _court_of_place,
    _standard_form,
    _zone_kinds,
)
from ftzgraph.graph.extract._provider_standard import standard_found
from ftzgraph.graph.extract._provider_subjects import (
    _acting_subject,
    _cited_zone,
    _given_in_sentence,
    _head_reporter,
    _run_in_subject,
)
from ftzgraph.graph.extract._provider_units import can_provide, clause_unit, is_fragment, origin_field, provided_unit
from ftzgraph.graph.extract._split_casebook import closing_source
from ftzgraph.graph.extract._split_leads import (
    ordinal_subject,
    place_lead_not,
)
from ftzgraph.graph.extract._split_pasted import pasted_unit
from ftzgraph.graph.extract._split_titles import PROVIDER_RE
from ftzgraph.graph.extract._split_unit_lines import fallback_provider
from ftzgraph.graph.extract._split_units import court_of_division, labelled_provider, stem_place
from ftzgraph.graph.extract._split_words import fallback_words
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.model import AgencyNameMention, CaseText, Evidence, Place
from ftzgraph.graph.text import lines_below

CITY_SUFFIXES = ("市", "州", "地区", "盟", "县", "旗")


def provider_kind(name: str, gazetteer: Gazetteer) -> tuple[str, Place | None]:
    """``city`` | ``ftz_area`` | ``other`` for a provider name, with its reference place when it is one."""
    place = gazetteer.resolve(name)
    if place is not None and place.area:
        return "ftz_area", place
    if place is not None:
        return "other", place
    if name.endswith(CITY_SUFFIXES):
        return "city", None
    return "other", None


def read_provider(case: CaseText) -> tuple[str | None, Evidence | None, list[str]]:
    """The provider line's unit (else the summary table's), its evidence and warnings on a missing or differing one."""
    warnings: list[str] = []
    found = provider_line(case)
    row = case.table_row
    if found and row and row.provider and not can_provide(found[0]) and can_provide(first_unit(row.provider)):
        found = None  # 温泉景区 read from the text, X市文化和旅游局 in the table's column: the unit that can provide
    if found:
        name, start, end = found
        if row and row.provider and re.sub(r"\s+", "", row.provider) != re.sub(r"\s+", "", name):
            warnings.append(
                f"{case.document.path}:{case.heading.line}: provider '{name}' differs from the table's '{row.provider}'"
            )
        return name, case.evidence(start, end), warnings
    if row and row.provider:
        return row.provider, row.evidence, warnings
    warnings.append(f"{case.document.path}:{case.heading.line}: no provider found (no '(X提供)' line, no table row)")
    return None, None, warnings


_HEAD_CHARS = 600
"""How far into the document its head (title, subtitle, issuer) is read."""


def provider_unit(name: str, gazetteer: Gazetteer) -> str:
    """The providing unit as a place where the line names its government or committee: 郑州市人民政府 ->
    郑州市, 开封片区管委会 (or 自贸办) -> 开封片区; of two units on one line (X管委会、Y法院) the first, as collections'
    summary tables list them; of a unit written under its parent (X海关所属Y海关) the unit. Other units (南宁市商务局)
    stay as written."""
    if (note := _NOTE_RE.search(name.strip())) and note.start() >= 2:
        name = name.strip()[: note.start()]  # X政府（区Y局具体实施）: the body carrying it out for the provider
    name = first_unit(name) if re.search("[、，,；;]", name) else name.strip()  # a cell's list: X局,Y县人民政府
    if len(under := name.rpartition("所属")[2]) >= 4:
        name = under  # 南昌海关所属萍乡海关: the unit under its parent is the one that did it
    if court := court_of_division(name):
        name = court  # 本院立案庭, X市中级人民法院民三庭: a court's division writes for its court
    city = _GOVERNMENT_TAIL.sub("", name)
    if city != name and city.endswith(CITY_SUFFIXES) and len(city) >= 3:
        return city
    if re.fullmatch("[\u4e00-\u9fff]{2,3}", name) and (place := gazetteer.resolve(name + "片区")) and place.area:
        return place.area  # 在南沙，…: an area written by its bare short name (a body of it acts, ``place_subject``)
    if area := _colloquial_area(name, gazetteer):
        return area  # 南沙自贸区, 崇左自贸片区, 中国（广西）自贸试验区崇左片区: the area by a name people use
    if re.fullmatch("[\u4e00-\u9fff]{2,4}", name) and (full := load_divisions().by_stem.get(name)):
        return full  # 凭祥, 陇川, 西双版纳 in a table's column or a heading's label: the one division of that stem
    area = _COMMITTEE_TAIL.sub("", name)
    if area != name and (place := gazetteer.resolve(area)) is not None and place.area:
        return place.area if area.endswith(place.area) and len(area) > len(place.area) else area
    return name


_COURT_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,12}?[省市县区](?:中级|高级)?人民(?:法院|检察院)")


def provider_court(provider: str, case: CaseText) -> str:
    """A court's own way of naming itself as a case's provider (本院, 本院执行局) or one of its tribunals by its place
    alone (佛堂人民法庭), in full: the one court the text before the case names most, which wrote the document (a
    court's white paper or report); else as written. An office of the court (本院诉讼服务中心) is no body of its own,
    its bureau (本院执行局) is."""
    if company := _company_of_department(provider, case):
        return company  # 公司港口业务部, 总行公司金融部: a company's department writes for its company
    own = provider.startswith("本院")
    if not own and not (provider.endswith("人民法庭") and "法院" not in provider):
        return provider
    courts = Counter(filter(None, map(_court_of_place, _COURT_NAME_RE.findall(case.document.text[: case.start]))))
    ranked = courts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return provider  # no court, or two named as often: which one writes is not told
    rest = provider.removeprefix("本院")
    return ranked[0][0] + (rest if not own or rest.endswith("局") else "")  # 本院诉讼服务中心: the court; 执行局 a body


def provider_stem_in_city(provider: str, case: CaseText) -> str:
    """A bare stem several places share (东兴, 鼓楼) as the one of them in the city the document names most (a
    防城港 bulletin's 东兴 is 东兴市): a document's own places are its city's; else as written."""
    if not re.fullmatch("[\u4e00-\u9fff]{2,3}", provider) or stem_place(provider) is not None:
        return provider
    ranked = _cities_named_most(case.document.text)
    if not ranked or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return provider
    return stem_place(provider, ranked[0][0].removesuffix("市")) or provider


def provider_zone_in_full(provider: str, case: CaseText) -> str:
    """A body written after its zone's kind alone (实验区经发局, 示范区市场监管局) with the one zone of that kind the
    document names whole where a name starts (a line's or a sentence's start: 平潭综合实验区复制推广…): the unit a
    contact line or a table's column writes short inside its own zone's document; else as written. A zone written
    without its city (大亚湾开发区管委会, 科技城新区管委会) is the one the case or the document's head names in full
    (惠州大亚湾经济技术开发区), as the agencies name it (``zone_named_in_case``)."""
    head = case.document.text[: case.head_end or 0]
    for context in (case.text, head):
        if (named := zone_named_in_case(provider, context)) != provider:
            return named
    kind = next((k for k in _zone_kinds() if provider.startswith(k)), None)
    rest = provider[len(kind) :] if kind else ""
    if len(rest) < 2 or not rest.endswith(tuple(fallback_words()["unit_suffixes"])):
        return _committee_body(_zone_of_city(provider, case), case)
    text = case.document.text
    zones = set(re.findall(rf"(?:^|(?<=[\s，。；：:、（(]))([\u4e00-\u9fff]{{2,6}}{kind})", text, re.M))
    zones = {z for z in zones if not re.search(place_lead_not(), z) and not z.startswith(kind)}
    return zones.pop() + rest if len(zones) == 1 else provider


_BARE_BODY_RE = re.compile(r"[^\W\d_a-zA-Z市区县镇乡城园州]{2,6}(?:局|办公室)")
"""A department written by its own name alone, no place or level before it (规划建设局, 党政办公室); a name holding a
place's word (沣东新城经济发展局) is a unit of that place."""
_HEAD_COMMITTEE_RE = re.compile(
    r"[\u4e00-\u9fff]{2,20}?(?:开发区|高新区|经开区|新区|园区|合作区|示范区|实验区)(?:管委会|管理委员会)"
)
"""A zone's committee named in the document's head (宜昌高新技术产业开发区管委会经济发展局 signing a summary)."""


def _committee_body(provider: str, case: CaseText) -> str:
    """A department written by its own name alone (（规划建设局） closing a case) in the document of the one zone
    committee its head names (its issuer or signature line): that committee's department, as the committee's own
    documents write theirs (宜昌高新技术产业开发区管委会规划建设局); as written when the head names no committee or
    several, or the name can provide as it stands (县商务局, 南沙海关). A department written after the committee's own
    word (管委会经发局) takes the committee's name in its place, not after it."""
    if not _BARE_BODY_RE.fullmatch(provider) or can_provide(provider):
        return provider
    before = case.document.text[: min(case.head_end or 0, _HEAD_CHARS)]
    lines = [line for line in before.splitlines() if line.strip()][:3]
    committees = {m.group() for line in lines for m in _HEAD_COMMITTEE_RE.finditer(line)}
    if len(committees) != 1:
        return provider
    return committees.pop() + re.sub("^(?:管理委员会|管委会)", "", provider)  # 管委会经发局: the committee named once


_BARE_ZONE_RE = re.compile(
    r"(?P<zone>(?P<own>[\u4e00-\u9fff]{2,3}?)(?:经济区|开发区|高新区|经开区|综保区|保税区|工业园区|产业园区|新区|试验区|示范区|合作区))"
    r"(?:管委会|管理委员会)"
)
"""A zone's committee written by the zone's own word and kind, with no place before them (临空经济区管委会)."""


def _zone_of_city(provider: str, case: CaseText) -> str:
    """A zone's committee written without the city its official name opens with (临空经济区管委会 in a 鄂州 report:
    鄂州临空经济区管委会), as a zone named by what it lies beside (data/agencies/departments.yaml
    `generic_zone_words`) is called by its city's stem: the city the document names most, when one leads; as written
    when the zone's own word is a place's (杨凌示范区, 兰州新区) or the document names no one city most."""
    bare = _BARE_ZONE_RE.fullmatch(provider)
    if bare is None or bare["own"] not in load_agency_yaml("departments.yaml")["generic_zone_words"]:
        return provider
    ranked = _cities_named_most(case.document.text)
    if not ranked or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return provider
    city = place_of(ranked[0][0])
    return city.stem + provider if city is not None and city.level == "city" else provider


_UNIT_LIST_RE = re.compile(r"[、，,；;／/]|(?<=[局厅委办府区县市关行院司站所队心])(?:和|及|与)")
"""Where a list of units parts (X局、Y局; X局和Y局): a list mark, or a joining word right after a unit's last
character; 和 inside a name (自然资源和规划局) parts nothing."""


def first_unit(name: str) -> str:
    """The first unit of a list naming several, as a responsibility cell puts its lead unit first (X市自然资源和规划局
    Y分局、片区建设局 -> X市自然资源和规划局Y分局)."""
    return _UNIT_LIST_RE.split(name.strip(), maxsplit=1)[0].strip()


def provider_in_full(provider: str, mentions: list[AgencyNameMention]) -> str:
    """The full name of a provider that names a body without its place (区商务局, 市地方金融工作局) or by a short
    proper name (CBD管委会): the body the case's own mention of it resolves to from the context. A provider written with
    its place keeps it and takes only its standard form (南宁市发改委 -> 南宁市发展和改革委员会, 人行X市中心支行 ->
    中国人民银行X市中心支行, ``_standard_form``); places and units the case never names stay as written."""
    written = re.sub(r"\s+", "", provider)
    for mention in mentions:
        if mention.agency is None or mention.agency == mention.as_written or not written.endswith(mention.as_written):
            continue
        head = written[: -len(mention.as_written)]  # 武汉市 of 武汉市江汉区人社局, which the mention 江汉区人社局 lacks
        if not head and (mention.confidence == "medium" or is_short_form(written)):
            return mention.agency
        if _standard_form(mention.as_written, mention.agency) and not (head and mention.agency.startswith(head)):
            return head + mention.agency  # 人行X市中心支行, X区人社局: the same name, in its standard form
    return _town_in_district(written, mentions)


_TOWN_BODY_RE = re.compile(r"[\u4e00-\u9fff]{2,5}?(?:街道办事处|街道办|街道)")
"""A street office by its own name alone (秦楼街道办事处): a district's, named under it; a town's government
(薛家湾镇人民政府) goes by its own name, as collections write it."""


def _town_in_district(provider: str, mentions: list[AgencyNameMention]) -> str:
    """A street office written by its own name alone, under the one district the case's bodies resolve to (区司法局
    -> 东港区司法局: 秦楼街道办事处 -> 日照市东港区秦楼街道办事处), the district with its city as district bodies are
    named; as written when the bodies name none or several districts, or the name has its place."""
    if not _TOWN_BODY_RE.fullmatch(provider) or any(
        provider.startswith(n) for n in load_divisions().names_in(provider)
    ):
        return provider
    divisions = load_divisions()
    local = set()
    for mention in mentions:
        name = mention.agency or ""
        city = next((n for n in divisions.names_in(name) if name.startswith(n) and n.endswith("市")), "")
        rest = name[len(city) :]  # 日照市东港区商务局: the district after its city
        heads = [n for n in divisions.names_in(rest) if rest.startswith(n) and n.endswith("区")]
        local |= {max(heads, key=len)} if heads else set()
    if len(local) != 1:
        return provider
    place = local.pop()
    city = divisions.city_of.get(place, "")
    return (place if place.startswith(city) else city + place) + provider


_NEXT_FIELD_RE = re.compile(r"[\u3000]|\s{2,}|\s+(?=[^\s:：]{1,8}[:：])")
"""Where a provider's name ends and the line's next field begins (X局　撰稿人：某某)."""
_NOTE_RE = re.compile(r"[（(][^（）()]{2,30}?(?:具体实施|具体负责|负责实施|承办|具体落实|落实|执行)[）)]$")
"""A bracketed note after a provider naming the body that carries the practice out for it (X区人民政府（区行政审批
服务管理局具体实施）): the provider is the unit before it."""
_BY_RE = re.compile(
    r"^(?:[【\[〔][\u4e00-\u9fff]{1,6}[】\]〕]\s*)?(?:本|该|此|这一?|以上|上述)?[项个]?(?:案例|经验|做法|材料|文|稿件|信息|项目|改革|举措|工作|机制|内容|资料|专栏|栏目|板块|专题)?"
    r"由\s*"
)
"""本案例由X提供, 本文由X提供, 【专栏】本专栏由X提供: the provider is X, not the words (or the box's tag) that introduce
it."""


def provider_line(case: CaseText) -> tuple[str, int, int] | None:
    """The provider named right after the title ("(X提供)", "X提供", "报送单位：X"): name and local span."""
    found = _provider_line(case)
    if found and (closing := document_closing(case)) is not None and found[1] >= closing:
        found = _provider_line(replace(case, end=case.start + closing))  # the document's signature, not the case's
    found = standard_found(found)  # 河南省周口市, 珠海高新區: the form places resolve in
    if found and found[0].endswith(tuple(fallback_words()["media_units"])):
        # （X融媒体中心　供稿）, （来源：X日报）: an outlet only wrote it; the case's credits, its acting body or the
        # place its first paragraph is set in
        found = credited_provider(case) or _acting_subject(case) or scene_place(case)
    if found and (by := _BY_RE.match(found[0])) and by.end() < len(found[0]):
        found = found[0][by.end() :], found[1] + by.end(), found[2]
    if found and (rest := _NEXT_FIELD_RE.search(found[0])) and rest.start() >= 2:  # X局　撰稿人：某某
        found = found[0][: rest.start()], found[1], found[1] + rest.start()
    if found and origin_field(case.text, found[1]):
        found = None  # 先行地：X片区, 经验来源：X: the field names where the practice came from, never who provides it
    if found and (unit := provided_unit(found[0])) != found[0]:  # X海关提供背景材料: the unit, not the verb after it
        found = unit, found[1], found[1] + len(unit)
    if found and (joined := clause_unit(found[0])) != found[0]:  # X站联合Y海关, X政府组织Y局: the body before the verb
        found = (joined, found[1], found[1] + len(joined)) if joined else None
    if found and (lead := _connective_lead().match(found[0])) and can_provide(found[0][lead.end() :]):
        found = found[0][lead.end() :], found[1] + lead.end(), found[2]  # 还有余江区的“A”: a speech's link word
    return None if found and is_fragment(found[0]) else found  # 在全市, 有关部门: a sentence's piece, no unit


@cache
def _connective_lead() -> re.Pattern[str]:
    """A link word a speech or a list opens an example with (还有, 再比如, 此外): data/lexicon/credits.yaml."""
    words = sorted(load_lexicon_file("credits")["connective_leads"], key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, words))})[，,]?")


def _provider_line(case: CaseText) -> tuple[str, int, int] | None:
    row = case.table_row
    if row and row.provider and row.evidence.start <= case.start and case.end <= row.evidence.end:
        return None  # a case that is its table's row: the row's provider cell names it, not a guess from its text
    if case.given_provider:  # 分别是：X片区的“A”…: the opening statement's word, not a guess from the answer
        name, start, end = case.given_provider
        return name, start - case.start, end - case.start
    text = case.text
    title_end = case.heading.end - case.start
    if pasted := pasted_unit(text[:title_end]):  # 附件2：X区“title”.docx, 请X介绍第一个案例“title”: the sender's word
        return pasted
    if labelled := heading_label(case):  # 【X】title, ■ X｜title: the heading's own label beats lines below it
        return _finer_closing(case, labelled)
    if fielded := _form_field_above(text, title_end):  # 申报单位 | X | 联系人 | Y over 案例名称 | title
        return fielded
    for k, (start, line) in enumerate(lines_below(text, title_end, 4)):
        if match := PROVIDER_RE.match(line):
            group = next(g for g in ("a", "b", "c", "d") if match[g])
            named = match[group].strip()
            if is_fragment(named[by.end() :] if (by := _BY_RE.match(named)) else named):
                continue  # （本分目由市商务局供稿）: a section's supplier below the case, no unit of its own
            return match[group].strip(), start + match.start(group), start + match.end(group)
        if k == 0 and (
            found := _after_guide(line) or _unit_with_role(line) or _dash_practice(line) or _unit_before_bar(line)
        ):
            return (
                found[0],
                start + found[1],
                start + found[2],
            )  # 指导单位：X　实施单位：Y, X局（供稿单位）, ——X经验做法
        # 【报送】X, （沿滩　供）: the line under the title; but 邗江区：title / 作者：X局 is about the heading's place,
        # while a unit's own field (▲石狮　title / 实施单位：石狮市商务局) names who did it, the heading only where
        found = labelled_provider(line, loose=True) or _given_in_brackets(line) if k == 0 else None
        if found and (heading_place(case) is None or _UNIT_FIELD_RE.match(line)):
            return found[0], start + found[1], start + found[2]
    if source := closing_source(text):  # 【案例来源】根据X提供材料整理: who gave the material, said outright
        return source
    own = (
        heading_provider(case)
        or _finer_closing(case, heading_place(case))
        or heading_stem(case)
        or _no_fragment(credited_provider(case))  # 〔X市〕 above the heading, 文｜X局: the case's credits name it
        or _labelled_below(text, title_end)
        or heading_subject(case)
        or _run_in_subject(case)
        or _no_fragment(_closing_provider(case))
        or _given_in_sentence(case)
    )
    if own:
        return own
    if named := _head_reporter(case):  # 其中，“A”由X提供: the head names who brought the case by its title
        return named
    guessed = _no_fragment(fallback_provider(text, case.heading.end - case.start))
    if guessed and _cited_zone(text, guessed):
        guessed = None  # 由河南自贸试验区郑州片区率先探索: where the practice came from; the sentence's adopter acts
    if case.group and (guessed is None or guessed == ordinal_subject(text)):  # 一是X海关…: an actor, not the sender
        name, start, end = case.group
        return name, start - case.start, end - case.start
    return guessed or scene_place(case, _acting_subject(case))


def _no_fragment(found: tuple[str, int, int] | None) -> tuple[str, int, int] | None:
    """``found`` unless it is a sentence's piece (本分目由市商务局: a section's supplier, which credits no case), so
    that the case's later rules still read it."""
    return None if found is None or is_fragment(found[0]) else found
