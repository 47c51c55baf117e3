"""Which zone or area a reform came from, by the role the zone plays in its sentence: named after a verb of
borrowing or a source word (借鉴Z, 源于Z, Z提供的), opening a sentence that sends its practice nationwide or places it
in a batch (Z选送的…入选…; Z首创的…被国务院采纳), listed with such a zone, or only placed, compared, established or
copying (no origin). Split from graph/extract/origins.py, which finds the batches and puts the origins together.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol

from ftzgraph.graph.extract._batch_filters import (
    _CLAUSE_MARKS,
    _REPLICABLE_RE,
    _award_only,
    _diffused,
    _list_start,
    _listed_before,
    _listed_re,
    _names_provincial_batch,
    _negated_copy,
    _negated_copy_re,
    lexicon,
)
from ftzgraph.graph.extract._origin_patterns import (
    _area_list_re,
    _bare_area_re,
    _by_stem_re,
    _cause_re,
    _city_stem,
    _copies_it_next,
    _derived_re,
    _listed_after,
    _province_list_re,
    _province_re,
    _province_report_re,
    _province_shares_re,
    _province_trial_re,
    _stem_list_re,
    _study_then_launch_re,
)
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.model import Origin, Place
from ftzgraph.graph.text import NUMERAL_CLASS, word_alternation


class _Sentence(Protocol):
    """A sentence of a case's joined text: where it starts and what it says (origins._Sentence)."""

    @property
    def start(self) -> int: ...

    @property
    def text(self) -> str: ...


_EXPERIENCE_RE = re.compile(r"[^“”《》]{0,10}?(?:试点经验|试点措施|改革经验)")
"""Z…试点经验 in a clause of a sentence that goes on to copy it (用好上海自贸试验区制度型开放试点经验, … 复制推广)."""


def _batch_member(head: str, clause_tail: str, after: str, lex: dict[str, Any]) -> bool:
    """True when a zone is named inside a national batch (…最佳实践案例中Z…经验) and its clause goes on to the practice,
    quoted or not: the batch list is where the zone's practice was published, so the zone is the origin. A zone
    after such a list word with no practice in its clause (案例中，Z…) is left to the other rules."""
    if not any(head.rstrip().endswith(w) for w in lex["batch_member_heads"]):
        return False
    practice = rf"[^“”《》]{{0,30}}?(?:“[^”]{{1,30}}”)?[^“”《》]{{0,8}}?(?:{after})"
    quoted = (
        r"[^“”《》]{0,12}?的?[“「][^”」]{1,30}[”」][^“”《》，,]{0,6}$"  # …其中包括Z的“X”。: the practice is its name
    )
    return re.match(practice, clause_tail) is not None or re.match(quoted, clause_tail) is not None


def _replicates(text: str) -> bool:
    """True when the text speaks of copying at all (可复制可推广, replicable, does not count): a zone that
    opens a sentence is an origin only in a text about copying reforms."""
    plain = _negated_copy_re().sub("", _REPLICABLE_RE.sub("", text))  # 尚未在…推广: no copying either
    return any(verb in plain for verb in lexicon()["copy_verbs"])


_ESTABLISHED_RE = re.compile(r"\s*(?:率先|首先|最早|正式)?\s*(?:挂牌|成立|设立|获批|批准设立)")
"""A zone being established (上海自贸试验区率先挂牌成立), which says nothing about a reform's origin."""


@cache
def _zone_verbs() -> tuple[str, str]:
    """The verbs before and after a zone in an origin phrase, as regex alternations (fixed: made once)."""
    lex = lexicon()
    before = word_alternation(lex["zone_before"])
    after = "|".join(map(re.escape, lex["zone_after"]))  # 学习 after Z only with 向 (向Z学习), not 赴Z学习考察
    return before, after


def _stated_zones(
    sentences: Sequence[_Sentence],
    gazetteer: Gazetteer,
    own: set[str],
    evidence: Any,
    provider_area: str | None = None,
    in_batch: set[int] | None = None,
) -> list[Origin]:
    """Zones or areas named in an origin phrase (借鉴Z, 向Z学习, Z提供的, 是Z形成的, 为Z的创新成果). ``in_batch``
    holds the evidence starts of sentences that name a national batch."""
    in_batch = in_batch or set()
    lex = lexicon()
    before, after = _zone_verbs()
    found: list[Origin] = []
    for sentence in sentences:
        text = sentence.text
        if _award_only(text):
            continue  # 来自上海、浙江…的…入选“…十大新闻”: a newspaper's award list, nothing copied
        places = gazetteer.find_places(text)
        first_here = len(found)
        national = evidence(sentence).start in in_batch
        negated = _negated_copy(text)  # 由Z推出，尚未在全国复制推广: a creation said not to have spread
        for start, end, place in places:
            if (place.zone in own and (place.area is None or place.area == provider_area)) or _in_title(text, start):
                continue  # a zone inside a 《title》 names the notice, not the case's origin
            lead = _list_start(text[:start], gazetteer)  # 由重庆、四川自贸试验区共同探索: 由 governs the whole list
            head = text[max(0, lead - 8) : lead]
            if place.zone in own and re.search(r"(?:是|为)\s*$", head):  # 为洛阳片区企业…: a beneficiary
                continue
            if head.endswith("为") and "提供" in re.split(f"[{_CLAUSE_MARKS}]", text[end:], maxsplit=1)[0]:
                continue  # Z1的做法为Z2封关运作提供了参考: Z2 is the one helped, not an origin
            if (
                _ESTABLISHED_RE.match(text, end)
                or any(w in text[:start] for w in lex["plan_words"])
                or (not head.endswith(("向", "从")) and _adopts(text[end : end + 20]))  # 武汉片区在复制推广…: adopts
            ):
                continue  # 上海自贸试验区率先挂牌; 既需…借鉴学习Z的经验: an establishment or a plan, no origin
            tail = text[end : end + 14]
            clause_tail = re.split(f"[{_CLAUSE_MARKS}]", text[end : end + 30], maxsplit=1)[0]
            verb = re.search(rf"(?P<verb>{before})\s*[了过]?\s*$", head)
            if (
                verb
                and verb["verb"] in lex["comparison_verbs"]
                and not _names_practice(clause_tail)
                and not _copies_it_next(text[end:])  # 对标Z，复制其“X”模式: the next clause copies Z's practice
            ):
                verb = None  # 对标Z，…提出目标: Z is a yardstick; 对标Z“X”改革 borrows Z's practice
            if verb and verb["verb"] in lex["source_verbs"] and _cause_re().match(clause_tail):
                verb = None  # X的设立源于Z…的使命: a cause of the creation, nothing came from Z
            if verb and verb["verb"] in lex["copula_before"] and head.endswith(tuple(lex["copula_compounds"])):
                verb = None  # 成为Z…政策…的首个案例: 成为 (become), not 为 (be) attributing a practice to Z
            if (
                verb
                and verb["verb"] in lex["copula_before"]
                and not any(w in clause_tail for w in lex["copula_practice_words"])
                and not head[: verb.start()].rstrip().endswith(tuple(lex["origin_nouns"]))  # 原创地为Z: Z is named
            ):
                verb = None  # 作为Z面积最大的片区: 是/为 only places Z (为Z的创新成果 still counts)
            if (
                verb
                and verb["verb"] in lex["source_verbs"]
                and not national
                and _names_provincial_batch(text, gazetteer)
            ):
                continue  # 江苏省第三批…清单中，有8项来自南京片区: a province's own list, no national origin
            if (
                verb
                or (
                    re.match(
                        rf"\s*(?:（[^）]*）)?\s*的?(?:可复制[、和]?可推广的?)?(?:“[^”]{{1,30}}”)?\s*的?(?:{after})",
                        text[end : end + 44],
                    )
                    and _replicates(text)  # 平潭片区的做法与…相结合: Z's own practice, nothing copied
                    and not _derived_re().match(text, end)  # Z1的做法借鉴自Z2: Z1 is the adopter
                )
                or (head.endswith("向") and any(w in tail for w in lex["zone_after_to_learn"]))
                or (head.endswith(tuple(lex["visit_heads"])) and _study_then_launch_re().match(text, end) is not None)
                or (head.endswith("以") and any(w in clause_tail for w in lex["zone_after_far"]))
                or (head.endswith("由") and any(w in clause_tail for w in lex["zone_by_verbs"]) and not negated)
                or (
                    head.endswith("由")
                    and any(w in clause_tail for w in lex["zone_by_submit_verbs"])
                    and any(v in text for v in lex["batch_member_verbs"])
                )
                or (head.endswith("从") and any(w in clause_tail for w in lex["zone_from_verbs"]))
                or (
                    head.endswith("在")
                    and any(w in clause_tail for w in lex["zone_trial_after"])
                    and (any(v in _REPLICABLE_RE.sub("", text) for v in ("复制", "推广", "借鉴", "引进")) or national)
                )
                or (_EXPERIENCE_RE.match(clause_tail) and "复制推广" in text[end:])
                or (national and _batch_member(head, clause_tail, after, lex))
            ):
                found.append(Origin("zone", evidence(sentence), zone=place.zone, area=place.area))
                for zone_id in _listed_before(text[:start], gazetteer):  # 借鉴上海、广东自贸试验区经验
                    if zone_id not in own:
                        found.append(Origin("zone", evidence(sentence), zone=zone_id))
        # Zones coordinated with a stated one (复制推广宁波片区和舟山片区的改革经验) are stated too.
        here = found[first_here:]
        stated_spans = [(s, e) for s, e, p in places if any(o.area == p.area and o.zone == p.zone for o in here)]
        coordinated = [pair for pair in itertools.pairwise(places) if _LIST_RE.match(text[pair[0][1] : pair[1][0]])]
        for _ in range(2):  # along a list both ways (借鉴京津冀自贸试验区…: 京 is stated, then 津, then 冀)
            for (s1, e1, p1), (s2, e2, p2) in coordinated:  # 对标Z1，Z2提出…: a comma ends a clause, it lists nothing
                for (start, end), place, other in (((s1, e1), p2, (s2, e2)), ((s2, e2), p1, (s1, e1))):
                    fresh = (start, end) in stated_spans and other not in stated_spans
                    if fresh and place.zone not in own and not _in_title(text, start):
                        found.append(Origin("zone", evidence(sentence), zone=place.zone, area=place.area))
                        stated_spans.append(other)
        # An area written by its stem after 由, with a verb of creation in its clause and the result spread nationally
        # (17项由前海率先落地并向全国复制推广): as 由Z率先… with the area's full name.
        for match in _by_stem_re(gazetteer).finditer(text):
            clause_tail = re.split(f"[{_CLAUSE_MARKS}]", text[match.end() :], maxsplit=1)[0]
            by_place = gazetteer.area_stems[match["stem"]]
            if (
                by_place.zone not in own
                and not _city_stem(match["stem"])
                and any(w in clause_tail for w in lex["zone_by_verbs"])
                and any(w in text[match.end() :] for w in lex["national_diffusion"])
                and not negated
            ):
                found.append(Origin("zone", evidence(sentence), zone=by_place.zone, area=by_place.area))
        # Area names listed by their stems before 片区 (参照了郑州、开封、洛阳三个片区的做法), after a learning verb.
        for match in _stem_list_re(gazetteer, before).finditer(text):
            for stem in re.split("[、和及与]", match["stems"]):
                area_place = gazetteer.area_stems.get(stem)
                if area_place is not None and area_place.zone not in own:
                    found.append(Origin("zone", evidence(sentence), zone=area_place.zone, area=area_place.area))
        # A bare area name (借鉴深圳前海的…做法), after a learning verb and perhaps its city, is stated too.
        for match in _bare_area_re(gazetteer, before).finditer(text):
            stem = gazetteer.area_stems[match["stem"]]
            if any(w in text[: match.start("stem")] for w in lex["plan_words"]):
                continue  # 不仅要复制Z经验: a plan
            if stem.zone not in own and not any(s <= match.start("stem") < e for s, e, _ in places):
                found.append(Origin("zone", evidence(sentence), zone=stem.zone, area=stem.area))
        # A province alone (借鉴上海“…”) counts only right after a learning verb.
        for match in _province_re(gazetteer, before).finditer(text):
            zone_id = gazetteer.province_forms[match["province"]]
            if any(w in text[: match.start("province")] for w in lex["plan_words"]):
                continue  # 自贸园区建设不仅要复制上海经验: what should be copied, no origin
            copula = text[match.start() : match.start("province")].rstrip("了过") in lex["copula_before"]
            clause = re.split(f"[{_CLAUSE_MARKS}]", text[match.end("province") :], maxsplit=1)[0]
            if copula and not any(w in clause for w in lex["copula_practice_words"]):
                continue  # 特别是上海、天津…四省市出台了立法: 是 only names places, nothing comes from them
            learning_verb = text[match.start() : match.start("province")].rstrip("了过")
            if learning_verb in lex["comparison_verbs"] and not _names_practice(clause):
                continue  # 对标上海、天津自贸试验区，…提出目标: yardsticks, as for a zone named in full
            if zone_id not in own and not any(s <= match.start("province") < e for s, e, _ in places):
                found.append(Origin("zone", evidence(sentence), zone=zone_id))
            for listed in _listed_after(text, match.end("province"), gazetteer):  # 借鉴了天津、上海两地…
                if listed not in own:
                    found.append(Origin("zone", evidence(sentence), zone=listed))
        # A province alone after 在, tried or run there, then copied elsewhere (先在某省试点运行，后复制到其他省份), in
        # a sentence about free trade zones: the practice went from that province's zone.
        for match in _province_trial_re(gazetteer).finditer(text) if "自贸" in text else ():
            zone_id = gazetteer.province_forms[match["province"]]
            rest = text[match.end("province") :]
            clause = re.split(f"[{_CLAUSE_MARKS}]", rest, maxsplit=1)[0]
            if (
                zone_id not in own
                and any(w in clause for w in lex["zone_trial_after"])
                and any(w in rest for w in lex["directional_copy"])
                and not any(w in text[: match.start()] for w in lex["plan_words"])
            ):
                found.append(Origin("zone", evidence(sentence), zone=zone_id))
        if any(w in text for w in lex["national_diffusion"]):
            for match in _province_report_re(gazetteer).finditer(text):
                zone_id = gazetteer.province_forms[match["province"]]
                if zone_id not in own:
                    found.append(Origin("zone", evidence(sentence), zone=zone_id))
    return found


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
            if place.zone in own:
                continue
            tail = re.sub(r"^\s*[（(][^）)]*[）)]", "", sentence.text[end:])
            national = (
                batch_stated or any(w in tail for w in diffusion) or bool(_COPIED_BY_RE.search(tail)) or _diffused(tail)
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
            if _adopts(tail):  # 昆明片区积极复制推广第六批…: the zone copies, it is the adopter
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


_COPIED_BY_RE = re.compile(r"^[^。；]{0,30}?被[^。；，]{0,24}?(?:复制|借鉴|学习|引进|推广|采纳)")
"""Z的“X”模式，已被Z2、Z3复制借鉴: the zone opening the sentence is copied from, so it is the origin."""
_AMONG_RE = re.compile(rf"[{_CLAUSE_MARKS}]\s*其中\s*$")
"""…在全国复制推广，其中Z贡献了21项; 第三批…最佳实践案例共有12个，其中Z3个: a zone opening the 其中 clause of a
diffusion or batch statement shares in it."""

_ADOPTING_RE = re.compile(
    r"^\s*(?:积极|认真|全面|主动|深入|持续|大力|率先|已|已经|先后|陆续|还|也|又|共|累计|通过"
    r"|在(?:全国|全省|全市|全区|省内|市内|区内)(?:范围内)?|在)*\s*"
)


def _adopts(tail: str) -> bool:
    """True when the words right after a zone (past a few adverbs) are a verb of copying or carrying out
    (复制推广, 借鉴, 落实 …): the zone is the adopter of what follows, not its origin."""
    rest = _ADOPTING_RE.sub("", tail, count=1)
    return rest.startswith(tuple(lexicon()["adopting_verbs"]))


_OPENING_ADVERBIAL_RE = re.compile(r"^\s*[^，,；;。]{1,10}[，,]\s*$")
"""A short phrase closed by a comma before the zones that open a sentence (去年，/ 2023年，/ 近日，)."""
_COORDINATOR_RE = re.compile(r"^(?:自贸试验区|自由贸易试验区|自贸区)?\s*(?:、|和|及|与|以及|，)\s*$")


_LIST_RE = re.compile(r"^(?:(?:自贸试验区|自由贸易试验区|自贸区)?\s*(?:、|和|及|与|以及)\s*)?$")
"""What stands between two listed places: a coordinator, or nothing between abbreviations (川渝两地自贸试验区)."""


def _names_practice(clause_tail: str) -> bool:
    """True when the words after a zone, in its clause, name a practice of it (“X”, 做法, 经验, 改革 …)."""
    return any(w in clause_tail for w in lexicon()["practice_words"])


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


def _refine(stated: list[Origin], subjects: list[Origin]) -> list[Origin]:
    """A stated zone becomes its area when the case describes that area's practice (向广西自贸试验区学习 …
    中国(广西)自由贸易试验区崇左片区…)."""
    refined = []
    for origin in stated:
        if origin.area is None:
            areas = {(s.zone, s.area) for s in subjects if s.zone == origin.zone and s.area}
            if len(areas) == 1:
                zone, area = next(iter(areas))
                origin = Origin("zone", origin.evidence, zone=zone, area=area)
        refined.append(origin)
    return refined


def _in_title(text: str, position: int) -> bool:
    """True when ``position`` is inside a 《document title》: a title names a notice, not the case's origin."""
    return text.rfind("《", 0, position) > text.rfind("》", 0, position)
