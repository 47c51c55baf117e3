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
from functools import cache, lru_cache

from ftzgraph.graph.data_files import load_lexicon as load_lexicon_file
from ftzgraph.graph.extract._agency_named_offices import is_short_form
from ftzgraph.graph.extract._agency_names import load_agency_yaml, load_divisions, load_lexicon
from ftzgraph.graph.extract._agency_zones import official_zone_name, zone_named_in_case
from ftzgraph.graph.extract._provider_convention import can_provide, is_fragment, origin_field, provided_unit
from ftzgraph.graph.extract._provider_credits import (
    before_next_kicker,
    credited_provider,
    scene_place,
    standard_found,
)
from ftzgraph.graph.extract._provider_headings import (
    ADOPTING_RE,
    heading_label,
    heading_place,
    heading_provider,
    heading_stem,
    heading_subject,
)
from ftzgraph.graph.extract._split_casebook import closing_source
from ftzgraph.graph.extract._split_fields import contact_unit
from ftzgraph.graph.extract._split_leads import (
    SUBJECT_RE,
    acting_subject,
    generic_forms,
    is_place,
    ordinal_subject,
    place_lead_not,
    speaker_unit,
    theme_title,
)
from ftzgraph.graph.extract._split_pasted import pasted_unit
from ftzgraph.graph.extract._split_units import (
    closing_bracket,
    court_of_division,
    fallback_provider,
    labelled_provider,
    place_or_stem,
    reported_provider,
    signature_unit,
    stem_place,
    titled_reporter,
)
from ftzgraph.graph.extract._split_words import fallback_words
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.extract.split import (
    CLOSING_BLOCK_RE,
    PROVIDER_RE,
)
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


_GOVERNMENT_TAIL = re.compile("(?:人民政府|政府)$")
_COMMITTEE_TAIL = re.compile("(?:管委会|管理委员会|自贸办)$")
"""A zone's own governing body (X片区管委会) or its FTZ office (X片区自贸办), which stands for the area."""


def provider_unit(name: str, gazetteer: Gazetteer) -> str:
    """The providing unit as a place where the line names its government or committee: 郑州市人民政府 ->
    郑州市, 开封片区管委会 (or 自贸办) -> 开封片区; of two units on one line (X管委会、Y法院) the first, as collections'
    summary tables list them; of a unit written under its parent (X海关所属Y海关) the unit. Other units (南宁市商务局)
    stay as written."""
    name = first_unit(name) if "、" in name else name.strip()
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


def provider_stem_in_city(provider: str, case: CaseText) -> str:
    """A bare stem several places share (东兴, 鼓楼) as the one of them in the city the document names most (a
    防城港 bulletin's 东兴 is 东兴市): a document's own places are its city's; else as written."""
    if not re.fullmatch("[\u4e00-\u9fff]{2,3}", provider) or stem_place(provider) is not None:
        return provider
    ranked = _cities_named_most(case.document.text)
    if not ranked or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return provider
    return stem_place(provider, ranked[0][0].removesuffix("市")) or provider


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
        return provider
    text = case.document.text
    zones = set(re.findall(rf"(?:^|(?<=[\s，。；：:、（(]))([\u4e00-\u9fff]{{2,6}}{kind})", text, re.M))
    zones = {z for z in zones if not re.search(place_lead_not(), z) and not z.startswith(kind)}
    return zones.pop() + rest if len(zones) == 1 else provider


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
    return provider


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


_NEXT_FIELD_RE = re.compile(r"[\u3000]|\s{2,}|\s+(?=[^\s:：]{1,8}[:：])")
"""Where a provider's name ends and the line's next field begins (X局　撰稿人：某某)."""
_BY_RE = re.compile(
    r"^(?:[【\[〔][\u4e00-\u9fff]{1,6}[】\]〕]\s*)?(?:本|该|此|这一?|以上|上述)?[项个]?(?:案例|经验|做法|材料|文|稿件|信息|项目|改革|举措|工作|机制|内容|资料|专栏|栏目|板块|专题)?"
    r"由\s*"
)
"""本案例由X提供, 本文由X提供, 【专栏】本专栏由X提供: the provider is X, not the words (or the box's tag) that introduce
it."""


def provider_line(case: CaseText) -> tuple[str, int, int] | None:
    """The provider named right after the title ("(X提供)", "X提供", "报送单位：X"): name and local span."""
    found = standard_found(_provider_line(case))  # 河南省周口市, 珠海高新區: the form places resolve in
    if found and found[0].endswith(tuple(fallback_words()["media_units"])):
        found = credited_provider(case) or _acting_subject(case)  # （X融媒体中心　供稿）: an outlet only wrote it
    if found and (by := _BY_RE.match(found[0])) and by.end() < len(found[0]):
        found = found[0][by.end() :], found[1] + by.end(), found[2]
    if found and (rest := _NEXT_FIELD_RE.search(found[0])) and rest.start() >= 2:  # X局　撰稿人：某某
        found = found[0][: rest.start()], found[1], found[1] + rest.start()
    if found and origin_field(case.text, found[1]):
        found = None  # 先行地：X片区, 经验来源：X: the field names where the practice came from, never who provides it
    if found and (unit := provided_unit(found[0])) != found[0]:  # X海关提供背景材料: the unit, not the verb after it
        found = unit, found[1], found[1] + len(unit)
    return None if found and is_fragment(found[0]) else found  # 在全市, 有关部门: a sentence's piece, no unit


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
    for k, (start, line) in enumerate(lines_below(text, title_end, 4)):
        if match := PROVIDER_RE.match(line):
            group = next(g for g in ("a", "b", "c", "d") if match[g])
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
        or credited_provider(case)  # 〔X市〕 above the heading, 文｜X局: the case's credits name it
        or _labelled_below(text, title_end)
        or heading_subject(case)
        or _run_in_subject(case)
        or _closing_provider(case)
    )
    if own:
        return own
    if named := _head_reporter(case):  # 其中，“A”由X提供: the head names who brought the case by its title
        return named
    guessed = fallback_provider(text, case.heading.end - case.start)
    if case.group and (guessed is None or guessed == ordinal_subject(text)):  # 一是X海关…: an actor, not the sender
        name, start, end = case.group
        return name, start - case.start, end - case.start
    return guessed or scene_place(case, _acting_subject(case))


_UNIT_FIELD_RE = re.compile(
    r"^[\s\u3000]*[【\[〔]?[\u4e00-\u9fff]{0,4}(?:单位|主体|部门|机构)[】\]〕]?[\s\u3000]*[:：｜|丨]"
)
"""A field naming a unit by its label's word (实施单位：, 牵头部门｜, 【申报主体】：): who did it, said outright."""


_GIVEN_RE = re.compile(r"^\s*[（(]\s*(?P<u>[^()（）\s]{2,20}?)[\s\u3000]*(?:供稿|提供|报送|推荐|选送|供)\s*[)）]\s*$")


def _given_in_brackets(line: str) -> tuple[str, int, int] | None:
    """A unit or a place alone in brackets with the verb that it gave the case (（沿滩　供）, （莲都区　供稿）), a
    form the splitter's provider lines do not hold; with its span."""
    given = _GIVEN_RE.match(line)
    if given is None or not (signature_unit(given["u"]) or place_or_stem(given["u"])):
        return None
    return given["u"], given.start("u"), given.end("u")


def _after_guide(line: str) -> tuple[str, int, int] | None:
    """The unit of a later field of a line whose first field names a unit that guides or helps (指导单位：X　实施单位：
    Y, 配合单位：X；牵头单位：Y): the one that does the case, not the one over or beside it
    (``guiding_label_words``)."""
    first = re.match(r"\s*[（(【\[]?(?P<label>[\u4e00-\u9fff]{2,6})[】\]]?[：:]", line)
    words = (*fallback_words()["guiding_label_words"], *fallback_words()["cooperating_label_words"])
    if first is None or not any(word in first["label"] for word in words):
        return None
    return _field_provider(line)


_UNIT_ROLE_RE = re.compile(
    r"\s*(?P<u>[^（）()\s]{3,30})[（(](?:供稿|报送|申报|推荐|提供|选送|实施|牵头)(?:单位|部门)?[)）]\s*$"
)


def _unit_with_role(line: str) -> tuple[str, int, int] | None:
    """A unit followed by its role in brackets (X局（供稿单位）): the unit, not the role's word."""
    found = _UNIT_ROLE_RE.fullmatch(line)
    if found is None or (signed := signature_unit(found["u"])) is None:
        return None
    return signed[0], found.start("u") + signed[1], found.start("u") + signed[2]


_UNIT_BAR_RE = re.compile(r"\s*(?P<u>[^（）()\s｜|丨，。；]{3,30})\s*[｜|丨\t]\s*[^，。；;！？!?\n｜|丨]{1,30}\s*")
"""A unit, then a bar or a TAB and one short field with no clause (X人民政府｜2024年第三季度进展)."""


def _unit_before_bar(line: str) -> tuple[str, int, int] | None:
    """The unit opening a form's line under the title, a bar or a TAB and one field after it (X人民政府｜2024年第三
    季度进展, X局｜2024年3月): the unit the form is about, as a byline gives it."""
    found = _UNIT_BAR_RE.fullmatch(line)
    if found is None or (signed := signature_unit(found["u"])) is None or signed[2] - signed[1] != len(found["u"]):
        return None
    return signed[0], found.start("u") + signed[1], found.start("u") + signed[2]


_DASH_PRACTICE_RE = re.compile(
    r"\s*[—–－]{1,2}\s*(?P<u>[^\s，。、]{3,30}?)的?(?:经验做法|典型经验|典型做法|经验|做法|案例|实践)\s*$"
)


def _dash_practice(line: str) -> tuple[str, int, int] | None:
    """A dash subtitle naming whose practice the case is (——X局经验做法, ——X区的实践): that unit or place."""
    found = _DASH_PRACTICE_RE.fullmatch(line)
    if found is None or not (signature_unit(found["u"]) or place_or_stem(found["u"])):
        return None
    return found["u"], found.start("u"), found.end("u")


def _labelled_below(text: str, title_end: int) -> tuple[str, int, int] | None:
    """The unit of a labelled provider line right under the heading (title / 作者：X局, 发布单位：X局): said outright,
    it beats a guess from the heading's own subject (X县推行“A”)."""
    for start, line in lines_below(text, title_end, 1):
        if found := labelled_provider(line):
            return found[0], start + found[1], start + found[2]
    return None


def _head_reporter(case: CaseText) -> tuple[str, int, int] | None:
    """The unit the collection's head (the text before its first case) names as the bringer of the case's title
    (其中，“A”由X提供): only the head, so an earlier case's own “A”由X提供 names no later case's provider, and the
    head is read once for all cases rather than the whole text before each."""
    if not case.title or not case.head_end:
        return None
    found = titled_reporter(case.document.text[: case.head_end], case.title)
    return (found[0], found[1] - case.start, found[2] - case.start) if found else None


_TAG_RE = re.compile(r"[ \t\u3000]*【[^】\n]{1,6}】[ \t\u3000]*")
"""A script's tag opening a paragraph (【解说】…): layout, not the sentence's subject."""


def _acting_subject(case: CaseText) -> tuple[str, int, int] | None:
    """The body or place performing the reform in the case's first sentence (X区在全省率先上线…, X分行会同Y海关推出…),
    a generic subject (园区复制推广…) named by the heading, or a broadcast script's speaker body (【同期声】X局…科长)
    when its narration names no acting body: the provider of a case no line, bracket or table names."""
    text = case.text
    title_end = case.heading.end - case.start
    speaker = speaker_unit(text[title_end:])
    for start, line in lines_below(text, title_end, 3):
        caption = not re.search("[，。,]", line)  # a caption or subtitle line: a phrase with no punctuation
        if len(line.strip()) < 12 or speaker_unit(line):
            continue  # a section heading or a speaker's line, not the first sentence
        tag = _TAG_RE.match(line)
        at = tag.end() if tag else 0
        found = acting_subject(line, at)
        if found is None or re.search(place_lead_not(), found[0]):  # X区位于…，该区学习借鉴…: 该区 is X区
            found = _referred_subject(line, at) or found
        # 衡阳高新区出资设立…, 蕲春是全省首个…的县, 来凤县委县政府高度重视…: a known zone, a bare stem or a place's
        # party committee and government opening the sentence
        found = found or _zone_subject(line, at) or _stem_subject(line, at) or _leadership_subject(line, at)
        if found and _names_origin(line[found[2] :]):
            found = None  # X片区首创的“A”…: the zone a practice came from, not who performs it here
        if found and speaker and not signature_unit(found[0]):
            found = None  # 【解说】在X市，…: a setting, not a body acting; the speaker's body speaks for the case
        if found and (generic := _generic_place(case, found[0])) is not None:
            if generic or not speaker:
                return generic or None
            found = None  # 我局坚持…: a speech's own body, which its speaker line names
        if found is None and not caption:
            found = _later_body(line)  # 在X镇的一家企业，…。今年以来，X海关会同…: the body acting after the setting
        if found is None and (bracket := closing_bracket(line)) and (said := speaker_unit(bracket[0])):
            found = said[0], bracket[1] + said[1], bracket[1] + said[2]  # “我们的做法是…”（X局局长　某某）
        if found:
            return found[0], start + found[1], start + found[2]
        if not caption:
            break
    if speaker:
        return speaker[0], title_end + speaker[1], title_end + speaker[2]
    return None


def _names_origin(after: str) -> bool:
    """True when what follows a subject makes it the origin of a practice (X片区首创的“A”, X区探索的), not its adopter
    (X局复制推广的这一做法)."""
    return re.match("[\u4e00-\u9fff]{0,4}的", after) is not None and ADOPTING_RE.match(after) is None


_REFERRED_RE = re.compile(
    r"[ \t\u3000]*(?P<p>[\u4e00-\u9fff]{2,20}?(?P<end>片区|新区|市|区|县|局|海关))"
    r"[^。！？!?\n]{2,40}?[，,；;][ \t\u3000]*该(?P=end)"
)
"""A sentence whose subject is said once and referred back to by its kind (X区位于…，该区推出…; X海关地处…，该海关…)."""


def _referred_subject(paragraph: str, at: int = 0) -> tuple[str, int, int] | None:
    """The place or body opening ``paragraph`` that its next clause names again as 该区 (该市, 该局, 该片区): what the
    sentence is about, although the verb after it only places or describes it (位于, 地处, 是)."""
    found = _REFERRED_RE.match(paragraph, at)
    if found is None or not (is_place(found["p"]) or signature_unit(found["p"])):
        return None
    return found["p"], found.start("p"), found.end("p")


def _zone_subject(paragraph: str, at: int = 0) -> tuple[str, int, int] | None:
    """A development zone opening ``paragraph`` by its short name or its city and kind (衡阳高新区出资设立…,
    杨凌示范区…): whatever verb follows, a zone named so is what the sentence is about (``official_zone_name`` knows it
    whole); not a zone's own thing (X高新区的企业)."""
    kinds = "|".join(map(re.escape, _zone_kinds()))
    found = re.compile(rf"[ \t\u3000]*(?P<p>[\u4e00-\u9fff]{{2,8}}?(?:{kinds}))(?![的内外])").match(paragraph, at)
    if found is None or official_zone_name(found["p"]) == found["p"]:
        return None
    return found["p"], found.start("p"), found.end("p")


_STEM_SUBJECT_RE = re.compile(r"[ \t\u3000]*(?P<p>[\u4e00-\u9fff]{2,3}?)(?=是|在|率先|推行|推出|探索|首创|建立|实行)")


def _stem_subject(paragraph: str, at: int = 0) -> tuple[str, int, int] | None:
    """A place written by its bare stem opening the sentence before a subject's word (蕲春是全省首个…, 龙游率先…):
    the one city or county of that stem (``stem_place``)."""
    found = _STEM_SUBJECT_RE.match(paragraph, at)
    if found is None or not stem_place(found["p"]):
        return None
    return found["p"], found.start("p"), found.end("p")


_LEADERSHIP_RE = re.compile(r"[ \t\u3000]*(?P<p>[\u4e00-\u9fff]{2,6}?[市县区旗])委、?(?:[市县区旗])?(?:人民)?政府")


def _leadership_subject(paragraph: str, at: int = 0) -> tuple[str, int, int] | None:
    """A place's party committee and government opening the sentence (来凤县委县政府高度重视…, X市委、市政府…): the
    place is what the sentence is about."""
    found = _LEADERSHIP_RE.match(paragraph, at)
    if found is None or not is_place(found["p"]):
        return None
    return found["p"], found.start("p"), found.end("p")


def _later_body(paragraph: str) -> tuple[str, int, int] | None:
    """The body acting in a later sentence of a first paragraph whose first sentence names none (a scene, a question,
    a figure): the first body (not a bare place, which may be a setting again) opening a sentence."""
    for end in re.finditer("[。！？!?]", paragraph):
        found = acting_subject(paragraph, end.end()) or _stem_subject(paragraph, end.end())  # 。冷水江在全省率先…
        if found is None:
            continue
        verb = SUBJECT_RE.match(paragraph, found[1])
        acts = (verb is not None and verb["p"] == found[0]) or stem_place(found[0]) is not None  # X市推行…, 冷水江在…
        if (signature_unit(found[0]) or acts) and not _names_origin(paragraph[found[2] :]):
            return found
    return None


def _generic_place(case: CaseText, name: str) -> tuple[str, int, int] | tuple[()] | None:
    """None when ``name`` names a place itself; else the place the heading names for a generic subject (园区 ->
    滇中新区临空产业园 of the heading), or () when the heading names none (我区, 全市: no provider)."""
    if not re.search(place_lead_not(), name):
        return None
    forms = generic_forms(name)
    quote = case.heading.quote
    found = re.search(rf"[\u4e00-\u9fff]{{2,16}}(?:{'|'.join(map(re.escape, forms))})", quote) if forms else None
    if found is None:
        return ()
    start = case.heading.start - case.start + found.start()
    return found.group(), start, start + len(found.group())


def _finer_closing(case: CaseText, place: tuple[str, int, int] | None) -> tuple[str, int, int] | None:
    """The place a heading opens with (◆兰州新区：title), or the closing provider line when it names a body of that
    place ((供稿：兰州新区商务和口岸局)): the body that wrote the case is the finer provider; the label only groups."""
    closing = (_closing_provider(case) or _closing_label(case)) if place else None
    if place and closing and closing[0].startswith(place[0]) and len(closing[0]) > len(place[0]):
        return closing
    return place


def _closing_label(case: CaseText) -> tuple[str, int, int] | None:
    """The unit of a labelled line in brackets closing the case (（供稿：X）, （报送：X）), with its span."""
    text = case.text.rstrip()
    start = text.rfind("\n") + 1
    line = text[start:]
    bare = line.strip().removeprefix("（").removeprefix("(").removesuffix("）").removesuffix(")")
    found = labelled_provider(bare) if bare != line.strip() else None
    if found is None:
        return None
    lead = start + line.find(bare)
    return found[0], lead + found[1], lead + found[2]


_RUN_IN_SUBJECT_RE = re.compile(SUBJECT_RE.pattern.replace("(?=(?P<verb>", "(?=(?:学习)?(?P<verb>", 1))
"""The acting subject of a case told in one paragraph, with 学习借鉴 as well as the ordinal paragraphs' verbs."""


_THEME_LEAD_RE = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、．.])?\s*(?P<t>[^。．\n]{2,20})(?=[。．])"
)
"""A heading run in with its text whose first sentence names a theme (（一）在X方面。Y区…): the case is titled by the
reform its text names (graph/extract/split.py), the subject after the theme is its provider."""


def _run_in_subject(case: CaseText) -> tuple[str, int, int] | None:
    """The place or body that opens the sentence after the title when a case runs on in its heading's paragraph
    (（一）title。兴庆区复制推广…): a report's way of naming who did it, before any signature closing the report."""
    quote = case.heading.quote
    at = quote.find(case.title) if case.title else -1
    after = at + len(case.title)
    if (theme := _THEME_LEAD_RE.match(quote)) and theme_title(theme["t"]):  # （一）在X方面。Y区…推出“title”
        at, after = theme.start("t"), theme.end("t")
    if at < 0 or not quote.startswith(("。", "．"), after):
        return None
    subject = _RUN_IN_SUBJECT_RE.match(quote, after + 1)
    if subject is None:
        return None
    start = case.heading.start - case.start + subject.start("p")
    return subject["p"], start, start + len(subject["p"])


_BRACKETED_RE = re.compile(r"[（(][^（）()\n]+[)）]")


def _closing_provider(case: CaseText) -> tuple[str, int, int] | None:
    """The provider line as the last line of the case ((X供稿), （报送单位：X）, （摘自X报送材料）), as PDF collections
    put it."""
    text = case.text
    end = len(text.rstrip())
    closing = CLOSING_BLOCK_RE.search(text)
    end = len(text[: closing.start()].rstrip()) if closing else end
    end = before_next_kicker(case, end)  # 〔X市〕 on the next heading: the next case's, not this one's closing tag
    for _ in range(3):
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        match = PROVIDER_RE.match(line)
        if match:
            group = next(g for g in ("a", "b", "c", "d") if match[g])
            return match[group].strip(), start + match.start(group), start + match.end(group)
        if contact := contact_unit(line):  # 联系人：X市商务局　某某　联系电话：…, with no 报送单位 line
            return contact[0], start + contact[1], start + contact[2]
        if (source := reported_provider(line)) and _BRACKETED_RE.fullmatch(line.strip()):  # （摘自X报送材料）
            return source[0], start + source[1], start + source[2]
        if (bracket := closing_bracket(line)) and (source := reported_provider(bracket[0])):  # …。（见附件3，由X提供）
            return source[0], start + bracket[1] + source[1], start + bracket[1] + source[2]
        below = start >= case.heading.end - case.start  # the heading's own line is no closing line
        if below and (
            found := _field_provider(line)
            or _tag_line(line)
            or _listed_givers(line)
            or _dated_unit(line)
            or _unit_before_fields(line)
        ):
            return found[0], start + found[1], start + found[2]
        if line.strip():
            end = len(text[: max(start - 1, 0)].rstrip())
        if end <= 0:
            break
    return None


_FIELD_GAP_RE = re.compile(r"\u3000+|[ \t]{2,}|[；;｜|]\s*")
_FIELD_RE = re.compile(r"\s*[（(]?[\u4e00-\u9fff]{2,6}[：:]\s*[^\s：:]{2,12}(?:\u3000|[ \t]{2,}|[；;｜|])")
"""A line that opens with a short field (责任编辑：某某　…, 审核：某某；…), which a later field may follow."""


def _field_provider(line: str) -> tuple[str, int, int] | None:
    """The unit of a provider label in a later field of a line of fields (责任编辑：某某　供稿：X, 审核：某某；来源：X):
    a closing credit line gives the provider after the editor's name as often as before it."""
    if not _FIELD_RE.match(line):
        return None  # not a line of fields: a closing provider line of its own is read by the rules before
    for gap in _FIELD_GAP_RE.finditer(line):
        if found := labelled_provider(line[gap.end() :]):
            return found[0], gap.end() + found[1], gap.end() + found[2]
    return None


_TAG_LINE_RE = re.compile(r"\s*[【〔\[](?P<u>[^】〕\]\n]{2,24})[】〕\]]\s*$")


def _tag_line(line: str) -> tuple[str, int, int] | None:
    """A tag alone on a line closing the case that names its place or unit, with its city before a middle dot
    (【北海·铁山港】, 〔X区商务局〕): the finest part is the provider."""
    tag = _TAG_LINE_RE.fullmatch(line)
    if tag is None:
        return None
    parts = [p.strip() for p in re.split("[·・•]", tag["u"])]
    part = parts[-1]
    at = tag.start("u") + tag["u"].rfind(part)
    if len(parts) > 1 and (placed := stem_place(part, parts[-2].removesuffix("市"))):
        return placed, at, at + len(part)  # 【防城港·东兴】: the city tells which 东兴
    if signed := signature_unit(part):  # 【X管委会供稿】: the unit without its verb
        return signed[0], at + signed[1], at + signed[2]
    return (part, at, at + len(part)) if place_or_stem(part) else None


_LISTED_GIVERS_RE = re.compile(
    r"\s*[—–－]{1,2}\s*(?P<u>[^、，,\s]{2,30}?)(?:[、和及与][^，。\n]{2,40}?)?(?:联合|共同)?(?:供稿|提供|报送)\s*$"
)


def _listed_givers(line: str) -> tuple[str, int, int] | None:
    """The first of the units a dash line says gave the case together (——X、Y联合供稿), as summary tables list the
    lead unit first."""
    given = _LISTED_GIVERS_RE.fullmatch(line)
    if given is None or not (signature_unit(given["u"]) or place_or_stem(given["u"])):
        return None
    return given["u"], given.start("u"), given.end("u")


_DATED_UNIT_RE = re.compile(
    r"\s*[（(](?P<u>[^（）()\s]{3,30})[\s\u3000]+[0-9０-９〇一二三四五六七八九十○]{2,4}\s*年[^（）()\n]{0,8}[)）]\s*$"
)


def _dated_unit(line: str) -> tuple[str, int, int] | None:
    """A unit and a date in brackets closing the case (（X局　2024年6月）): a submission's signature run into one
    line."""
    dated = _DATED_UNIT_RE.fullmatch(line)
    if dated is None or (signed := signature_unit(dated["u"])) is None:
        return None
    return signed[0], dated.start("u") + signed[1], dated.start("u") + signed[2]


_LATER_FIELD_RE = re.compile(r"[ \t\u3000]+[\u4e00-\u9fff]{2,6}[：:]")


def _unit_before_fields(line: str) -> tuple[str, int, int] | None:
    """A closing line that opens with the unit and its verb before other fields (X局　供稿　　审核：某某): the unit."""
    later = _LATER_FIELD_RE.search(line)
    if later is None or (signed := signature_unit(line[: later.start()])) is None:
        return None
    return signed
