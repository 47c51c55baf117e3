"""The extraction pipeline as a chain of typed steps: Document -> CaseText -> Case.

``extract_document`` is what ``ftzgraph build`` runs per file; it never touches a store, so it can
run in worker processes and be timed on its own.
"""

from __future__ import annotations

import dataclasses
import re

from ftzgraph.graph import iris
from ftzgraph.graph.errors import NoCasesError
from ftzgraph.graph.extract._origin_cells import source_cell_origins
from ftzgraph.graph.extract._origin_document import apply_document_batch, document_batch
from ftzgraph.graph.extract._origin_own_field import own_field, own_field_place
from ftzgraph.graph.extract._provider_convention import apply_convention
from ftzgraph.graph.extract._provider_deixis import pointed_body, resolve_pointing
from ftzgraph.graph.extract._split_answers import told_cases
from ftzgraph.graph.extract._split_declared import count_warning
from ftzgraph.graph.extract._split_runin import blocks_after_rows
from ftzgraph.graph.extract._split_whole import row_cases, separated_cases, whole_text_case
from ftzgraph.graph.extract.agencies import extract_agencies_and_mentions
from ftzgraph.graph.extract.best_practice import apply_origins, best_practice_batch, case_origins
from ftzgraph.graph.extract.citations import extract_citations
from ftzgraph.graph.extract.gazetteer import Gazetteer, load_gazetteer
from ftzgraph.graph.extract.layout import collection_series, detect_layout
from ftzgraph.graph.extract.learned_from import by_title, classify
from ftzgraph.graph.extract.mentions import extract_companies, extract_dates
from ftzgraph.graph.extract.notice import parse_notice
from ftzgraph.graph.extract.origins import extract_origins
from ftzgraph.graph.extract.outcomes import extract_outcomes
from ftzgraph.graph.extract.provider import (
    provider_court,
    provider_in_full,
    provider_kind,
    provider_line,
    provider_stem_in_city,
    provider_unit,
    provider_zone_in_full,
    read_provider,
)
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import (
    BATCH_NOTICE,
    BEST_PRACTICE,
    CASE_COLLECTION,
    Case,
    CaseText,
    Document,
    Extraction,
    NationalBatch,
    NationalItem,
)
from ftzgraph.graph.sources.hard_wraps import mark_wraps
from ftzgraph.graph.sources.page_furniture import mask_page_furniture
from ftzgraph.graph.sources.script import is_traditional, restore_original, to_simplified
from ftzgraph.graph.text import title_key


def own_zones(document: Document, gazetteer: Gazetteer, providers: list[str]) -> set[str]:
    """Zones of the adopting side: the issuer's FTZ and the providers' FTZs. They are never an origin."""
    zones: set[str] = set()
    for name in providers:
        place = gazetteer.resolve(name)
        if place:
            zones.add(place.zone)
    head = (document.issuer or "") + (document.title or "")
    zones.update(place.zone for _, _, place in gazetteer.find_places(head))
    for short, zone_id in gazetteer.province_forms.items():
        named_in_title = re.search(f"{short}(?:省|市|壮族|回族|维吾尔|自治区)", document.title or "")  # 四川省第三批
        if (
            (document.issuer or "").startswith(short)
            or f"（{short}）" in head
            or f"({short})" in head
            or named_in_title
        ):
            zones.add(zone_id)
    return zones


def _national_item(case: Case, gazetteer: Gazetteer) -> NationalItem | None:
    """The national item a case copies: the item its origin statement names, an item named in an origin
    sentence, or, failing both, the item with the case's own title."""
    for origin in case.origins:
        if origin.item_title:
            item = gazetteer.match_item(origin.item_title)
            if item:
                return item
    sentences = [title_key(o.evidence.quote) for o in case.origins]
    for item in gazetteer.items:
        if any(len(key) >= 6 and any(key in s for s in sentences) for key in item.keys):
            return item
    return gazetteer.match_item(case.title)


def extract_case(text: CaseText, gazetteer: Gazetteer, own: set[str]) -> Case:
    provider, provider_evidence, warnings = read_provider(text)
    if provider is None and (field := own_field_place(text)):  # 来源地区：X over X推行…: the case's own place
        provider, provider_evidence, warnings = field[0], text.evidence(field[1], field[2]), []
    if provider:
        provider = provider_stem_in_city(provider_court(provider_unit(provider, gazetteer), text), text)
        provider = resolve_pointing(provider, text.document.text)  # 贵市召陵区: the addressee's district
    kind, place = provider_kind(provider, gazetteer) if provider else ("other", None)
    case = Case(
        text=text,
        number=text.number,
        title=text.title,
        provider=provider,
        provider_kind=kind,
        provider_zone=place.zone if place else None,
        provider_area=place.area if place else None,
        warnings=[*text.warnings, *warnings],
    )
    case.evidence["title"] = text.heading
    if provider_evidence:
        case.evidence["provider"] = provider_evidence
    case.origins = extract_origins(text, gazetteer, own, case.provider_area)
    case.origins += source_cell_origins(
        text, gazetteer, own, case.provider_area, case.origins
    )  # a table's 经验来源 cell
    case.origins = [o for o in case.origins if not own_field(o, text)]  # 来源地区：X over X推行…: X's own case
    for origin in case.origins:
        case.evidence.setdefault(
            "origin_batches" if origin.kind == "national_batch" else "origin_zones", origin.evidence
        )
    item = _national_item(case, gazetteer)
    case.national_item = item.name if item else None
    case.agencies, case.agency_mentions = extract_agencies_and_mentions(text, provider, provider_evidence)
    for agency in case.agencies:  # 贵市召陵区住房和城乡建设局: the pointed city's body
        written = [(evidence.start, evidence.quote) for evidence in agency.evidence]
        agency.name = pointed_body(agency.name, written, text.document.text)
    if provider and (full := provider_zone_in_full(provider_in_full(provider, case.agency_mentions), text)) != provider:
        case.provider = full  # 区商务局 -> 北京市朝阳区商务局: the body the case's context makes of a level-only name
        case.provider_kind = provider_kind(full, gazetteer)[0]
    case.citations = extract_citations(text)
    case.outcomes = extract_outcomes(text)
    case.dates = extract_dates(text)
    case.companies = extract_companies(text)
    for key, values in (("agencies", case.agencies), ("documents", case.citations), ("outcomes", case.outcomes)):
        if values:
            first = values[0]
            case.evidence[key] = first.evidence[0] if isinstance(first.evidence, list) else first.evidence
    return case


def extract_document(document: Document, gazetteer: Gazetteer | None = None) -> Extraction:
    """Split and extract every case of ``document`` (or the batch of a notice); raises ``NoCasesError``
    when a collection has no cases.

    A document in traditional script is matched on a simplified copy (same length, same offsets), and one
    copied out of a PDF on a copy whose page numbers and running headers are blanked and whose hard wraps are marked
    (graph/sources/hard_wraps.py); quotes and titles are then read from the original text, so labels keep the
    original script, while a provider stays the name as the graph keeps names, in simplified script (澳門日報's
    香洲區 is 香洲区, as a mainland collection writes it).
    """
    gazetteer = gazetteer or load_gazetteer()
    text = mask_page_furniture(document.text) or document.text  # PDF page numbers and running headers
    text = mark_wraps(text) or text  # a PDF booklet's paragraphs hard-wrapped at one width
    if is_traditional(text):
        text = to_simplified(text)
    if text != document.text:
        extraction = _in_original_script(_extract(dataclasses.replace(document, text=text), gazetteer), document)
    else:
        extraction = _extract(document, gazetteer)
    extraction.series, extraction.series_number = collection_series(extraction.document, extraction.layout)
    for case in extraction.cases:  # on the case as its labels read, in the document's own script
        case.learned = [classify(case, origin, gazetteer) for origin in case.origins]
        case.learned_by_title = by_title(case, gazetteer)
    return extraction


def _in_original_script(extraction: Extraction, document: Document) -> Extraction:
    restored = restore_original(extraction, document.text)
    assert isinstance(restored, Extraction)
    restored.document = document
    for case in restored.cases:
        case.text.document = document
        heading = case.text.heading.quote
        at = to_simplified(heading).find(case.title)
        if at >= 0:  # the title is a span of the heading: take it from the original
            case.title = heading[at : at + len(case.title)]
            case.text.title = case.title
    return restored


def _items_in_headings(batch: NationalBatch, cases: list[CaseText], stated: int | None = None) -> bool:
    """True when a notice's items are each the quoted name in the heading of a case, and the cases are more (a
    通报's numbered paragraphs, one of which copies a batch): the text tells cases, it lists no batch. So too when the
    head states as many cases as the headings found (``stated``: 学习到4项典型做法) and each heading names an item: a
    report's later mention of a practice (建议借鉴“一站式”) is no item of a batch."""
    held = [any(case.heading.start <= item.evidence.start < case.heading.end for case in cases) for item in batch.items]
    if stated is not None and stated == len(cases) >= 2:  # 考察了4项典型做法 over 4 headings each holding an item
        named = all(
            any(case.heading.start <= item.evidence.start < case.heading.end for item in batch.items) for case in cases
        )
        if named:
            return True
    return len(cases) > len(batch.items) and all(held)


def _kickered(told: list[CaseText], repeated: list[CaseText]) -> list[CaseText]:
    """``told`` (paragraphs led by a place), or the cases of one repeated shape when each is a kicker over its title
    line (■X / title) and they are more: the paragraphs' reader misses a case whose first sentence names no place."""
    if 2 <= len(told) < len(repeated) and all(case.title not in case.heading.quote for case in repeated):
        return repeated
    return told or repeated


def _extract(document: Document, gazetteer: Gazetteer) -> Extraction:
    layout = detect_layout(document).name
    split = None
    if layout == BATCH_NOTICE:
        batch = parse_notice(document, gazetteer)
        # A notice with no item whose text splits into cases is a collection its title misled the layout rules on
        # (…改革试点经验复制推广案例), or a 通报 on the work telling its cases in paragraphs (1．X区推行“A”。…): its
        # cases are read rather than lost. A 通报 whose case copies a batch (（三）X推行“A”。复制推广国务院第六批…)
        # reads “A” as an item: when every item stands in a case's heading and the cases are more, they are the text's.
        split = split_cases(document)
        if not batch.items and not split.cases:  # rows each holding a case first, as for a collection below
            split.cases = row_cases(document, split.table) or _kickered(told_cases(document), split.repeated)
        stated = split.stated_count[0] if split.stated_count else None
        if (batch.items and not _items_in_headings(batch, split.cases, stated)) or not split.cases:
            batch.source = str(iris.document(document.id))
            return Extraction(document, [], warnings=[*document.warnings, *batch.warnings], layout=layout, batch=batch)
        layout = CASE_COLLECTION
    split = split or split_cases(document)
    if not split.cases:  # no case headings: paragraphs 一是X区推行… / 二是…, or the whole text as one case
        if rows := row_cases(document, split.table):  # every case in one row of the summary table
            rows += blocks_after_rows(document, rows)  # …and the cases a report tells in its text after the table
            split.warnings = [f"{document.path}: no case sections; each summary table row is read as one case"]
        split.cases = (
            rows
            or told_cases(document)  # paragraphs led by an ordinal or a place, answers anchored by listed titles
            or separated_cases(document)  # blocks between --- lines
            or split.repeated  # lines of one shape, each opening a case (graph/extract/_split_repetition.py)
            or [case for case in [whole_text_case(document)] if case]
        )
        if len(split.cases) == 1 and len(split.repeated) >= 2:  # one case read where lines of one shape open several
            split.cases = split.repeated
        split.cases = _kickered(split.cases, split.repeated)
        if disagrees := count_warning(str(document.path), split.stated_count, len(split.cases)):
            split.warnings.append(disagrees)  # the count the head states, against the cases read here
    if not split.cases:
        raise NoCasesError(document.path)
    head_end = min(case.start for case in split.cases)
    for text in split.cases:  # the head, where a sentence may name each case's unit by its title
        text.head_end = head_end
    origins = case_origins(split.cases, gazetteer) if layout == BEST_PRACTICE else {}
    # the document's frame for its providers, read across its cases, fills the cases whose own rules miss it
    providers = [p for p in apply_convention(split.cases, [provider_line(c) for c in split.cases]) if p]
    # In a best-practice collection each case's originating zone is its own, not a zone it copied from.
    own = own_zones(document, gazetteer, [p[0] for p in providers] + [o.name for o in origins.values()])
    cases = [extract_case(text, gazetteer, own) for text in split.cases]
    extraction = Extraction(document, cases, split.table, [], layout=layout, stated_count=split.stated_count)
    if layout == BEST_PRACTICE:
        apply_origins(cases, origins, gazetteer)
        extraction.batch = best_practice_batch(document, cases, origins, gazetteer)
        extraction.batch.source = str(iris.document(document.id))
    if batch_origin := document_batch(document, gazetteer, head_end):  # a national batch's page: every case's origin
        apply_document_batch(cases, batch_origin)
    extraction.warnings = [*document.warnings, *split.warnings]
    for case in cases:
        extraction.warnings.extend(case.warnings)
    if extraction.batch is not None:
        extraction.warnings.extend(extraction.batch.warnings)
    return extraction
