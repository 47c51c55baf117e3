"""Quantitative outcomes of a case: a number with a measure unit, what it measures, and before/after pairs.

A figure counts only when a unit follows it (27450万元, 97.61%, 800 余户, 2104.69 万条): bare numbers are
codes, ordinals or years. Dates (``mentions.date_spans``), 文号 digits, numbers inside 《》 titles and
ordinals (第N) are masked first. Units, magnitude words, qualifiers and the change phrasings
(由…压缩为…, 从…缩短至…) come from ``data/lexicon/units.yaml``.

Before/after pairs: ``value`` is the after value and ``unit`` the after unit. When the before value is
written in another unit of the same kind it is converted into the after unit (由2小时降低为10分钟 gives
before 120, after 10, unit 分钟); when the kinds differ the before value is dropped rather than mislabelled.
An after state that is not a number (压缩至即办) gives ``value``/``after`` None with the before value kept.
Outcomes from the results section (实践效果 …) come first, then the rest, each in text order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._outcome_respectively import respective_labels
from ftzgraph.graph.extract.mentions import date_spans
from ftzgraph.graph.model import CaseText, Outcome
from ftzgraph.graph.text import doc_number_matches, joined_text, parse_chinese_number

_SP = r"[ \t\u3000]*"
_NUM = r"(?<![0-9０-９.,．])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
_CN_NUM = "[零〇一二两三四五六七八九十百千]+"
_CLAUSE_BOUNDARY = "，,。；;：:！？!?\n#"
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
    after_only: re.Pattern[str]
    multiple: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    lex = lexicon()
    unit = _alternation([u["unit"] for u in lex["units"]])
    mag = _alternation(list(lex["magnitudes"]))
    q_after = _alternation(lex["qualifiers_after"])
    change = lex["change"]
    filler = rf"(?:{_alternation(change['filler'])}|[ \t\u3000“”]|[0-9]{{4}}年(?:底|末|初)?的?)*"  # 由2021年的不足5%
    verb_link = rf"(?:{_alternation(change['verbs'])})了?(?:{_alternation(change['link'])})"

    def qty(tag: str, number: str, unit_required: bool) -> str:
        unit_part = rf"(?P<{tag}unit>{unit})" + ("" if unit_required else "?")
        return (
            rf"(?P<{tag}num>{number}){_SP}(?P<{tag}q1>{q_after})?{_SP}(?P<{tag}mag>{mag})?"
            rf"(?P<{tag}q2>{q_after})?{_SP}{unit_part}"
        )

    value = rf"(?:{_NUM}|{_CN_NUM})"
    return _Patterns(
        quantity=re.compile(qty("", _NUM, True)),
        change=re.compile(
            rf"(?:{_alternation(change['lead'])}){filler}{qty('b', value, False)}"
            rf"(?P<gap>[^。；;！？!?\n0-9]{{0,{int(change['max_gap'])}}}?){verb_link}{filler}"
            rf"(?:{qty('a', value, False)}|(?P<instant>{_alternation(change['instant'])}))"
        ),
        after_only=re.compile(rf"{verb_link}{filler}$"),
        multiple=re.compile(rf"(?<![零〇一二两三四五六七八九十百千])(?P<num>{_CN_NUM}){_SP}倍"),
    )


@cache
def _unit_table() -> dict[str, tuple[str, float]]:
    return {u["unit"]: (u["kind"], float(u["factor"])) for u in lexicon()["units"]}


def _to_float(text: str) -> float | None:
    text = unicodedata.normalize("NFKC", text).replace(",", "")
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


def _masked(text: str) -> list[tuple[int, int]]:
    spans = [(d.start, d.end) for d in date_spans(text)]
    spans += [m.span() for m in _TITLE_RE.finditer(text)]
    spans += [m.span() for m in doc_number_matches(text)]
    return spans


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def _measure(text: str, start: int, end: int) -> tuple[str, int, int]:
    """What a figure measures: the clause text before it (or after it, when nothing precedes), with its span."""
    clause_start = start
    while clause_start > 0 and text[clause_start - 1] not in _CLAUSE_BOUNDARY and start - clause_start < 60:
        clause_start -= 1
    phrase = text[clause_start:start]
    previous = list(_patterns().quantity.finditer(phrase))
    if previous:
        phrase = phrase[previous[-1].end() :]
    lead_ins = lexicon()["measure_lead_ins"]
    trailing = sorted([*lead_ins, *lexicon()["qualifiers_before"], *_CONNECTORS], key=len, reverse=True)
    core = phrase.rstrip(" \t\u3000")
    changed = True
    while changed:
        changed = False
        for word in trailing:
            if core.endswith(word):
                core, changed = core[: -len(word)].rstrip(" \t\u3000"), True
    cut = 0
    for word in lead_ins:
        at = core.rfind(word)
        if at >= 0 and len(core) - (at + len(word)) >= 2:
            cut = max(cut, at + len(word))
    core = core[cut:][-_MAX_MEASURE:].lstrip(" \t\u3000、")
    core = _without_adverb(core)
    change_only = bool(_change_only_re().fullmatch(core))
    if change_only:  # …货值占比由2021年的不足5%提升至31.6%: the subject is before 由
        subject = _subject_before_change(text, clause_start, start)
        if subject:
            return subject, clause_start + text[clause_start:start].find(subject), end
    elif len(core) >= 2:
        return core, start - len(phrase) + phrase.rfind(core), end
    noun = None if change_only else _noun_after(text, end)  # 为327家企业发放贷款: the noun, up to the verb ending it
    if noun:
        return noun, start, end + text[end:].find(noun) + len(noun)
    tail = end
    while tail < len(text) and text[tail] not in _CLAUSE_BOUNDARY and tail - end < _MAX_MEASURE:
        tail += 1
    following = _patterns().quantity.search(text, end, tail)
    tail = following.start() if following else tail
    if text[end:tail].strip() and not change_only:
        return text[end:tail].strip().rstrip("".join(_CONNECTORS)), start, tail
    # 外网申请…的业务，压缩至2个工作日内办结: a change verb alone names no measure; the measure is the clause before
    # "…办理事项，共计 20274 件": the measure is the clause before
    previous_end = clause_start - 1
    previous_start = previous_end
    while (
        previous_start > 0 and text[previous_start - 1] not in _CLAUSE_BOUNDARY and previous_end - previous_start < 60
    ):
        previous_start -= 1
    phrase = text[max(previous_start, previous_end - _MAX_MEASURE) : max(previous_end, 0)].strip()
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


def _without_adverb(label: str) -> str:
    """``成本平均降低`` -> ``成本降低``: an adverb right before the label's final change verb says how the figure
    was taken, not what it measures."""
    lex = lexicon()
    for verb in lex["label_change_verbs"]:
        if label.endswith(verb):
            head = label[: -len(verb)]
            for adverb in sorted(lex["label_adverbs"], key=len, reverse=True):
                if head.endswith(adverb) and len(head) > len(adverb) + 1:
                    return head[: -len(adverb)] + verb
            comparison = _comparison_re().search(head)  # 贷款利率较改革前下降: the baseline, no part of the measure
            if comparison and comparison.start() >= 2:
                return head[: comparison.start()] + verb
    return label


@cache
def _comparison_re() -> re.Pattern[str]:
    words = lexicon()["label_comparisons"]
    return re.compile(rf"(?:{_alternation(words['openers'])})[^，。；]{{0,6}}?(?:{_alternation(words['ends'])})$")


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
    head = text[: match.start(f"{tag}num")].rstrip(" \t\u3000")
    for word in sorted(kept["before"], key=len, reverse=True):
        if head.endswith(word):
            return str(word)
    return None


def _changes(text: str, masked: list[tuple[int, int]]) -> list[_Found]:
    found = []
    for match in _patterns().change.finditer(text):
        if _overlaps(masked, match.start("bnum"), match.end("bnum")):
            continue
        before, b_unit = _to_float(match["bnum"]), _unit_of(match, "b")
        after = _to_float(match["anum"]) if match["anum"] else None
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
                match["instant"],
            )
        )
    return found


_NOUN_STOP = "，,。；;、：:！？!?\n#和及等与"
_NOT_NOUN_START = "的以左次其余多内后前期"
"""A phrase opening with these is no noun of its own: 30分钟**以内**, 1年**期**以内贷款 (a term, not a count)."""
_MAX_FOLLOWING = 12


def _noun_after(text: str, end: int) -> str | None:
    """The noun phrase right after a figure's unit (300余家**法人企业**、…), or None when none follows."""
    at = end
    for word in lexicon()["qualifiers_kept"]["tail"]:
        if text.startswith(word, at) and not (word == "内" and text[at + 1 : at + 2] in "部容外地陆"):
            at += len(word)
    stop = at
    while stop < len(text) and text[stop] not in _NOUN_STOP and not text[stop].isdigit() and stop - at <= 16:
        stop += 1
    phrase = text[at:stop].strip(" \t\u3000")
    for verb in lexicon()["noun_enders"]:  # 其中42项**实现**全程网办: the items counted are what the verb reaches
        if phrase.startswith(verb) and len(phrase) - len(verb) >= 2:
            phrase = phrase[len(verb) :]
            break
    for verb in lexicon()["noun_enders"]:
        cut = phrase.find(verb)
        if cut >= 2:
            phrase = phrase[:cut]
    cut = phrase.find("的")  # 5个领域**的**包容免罚事项清单: the figure counts 领域
    if cut >= 2 and not any(w in phrase[:cut] for w in lexicon()["relative_clause_words"]):
        phrase = phrase[:cut]  # (12项全国首创的制度创新成果: a relative clause; the figure counts what follows 的)
    for adverb in sorted(lexicon()["noun_trailing_adverbs"], key=len, reverse=True):  # 在建工程项目**全部**纳入
        if phrase.endswith(adverb) and len(phrase) - len(adverb) >= 2:
            phrase = phrase[: -len(adverb)]
    if not 2 <= len(phrase) <= 16 or phrase[0] in _NOT_NOUN_START or not re.match("[\u4e00-\u9fff“（(]", phrase):
        return None
    return phrase[:_MAX_FOLLOWING]


def _label_follows(text: str, start: int, what: str) -> bool:
    """True when what a figure counts is written after it: an item of an enumeration (、322个县（市）区部门)
    or a figure after a verb that names no measure (覆盖300余家…, 全市共有120家…)."""
    lead = text[:start].rstrip(" \t\u3000")
    for word in sorted(lexicon()["qualifiers_kept"]["before"], key=len, reverse=True):
        if lead.endswith(word):
            lead = lead[: -len(word)].rstrip(" \t\u3000")
            break
    if lead.endswith(("、", "和", "及", "与", "等")):  # A、B等76项事项: what is counted follows the unit
        return True
    if not what:
        return True
    bare = lead
    for word in sorted(lexicon()["qualifiers_before"], key=len, reverse=True):  # 人才达300名: 达 is no verb here
        if bare.endswith(word):
            bare = bare[: -len(word)].rstrip(" \t\u3000")
            break
    return _names_no_measure(what, verb_between=not bare.endswith(what))


def _names_no_measure(what: str, verb_between: bool = True) -> bool:
    """True when the phrase before a figure ends in a verb whose object the figure counts (覆盖, 部署, 梳理出,
    出台了) or in an adverb (当年就): it names no measure, and the label is what follows the unit.

    An adverb modifies a verb, so an adverb ending counts only when a verb (a lead-in such as 完成) stood between it
    and the figure (``verb_between``): written right before the figure, 才 and 都 end nouns (引进各类人才300余名,
    落户成都3家企业). 出 is a verb's complement only after a verb that takes one (梳理出, 筛选出); 研发支出3.5亿元
    and 年产出120万吨 measure the spending and the output."""
    lex = lexicon()
    if any(what.endswith(word) for word in [*lex["measure_existential"], *lex["measure_object_verbs"]]):
        return True
    if what in lex["measure_object_verbs_or_nouns"]:
        return True  # 累计组织300家企业; 社会组织120家 names what it counts
    if verb_between and what.endswith(tuple(lex["measure_adverb_endings"])):
        return True  # 当年就完成…
    if what in lex["measure_scope_words"]:
        return True  # 为全市5.2万户纳税人提供…: a scope names no measure
    if what.endswith("了"):  # a verb with its aspect; 增长了35% measures the growth itself
        stem = what[:-1]
        return len(stem) >= 2 and not stem.endswith(tuple([*lex["label_change_verbs"], *lex["change"]["verbs"]]))
    if what.endswith("出"):
        return what[:-1].endswith(tuple([*lex["measure_object_verbs"], *lex["verbs_before_chu"]]))
    return False


def _quantities(text: str, masked: list[tuple[int, int]]) -> list[_Found]:
    found = []
    for match in _patterns().quantity.finditer(text):
        start, end = match.span()
        if _overlaps(masked, start, end) or text[:start].rstrip(" \t\u3000")[-1:] in _NOT_A_QUANTITY_BEFORE:
            continue
        value, unit = _to_float(match["num"]), _unit_of(match, "")
        what, what_start, what_end = _measure(text, start, end)
        following = _noun_after(text, end)
        if following and _label_follows(text, start, what):
            what, what_start, what_end = following, start, end + text[end:].find(following) + len(following)
        after = value if _patterns().after_only.search(text[max(0, start - 12) : start]) else None
        qualifier = _qualifier(text, match, "")
        found.append(
            _Found(what, value, unit, min(what_start, start), max(end, what_end), after=after, qualifier=qualifier)
        )
    for match in _patterns().multiple.finditer(text):
        if not _overlaps(masked, *match.span()):
            what, what_start, what_end = _measure(text, match.start(), match.end())
            value = _to_float(match["num"])
            found.append(_Found(what, value, "倍", min(what_start, match.start()), max(match.end(), what_end)))
    return found


def extract_outcomes(case: CaseText) -> list[Outcome]:
    """Every quantitative result in the case with the phrase that states it; see the module docstring."""
    joined, offsets = joined_text(case.text)
    masked = _masked(joined)
    changes = _changes(joined, masked)
    taken = [(f.start, f.end) for f in changes]
    found = changes + [f for f in _quantities(joined, masked) if not _overlaps(taken, f.start, f.end)]
    for figure_start, label in respective_labels(joined, _patterns().quantity, lexicon()["label_change_verbs"]):
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
        outcomes.append(Outcome(f.what, f.value, f.unit, evidence, f.before, f.after, f.qualifier, f.after_text))
    return outcomes
