"""Zones or areas that open a sentence, or one of its clauses, and act in it (Z选送的“X”入选第四批…;
南沙、前海、横琴三个片区的…入选; 其中Z1、Z2…各有…), or that a sentence stating a national batch names in no other
role: the subject side of the origin rules. Split from graph/extract/_origin_zones.py, which keeps the zones an origin
phrase states (借鉴Z, 源于Z, Z提供的) and the helpers both sides share. Words come from ``data/lexicon/origins.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from ftzgraph.graph.extract._batch_filters import (
    _CLAUSE_MARKS,
    _award_only,
    _denied_before,
    _diffused,
    _listed_before,
    _listed_re,
    _names_provincial_batch,
    _negated_copy,
    _words_re,
    lexicon,
)
from ftzgraph.graph.extract._origin_clauses import _adopts, _in_title, _owned_case_adopts_batch
from ftzgraph.graph.extract._origin_partners import partner
from ftzgraph.graph.extract._origin_patterns import (
    _area_list_re,
    _city_stem,
    _province_list_re,
    _province_shares_re,
)
from ftzgraph.graph.extract._origin_verdicts import on_page_record
from ftzgraph.graph.extract._origin_zones import _ESTABLISHED_RE, _Sentence
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.model import Origin, Place
from ftzgraph.graph.text import NUMERAL_CLASS


def _subject_zones(
    sentences: Sequence[_Sentence], gazetteer: Gazetteer, own: set[str], evidence: Any, in_batch: set[int] | None = None
) -> list[Origin]:
    """Zones or areas that open a sentence and act in it (``中国(湖北)自由贸易试验区襄阳片区…先行先试``). A
    zone that opens a sentence placing a reform in a national batch (Z选送的“X”获评第四批最佳实践案例) is
    its origin; so is every zone coordinated with it (Z1和Z2的3项成果入选…). ``in_batch`` holds the
    evidence starts of those sentences."""
    in_batch = in_batch or set()
    verbs = lexicon()["subject_verbs"]
    found: list[Origin] = []
    for sentence in sentences:
        text = sentence.text.lstrip(" #\t")
        lead = len(sentence.text) - len(text)
        if _award_only(text):
            continue
        diffusion = lexicon()["national_diffusion"]
        key = next((text[:n] for n in (4, 3, 2) if text[:n] in gazetteer.area_stems), "")
        stem = gazetteer.area_stems.get(key) if key not in lexicon()["not_area_stems"] else None
        if (
            stem is not None
            and stem.zone not in own
            and not _city_stem(key)  # 郑州 is a city before it is an area; 南沙, 曹妃甸 (districts) are areas
            and text[len(key) : len(key) + 1] not in "市省县区片"
            and any(w in text for w in diffusion)
        ):
            found.append(Origin("zone", evidence(sentence), zone=stem.zone, area=stem.area))
        batch_stated = evidence(sentence).start in in_batch
        named = "自贸" in text or "自由贸易" in text or "片区" in text  # what either list ends in
        national_text = named and (batch_stated or any(w in text for w in diffusion))
        for share in _province_shares_re(gazetteer).finditer(text) if evidence(sentence).start in in_batch else ():
            if share.start() == 0 or text[share.start() - 1] in _CLAUSE_MARKS:  # …第二批…共有10个，天津、福建各占2个
                for province in re.split("[、和及与]", share["provinces"]):
                    if gazetteer.province_forms[province] not in own:
                        found.append(Origin("zone", evidence(sentence), zone=gazetteer.province_forms[province]))
        for listing in (
            _opening_lists(text, gazetteer) if national_text else []
        ):  # 上海、广东…四个自贸试验区共有19项…入选
            if _adopts(text[listing.end() :][:20]):
                continue
            if listing.re is _province_list_re(gazetteer):
                for province in re.split("[、和及与]", listing["provinces"] or listing["single"]):
                    zone_id = gazetteer.province_forms[province]
                    if zone_id not in own:
                        found.append(Origin("zone", evidence(sentence), zone=zone_id))
                continue
            for written in re.split("[、和及与]", listing["stems"]):  # 南沙、前海、横琴三个片区的5个案例入选…
                stem_place = next(  # 广州南沙、深圳前海两个片区: the stem after its city
                    (
                        gazetteer.area_stems[written[i:]]
                        for i in range(len(written))
                        if written[i:] in gazetteer.area_stems
                    ),
                    None,
                )
                if stem_place is not None and stem_place.zone not in own:
                    found.append(Origin("zone", evidence(sentence), zone=stem_place.zone, area=stem_place.area))
        places = gazetteer.find_places(sentence.text)
        for start, end, place in places:
            if place.zone in own or _denied_before(sentence.text[:start]):
                continue  # …，并不是沈阳片区的原创: named as no origin
            if partner(sentence.text, start, end, places):
                continue  # 与Z的“X”一同入选…: listed beside the case's practice, not its origin
            if on_page_record(sentence.text, start):
                continue  # 来源地区：Z　　发布日期：…: the post's publisher, opening no clause of the case
            tail = re.sub(r"^\s*[（(][^）)]*[）)]", "", sentence.text[end:])
            national = (
                batch_stated
                or (any(w in tail for w in diffusion) and not _negated_copy(tail))  # 还未向全国推广: not spread
                or bool(_copied_by_re().search(tail))
                or _diffused(tail)
            )
            head = re.sub("(?:自贸试验区|自贸区|自由贸易试验区)$", "", sentence.text[:start].rstrip())
            opens_clause = head.rstrip()[-1:] in _CLAUSE_MARKS
            if _AMONG_RE.search(head) and (batch_stated or any(w in sentence.text[:start] for w in diffusion)):
                opens_clause = national = True  # …在全国复制推广，其中南沙片区贡献了21项
            if opens_clause and any(w in sentence.text[:start] for w in diffusion) and not _negated_copy(head):
                national = True  # 经商务部推广，Z的“X”模式在…落地: the clause before spreads what Z opens
            if national and _coordinated_opening(sentence.text[lead:start], places, lead):
                opens_clause = True
            listed = _listed_before(sentence.text[lead:start], gazetteer) if national else []
            if listed and not _listed_re(gazetteer).sub("", sentence.text[lead:start]).strip(" 、和及与"):
                opens_clause = True  # 广东、福建自贸试验区分别有…入选: every listed province's zone opens it
            if _adopts(tail) or _carries_derived(tail) or _owned_case_adopts_batch(tail):  # Z积极复制推广第六批…
                continue
            if _OWN_BATCH_RE.match(tail):  # Z第二十批制度创新案例中…: the zone's own list, it acts in no copy
                continue
            if (start == lead or opens_clause) and _enters_provincial_batch(sentence.text, tail, gazetteer):
                found.append(Origin("zone", evidence(sentence), zone=place.zone, area=place.area))
                continue  # Z的“X”模式入选某省第二批…案例: Z's practice, in a province's own list (no national batch)
            topic = sentence.text[lead:start].strip(" \t\u3000") in lexicon()["topic_markers"]
            if (start == lead and (national or any(tail.lstrip().startswith(v) or v in tail[:12] for v in verbs))) or (
                (opens_clause or topic)
                and national  # 在苏州自贸片区，…13项在全国复制推广: the topic opens the sentence
            ):
                found.append(Origin("zone", evidence(sentence), zone=place.zone, area=place.area))
                found.extend(Origin("zone", evidence(sentence), zone=z) for z in listed if z not in own)
            elif batch_stated and _placed_in_batch(sentence.text, start, end):
                found.append(Origin("zone", evidence(sentence), zone=place.zone, area=place.area))
    return found


def _carries_derived(tail: str) -> bool:
    """True when the zone before ``tail`` carries out a practice the sentence says came from elsewhere (Z推广的“X”
    做法，源自…第三批…; Z实施的X模式来源于…): the zone is its adopter."""
    return _carried_derived_re().match(tail) is not None


@cache
def _carried_derived_re() -> re.Pattern[str]:
    """A carrying verb, 的, and a word saying where the practice came from, in one clause."""
    lex = lexicon()
    carried = "|".join(map(re.escape, [*lex["landing_verbs"], "推行", "开展", "采用", "运用"]))
    derived = "|".join(map(re.escape, lex["derived_from_verbs"]))
    return re.compile(rf"\s*(?:{carried})的[^。；;]*?(?:{derived})")


_FIRST_RE = re.compile(r"(?:最早|率先|首先|最先|首次|起初|最初)\s*在\s*$")


def _placed_in_batch(text: str, start: int, end: int) -> bool:
    """True when a zone named in a sentence that states a national batch plays no other role in its clause (在…
    第六批…清单上，可以看到Z的名字; …最早在Z实施): the batch sentence names it as where a member came from. Not when
    its clause compares, cooperates, plans, establishes or reports, or the zone is where something was copied or landed
    (…已在Z落地), unless the clause says it was there first (最早在Z实施)."""
    lex = lexicon()
    clause_start = max(text.rfind(ch, 0, start) for ch in _CLAUSE_MARKS + "。") + 1
    rest = text[end:]
    clause_end = min((i for ch in _CLAUSE_MARKS + "。" if (i := rest.find(ch)) >= 0), default=len(rest))
    clause = text[clause_start : end + clause_end]
    if _in_title(text, start) or _ESTABLISHED_RE.match(text, end):
        return False
    if any(w in clause for w in lex["plan_words"] + lex["contrast_words"] + lex["report_verbs"]):
        return False  # 本案例由Z报送，源于…第六批…: Z reported a copy (由Z申报…入选 is read by _stated_zones)
    landed = any(w in rest[:clause_end] for w in lex["landing_verbs"])
    return not landed or _FIRST_RE.search(text[clause_start:start]) is not None


def _opening_lists(text: str, gazetteer: Gazetteer) -> list[re.Match[str]]:
    """Provinces listed before a generic FTZ word, or area stems before 片区, that open the sentence or one of its
    clauses (…第五批改革试点经验中，上海、广东自贸试验区贡献最多; 南沙、前海、横琴三个片区的5个案例入选…): the zones
    the clause is about."""
    starts = [0] + [m.end() for m in re.finditer(f"[{_CLAUSE_MARKS}]", text)]
    found = []
    for start in starts:
        at = start + len(text[start:]) - len(text[start:].lstrip(" \t\u3000"))
        lead = next((w for w in lexicon()["list_lead_words"] if text.startswith(w, at)), "")
        at += len(lead)  # …第N批…，其中Z1、Z2自贸试验区各有…入选; 由Z1、Z2两地自贸试验区共同探索的…: the clause's list
        listing = _province_list_re(gazetteer).match(text, at) or _area_list_re(gazetteer).match(text, at)
        if listing:
            found.append(listing)
    return found


def _enters_provincial_batch(text: str, tail: str, gazetteer: Gazetteer) -> bool:
    """True when the words after a zone that opens the sentence place its practice in a province's own batch or
    list (Z的“X”模式入选山东省第二批…最佳实践案例): the zone is the origin, the batch is no national one. A count
    before the verb (Z共有3个案例入选江苏省…第二批…) states a total in the province's list, no origin; so does a
    verb inside a relative clause (Z组织企业申报，入选某省第三批…案例的项目将获支持): the list describes other
    things, the zone only acts on them."""
    at = min((i for v in lexicon()["provincial_member_verbs"] if (i := tail.find(v)) >= 0), default=-1)
    if at < 0 or _COUNT_RE.search(tail[:at]):
        return False
    clause = re.split(r"[，,；;。]", tail[at:], maxsplit=1)[0]
    return "的" not in clause and _names_provincial_batch(text, gazetteer)


_OWN_BATCH_RE = re.compile(rf"^\s*(?:第\s*[{NUMERAL_CLASS}]+\s*批|首批|新一批)")
"""A batch number right after a zone (Z第二十批…案例): the zone's own series, no copying in it."""
_COUNT_RE = re.compile(rf"(?:[0-9]+|[{NUMERAL_CLASS}]+)\s*(?:个|项|条|批)")


@cache
def _copied_by_re() -> re.Pattern[str]:
    """Z的“X”模式，已被Z2、Z3复制借鉴 / …已被某地相继学了去: the zone opening the sentence is copied from, so it is the
    origin (verbs in the lexicon's ``copied_by_verbs``)."""
    return re.compile(rf"^[^。；]{{0,30}}?被[^。；，]{{0,24}}?(?:{_words_re('copied_by_verbs')})")


_AMONG_RE = re.compile(rf"[{_CLAUSE_MARKS}]\s*其中\s*$")
"""…在全国复制推广，其中Z贡献了21项; 第三批…最佳实践案例共有12个，其中Z3个: a zone opening the 其中 clause of a
diffusion or batch statement shares in it."""
_OPENING_ADVERBIAL_RE = re.compile(r"^\s*[^，,；;。]{1,10}[，,]\s*$")
"""A short phrase closed by a comma before the zones that open a sentence (去年，/ 2023年，/ 近日，)."""
_COORDINATOR_RE = re.compile(r"^(?:自贸试验区|自由贸易试验区|自贸区)?\s*(?:、|和|及|与|以及|，)\s*$")


def _coordinated_opening(head: str, places: list[tuple[int, int, Place]], lead: int) -> bool:
    """True when ``head`` (the sentence from its start to a place) is only other places joined by 、和及与:
    the place is one of several zones that open the sentence together."""
    if not head.strip():
        return False
    rest, position = head, lead
    for start, end, _ in places:
        if start < position:
            continue
        if start - lead >= len(head):
            break
        gap = head[position - lead : start - lead]
        if position > lead and not _COORDINATOR_RE.match(gap):
            return False
        if position == lead and gap.strip() and not _OPENING_ADVERBIAL_RE.match(gap):
            return False  # 去年，Z1和Z2…: a short time phrase before the list still leaves it opening the sentence
        position = end
        rest = head[end - lead :]
    return position > lead and bool(_COORDINATOR_RE.match(rest))


@cache
def _back_reference_re() -> re.Pattern[str]:
    """A sentence opening with a word referring back to a practice (该做法), after a lead clause of time if any."""
    return re.compile(rf"(?:[^，,。]{{0,12}}[，,])?\s*(?:{'|'.join(map(re.escape, lexicon()['back_references']))})")


def _own_creation_listed(
    sentences: Sequence[Any], gazetteer: Gazetteer, evidence: Any, in_batch: set[int]
) -> list[Origin]:
    """An area that opens a sentence saying it created a practice itself (Z依托…，自主探索“X”模式), when a later
    sentence refers back to that practice as entering a national batch (该做法入选商务部第5批…最佳实践案例): the
    batch took the area's own reform, so the area is where it came from, even as the case's own area."""
    lex = lexicon()
    found: list[Origin] = []
    refers = _back_reference_re()
    for k, sentence in enumerate(sentences):
        text = sentence.text.lstrip()
        if evidence(sentence).start not in in_batch or not refers.match(text):
            continue  # 2023年，该做法入选…: a lead clause of time may come first
        if not any(v in text for v in lex["batch_member_verbs"]):
            continue
        for earlier in reversed(sentences[max(0, k - 3) : k]):
            lead = earlier.text
            opening = [
                (end, place)
                for start, end, place in gazetteer.find_places(lead)
                if place.zone is not None and not lead[:start].strip(" \t\u3000\n")  # it opens the sentence
            ]
            if opening and any(w in lead[opening[0][0] :] for w in lex["own_creation_words"]):
                place = opening[0][1]
                found.append(Origin("zone", evidence(earlier), zone=place.zone, area=place.area))
                break
    return found
