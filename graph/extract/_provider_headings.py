"""The provider a case's heading names: before a colon (一、宁波市北仑区：title), by a stem (◇瑞丽：title), as a
label (【章贡区】title, ■ X局｜title), in brackets at its end (title（钦州港片区）) or as the subject of a sentence
heading (（一）醴陵市推行…). Split from ``provider.py`` by noun: these read the heading; ``provider.py`` chooses among
them and the case's other lines.
"""

from __future__ import annotations

import re

from ftzgraph.graph.extract._agency_names import load_divisions
from ftzgraph.graph.extract._split_leads import acting_subject, is_generic, is_place
from ftzgraph.graph.extract._split_shapes import title_without_mark
from ftzgraph.graph.extract._split_titles import (
    HEADING_PIPE_PLACE_RE,
    HEADING_PROVIDER_RE,
    HEADING_TAG_PLACE_RE,
    ORDINAL_RE,
    placed_heading,
)
from ftzgraph.graph.extract._split_units import stem_place
from ftzgraph.graph.extract._split_words import strip_marks
from ftzgraph.graph.model import CaseText

ADOPTING_RE = re.compile("(?:复制|推广|借鉴|学习|引进|引入|参照|对标|承接)")
"""The verbs of copying a practice: a place after them is where it came from, not who provides the case."""


_SQUARE_WIDTH = str.maketrans("［］", "[]")


def _unmarked(heading: str) -> str:
    """A heading without its ordinal, its symbols and a numbered mark opening it (02｜, 样本一—), as its title is read
    (``clean_title``): what a provider opening the heading stands first in."""
    return strip_marks(title_without_mark(strip_marks(ORDINAL_RE.sub("", heading, count=1))[0]))[0]


def heading_place(case: CaseText) -> tuple[str, int, int] | None:
    """The provider that opens the heading before a colon (一、宁波市北仑区：国际贸易…)."""
    quote = case.heading.quote
    bare = _unmarked(quote)  # ◆兰州新区：title, 02｜应县：title: the symbol or the numbered mark is layout
    match = placed_heading(bare.translate(_SQUARE_WIDTH))  # title［X局］ as title[X局]: one character each
    if match is None:
        return None
    start = case.heading.start - case.start + len(quote) - len(bare) + match.start("p")
    name = match["p"]
    if tag := _COLUMN_TAG_RE.match(name):  # 【联动创新】邗江区：title: the column's tag is no part of the place
        name, start = name[tag.end() :], start + tag.end()
    return name, start, start + len(name)


_COLUMN_TAG_RE = re.compile(r"^[【〔\[][^】〕\]]{1,12}[】〕\]]\s*")
"""A column's or a topic's tag in brackets before a heading's place (【联动创新】X区：title), which names no unit."""


_STEM_LABEL_RE = re.compile(r"(?P<p>[\u4e00-\u9fff]{2,3})[：:]\s*\S")


def heading_stem(case: CaseText) -> tuple[str, int, int] | None:
    """The place a heading opens with by its stem alone before a colon (◇瑞丽：title, 一、陇川：title): a bulletin's
    label for the city or county that sent the item, when the stem names one (``stem_place``)."""
    quote = case.heading.quote
    bare = _unmarked(quote)
    label = _STEM_LABEL_RE.match(bare)
    if label is None or not (stem_place(label["p"]) or label["p"] in load_divisions().stems):
        return None  # 东兴：title, a stem two places share: the document's city tells (``provider_stem_in_city``)
    start = case.heading.start - case.start + len(quote) - len(bare)
    return label["p"], start, start + len(label["p"])


def heading_subject(case: CaseText) -> tuple[str, int, int] | None:
    """The place or body a sentence heading opens with as the subject of its reform (（一）醴陵市推行陶瓷出口“集拼转
    关”。…, 市行政审批服务局推行“证照联办”): a progress report titles each case by who did what, so the heading's
    subject is the case's provider, and an office of that place acting in the text (醴陵市商务局借鉴…) is not."""
    quote = case.heading.quote
    bare = re.split("[。！？!?]", strip_marks(ORDINAL_RE.sub("", quote, count=1))[0], maxsplit=1)[0]  # its sentence
    bare = _SPOKEN_ORDINAL_RE.sub("", bare, count=1)  # 第三个，市税务局推行的“A”: a speech counts its examples so
    bare = _RUN_IN_DASH_RE.sub("", bare, count=1)  # ——X局联合Y局推出“A”，…: a report's dash-led run-in case
    clause = re.split("[，,]", bare, maxsplit=1)[0]
    if clause != bare and re.search('[“"「][^”"」]{2,40}[”"」]$', clause):
        bare = clause  # X局推出“A”，借鉴…: the clause naming the practice is the heading's own sentence
    found = acting_subject(bare, 0) or _quoted_owner(bare, case.text) or _owner_of(bare)
    if found is None or found[1] != 0 or len(bare) - found[2] < 4 or re.search("[，,]|[:：].", bare):
        return None  # a title that only mentions a place, a label before a colon (``heading_place``), a sentence
    start = case.heading.start - case.start + len(quote) - len(bare)
    return found[0], start + found[1], start + found[2]


_RUN_IN_DASH_RE = re.compile(r"^[ \t\u3000]*(?:——|—|－－|--)")
_SPOKEN_ORDINAL_RE = re.compile(
    r"^第[一二三四五六七八九十两\d]{1,3}个(?:案例|例子|故事|做法|经验)?(?:呢|啊)?(?:是|就是)?(?:呢)?[，,：:]"
)
"""How a speech opens each example it tells (第一个，… / 第二个例子是，…), before the example's owner and title."""
_OWNER_RE = re.compile(r"(?P<p>[\u4e00-\u9fff]{2,12}?)的(?=[\u4e00-\u9fff“\"「])")


def _owner_of(heading: str) -> tuple[str, int, int] | None:
    """The place whose practice a heading's sentence names as its own (滕州市的机床产业“共享检测”服务, 枣庄高新区的A):
    a place or a zone before 的, never a generic zone or a place the heading says it copied from."""
    match = _OWNER_RE.match(heading)
    place = match["p"] if match else ""
    if not is_place(place) or is_generic(place) or ADOPTING_RE.search(heading):
        return None
    return place, 0, len(place)


_QUOTED_OWNER_RE = re.compile(r"(?P<p>[\u4e00-\u9fff]{2,12}?)[“\"「][^”\"」]{2,40}[”\"」][\u4e00-\u9fff]{0,6}[:：]?")


def _quoted_owner(heading: str, text: str) -> tuple[str, int, int] | None:
    """The place whose practice a heading names by its quoted name alone (X片区“A”做法分享, X新区“A”机制), as a
    group chat's members post their own units' cases; never a generic zone (综合保税区), a place the case says it
    copied from (借鉴X…) or one whose governing body the text names (X新区管理局牵头)."""
    match = _QUOTED_OWNER_RE.fullmatch(heading)
    place = match["p"] if match else ""
    if not is_place(place) or is_generic(place) or ADOPTING_RE.search(heading):
        return None  # 综合保税区“A”: a generic kind of zone, which the case's text names in full
    if re.search(rf"{ADOPTING_RE.pattern}[^。]{{0,12}}{re.escape(place)}", text):
        return None
    if re.search(rf"{re.escape(place)}(?:管理局|管委会|管理委员会)", text):
        return None  # 由X新区管理局牵头: the zone's own governing body, named in full below
    return place, 0, len(place)


def heading_label(case: CaseText) -> tuple[str, int, int] | None:
    """The provider a heading opens with as a label, a bracketed tag (【章贡区】title) or before a vertical bar or a
    colon (■ X局｜title, X海关：title), after any leading symbol."""
    quote = case.heading.quote
    bare = strip_marks(quote)[0]
    match = HEADING_TAG_PLACE_RE.match(bare) or HEADING_PIPE_PLACE_RE.match(bare)
    if match is None:
        return None
    start = case.heading.start - case.start + len(quote) - len(bare) + match.start("p")
    return match["p"], start, start + len(match["p"])


def heading_provider(case: CaseText) -> tuple[str, int, int] | None:
    """The provider in brackets at the end of the heading: …复制推广案例（钦州港片区）."""
    match = HEADING_PROVIDER_RE.search(case.heading.quote)
    if match is None:
        return None
    start = case.heading.start - case.start + match.start("p")
    return match["p"].strip(), start, start + len(match["p"].strip())
