"""Origins a document states once for all its cases: a document that is itself a national batch, or a reprint of
one.

A page headed 自由贸易试验区第五批“最佳实践案例”（摘编）, its cases each closed by （提供单位：X片区）, says of
every case that it belongs to that batch and was first tried where it was provided: the genre writes the origin
once, in its title, and the provider line per case. A provincial collection (云南自贸试验区第三批…), a notice that
copies a batch (关于复制推广第五批…的通知) and a head that only mentions a batch in a sentence (对照国务院第七批…)
state nothing of the kind: the title line must be the batch's name and nothing more (a column word before a bar or
a colon: 自贸动态丨, 转发：; an issuer; a reprint's word such as 摘编 or 选编), with no place before it; or the lead
must say the batch was just issued and the cases below are some of it. A wrong document-level origin would be wrong
for every case, so the reading is strict.
"""

from __future__ import annotations

import re
from functools import cache

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.model import Case, Document, Evidence, Origin
from ftzgraph.graph.text import NUMERAL_CLASS, parse_chinese_number, word_alternation

_HEAD_LINES = 12
"""A document's own title stands among its first lines (after a breadcrumb, a site's header)."""


@cache
def _batch_title_re() -> re.Pattern[str]:
    """A line that is a national batch's name (``document_origin`` in data/lexicon/origins.yaml)."""
    lexicon = load_lexicon("origins")
    words = lexicon["document_origin"]
    kinds = word_alternation([w for ws in lexicon["batch_kinds"].values() for w in ws])
    ftz = word_alternation(words["ftz_words"])
    return re.compile(
        rf"^\s*(?:(?P<column>[^\s丨｜|：:]{{1,10}})\s*[丨｜|]\s*|(?:{word_alternation(words['colon_words'])})\s*[：:]\s*)?(?:{word_alternation(words['issuers'])})?\s*"
        rf"(?:{ftz})?\s*第\s*(?P<n>[{NUMERAL_CLASS}]+)\s*批\s*(?:{ftz})?\s*[“\"]?(?P<kind>{kinds})[”\"]?\s*"
        rf"(?:[（(]?(?:{word_alternation(words['reprint_words'])})[)）]?)?\s*$"
    )


@cache
def _lead_batch_re() -> re.Pattern[str]:
    """A lead's sentence saying the batch was just issued and the cases below are some of it (…印发自由贸易试验区第五批
    “最佳实践案例”…现将其中4个案例…摘编如下, …本期选编其中3个): the issuing verb right before the batch's bare
    name, and 其中 with a reprint's verb beside it in the same or the next sentence."""
    lexicon = load_lexicon("origins")
    words = lexicon["document_origin"]
    kinds = word_alternation([w for ws in lexicon["batch_kinds"].values() for w in ws])
    ftz, verbs = word_alternation(words["ftz_words"]), word_alternation(words["lead_reprint_verbs"])
    return re.compile(
        rf"(?:{word_alternation(words['issue_verbs'])})\s*(?:{ftz})?\s*第\s*(?P<n>[{NUMERAL_CLASS}]+)\s*批\s*"
        rf"(?:{ftz})?\s*[“\"]?(?P<kind>{kinds})[”\"]?[^。！？\n]{{0,30}}[。，,；;]?[^。！？\n]{{0,30}}?"
        rf"(?:其中[^。！？\n]{{0,30}}?(?:{verbs})|(?:{verbs})[^。！？\n]{{0,6}}?其中)"
    )


def _origin(document: Document, match: re.Match[str], start: int, end: int) -> Origin:
    kinds = load_lexicon("origins")["batch_kinds"]
    kind = next(str(k) for k, ws in kinds.items() if match["kind"] in ws)
    evidence = document.evidence(start, end)
    return Origin("national_batch", evidence, batch_kind=kind, batch_number=parse_chinese_number(match["n"]))


def _placed(column: str, gazetteer: Gazetteer) -> bool:
    """True when the words before a title's bar or colon name a place (云南｜, 重庆自贸试验区：): the batch is a
    province's or a zone's own, not the national one."""
    return bool(gazetteer.find_places(column)) or any(short in column for short in gazetteer.province_forms)


def document_batch(document: Document, gazetteer: Gazetteer, head_end: int) -> Origin | None:
    """The national batch ``document`` is, or reprints, as an origin whose evidence is its title line or its lead's
    sentence; None when its title is not the batch's bare name or a place stands before it (a province's own batch),
    and its lead says of no national batch that the cases are some of it."""
    offset = 0
    for raw in document.text[:head_end].split("\n")[:_HEAD_LINES]:
        match = _batch_title_re().match(raw)
        if match and not (match["column"] and _placed(match["column"], gazetteer)):
            return _origin(document, match, offset + len(raw) - len(raw.lstrip()), offset + len(raw.rstrip()))
        offset += len(raw) + 1
    if lead := _lead_batch_re().search(document.text, 0, head_end):
        return _origin(document, lead, lead.start(), lead.end())
    return None


def apply_document_batch(cases: list[Case], batch: Origin) -> None:
    """Give each case the batch its document is, and, when the case names no zone of its own origin, the FTZ or area
    that provided it (the batch's genre states a case's origin by its provider line)."""
    for case in cases:
        if not any(o.kind == "national_batch" for o in case.origins):
            case.origins.append(batch)
        if case.provider_zone and not any(o.kind == "zone" for o in case.origins):
            evidence: Evidence = case.evidence.get("provider", batch.evidence)
            case.origins.append(Origin("zone", evidence, zone=case.provider_zone, area=case.provider_area))
