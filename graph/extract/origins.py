"""Where a reform came from: national batch, originating FTZ or area, a ministry, or self-copied.

Every statement becomes an ``Origin`` with the sentence that makes it. Phrasings come from
``data/lexicon/origins.yaml``; zones, areas and items from the reference gazetteer. A zone that only
opens a sentence describing the practice counts when no phrase states an origin outright.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ftzgraph.graph.extract._batch_filters import (
    _CLAUSE_MARKS,
    _QUOTED_RE,
    _REPLICABLE_RE,
    _announced,
    _announcement_only,
    _cited_entry,
    _compared,
    _denied,
    _diffused,
    _listed_before,
    _negated_copy_re,
    _other_programme,
    _provincial,
    _title_only,
    _words_re,
    lexicon,
)
from ftzgraph.graph.extract._origin_cells import _issuer_batch_re, _issuer_kind, _other_series_after
from ftzgraph.graph.extract._origin_clauses import _in_title, _replicates
from ftzgraph.graph.extract._origin_subjects import _own_creation_listed, _subject_zones
from ftzgraph.graph.extract._origin_verdicts import own_claim, voided, voids_previous
from ftzgraph.graph.extract._origin_zones import _refine, _stated_zones
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.model import CaseText, Origin, Place
from ftzgraph.graph.text import NUMERAL_CLASS, joined_text, parse_chinese_number, word_alternation

_SENTENCE_END = "。！？；\n"
_SENTENCE_END_RE = re.compile(f"[{_SENTENCE_END}]")


@dataclass
class _Sentence:
    start: int  # offset in the joined text
    end: int
    text: str


def _sentences(joined: str) -> list[_Sentence]:
    sentences, start = [], 0
    for end in _SENTENCE_END_RE.finditer(joined):
        i, char = end.start(), end.group()
        if joined[start:i].strip():
            sentences.append(_Sentence(start, i + (char != "\n"), joined[start : i + (char != "\n")]))
        start = i + 1
    if joined[start:].strip():
        sentences.append(_Sentence(start, len(joined), joined[start:]))
    return sentences


@cache
def _batch_re() -> re.Pattern[str]:
    lex = lexicon()
    kinds = "|".join(re.escape(w) for words in lex["batch_kinds"].values() for w in words)
    window = int(lex["batch_window"])
    return re.compile(
        # 第五、六批: ordinals that share one 批 are each a batch
        rf"(?:第\s*(?P<n>[{NUMERAL_CLASS}]+(?:\s*[、和及与]\s*[{NUMERAL_CLASS}]+)*)\s*批|(?P<first>首)批)"
        # the gap holds no other batch (第三批制度创新成果和商务部第六批最佳实践案例: the series word is the second's)
        rf"(?P<gap>(?:(?!第\s*[{NUMERAL_CLASS}]+\s*批)[^。；，,\n]){{0,{window}}}?)(?P<kind>{kinds})"
    )


@cache
def _adoption_re() -> re.Pattern[str]:
    """The State Council's adoption of a zone's reform, any of the lexicon's phrases."""
    return re.compile(word_alternation(lexicon()["state_council_adoption"]))


@cache
def _batch_after_re() -> re.Pattern[str]:
    """A series word with its batch number after it, in brackets (最佳实践案例（第四批）) or ending the phrase
    (出自商务部推出的最佳实践案例第三批。; …试点经验第六批中的…)."""
    kinds = "|".join(re.escape(w) for words in lexicon()["batch_kinds"].values() for w in words)
    return re.compile(
        rf"(?P<kind>{kinds})[”\"]?\s*(?:(?:清单|名单|目录)?[（(]\s*第\s*(?P<n>[{NUMERAL_CLASS}]+)\s*批次?\s*[)）]"
        # 最佳实践案例里排第三批: the batch the list places it in, after 里/中 and a verb of ranking
        rf"|(?:(?:里|中)?(?:排在|排|列|位列|属于|属))?第\s*(?P<bare>[{NUMERAL_CLASS}]+)\s*批次?(?=[，,。；;、）)”]|中|里|的|$))"
    )


@cache
def _taking_words() -> tuple[str, ...]:
    """Verbs by which a sentence takes from what follows them: of copying, of membership, or before a zone (对照, 参考),
    not the copulas."""
    lex = lexicon()
    before = [w for w in lex["zone_before"] if w not in lex["copula_before"]]
    return tuple(lex["copy_verbs"] + lex["batch_member_verbs"] + before)


def _kind_of(word: str) -> str:
    for kind, words in lexicon()["batch_kinds"].items():
        if word in words:
            return str(kind)
    return "other"


def extract_origins(
    case: CaseText, gazetteer: Gazetteer, own_zones: set[str], provider_area: str | None = None
) -> list[Origin]:
    """All origin statements in ``case``. ``own_zones`` are the zone ids of the adopting province: a case
    mentions its own FTZ all the time, so they are no origin, except an area of it other than the
    provider's own that an origin phrase names outright (新乡市复制推广…中郑州片区“X”做法), which a city of
    the same province may copy."""
    joined, offsets = joined_text(case.text)
    lex = lexicon()
    origins: list[Origin] = []

    made: dict[int, Any] = {}

    def evidence(sentence: _Sentence) -> Any:
        """The sentence's evidence, made once per sentence (several rules ask for it)."""
        if sentence.start not in made:
            text = sentence.text
            lead = len(text) - len(text.lstrip(" #\t"))
            start, end = sentence.start + lead, sentence.end
            made[sentence.start] = case.evidence(offsets[start], offsets[end - 1] + 1)
        return made[sentence.start]

    batch_re = _batch_re()
    sentences = _sentences(joined)
    for sentence in sentences:
        if _title_only(sentence.text):
            continue  # 1．《国务院关于…第七批…的通知》 in a reading list: a document named, nothing followed
        for match in batch_re.finditer(sentence.text):
            if (
                _announced(sentence.text, match.start())
                or _provincial(sentence.text, match.start(), gazetteer)
                or _RANGE_RE.match(match["gap"])  # 第一批至第七批…共计280项: a range of batches is a total
                or _RANGE_END_RE.search(sentence.text, 0, match.start())  # …第1批至|第7批…: the range's end
                or _other_programme(sentence.text, match.end("kind"))
                or _announcement_only(sentence.text, match.start(), gazetteer)
                or _planned(sentence.text, match.start())
                or _denied(sentence.text, match.start())
                or _compared(sentence.text, match.start())
                or _cited_entry(sentence.text, match.start())  # [2]　国务院关于…第六批…的通知: a reference list's entry
            ):
                continue
            kind = _kind_of(match["kind"])
            item = _item_after(sentence.text, match.end())
            shared = re.split(r"\s*[、和及与]\s*", match["n"]) if match["n"] else []
            number = 1 if match["first"] else parse_chinese_number(shared[-1])  # 首批“最佳实践案例”: the first
            origins.append(Origin("national_batch", evidence(sentence), kind, number, item_title=item))
            before = [parse_chinese_number(n) for n in shared[:-1]]  # 第五、六批: 5 shares the 批 of 6
            for earlier in [*before, *_coordinated_batches(sentence.text, match.start())]:  # 第六批、第七批…: each
                origins.append(Origin("national_batch", evidence(sentence), kind, earlier, item_title=item))
        for match in _batch_after_re().finditer(sentence.text):  # 最佳实践案例（第四批）
            if (
                not _provincial(sentence.text, match.start(), gazetteer)
                and not _compared(sentence.text, match.start())
                and not _other_programme(sentence.text, match.start("kind") + len(match["kind"]))
                and (
                    any(v in sentence.text[: match.start()] for v in _taking_words())  # 对照的是…案例（第2批）
                    or _CONTAINS_RE.match(sentence.text, match.end()) is not None  # …案例第二批里就有
                )
            ):
                number = parse_chinese_number(match["n"] or match["bare"])
                origins.append(Origin("national_batch", evidence(sentence), _kind_of(match["kind"]), number))
        issued = list(_issuer_batch_re().finditer(sentence.text)) if "批" in sentence.text else []
        if issued and not any(o.evidence.start == evidence(sentence).start for o in origins):
            for match in issued:  # “国务院第7批”, 对照国务院第七批清单
                if not (
                    sentence.text[: match.start()].endswith("向")  # 向商务部申报全国第四批…: submitted to it
                    or _other_series_after(sentence.text, match.end())  # …第四批“创新实践案例”: another series
                    or _announced(sentence.text, match.start())
                    or _announcement_only(sentence.text, match.start(), gazetteer)
                    or _provincial(sentence.text, match.start(), gazetteer)
                    or _planned(sentence.text, match.start())
                    or _denied(sentence.text, match.start())
                    or _compared(sentence.text, match.start())
                    or _cited_entry(sentence.text, match.start())
                    or _RANGE_RE.match(sentence.text, match.end())
                    or _RANGE_END_RE.search(sentence.text, 0, match.start())
                ):
                    number = parse_chinese_number(match["n"])
                    origins.append(Origin("national_batch", evidence(sentence), _issuer_kind(match["issuer"]), number))
        if not any(o.evidence.start == evidence(sentence).start for o in origins) and any(
            not _TOTAL_BEFORE_ADOPTION_RE.search(sentence.text[: m.start()])
            for m in _adoption_re().finditer(sentence.text)
        ):
            origins.append(Origin("national_batch", evidence(sentence), "改革试点经验", None))
        if not any(o.evidence.start == evidence(sentence).start for o in origins):
            for kind, words in lex["batch_kinds"].items():
                for word in words:
                    if word not in sentence.text:  # most sentences name no series: no search to make
                        continue
                    pos = next(
                        (  # 江西省复制推广…新一批改革试点经验工作方案…,复制推广上海…新一批改革试点经验: any occurrence
                            m.start()
                            for m in re.finditer(re.escape(word), sentence.text)
                            if _unnumbered_batch_at(sentence.text, m.start(), word, gazetteer)
                        ),
                        -1,
                    )
                    if pos >= 0:  # _unnumbered_batch_at has made every check
                        item = _item_after(sentence.text, pos + len(word))
                        origins.append(Origin("national_batch", evidence(sentence), str(kind), None, item_title=item))
                        break  # one per series: a sentence may place items in both (…入选…试点经验，…列为…最佳实践案例)

    origins.extend(_promoted_in_titles(sentences, gazetteer, own_zones, evidence, origins))
    in_batch = {o.evidence.start for o in origins if o.kind == "national_batch"}
    stated = _stated_zones(sentences, gazetteer, own_zones, evidence, provider_area, in_batch, case.document.text)
    spread = _negated_copy_re().sub("", joined)  # 还未向全国推广: nothing went out
    subjects = (
        _subject_zones(sentences, gazetteer, own_zones, evidence, in_batch)
        if _replicates(joined) or in_batch or any(w in spread for w in lex["national_diffusion"]) or _diffused(joined)
        else []
    )
    if stated:
        origins.extend(_refine(stated, subjects))
    else:
        origins.extend(subjects or _own_creation_listed(sentences, gazetteer, evidence, in_batch))

    void = {s.start for s in sentences if voided(s.text)}  # 经核实并未实际开展，不予认定: only claimed
    for prior, sentence in itertools.pairwise(sentences):  # …一事。经核实，该事项并未实际开展
        if sentence.start in void and voids_previous(sentence.text, _names_batch_or_place(sentence.text, gazetteer)):
            void.add(prior.start)
    if void:
        voided_at = {evidence(s).start for s in sentences if s.start in void}
        origins = [o for o in origins if o.evidence.start not in voided_at]
    if any(own_claim(s.text) for s in sentences):  # 注：该项做法系郾城区自主探索: the case's zones were only compared
        origins = [o for o in origins if o.kind != "zone"]
    for sentence in sentences:
        if sentence.start in void:
            continue
        if any(w in sentence.text for w in lex["self_copy"]):
            origins.append(Origin("self", evidence(sentence)))
        elif any(a in sentence.text for a in lex["ministry_actions"]) and _names_ministry(
            _outside_titles(sentence.text), lex
        ):
            item = next(iter(_QUOTED_RE.findall(sentence.text)), None)
            origins.append(Origin("ministry", evidence(sentence), item_title=item))
    if not origins:
        for sentence in sentences:
            text = sentence.text
            if (
                any(v in text for v in ("复制推广", "借鉴", "参照"))
                and any(g in text for g in lex["generic_ftz"])
                and sentence.start not in void
            ):
                origins.append(Origin("generic", evidence(sentence)))
                break
    return _dedupe(origins)


_TOTAL_RE = re.compile(
    rf"(?<![新首批0-9{NUMERAL_CLASS}])(?:[0-9]+|[{NUMERAL_CLASS}]+|多)\s*(?:项|条|个|批)\s*(?:全国)?"
    r"(?:复制推广|推广)?的?"
    rf"(?:[^，,。；;0-9“”《》]{{0,14}}?(?:{_words_re('total_issued')})的)?\s*(?:改革|制度创新)?"
    r"(?:(?:改革)?试点经验[”\"]?(?:和|及|与|、)[“\"]?)?$"
)
"""A count right before a batch word (复制推广了114项改革试点经验; 推广的109项全国复制推广试点经验; 复制推广138项
国务院、商务部推出的改革试点经验): a statement of totals, no batch. A count right after 批 (列为新一批20个全国最佳实践
案例) is the size of a batch, not a total."""
_TOTAL_AFTER_RE = re.compile(
    rf"[”\"]?\s*(?:共|共计|累计|合计|总计|总数)?\s*(?:达到|达|为|有)?\s*(?:[0-9]+|[{NUMERAL_CLASS}]+)\s*(?:余|多)?\s*(?:项|条)"
)
"""A count right after a batch word (复制推广…改革试点经验260余项, …试点经验累计达到178项): a statement of totals, no
batch."""
_TOTAL_BEFORE_ADOPTION_RE = re.compile(
    rf"(?<![”\"」0-9{NUMERAL_CLASS}])(?:[0-9]+|[{NUMERAL_CLASS}]+|多)\s*(?:余|多)?\s*(?:项|条)[^，。；“”\"]{{0,10}}$"
)
"""A count right before the State Council's adoption, perhaps with what was counted (累计…有19项被国务院复制推广至全国;
有N项制度创新成果被国务院…; 其中多项被国务院采纳): a statement of totals, no batch. A count right after quoted names
(“A”“B”2项…获国务院批准…) counts the items named, not a total."""


@cache
def _promoted_title_re(gazetteer: Gazetteer) -> re.Pattern[str]:
    """A cited title in which the State Council promotes a zone's experience, perhaps inside a province's forwarding
    notice (《…转发国务院关于推广中国（上海）自由贸易试验区可复制改革试点经验的通知》)."""
    provinces = gazetteer.province_alternation
    return re.compile(
        rf"《[^《》]*?(?:{_words_re('promotion_title_heads')})(?:中国)?[（(]?(?P<province>{provinces})[）)]?"
        r"(?:自由贸易试验区|自贸试验区|自贸区)[^《》]{0,12}?改革试点经验"
    )


def _promoted_in_titles(
    sentences: list[_Sentence], gazetteer: Gazetteer, own: set[str], evidence: Any, origins: list[Origin]
) -> list[Origin]:
    """The State Council promoting a zone's experience, named in the title of a notice the sentence follows (根据
    《…国务院关于推广中国（上海）自由贸易试验区可复制改革试点经验的通知》要求，落实推广…): as in running text
    (国务院向全国推广Z的改革试点经验), an unnumbered 改革试点经验 batch and the zone."""
    found: list[Origin] = []
    follow = (*lexicon()["copy_verbs"], *lexicon()["title_follow_words"])
    for sentence in sentences:
        match = _promoted_title_re(gazetteer).search(sentence.text)
        if match is None or not any(w in sentence.text[: match.start()] for w in follow):
            continue  # a title only named, not followed
        here = evidence(sentence)
        if not any(o.evidence.start == here.start and o.kind == "national_batch" for o in origins):
            found.append(Origin("national_batch", here, "改革试点经验", None))
        zone_id = gazetteer.province_forms[match["province"]]
        if zone_id not in own:
            found.append(Origin("zone", here, zone=zone_id))
    return found


def _unnumbered_batch_at(text: str, pos: int, word: str, gazetteer: Gazetteer) -> bool:
    """True when the series word at ``pos`` is a national batch that the sentence does not number: not in a title,
    no total, not a zone's own or a province's batch, no other programme, not only announced, and governed by a
    verb of copying or membership in its own part of the sentence."""
    lex = lexicon()
    return (
        not _in_title(text, pos)
        and not _TOTAL_RE.search(text[:pos])
        and not _TOTAL_AFTER_RE.match(text, pos + len(word))
        and not _zones_own(text, pos, gazetteer)
        and not _provincial(text, pos, gazetteer)
        and not _other_programme(text, pos + len(word))
        and not _announcement_only(text, pos, gazetteer)
        and not _planned(text, pos)  # 下一步，…争取引进更多改革试点经验: what is hoped for, nothing copied yet
        and not _denied(text, pos)
        and not _compared(text, pos)
        and not _cited_entry(text, pos)
        and _NUMBERED_BEFORE_RE.search(text, 0, pos) is None  # 吉林省第四批…试点经验: numbered, judged as such
        and any(  # 报送一批可复制的改革试点经验: replicable, not copied
            v in _REPLICABLE_RE.sub("", text[_part_start(text, pos) : pos])
            for v in lex["copy_verbs"] + lex["batch_member_verbs"]
        )
    )


def _planned(text: str, position: int) -> bool:
    """True when the clause before the batch at ``position`` holds a plan word (某省拟于年内复制推广…第7批…), or its
    own clause says it is still to be issued (…第N批…将于近期印发): what will be, not what was copied."""
    clause = _QUOTED_RE.sub("", text[max(text.rfind(ch, 0, position) for ch in _CLAUSE_MARKS) + 1 : position])
    if any(w in clause for w in lexicon()["plan_words"]):  # a quoted name's words do not count (“…争取”)
        return True
    after = re.split(f"[{_CLAUSE_MARKS}]", _QUOTED_RE.sub("", text[position:]), maxsplit=1)[0]
    lex = lexicon()  # …第六批改革试点经验将于近期印发: a batch still to be issued
    return any(w in after for w in lex["plan_words"]) and any(v in after for v in lex["provincial_issue_verbs"])


def _part_start(text: str, position: int) -> int:
    """Where the semicolon-delimited part holding ``position`` starts: a verb of copying in an earlier part (…贯彻落实…
    部署；…梳理自由贸易试验区的改革创新试点经验) does not govern a series word of a later one."""
    return max(text.rfind("；", 0, position), text.rfind(";", 0, position)) + 1


def _zones_own(text: str, position: int, gazetteer: Gazetteer) -> bool:
    """True when a zone or area is named in the clause right before an unnumbered series word
    (参照Z“X”试点经验): the experience is that zone's own, not a national batch."""
    start = max(text.rfind(ch, 0, position) for ch in _CLAUSE_MARKS) + 1
    members = lexicon()["batch_member_verbs"]  # Z选送的案例入选…最佳实践案例: membership, a national series
    before = [(s, e, p) for s, e, p in gazetteer.find_places(text) if start <= s and e <= position]
    several = len({p.zone for _, _, p in before}) >= 2 or bool(
        before and _listed_before(text[: before[-1][0]], gazetteer)
    )
    if several and "批" in text[before[-1][1] : position]:
        return False  # 复制推广上海、广东、天津、福建自由贸易试验区新一批改革试点经验: a batch drawn from several zones
    return any(not any(v in text[e:position] for v in members) for _, e, _ in before)


_COORDINATED_RE = re.compile(rf"第\s*(?P<n>[{NUMERAL_CLASS}]+)\s*批?\s*(?:、|和|及|与|以及)\s*$")


def _coordinated_batches(text: str, position: int) -> list[int]:
    """The batch numbers coordinated right before the batch at ``position`` (国务院第六批、第七批改革试点经验: 6 before
    7), which share its series word; a range (第一批至第七批) is none."""
    numbers: list[int] = []
    while (before := _COORDINATED_RE.search(text, 0, position)) is not None:
        if (number := parse_chinese_number(before["n"])) is None:
            break
        numbers.append(number)
        position = before.start()
    return numbers


_NUMBERED_BEFORE_RE = re.compile(
    rf"第\s*[0-9{NUMERAL_CLASS}]+\s*批[^，,；;。：:]{{0,{int(lexicon()['batch_window'])}}}$"
)
"""A 第N批 right before a series word in its clause: the batch is numbered, and the numbered rule has judged it."""

_CONTAINS_RE = re.compile(r"\s*(?:里|中|之中)[^，,。；]{0,3}?(?:有|包括|包含|收录|列有)")
"""A batch said to hold the item right after it (…最佳实践案例第二批里就有): membership, as 入选 before it."""
_RANGE_RE = re.compile(r"\s*(?:至|到|—|－|-|~|～)\s*第")
_RANGE_END_RE = re.compile(rf"第\s*[{NUMERAL_CLASS}]+\s*批?\s*(?:至|到|—|－|-|~|～)\s*$")
"""The start of a range right before a batch (第1批至|第7批, 第一至|第七批): the batch is the range's end."""


def _item_after(text: str, position: int) -> str | None:
    """The item a batch phrase names: the quoted title after it (…经验“X”; …提供的“X”案例), or the words
    up to 任务要求 after a domain (…中，贸易便利化领域X任务要求)."""
    rest = text[position:]
    quoted = _QUOTED_RE.search(rest[:80])
    if quoted and quoted.start() <= 30 and not rest[: quoted.start()].count("，") > 1:
        return quoted.group(1).strip()
    domain = re.search(
        r"领域(?P<item>[^，。；“”]{4,40}?)(?:" + "|".join(map(re.escape, lexicon()["item_end"])) + ")", rest
    )
    if domain:
        return domain["item"].strip()
    before = _QUOTED_RE.findall(text[:position])
    if before and re.search(r"源自|来源于|来自", text[position - 40 : position] if position >= 40 else text[:position]):
        return str(before[-1]).strip()
    return None


@cache
def _batch_words() -> tuple[str, ...]:
    return tuple(w for words in lexicon()["batch_kinds"].values() for w in words)


def _names_batch_or_place(text: str, gazetteer: Gazetteer) -> bool:
    """True when ``text`` names a national series, a numbered batch or a zone or area."""
    numbered = re.search(rf"第\s*[{NUMERAL_CLASS}]+\s*批", text) is not None
    return numbered or any(w in text for w in _batch_words()) or bool(gazetteer.find_places(text))


def _names_ministry(text: str, lex: dict[str, Any]) -> bool:
    return any(name in text for name in lex["ministries"])


def _outside_titles(text: str) -> str:
    return re.sub(r"《[^》]*》", "", text)


def _dedupe(origins: list[Origin]) -> list[Origin]:
    """One origin per (kind, batch, zone); an unnumbered batch claim yields to a numbered one of the same kind,
    and a zone claim yields to an area claim in the same zone."""
    seen: set[tuple[Any, ...]] = set()
    kept: list[Origin] = []
    numbered = {o.batch_kind for o in origins if o.kind == "national_batch" and o.batch_number is not None}
    areas = {o.zone for o in origins if o.kind == "zone" and o.area}
    for origin in origins:
        if origin.kind == "national_batch" and origin.batch_number is None and origin.batch_kind in numbered:
            continue
        if origin.kind == "zone" and origin.area is None and origin.zone in areas:
            continue
        key = (origin.kind, origin.batch_kind, origin.batch_number, origin.zone, origin.area)
        if key in seen:
            continue
        seen.add(key)
        kept.append(origin)
    return kept


def origin_places(origins: list[Origin]) -> list[Place]:
    """The distinct originating zones/areas of a list of origins, in order."""
    places: list[Place] = []
    for origin in origins:
        if origin.zone and Place(origin.zone, origin.area) not in places:
            places.append(Place(origin.zone, origin.area))
    return places
