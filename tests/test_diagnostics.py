"""Each kind of diagnostic on a small hand-made extraction, and their triples conform to the shapes."""

from __future__ import annotations

from pathlib import Path

from ftzgraph.graph.extract.agencies import sector_of
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.learned_from import classify
from ftzgraph.graph.model import (
    AgencyMention,
    AgencyNameMention,
    Case,
    CaseText,
    Document,
    Evidence,
    Extraction,
    Origin,
    Outcome,
    TableRow,
)
from ftzgraph.graph.rdf.diagnostics import DIAGNOSTIC_KINDS, diagnose
from ftzgraph.graph.rdf.document import document_graph
from ftzgraph.graph.rdf.reference import reference_graph
from ftzgraph.graph.rdf.validate import validate_graph

TEXT = (
    "汇总表\n1 甲改革 A市\n2 乙改革 B市\n3 丙改革 C市\n4 丁改革 D市\n"
    "甲改革\n(A市提供)\n乙改革创新\n(B市提供)\n戊改革\n(E市提供)\n"
)


def _extraction() -> Extraction:
    document = Document(id="t", path=Path("t.txt"), text=TEXT, sha256="0" * 64)

    def ev(needle: str, start: int = 0) -> Evidence:
        at = TEXT.index(needle, start)
        return document.evidence(at, at + len(needle))

    rows = [
        TableRow(n, title, f"{c}市", ev(f"{n} {title}"))
        for n, title, c in [(1, "甲改革", "A"), (2, "乙改革", "B"), (3, "丙改革", "C"), (4, "丁改革", "D")]
    ]
    body = TEXT.index("甲改革\n(")

    def text(number: int, title: str, row: TableRow | None) -> CaseText:
        heading = ev(title + "\n(", body)
        heading = document.evidence(heading.start, heading.start + len(title))
        return CaseText(document, number, title, heading, heading.start, heading.end + 8, table_row=row)

    item = next(i for i in load_gazetteer().items if any(n is not None for _, n in i.batches))
    kind, number = next((k, n) for k, n in item.batches if n is not None)
    first = Case(text(1, "甲改革", rows[0]), 1, "甲改革", "A市", "city")
    first.agencies = [
        AgencyMention("市城管局", ["市城管局"], sector_of("市城管局"), [ev("甲改革", body)]),
        AgencyMention("某某中心", ["某某中心"], "other", [ev("甲改革", body)]),
    ]
    first.agency_mentions = [
        AgencyNameMention("市城管局", "A市城市管理局", "medium", ev("甲改革", body)),
        AgencyNameMention("司法所", None, "low", ev("甲改革", body)),
    ]
    first.outcomes = [Outcome("", 5.0, "个", ev("(A市提供)"))]
    second = Case(text(2, "乙改革创新", rows[1]), 2, "乙改革创新", "B市", "city", national_item=item.name)
    wrong = number + 100
    second.origins = [Origin("national_batch", ev("(B市提供)"), batch_kind=kind, batch_number=wrong)]
    second.learned = [classify(second, origin, load_gazetteer()) for origin in second.origins]  # as extraction does
    third = Case(text(5, "戊改革", None), 5, "戊改革", "E市", "city")
    for case in (first, second, third):
        case.evidence["title"] = case.text.heading
    return Extraction(document, [first, second, third], rows)


def test_every_kind_is_found_with_its_case_and_evidence() -> None:
    found = diagnose(_extraction(), load_gazetteer())
    kinds = {(d.kind, d.case) for d in found}
    assert ("case_count", None) in kinds  # 3 sections, 4 rows
    assert {("row_without_section", 3), ("row_without_section", 4)} <= kinds
    assert ("section_without_row", 5) in kinds
    assert ("title_mismatch", 2) in kinds and ("title_mismatch", 1) not in kinds
    assert {("no_origin", 1), ("no_origin", 5)} <= kinds and ("no_origin", 2) not in kinds
    assert [d.message.split("'")[1] for d in found if d.kind == "unresolved_agency"] == [
        "市城管局",
        "某某中心",
        "司法所",
    ]
    assert ("unlabelled_outcome", 1) in kinds
    assert ("reference_conflict", 2) in kinds
    assert {d.kind for d in found} == set(DIAGNOSTIC_KINDS)
    assert all(d.evidence is not None and d.evidence.quote for d in found)


def test_diagnostics_are_typed_nodes_on_the_document_that_conform() -> None:
    extraction = _extraction()
    graph = document_graph(extraction, load_gazetteer())
    query = """PREFIX ftz: <https://w3id.org/ftzgraph/ontology#>
SELECT ?kind (COUNT(?d) AS ?n) WHERE { ?doc ftz:diagnostic ?d . ?d a ?kind FILTER(?kind != ftz:Diagnostic) }
GROUP BY ?kind"""
    counts = {str(row[0]).rsplit("#", 1)[-1]: int(row[1]) for row in graph.query(query)}
    assert set(counts) == set(DIAGNOSTIC_KINDS.values())
    assert counts["TableRowWithoutSection"] == 2
    graph += reference_graph(load_gazetteer())  # sectors and batches, as a build validates with them
    report = validate_graph(graph)
    assert report.conforms, report.text
