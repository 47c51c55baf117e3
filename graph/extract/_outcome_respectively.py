"""Figures given 分别 (respectively): ``船舶进港、出港查验时间分别压缩至1.5小时和1小时`` states two measures, one per
listed subject, and each figure takes its own subject as its label.

The subjects are the items listed before 分别 (split at 、和及与, outside quotes). Parallel items often share the
words around them: in 进港、出港查验时间 the first item carries the shared head (船舶) and the last the shared tail
(查验时间); two-character items that mirror each other (进港/出港, 进口/出口) are read as the parallel part. When
the items and the figures do not pair up (服务贸易占全国比重分别达19.6%和24.3%), every figure takes the whole
subject, which still names what is measured better than the words before the second figure.
"""

from __future__ import annotations

import re
from functools import cache

from ftzgraph.graph.extract._outcome_figures import lexicon
from ftzgraph.graph.text import word_alternation

_BOUNDARY = "，,。；;：:！？!?\n"
_SEPARATOR_RE = re.compile(r"\s*(?:左右|以上|以内|以下|余|多)?\s*[、和及与]\s*")
_MAX_VERB = 8
"""Characters allowed between 分别 and the first figure (压缩至, 同比增长, 为)."""


def respective_labels(
    text: str,
    quantity: re.Pattern[str],
    change_verbs: list[str],
    kept: tuple[str, ...] = (),
    heads: tuple[str, ...] = (),
    opposites: tuple[str, ...] = (),
) -> list[tuple[int, str]]:
    """(start of a figure, its label) for every figure of a run given with 分别 in ``text``. An adverb a label keeps
    closing the subject (``kept``: …铁路货运量同比分别增长) goes with the verb of every item; a measure's head noun
    only the last item writes (``heads``: 企业开办、项目审批、不动产登记时间) is every item's. Two items written
    together with no mark are split when they share a character (外贸外资) or are ``opposites`` sharing the next
    (进口出口)."""
    found: list[tuple[int, str]] = []
    for word in re.finditer("分别", text):
        clause_start = max(text.rfind(ch, 0, word.start()) for ch in _BOUNDARY) + 1
        subject = text[clause_start : word.start()].strip(" \t\u3000")
        first = quantity.search(text, word.end())
        if first is None or first.start() - word.end() > _MAX_VERB:
            continue
        verb = text[word.end() : first.start()]
        if any(ch in verb for ch in _BOUNDARY):
            continue
        figures = [first]
        while (separator := _SEPARATOR_RE.match(text, figures[-1].end())) and (
            following := quantity.match(text, separator.end())
        ):
            figures.append(following)
        if len(figures) < 2 or len(subject) < 2:
            continue
        adverb = next((word for word in kept if subject.endswith(word) and len(subject) > len(word) + 1), "")
        subject = subject[: len(subject) - len(adverb)]
        measured = verb.strip() if verb.strip() in change_verbs else ""  # 分别增长10%、5%: the growth is measured
        measured = adverb + measured if measured else measured
        items = _items(subject)
        labels = _distributed(items) if len(items) == len(figures) else [subject] * len(figures)
        if len(items) == 1 and len(figures) == 2:
            items = labels = _paired(subject, opposites) or labels
        shared = _shared_tail(labels) if len(items) == len(figures) else ""
        if shared:  # 一般纳税人、小规模纳税人网上申报率: the words after the items' common noun are every item's
            labels = [label + shared for label in labels[:-1]] + labels[-1:]
        head = "" if shared else next((h for h in sorted(heads, key=len, reverse=True) if labels[-1].endswith(h)), "")
        if len(head) == 1 and len(labels[-1]) >= 5:
            head = labels[-1][-3:]  # 跨境电商、市场采购出口额: a one-character head (额, 率, 量) with the noun it ends
        headless = not any(label.endswith(heads) for label in labels[:-1])  # 办理环节、时间: each its own head
        if head and len(items) == len(figures) and headless and len(labels[-1]) >= len(head) + 2:
            labels = [label + head for label in labels[:-1]] + labels[-1:]  # 企业开办、…不动产登记时间
        found.extend((figure.start(), label + measured) for figure, label in zip(figures, labels, strict=True))
        after = _after_run(text, figures[-1].end(), quantity, len(figures))  # 分别由15天、12天压减到5天、3天
        if after:
            found.extend((figure.start(), label) for figure, label in zip(after, labels, strict=True))
    return found


def _after_run(text: str, end: int, quantity: re.Pattern[str], size: int) -> list[re.Match[str]]:
    """The run of after values of a change given 分别 (…分别由15天、12天、10天压减到5天、3天、3天以内): as many figures
    as the before run, right after a change verb and its link; [] when none or of another length."""
    change = _change_re().match(text, end)
    if change is None:
        return []
    figures = []
    following = quantity.match(text, change.end())
    while following:
        figures.append(following)
        separator = _SEPARATOR_RE.match(text, following.end())
        following = quantity.match(text, separator.end()) if separator else None
    return figures if len(figures) == size else []


@cache
def _change_re() -> re.Pattern[str]:
    change = lexicon()["change"]
    verbs, links = word_alternation(change["verbs"]), word_alternation(change["link"])
    return re.compile(rf"[ \t\u3000]*(?:左右|以上|以内)?[ \t\u3000]*(?:{verbs})了?(?:{links})[ \t\u3000]*")


def _shared_tail(labels: list[str]) -> str:
    """The words the last item writes after the noun every item ends in (一般纳税人、小规模纳税人网上申报率 ->
    网上申报率), or "" when the items end in no common noun of two characters or more."""
    first, last = labels[0], labels[-1]
    for size in range(min(len(first), 6), 1, -1):
        noun = first[-size:]
        at = last.find(noun)
        tail = last[at + size :] if at >= 0 else ""
        if len(tail) >= 2 and all(label.endswith(noun) for label in labels[:-1]):
            return tail
    return ""


def _items(subject: str) -> list[str]:
    """``船舶进港、出港查验时间`` -> [船舶进港, 出港查验时间]: the subject split at 、和及与 outside quotes."""
    items, depth, current = [], 0, ""
    for ch in subject:
        depth += 1 if ch in "“《（(" else -1 if ch in "”》）)" else 0
        if ch in "、和及与" and depth <= 0:
            items.append(current)
            current = ""
        else:
            current += ch
    items.append(current)
    return [item.strip() for item in items if item.strip()]


_SAME_HEAD_RE = re.compile(r"([\u4e00-\u9fff])([\u4e00-\u9fff])\1([\u4e00-\u9fff])")  # 外贸外资
_SAME_TAIL_RE = re.compile(r"([\u4e00-\u9fff])([\u4e00-\u9fff])([\u4e00-\u9fff])\2")  # 进口出口


def _paired(subject: str, opposites: tuple[str, ...]) -> list[str] | None:
    """Two items written together with no mark, sharing a character (外贸外资占全国比重 -> 外贸占全国比重 and
    外资占全国比重; 进口出口额 -> 进口额 and 出口额): each item with the words around them; None when none."""
    opposite = next((m for m in _SAME_TAIL_RE.finditer(subject) if {m[1] + m[3], m[3] + m[1]} & set(opposites)), None)
    same_head = None if opposite else _SAME_HEAD_RE.search(subject)
    match = opposite or same_head
    if match is None:
        return None
    head, tail = subject[: match.start()], subject[match.end() :]
    first, second, third = match.groups()
    cores = [first + second, first + third] if same_head else [first + second, third + second]
    return [head + core + tail for core in cores]


def _distributed(items: list[str]) -> list[str]:
    """Each item with the head of the first and the tail of the last when the items are parallel two-character
    words (进港、出港查验时间 -> 进港查验时间 and 出港查验时间, with the head 船舶 of the first); else the items."""
    first, last, middle = items[0], items[-1], items[1:-1]
    if len(first) < 2 or len(last) < 2 or any(len(item) != 2 for item in middle) or len(first) == len(last):
        return items
    mirrored = first[-1] == last[1] or first[-2] == last[0]
    if not (mirrored or len(first) == 2 or len(last) == 2):
        return items
    head, tail = first[:-2], last[2:]
    return [head + core + tail for core in [first[-2:], *middle, last[:2]]]


_SENTENCE_END = "。；;！？!?\n"
_BASELINE_RE = re.compile(r"^(?:比|较|与)[^，。；]{1,12}$")
_YEAR_RE = re.compile(r"[0-9]{4}\s*年")
"""The baseline before the verb after 分别 (分别比2017年压缩): no part of what is measured."""


def respective_from_before(
    text: str,
    quantity: re.Pattern[str],
    change_verbs: list[str],
    labelled: list[tuple[int, int, str]],
    kept: tuple[str, ...] = (),
) -> list[tuple[int, str]]:
    """(start of a figure, its label) for a run given with 分别 that opens its clause (…外资3.2亿美元，分别增长21%
    和35%): its figures pair, in order, with the figures of the clauses before it in the sentence (``labelled``: each
    found figure's span and label), and each takes that figure's label and the change verb after 分别, with an
    adverb a label keeps (``kept``: 分别同比增长 gives X同比增长)."""
    found: list[tuple[int, str]] = []
    for word in re.finditer("分别", text):
        clause_start = max(text.rfind(ch, 0, word.start()) for ch in _BOUNDARY) + 1
        if text[clause_start : word.start()].strip():
            continue  # a subject of its own: respective_labels
        years = (m for m in quantity.finditer(text, word.end()) if not _YEAR_RE.fullmatch(m.group()))
        first = next(years, None)  # 分别比2017年压缩62.3%: the year is the baseline's
        if first is None or first.start() - word.end() > _MAX_VERB + 8:
            continue
        between = text[word.end() : first.start()].strip()
        verb = next((v for v in sorted(change_verbs, key=len, reverse=True) if between.endswith(v)), "")
        baseline = between[: len(between) - len(verb)]
        if baseline in kept:  # 分别同比增长: year on year stays with the change
            verb, baseline = baseline + verb, ""
        if not verb or any(ch in between for ch in _BOUNDARY) or (baseline and not _BASELINE_RE.match(baseline)):
            continue  # 分别增长, 分别比2017年压缩: a change verb, after a baseline or none
        figures = [first]
        while (separator := _SEPARATOR_RE.match(text, figures[-1].end())) and (
            following := quantity.match(text, separator.end())
        ):
            figures.append(following)
        sentence_start = max(text.rfind(ch, 0, clause_start) for ch in _SENTENCE_END) + 1
        before = [(start, label) for start, end, label in labelled if sentence_start <= start and end <= clause_start]
        if len(figures) < 2 or len(before) < len(figures):
            continue
        pairs = zip(figures, before[-len(figures) :], strict=True)
        found.extend((figure.start(), label + verb) for figure, (_, label) in pairs)
    return found
