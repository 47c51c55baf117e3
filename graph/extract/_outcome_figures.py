"""How a figure is written in a case's text: the number, its measure word and magnitude, the words that qualify it,
and the forms of a before/after change (由…缩短至…, an arrow between two figures, an after state in words). Split
from graph/extract/outcomes.py, which reads what each figure measures; words come from ``data/lexicon/units.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.text import parse_chinese_number

_SP = r"[ \t\u3000]*"
_NUM = r"(?<![0-9０-９.．])(?<![0-9０-９],)(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
"""A number not inside another (the 000 of 1,000, the 5 of 2.5); a half-width comma after a character is a clause mark
(13项在全国复制推广,48项在全省…), as web pages often write it, and a number may follow it."""
_OPENS_WITH_DIGIT = "(?=[0-9０-９])"
"""In front of a pattern whose matches open with ``_NUM``: the same matches, found without trying the whole pattern
at every position of the text (Python's engine scans fast only for a pattern opening with a plain class;
``graph/text.py`` ``opening_guard`` says more)."""
_OPENS_WITH_FIGURE = "(?=[0-9０-９半])"
"""The same for a figure that may be ``_HALF``."""
_CN_NUM = "[零〇一二两三四五六七八九十百千]+"
_HALF = "半(?=个?(?:天|日|小时|工作日|月|年|分钟))"
"""Half a unit of time (压缩至半天以内): a figure in a change or after its link only, where 上半年 is no figure."""
CLAUSE_BOUNDARY = "，,。；;：:！？!?\n#】"
"""Where the words a figure measures can start; 】 closes a section label (【实践成效】企业退税时间…)."""


def lexicon() -> dict[str, Any]:
    return load_lexicon("units")


def alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Patterns:
    quantity: re.Pattern[str]
    change: re.Pattern[str]
    arrow: re.Pattern[str]
    after_only: re.Pattern[str]
    multiple: re.Pattern[str]
    bare_magnitude: re.Pattern[str]


@cache
def patterns() -> Patterns:
    lex = lexicon()
    unit = alternation([u["unit"] for u in lex["units"]])
    mag = alternation(list(lex["magnitudes"]))
    q_after = alternation(lex["qualifiers_after"])
    change = lex["change"]
    attribute = r"[\u4e00-\u9fff]{2,3}的?(?=[0-9０-９])"  # 由法定(的)20个工作日压缩至承诺(的)3个工作日
    year = r"[0-9]{4}年(?:底|末|初)?的?"  # 由2021年的不足5%
    filler = rf"(?:{alternation(change['filler'])}|[ \t\u3000“”]|{year}|{attribute})*"
    verb_link = rf"(?:{alternation(change['verbs'])})了?(?:{alternation(change['link'])})"

    range_link = alternation(lex["range_links"])

    def qty(tag: str, number: str, unit_required: bool) -> str:
        unit_part = rf"(?P<{tag}unit>{unit})" + ("" if unit_required else "?")
        low = rf"(?:(?P<{tag}low>{number}){_SP}(?:{mag})?{_SP}(?:{range_link}){_SP})?"  # 1至2天: a range
        return (
            rf"{low}(?P<{tag}num>{number}){_SP}(?P<{tag}q1>{q_after})?{_SP}(?P<{tag}mag>{mag})?"
            rf"(?P<{tag}q2>{q_after})?{_SP}{unit_part}"
        )

    value = rf"(?:{_NUM}|{_CN_NUM}|{_HALF})"
    state_words = alternation([*change["instant_heads"], *change["instant"]])
    # the after value, or a state: quoted with no figure, or a phrase holding a state word up to the clause's end
    quoted = rf"(?<=[“\"「‘])(?P<quoted>[^“”\"「」‘’0-9０-９{CLAUSE_BOUNDARY}]{{1,12}})(?=[”\"」’])"
    after = (
        rf"(?:{quoted}|{qty('a', value, False)}"
        rf"|(?P<instant>[\u4e00-\u9fff]{{0,4}}?(?:{state_words})[\u4e00-\u9fff]{{0,4}}?(?=[{CLAUSE_BOUNDARY}）)”]|$)"
        rf"|{alternation(change['instant'])}))"
    )
    return Patterns(
        quantity=re.compile(_OPENS_WITH_FIGURE + qty("", rf"(?:{_NUM}|(?<=[为至到成]){_HALF})", True)),
        change=re.compile(
            rf"(?:{alternation(change['lead'])}){filler}{qty('b', value, False)}"
            rf"(?P<gap>[^。；;！？!?\n0-9]{{0,{int(change['max_gap'])}}}?){verb_link}{filler}{after}"
        ),
        arrow=re.compile(
            rf"{_OPENS_WITH_DIGIT}(?<![0-9０-９.．]){qty('b', _NUM, True)}(?P<gap>){_SP}"
            rf"(?:{alternation(change['arrows'])}){_SP}{filler}{after}"
        ),
        after_only=re.compile(rf"{verb_link}{filler}$"),
        multiple=re.compile(
            rf"(?=[零〇一二两三四五六七八九十百千])(?<![零〇一二两三四五六七八九十百千])(?P<num>{_CN_NUM}){_SP}倍"
        ),
        bare_magnitude=re.compile(
            rf"{_OPENS_WITH_DIGIT}(?P<num>{_NUM}){_SP}(?P<q1>{q_after})?{_SP}(?P<mag>{alternation(lex['bare_magnitudes'])})"
            rf"(?P<q2>{q_after})?(?={_SP}(?:[{CLAUSE_BOUNDARY}）)]|$|{alternation(lex['qualifiers_tail'])}))"
        ),
    )


@cache
def unit_table() -> dict[str, tuple[str, float]]:
    return {u["unit"]: (u["kind"], float(u["factor"])) for u in lexicon()["units"]}


def to_float(text: str) -> float | None:
    text = unicodedata.normalize("NFKC", text).replace(",", "")
    if text == "半":  # 压缩至半天
        return 0.5
    try:
        return float(text)
    except ValueError:
        number = parse_chinese_number(text)
        return float(number) if number is not None else None


def unit_of(match: re.Match[str], tag: str) -> str | None:
    unit = match[f"{tag}unit"]
    if unit is None:
        return None
    unit = lexicon()["unit_aliases"].get(unit, unit)
    return unicodedata.normalize("NFKC", (match[f"{tag}mag"] or "") + unit)


def size(unit: str) -> tuple[str, float] | None:
    """(kind, factor) of a unit with its magnitude word (万元 -> money_cny, 10000)."""
    magnitudes = lexicon()["magnitudes"]
    for mag in sorted(magnitudes, key=len, reverse=True):
        if unit.startswith(mag) and unit[len(mag) :] in unit_table():
            kind, factor = unit_table()[unit[len(mag) :]]
            return kind, factor * float(magnitudes[mag])
    return unit_table().get(unit)


def counts(unit: str | None) -> bool:
    """True when ``unit`` counts things (家, 户, 个): the noun after such a figure is what it counts, where a time, a
    share or a sum (2023年, 15%, 3亿元) measures the words that follow."""
    measured = size(unit) if unit else None
    return measured is not None and not measured[0].startswith(("time", "workday", "ratio", "money", "multiple"))


def figure_qualifier(text: str, match: re.Match[str], tag: str) -> str | None:
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


def qualifier_before_verb(text: str, start: int) -> str | None:
    """A qualifier before the change verb right before a figure (中转时间平均缩短36小时, 办理时间最快压缩至1小时): the
    figure is an average or a best case. The label drops 平均 (``without_adverb``); the qualifier keeps the word when
    no other word qualifies the figure."""
    match = _average_verb_re().search(text, max(0, start - 14), start)
    return match["word"] if match else None


def qualifier_in_label(label: str) -> str | None:
    """The word of an average inside a figure's label (车辆扫码核验平均用时, 企业年均节约资金占用成本), or None: the
    figure is an average even when the word stands in the measure's own words, not before its verb."""
    return next((word for word in lexicon()["qualifiers_in_label"] if word in label), None)


@cache
def _average_verb_re() -> re.Pattern[str]:
    lex = lexicon()
    verbs = alternation([*lex["label_change_verbs"], *lex["change"]["verbs"]])
    words = alternation(lex["qualifiers_before_verb"])
    link = alternation(lex["change"]["link"])
    return re.compile(rf"(?P<word>{words})[ \t\u3000]*可?(?:{verbs})了?(?:{link})?[ \t\u3000]*$")


@cache
def _share_qualifier_re() -> re.Pattern[str]:
    """A qualifier written before 占 of a share (约占全国结算量的50%, 超过占比…): it qualifies the share's figure."""
    words = alternation(lexicon()["qualifiers_kept"]["before"])
    return re.compile(rf"(?P<word>{words})占[^，,。；;：:0-9０-９]{{0,16}}$")
