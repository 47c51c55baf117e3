"""What changed between builds, by document, case and field: "case 7: agency X added", not raw triples.

``diff_records`` compares the case records (the ``ftzgraph cases`` fields) of a document before and after a
build replaced its graph; ``graph/build/runs.py`` stores the result on the run. ``diff_runs`` reads the changes
of the runs between two runs back and composes them (a value changed twice shows first → last; an agency
added then removed again shows nothing).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ftzgraph.graph import iris
from ftzgraph.graph.errors import FtzGraphError
from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.views.records import CASE_FIELDS
from ftzgraph.ontology.namespace import SPARQL_PREFIXES

SCALAR_FIELDS = ("title", "provider", "provider_kind", "national_item")
FIELD_NAMES = {
    "title": "title",
    "provider": "provider",
    "provider_kind": "provider kind",
    "national_item": "national item",
    "origin_batches": "origin batch claim",
    "origin_zones": "origin zone claim",
    "agencies": "agency",
    "documents": "cited document",
    "outcomes": "outcome",
}
"""How a field is named in a change's text (the record field when not listed, e.g. a field added later)."""
PAIRED_FIELDS = ("origin_batches", "origin_zones")
"""List fields where one value replacing another reads as a change (claim 1 → 3), not a removal and an addition."""
_SKIPPED = {"id", "number", "evidence", "agency_mentions"}
"""Not compared: identifiers, quotes, and agency mentions (the agencies field says what changed in them)."""


class RunError(FtzGraphError):
    """A run that is not recorded in the store."""


@dataclass
class Change:
    """One change, by document, case and field; ``text`` is how it reads."""

    document: str | None
    case: int | None
    field: str
    kind: str
    old: str | None
    new: str | None
    text: str
    count: int = 0
    """For an entity removed from the entities graph: its triples removed."""
    subject: str | None = None
    """For an entity removed from the entities graph: its IRI."""

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None and not (k == "count" and v == 0)}


def _show(field: str, value: Any, *, bare_number: bool = False) -> str:
    if value is None:
        return "—"
    if field == "origin_batches" and isinstance(value, dict):
        number = value.get("number")
        shown = str(number) if number is not None else "(unnumbered)"
        return shown if bare_number else f"{value.get('kind')} {shown}"
    if field == "documents" and isinstance(value, dict):
        title, number = value.get("title"), value.get("number")
        return " ".join(x for x in (title, number) if x) or "—"
    if field == "outcomes" and isinstance(value, dict):
        number = value.get("value")
        amount = f"{number:g}" if isinstance(number, float) else str(number if number is not None else "")
        return f"{value.get('what')} {amount}{value.get('unit') or ''}".strip()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _fields(records: Sequence[Mapping[str, Any]]) -> list[str]:
    extra = sorted({k for r in records for k in r} - set(CASE_FIELDS) - _SKIPPED)
    return [f for f in CASE_FIELDS if f not in _SKIPPED] + extra


def diff_records(document: str, old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]]) -> list[Change]:
    """The changes from ``old`` to ``new`` case records of one document, by case and field."""
    before = {r["number"]: r for r in old}
    after = {r["number"]: r for r in new}
    fields = _fields([*old, *new])
    changes: list[Change] = []
    for number in sorted(before.keys() | after.keys()):
        if number not in after:
            title = before[number]["title"]
            changes.append(
                Change(document, number, "case", "removed", title, None, f"case {number}: removed ({title})")
            )
            continue
        if number not in before:
            title = after[number]["title"]
            changes.append(Change(document, number, "case", "added", None, title, f"case {number}: added ({title})"))
            continue
        for field in fields:
            changes.extend(_field_changes(document, number, field, before[number].get(field), after[number].get(field)))
    return changes


def _field_changes(document: str, number: int, field: str, old: Any, new: Any) -> list[Change]:
    name = FIELD_NAMES.get(field, field)
    if old == new:
        return []
    if not isinstance(old, list) and not isinstance(new, list):
        a, b = _show(field, old), _show(field, new)
        kind = "added" if old is None else "removed" if new is None else "changed"
        text = f"case {number}: {name} {b} added" if kind == "added" else f"case {number}: {name} {a} → {b}"
        if kind == "removed":
            text = f"case {number}: {name} {a} removed"
        return [Change(document, number, field, kind, None if old is None else a, None if new is None else b, text)]
    old, new = [_without_evidence(x) for x in old or []], [_without_evidence(x) for x in new or []]
    removed = [x for x in old if x not in new]
    added = [x for x in new if x not in old]
    if field in PAIRED_FIELDS and len(removed) == len(added) == 1:
        x, y = removed[0], added[0]
        same_kind = isinstance(x, dict) and isinstance(y, dict) and x.get("kind") == y.get("kind")
        a, b = _show(field, x, bare_number=same_kind), _show(field, y, bare_number=same_kind)
        text = f"case {number}: {name} {a} → {b}"
        return [Change(document, number, field, "changed", _show(field, x), _show(field, y), text)]
    changes = [
        Change(
            document,
            number,
            field,
            "removed",
            _show(field, x),
            None,
            f"case {number}: {name} {_show(field, x)} removed",
        )
        for x in removed
    ]
    changes += [
        Change(
            document, number, field, "added", None, _show(field, y), f"case {number}: {name} {_show(field, y)} added"
        )
        for y in added
    ]
    return changes


def _without_evidence(value: Any) -> Any:
    """A list item as compared: its quote's position moves whenever text before it changes, so it is left out."""
    return {k: v for k, v in value.items() if k != "evidence"} if isinstance(value, dict) else value


def read_changes(store: Store, run: str) -> list[Change]:
    """The changes one run recorded (its field changes and the entities it removed), in their order."""
    rows = store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?c ?text ?field ?kind ?doc ?case ?old ?new WHERE {{ GRAPH <{iris.RUNS_GRAPH}> {{
  <{run}> ftz:fieldChange ?c . ?c rdfs:comment ?text ; ftz:changedField ?field ; ftz:changeKind ?kind .
  OPTIONAL {{ ?c ftz:changedDocument ?doc }} OPTIONAL {{ ?c ftz:changedCaseNumber ?case }}
  OPTIONAL {{ ?c ftz:oldValue ?old }} OPTIONAL {{ ?c ftz:newValue ?new }} }} }}""",
        union_default_graph=False,
    )
    rows.sort(key=lambda row: int(str(row["c"]).rsplit("/", 1)[-1]))
    return [
        Change(r.get("doc"), r.get("case"), r["field"], r["kind"], r.get("old"), r.get("new"), r["text"]) for r in rows
    ]


def compose(runs: list[list[Change]]) -> list[Change]:
    """The net change of several runs in order: opposite additions and removals cancel, a value changed
    several times keeps its first old and last new value (and disappears if they are equal)."""
    net: dict[tuple[Any, ...], Change] = {}
    for changes in runs:
        for change in changes:
            if change.kind == "changed":
                key: tuple[Any, ...] = (change.document, change.case, change.field, "changed")
                first = net.get(key)
                if first is not None:
                    change = Change(
                        change.document,
                        change.case,
                        change.field,
                        "changed",
                        first.old,
                        change.new,
                        change.text.rsplit(" → ", 1)[0].rsplit(" ", 1)[0] + f" {first.old} → {change.new}",
                    )
                    if first.old == change.new:
                        del net[key]
                        continue
                net[key] = change
                continue
            value = change.old if change.kind == "removed" else change.new
            key = (change.document, change.case, change.field, value)
            opposite = net.get(key)
            if opposite is not None and opposite.kind != change.kind:
                del net[key]
                continue
            net[key] = change
    return list(net.values())


def diff_lines(diff: dict[str, Any]) -> list[str]:
    """The diff as lines of text: a heading per document, one line per change."""
    lines = [f"changes from run {diff['from'] or '(none)'} to run {diff['to']}"]
    for entry in diff["documents"]:
        lines.append(f"document {entry['title'] or entry['document']} ({entry['document']})")
        if entry["added"]:
            lines.append("  added to the store")
        lines.extend(f"  {change['text']}" for change in entry["changes"])
    if diff["entities"]:
        lines.append("entities graph")
        lines.extend(f"  {change['text']}" for change in diff["entities"])
    if len(lines) == 1:
        lines.append("  nothing changed")
    return lines
