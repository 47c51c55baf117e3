"""Which zone or area a reform came from, by the role the zone plays in its sentence: named after a verb of
borrowing or a source word (借鉴Z, 源于Z, Z提供的), opening a sentence that sends its practice nationwide or places it
in a batch (Z选送的…入选…; Z首创的…被国务院采纳), listed with such a zone, or only placed, compared, established or
copying (no origin). Split from graph/extract/origins.py, which finds the batches and puts the origins together; the
zones that open a sentence (the subject side) are read by graph/extract/_origin_subjects.py, the cue patterns around a
zone are in graph/extract/_origin_patterns.py, and what one clause around a zone says (a batch's list, copying,
adoption) is read by graph/extract/_origin_clauses.py.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any, Protocol

from ftzgraph.graph.extract._batch_filters import (
    _CLAUSE_MARKS,
    _REPLICABLE_RE,
    _award_only,
    _batch_kind_re,
    _denied_before,
    _list_start,
    _listed_before,
    _names_provincial_batch,
    _negated_copy,
    _plans,
    _words_re,
    lexicon,
)
from ftzgraph.graph.extract._origin_clauses import (
    _adopts,
    _batch_member,
    _in_title,
    _inspired_by,
    _national_diffusion_re,
    _own_province_start,
    _owned_case_adopts_batch,
    _replicates,
    _source_noun_re,
    _tried_then_landed,
)
from ftzgraph.graph.extract._origin_copying import (
    _bound_verb_re,
    _corrects_denied,
    _enumerated_after_copy,
    _fetched_from,
    _list_head,
    _moved_here,
    _names_practice,
    _object_taken,
    _taking_target,
    _zone_verbs,
)
from ftzgraph.graph.extract._origin_partners import OWN_LIST_RE, partner, qualified_areas, role_after_re
from ftzgraph.graph.extract._origin_patterns import (
    _bare_area_re,
    _by_stem_re,
    _cause_re,
    _city_stem,
    _copies_it_next,
    _derived_re,
    _listed_after,
    _practice_pair,
    _province_re,
    _province_report_re,
    _province_trial_re,
    _stem_list_re,
    _study_then_launch_re,
    _takes_its_next,
    referred_places,
    stem_places,
)
from ftzgraph.graph.extract._origin_verdicts import on_page_record
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.model import Origin, Place


class _Sentence(Protocol):
    """A sentence of a case's joined text: where it starts and what it says (origins._Sentence)."""

    @property
    def start(self) -> int: ...

    @property
    def text(self) -> str: ...


_EXPERIENCE_RE = re.compile(r"[^“”《》]{0,10}?(?:试点经验|试点措施|改革经验)")
"""Z…试点经验 in a clause of a sentence that goes on to copy it (用好上海自贸试验区制度型开放试点经验, … 复制推广)."""


_ESTABLISHED_RE = re.compile(r"\s*(?:率先|首先|最早|正式)?\s*(?:挂牌|成立|设立|获批|批准设立)")
"""A zone being established (上海自贸试验区率先挂牌成立), which says nothing about a reform's origin."""


def _stated_zones(
    sentences: Sequence[_Sentence],
    gazetteer: Gazetteer,
    own: set[str],
    evidence: Any,
    provider_area: str | None = None,
    in_batch: set[int] | None = None,
    document: str = "",
) -> list[Origin]:
    """Zones or areas named in an origin phrase (借鉴Z, 向Z学习, Z提供的, 是Z形成的, 为Z的创新成果), in full or by an
    area's stem (``stem_places``; ``document`` is the whole document's text, where a city's area may be named).
    ``in_batch`` holds the evidence starts of sentences that name a national batch."""
    in_batch = in_batch or set()
    lex = lexicon()
    before, after = _zone_verbs()
    found: list[Origin] = []
    earlier: list[Place] = []  # the places named so far, that 该片区 or 对方 may refer back to
    for sentence in sentences:
        text = sentence.text
        if _award_only(text):
            continue  # 来自上海、浙江…的…入选“…十大新闻”: a newspaper's award list, nothing copied
        full = gazetteer.find_places(text)
        places = qualified_areas(referred_places(text, stem_places(text, full, gazetteer, document, own), earlier))
        earlier.extend(p for _, _, p in places)
        first_here = len(found)
        stated_at: set[tuple[int, int]] = set()
        national = evidence(sentence).start in in_batch
        negated = _negated_copy(text)  # 由Z推出，尚未在全国复制推广: a creation said not to have spread
        for start, end, place in places:
            if (place.zone in own and (place.area is None or place.area == provider_area)) or _in_title(text, start):
                continue  # a zone inside a 《title》 names the notice, not the case's origin
            lead = _list_start(text[:start], gazetteer)  # 由重庆、四川自贸试验区共同探索: 由 governs the whole list
            lead = _own_province_start(text, lead, place.zone, gazetteer)  # 照着重庆两江片区的…: 照着 governs both
            head = text[max(0, lead - 8) : lead]
            if place.zone in own and re.search(r"(?:是|为)\s*$", head):  # 为洛阳片区企业…: a beneficiary
                continue
            if _denied_before(text[:lead]):
                continue  # 本溪市尚未借鉴Z的做法; 否认该做法源于Z; 不是从Z学来的: named as no origin
            if partner(text, lead, end, places) and not _copies_it_next(text[end:]):  # 与Z开展对标，复制其“X”做法
                continue  # 并与Z的同类做法进行了对比; 与Z的“X”一同入选: compared or listed beside, nothing taken
            if head.endswith("为") and "提供" in re.split(f"[{_CLAUSE_MARKS}]", text[end:], maxsplit=1)[0]:
                continue  # Z1的做法为Z2封关运作提供了参考: Z2 is the one helped, not an origin
            if (
                _ESTABLISHED_RE.match(text, end)
                or _plans(text[:start])
                or (not head.endswith(("向", "从")) and _adopts(text[end : end + 20]))  # 武汉片区在复制推广…: adopts
                or (text[:lead].rstrip()[-1:] in f"{_CLAUSE_MARKS}。" and _owned_case_adopts_batch(text[end:]))
            ):
                continue  # 上海自贸试验区率先挂牌; 既需…借鉴学习Z的经验: an establishment or a plan, no origin
            tail = text[end : end + 14]
            clause_tail = re.split(f"[{_CLAUSE_MARKS}]", text[end : end + 30], maxsplit=1)[0]
            # 学的是Z: the bound verb, not the copula 是 it ends with
            verb = _bound_verb_re().search(head) or re.search(
                rf"(?P<verb>{before})\s*(?:[了过]|的是|[：:]|—+)?\s*$", head
            )
            if (
                verb
                and verb["verb"] in lex["comparison_verbs"]
                and not _names_practice(clause_tail)
                and not _copies_it_next(text[end:])  # 对标Z，复制其“X”模式: the next clause copies Z's practice
            ):
                verb = None  # 对标Z，…提出目标: Z is a yardstick; 对标Z“X”改革 borrows Z's practice
            if verb and verb["verb"] in lex["comparison_verbs"] and OWN_LIST_RE.match(clause_tail):
                verb = None  # 对照Z第十批制度创新案例清单，逐项推动: the zone's own list held up as a yardstick
            gap = any(w in text[end:] for w in lex["comparison_gaps"])
            if verb and verb["verb"] in lex["comparison_verbs"] and gap:
                verb = None  # 对照Z的做法，我市尚有较大差距: Z measures a gap, nothing was taken from it
            if verb and verb["verb"] in lex["source_verbs"] and _cause_re().match(clause_tail):
                verb = None  # X的设立源于Z…的使命: a cause of the creation, nothing came from Z
            if verb and verb["verb"] in lex["copula_before"] and head.endswith(tuple(lex["copula_compounds"])):
                verb = None  # 成为Z…政策…的首个案例: 成为 (become), not 为 (be) attributing a practice to Z
            if verb and verb["verb"] in lex["copula_before"] and role_after_re().match(text, end):
                verb = None  # 阜阳市是安徽自贸试验区联动创新区: a place's role, 创新 there names no practice
            if (
                verb
                and verb["verb"] in lex["copula_before"]
                and not any(w in clause_tail for w in lex["copula_practice_words"])
                # 原创地为Z, 这项改革的“老师”，是Z: the noun names Z
                and not head[: verb.start()].rstrip(' ”」"，,').endswith(tuple(lex["origin_nouns"]))
                and not _taking_target(text[: lead - len(head) + verb.start()])  # “抄作业”的对象，是Z
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
                        rf"\s*(?:（[^）]*）)?\s*的?(?:可复制[、和]?可推广的?)?(?:“[^”]{{1,30}}”|(?<=的)[^，,；;。“”《》]{{1,10}}?)?"
                        rf"\s*的?(?:{after})",
                        text[end : end + 44],
                    )
                    # 平潭片区的做法与…相结合: Z's own practice, nothing copied; 两地拷贝了Z的…做法: Z's practice taken
                    and (_replicates(text) or _object_taken(text[: _list_head(text, places, lead)]))
                    and not gap  # 对照Z的做法，我市尚有较大差距: Z measures a gap
                    and not _derived_re().match(text, end)  # Z1的做法借鉴自Z2: Z1 is the adopter
                )
                or _inspired_by(text[end:], after)  # Z推行的“X”做法给我们很大启发
                or _takes_its_next(text[end:])  # 与Z结对后，复制了其“X”机制: Z's own practice copied next
                or (head.endswith("向") and any(w in tail for w in lex["zone_after_to_learn"]))
                or (head.endswith(tuple(lex["visit_heads"])) and _study_then_launch_re().match(text, end) is not None)
                or (
                    head.endswith(tuple(lex["zone_far_heads"])) and any(w in clause_tail for w in lex["zone_after_far"])
                )
                or (head.endswith("在") and any(w in clause_tail for w in lex["zone_basis_words"]))  # 在Z的基础上
                or (head.endswith("由") and any(w in clause_tail for w in lex["zone_by_verbs"]) and not negated)
                or (
                    head.endswith("由")
                    and any(w in clause_tail for w in lex["zone_by_submit_verbs"])
                    and any(v in text for v in lex["batch_member_verbs"])
                )
                or (  # …最佳实践案例第二批里就有，由Z报送: Z sent the item (本案例由Z报送，源于…: it reported a copy)
                    head.endswith("由")
                    and national
                    and any(w in clause_tail for w in lex["zone_by_submit_verbs"] + lex["zone_by_report_verbs"])
                    and (  # …由Z报送，…入选第六批…: the item Z sent is the one placed in the batch
                        _batch_kind_re().search(text, 0, start) is not None
                        or any(v in text[end:] for v in lex["batch_member_verbs"])
                    )
                )
                or _fetched_from(head, clause_tail)  # 是从Z“学”来的, 跟Z学的, 去Z取的经
                or (  # 原型在Z, 【经验来源】Z (a page's 来源地区：Z　发布日期：… names the post's publisher)
                    _source_noun_re().search(text[max(0, lead - 16) : lead]) is not None
                    and not on_page_record(text, start)
                )
                or (head.endswith(("把", "将")) and _names_practice(clause_tail) and _moved_here(clause_tail))
                or _enumerated_after_copy(text[:lead])  # 借了两家的经验：一是Z1的“X”，二是Z2的“Y”
                or _corrects_denied(text[:lead], gazetteer)  # 学的不是Z1，而是Z2
                or (
                    head.endswith("在")
                    and any(w in clause_tail for w in lex["zone_trial_after"])
                    and (
                        any(v in _REPLICABLE_RE.sub("", text) for v in ("复制", "推广", "借鉴", "引进"))
                        or national
                        or _tried_then_landed(clause_tail, text[end:])
                    )
                    # 借鉴Z1…经验，在Z2推开试点: Z2 is where the copy is tried (a relative 在Z试点的经验 still counts)
                    and not (
                        stated_at
                        and not re.match(
                            rf"[^，,；;。]*?(?:{_words_re('zone_trial_after')})[^，,；;。]{{0,4}}?的", clause_tail
                        )
                    )
                )
                or (_EXPERIENCE_RE.match(clause_tail) and "复制推广" in text[end:])
                or (national and _batch_member(head, clause_tail, after, lex))
            ):
                found.append(Origin("zone", evidence(sentence), zone=place.zone, area=place.area))
                stated_at.add((start, end))
                for zone_id in _listed_before(text[:start], gazetteer):  # 借鉴上海、广东自贸试验区经验
                    if zone_id not in own:
                        found.append(Origin("zone", evidence(sentence), zone=zone_id))
        # Zones coordinated with a stated one (复制推广宁波片区和舟山片区的改革经验) are stated too.
        here = found[first_here:]
        stated_spans = [
            (s, e)
            for s, e, p in places
            if any(o.area == p.area and o.zone == p.zone for o in here)
            and ((s, e) in stated_at or not any((s2, e2) in stated_at for s2, e2, p2 in places if p2 == p))
        ]  # 考察了Z1和Z2，…取自前者: Z1 is stated where 前者 stands, not where it is listed with Z2
        coordinated = [  # …Z1农业科技服务经验和Z2内陆港建设经验: each with its practice
            (a, b)
            for a, b in itertools.pairwise(places)
            if _LIST_RE.match(text[a[1] : b[0]]) or _practice_pair(text, a[1], b[:2])
        ]
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
            if _plans(text[: match.start("stem")]):
                continue  # 不仅要复制Z经验: a plan
            if _denied_before(text[: match.start("stem")]):
                continue  # 并非来源于Z片区: denied
            if stem.zone not in own and not any(s <= match.start("stem") < e for s, e, _ in full):
                found.append(Origin("zone", evidence(sentence), zone=stem.zone, area=stem.area))
        # A province alone (借鉴上海“…”) counts only right after a learning verb.
        for match in _province_re(gazetteer, before).finditer(text):
            zone_id = gazetteer.province_forms[match["province"]]
            if _plans(text[: match.start("province")]):
                continue  # 自贸园区建设不仅要复制上海经验: what should be copied, no origin
            if _denied_before(text[: match.start("province")]):
                continue  # 没有照搬上海的做法: denied
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
                and not _plans(text[: match.start()])
            ):
                found.append(Origin("zone", evidence(sentence), zone=zone_id))
        if _national_diffusion_re().search(text):
            for match in _province_report_re(gazetteer).finditer(text):
                zone_id = gazetteer.province_forms[match["province"]]
                if zone_id not in own:
                    found.append(Origin("zone", evidence(sentence), zone=zone_id))
    return found


_LIST_RE = re.compile(r"^(?:(?:自贸试验区|自由贸易试验区|自贸区)?\s*(?:、|和|及|与|以及)\s*)?$")
"""What stands between two listed places: a coordinator, or nothing between abbreviations (川渝两地自贸试验区)."""


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
