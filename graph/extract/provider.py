"""The provider of a case: the unit its provider line names, read as a place where it names a government or a
committee, and written in full where it names a body by its level alone.

The splitter finds the provider line (graph/extract/split.py ``provider_line``); this module reads what it names.
A compilation's own bodies write themselves by level (（区商务局）, 报送：区市场监管局, 市地方金融工作局 opening a
report's paragraph): the case's agencies resolve that name from the document's context (its issuer's district, its
one city), and the provider is the body they resolve it to.
"""

from __future__ import annotations

import re

from ftzgraph.graph.extract._agency_named_offices import is_short_form
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.extract.split import provider_line
from ftzgraph.graph.model import AgencyNameMention, CaseText, Evidence, Place

CITY_SUFFIXES = ("市", "州", "地区", "盟", "县", "旗")


def provider_kind(name: str, gazetteer: Gazetteer) -> tuple[str, Place | None]:
    """``city`` | ``ftz_area`` | ``other`` for a provider name, with its reference place when it is one."""
    place = gazetteer.resolve(name)
    if place is not None and place.area:
        return "ftz_area", place
    if place is not None:
        return "other", place
    if name.endswith(CITY_SUFFIXES):
        return "city", None
    return "other", None


def read_provider(case: CaseText) -> tuple[str | None, Evidence | None, list[str]]:
    """The provider line's unit (else the summary table's), its evidence and warnings on a missing or differing one."""
    warnings: list[str] = []
    found = provider_line(case)
    row = case.table_row
    if found:
        name, start, end = found
        if row and row.provider and re.sub(r"\s+", "", row.provider) != re.sub(r"\s+", "", name):
            warnings.append(
                f"{case.document.path}:{case.heading.line}: provider '{name}' differs from the table's '{row.provider}'"
            )
        return name, case.evidence(start, end), warnings
    if row and row.provider:
        return row.provider, row.evidence, warnings
    warnings.append(f"{case.document.path}:{case.heading.line}: no provider found (no '(X提供)' line, no table row)")
    return None, None, warnings


_GOVERNMENT_TAIL = re.compile("(?:人民政府|政府)$")
_COMMITTEE_TAIL = re.compile("(?:管委会|管理委员会)$")


def provider_unit(name: str, gazetteer: Gazetteer) -> str:
    """The providing unit as a place where the line names its government or committee: 郑州市人民政府 ->
    郑州市, 开封片区管委会 -> 开封片区; of two units on one line (X管委会、Y法院) the first, as collections'
    summary tables list them. Other units (南宁市商务局) stay as written."""
    name = re.split("[、，,和及]", name.strip(), maxsplit=1)[0].strip() if "、" in name else name.strip()
    city = _GOVERNMENT_TAIL.sub("", name)
    if city != name and city.endswith(CITY_SUFFIXES) and len(city) >= 3:
        return city
    area = _COMMITTEE_TAIL.sub("", name)
    if area != name and (place := gazetteer.resolve(area)) is not None and place.area:
        return place.area if area.endswith(place.area) and len(area) > len(place.area) else area
    return name


def provider_in_full(provider: str, mentions: list[AgencyNameMention]) -> str:
    """The full name of a provider that names a body without its place (区商务局, 市地方金融工作局) or by a short
    proper name (CBD管委会): the body the case's own mention of it resolves to from the context. A provider written with
    its place (南宁市发改委) stays as written, as do places and units the case never names acting."""
    written = re.sub(r"\s+", "", provider)
    for mention in mentions:
        if mention.as_written != written or mention.agency is None or mention.agency == written:
            continue
        if mention.confidence == "medium" or is_short_form(written):
            return mention.agency
    return provider
