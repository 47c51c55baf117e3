"""The graph as resources for the REST API and the pages: cases (filtered, paginated), one case, documents, batches.

Every function asks the store by SPARQL only (``Store.select``/``ask``), so the same calls work on the embedded
store and on a remote SPARQL server. Queries say ``SELECT DISTINCT`` because the union default graph returns a
triple once per named graph holding it. Resources are addressed by their *id*: the part of the IRI after its
kind (``case/d1fc55f7e367a-16`` -> ``d1fc55f7e367a-16``, ``zone/heilongjiang/suifenhe-area`` ->
``heilongjiang/suifenhe-area``). Filters accept an IRI, an id, or any label (``绥芬河片区``, ``customs``, ``海关``).
A lookup of an unknown id answers None; the caller decides what that means (the API answers 404).
Ids and filters are read in ``resource_filters``, a list's rows in ``case_summaries``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.views.case_facts import (
    TYPE,
    case_documents,
    case_evidence,
    case_extras,
    case_facts,
    case_outcomes,
)
from ftzgraph.graph.views.case_lineage import case_lineage
from ftzgraph.graph.views.case_summaries import _summary_from_facts, case_summaries
from ftzgraph.graph.views.lineage_results import CaseDetail, Lineage
from ftzgraph.graph.views.read_cache import remembered, remembered_each
from ftzgraph.graph.views.resource_filters import CaseFilter, _filter_clauses, resource_id, resource_iri
from ftzgraph.graph.views.results import BatchSummary, CaseSummary, DocumentSummary
from ftzgraph.ontology.namespace import FTZ, SPARQL_PREFIXES, batch_kind_label

CASE = str(FTZ.Case)

MAX_TEXT_CHARS = 200
"""Longest filter or search text accepted: longer text is refused before any scan of the store."""


def _number_key(number: Any) -> tuple[int, Any]:
    """Numbers before anything else, as SPARQL orders them; other values by their text."""
    return (0, number) if isinstance(number, int | float) else (1, str(number))


def ordered_cases(store: Store, flt: CaseFilter) -> tuple[str, ...]:
    """The IRIs of the cases ``flt`` keeps, ordered by document IRI and case number.

    Every case of the store is read to order them, so the list is kept while the store is unchanged
    (``read_cache``); a page is then a slice of it.
    """

    def compute() -> tuple[str, ...]:
        rows = store.select(
            SPARQL_PREFIXES + "SELECT ?case ?doc ?number WHERE { ?case a ftz:Case ; dcterms:isPartOf ?doc ; "
            f"ftz:caseNumber ?number .\n  {_filter_clauses(flt)} }}"
        )
        keyed = {(r["doc"], _number_key(r["number"]), r["case"]) for r in rows}
        seen: set[str] = set()
        ordered = []
        for _, _, case in sorted(keyed):
            if case not in seen:  # a case with two documents or numbers comes once, at its first place
                seen.add(case)
                ordered.append(case)
        return tuple(ordered)

    return remembered(store, ("ordered_cases", flt), compute)


SUMMARY_BLOCK = 50
"""Cases whose summaries are read together when a page needs one not kept yet: the page's stretch of the
ordered list, widened to whole blocks of this many. A default page's worth: the request that reads a block
waits for all of it, and blocks of four pages made those requests the slowest hundredth of a reader paging
through every page; a block per page costs a little more per case in all."""

SUMMARY_WEIGHT = 20
"""What one kept summary counts for against ``read_cache.MAX_ITEMS`` (a summary is about 20 IRIs' size)."""


def _kept_summaries(
    store: Store, iris: list[str], compute: Callable[[list[str]], dict[str, CaseSummary]] | None = None
) -> dict[str, CaseSummary]:
    """The summaries of ``iris`` kept for this state of the store, the missing ones read by ``compute``
    (by default: just those). Shared between callers, so never changed by them."""

    def only_missing(missing: list[str]) -> dict[str, CaseSummary]:
        return {summary["iri"]: summary for summary in case_summaries(store, missing)}

    return remembered_each(store, "case_summary", iris, compute or only_missing, SUMMARY_WEIGHT)


def list_cases(store: Store, flt: CaseFilter, limit: int = 50, offset: int = 0) -> tuple[list[CaseSummary], int]:
    """The cases ``flt`` keeps, ordered by document and number: one page of summaries and the total count.

    A summary is read from a handful of index lookups per case, about 50 times one lineage query for a page
    of 50; they are kept per case while the store is unchanged (``read_cache``), whatever page or filter
    asked for them, and read a block at a time. The summaries returned are shared: callers must not change them.
    """
    ordered = ordered_cases(store, flt)
    start = max(int(offset), 0)
    page = list(ordered[start : start + max(int(limit), 0)])

    def compute(missing: list[str]) -> dict[str, CaseSummary]:
        wanted = set(missing)
        first = start // SUMMARY_BLOCK * SUMMARY_BLOCK
        last = -(-(start + len(page)) // SUMMARY_BLOCK) * SUMMARY_BLOCK
        block = [iri for iri in ordered[first:last] if iri in wanted or iri not in page]
        return {summary["iri"]: summary for summary in case_summaries(store, block)}

    summaries = _kept_summaries(store, page, compute)
    return [summaries[iri] for iri in page if iri in summaries], len(ordered)


def read_case(store: Store, case_id: str) -> CaseDetail | None:
    """One case: its summary, lineage (each edge with its evidence), outcomes, cited documents, dates, evidence.

    Read from the case's facts in bulk (``case_facts``): a few queries instead of one per field.
    """
    iri = resource_iri("case", case_id)
    if iri is None:
        return None
    facts = case_facts(store, iri)
    if not facts.has(iri, TYPE, CASE):
        return None
    summary = _kept_summaries(store, [iri], lambda _: {iri: s} if (s := _summary_from_facts(facts, iri)) else {})[iri]
    extras = case_extras(facts, iri)
    return {
        **summary,
        "lineage": case_lineage(store, facts, iri),
        "outcomes": case_outcomes(facts, iri),
        "documents": case_documents(facts, iri),
        "dates": extras["dates"],
        "companies": extras["companies"],
        "warnings": extras["warnings"],
        "evidence": case_evidence(facts, iri),
    }


def read_lineage(store: Store, case_id: str) -> Lineage | None:
    """The lineage of one case (what ``queries.lineage`` answers), or None when no such case exists."""
    iri = resource_iri("case", case_id)
    if iri is None:
        return None
    facts = case_facts(store, iri)
    if not facts.has(iri, TYPE, CASE):
        return None
    return case_lineage(store, facts, iri)


def list_documents(store: Store) -> list[DocumentSummary]:
    """Source documents, latest first (by issue date, then document number), each with its number of cases."""
    rows = store.select(
        SPARQL_PREFIXES
        + """SELECT ?doc (SAMPLE(?t) AS ?title) (SAMPLE(?n) AS ?number) (SAMPLE(?p) AS ?publisher)
       (SAMPLE(?i) AS ?issued) (SAMPLE(?f) AS ?file) (SAMPLE(?d) AS ?declared) (COUNT(DISTINCT ?case) AS ?cases)
WHERE {
  ?doc a ftz:SourceDocument . OPTIONAL { ?doc dcterms:title ?t } OPTIONAL { ?doc dcterms:identifier ?n }
  OPTIONAL { ?doc dcterms:publisher ?p } OPTIONAL { ?doc dcterms:issued ?i } OPTIONAL { ?doc ftz:fileName ?f }
  OPTIONAL { ?doc ftz:declaredCaseCount ?d } OPTIONAL { ?case a ftz:Case ; dcterms:isPartOf ?doc }
} GROUP BY ?doc"""
    )
    rows.sort(key=lambda r: (str(r.get("issued") or ""), str(r.get("number") or ""), r["doc"]), reverse=True)
    documents: list[DocumentSummary] = [
        {
            "iri": r["doc"],
            "id": resource_id(r["doc"]),
            "title": r.get("title"),
            "number": r.get("number"),
            "publisher": r.get("publisher"),
            "issued": str(r["issued"]) if r.get("issued") is not None else None,
            "file": r.get("file"),
            "declared_cases": r.get("declared"),
            "cases": r["cases"],
        }
        for r in rows
    ]
    return documents


def list_batches(store: Store) -> list[BatchSummary]:
    """National batches: kind, number, labels, issue date, items known in reference data, cases that claim them."""
    rows = store.select(
        SPARQL_PREFIXES
        + """SELECT ?batch (SAMPLE(?zh) AS ?label) (SAMPLE(?en) AS ?labelEn) (SAMPLE(?k) AS ?kind)
       (SAMPLE(?num) AS ?number) (SAMPLE(?i) AS ?issued) (SAMPLE(?dc) AS ?declared)
       (COUNT(DISTINCT ?item) AS ?items) (COUNT(DISTINCT ?case) AS ?cases)
WHERE {
  ?batch a ftz:Batch .
  OPTIONAL { ?batch skos:prefLabel ?zh FILTER(LANG(?zh) = "zh") }
  OPTIONAL { ?batch rdfs:label ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?batch ftz:batchKind ?k } OPTIONAL { ?batch ftz:batchNumber ?num } OPTIONAL { ?batch dcterms:issued ?i }
  OPTIONAL { ?batch ftz:declaredItemCount ?dc } OPTIONAL { ?item ftz:inBatch ?batch }
  OPTIONAL { ?case ftz:reform/prov:qualifiedDerivation/ftz:claimedBatch ?batch }
} GROUP BY ?batch"""
    )
    rows.sort(key=lambda r: (str(r.get("kind") or ""), r.get("number") or 0, r["batch"]))
    batches: list[BatchSummary] = [
        {
            "iri": r["batch"],
            "id": resource_id(r["batch"]),
            "label": r.get("label"),
            "label_en": r.get("labelEn"),
            "kind": batch_kind_label(r.get("kind") or ""),
            "number": r.get("number"),
            "issued": str(r["issued"]) if r.get("issued") is not None else None,
            "declared_items": r.get("declared"),
            "items": r["items"],
            "cases": r["cases"],
        }
        for r in rows
    ]
    return batches
