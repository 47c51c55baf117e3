"""Figures whose clause names no subject of its own, and take the subject of the figure before them in the sentence.

A reader labels ``企业开办用时压缩至0.5天，比全省平均水平少1.5天`` as two figures of 企业开办用时: the
second clause only states a baseline and how the figure differs from it. So do a multiple's baseline
(，是改革前的3.6倍) and the clause of now of a then-and-now pair (以前出口种子检疫得5天左右，现在缩短到1天),
which measures what the clause of then names when the two figures are of one kind. A change after a baseline
(，较上年增加31家, ，同比增长12%) keeps its own label: readers name it by the change alone as often as by the
subject. Split from graph/extract/_outcome_labels.py; words from ``data/lexicon/units.yaml``
(``label_comparisons``, ``label_then_now``, ``label_modal_ends``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from ftzgraph.graph.extract._outcome_figures import lexicon, patterns, size
from ftzgraph.graph.extract._outcome_labels import tidy
from ftzgraph.graph.text import word_alternation

_SENTENCE_END = "。；;！？!?\n"
_MAX_CLAUSE = 16


@dataclass
class Figure:
    """What the sharing reads of one found figure: its label, span (label and figure) and unit."""

    what: str
    start: int
    end: int
    unit: str | None


def shared_subjects(text: str, figures: list[Figure]) -> dict[int, str]:
    """{index in ``figures``: new label} for every figure whose clause names no subject of its own."""
    relabelled: dict[int, str] = {}
    ordered = sorted(range(len(figures)), key=lambda i: figures[i].end)
    qualifiers = tuple(sorted(lexicon()["qualifiers_before"], key=len, reverse=True))
    tails = tuple(lexicon()["qualifiers_kept"]["tail"])
    for i, j in itertools.pairwise(ordered):
        previous, figure = figures[i], figures[j]
        between = text[previous.end : figure.end]
        number = patterns().quantity.search(between) or patterns().multiple.search(between)
        if (
            number is None
            or number.start() > _MAX_CLAUSE
            or any(ch in _SENTENCE_END for ch in between[: number.start()])
        ):
            continue
        clause = between[: number.start()]
        clause = next((clause[len(w) :] for w in tails if clause.startswith(w)), clause)  # 5天左右，现在…
        clause = clause.lstrip("，, \t\u3000").rstrip(" \t\u3000")
        clause = next((clause[: -len(w)] for w in qualifiers if clause.endswith(w)), clause)
        kept = subjectless(clause)
        subject = subject_of(tidy(relabelled.get(i, previous.what)))
        if kept is None or len(subject) < 2 or subjectless(subject) is not None:
            continue
        if not now_clause(clause) or _same_kind(previous.unit, figure.unit):  # 以前要5天，现在1天: one thing measured
            relabelled[j] = subject + kept
    return relabelled


def _same_kind(unit: str | None, other: str | None) -> bool:
    kinds = [size(u) if u else None for u in (unit, other)]
    return unit == other or (kinds[0] is not None and kinds[1] is not None and kinds[0][0] == kinds[1][0])


@cache
def _subjectless_re() -> re.Pattern[str]:
    """A clause that states only a baseline and how the figure differs from it (较上年增加, 比全省平均水平少, 比2016年
    增长), or a multiple's baseline (是改革前的, 为上年的): it names no subject of its own."""
    words = lexicon()["label_comparisons"]
    openers, ends = word_alternation(words["openers"]), word_alternation(words["ends"])
    baseline = rf"[^，。；]{{0,10}}?(?:{ends}|[0-9]{{4}}年(?:同期|底|末)?)"
    return re.compile(
        rf"^(?:(?P<compared>(?:{openers}){baseline}的?[\u4e00-\u9fff]{{1,3}})"
        rf"|(?:{word_alternation(words['multiple_leads'])}){baseline}的?)$"
    )


def subjectless(clause: str) -> str | None:
    """What a clause that names no subject keeps when it takes the subject of the figure before it in its sentence
    (企业开办用时压缩至0.5天，比全省平均水平少1.5天; 余额达到54亿元，是改革前的3.6倍): the comparison as written,
    or nothing for a multiple or a clause of now; None when the clause has a subject. A change (，同比增长12%,
    ，较上年增加31家) keeps its own label: readers name it by the change alone as often as by the subject."""
    match = _subjectless_re().match(clause)
    if match is None:
        return "" if _now_clause_re().match(clause) else None
    if match["compared"] and match["compared"].rstrip("了").endswith(tuple(lexicon()["label_change_verbs"])):
        return None  # 较推行前缩短: a change, labelled by the change alone like 同比增长
    return match["compared"] or ""


def now_clause(clause: str) -> bool:
    """True when ``clause`` is the second half of a then-and-now pair with no subject of its own (现在, 如今只需)."""
    return _now_clause_re().match(clause) is not None


@cache
def _now_clause_re() -> re.Pattern[str]:
    """A clause of now with no subject of its own (现在, 如今只需, 现在缩短到): a then-and-now pair's second half."""
    lex = lexicon()
    change = lex["change"]
    return re.compile(
        rf"^(?:{word_alternation(lex['label_then_now']['now'])})(?:{word_alternation(lex['label_modal_ends']['words'])}"
        rf"|(?:{word_alternation(change['verbs'])})了?(?:{word_alternation(change['link'])})?)?$"
    )


def subject_of(label: str) -> str:
    """``label`` without the change it ends in (进出口额同比增长 -> 进出口额): the subject a following clause shares."""
    lex = lexicon()
    for verb in sorted(lex["label_change_verbs"], key=len, reverse=True):
        if label.endswith(verb) and len(label) - len(verb) >= 2:
            label = label[: -len(verb)]
            kept = next((w for w in lex["label_kept_adverbs"] if label.endswith(w)), "")
            return label[: len(label) - len(kept)] if len(label) - len(kept) >= 2 else label
    return label
