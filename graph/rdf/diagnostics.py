"""Diagnostics of one document's extraction: what a reader should check before trusting its facts.

Warnings scroll past in a build's output; diagnostics stay in the document's named graph as typed
``ftz:Diagnostic`` nodes (one subclass per kind, ``ftz:aboutCase``, the evidence they concern) and as
``ftz:warning`` text on the document, so SPARQL, ``ftzgraph quality`` and the ``/quality`` page all read
the same thing. They are computed from the ``Extraction`` alone (plus the reference gazetteer for
conflicts), so they describe exactly what was built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ftzgraph.graph import iris
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.model import Case, Evidence, Extraction
from ftzgraph.graph.rdf.nt_terms import T_FTZ, T_RDF, T_RDFS, iri, text
from ftzgraph.graph.rdf.triples import DocumentGraph
from ftzgraph.graph.text import title_key
from ftzgraph.ontology.namespace import FTZ

DIAGNOSTIC_KINDS: dict[str, str] = {
    "case_count": "CaseCountMismatch",
    "row_without_section": "TableRowWithoutSection",
    "section_without_row": "SectionWithoutTableRow",
    "no_origin": "CaseWithoutOrigin",
    "unresolved_agency": "UnresolvedAgency",
    "unlabelled_outcome": "UnlabelledOutcome",
    "title_mismatch": "TitleMismatch",
    "reference_conflict": "ReferenceConflict",
}
"""Diagnostic kinds (the keys ``ftzgraph quality`` and ``/quality.json`` use) -> their ftz: class."""
KIND_OF_CLASS = {str(FTZ[name]): kind for kind, name in DIAGNOSTIC_KINDS.items()}
KIND_LABELS = {
    "case_count": "cases found ≠ cases declared",
    "row_without_section": "table rows with no section",
    "section_without_row": "sections with no table row",
    "no_origin": "cases with no origin statement",
    "unresolved_agency": "agency mentions not resolved",
    "unlabelled_outcome": "outcomes without a label",
    "title_mismatch": "titles differing between table and section",
    "reference_conflict": "conflicts with reference data",
}

_LEVEL_ONLY = re.compile(r"^(中共)?[省市区县]")
"""A name that still starts with a bare level (市城管局, 区政府): the case never said which city or district."""


@dataclass(frozen=True)
class Diagnostic:
    """One thing to check: its kind (a key of ``DIAGNOSTIC_KINDS``), a message, the case and the evidence."""

    kind: str
    message: str
    case: int | None = None
    evidence: Evidence | None = None


def diagnose(extraction: Extraction, gazetteer: Gazetteer | None = None) -> list[Diagnostic]:
    """Every diagnostic of ``extraction``, in a stable order (document-level first, then by case)."""
    found: list[Diagnostic] = []
    cases, table = extraction.cases, extraction.table
    if table and len(table) != len(cases):
        found.append(
            Diagnostic(
                "case_count",
                f"{len(cases)} cases found; the summary table declares {len(table)}",
                evidence=table[0].evidence,
            )
        )
    stated = extraction.stated_count
    if stated is not None and stated[0] != len(cases) and not (table and len(table) != len(cases)):
        found.append(
            Diagnostic("case_count", f"{len(cases)} cases found; the document states {stated[0]}", None, stated[1])
        )
    matched = {id(case.text.table_row) for case in cases if case.text.table_row is not None}
    for row in table:
        if id(row) not in matched:
            found.append(
                Diagnostic(
                    "row_without_section",
                    f"summary table row {row.number} '{row.title}' has no case section",
                    case=row.number,
                    evidence=row.evidence,
                )
            )
    for case in cases:
        found.extend(_case_diagnostics(case, bool(table), gazetteer))
    return found


def _case_diagnostics(case: Case, has_table: bool, gazetteer: Gazetteer | None) -> list[Diagnostic]:
    number, heading, row = case.number, case.text.heading, case.text.table_row
    found: list[Diagnostic] = []
    if has_table and row is None:
        found.append(
            Diagnostic("section_without_row", f"case {number} '{case.title}' has no summary table row", number, heading)
        )
    if row is not None and title_key(case.title) != title_key(row.title):
        found.append(
            Diagnostic(
                "title_mismatch",
                f"case {number}: section title '{case.title}' differs from the table's '{row.title}'",
                number,
                heading,
            )
        )
    if not case.origins:
        found.append(Diagnostic("no_origin", f"case {number} '{case.title}' states no origin", number, heading))
    for agency in case.agencies:
        if agency.sector == "other" or _LEVEL_ONLY.match(agency.name):
            why = "no known sector" if agency.sector == "other" else "no place to complete the name"
            found.append(
                Diagnostic(
                    "unresolved_agency",
                    f"case {number}: agency '{agency.name}' not resolved ({why})",
                    number,
                    agency.evidence[0] if agency.evidence else None,
                )
            )
    for mention in case.agency_mentions:
        if mention.agency is None:  # a bare or short form the case's context could not complete
            found.append(
                Diagnostic(
                    "unresolved_agency",
                    f"case {number}: agency mention '{mention.as_written}' not resolved (the case does not say "
                    "which body it means)",
                    number,
                    mention.evidence,
                )
            )
    for outcome in case.outcomes:
        if len(re.sub(r"\W", "", outcome.what)) < 2:  # no measure, or only punctuation or one character
            found.append(
                Diagnostic(
                    "unlabelled_outcome",
                    f"case {number}: outcome '{outcome.evidence.quote}' has no label",
                    number,
                    outcome.evidence,
                )
            )
    if gazetteer is not None:
        found.extend(_conflicts(case, gazetteer))
    return found


def _conflicts(case: Case, gazetteer: Gazetteer) -> list[Diagnostic]:
    """Origin claims whose batch the reference data puts elsewhere (``NationalItem.contradicted_batches``)."""
    item = next((i for i in gazetteer.items if i.name == case.national_item), None)
    if item is None:
        return []
    found = []
    for origin in case.origins:
        if origin.kind != "national_batch":
            continue
        others = ", ".join(str(n) for _, n in item.contradicted_batches(origin.batch_kind, origin.batch_number))
        if others:
            found.append(
                Diagnostic(
                    "reference_conflict",
                    f"case {case.number}: the document places '{item.name}' in {origin.batch_kind} batch "
                    f"{origin.batch_number}; the reference data in batch {others}",
                    case.number,
                    origin.evidence,
                )
            )
    return found


def add_diagnostics(graph: DocumentGraph) -> None:
    """Write the diagnostics of ``graph``'s extraction into it: a typed node each and an ``ftz:warning``."""
    doc_id = graph.doc_id
    for diagnostic in diagnose(graph.extraction, graph.gazetteer):
        node = iri(iris.diagnostic(doc_id, diagnostic.kind, diagnostic.message))
        graph.add(graph.doc, T_FTZ.diagnostic, node)
        graph.add(node, T_RDF.type, T_FTZ.Diagnostic)
        graph.add(node, T_RDF.type, getattr(T_FTZ, DIAGNOSTIC_KINDS[diagnostic.kind]))
        graph.add(node, T_RDFS.comment, text(diagnostic.message))
        graph.add(graph.doc, T_FTZ.warning, text(diagnostic.message))
        if diagnostic.case is not None and any(c.number == diagnostic.case for c in graph.extraction.cases):
            graph.add(node, T_FTZ.aboutCase, iri(iris.case(doc_id, diagnostic.case)))
        if diagnostic.evidence is not None and diagnostic.evidence.quote.strip():
            graph.evidence(node, T_RDF.type, diagnostic.evidence, getattr(T_FTZ, DIAGNOSTIC_KINDS[diagnostic.kind]))
