"""The divisions a case names that its level-only prefixes refer to, when neither its provider nor a body written with
its place says so: a city compilation's case headed 【章贡区】 whose bodies are written 区行政审批局.
"""

from __future__ import annotations

import functools

from ftzgraph.graph import data_files
from ftzgraph.graph.extract._agency_names import Gazetteer, Place, load_divisions


@functools.cache
def _city_of() -> dict[str, str]:
    """A county's or district's prefecture-level city (章贡区 -> 赣州市), for names that occur once in the divisions."""
    tree = data_files.load_json("reference", "divisions", "pca.json")
    found: dict[str, str] = {}
    repeated: set[str] = set()
    for cities in tree.values():
        for city, counties in cities.items():
            for county in counties:
                if found.setdefault(county, city) != city:
                    repeated.add(county)
    return {k: v for k, v in found.items() if k not in repeated and v.endswith(("市", "州", "地区", "盟"))}


def sole_local_place(text: str, gaz: Gazetteer, city: Place | None) -> dict[str, set[Place]]:
    """{level: {place}} for the one district or county of the divisions ``text`` names (none when it names several, or
    one of another city than ``city``), written with its city (赣州市章贡区) when the divisions give it."""
    divisions = load_divisions()
    named = {
        p
        for p in gaz.by_name.values()
        if p.level in ("district", "county") and p.name in divisions.names and p.name in text
    }
    if len(named) != 1:
        return {}
    place = next(iter(named))
    head = _city_of().get(place.name)
    if city is not None and head is not None and head != city.name:
        return {}
    full = Place(head + place.name, place.stem, place.level) if head and not head.endswith("辖区") else place
    return {place.level: {full}}
