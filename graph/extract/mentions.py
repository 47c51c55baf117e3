"""Dates and named companies mentioned in a case.

Dates are normalised to the XSD lexical forms the graph uses: ``2022年`` -> ``2022`` (gYear),
``2022年3月`` -> ``2022-03`` (gYearMonth), ``2023年10月20日`` -> ``2023-10-20`` (date), and a month range
``2023年1-9月`` -> ``2023-01/2023-09`` (a year range ``2022—2025年`` -> ``2022/2025``). Only dates that carry
their year are returned: ``5月10日`` cannot be placed without guessing. ``date_spans`` also reports the
yearless ones, so the outcome extractor never reads ``10 月 20 日`` as "20 days". Dates inside a 《》 title
belong to the document cited (``（2022—2025年）``) and are skipped.

Companies end with a legal-form suffix (有限公司, 股份有限公司, 集团 …); the name runs left to the nearest
punctuation or a word that cannot start a name (为, 以, 一是 …). Both lists are in ``data/lexicon/companies.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.model import CaseText, Mention
from ftzgraph.graph.text import joined_text, parse_chinese_number

_SP = r"[ \t\u3000]*"
_CN_YEAR = "[〇零一二三四五六七八九]{4}"
_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY = r"[12][0-9]|3[01]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_RANGE = "[-—–~～至到]"
_DATE_RE = re.compile(
    rf"(?P<y1>(?:19|20)\d{{2}}){_SP}(?:年{_SP})?{_RANGE}{_SP}(?P<y2>(?:19|20)\d{{2}}){_SP}年"
    rf"|(?<![0-9])(?P<y>(?:19|20)\d{{2}}|{_CN_YEAR}){_SP}年"
    rf"(?:{_SP}(?P<ma>{_MONTH}){_SP}(?:月{_SP})?{_RANGE}{_SP}(?P<mb>{_MONTH}){_SP}月(?:份)?"
    rf"|{_SP}(?P<m>{_MONTH}){_SP}月(?:份)?(?:{_SP}(?P<d>{_DAY}){_SP}[日号])?)?"
    rf"|(?<![0-9])(?P<ra>{_MONTH}){_SP}(?:月{_SP})?{_RANGE}{_SP}(?P<rb>{_MONTH}){_SP}月(?:份)?"
    rf"|(?<![0-9一二三四五六七八九十])(?P<om>{_MONTH}){_SP}月(?:份)?(?:{_SP}(?P<od>{_DAY}){_SP}[日号])?"
)
_TITLE_RE = re.compile(r"《[^《》\n]{0,160}》")


@dataclass(frozen=True)
class DateSpan:
    """A date-like expression in a text: its span and its normalised value (None when it has no year)."""

    start: int
    end: int
    value: str | None


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    if len(text) == 4 and all(ch in "〇零一二三四五六七八九" for ch in text):
        return int("".join(str(parse_chinese_number(ch)) for ch in text))
    return parse_chinese_number(text)


def _value(match: re.Match[str]) -> str | None:
    """The normalised value of a date match; None when it lacks a year or is not a real date."""
    if match["y1"]:
        return f"{match['y1']}/{match['y2']}"
    year = _number(match["y"])
    if year is None:
        return None
    if match["ma"]:
        first, last = _number(match["ma"]), _number(match["mb"])
        if first is None or last is None or not 1 <= first <= last <= 12:
            return None
        return f"{year}-{first:02d}/{year}-{last:02d}"
    month = _number(match["m"])
    if month is None:
        return str(year)
    day = _number(match["d"])
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{day:02d}" if 1 <= day <= 31 else None


def date_spans(text: str) -> list[DateSpan]:
    """Every date-like expression in ``text`` (titles in 《》 included), with or without a year."""
    return list(_date_spans(text))


@lru_cache(maxsize=256)
def _date_spans(text: str) -> tuple[DateSpan, ...]:
    """Memoised: the date and outcome extractors both read the dates of the same rejoined case text."""
    return tuple(DateSpan(m.start(), m.end(), _value(m)) for m in _DATE_RE.finditer(text))


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def extract_dates(case: CaseText) -> list[Mention]:
    """Dates that carry a year, in text order, each with its normalised value."""
    joined, offsets = joined_text(case.text)
    titles = [m.span() for m in _TITLE_RE.finditer(joined)]
    mentions = []
    for span in date_spans(joined):
        if span.value is None or _inside(titles, span.start, span.end):
            continue
        evidence = case.evidence(offsets[span.start], offsets[span.end - 1] + 1)
        mentions.append(Mention(evidence.quote, evidence, span.value))
    return mentions


def lexicon() -> dict[str, Any]:
    return load_lexicon("companies")


@cache
def _company_re() -> re.Pattern[str]:
    suffixes = sorted(lexicon()["suffixes"], key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, suffixes)) + r")(?![\u4e00-\u9fff])?")


_NAME_CHAR_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9（）()·&\-]")


def _left_boundary(text: str, suffix_start: int) -> int:
    """Where a company name that ends at ``suffix_start`` begins."""
    limit = int(lexicon()["max_name_length"])
    start = suffix_start
    while start > 0 and suffix_start - start < limit and _NAME_CHAR_RE.match(text[start - 1]):
        start -= 1
    head = text[start:suffix_start]
    best = 0
    for word in lexicon()["left_stops"]:
        at = head.rfind(word)
        # a stop word counts only when at least two characters of name remain after it
        if at >= 0 and len(head) - (at + len(word)) >= 2:
            best = max(best, at + len(word))
    return start + best


def extract_companies(case: CaseText) -> list[Mention]:
    """Named companies (full legal names), once each in order of first mention; value is the name."""
    joined, offsets = joined_text(case.text)
    seen: set[str] = set()
    mentions = []
    for match in _company_re().finditer(joined):
        if match.group() == "集团" and re.match(r"[\u4e00-\u9fff]", joined[match.end() : match.end() + 1]):
            continue  # 集团客户, 集团化: not the end of a name
        start = _left_boundary(joined, match.start())
        if match.start() - start < 2:
            continue
        name = re.sub(r"\s+", "", joined[start : match.end()])
        if name in seen:
            continue
        seen.add(name)
        evidence = case.evidence(offsets[start], offsets[match.end() - 1] + 1)
        mentions.append(Mention(name, evidence, name))
    return mentions
