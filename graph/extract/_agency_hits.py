"""What the agency rules share: one mention found in a case (``_Hit``), the case's own places that level-only
prefixes refer to (``_Context``), and the tests every rule asks of a position: inside a 《title》, in a clause that
cites rather than acts. Split from ``agencies`` so that the office rules (``_agency_offices``) build the same hits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ftzgraph.graph.extract._agency_names import Core, Lexicon, Place, load_agency_yaml
from ftzgraph.graph.extract._agency_prefixes import Prefix

_CLAUSE_END = "。；;！？!?\n，,：:│|｜\t"
"""What ends a clause, a table's cell too (│借鉴X做法│Y推行…, a TSV export's tab: the cell that cites is not the cell
that acts)."""


_TITLE_RE = re.compile("《[^《》]{0,300}》")


@dataclass
class _Hit:
    """One mention: its span in the case text, how it was written and what it resolves to."""

    start: int
    end: int
    core: Core
    prefix: Prefix | None
    acting: bool
    name: str | None = None
    place: Place | None = None
    unit: str = ""
    confidence: str = "high"
    generic: bool = False  # qualified as courts in general (所在地法院, 两级法院)
    zone_committee: bool = False  # 自贸区管委会 written bare: the committee of the case's own province's zone
    read_as_provider: bool = False  # the case's provider was read from this mention (a provider line, a subject)


@dataclass(frozen=True)
class _Context:
    """The case's own places, which level-only prefixes (市, 区, 省) and bare cores refer to."""

    city: Place | None
    district: Place | None
    county: Place | None
    province: Place | None
    area: Place | None = None
    new_area: Place | None = None
    """The new area the case is about (青岛西海岸新区, from its provider): 新区X局 is that area's bureau."""
    district_of_area: bool = False
    """The district is the one the case's FTZ area is named after (南沙片区: 南沙区), not one the case names."""
    town: Place | None = None
    """The town the case is about (薛家湾镇, from its provider 薛家湾镇人民政府): 镇政府 and 镇X所 are its bodies."""
    zone: Place | None = None
    """The development zone the case is about (吉林经济技术开发区, its provider): its 开发区管委会 and 经开区X局."""
    document_zone: Place | None = None
    """The zone whose committee issues the document (X高新区管委会…编): its bare 政务服务中心 is the zone's."""
    prefecture: Place | None = None
    """The autonomous prefecture or league the case is in (黔南州, 锡林郭勒盟): 州X局 and 盟X局 are its bureaux."""
    reorganised: bool = False
    """The document speaks of the central bank's network after its 2024 reorganisation (a city's 外汇局 is its 分局)."""

    def at(self, level: str) -> Place | None:
        places = {"city": self.city, "district": self.district, "county": self.county, "town": self.town}
        return self.prefecture if level == "prefecture" else places.get(level, self.province)


_GENERIC_AFTER = tuple(load_agency_yaml("departments.yaml")["generic_after"])


def _inside_title(start: int, titles: list[tuple[int, int, bool]]) -> bool:
    """True inside a 《title》, except for the issuer at the head of a title the case itself issues."""
    return any(s < start < e and not (issued and start == s + 1) for s, e, issued in titles)


def _cited(text: str, start: int, lex: Lexicon) -> bool:
    """True when the clause before ``start`` cites rather than acts (按照 X 要求, 被 X 评为, 紧跟 X)."""
    clause_start = max(text.rfind(ch, 0, start) for ch in _CLAUSE_END) + 1
    return any(marker in text[clause_start:start] for marker in lex.cite_markers)


def _in_title(text: str, pos: int) -> bool:
    return any(m.start() < pos < m.end() for m in _TITLE_RE.finditer(text, max(0, pos - 300), pos + 300))


_LIST_START = "、，,；;。：:（(\n"
