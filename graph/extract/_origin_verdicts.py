"""Sentences of administrative paperwork that void the origin they name: a reported claim that a check rejects or
finds untrue (…报送的“借鉴Z经验”一事经核实并未实际开展，不予认定), a batch's checklist or a zone's practice held up
as a yardstick with items not started (对照第N批…清单仍有N项未启动), and a project still being studied (对标Z…做法，
谋划建设…，目前尚处于前期研究阶段).

Such a sentence names a batch or a zone in the wording of an origin, but what it names was only claimed, measured
against or planned: nothing is said to have come from it. The property belongs to the whole sentence (the verdict or
the stage often comes last, after the origin phrase), so it is judged once per sentence and every origin rule's
finding in it is dropped (graph/extract/origins.py). A sentence that also says something was done (已复制落地21项)
or that the check found the copy itself (系复制第六批…，不予认定为创新成果: the copy is why the claim fails) keeps
its origin. A sentence naming a zone only as a parallel pilot (与Z同步开展试点, 互为参照, 各自独立探索) or as an
object of comparison (Z（对标对象）, 比较对象), or a source field whose value says there is none
(借鉴来源：无（…与Z同期开展试点）), voids in the same way: Z stands in an origin's words with no copying said.
Words come from ``data/lexicon/origins.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from ftzgraph.graph.extract._batch_filters import _QUOTED_RE, _batch_kind_re, lexicon
from ftzgraph.graph.text import NUMERAL_CLASS, word_alternation


@cache
def _words(key: str) -> re.Pattern[str]:
    return re.compile(word_alternation(lexicon()[key]))


@cache
def _finding_re() -> re.Pattern[str]:
    """A check's finding that the thing is a copy (系复制, 属于第六批…, 实为借鉴Z): a finding word, then in its clause a
    verb of copying, a series word or a numbered batch. 系 inside 联系, 体系, 关系 is no finding."""
    lex = lexicon()
    findings = word_alternation(lex["copy_findings"])
    kinds = [w for words in lex["batch_kinds"].values() for w in words]
    copying = word_alternation([*lex["real_copy_verbs"], *lex["copy_verbs"], *kinds])
    return re.compile(
        rf"(?<![联体关派谱世直])(?:{findings})[^，,。；;]{{0,16}}?(?:{copying}|第\s*[{NUMERAL_CLASS}]+\s*批)"
    )


@cache
def _done_re() -> re.Pattern[str]:
    """Something said done (已复制落地21项, 已全面推行, 建成了): 已 and a few adverbs before a verb of the lexicon's
    ``done_verbs``, or 了 after it."""
    verbs = word_alternation(lexicon()["done_verbs"])
    return re.compile(rf"已(?:经)?(?:全部|全面|基本|初步|正式|顺利|率先)?(?:{verbs})|(?:{verbs})了")


@cache
def _pending_re() -> re.Pattern[str]:
    """A status still in study (目前尚处于前期研究阶段) or awaiting a decision (尚待省政府批复): nothing done yet."""
    lex = lexicon()
    heads, acts = word_alternation(lex["pending_heads"]), word_alternation(lex["pending_acts"])
    stage_heads, stages = word_alternation(lex["stage_heads"]), word_alternation(lex["stage_names"])
    return re.compile(rf"(?:{heads})[^，,。；;]{{0,6}}?(?:{acts})|(?:{stage_heads})[^，,。；;]{{0,6}}?(?:{stages})阶段")


@cache
def _claim_verdict_re() -> re.Pattern[str]:
    """不计入 what a claim is counted in (不计入完成数), or a reported claim returned (申报的…事项…被退回)."""
    lex = lexicon()
    counted, claims = word_alternation(lex["uncounted_objects"]), word_alternation(lex["returned_claims"])
    return re.compile(
        rf"不计入[^，,。；;]{{0,6}}?(?:{counted})|(?:{claims})[^，,。；;]{{0,16}}?(?:被|予以|均被|已被)退回"
    )


def _yardstick(plain: str) -> bool:
    """True when the sentence holds something up as a yardstick: a verb of comparing (对照, 对标), a ledger (台账), or
    a 清单 with a national batch named (第七批…清单)."""
    if _words("yardstick_words").search(plain):
        return True
    return "清单" in plain and (_batch_kind_re().search(plain) is not None or _BATCH_RE.search(plain) is not None)


_BATCH_RE = re.compile(rf"第\s*[{NUMERAL_CLASS}]+\s*批")


@cache
def _claim_denied_re() -> re.Pattern[str]:
    """A claim, then later a negation right before a verb of something done (宣称…并未落地, 自称…实际没有开展)."""
    lex = lexicon()
    claims, negations = word_alternation(lex["claim_words"]), word_alternation(lex["claim_negations"])
    return re.compile(rf"(?:{claims}).*?(?:{negations})(?:实际|真正)?(?:{word_alternation(lex['done_verbs'])})")


@cache
def _own_finding_re() -> re.Pattern[str]:
    """A finding that the thing is the claimant's own (系自主探索, 实为本县自主探索): a finding word, a few words, one
    of ``own_findings``. 在借鉴Z经验基础上自主创新 is no finding: nothing says 系 or 实为 before it."""
    lex = lexicon()
    findings = word_alternation([*lex["copy_findings"], "为", "是"])
    return re.compile(
        rf"(?<![联体关派谱世直])(?:{findings})[^，,。；;]{{0,4}}?(?:{word_alternation(lex['own_findings'])})"
    )


def _found_own(plain: str) -> bool:
    """True when a check finds the thing the claimant's own work (…自称借鉴了Z经验，经核查系自主探索): the claimed
    copy is untrue. The check comes before the finding, in the sentence."""
    check = _words("check_words").search(plain)
    return check is not None and _own_finding_re().search(plain, check.end()) is not None


@cache
def _none_value_re() -> re.Pattern[str]:
    """A source field's value that says there is none (借鉴来源：无（自主探索…）, 经验来源：暂无。), the value's first
    word standing alone: 无 before a bracket, a stop or the end, not the first character of a longer word
    (无差别受理)."""
    lex = lexicon()
    labels, nones = word_alternation(lex["origin_labels"]), word_alternation(lex["source_none_values"])
    return re.compile(
        rf"(?:{labels})[”」\"]?\s*(?:[：:]|】|］|[|│┃\t])[ \t\u3000]*(?:{nones})(?=[（(，,。；;：:、\s\u3000|│┃]|$)"
    )


def denies_source(value: str) -> bool:
    """True when a source cell's or field's ``value`` names no origin though it names a zone: it opens by saying there
    is none (无（已列入Z…）, 自主探索，与Z同期开展试点), or it voids what it names as a sentence would (Z（对标对象，
    未直接复制）, Z的做法，仅作参考)."""
    lex = lexicon()
    nones = word_alternation(lex["source_none_values"])
    opening = re.match(rf"[\s\u3000“\"「☑■√✓✔☒▣◼]*(?:{nones})(?=[（(，,。；;：:、\s\u3000]|$)", value)
    return opening is not None or voided(value)


_UNAPPLIED_RE = re.compile(
    r"(?:未|没有|并未|尚未)在(?:我|本)[市县区州省镇]?[^，,。；;]{0,2}?(?:实施|落地|推行|开展|应用|复制)"
)


def _unapplied_re() -> re.Pattern[str]:
    """A practice said not to be carried out where the writer is (未在我市实施, 尚未在本县落地): named, not taken."""
    return _UNAPPLIED_RE


def own_claim(text: str) -> bool:
    """True when the sentence ``text`` finds the case's own practice the writer's own work
    (注：该项做法系郾城区自主探索; 本案例系Z自主创新，未借鉴其他地区做法): a back reference to the practice, then
    an own finding (``_own_finding_re``), and no finding of a copy (系复制Z经验)."""
    plain = _QUOTED_RE.sub("", text)
    subject = _words("own_claim_subjects").search(plain)
    return (
        subject is not None
        and _own_finding_re().search(plain, subject.end()) is not None
        and _finding_re().search(plain) is None
    )


def on_page_record(text: str, position: int) -> bool:
    """True when the line of ``text`` holding ``position`` is a web page's publishing record
    (来源地区：合肥片区　　发布日期：2024-04-17　　点击量：…): an origin label there names the region that published the
    post, not a practice's origin."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return _words("page_record_fields").search(line) is not None


def _verdict(plain: str, key: str) -> bool:
    """True when a state of the list ``key`` stands as a finding, not attributively before 的: a rule's category (对承诺
    与实际不符的企业依法撤销, 举报不属实的) is what a reform does, no verdict on a claim. (An act, 撤回申报的“X”事项,
    is the verdict whatever follows it.)"""
    return any(not plain.startswith("的", m.end()) for m in _words(key).finditer(plain))


@cache
def _trigger_re() -> re.Pattern[str]:
    """Any word that can start a voiding (a verdict, a check, a stage, a yardstick): most sentences hold none, and
    one search then settles them."""
    lex = lexicon()
    keys = ("untruth_verdicts", "halted_words", "rejection_verdicts", "check_words", "study_stages", "pending_heads")
    more = (
        "stage_heads",
        "yardstick_words",
        "claim_words",
        "parallel_pilots",
        "comparison_nouns",
        "source_none_values",
        "own_findings",
        "reference_only",
    )
    words = [w for key in (*keys, *more) for w in lex[key]]
    return re.compile(word_alternation([*words, "不计入", "退回", "清单", "未在"]))


def voided(text: str) -> bool:
    """True when the sentence ``text`` voids what it names as an origin: a rejected or untrue claim, a yardstick with
    items not started, or a project still in study, and neither a finding of the copy nor anything said done."""
    if _trigger_re().search(text) is None:
        return False
    plain = _QUOTED_RE.sub("", text)  # a claim's quoted words (“借鉴Z经验”) are what is judged, not the judgement
    if (
        _words("parallel_pilots").search(plain)
        or _words("comparison_nouns").search(plain)
        or _words("reference_only").search(plain)
        or _unapplied_re().search(plain)
        or _none_value_re().search(text)
        or own_claim(text)
    ):
        return True  # 与Z同步开展试点; Z（对标对象，未直接复制）; 借鉴来源：无（…）: Z named, nothing came from it
    if (
        _verdict(plain, "untruth_verdicts")
        or _words("halted_words").search(plain)
        or _words("rejection_verdicts").search(plain)
        or _claim_verdict_re().search(plain)
        or _found_own(plain)
        or _claim_denied_re().search(plain)
    ):
        return _finding_re().search(plain) is None  # 称已借鉴Z经验，经核实不属实: what is said done is the claim
    if _done_re().search(plain):
        return False
    if _words("study_stages").search(plain) or _pending_re().search(plain):
        return True
    if not _yardstick(plain):
        return False
    # 仍有7项“应复制未复制”: a quoted label of the items not started counts
    return _words("unstarted_words").search(text) is not None or _words("comparison_gaps").search(plain) is not None


def voids_previous(text: str, names_origin: bool) -> bool:
    """True when the voided sentence ``text`` is a verdict on the sentence before it: it names no batch and no place
    (``names_origin`` says whether it does) and opens with a check or refers back to the claim (经核实，该事项并未实际
    开展，不予认定。)."""
    if names_origin:
        return False
    plain = text.lstrip(" \t　")
    opens_check = _words("check_words").match(plain) is not None or plain.startswith("经")
    return opens_check or _words("verdict_back_references").search(plain) is not None
