"""The patterns of the words around a zone that the origin rules of ``_origin_zones`` read: a province written alone
or in a list, an area by its stem, and the cue phrases before and after a zone (借鉴自, 赴Z考察学习后, 对标Z，复制其…,
源于Z…的使命). Split from graph/extract/_origin_zones.py by noun: this module says what the words look like,
``_origin_zones`` decides which role they give the zone. Words come from ``data/lexicon/origins.yaml``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ftzgraph.graph.extract._agency_names import load_divisions
from ftzgraph.graph.extract._batch_filters import _words_re, lexicon
from ftzgraph.graph.extract._origin_copying import _names_practice
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.model import Place
from ftzgraph.graph.text import NUMERAL_CLASS, word_alternation


@cache
def _derived_re() -> re.Pattern[str]:
    """After a zone, in its clause, a verb saying what follows came from elsewhere (Z的做法借鉴自…, Z的模式源于…): the
    zone named first is the one that took it."""
    return re.compile(rf"[^，,。；;]{{0,20}}?(?:{_words_re('derived_from_verbs')})")


@cache
def _study_then_launch_re() -> re.Pattern[str]:
    """After a zone one visited (赴Z), a study there and, once it is over, a practice launched (考察学习后，推出…): what
    was launched came from Z. A study tour with nothing launched after it (赴Z学习考察…情况) is no origin."""
    return re.compile(
        rf"[^，,。；]{{0,6}}?(?:{_words_re('visit_study_words')})[^，,。；]{{0,4}}?后[，,]?[^。；]{{0,20}}?"
        rf"(?:{_words_re('study_launch_verbs')})"
    )


@cache
def _practice_pair_re() -> re.Pattern[str]:
    nouns = word_alternation([w for w in lexicon()["practice_words"] if len(w) > 1])
    return re.compile(
        rf"^的?(?:[“「][^”」]{{1,30}}[”」])?[^，,；;。“”「」《》]{{0,12}}?(?:{nouns})\s*(?:[，,]?\s*以及|、|和|及|与)\s*$"
    )


def _practice_pair(text: str, first_end: int, second: tuple[int, int]) -> bool:
    """True when two places each stand with their practice, coordinated (复制推广Z1农业科技服务经验和Z2内陆港建设经验;
    借鉴Z1“X”做法及Z2“Y”模式): between them the first place's practice (perhaps quoted, a few words, a practice
    word) and a coordinator, no verb of copying (Z1参照第五批…经验和Z2做法: Z1 is the adopter), and the second place's
    own practice after it in its clause. The second place then stands where the first does."""
    between = text[first_end : second[0]]
    lex = lexicon()
    verbs = [v for v in (*lex["copy_verbs"], *lex["adopting_verbs"], *lex["zone_before"]) if len(v) > 1]
    if _practice_pair_re().match(between) is None or any(v in between for v in verbs):
        return False
    return _names_practice(re.split("[，,；;：:。]", text[second[1] :], maxsplit=1)[0])


def _takes_its_next(rest: str) -> bool:
    """True when the clause after a zone's is a verb of copying whose object is the zone's own (与Z结对后，复制了其
    “X”机制; 对标Z，复制其“X”模式): whatever related Z first, its practice was taken."""
    return re.match(rf"[^，,；;。]*[，,]\s*(?:并|再|进而)?\s*(?:{_words_re('adopting_verbs')})了?其", rest) is not None


def _copies_it_next(rest: str) -> bool:
    """True when the clause after a zone's is a verb of copying whose object is the zone's own (，复制其“X”模式), or
    opens with a verb launching a named practice or a practice word (对标Z，推行“X”; 对标Z，推行…创新): the practice is
    taken after Z, no yardstick."""
    if _takes_its_next(rest):
        return True
    launch, practice = _words_re("study_launch_verbs"), _words_re("practice_words")
    return re.match(rf"[，,]\s*(?:并|再|进而)?\s*(?:推行|{launch})[^，,；;。]{{0,12}}?(?:{practice})", rest) is not None


@cache
def _cause_re() -> re.Pattern[str]:
    """The words after a zone that a source verb governs when they name a cause or a party, not a practice (源于Z扩大
    开放的使命; 来自Z的企业有4家): 的 and one of the lexicon's cause or party nouns, in the zone's clause."""
    practice = "|".join(map(re.escape, lexicon()["practice_words"]))  # 来自Z的企业开办经验: a practice after all
    party = rf"(?:{_words_re('source_party_nouns')})(?![^，,；;。]{{0,8}}?(?:{practice}))"
    return re.compile(rf"[^“”「」]{{0,12}}?的[^，,；;“”]{{0,6}}?(?:{_words_re('source_cause_nouns')}|{party})")


@cache
def _province_trial_re(gazetteer: Gazetteer) -> re.Pattern[str]:
    """在 and a province written alone (not the start of a city's or a zone's name): 在某省试点运行."""
    provinces = gazetteer.province_alternation
    return re.compile(rf"在(?P<province>{provinces})(?![市省自（(])")


@cache
def _province_report_re(gazetteer: Gazetteer) -> re.Pattern[str]:
    """A province (or its zone) that reported or contributed items of a national replication: 福建报送的有34项."""
    provinces = gazetteer.province_alternation
    return re.compile(
        rf"(?<![\u4e00-\u9fff])(?P<province>{provinces})(?:自贸试验区|自由贸易试验区|自贸区)?"
        rf"(?:{_words_re('report_verbs')})[了的]"
    )


@cache
def _bare_area_re(gazetteer: Gazetteer, before: str) -> re.Pattern[str]:
    """A learning verb, perhaps a city, then a bare area name that is no city's (深圳前海, 横琴, 曹妃甸)."""
    skip = set(lexicon()["not_area_stems"])
    stems = sorted((s for s in gazetteer.area_stems if s not in skip and not _city_stem(s)), key=len, reverse=True)
    alternation = "|".join(map(re.escape, stems))
    return re.compile(rf"(?:{before})[了过]?(?:[\u4e00-\u9fff]{{2,3}}市?)??(?P<stem>{alternation})(?=[“\"的])")


@cache
def _by_stem_re(gazetteer: Gazetteer) -> re.Pattern[str]:
    """由 and an area stem that is no city, county or full area name (由前海率先…; not 由前海片区, found in full)."""
    stems = word_alternation(gazetteer.area_stems)
    return re.compile(rf"由(?P<stem>{stems})(?![市省县区片])")


@cache
def _stem_list_re(gazetteer: Gazetteer, before: str) -> re.Pattern[str]:
    """A learning verb, then two or more area stems joined by 、和及与, then (N个)片区: 郑州、开封、洛阳三个片区."""
    stems = word_alternation(gazetteer.area_stems)
    return re.compile(
        rf"(?:{before})[了过]?(?P<stems>(?:{stems})(?:[、和及与](?:{stems}))+)(?:[{NUMERAL_CLASS}0-9]+个|等)?片区"
    )


@cache
def _province_list_re(gazetteer: Gazetteer) -> re.Pattern[str]:
    """Provinces joined by 、和及与, then (N个|N地|N省|N省区|等) and a generic FTZ word (上海、广东两地自贸试验区);
    or one province whose list 等 closes or that leads it (辽宁等7个自贸试验区, 以某省为首的N个自贸试验区): the named
    one stands for the list (``single``)."""
    provinces = gazetteer.province_alternation
    ftz = "(?:自贸试验区|自由贸易试验区|自贸区)"
    return re.compile(
        rf"(?:(?P<provinces>(?:{provinces})(?:[、和及与](?:{provinces}))+)(?:[{NUMERAL_CLASS}0-9]+(?:省区|省市|[个地省])|等)?{ftz}"
        rf"|以?(?P<single>{provinces})(?:{_words_re('list_stand_ins')})[{NUMERAL_CLASS}0-9]*个?{ftz})"
    )


def _listed_after(text: str, position: int, gazetteer: Gazetteer) -> list[str]:
    """The zones of provinces listed right after a stated province (天津、上海两地自贸试验区)."""
    provinces = gazetteer.province_alternation
    zones = []
    while match := re.compile(rf"\s*(?:、|和|及|与)\s*(?P<province>{provinces})").match(text, position):
        zones.append(gazetteer.province_forms[match["province"]])
        position = match.end()
    return zones


@cache
def _province_re(gazetteer: Gazetteer, before: str) -> re.Pattern[str]:
    """A verb of the lexicon's ``zone_before`` and a province written alone, then its practice, a list or the end of
    the clause (借鉴上海“X”, 来自广东、1个来自四川。): not the start of a longer name (借鉴上海市…)."""
    provinces = gazetteer.province_alternation
    return re.compile(rf"(?:{before})[了过]?(?P<province>{provinces})(?=[“\"的经验做法、和。，,；;]|$)")


@cache
def _area_list_re(gazetteer: Gazetteer) -> re.Pattern[str]:
    """Two or more area stems joined by 、和及与, each perhaps after its city, then (N个|等) and 片区: 南沙、前海、横琴
    三个片区; 广州南沙、深圳前海两个片区."""
    stems = word_alternation(gazetteer.area_stems)
    item = rf"(?:[\u4e00-\u9fff]{{2}}市?)??(?:{stems})"
    return re.compile(rf"(?P<stems>{item}(?:[、和及与]{item})+)(?:[{NUMERAL_CLASS}0-9]+个|等)?(?:自贸)?片区")


def _city_stem(stem: str) -> bool:
    """True when ``stem`` is the stem of a prefecture-level division (郑州 -> 郑州市) or names several
    divisions: written bare, it means the city. A district's stem (南沙 -> 南沙区) does not."""
    divisions = load_divisions()
    name = divisions.by_stem.get(stem)
    if name is None:
        return stem in divisions.stems
    return name.endswith(("市", "州", "盟", "地区"))


@cache
def _province_shares_re(gazetteer: Gazetteer) -> re.Pattern[str]:
    """Provinces written alone and listed, then 各 or 分别 (天津、福建各占2个; 某省和某省分别有…): each province's
    share of what the sentence counts."""
    provinces = gazetteer.province_alternation
    return re.compile(rf"(?P<provinces>(?:{provinces})(?:[、和及与](?:{provinces}))+)(?:两地|三地|等地)?(?:各|分别)")


@cache
def _stem_place_re(gazetteer: Gazetteer) -> re.Pattern[str]:
    """An area written by its bare stem (前海, 南沙, 绥芬河, 青岛), then what may
    follow a place in an origin phrase: its practice (的, a quote), where it is (那边, 那里) or the clause's end. A stem
    that opens a longer word (天津港进口, 南沙区, 临港产业) is none."""
    skip = set(lexicon()["not_area_stems"])
    kept = [s for s in gazetteer.area_stems if s not in skip]
    first = "".join(sorted({re.escape(s[0]) for s in kept}))  # a quick test of each position before the alternation
    return re.compile(
        rf"(?=[{first}])(?P<stem>{word_alternation(kept)})"
        rf"(?=[“\"「的，,。；;、）)]|那边|那里|那儿|这边|经验|做法|模式|{_words_re('visit_study_words')}|$)"
    )


@cache
def _label_before_re() -> re.Pattern[str]:
    """An origin field's label and its mark, right before a place (学习对象：, 【经验来源】, 借鉴对象系)."""
    labels = word_alternation(lexicon()["origin_labels"])
    return re.compile(rf"(?:{labels})[”」\"]?\s*(?:为|是|系|：|:|】|］|｜|\||—+)\s*[“\"「]?$")


def stem_places(
    text: str,
    places: list[tuple[int, int, Place]],
    gazetteer: Gazetteer,
    document: str,
    own: set[str],
) -> list[tuple[int, int, Place]]:
    """The places of ``text`` with its areas written by their stems added, so that every origin rule reads
    照着南沙的路数 or 学的是前海 as it reads the full name. A stem that is also a city's (青岛, 厦门) means the city,
    except where the document names that city's area in full elsewhere (``document``: 赴福建自贸试验区厦门片区考察 …
    借鉴厦门的做法) or the stem fills an origin field (学习对象：青岛). A stem of the adopting province's own areas
    (``own``) is its city or district, which its own documents name all the time."""
    matches = list(_stem_place_re(gazetteer).finditer(text))
    if not matches:
        return places
    found = list(places)
    for match in matches:
        start, end = match.span("stem")
        place = gazetteer.area_stems[match["stem"]]
        if place.zone in own or any((s < end and start < e) or p == place for s, e, p in places):
            continue  # 昆明片区正式获批…形成42条昆明经验: the sentence names the area in full, the stem is its city
        if (
            _city_stem(match["stem"])
            and not _label_before_re().search(text, max(0, start - 12), start)
            and not _named_in_full(document, place, gazetteer)
        ):
            continue
        found.append((start, end, place))
    return sorted(found, key=lambda p: p[:2])


@lru_cache(maxsize=256)
def _named_in_full(document: str, place: Place, gazetteer: Gazetteer) -> bool:
    """True when ``document`` names the area ``place`` in full: looked up once per document and area, not once per
    sentence that names its stem."""
    return any(form in document for form in _forms_of(gazetteer).get(place, ()))


@cache
def _forms_of(gazetteer: Gazetteer) -> dict[Place, tuple[str, ...]]:
    """Each area's full forms in the gazetteer (厦门片区, 福建自贸试验区厦门片区 …): a document names the area in full
    when it holds one of them."""
    forms: dict[Place, list[str]] = {}
    for form, place in gazetteer.forms.items():
        if place.area and "片区" in form:
            forms.setdefault(place, []).append(form)
    return {place: tuple(sorted(found, key=len)) for place, found in forms.items()}


@cache
def _anaphor_re() -> re.Pattern[str]:
    words = lexicon()["place_anaphors"]
    first = "".join(sorted({re.escape(w[0]) for w in words}))  # a quick test of each position before the alternation
    return re.compile(rf"(?=[{first}])(?:{word_alternation(words)})")


def referred_places(
    text: str, places: list[tuple[int, int, Place]], earlier: list[Place]
) -> list[tuple[int, int, Place]]:
    """The places of ``text`` with the words that refer back to a place (该片区, 对方, 前者) added as the place they
    stand for: the nearest place named before them, in the sentence or in ``earlier`` sentences of the case (前者 the
    first of the last two, 后者 the last). A word with no place before it stands for nothing."""
    matches = list(_anaphor_re().finditer(text))
    if not matches:
        return places
    found = list(places)
    for match in matches:
        before = earlier + [p for s, _, p in places if s < match.start()]
        distinct = list(dict.fromkeys(before))
        if not distinct:
            continue
        word = match.group()
        place = distinct[-2] if word == "前者" and len(distinct) >= 2 else distinct[-1]
        start = match.start() + (1 if word.startswith("从") else 0)  # 从那边带回来的: 从 stays the head
        found.append((start, match.end(), place))
    return sorted(found, key=lambda p: p[:2])
