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
of a clause with no measure word (就业人数近2300万) is a figure, the magnitude its unit. Labels: ``_outcome_labels``.
Outcomes from the results section (实践效果 …) come first, then the rest, each in text order.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
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
from ftzgraph.graph.extract.mentions import date_spans
from ftzgraph.graph.model import CaseText, Outcome
from ftzgraph.graph.text import doc_number_matches, joined_text, parse_chinese_number

_SP = r"[ \t\u3000]*"
_NUM = r"(?<![0-9０-９.．])(?<![0-9０-９],)(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
"""A number not inside another (the 000 of 1,000, the 5 of 2.5); a half-width comma after a character is a clause mark
(13项在全国复制推广,48项在全省…), as web pages often write it, and a number may follow it."""
_CN_NUM = "[零〇一二两三四五六七八九十百千]+"
_HALF = "半(?=个?(?:天|日|小时|工作日|月|年|分钟))"
"""Half a unit of time (压缩至半天以内): a figure in a change or after its link only, where 上半年 is no figure."""
_CLAUSE_BOUNDARY = "，,。；;：:！？!?\n#】"
"""Where the words a figure measures can start; 】 closes a section label (【实践成效】企业退税时间…)."""
_MAX_MEASURE = 24
_CONNECTORS = ("和", "及", "与", "、", "等")
_NOT_A_QUANTITY_BEFORE = ("第", "×", "*", "乘", "x", "X")
"""A number right after these is an ordinal (第2) or half of a product (7×24小时), not a figure."""
_TITLE_RE = re.compile(r"《[^《》\n]{0,160}》")
_HEADING_RE = re.compile(r"^#*\s*[一二三四五六七八九十]+\s*[、.．]", re.MULTILINE)


def lexicon() -> dict[str, Any]:
    return load_lexicon("units")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    quantity: re.Pattern[str]
    change: re.Pattern[str]
    arrow: re.Pattern[str]
    after_only: re.Pattern[str]
    multiple: re.Pattern[str]
    bare_magnitude: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    lex = lexicon()
    unit = _alternation([u["unit"] for u in lex["units"]])
    mag = _alternation(list(lex["magnitudes"]))
    q_after = _alternation(lex["qualifiers_after"])
    change = lex["change"]
    attribute = r"[\u4e00-\u9fff]{2,3}的?(?=[0-9０-９])"  # 由法定(的)20个工作日压缩至承诺(的)3个工作日
    year = r"[0-9]{4}年(?:底|末|初)?的?"  # 由2021年的不足5%
    filler = rf"(?:{_alternation(change['filler'])}|[ \t\u3000“”]|{year}|{attribute})*"
    verb_link = rf"(?:{_alternation(change['verbs'])})了?(?:{_alternation(change['link'])})"

    range_link = _alternation(lex["range_links"])

    def qty(tag: str, number: str, unit_required: bool) -> str:
        unit_part = rf"(?P<{tag}unit>{unit})" + ("" if unit_required else "?")
        low = rf"(?:(?P<{tag}low>{number}){_SP}(?:{mag})?{_SP}(?:{range_link}){_SP})?"  # 1至2天: a range
        return (
            rf"{low}(?P<{tag}num>{number}){_SP}(?P<{tag}q1>{q_after})?{_SP}(?P<{tag}mag>{mag})?"
            rf"(?P<{tag}q2>{q_after})?{_SP}{unit_part}"
        )

    value = rf"(?:{_NUM}|{_CN_NUM}|{_HALF})"
    state_words = _alternation([*change["instant_heads"], *change["instant"]])
    # the after value, or a state: quoted with no figure, or a phrase holding a state word up to the clause's end
    quoted = rf"(?<=[“\"「‘])(?P<quoted>[^“”\"「」‘’0-9０-９{_CLAUSE_BOUNDARY}]{{1,12}})(?=[”\"」’])"
    after = (
        rf"(?:{quoted}|{qty('a', value, False)}"
        rf"|(?P<instant>[\u4e00-\u9fff]{{0,4}}?(?:{state_words})[\u4e00-\u9fff]{{0,4}}?(?=[{_CLAUSE_BOUNDARY}）)”]|$)"
        rf"|{_alternation(change['instant'])}))"
    )
    return _Patterns(
        quantity=re.compile(qty("", rf"(?:{_NUM}|(?<=[为至到成]){_HALF})", True)),
        change=re.compile(
            rf"(?:{_alternation(change['lead'])}){filler}{qty('b', value, False)}"
            rf"(?P<gap>[^。；;！？!?\n0-9]{{0,{int(change['max_gap'])}}}?){verb_link}{filler}{after}"
        ),
        arrow=re.compile(
            rf"(?<![0-9０-９.．]){qty('b', _NUM, True)}(?P<gap>){_SP}"
            rf"(?:{_alternation(change['arrows'])}){_SP}{filler}{after}"
        ),
        after_only=re.compile(rf"{verb_link}{filler}$"),
        multiple=re.compile(rf"(?<![零〇一二两三四五六七八九十百千])(?P<num>{_CN_NUM}){_SP}倍"),
        bare_magnitude=re.compile(
            rf"(?P<num>{_NUM}){_SP}(?P<q1>{q_after})?{_SP}(?P<mag>{_alternation(lex['bare_magnitudes'])})"
            rf"(?P<q2>{q_after})?(?={_SP}(?:[{_CLAUSE_BOUNDARY}）)]|$|{_alternation(lex['qualifiers_tail'])}))"
        ),
    )


@cache
def _unit_table() -> dict[str, tuple[str, float]]:
    return {u["unit"]: (u["kind"], float(u["factor"])) for u in lexicon()["units"]}


def _to_float(text: str) -> float | None:
    text = unicodedata.normalize("NFKC", text).replace(",", "")
    if text == "半":  # 压缩至半天
        return 0.5
    try:
        return float(text)
    except ValueError:
        number = parse_chinese_number(text)
        return float(number) if number is not None else None


def _unit_of(match: re.Match[str], tag: str) -> str | None:
    unit = match[f"{tag}unit"]
    if unit is None:
        return None
    unit = lexicon()["unit_aliases"].get(unit, unit)
    return unicodedata.normalize("NFKC", (match[f"{tag}mag"] or "") + unit)


def _size(unit: str) -> tuple[str, float] | None:
    """(kind, factor) of a unit with its magnitude word (万元 -> money_cny, 10000)."""
    magnitudes = lexicon()["magnitudes"]
    for mag in sorted(magnitudes, key=len, reverse=True):
        if unit.startswith(mag) and unit[len(mag) :] in _unit_table():
            kind, factor = _unit_table()[unit[len(mag) :]]
            return kind, factor * float(magnitudes[mag])
    return _unit_table().get(unit)


def _counts(unit: str | None) -> bool:
    """True when ``unit`` counts things (家, 户, 个): the noun after such a figure is what it counts, where a time, a
    share or a sum (2023年, 15%, 3亿元) measures the words that follow."""
    size = _size(unit) if unit else None
    return size is not None and not size[0].startswith(("time", "workday", "ratio", "money", "multiple"))


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


def _measure(text: str, start: int, end: int) -> tuple[str, int, int]:
    """What a figure measures: the clause text before it (or after it, when nothing precedes), with its span."""
    clause_start = start
    while clause_start > 0 and text[clause_start - 1] not in _CLAUSE_BOUNDARY and start - clause_start < 60:
        clause_start -= 1
    phrase = after_heading(text[clause_start:start], clause_start == 0 or text[clause_start - 1] == "\n")
    bracketed = without_brackets(phrase) != phrase  # 增速比同期增速（21.4%）高出2.4个百分点: the aside is a reference
    if bracketed:
        phrase = without_brackets(phrase)
    previous = list(_patterns().quantity.finditer(phrase))
    if previous:
        phrase = phrase[previous[-1].end() :]
        counted = noun_after(phrase, 0) if _counts(_unit_of(previous[-1], "")) else None
        if counted and phrase.startswith(counted) and len(phrase) - len(counted) >= 2:
            phrase = phrase[len(counted) :]  # 向2300家企业兑现奖补资金1.6亿元: 企业 is what the figure before counts
    lead_ins = lexicon()["measure_lead_ins"]
    trailing = _trailing_words()
    core = phrase.rstrip(" \t\u3000")
    changed = True
    while changed:
        changed = False
        for word in trailing:
            if core.endswith(word):
                core, changed = core[: -len(word)].rstrip(" \t\u3000"), True
    cut = 0
    verbs = lexicon()["label_change_verbs"]
    for word in lead_ins:
        at = core.rfind(word)
        rest = core[at + len(word) :].rstrip("了")
        kept = word in lexicon()["label_kept_adverbs"] and rest in verbs and core[:at] not in lexicon()["label_adverbs"]
        if at >= 2 and kept:
            continue  # 海铁联运量同比增长: the adverb of the subject's change, no lead-in
        if at >= 0 and len(core) - (at + len(word)) >= 2:
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
    while tail < len(text) and text[tail] not in _CLAUSE_BOUNDARY and tail - end < _MAX_MEASURE:
        tail += 1
    following = _patterns().quantity.search(text, end, tail)
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
    while (
        previous_start > 0 and text[previous_start - 1] not in _CLAUSE_BOUNDARY and previous_end - previous_start < 60
    ):
        previous_start -= 1
    phrase = text[max(previous_start, previous_end - _MAX_MEASURE) : max(previous_end, 0)].strip()
    figure = _patterns().quantity.search(phrase)  # 本次出口货物共897公斤，77件: what the clause before measures
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
    return re.compile(rf"(?:{_alternation(change['verbs'])})了?(?:{_alternation(change['link'])})")


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


def _qualifier(text: str, match: re.Match[str], tag: str) -> str | None:
    """The approximation written with one figure of ``match``: 余/多 after the number, a word before it
    (近, 约, 超过 …) or after its unit (左右, 以内 …); None when the figure is exact."""
    if match[f"{tag}num"] is None:
        return None
    inner = match[f"{tag}q1"] or match[f"{tag}q2"]
    if inner:
        return inner
    kept = lexicon()["qualifiers_kept"]
    end = match.end(f"{tag}unit") if match[f"{tag}unit"] else match.end(f"{tag}num")
    tail = text[end:].lstrip(" \t\u3000")
    for word in kept["tail"]:
        if tail.startswith(word) and not (word == "内" and tail[1:2] in "部容外地陆"):  # 内部 is no qualifier
            return str(word)
    first = f"{tag}low" if match[f"{tag}low"] else f"{tag}num"  # 约1至2天: the word before the range
    head = text[: match.start(first)].rstrip(" \t\u3000")
    if tag == "b" and head.endswith("跑"):  # 由平均跑2次: the verb of a count of trips stands between
        head = head[:-1]
    for word in sorted(kept["before"], key=len, reverse=True):
        if head.endswith(word):
            return str(word)
    share = _share_qualifier_re().search(head)  # 约占全国结算量的50%: the word before 占 qualifies the share
    return share["word"] if share else None


def _average_before(text: str, start: int) -> str | None:
    """A qualifier before the change verb right before a figure (中转时间平均缩短36小时, 办理时间最快压缩至1小时): the
    figure is an average or a best case. The label drops 平均 (``without_adverb``); the qualifier keeps the word when
    no other word qualifies the figure."""
    match = _average_verb_re().search(text, max(0, start - 14), start)
    return match["word"] if match else None


@cache
def _average_verb_re() -> re.Pattern[str]:
    lex = lexicon()
    verbs = _alternation([*lex["label_change_verbs"], *lex["change"]["verbs"]])
    words = _alternation(lex["qualifiers_before_verb"])
    link = _alternation(lex["change"]["link"])
    return re.compile(rf"(?P<word>{words})[ \t\u3000]*可?(?:{verbs})了?(?:{link})?[ \t\u3000]*$")


@cache
def _share_qualifier_re() -> re.Pattern[str]:
    """A qualifier written before 占 of a share (约占全国结算量的50%, 超过占比…): it qualifies the share's figure."""
    words = _alternation(lexicon()["qualifiers_kept"]["before"])
    return re.compile(rf"(?P<word>{words})占[^，,。；;：:0-9０-９]{{0,16}}$")


def _changes(text: str, masked: list[tuple[int, int]]) -> list[_Found]:
    found: list[_Found] = []
    matches = [*_patterns().change.finditer(text), *_patterns().arrow.finditer(text)]
    for match in sorted(matches, key=lambda m: m.start()):
        if _overlaps(masked, match.start("bnum"), match.end("bnum")):
            continue
        if any(f.start <= match.start("bnum") < f.end for f in found):
            continue  # 由2天缩短至1天→…: one change read once
        before, b_unit = _to_float(match["blow"] or match["bnum"]), _unit_of(match, "b")  # a range: its lower bound
        after = _to_float(match["alow"] or match["anum"]) if match["anum"] else None
        value_max = _to_float(match["anum"]) if match["alow"] else None
        a_unit = _unit_of(match, "a")
        if b_unit is None and a_unit is None:
            continue
        unit = a_unit or b_unit
        if before is not None and b_unit and unit and b_unit != unit:
            b_size, a_size = _size(b_unit), _size(unit)
            before = before * b_size[1] / a_size[1] if b_size and a_size and b_size[0] == a_size[0] else None
        what, what_start, _ = _measure(text, match.start(), match.end())
        qualifier = _qualifier(text, match, "a") or _qualifier(text, match, "b")
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
    for match in _patterns().quantity.finditer(text):
        start, end = match.span()
        if _overlaps(masked, start, end) or text[:start].rstrip(" \t\u3000")[-1:] in _NOT_A_QUANTITY_BEFORE:
            continue
        value, unit = _to_float(match["low"] or match["num"]), _unit_of(match, "")  # 1至2天: from 1 to 2
        value_max = _to_float(match["num"]) if match["low"] else None
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
        after = value if _patterns().after_only.search(text[max(0, start - 12) : start]) else None
        qualifier = _qualifier(text, match, "") or _average_before(text, start)
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
    for match in _patterns().multiple.finditer(text):
        if not _overlaps(masked, *match.span()):
            what, what_start, what_end = _measure(text, match.start(), match.end())
            value = _to_float(match["num"])
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
        rf"(?:{_alternation(words['leads'])})(?P<base>[\u4e00-\u9fff]{{1,10}}?)的$", text[max(0, start - 16) : start]
    )
    given = re.match(
        rf"(?:{_alternation(words['verbs'])})(?P<noun>[\u4e00-\u9fff]{{2,6}}?)(?=[{_CLAUSE_BOUNDARY}]|$)",
        text[end : end + 12],
    )
    return base["base"] + given["noun"] if base and given else None


def _bare_magnitudes(text: str, masked: list[tuple[int, int]]) -> list[_Found]:
    """Figures written with a magnitude and no measure word at the end of a clause (区内就业人数近2300万, 科技人员
    110 多万): the magnitude is the unit, what precedes names the measure."""
    found = []
    for match in _patterns().bare_magnitude.finditer(text):
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
                _to_float(match["num"]),
                match["mag"],
                min(what_start, start),
                max(end, what_end),
                qualifier=qualifier,
            )
        )
    return found


def extract_outcomes(case: CaseText) -> list[Outcome]:
    """Every quantitative result in the case with the phrase that states it; see the module docstring."""
    joined, offsets = joined_text(case.text)
    masked = _masked(joined)
    changes = _changes(joined, masked)
    taken = [(f.start, f.end) for f in changes]
    found = changes + [f for f in _quantities(joined, masked) if not _overlaps(taken, f.start, f.end)]
    verbs = lexicon()["label_change_verbs"]
    ordered = sorted(found, key=lambda f: f.start)
    labelled = [(f.start, f.end, tidy(f.what)) for f in ordered]
    kept = tuple(lexicon()["label_kept_adverbs"])
    heads = tuple(lexicon()["measure_heads"])
    opposites = tuple(lexicon()["paired_opposites"])
    respective = respective_labels(joined, _patterns().quantity, verbs, kept, heads, opposites)
    respective += respective_from_before(joined, _patterns().quantity, verbs, labelled, kept)
    for figure_start, label in respective:
        owner = next((f for f in found if f.start <= figure_start < f.end), None)
        if owner is not None:  # 进港、出港查验时间分别压缩至1.5小时和1小时: each figure its own subject
            owner.what = label
    results = _results_span(joined)

    def order(f: _Found) -> tuple[bool, int]:
        in_results = results is not None and results[0] <= f.start < results[1]
        return (not in_results, f.start)

    outcomes = []
    for f in sorted(found, key=order):
        evidence = case.evidence(offsets[f.start], offsets[f.end - 1] + 1)
        what = tidy(f.what)
        outcomes.append(
            Outcome(what, f.value, f.unit, evidence, f.before, f.after, f.qualifier, f.after_text, f.value_max)
        )
    return outcomes
