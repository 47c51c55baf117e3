"""Names a province-level place gives a body differently from the standard form (data/agencies/local_names.yaml).

A short form maps to one standard ending (住建委 -> 住房和城乡建设委员会), but a few places name that body otherwise
(上海市住房和城乡建设管理委员会). Kept apart so the standard names stay one list and the exceptions name their place.
"""

from __future__ import annotations

import functools

from ftzgraph.graph.extract._agency_names import load_agency_yaml


@functools.cache
def _local_names() -> dict[str, tuple[str, str]]:
    """Full standard name -> (its standard ending, the place's own name): 上海市住房和城乡建设委员会 ->
    (住房和城乡建设委员会, 上海市住房和城乡建设管理委员会)."""
    return {
        entry["place"] + standard: (standard, entry["place"] + local)
        for entry in load_agency_yaml("local_names.yaml")["places"]
        for standard, local in entry["names"].items()
    }


def local_name(name: str, written: str) -> str:
    """``name`` as its place names the body; kept when the text itself wrote it so, place and all (``written``)."""
    found = _local_names().get(name)
    return name if found is None or written == name else found[1]
