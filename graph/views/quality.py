"""Extraction quality: precision and recall against gold annotations, and the diagnostics stored per document.

The one scorer of the project: ``ftzgraph quality --gold FILE``, ``/quality.json`` and ``tests/test_gold.py``
all call ``score_gold``, so the figures a user sees are the figures the tests hold the extractor to.
Gold files follow the schema of the hand-made annotation shipped in ``data/gold/`` (its README says where it
comes from). Scores are computed on the user-facing case records (``records.case_records``), so what is
measured is what ``ftzgraph cases`` exports.

Counting: for every field, ``extracted`` is the number of values the build has, ``expected`` the number the
gold has, ``true_positive`` the extracted values that match a gold value; a single-valued field that is empty
on one side counts zero there. Name matching rule for agencies (the gold README's): two names are the same
when equal after removing spaces, or when one equals the other with the case's own city or county prefix added
(``agency_matching.same_agency``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ftzgraph.graph.data_files import data_path
from ftzgraph.graph.errors import FtzGraphError
from ftzgraph.graph.extract.gazetteer import Gazetteer, load_gazetteer
from ftzgraph.graph.rdf.diagnostics import DIAGNOSTIC_KINDS, KIND_OF_CLASS
from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.text import title_key
from ftzgraph.graph.views.agency_matching import case_prefixes, same_agency, squash
from ftzgraph.graph.views.quality_results import (
    DocumentDiagnostics,
    FieldScore,
    GoldDocumentScore,
    GoldScores,
    QualityReport,
)
from ftzgraph.graph.views.records import case_records
from ftzgraph.ontology.namespace import SPARQL_PREFIXES

FIELDS = (
    "provider",
    "provider_kind",
    "origin_batch",
    "origin_zone",
    "learned_from",
    "agencies",
    "documents",
    "outcomes",
)
"""Scored fields, in the order they are shown. ``learned_from`` is scored only where the gold has it."""


class GoldError(FtzGraphError):
    """A gold annotation file that cannot be read or does not follow the schema; the message names the file."""


def bundled_gold() -> list[Path]:
    """The gold annotations shipped with ftzgraph (``data/gold/*.gold.yaml``)."""
    folder = data_path("gold")
    return sorted(folder.glob("*.gold.yaml"))


def load_gold(path: Path | str) -> dict[str, Any]:
    """A gold file as a dict; ``GoldError`` (naming the file and what is missing) when it is not one."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise GoldError(f"{path}: cannot read the gold file: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise GoldError(f"{path}: not a gold annotation (expected a mapping with a 'cases' list)")
    for index, case in enumerate(data["cases"], start=1):
        if not isinstance(case, dict) or not isinstance(case.get("n"), int):
            raise GoldError(f"{path}: case entry {index} has no integer 'n' (the case number)")
    if not isinstance(data.get("document"), dict) and not data.get("source_file"):
        raise GoldError(f"{path}: no 'document' (with doc_number) and no 'source_file' to find the document by")
    return data


@dataclass
class Count:
    """Extracted, expected and matching values of one field."""

    true_positive: int = 0
    extracted: int = 0
    expected: int = 0

    def add(self, other: Count) -> None:
        self.true_positive += other.true_positive
        self.extracted += other.extracted
        self.expected += other.expected

    @property
    def precision(self) -> float | None:
        return self.true_positive / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        return self.true_positive / self.expected if self.expected else None

    def as_dict(self) -> FieldScore:
        def rounded(value: float | None) -> float | None:
            return round(value, 4) if value is not None else None

        return {
            "true_positive": self.true_positive,
            "extracted": self.extracted,
            "expected": self.expected,
            "precision": rounded(self.precision),
            "recall": rounded(self.recall),
        }


def _single(found: str | None, expected: str | None) -> Count:
    matched = bool(found and expected and squash(found) == squash(expected))
    return Count(int(matched), int(bool(found)), int(bool(expected)))


def _matches(found: list[Any], expected: list[Any], same: Any) -> Count:
    return Count(sum(1 for x in found if any(same(x, y) for y in expected)), len(found), len(expected))


def _same_document(found: dict[str, Any], gold: dict[str, Any]) -> bool:
    if found.get("number") and gold.get("number") and squash(found["number"]) == squash(gold["number"]):
        return True
    return bool(found.get("title") and gold.get("title") and title_key(found["title"]) == title_key(gold["title"]))


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None  # a value the gold writes in words (两倍): matched by no number


def _same_outcome(found: dict[str, Any], gold: dict[str, Any]) -> bool:
    value = _number(gold.get("value"))
    if value is None:
        return False
    values = [v for v in (_number(found.get("value")), _number(found.get("after"))) if v is not None]
    if not any(abs(v - value) < 1e-9 for v in values):
        return False
    unit, gold_unit = found.get("unit"), gold.get("unit")
    return not unit or not gold_unit or squash(str(unit)) == squash(str(gold_unit))


def _learned_from(value: Any) -> list[str]:
    if not value:
        return []
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict):  # {name: …} or {zone: …}: the first naming key a gold or record uses
            item = next((item[k] for k in ("name", "zone", "place", "from", "source") if item.get(k)), None)
        if item:
            names.append(squash(str(item)))
    return names


def score_case(
    gold_case: dict[str, Any],
    record: Mapping[str, Any] | None,
    gazetteer: Gazetteer,
    agency_exceptions: dict[str, Any] | None = None,
) -> dict[str, Count]:
    """Counts per field for one case (``record`` None: the case was not extracted).

    ``agency_exceptions`` adjusts the gold where a test documents why it is wrong: ``not_agencies`` (gold
    names that are not acting agencies) and ``same`` (pairs (ours, the gold's) naming one body).
    """
    record = record or {}
    scores: dict[str, Count] = {}
    scores["provider"] = _single(record.get("provider"), gold_case.get("provider"))
    scores["provider_kind"] = _single(
        record.get("provider_kind") if record.get("provider") else None, gold_case.get("provider_kind")
    )
    gold_batch = gold_case.get("origin_batch")
    expected_batches = [(gold_batch["kind"], gold_batch.get("number"))] if gold_batch else []
    found_batches = [(b["kind"], b["number"]) for b in record.get("origin_batches", [])]
    scores["origin_batch"] = _matches(found_batches, expected_batches, lambda a, b: a == b)
    place = gazetteer.resolve(gold_case["origin_zone"]) if gold_case.get("origin_zone") else None
    expected_zones = [gazetteer.zone_label(place)] if place else []
    if gold_case.get("origin_zone") and place is None:
        expected_zones = [gold_case["origin_zone"]]  # a zone the reference data does not know: never matched
    scores["origin_zone"] = _matches(list(record.get("origin_zones", [])), expected_zones, lambda a, b: a == b)
    if "learned_from" in gold_case:
        scores["learned_from"] = _matches(
            _learned_from(record.get("learned_from")), _learned_from(gold_case["learned_from"]), lambda a, b: a == b
        )
    prefixes = case_prefixes(gold_case)
    gold_names = [a["name"] for a in gold_case.get("agencies") or []]
    found = list(record.get("agencies", []))
    if agency_exceptions:
        gold_names = [x for x in gold_names if x not in agency_exceptions.get("not_agencies", set())]
        for ours, theirs in agency_exceptions.get("same", set()):
            found = [theirs if x == ours else x for x in found]
    scores["agencies"] = _matches(found, gold_names, lambda a, b: same_agency(a, b, prefixes))
    scores["documents"] = _matches(list(record.get("documents", [])), gold_case.get("documents") or [], _same_document)
    scores["outcomes"] = _matches(list(record.get("outcomes", [])), gold_case.get("outcomes") or [], _same_outcome)
    return scores


def gold_document(store: Store, gold: dict[str, Any]) -> dict[str, Any] | None:
    """The built document a gold file annotates: by its 文号, else by its source file's name."""
    document = gold.get("document") or {}
    number = document.get("doc_number")
    file_name = Path(str(gold.get("source_file") or "")).name
    rows = store.select(
        SPARQL_PREFIXES
        + """SELECT ?doc ?id ?title ?file WHERE { ?doc a ftz:SourceDocument ; ftz:fileName ?file .
  OPTIONAL { ?doc dcterms:identifier ?id } OPTIONAL { ?doc dcterms:title ?title } } ORDER BY ?doc"""
    )
    for key, wanted in (("id", number), ("file", file_name)):
        if wanted:
            match = next((r for r in rows if r.get(key) and squash(str(r[key])) == squash(str(wanted))), None)
            if match:
                return match
    return None


def score_gold(
    store: Store,
    golds: dict[str, dict[str, Any]],
    gazetteer: Gazetteer | None = None,
    agency_exceptions: dict[int, dict[str, Any]] | None = None,
) -> GoldScores:
    """Precision and recall per field, per gold-annotated document and overall (micro-averaged).

    ``golds`` maps a label (the gold file's path) to its content. A gold whose document is not in the store
    is reported with ``document: null`` and counts its expected values only.
    """
    gazetteer = gazetteer or load_gazetteer()
    annotated = {label: gold_document(store, gold) for label, gold in golds.items()}
    records = case_records(store, [str(doc["doc"]) for doc in annotated.values() if doc])
    overall = {field: Count() for field in FIELDS}
    documents: list[GoldDocumentScore] = []
    for label, gold in golds.items():
        doc = annotated[label]
        doc_id = str(doc["doc"]).rsplit("/", 1)[-1] if doc else None
        mine = {r["number"]: r for r in records if doc_id and r["id"].rsplit("-", 1)[0] == doc_id}
        totals = {field: Count() for field in FIELDS}
        gold_numbers = set()
        for gold_case in gold["cases"]:
            gold_numbers.add(gold_case["n"])
            exceptions = (agency_exceptions or {}).get(gold_case["n"])
            for field, count in score_case(gold_case, mine.get(gold_case["n"]), gazetteer, exceptions).items():
                totals[field].add(count)
        for number, record in mine.items():
            if number not in gold_numbers:  # a case the gold does not have: everything extracted is unmatched
                for field, count in score_case({"n": number}, record, gazetteer).items():
                    totals[field].add(Count(0, count.extracted, 0))
        has_learned = any("learned_from" in c for c in gold["cases"])
        fields = [f for f in FIELDS if f != "learned_from" or has_learned]
        for field in fields:
            overall[field].add(totals[field])
        documents.append(
            {
                "gold": label,
                "document": doc["doc"] if doc else None,
                "title": doc.get("title") if doc else None,
                "cases_gold": len(gold_numbers),
                "cases_found": len(mine),
                "fields": {field: totals[field].as_dict() for field in fields},
            }
        )
    scored = [f for f in FIELDS if overall[f].extracted or overall[f].expected]
    return {"documents": documents, "overall": {field: overall[field].as_dict() for field in scored}}


def read_diagnostics(store: Store) -> list[DocumentDiagnostics]:
    """Every built document with its cases found and declared and its diagnostics (kind, message, case and
    evidence, each with its IRI), in document order."""
    docs = store.select(
        SPARQL_PREFIXES
        + """SELECT ?doc ?title ?file ?declared (COUNT(DISTINCT ?case) AS ?cases) WHERE {
  ?doc a ftz:SourceDocument ; ftz:fileName ?file .
  OPTIONAL { ?doc dcterms:title ?title } OPTIONAL { ?doc ftz:declaredCaseCount ?declared }
  OPTIONAL { ?case a ftz:Case ; dcterms:isPartOf ?doc }
} GROUP BY ?doc ?title ?file ?declared ORDER BY ?file ?doc"""
    )
    rows = store.select(
        SPARQL_PREFIXES
        + """SELECT ?doc ?diag ?class ?comment ?case ?number ?caseTitle ?ev ?quote ?line WHERE {
  ?doc ftz:diagnostic ?diag . ?diag a ?class ; rdfs:comment ?comment . FILTER(?class != ftz:Diagnostic)
  # Each OPTIONAL starts from the diagnostics again: Oxigraph evaluates its inner pattern on its own, which
  # would otherwise read every case and every quote of the store.
  OPTIONAL { ?doc ftz:diagnostic ?diag . ?diag ftz:aboutCase ?case .
             ?case ftz:caseNumber ?number ; dcterms:title ?caseTitle }
  OPTIONAL { ?doc ftz:diagnostic ?diag . ?diag ftz:evidence ?ev . ?ev oa:exact ?quote ; ftz:line ?line }
} ORDER BY ?doc ?line ?number ?comment"""
    )
    result: dict[str, DocumentDiagnostics] = {}
    for row in docs:
        result.setdefault(
            row["doc"],
            {
                "document": row["doc"],
                "title": row.get("title"),
                "file": row["file"],
                "cases_found": row["cases"],
                "cases_declared": row.get("declared"),
                "counts": dict.fromkeys(DIAGNOSTIC_KINDS, 0),
                "diagnostics": [],
            },
        )
    seen: set[str] = set()
    for row in rows:
        kind = KIND_OF_CLASS.get(row["class"])
        entry = result.get(row["doc"])
        if kind is None or entry is None or row["diag"] in seen:
            continue
        seen.add(row["diag"])
        entry["counts"][kind] += 1
        entry["diagnostics"].append(
            {
                "kind": kind,
                "message": row["comment"],
                "case": row.get("case"),
                "case_number": row.get("number"),
                "case_title": row.get("caseTitle"),
                "evidence": row.get("ev"),
                "quote": row.get("quote"),
                "line": row.get("line"),
            }
        )
    return list(result.values())


def diagnostic_counts(store: Store) -> dict[str, int]:
    """Diagnostics per kind over every document in the store (for the end of a build's summary)."""
    rows = store.select(
        SPARQL_PREFIXES
        + """SELECT ?class (COUNT(DISTINCT ?diag) AS ?n) WHERE { ?doc ftz:diagnostic ?diag . ?diag a ?class }
GROUP BY ?class"""
    )
    counts = dict.fromkeys(DIAGNOSTIC_KINDS, 0)
    for row in rows:
        kind = KIND_OF_CLASS.get(row["class"])
        if kind:
            counts[kind] = row["n"]
    return counts


def quality_report(store: Store, gold_paths: list[Path] | None = None) -> QualityReport:
    """What ``ftzgraph quality`` and ``/quality.json`` show: scores against the gold files (if any) and the
    diagnostics of every document."""
    report: QualityReport = {}
    if gold_paths:
        report["scores"] = score_gold(store, {str(path): load_gold(path) for path in gold_paths})
    documents = read_diagnostics(store)
    totals = dict.fromkeys(DIAGNOSTIC_KINDS, 0)
    for document in documents:
        for kind, n in document["counts"].items():
            totals[kind] += n
    report["diagnostics"] = {"totals": totals, "documents": documents}
    return report
