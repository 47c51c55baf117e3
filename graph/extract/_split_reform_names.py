"""The name of the reform a stretch of prose tells, when no heading names it: a quoted name with the words that
belong to it (项目“分阶段施工许可”), never a batch's name, or the object of a verb of launching. Split from
``_split_whole.py`` by noun: this module reads a reform's name in a sentence; ``_split_whole.py`` cuts the
cases of a text with no case headings, and titles them with it. It also holds the genre's fallback words both read.
"""

from __future__ import annotations

import re
from functools import cache

from ftzgraph.graph.extract._split_media import borrowed_at
from ftzgraph.graph.extract._split_units import place_or_stem
from ftzgraph.graph.extract._split_words import fallback_words
from ftzgraph.graph.text import word_alternation

_QUOTED_NAME_RE = re.compile(r"“[^“”。，,\n]{2,20}”")


_BATCH_NAME_RE = re.compile(r"最佳实践|试点经验|典型案例|创新成果")
"""A quoted batch's name (第三批“最佳实践案例”): the origin, never a reform's name."""


_NAME_PREFIX_MAX = 12
"""The words a name carries before its quote are few (数据出境“白名单”): a longer run is a clause, not a name."""


_CLAUSE_MARKS = "，,、；;：:（(。\n—"


@cache
def _name_edges() -> tuple[tuple[str, ...], tuple[str, ...], re.Pattern[str]]:
    """The reform verbs (推行, 开展 …), the words that end a clause's lead before a quoted name (those verbs, 的, a
    mark: 开展|数据出境“白名单”) and the head nouns a name carries after it (“一船多供”监管模式), as
    ``data/lexicon/layouts.yaml`` lists them."""
    lexicon = fallback_words()
    heads = word_alternation(lexicon["title_heads"])
    verbs = tuple(lexicon["title_verbs"])
    return verbs, verbs + tuple(lexicon["title_function_words"]) + tuple(_CLAUSE_MARKS), re.compile(rf"^(?:{heads})")


def _reform_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the reform a paragraph of prose tells (推出“企业开办一日结”改革, 开展数据出境“白名单”管理): its
    first quoted name with the words joined to it before (after the clause's last verb, 的 or mark), its head noun
    after and a name coordinated with it (进口货物“船边直提”和出口货物“抵港直装”); a generic head (改革, 机制) is no
    part of the name, and a nickname others give it (被企业称为“A”的做法) yields to a later quoted name. With no
    quoted name, the object of the first reform verb (``_verb_object``)."""
    quotes = list(_QUOTED_NAME_RE.finditer(text, start, end))
    if not quotes:
        return _verb_object(text, start, end)
    nickname = re.compile(f"(?:{'|'.join(fallback_words()['nickname_leads'])})$")
    own = [q for q in quotes if not borrowed_at(text, q.start(), q.end()) and not _BATCH_NAME_RE.search(q.group())]
    quotes = own or quotes  # 借鉴X片区“A”经验, 第三批“最佳实践案例”: what was borrowed, not the case's own reform
    quote = next((q for q in quotes if not nickname.search(text, max(start, q.start() - 10), q.start())), quotes[0])
    _, stops, after = _name_edges()
    lead = text[max(start, quote.start() - _NAME_PREFIX_MAX - 4) : quote.start()]
    cut = max((lead.rfind(stop) + len(stop) for stop in stops if stop in lead), default=-1)
    prefix = len(lead) - cut if cut >= 0 and len(lead) - cut <= _NAME_PREFIX_MAX else 0
    name_end = quote.end() + (((head := after.match(text[quote.end() : end])) and head.end()) or 0)
    also = re.match(rf"[和与及、][\u4e00-\u9fff]{{0,{_NAME_PREFIX_MAX}}}“[^“”。，,\n]{{2,20}}”", text[name_end:end])
    if also:  # X“A”和Y“B”: two names of one reform
        name_end += also.end() + (((head := after.match(text[name_end + also.end() : end])) and head.end()) or 0)
    return quote.start() - prefix, name_end


_PLACE_PREFIX_MAX = 8
"""A place opening a reform's name (玉门市新能源项目“A”) is a short name: the case's place, no word of the name."""


def reform_phrase(text: str) -> str | None:
    """The reform the sentences ``text`` tell under a heading that is a label (政务服务提质增效。X区推行的“A”…):
    its first quoted name with the words joined to it and its head noun (``_reform_name``), without the place that
    opens it (敦煌市文旅市场“A”机制 -> 文旅市场“A”); None when no quoted name stands there."""
    if not _QUOTED_NAME_RE.search(text):
        return None
    span = _reform_name(text, 0, len(text))
    if span is None:
        return None
    name = text[span[0] : span[1]]
    place = next((k for k in range(min(len(name) - 1, _PLACE_PREFIX_MAX), 1, -1) if place_or_stem(name[:k])), 0)
    return name[place:] if len(name) - place >= 4 else name


_OBJECT_CHARS = (4, 30)
"""A verb's object that names a reform is a noun phrase of a few words, not a clause."""


_SOURCE_OBJECT_RE = re.compile(r"的(?:成功|先进|典型|改革|创新)?(?:经验|做法)(?:做法)?$")
"""An object that names where a practice came from (借鉴X片区的做法, 学习Y自贸试验区的经验): the source, never the
reform's name."""


def _verb_object(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The object of the reform verb nearest the end of the first clause of ``text[start:end]`` that has one with a
    noun phrase after it (…会同银行开展铁路运单物权化融资试点， -> 铁路运单物权化融资试点), or None. A practice's source
    (借鉴X片区的做法) is no such object."""
    verbs, _, _ = _name_edges()
    clause_start = start
    while clause_start < end:
        stop = min((k for mark in _CLAUSE_MARKS if (k := text.find(mark, clause_start, end)) >= 0), default=end)
        found = sorted(
            ((at, verb) for verb in verbs for at in _occurrences(text, verb, clause_start, stop)), reverse=True
        )
        for at, verb in found:
            if _OBJECT_CHARS[0] <= stop - (at + len(verb)) <= _OBJECT_CHARS[1] and not _SOURCE_OBJECT_RE.search(
                text, at + len(verb), stop
            ):
                return at + len(verb), stop
        clause_start = stop + 1
    return None


def _occurrences(text: str, word: str, start: int, end: int) -> list[int]:
    found, at = [], text.find(word, start, end)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1, end)
    return found
