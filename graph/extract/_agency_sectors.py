"""A body's sector and the body above it: the standard names' sectors, the rules of ``data/agencies/sector_rules.yaml``
and ``hierarchy.yaml``, and a parent the case's own text states (X所属Y). Split from ``agencies`` by noun.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from rdflib import Graph

from ftzgraph.graph.data_files import read_data_text
from ftzgraph.graph.extract._agency_names import CJK, Lexicon, load_agency_yaml, load_lexicon
from ftzgraph.graph.extract._agency_places import harvest_places
from ftzgraph.graph.extract._agency_prefixes import find_prefix


def ancestors(name: str, parent: str | None) -> list[tuple[str, str]]:
    """The chain above a body, nearest first, each with its sector (绥芬河海关 -> 哈尔滨海关 -> 海关总署)."""
    chain: list[tuple[str, str]] = []
    seen = {name}
    while parent and parent not in seen:
        seen.add(parent)
        chain.append((parent, sector_of(parent)))
        parent = parent_of(parent)
    return chain


@functools.cache
def _sector_rules() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(rule["pattern"]), rule["sector"]) for rule in load_agency_yaml("sector_rules.yaml")["rules"]]


@functools.cache
def _standard_sectors() -> list[tuple[str, str]]:
    """(standard name ending, sector) from data/agencies/standard_names.yaml, longest ending first."""
    names = load_agency_yaml("standard_names.yaml")["names"]
    return sorted(((n["standard"], n["sector"]) for n in names), key=lambda pair: len(pair[0]), reverse=True)


@functools.lru_cache(maxsize=8192)
def sector_of(name: str) -> str:
    """The sector slug of a body's name: its standard name's sector (standard_names.yaml) when it ends in
    one, else the first rule of data/agencies/sector_rules.yaml that matches."""
    for ending, sector in _standard_sectors():
        if name.endswith(ending):
            return sector
    return next((sector for pattern, sector in _sector_rules() if pattern.search(name)), "other")


@functools.cache
def load_sector_scheme() -> Graph:
    """The SKOS scheme of agency sectors (data/agencies/sectors.ttl). Callers must not modify it."""
    graph = Graph()
    graph.parse(data=read_data_text("agencies", "sectors.ttl"), format="turtle")
    return graph


def parent_of(name: str, text: str | None = None) -> str | None:
    """The body ``name`` belongs to: stated in ``text`` first (X所属Y, Y隶属于X, Y 向 X 请示/报备 a body of
    its own kind), else by the rules of data/agencies/hierarchy.yaml; None when neither says."""
    if text:
        stated = _parent_in_text(name, text, load_agency_yaml("hierarchy.yaml"))
        if stated:
            return stated
    return _parent_by_rules(name)


@functools.lru_cache(maxsize=8192)
def _parent_by_rules(name: str) -> str | None:
    """The parent the hierarchy rules give a name (the same for every case: kept per process)."""
    rules: dict[str, Any] = load_agency_yaml("hierarchy.yaml")
    if name in rules["direct_customs"]:
        return str(rules["customs_head"])
    for rule in rules["rules"]:
        match = re.search(rule["pattern"], name)
        if match:
            return rule["parent"].format(**match.groupdict()) if rule["parent"] else None
    return None


def _trim_body(candidate: str, text: str, lex: Lexicon) -> str:
    """The body's name at the end of ``candidate`` (经哈尔滨海关 -> 哈尔滨海关 when 哈尔滨 is a known
    place): its core and the prefix the name grammar recognises, else the whole candidate."""
    core = max(lex.core_re.finditer(candidate), key=lambda m: m.end(), default=None)
    if core is None:
        return candidate
    prefix = find_prefix(candidate, core.start(), lex, harvest_places(text))
    return candidate[prefix.start :] if prefix else candidate


@functools.cache
def _parent_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """The text patterns of hierarchy.yaml compiled once, each with its literal keyword (所属, 隶属…)."""
    body = f"[{CJK}]{{0,14}}?(?:{load_lexicon().core_re.pattern})"
    compiled = []
    for pattern in load_agency_yaml("hierarchy.yaml")["text_patterns"]:
        keyword = re.sub(r"\{\w+\}|[（）]", "", pattern)
        regex = pattern.replace("{child}", f"(?P<child>{body})").replace("{parent}", f"(?P<parent>{body})")
        compiled.append((keyword, re.compile(regex)))
    return compiled


@functools.lru_cache(maxsize=64)
def _without_spaces(text: str) -> str:
    """A case's text with no whitespace, made once per case (every body of the case looks for its parent)."""
    return re.sub(r"\s+", "", text)


@functools.lru_cache(maxsize=64)
def _sentences(flat: str) -> tuple[str, ...]:
    """A case's sentences, cut once per case (every body of the case looks for its reporting line)."""
    return tuple(re.split("[。！？]", flat))


def _parent_in_text(name: str, text: str, rules: dict[str, Any]) -> str | None:
    flat = _without_spaces(text)
    if name not in flat:
        return None
    lex = load_lexicon()
    for keyword, regex in _parent_patterns():
        if keyword not in flat:
            continue
        for match in regex.finditer(flat):
            parent = _trim_body(match.group("parent"), flat, lex)
            if match.group("child").endswith(name) and parent != name:
                return parent
    core = _longest_core(name)
    if core is None:
        return None
    reported = _reported_re(core, "|".join(rules["reporting_verbs"]))
    for sentence in _sentences(flat):
        if name in sentence:
            for match in reported.finditer(sentence):
                if match.group("parent") != name:
                    return match.group("parent")
    return None


@functools.lru_cache(maxsize=8192)
def _longest_core(name: str) -> str | None:
    """The longest core of the name lexicon that ``name`` ends in (the lexicon is fixed: kept per process): the
    name's endings looked up longest first, not every core tried."""
    cores = load_lexicon().cores
    return next((name[-size:] for size in range(len(name), 0, -1) if name[-size:] in cores), None)


@functools.lru_cache(maxsize=1024)
def _reported_re(core: str, verbs: str) -> re.Pattern[str]:
    """向/报 X ... 请示: X a body ending in ``core`` that a reporting verb follows, compiled once per core."""
    return re.compile(f"[向报](?P<parent>[{CJK}]{{2,10}}?{re.escape(core)})(?=[{CJK}]{{0,8}}({verbs}))")
