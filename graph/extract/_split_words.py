"""The words and marks a heading line is read by: the symbols that lead it, the genre's section words, a number
standing alone, a figure.

Shared by the splitter's fallback (graph/extract/_split_fallback.py), its heading reader (_split_headings.py) and its
providers (_split_units.py); split from the fallback so that each of those stays one noun. Words come from
``data/lexicon/layouts.yaml``; nothing here names a document.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.text import NUMERAL_CLASS

NUMERAL_RUN = rf"[{NUMERAL_CLASS}]+"


BRACKETED_NUMBER_RE = re.compile(r"^[【〔\[［〖](?P<n>[^【】〔〕\[\]［］〖〗]{1,8})[】〕\]］〗]$")
"""A number line in a tag's brackets (【案例一】, 〔01〕): subtitles or a web copy mark the case above its title so;
round brackets are left out, since （一） alone over a line heads a part as often as a case."""


NUMBER_ALONE_RE = re.compile(
    rf"^(?:NO\.?|No\.?|PART\s*\.?|Part\s*\.?|第|附\s*件(?:\s*[0-9０-９]+\s*[-－–—]\s*)?|(?:典型|创新)?案例)?\s*(?P<n>{NUMERAL_RUN})\s*(?:[篇章部则个项]|[.．、])?$"
)
"""A line holding only a number (01, 第一篇, NO.1, Part.01, 附件3, 附件2-3, 案例二): web copies put the case's
number above its title, and notices open each case as an attachment (附件3 / title), a compilation as a
sub-attachment (附件2-3)."""


_SYMBOL_LEAD_RE = re.compile(r"^[▌■□●○◆◇★☆▶►▷→·•※◎\-—–>\s]+")
"""Symbols a web page or a slide puts before a heading (▌改革背景, ◆ title): layout, not text."""


_SYMBOL_CATEGORIES = frozenset({"So", "Sm", "Sk", "Mn", "Cf", "Pd", "Zs"})
"""Unicode categories of marks that lead a heading and are no text: symbols and emoji (■ ▲ 🔹 👉 ✅), their
variation selectors and joiners, dashes and spaces. Brackets, quotes and numerals are other categories."""


FIGURE_RE = re.compile(
    r"[0-9０-９]+(?:\.[0-9]+)?\s*(?:余|多|近)?\s*(?:%|％|个|家|项|件|户|人|次|倍|单|辆|艘|架|宗|亩|天|小时|分钟|"
    r"万|亿|元|吨|平方米|公里|票|批|笔|名|位|本|台|套|张|份|条|座|箱|所|场|株|头|只)"
)
"""A figure with a unit, as a case states its results (40余艘, 35%, 2个工作日); a date (2024年) is none."""


SENTENCE_END = ("。", "；", ";", "，", ",", "：", ":", "！", "？", "!", "?", "、")


_CONNECTORS_RE = re.compile(r"[和与及、的]|主要|[【】\[\]〔〕（）()]")


MIN_CASE_CHARS = 40
"""A section shorter than this is no case (an attachment list's line, a table of contents' entry)."""


@cache
def fallback_words() -> dict[str, Any]:
    return dict(load_lexicon("layouts")["fallback"])


def strip_marks(text: str) -> tuple[str, bool]:
    """``text`` without the symbols leading it (■ ▲ 🔹 👉 ✅ ▌ ◆, any emoji), and whether there were any."""
    lead = _SYMBOL_LEAD_RE.match(text)
    k = lead.end() if lead else 0
    while k < len(text) and (unicodedata.category(text[k]) in _SYMBOL_CATEGORIES or text[k] in "·•※\t"):
        k += 1
    return text[k:], k > 0 and bool(text[:k].strip())


def is_section_heading(text: str) -> bool:
    """True for a heading made of section words (改革背景, 主要举措和做法, 取得成效): a part of a case, no case."""
    lexicon = fallback_words()
    if len(text) > int(lexicon["section_heading_chars"]):
        return False
    rest = _CONNECTORS_RE.sub("", text)
    words = [w for w in lexicon["section_words"] if w in rest]
    for word in sorted(words, key=len, reverse=True):
        rest = rest.replace(word, "")
    return bool(words) and len(rest) <= 2
