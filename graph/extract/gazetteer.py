"""Reference facts as lookup tables: FTZs, their areas and aliases, national batches and their items.

Everything comes from the YAML files in ``data/reference/`` (sourced, see data/README.md); nothing
here names a zone or an item. The tables are extensible: a row added to the data is matched the next run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from ftzgraph.graph.data_files import data_path, read_yaml
from ftzgraph.graph.extract._agency_names import load_divisions
from ftzgraph.graph.extract.source_kinds import independent
from ftzgraph.graph.model import NationalItem, Place
from ftzgraph.graph.text import TitleMatcher, fold_width, title_key, word_alternation
from ftzgraph.ontology.namespace import BEST_PRACTICE, PILOT_EXPERIENCE

ITEM_MATCH_MIN = 0.85
"""Title similarity (difflib ratio of title keys) above which a stated item is a known national item."""

_BRACKETS = str.maketrans({"(": "（", ")": "）"})


def reference_dir() -> Path:
    return data_path("reference")


_FOUND_CACHE_SIZE = 4096


@dataclass(eq=False)
class Gazetteer:
    zones: dict[str, dict[str, Any]]
    areas: dict[tuple[str, str], dict[str, Any]]
    batches: list[dict[str, Any]]
    items: list[NationalItem]
    forms: dict[str, Place]
    province_forms: dict[str, str]
    _pattern: re.Pattern[str] | None = None
    _markers: tuple[str, ...] = ()
    _item_matcher: TitleMatcher | None = None
    _item_of_key: list[NationalItem] = field(default_factory=list)
    _found: dict[str, list[tuple[int, int, Place]]] = field(default_factory=dict, init=False, repr=False, compare=False)
    """``find_places`` results by text: the origin rules ask twice for each sentence's places."""
    area_stems: dict[str, Place] = field(default_factory=dict)
    """Bare area names (前海 for 前海片区), unique to one area: news opens sentences with them. Matched only
    where a sentence opens with one and says its reform went national (_origin_zones._subject_zones)."""
    abbreviations: dict[str, tuple[str, bool]] = field(default_factory=dict)
    """One-character province abbreviations (沪 -> (shanghai, alone allowed)), read before an FTZ word: 沪自贸区,
    沪、津、粤、闽四个自贸试验区 (``province_abbreviation_zh`` in data/reference/ftz_zones.yaml)."""
    _abbreviation_pattern: re.Pattern[str] | None = None

    @cached_property
    def province_alternation(self) -> str:
        """The province forms as one regex alternation, longest first (广东省 before 广东): every rule that looks for
        a province (a list of them, one before a batch, one that reported items) builds on this one string."""
        return word_alternation(self.province_forms)

    def zone_label(self, place: Place) -> str:
        """The short name used in exports: ``广东自贸试验区`` or ``广东自贸试验区深圳前海蛇口片区``."""
        short = str(self.zones[place.zone]["short_zh"])
        return short + place.area if place.area else short

    def find_places(self, text: str) -> list[tuple[int, int, Place]]:
        """Every zone or area named in ``text`` (longest form wins), with offsets into ``text``."""
        if self._pattern is None:
            # Every zone or area name contains one of these; checking them first skips most sentences.
            markers = ("自贸", "自由贸易", "片区")
            self._markers = markers if all(any(m in form for m in markers) for form in self.forms) else ()
            alternatives = sorted(self.forms, key=len, reverse=True)
            self._pattern = re.compile("|".join(re.escape(form) for form in alternatives))
        if self._markers and not any(marker in text for marker in self._markers):
            return []
        found = self._found.get(text)
        if found is None:
            if len(self._found) >= _FOUND_CACHE_SIZE:
                self._found.clear()
            folded = text.translate(_BRACKETS)
            found = [(m.start(), m.end(), self.forms[m.group(0)]) for m in self._pattern.finditer(folded)]
            if self.abbreviations:
                found = sorted(found + self._abbreviated(folded, found), key=lambda place: place[:2])
            self._found[text] = found
        return list(found)

    def _abbreviated(self, text: str, named: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
        """Zones named by their province's abbreviation right before an FTZ word, alone (沪自贸区) or in a list
        (沪、津、粤、闽四个自贸试验区; 川渝两地自贸试验区): each abbreviation is a place, the last one's span runs
        to the FTZ word. An abbreviation that ends a place's name with the character before it (天津, 南京, 四川)
        is none."""
        if self._abbreviation_pattern is None:
            one = "|".join(map(re.escape, self.abbreviations))
            self._abbreviation_pattern = re.compile(
                rf"(?P<list>(?:{one})(?:[、和与及]?(?:{one}))*)(?:[0-9一二三四五六七八九十两]+(?:个|地|省市|省)|等)?"
                r"(?=自贸试验区|自由贸易试验区|自贸区)"
            )
        stems = _division_stems()
        found: list[tuple[int, int, Place]] = []
        for match in self._abbreviation_pattern.finditer(text):
            if (
                any(s < match.end() and match.start() < e for s, e, _ in named)
                or text[match.start() - 1 : match.start() + 1] in stems
            ):
                continue
            listed = [(m.start(), m.group()) for m in re.finditer(r"[^、和与及]", match["list"])]
            if len(listed) == 1 and not self.abbreviations[listed[0][1]][1]:
                continue  # 新自贸区: a new zone, not Xinjiang's
            word = re.match("自贸试验区|自由贸易试验区|自贸区", text[match.end() :])
            tail = match.end() + (word.end() if word else 0)
            for k, (offset, abbreviation) in enumerate(listed):
                start = match.start() + offset
                end = tail if k == len(listed) - 1 else start + 1
                found.append((start, end, Place(self.abbreviations[abbreviation][0])))
        return found

    def resolve(self, name: str) -> Place | None:
        """A zone or area for a name as written (``中国(湖北)自由贸易试验区襄阳片区``, ``绥芬河片区``)."""
        folded = re.sub(r"\s+", "", name).translate(_BRACKETS)
        if folded in self.forms:
            return self.forms[folded]
        if folded in self.province_forms:
            return Place(self.province_forms[folded])
        found = self.find_places(folded)
        if found and found[0][0] == 0 and found[0][1] == len(folded):
            return found[0][2]
        return None

    def match_item(self, title: str) -> NationalItem | None:
        """The national item whose name matches ``title`` (tolerant of quotes, spacing, small wording changes)."""
        key = title_key(title)
        if len(key) < 2:
            return None
        if self._item_matcher is None:
            pairs = [(item_key, item) for item in self.items for item_key in sorted(item.keys)]
            self._item_of_key = [item for _, item in pairs]
            self._item_matcher = TitleMatcher([item_key for item_key, _ in pairs])
        index, _ = self._item_matcher.best(key, ITEM_MATCH_MIN)
        return self._item_of_key[index] if index >= 0 else None

    def batch(self, kind: str, number: int | None) -> dict[str, Any] | None:
        return next((b for b in self.batches if b["kind"] == kind and b["number"] == number), None)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


@cache
def _division_stems() -> frozenset[str]:
    """Two-character stems of administrative divisions (天津, 南京, 四川): an abbreviation ending one is no
    abbreviation (南京自贸区 is no Beijing zone)."""
    return frozenset(stem for stem in load_divisions().stems if len(stem) == 2)


@cache
def load_gazetteer(directory: str | None = None) -> Gazetteer:
    """Read ``ftz_zones.yaml`` and ``national_batches.yaml`` into lookup tables (cached per directory)."""
    folder = Path(directory) if directory else reference_dir()
    zones_doc = read_yaml((folder / "ftz_zones.yaml").read_text(encoding="utf-8"))
    batches_doc = read_yaml((folder / "national_batches.yaml").read_text(encoding="utf-8"))
    zones = {z["id"]: z for z in zones_doc["zones"]}
    areas: dict[tuple[str, str], dict[str, Any]] = {}
    forms: dict[str, Place] = {}
    province_forms: dict[str, str] = {}

    def add(form: str, place: Place) -> None:
        key = re.sub(r"\s+", "", fold_width(form)).translate(_BRACKETS)
        if len(key) >= 3:
            forms.setdefault(key, place)

    for zone_id, zone in zones.items():
        zone_forms = [zone["name_zh"], zone["short_zh"], *_as_list(zone.get("aliases_zh"))]
        for form in zone_forms:
            add(form, Place(zone_id))
        for form in _as_list((zone.get("same_territory_zh") or {}).get("value")):  # 海南自由贸易港: see the data file
            add(form, Place(zone_id))
        province = str(zone.get("province_zh") or "")
        short_province = re.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", province)
        if short_province:
            province_forms[short_province] = zone_id
        for area in zone.get("areas") or []:
            areas[(zone_id, area["name_zh"])] = area
            area_forms = [area["name_zh"], *_as_list(area.get("aliases_zh"))]
            # News writes an area as X自贸片区 (横琴自贸片区): the same area as X片区.
            area_forms += [f[: -len("片区")] + "自贸片区" for f in area_forms if f.endswith("片区") and len(f) >= 4]
            for area_form in area_forms:
                if "片区" in area_form:  # bare 保税区 or 海关特殊监管区域 would match generic text
                    add(area_form, Place(zone_id, area["name_zh"]))
                for zone_form in zone_forms:
                    add(zone_form + area_form, Place(zone_id, area["name_zh"]))
    batches, items = _read_batches(batches_doc)
    stems: dict[str, set[Place]] = {}
    for form, place in forms.items():
        if place.area and form.endswith("片区") and 4 <= len(form) <= 6:  # 前海, 曹妃甸, 霍尔果斯
            stems.setdefault(form[: -len("片区")], set()).add(place)
    area_stems = {stem: next(iter(places)) for stem, places in stems.items() if len(places) == 1}
    abbreviations = {
        abbreviation: (zone_id, not entry.get("in_lists_only"))
        for zone_id, zone in zones.items()
        if (entry := zone.get("province_abbreviation_zh") or {})
        for abbreviation in _as_list(entry.get("value"))
    }
    return Gazetteer(
        zones, areas, batches, items, forms, province_forms, area_stems=area_stems, abbreviations=abbreviations
    )


def _read_batches(doc: dict[str, Any]) -> tuple[list[dict[str, Any]], list[NationalItem]]:
    batches: list[dict[str, Any]] = []
    items: list[NationalItem] = []
    for kind, key, entries_keys in (
        (PILOT_EXPERIENCE, "state_council_batches", ("items",)),
        (BEST_PRACTICE, "best_practice_batches", ("cases", "candidate_cases")),
    ):
        for entry in doc.get(key) or []:
            document = entry.get("document") or {}
            if document.get("source") and not independent(_as_list(document.get("source"))):
                document = {}  # the notice's 文号, title and date read only in a bundled document: its claims
            count = entry.get("item_count") or {}
            batches.append(
                {
                    "kind": kind,
                    "number": entry.get("batch"),
                    "label_zh": entry.get("label_zh"),
                    "doc_number": document.get("number"),
                    "title_zh": document.get("title_zh"),
                    "date": document.get("date") or document.get("published") or entry.get("date"),
                    "count": count.get("value") if isinstance(count, dict) else entry.get("case_count"),
                    "issuer": entry.get("issuer_zh"),
                    "sources": _as_list(document.get("source") or entry.get("source")),
                    "verified": bool(document.get("verified", entry.get("verified", False))),
                    "note": document.get("note") or entry.get("note"),
                }
            )
            if entry.get("case_count") is not None:
                batches[-1]["count"] = entry["case_count"]
            for entries_key in entries_keys:
                for raw in entry.get(entries_key) or []:
                    sources = independent(_as_list(raw.get("source")))
                    if not sources:
                        continue  # sourced only by a bundled document: that document's claim, not reference data
                    candidate = entries_key == "candidate_cases"
                    # A candidate's source names the practice and its zone, not its batch: no batch fact.
                    batches_of = [] if candidate else [(kind, entry.get("batch"))]
                    origin = Place(raw["origin_ftz"], raw.get("origin_area")) if raw.get("origin_ftz") else None
                    items.append(
                        NationalItem(
                            name=raw["name_zh"],
                            aliases=_as_list(raw.get("aliases_zh")),
                            batches=batches_of,
                            origin=origin,
                            domain=raw.get("domain_zh"),
                            scope=raw.get("scope_zh"),
                            sources=sources,
                            verified=bool(raw.get("verified", False)),
                            candidate=candidate,
                            note=raw.get("note"),
                            batch_sources={b: list(sources) for b in batches_of},
                        )
                    )
    return batches, _merge_items(items)


def _merge_items(items: list[NationalItem]) -> list[NationalItem]:
    """One item per normalised name: the same reform listed for two zones keeps both origins' batches."""
    merged: dict[str, NationalItem] = {}
    for item in items:
        key = title_key(item.name)
        if key in merged:
            existing = merged[key]
            existing.batches.extend(b for b in item.batches if b not in existing.batches)
            for batch, urls in item.batch_sources.items():
                existing.batch_sources.setdefault(batch, []).extend(
                    u for u in urls if u not in existing.batch_sources[batch]
                )
            existing.candidate = existing.candidate and item.candidate
            existing.sources.extend(s for s in item.sources if s not in existing.sources)
        else:
            merged[key] = item
    return list(merged.values())
