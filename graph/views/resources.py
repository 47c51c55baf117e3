"""The graph as resources for the REST API and the pages: cases (filtered, paginated), one case, documents, batches.

Every function asks the store by SPARQL only (``Store.select``/``ask``), so the same calls work on the embedded
store and on a remote SPARQL server. Queries say ``SELECT DISTINCT`` because the union default graph returns a
triple once per named graph holding it. Resources are addressed by their *id*: the part of the IRI after its
kind (``case/d1fc55f7e367a-16`` -> ``d1fc55f7e367a-16``, ``zone/heilongjiang/suifenhe-area`` ->
``heilongjiang/suifenhe-area``). Filters accept an IRI, an id, or any label (``绥芬河片区``, ``customs``, ``海关``).
A lookup of an unknown id answers None; the caller decides what that means (the API answers 404).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.store.sparql_terms import iri_ref, literal
from ftzgraph.graph.views.case_facts import (
    DERIVATION,
    DERIVED_FROM,
    IDENTIFIER,
    IS_PART_OF,
    LABEL,
    PREF_LABEL,
    TITLE,
    TYPE,
    Facts,
    case_documents,
    case_evidence,
    case_extras,
    case_facts,
    case_outcomes,
)
from ftzgraph.graph.views.case_lineage import case_lineage
from ftzgraph.graph.views.lineage_results import CaseDetail, Lineage
from ftzgraph.graph.views.queries import PROVIDER_KINDS
from ftzgraph.graph.views.read_cache import remembered, remembered_each
from ftzgraph.graph.views.results import AgencyRef, BatchSummary, CaseSummary, DocumentSummary, Ref
from ftzgraph.ontology.namespace import FTZ, ID, SPARQL_PREFIXES, batch_kind_label

CASE = str(FTZ.Case)

MAX_TEXT_CHARS = 200
"""Longest filter or search text accepted: longer text is refused before any scan of the store."""


@dataclass(frozen=True)
class CaseFilter:
    """Which cases ``list_cases`` keeps; every field is optional and they combine with AND."""

    provider: str | None = None
    origin_zone: str | None = None
    origin_batch: str | None = None
    agency: str | None = None
    sector: str | None = None
    q: str | None = None
    document: str | None = None


def resource_iri(kind: str, resource_id: str) -> str | None:
    """The IRI of ``kind/resource_id`` under ``id:``, or None when the id cannot be part of an IRI."""
    if not re.fullmatch(r"[A-Za-z0-9._~/-]+", resource_id) or ".." in resource_id:
        return None
    return str(ID[f"{kind}/{resource_id}"])


def resource_id(iri: str) -> str:
    """The id of a minted IRI (``…/id/case/x-1`` -> ``x-1``); other IRIs are returned whole."""
    base = str(ID)
    return iri[len(base) :].split("/", 1)[-1] if iri.startswith(base) else iri


def match(var: str, value: str, tag: str) -> str:
    """SPARQL condition: ``var`` is the IRI ``value``, its id ends with ``/value``, or a label equals it (any case)."""
    value = value.strip()
    if value.startswith(("http://", "https://")):
        return f"FILTER({var} = {iri_ref(value)})"
    text = literal(value.lower())
    return f"""FILTER(STRENDS(STR({var}), CONCAT("/", {text})) || EXISTS {{
    {var} skos:prefLabel|skos:altLabel|ftz:shortName|rdfs:label|skos:notation ?{tag}
    FILTER(LCASE(STR(?{tag})) = {text}) }})"""


def contains(var: str, text: str) -> str:
    """SPARQL condition: the string value of ``var`` contains ``text``, ignoring case."""
    return f"FILTER(CONTAINS(LCASE(STR({var})), {literal(text.lower())}))"


def _filter_clauses(flt: CaseFilter) -> str:
    clauses = []
    if flt.provider:
        clauses.append(f"?case ftz:providedBy ?_p . {match('?_p', flt.provider, '_pl')}")
    if flt.origin_zone:
        clauses.append(
            "?case ftz:reform/prov:qualifiedDerivation/ftz:claimedZone ?_z0 . ?_z0 ftz:inZone? ?_z . "
            + match("?_z", flt.origin_zone, "_zl")
        )
    if flt.origin_batch:
        clauses.append(
            "?case ftz:reform/prov:qualifiedDerivation/ftz:claimedBatch ?_b . " + match("?_b", flt.origin_batch, "_bl")
        )
    if flt.agency:
        clauses.append(f"?case ftz:agency ?_a . {match('?_a', flt.agency, '_al')}")
    if flt.sector:
        clauses.append(f"?case ftz:agency/ftz:sector ?_s . {match('?_s', flt.sector, '_sl')}")
    if flt.q:
        clauses.append(f"?case dcterms:title ?_t . {contains('?_t', flt.q)}")
    if flt.document:
        clauses.append(f"?case dcterms:isPartOf ?_d . {match('?_d', flt.document, '_dl')}")
    return "\n  ".join(f"FILTER EXISTS {{ {clause} }}" for clause in clauses)


def _values(var: str, iris: list[str]) -> str:
    return f"VALUES {var} {{ {' '.join(iri_ref(i) for i in iris)} }}"


def _label(var: str, out: str) -> str:
    """An OPTIONAL Chinese (or untagged) label of ``var`` bound to ``out`` (a name, never a notice title)."""
    return f'OPTIONAL {{ {var} skos:prefLabel|rdfs:label ?{out} FILTER(LANG(?{out}) = "zh" || LANG(?{out}) = "") }}'


R = TypeVar("R")


def _append(items: list[R], item: R) -> None:
    if item not in items:
        items.append(item)


def _by(*names: str) -> Any:
    """A sort key on the string values of ``names`` (what ``ORDER BY`` on IRIs and strings does)."""
    return lambda row: tuple(str(row.get(name) or "") for name in names)


def case_summaries(store: Store, case_iris: list[str]) -> list[CaseSummary]:
    """One summary per case, in the order given: id, title, document, provider, origins, national items, agencies.

    Four queries bounded by the given cases (``VALUES``), each without DISTINCT or ORDER BY: the engine sorts
    by decoding every string it compares and deduplicates by hashing every row, while the rows of one page
    are few, so both are done here (a triple held in several graphs comes once per graph in the union).
    """
    if not case_iris:
        return []
    values = _values("?case", case_iris)
    cases: dict[str, CaseSummary] = {}
    for row in store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?case ?id ?number ?title ?doc ?docTitle ?provider ?providerLabel ?providerType WHERE {{
  {values}
  ?case dcterms:identifier ?id ; ftz:caseNumber ?number ; dcterms:title ?title ; dcterms:isPartOf ?doc .
  OPTIONAL {{ ?doc dcterms:title ?docTitle }}
  OPTIONAL {{ ?case ftz:providedBy ?provider . {_label("?provider", "providerLabel")}
    OPTIONAL {{ ?provider a ?providerType FILTER(?providerType IN (ftz:City, ftz:Area)) }} }}
}}"""
    ):
        cases.setdefault(
            row["case"],
            {
                "iri": row["case"],
                "id": row["id"],
                "number": row["number"],
                "title": row["title"],
                "document": {"iri": row["doc"], "label": row.get("docTitle")},
                "provider": {
                    "iri": row["provider"],
                    "label": row.get("providerLabel"),
                    "kind": PROVIDER_KINDS.get(row.get("providerType") or "", "other"),
                }
                if row.get("provider")
                else None,
                "origin_batches": [],
                "origin_zones": [],
                "national_items": [],
                "agencies": [],
            },
        )
    origins = store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?case ?claim ?batch ?batchLabel ?zone ?zoneLabel WHERE {{
  {values}
  ?case ftz:reform/prov:qualifiedDerivation ?claim .
  OPTIONAL {{ ?claim ftz:claimedBatch ?batch . {_label("?batch", "batchLabel")} }}
  OPTIONAL {{ ?claim ftz:claimedZone ?zone . OPTIONAL {{ ?zone ftz:shortName ?zoneLabel }} }}
}}"""
    )
    for row in sorted(origins, key=_by("claim")):
        case = cases.get(row["case"])
        if case and row.get("batch"):
            _append(case["origin_batches"], Ref(iri=row["batch"], label=row.get("batchLabel")))
        if case and row.get("zone"):
            _append(case["origin_zones"], Ref(iri=row["zone"], label=row.get("zoneLabel")))
    items = store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?case ?item ?label WHERE {{
  {values}
  ?case ftz:reform/prov:wasDerivedFrom ?item . ?item a ftz:NationalReform . {_label("?item", "label")}
}}"""
    )
    for row in sorted(items, key=_by("item")):
        if row["case"] in cases:
            _append(cases[row["case"]]["national_items"], Ref(iri=row["item"], label=row.get("label")))
    agencies = store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?case ?agency ?label ?sector WHERE {{
  {values}
  ?case ftz:agency ?agency . ?agency skos:prefLabel ?label .
  OPTIONAL {{ ?agency ftz:sector ?sector }}
}}"""
    )
    for row in sorted(agencies, key=_by("label")):
        if row["case"] in cases:
            _append(
                cases[row["case"]]["agencies"],
                AgencyRef(iri=row["agency"], label=row["label"], sector=resource_id(row.get("sector") or "other")),
            )
    return [cases[iri] for iri in case_iris if iri in cases]


def _summary_from_facts(facts: Facts, iri: str) -> CaseSummary | None:
    """What ``case_summaries`` answers for one case, from the facts its page has read already (so that a
    first look at a case asks the store nothing more for its summary); None where it gives none."""
    f = facts
    head = [f.one(iri, p) for p in (IDENTIFIER, str(FTZ.caseNumber), TITLE, IS_PART_OF)]
    if any(value is None for value in head):
        return None
    case_id, number, title, doc = head

    def label(thing: str | None) -> str | None:
        found = f.tagged(thing, (PREF_LABEL, LABEL), ("zh", ""))
        return found[0] if found else None

    provider = f.one(iri, str(FTZ.providedBy))
    kind = next((t for t in f.all(provider, TYPE) if t in PROVIDER_KINDS), "")
    summary: CaseSummary = {
        "iri": iri,
        "id": case_id,
        "number": number,
        "title": title,
        "document": {"iri": doc, "label": f.one(doc, TITLE)},
        "provider": {"iri": provider, "label": label(provider), "kind": PROVIDER_KINDS[kind] if kind else "other"}
        if provider
        else None,
        "origin_batches": [],
        "origin_zones": [],
        "national_items": [],
        "agencies": [],
    }
    reforms = f.all(iri, str(FTZ.reform))
    for claim in sorted({claim for reform in reforms for claim in f.all(reform, DERIVATION)}):
        for batch in f.all(claim, str(FTZ.claimedBatch)):
            for batch_label in f.tagged(batch, (PREF_LABEL, LABEL), ("zh", "")) or [None]:
                _append(summary["origin_batches"], Ref(iri=batch, label=batch_label))
        for zone in f.all(claim, str(FTZ.claimedZone)):
            for short in f.all(zone, str(FTZ.shortName)) or [None]:
                _append(summary["origin_zones"], Ref(iri=zone, label=short))
    items = {item for reform in reforms for item in f.all(reform, DERIVED_FROM)}
    for item in sorted(item for item in items if f.has(item, TYPE, str(FTZ.NationalReform))):
        for item_label in f.tagged(item, (PREF_LABEL, LABEL), ("zh", "")) or [None]:
            _append(summary["national_items"], Ref(iri=item, label=item_label))
    agencies = [
        AgencyRef(iri=agency, label=agency_label, sector=resource_id(sector or "other"))
        for agency in f.all(iri, str(FTZ.agency))
        for agency_label in f.all(agency, PREF_LABEL)
        for sector in f.all(agency, str(FTZ.sector)) or [None]
    ]
    for agency in sorted(agencies, key=lambda ref: str(ref["label"] or "")):
        _append(summary["agencies"], agency)
    return summary


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
