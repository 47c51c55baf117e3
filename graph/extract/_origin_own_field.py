"""An origin field that names the case's own actor: no origin.

A case library's page files each case under a field such as 来源地区：合肥片区, and a notice's table has a column of
the same name for where a practice was first tried. The words alone do not say which: the text does. When the place
the field names opens the case's own text as its acting subject (来源地区：合肥片区 / 合肥片区在全国率先探索…,
来源地区：芜湖片区 / 芜湖片区复制推广…), the field tells where the case comes from, its provider, and the place is the
adopter or the innovator, never where the practice came from. A field naming another place than the one acting
(经验来源：杭州片区 / 忻州市整合…) stays an origin.
"""

from __future__ import annotations

import re
from functools import cache

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.model import CaseText, Origin
from ftzgraph.graph.text import word_alternation


@cache
def _field_re() -> re.Pattern[str]:
    labels = word_alternation(load_lexicon("origins")["origin_labels"])
    place = r"(?P<place>[^\s：:，,。；;|｜]{2,24})"
    return re.compile(rf"^[ \t\u3000]*(?:{labels})\s*[：:]\s*{place}[^\n]*\n", re.MULTILINE)


def own_field_place(case: CaseText) -> tuple[str, int, int] | None:
    """The place of ``case``'s origin field when it names the case's own place (来源地区：X over X推行…), with its
    offsets in the case's text: the case's provider, or None."""
    for field in _field_re().finditer(case.text):
        if case.text[field.end() :].lstrip(" \t\u3000\n").startswith(field["place"]):
            return field["place"], field.start("place"), field.end("place")
    return None


def own_field(origin: Origin, case: CaseText) -> bool:
    """True when ``origin`` was read from an origin field of ``case`` (来源地区：X) whose place X then opens the
    case's text on the next line as its subject: the field names the case's own place. An origin the text states
    of another place (来源地区：X市 / X市借鉴Z片区…) is not the field's."""
    if origin.kind != "zone" or (place := own_field_place(case)) is None:
        return False
    named = origin.area.removesuffix("片区") in place[0] if origin.area else "自贸" in place[0]
    line_start, line_end = case.text.rfind("\n", 0, place[1]) + 1, case.text.find("\n", place[2])
    return named and case.start + line_start <= origin.evidence.start < case.start + line_end
