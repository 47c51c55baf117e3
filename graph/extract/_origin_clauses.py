"""What the words around a zone say about the practice it is named with: the zone sits in a national batch's list,
the text speaks of copying at all, the practice inspired its adopter, went out to the whole country, was tried at the
zone and landed elsewhere, or the zone adopts a practice (its own case copying a batch); and whether the zone stands
inside a document's title. Split from ``_origin_zones.py`` by noun: each of these reads one clause;
``_origin_zones.py`` weighs them into the role the zone plays in its sentence.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ftzgraph.graph.extract._batch_filters import (
    _REPLICABLE_RE,
    _negated_copy_re,
    _plans,
    _words_re,
    lexicon,
)
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.text import NUMERAL_CLASS, word_alternation


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
    lex = lexicon()  # 搬来, 学了去: colloquial verbs of copying are copying too
    return any(verb in plain for verb in lex["copy_verbs"] + lex["zone_fetch_verbs"] + lex["copied_by_verbs"])


def _inspired_by(rest: str, after: str) -> bool:
    """True when the words after a zone are its practice, perhaps made or carried out by it (推行的“X”做法), and then
    words saying it inspired the adopter (给我们很大启发), with no plan after them: the practice was taken from Z."""
    lex = lexicon()
    if not any(w in rest for w in lex["inspiration_words"]):
        return False
    making = word_alternation(lex["zone_by_verbs"] + lex["zone_making_verbs"])
    practice = re.match(rf"\s*(?:{making})?的?(?:“[^”]{{1,30}}”)?\s*的?(?:{after})", rest[:44])
    return (
        practice is not None
        and any(w in rest[practice.end() : practice.end() + 20] for w in lex["inspiration_words"])
        and not _plans(rest)
    )


@cache
def _national_diffusion_re() -> re.Pattern[str]:
    """Words saying a practice went out to the whole country (在全国复制推广, 推广至全国)."""
    return re.compile(word_alternation(lexicon()["national_diffusion"]))


_ADOPTING_RE = re.compile(
    r"^\s*(?:积极|认真|全面|主动|深入|持续|大力|率先|已|已经|先后|陆续|还|也|又|共|累计|通过"
    r"|在(?:全国|全省|全市|全区|省内|市内|区内)(?:范围内)?|在)*\s*"
)


@cache
def _source_noun_re() -> re.Pattern[str]:
    """A noun naming where a practice came from, then 在 or 于, right before a zone (原型在Z; the copula 是/为 after
    such a noun is read with the other copulas); or a field label of origin, then the field's mark, a copula or the
    words a sentence quotes a field with (【经验来源】Z, 复制来源：Z, 借鉴对象系Z, 来源一栏填的是“Z”)."""
    lex = lexicon()
    nouns, labels = word_alternation(lex["origin_nouns"]), word_alternation(lex["origin_labels"])
    return re.compile(
        rf"(?:(?:{nouns})[”」\"]?\s*(?:在|于)"
        rf"|(?:{labels})[”」\"]?\s*(?:[填写]的是|填写的是|填写为|填为|写着|填|为|是|系|：|:|】|］|｜|\||—+)\s*[“\"「]?)\s*$"
    )


def _own_province_start(text: str, position: int, zone: str | None, gazetteer: Gazetteer) -> int:
    """Where an area's own province, written right before it as a short form (重庆两江片区, 福建厦门片区), starts:
    the words before the province are what relates the area; ``position`` when no such province stands there."""
    match = _province_tail_re(gazetteer).search(text, 0, position)
    if match is None or gazetteer.province_forms.get(match["province"]) != zone:
        return position
    return match.start()


@cache
def _province_tail_re(gazetteer: Gazetteer) -> re.Pattern[str]:
    return re.compile(rf"(?P<province>{gazetteer.province_alternation})(?:省|市|自治区)?$")


def _adopts(tail: str) -> bool:
    """True when the words right after a zone (past a few adverbs) are a verb of copying or carrying out
    (复制推广, 借鉴, 落实 …): the zone is the adopter of what follows, not its origin."""
    rest = _ADOPTING_RE.sub("", tail, count=1)
    return rest.startswith(tuple(lexicon()["adopting_verbs"]))


def _owned_case_adopts_batch(tail: str) -> bool:
    """True when what follows the zone is its own case, compilation or summary, and a later clause of the sentence
    says that reform copies or derives from a national batch (Z今年总结的“X”案例，复制推广了国务院第六批…; Z“X”复制推广
    的是…第3批…; Z案例选编中，“X”一案源于…第七批…): the zone adopts the batch, as in the plain form (Z复制推广第六批…).
    Not when a word of membership or the passive stands before the verb (Z的X被…复制推广; Z的X入选…): there the
    batch lists the zone's practice."""
    match = _owned_adoption_re().match(tail)
    return match is not None and not any(w in match["gap"] for w in (*lexicon()["batch_member_verbs"], "被"))


@cache
def _owned_adoption_re() -> re.Pattern[str]:
    """Up to a few clauses of the zone's own words, an active verb of copying or deriving, and an issuer's 第N批."""
    lex = lexicon()
    verbs = sorted(
        {*lex["adopting_verbs"], *lex["derived_from_verbs"], *lex["batch_taking_verbs"]}, key=len, reverse=True
    )
    issuers = sorted({w for ws in lex["batch_issuers"].values() for w in ws}, key=len, reverse=True)
    return re.compile(
        rf"(?P<gap>[^。；;]{{0,40}}?)(?:{'|'.join(map(re.escape, verbs))})(?:了|的是|的|自|于)?\s*"
        rf"(?:{'|'.join(map(re.escape, issuers))})[^。；;，,]{{0,4}}?第[{NUMERAL_CLASS}]+批"
    )


def _in_title(text: str, position: int) -> bool:
    """True when ``position`` is inside a 《document title》: a title names a notice, not the case's origin."""
    return text.rfind("《", 0, position) > text.rfind("》", 0, position)


def _tried_then_landed(clause_tail: str, rest: str) -> bool:
    """True when the zone's clause is a relative one naming a practice tried there (在Z试点成功的“X”制度) and a
    later clause lands it elsewhere (…，近日在漯河全面落地): the practice came from Z."""
    relative = re.match(rf"[^，,；;。]*?(?:{_words_re('zone_trial_after')})[^，,；;。]{{0,4}}?的", clause_tail)
    if relative is None:
        return False
    later = rest[len(clause_tail) :]
    return any(w in later for w in lexicon()["landing_verbs"])
