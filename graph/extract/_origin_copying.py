"""The copying relation by its structure: what makes a place named in a sentence the one a practice was taken
from, whatever the verb's word. A practice of the place is the object of the clause's verb (拷贝了Z的…做法), it is
fetched from the place (从Z“偷师”来的, 跟Z学的, 去Z取的经) or moved from it (把Z的做法用在了…), a bound
one-character verb takes the place (学的是Z的招数), the place opens an item of a list that a clause of copying
announces (借了两家的经验：一是Z1…), or it corrects a place the clause before denied (学的不是Z1，而是Z2). Split from
graph/extract/_origin_zones.py, which decides among the roles a zone plays; words come from
``data/lexicon/origins.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from ftzgraph.graph.extract._batch_filters import (
    _CLAUSE_MARKS,
    _REPLICABLE_RE,
    _denied_before,
    _plans,
    lexicon,
)
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.text import word_alternation

_QUOTES_RE = re.compile(r"[“”「」\"]")
"""Quote marks, which a writer may put round a single word for emphasis (是从Z“学”来的)."""


@cache
def _zone_verbs() -> tuple[str, str]:
    """The verbs before and after a zone in an origin phrase, as regex alternations (fixed: made once)."""
    lex = lexicon()
    before = word_alternation(lex["zone_before"])
    after = "|".join(map(re.escape, lex["zone_after"]))  # 学习 after Z only with 向 (向Z学习), not 赴Z学习考察
    return before, after


@cache
def _bound_taking_re() -> re.Pattern[str]:
    """A one-character verb of taking bound to its ending (学的是, 借了, 搬来了): alone such a verb is part of other
    words (大学, 借助), bound it takes what follows as 借鉴 does."""
    lex = lexicon()
    verbs, endings = word_alternation(lex["zone_before_bound"]), word_alternation(lex["zone_before_bound_endings"])
    return re.compile(rf"(?P<verb>{verbs})\s*(?:{endings})")


@cache
def _bound_verb_re() -> re.Pattern[str]:
    """A bound verb of taking right before a zone (学的是Z, 借了Z), or one after 是 (是学Z的: the cleft says where it
    was learnt): the zone is stated like 借鉴Z."""
    verbs = word_alternation(lexicon()["zone_before_bound"])
    return re.compile(rf"(?:{_bound_taking_re().pattern}|(?<=是)(?P<cleft>{verbs}))\s*$")


def _fetched_from(head: str, clause_tail: str) -> bool:
    """True when the zone after ``head`` is where its clause fetches something from (从Z引进, 从Z搬来, 跟Z学的, 去Z取的
    经): 从 takes the formal verbs too, the other heads only the colloquial ones of fetching (到Z考察 is a visit)."""
    lex = lexicon()
    heads = [h for h in lex["zone_from_heads"] if head.endswith(h)]
    if not heads:
        return False
    verbs = lex["zone_fetch_verbs"] + (lex["zone_from_verbs"] if "从" in heads else [])
    plain = _QUOTES_RE.sub("", clause_tail)
    if any(w in plain for w in verbs):
        return True
    # 是从Z“偷师”来的, 从Z那里学过来的: any short verb brought 来 from Z, not a party or goods (从Z来的企业)
    if "从" not in heads:
        return False
    came = re.match(r"(?:那里|那儿|那边)?[\u4e00-\u9fff]{1,4}?(?:而来|过来|来)(?P<rest>.*)", plain)
    return came is not None and not any(w in came["rest"][:6] for w in lex["source_party_nouns"])


@cache
def _moved_re() -> re.Pattern[str]:
    """A practice noun, then a verb with a complement of direction (做法用在了…, 模式搬到…, 经验放进…): the practice is
    moved from where it was to where the sentence's subject is."""
    nouns = word_alternation([w for w in lexicon()["practice_words"] if re.fullmatch(r"[\u4e00-\u9fff]+", w)])
    # …的“X”整套搬进了…: the practice's quoted name stands for it
    return re.compile(rf"(?:{nouns}|[”」\"])[\u4e00-\u9fff]{{1,4}}?了?(?:在|到|进|至|过来|回)")


def _moved_here(clause_tail: str) -> bool:
    """True when the clause after 把/将 and a zone moves the zone's practice (把Z的“X”模式引进到本地, 将Z的做法用在
    了…): a verb of the lexicon's ``zone_moved_verbs`` or ``zone_fetch_verbs``, or any verb of direction after it."""
    lex = lexicon()
    return any(w in clause_tail for w in lex["zone_moved_verbs"] + lex["zone_fetch_verbs"]) or bool(
        _moved_re().search(clause_tail)
    )


@cache
def _relation_re() -> re.Pattern[str]:
    """Words of a relation other than taking (与, 比, 合作, 相比, 考察 …) in the clause before a zone."""
    lex = lexicon()
    return re.compile(word_alternation(lex["contrast_words"] + lex["comparison_gaps"] + lex["not_taking_words"]))


def _list_head(text: str, places: Sequence[tuple[int, int, Any]], position: int) -> int:
    """Where the list of places ending at ``position`` starts (拷贝了Z1和Z2的做法: at Z1 for Z2), so that the words
    before the whole list are what relates each of its places."""
    moved = True
    while moved:
        moved = False
        for start, end, _ in places:
            if end <= position and start < position and _COORDINATOR_GAP_RE.match(text[end:position]):
                position, moved = start, True
                break
    return position


_COORDINATOR_GAP_RE = re.compile(r"^\s*(?:、|和|及|与|以及)\s*$")


_QUOTED_NAME_RE = re.compile(r"[“「\"][^”」\"]{1,40}[”」\"]")


def _object_taken(head: str) -> bool:
    """True when the zone after ``head`` (a zone whose practice follows it) is the object of its clause's verb: the
    clause names something before it (an adopter, a verb), its last character is no preposition (与Z, 比Z, 在Z, 为Z)
    and it holds no word of comparison, cooperation or a visit (两地这次拷贝了Z的…做法: taken; 与Z共建…: not)."""
    clause = head[max(head.rfind(ch) for ch in _CLAUSE_MARKS + "。") + 1 :].strip()
    clause = _QUOTED_NAME_RE.sub("“”", clause)  # 「四港联动」模式沿袭了Z的做法: a name's words relate nothing
    if len(clause) < 2 or clause[-1] in lexicon()["object_prepositions"]:
        return False
    return _relation_re().search(clause) is None and not _plans(clause)


def _taking_target(before_copula: str) -> bool:
    """True when the words before a copula end with a noun of what was taken after (对象, 榜样) and their clause holds
    a verb of taking (这次“抄作业”的对象，是Z; 学习的榜样是Z): the copula names the source; 合作对象是Z a partner."""
    phrase = before_copula.rstrip(' ”」"，,')
    lex = lexicon()
    if not phrase.endswith(tuple(lex["target_nouns"])):
        return False
    clause = phrase[max(phrase.rfind(ch) for ch in "。；;") + 1 :]
    if _relation_re().search(clause) or any(w in clause for w in lex["comparison_verbs"]) or _plans(clause):
        return False
    verbs = lex["real_copy_verbs"] + lex["zone_fetch_verbs"] + lex["copied_by_verbs"] + lex["zone_before_bound"]
    return any(v in _QUOTES_RE.sub("", clause) for v in verbs)


_CORRECTION_RE = re.compile(r"[，,]\s*(?:而是|而系|却是|而)\s*$")


def _corrects_denied(head: str, gazetteer: Gazetteer) -> bool:
    """True when the place after ``head`` corrects one the clause before denied as a source (黔东南州学的不是Z1，而是
    Z2; 并非来源于Z1，而是Z2): what the denied clause says was taken, was taken from this place."""
    match = _CORRECTION_RE.search(head)
    if match is None:
        return False
    before = head[: match.start()]
    clause = before[max(before.rfind(ch) for ch in _CLAUSE_MARKS + "。") + 1 :]
    verbs, _ = _zone_verbs()
    for start, _end, _place in gazetteer.find_places(clause):
        lead = clause[:start]
        taking = re.search(rf"(?:{verbs})", lead) or _bound_taking_re().search(lead)
        if _denied_before(lead) and (taking or any(w in lead for w in lexicon()["origin_nouns"])):
            return True
    return False


_ORDINAL = (
    r"(?:[一二三四五六七八九十]是|其[一二三四五]是?|一方面|另一方面|[一二三四五]个是|首先是|其次是|再次是|最后是"
    r"|[（(]?[0-9一二三四五六七八九十]{1,2}[)）．.、])"
)
_ENUMERATION_RE = re.compile(rf"[：:]\s*{_ORDINAL}?\s*$|[：:][^：:。]*[，,；;]\s*{_ORDINAL}\s*$")
"""A place right after a colon, or opening a later item of the list after it (：一是Z1的“X”，二是Z2的“Y”)."""


def _enumerated_after_copy(head: str) -> bool:
    """True when a place opens an item of a list (一是Z的“X”，二是…) that a clause of copying announces before a colon
    (湘潭市同时借了两家的经验：…): each listed place is what was copied from."""
    match = _ENUMERATION_RE.search(head)
    if match is None:
        return False
    lead = head[: match.start()]
    copying = _REPLICABLE_RE.sub("", lead[max(lead.rfind(ch) for ch in "。；;") + 1 :])
    lex = lexicon()
    taking = any(v in copying for v in lex["real_copy_verbs"] + lex["zone_fetch_verbs"])
    return (
        (taking or _bound_taking_re().search(copying) is not None)
        and _names_practice(copying)
        and not _denied_before(copying)
        and not _plans(copying)
    )


def _names_practice(clause_tail: str) -> bool:
    """True when the words after a zone, in its clause, name a practice of it (“X”, 做法, 经验, 改革 …)."""
    return any(w in clause_tail for w in lexicon()["practice_words"])
