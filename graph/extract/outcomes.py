"""Quantitative outcomes of a case: a number with a measure unit, what it measures, and before/after pairs.

A figure counts only when a unit follows it (27450万元, 97.61%, 800 余户, 2104.69 万条): bare numbers are
codes, ordinals or years. Dates (``mentions.date_spans``), 文号 digits, numbers inside 《》 titles and
ordinals (第N) are masked first. Units, magnitude words, qualifiers and the change phrasings
(由…压缩为…, 从…缩短至…) come from ``data/lexicon/units.yaml``.

Before/after pairs: ``value`` is the after value and ``unit`` the after unit. When the before value is
written in another unit of the same kind it is converted into the after unit (由2小时降低为10分钟 gives
before 120, after 10, unit 分钟); when the kinds differ the before value is dropped rather than mislabelled.
An after state that is not a number gives ``value``/``after`` None, the before value kept, and the state as
``after_text``: a phrase in quotes with no figure (变为“零跑腿”, 缩短为“拿地即开工”) or a phrase up to the clause's end
holding a state word (压缩至即办, 缩短为当天放款, 压缩至交房当日). A pair written with an arrow
(通关时间1天→2小时左右) is a change like 由…缩短至…. 平均 right before a before value (由平均5天) or before
the change verb of a figure (平均缩短36小时) is the figure's qualifier when no other word qualifies it.
A range (约1至2天) is one figure: its lower bound is the value and its upper bound ``value_max``. A magnitude at the end
of a clause with no measure word (就业人数近2300万) is a figure, the magnitude its unit. How a figure is written
(numbers, units, qualifiers, change forms): ``_outcome_figures``; labels: ``_outcome_labels``.
Outcomes from the results section (实践效果 …) come first, then the rest, each in text order.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from ftzgraph.graph.extract._outcome_figures import (
    CLAUSE_BOUNDARY,
    alternation,
    counts,
    figure_qualifier,
    lexicon,
    patterns,
    qualifier_before_verb,
    qualifier_in_label,
    size,
    to_float,
    unit_of,
)
from ftzgraph.graph.extract._outcome_labels import (
    after_heading,
    label_follows,
    noun_after,
    subject_of_comparison,
    tidy,
    time_free,
    without_adverb,
    without_brackets,
)
from ftzgraph.graph.extract._outcome_respectively import respective_from_before, respective_labels
from ftzgraph.graph.extract._outcome_subjects import Figure, shared_subjects
from ftzgraph.graph.extract.mentions import date_spans
from ftzgraph.graph.model import CaseText, Outcome
from ftzgraph.graph.text import doc_number_matches, joined_text

_MAX_MEASURE = 24
_CONNECTORS = ("和", "及", "与", "、", "等")
_NOT_A_QUANTITY_BEFORE = ("第", "×", "*", "乘", "x", "X")
"""A number right after these is an ordinal (第2) or half of a product (7×24小时), not a figure."""
_TITLE_RE = re.compile(r"《[^《》\n]{0,160}》")
_HEADING_RE = re.compile(r"^#*\s*[一二三四五六七八九十]+\s*[、.．]", re.MULTILINE)


def _masked(text: str) -> list[tuple[int, int]]:
    spans = [(d.start, d.end) for d in date_spans(text)]
    spans += [m.span() for m in _TITLE_RE.finditer(text)]
    spans += [m.span() for m in doc_number_matches(text)]
    return spans


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


@cache
def _trailing_words() -> tuple[str, ...]:
    """What a measure's clause may end in and is not part of it, longest first (fixed: sorted once per process)."""
    lex = lexicon()
    return tuple(sorted([*lex["measure_lead_ins"], *lex["qualifiers_before"], *_CONNECTORS], key=len, reverse=True))


@cache
def _trailing_by_last() -> dict[str, tuple[tuple[int, str], ...]]:
    """``_trailing_words`` by their last character, each with its rank in that order: a clause's last character
    names the few words that can end it, instead of every word being tried at every clause."""
    by_last: dict[str, list[tuple[int, str]]] = {}
    for rank, word in enumerate(_trailing_words()):
        by_last.setdefault(word[-1], []).append((rank, word))
    return {last: tuple(words) for last, words in by_last.items()}


def _without_trailing(core: str) -> str:
    """``core`` without the trailing words it ends in: passes over ``_trailing_words`` in order, each word that ends
    the clause cut with the spaces before it, until a pass cuts nothing."""
    by_last = _trailing_by_last()
    changed = True
    while changed:
        changed = False
        rank = 0  # a pass goes on from the word after the last one cut
        while core:
            hit = next(((r, w) for r, w in by_last.get(core[-1], ()) if r >= rank and core.endswith(w)), None)
            if hit is None:
                break
            rank, core, changed = hit[0] + 1, core[: -len(hit[1])].rstrip(" \t\u3000"), True
    return core


def _measure(text: str, start: int, end: int) -> tuple[str, int, int]:
    """What a figure measures: the clause text before it (or after it, when nothing precedes), with its span."""
    clause_start = start
    while clause_start > 0 and text[clause_start - 1] not in CLAUSE_BOUNDARY and start - clause_start < 60:
        clause_start -= 1
    phrase = after_heading(text[clause_start:start], clause_start == 0 or text[clause_start - 1] == "\n")
    bracketed = without_brackets(phrase) != phrase  # 增速比同期增速（21.4%）高出2.4个百分点: the aside is a reference
    if bracketed:
        phrase = without_brackets(phrase)
    previous = list(patterns().quantity.finditer(phrase))
    if previous:
        phrase = phrase[previous[-1].end() :]
        counted = noun_after(phrase, 0) if counts(unit_of(previous[-1], "")) else None
        if counted and phrase.startswith(counted) and len(phrase) - len(counted) >= 2:
            phrase = phrase[len(counted) :]  # 向2300家企业兑现奖补资金1.6亿元: 企业 is what the figure before counts
    units = lexicon()
    core = _without_trailing(phrase.rstrip(" \t\u3000"))
    cut = 0
    verbs, kept_adverbs, adverbs = units["label_change_verbs"], units["label_kept_adverbs"], units["label_adverbs"]
    for word in units["measure_lead_ins"]:
        at = core.rfind(word)
        if at < 0:
            continue
        rest = core[at + len(word) :].rstrip("了")
        if at >= 2 and word in kept_adverbs and rest in verbs and core[:at] not in adverbs:
            continue  # 海铁联运量同比增长: the adverb of the subject's change, no lead-in
        if len(core) - (at + len(word)) >= 2:
            cut = max(cut, at + len(word))
    core = core[cut:][-_MAX_MEASURE:].lstrip(" \t\u3000、")
    core = without_adverb(time_free(core))
    compared = subject_of_comparison(text, clause_start, core)  # …数量与2015年相比，增长了24%
    if compared:
        return compared[0], compared[1], end
    change_only = bool(_change_only_re().fullmatch(core))
    if change_only:  # …货值占比由2021年的不足5%提升至31.6%: the subject is before 由
        subject = _subject_before_change(text, clause_start, start)
        if subject:
            return subject, clause_start + text[clause_start:start].find(subject), end
    elif len(core) >= 2:
        return core, (clause_start if bracketed else start - len(phrase) + phrase.rfind(core)), end
    noun = None if change_only else noun_after(text, end)  # 为327家企业发放贷款: the noun, up to the verb ending it
    if noun:
        return noun, start, end + text[end:].find(noun) + len(noun)
    tail = end
    while tail < len(text) and text[tail] not in CLAUSE_BOUNDARY and tail - end < _MAX_MEASURE:
        tail += 1
    following = patterns().quantity.search(text, end, tail)
    tail = following.start() if following else tail
    following_words = text[end:tail].strip()
    for word in lexicon()["qualifiers_kept"]["tail"]:  # 1天以内: the qualifier is no measure
        if following_words.startswith(word) and word != "内":
            following_words = following_words[len(word) :].strip()
    if following_words and not change_only:
        return following_words.rstrip("".join(_CONNECTORS)), start, tail
    # 外网申请…的业务，压缩至2个工作日内办结: a change verb alone names no measure; the measure is the clause before
    # "…办理事项，共计 20274 件": the measure is the clause before
    previous_end = clause_start - 1
    previous_start = previous_end
    while previous_start > 0 and text[previous_start - 1] not in CLAUSE_BOUNDARY and previous_end - previous_start < 60:
        previous_start -= 1
    phrase = text[max(previous_start, previous_end - _MAX_MEASURE) : max(previous_end, 0)].strip()
    figure = patterns().quantity.search(phrase)  # 本次出口货物共897公斤，77件: what the clause before measures
    if figure and figure.start() >= 2:
        measured = phrase[: figure.start()].rstrip(" \t\u3000")
        for word in _trailing_words():
            if measured.endswith(word) and len(measured) - len(word) >= 2:
                measured = measured[: -len(word)].rstrip(" \t\u3000")
        return measured, text.find(measured, max(previous_start, previous_end - _MAX_MEASURE)), end
    return phrase, (previous_end - len(phrase) if phrase else start), end


@cache
def _change_only_re() -> re.Pattern[str]:
    """A label that is only a change verb and its link (压缩至, 提升至): it names no measure."""
    change = lexicon()["change"]
    return re.compile(rf"(?:{alternation(change['verbs'])})了?(?:{alternation(change['link'])})")


def _subject_before_change(text: str, clause_start: int, start: int) -> str | None:
    """The words before the lead (由, 从, 将) of a change in the clause up to ``start``: what changed."""
    clause = text[clause_start:start]
    leads = [clause.rfind(word) for word in lexicon()["change"]["lead"]]
    at = max(leads)
    if at < 2:
        return None
    subject = clause[:at].strip(" \t\u3000")
    for word in sorted(lexicon()["measure_lead_ins"], key=len, reverse=True):
        if subject.startswith(word) and len(subject) - len(word) >= 2:
            subject = subject[len(word) :]
    return subject[-_MAX_MEASURE:] if len(subject) >= 2 else None


def _results_span(text: str) -> tuple[int, int] | None:
    words = lexicon()["results_headings"]
    for heading in _HEADING_RE.finditer(text):
        line_end = text.find("\n", heading.end())
        line = text[heading.start() : line_end if line_end >= 0 else len(text)]
        if any(word in line for word in words):
            following = _HEADING_RE.search(text, heading.end())
            return heading.start(), following.start() if following else len(text)
    return None


@dataclass
class _Found:
    what: str
    value: float | None
    unit: str | None
    start: int
    end: int
    before: float | None = None
    after: float | None = None
    qualifier: str | None = None
    after_text: str | None = None
    value_max: float | None = None


def _changes(text: str, masked: list[tuple[int, int]]) -> list[_Found]:
    found: list[_Found] = []
    matches = [*patterns().change.finditer(text), *patterns().arrow.finditer(text)]
    for match in sorted(matches, key=lambda m: m.start()):
        if _overlaps(masked, match.start("bnum"), match.end("bnum")):
            continue
        if any(f.start <= match.start("bnum") < f.end for f in found):
            continue  # 由2天缩短至1天→…: one change read once
        before, b_unit = to_float(match["blow"] or match["bnum"]), unit_of(match, "b")  # a range: its lower bound
        after = to_float(match["alow"] or match["anum"]) if match["anum"] else None
        value_max = to_float(match["anum"]) if match["alow"] else None
        a_unit = unit_of(match, "a")
        if b_unit is None and a_unit is None:
            continue
        unit = a_unit or b_unit
        if before is not None and b_unit and unit and b_unit != unit:
            b_size, a_size = size(b_unit), size(unit)
            before = before * b_size[1] / a_size[1] if b_size and a_size and b_size[0] == a_size[0] else None
        what, what_start, _ = _measure(text, match.start(), match.end())
        qualifier = figure_qualifier(text, match, "a") or figure_qualifier(text, match, "b")
        found.append(
            _Found(
                what,
                after,
                unit,
                min(what_start, match.start()),
                match.end(),
                before,
                after,
                qualifier,
                match["quoted"] or match["instant"],
                value_max,
            )
        )
    return found


def _quantities(text: str, masked: list[tuple[int, int]]) -> list[_Found]:
    found: list[_Found] = []
    figures: list[tuple[int, int, _Found]] = []
    for match in patterns().quantity.finditer(text):
        start, end = match.span()
        if _overlaps(masked, start, end) or text[:start].rstrip(" \t\u3000")[-1:] in _NOT_A_QUANTITY_BEFORE:
            continue
        value, unit = to_float(match["low"] or match["num"]), unit_of(match, "")  # 1至2天: from 1 to 2
        value_max = to_float(match["num"]) if match["low"] else None
        if value_max is not None and unit in ("年", "月", "日"):
            continue  # 2021-2023年: a span of dates, no figure
        what, what_start, what_end = _measure(text, start, end)
        following = noun_after(text, end)
        counted_unit = bool(unit and unit in lexicon()["counted_noun_units"])
        if (following or counted_unit) and label_follows(text, start, what):
            if following:
                what, what_start, what_end = following, start, end + text[end:].find(following) + len(following)
            if counted_unit and unit:  # 等5个环节“一次受理…”, 等8个部门23项业务: the unit names what is counted
                what, what_start, what_end = unit[1:], start, end
        rate = _rate_label(text, start, end) if unit == "%" else None
        if rate:
            what = rate
        after = value if patterns().after_only.search(text[max(0, start - 12) : start]) else None
        qualifier = figure_qualifier(text, match, "") or qualifier_before_verb(text, start)
        found.append(
            _Found(
                what,
                value,
                unit,
                min(what_start, start),
                max(end, what_end),
                after=after,
                qualifier=qualifier,
                value_max=value_max,
            )
        )
        figures.append((start, end, found[-1]))
    _share_units(text, figures)
    found.extend(_bare_magnitudes(text, masked))
    for match in patterns().multiple.finditer(text):
        if not _overlaps(masked, *match.span()):
            what, what_start, what_end = _measure(text, match.start(), match.end())
            value = to_float(match["num"])
            found.append(_Found(what, value, "倍", min(what_start, match.start()), max(match.end(), what_end)))
    return found


_LISTED_RE = re.compile(r"[ \t\u3000]*(?:左右|以上|以内|以下|余|多)?[ \t\u3000]*[、和及与][ \t\u3000]*")


def _share_units(text: str, figures: list[tuple[int, int, _Found]]) -> None:
    """Figures listed with a measure word whose noun only the last one writes (1个、3个和15个工作日) take the last
    one's unit: 个 there is 个工作日, one unit per measure. ``figures``: each figure's span and its outcome."""
    for (_, end, f), (start, _, g) in reversed(list(itertools.pairwise(figures))):
        unit, following = f.unit or "", g.unit or ""
        listed = _LISTED_RE.fullmatch(text[end:start]) is not None
        if listed and unit == "个" and following.startswith(unit) and len(following) > len(unit):
            f.unit = following

    for (_, end, f), (start, _, g) in itertools.pairwise(figures):
        if f.after is not None and g.after is None and f.unit == g.unit and _LISTED_RE.fullmatch(text[end:start]):
            g.after = g.value  # 压缩至1个、3个和15个工作日: every listed figure is an after value


def _rate_label(text: str, start: int, end: int) -> str | None:
    """The label of a share written as a rate of a base (按保费的50%给予补贴): the base and what is given (保费补贴)."""
    words = lexicon()["rate_of"]
    base = re.search(
        rf"(?:{alternation(words['leads'])})(?P<base>[\u4e00-\u9fff]{{1,10}}?)的$", text[max(0, start - 16) : start]
    )
    given = re.match(
        rf"(?:{alternation(words['verbs'])})(?P<noun>[\u4e00-\u9fff]{{2,6}}?)(?=[{CLAUSE_BOUNDARY}]|$)",
        text[end : end + 12],
    )
    return base["base"] + given["noun"] if base and given else None


def _bare_magnitudes(text: str, masked: list[tuple[int, int]]) -> list[_Found]:
    """Figures written with a magnitude and no measure word at the end of a clause (区内就业人数近2300万, 科技人员
    110 多万): the magnitude is the unit, what precedes names the measure."""
    found = []
    for match in patterns().bare_magnitude.finditer(text):
        start, end = match.span()
        if _overlaps(masked, start, end) or text[:start].rstrip(" \t\u3000")[-1:] in _NOT_A_QUANTITY_BEFORE:
            continue
        qualifier = match["q1"] or match["q2"]
        head = text[:start].rstrip(" \t\u3000")
        tail = text[end:].lstrip(" \t\u3000")
        kept = lexicon()["qualifiers_kept"]
        qualifier = qualifier or next((w for w in kept["tail"] if w != "内" and tail.startswith(w)), None)
        qualifier = qualifier or next(
            (w for w in sorted(kept["before"], key=len, reverse=True) if head.endswith(w)), None
        )
        what, what_start, what_end = _measure(text, start, end)
        found.append(
            _Found(
                what,
                to_float(match["num"]),
                match["mag"],
                min(what_start, start),
                max(end, what_end),
                qualifier=qualifier,
            )
        )
    return found


def _relabel(found: list[_Found], respective: list[tuple[int, str]]) -> None:
    """Each figure of a run given 分别 takes its own subject (进港、出港查验时间分别压缩至1.5小时和1小时); a run whose
    subjects are the figures before it (…达到12.6亿元和8.3亿元，同比分别增长45%、27%) reads them once relabelled."""
    for figure_start, label in respective:
        owner = next((f for f in found if f.start <= figure_start < f.end), None)
        if owner is not None:
            owner.what = label


def extract_outcomes(case: CaseText) -> list[Outcome]:
    """Every quantitative result in the case with the phrase that states it; see the module docstring."""
    joined, offsets = joined_text(case.text)
    masked = _masked(joined)
    changes = _changes(joined, masked)
    taken = [(f.start, f.end) for f in changes]
    found = changes + [f for f in _quantities(joined, masked) if not _overlaps(taken, f.start, f.end)]
    verbs = lexicon()["label_change_verbs"]
    kept = tuple(lexicon()["label_kept_adverbs"])
    heads = tuple(lexicon()["measure_heads"])
    opposites = tuple(lexicon()["paired_opposites"])
    _relabel(found, respective_labels(joined, patterns().quantity, verbs, kept, heads, opposites))
    labelled = [(f.start, f.end, tidy(f.what)) for f in sorted(found, key=lambda f: f.start)]
    _relabel(found, respective_from_before(joined, patterns().quantity, verbs, labelled, kept))
    for index, label in shared_subjects(joined, [Figure(f.what, f.start, f.end, f.unit) for f in found]).items():
        found[index].what = label  # ，比全省平均水平少1.5天: the subject of the figure before
    results = _results_span(joined)

    def order(f: _Found) -> tuple[bool, int]:
        in_results = results is not None and results[0] <= f.start < results[1]
        return (not in_results, f.start)

    outcomes = []
    for f in sorted(found, key=order):
        evidence = case.evidence(offsets[f.start], offsets[f.end - 1] + 1)
        what = tidy(f.what)
        qualifier = f.qualifier or qualifier_in_label(what)  # 车辆扫码核验平均用时由8分钟减少到1分钟
        outcomes.append(
            Outcome(what, f.value, f.unit, evidence, f.before, f.after, qualifier, f.after_text, f.value_max)
        )
    return outcomes
