"""One case's page and lineage from its facts read in bulk: one query for the case's own nodes, one per level of
the things they name (labels, kinds, parents), those kept while the store is unchanged.

Why: the page and ``/cases/{id}`` asked a dozen questions of the store, each a SPARQL query with several
OPTIONALs anchored on the case (``queries.lineage`` alone six). Oxigraph parses, plans and evaluates each one
on its own, and that fixed cost, not the few rows, was most of a page: the same questions asked of the case's
two hundred triples copied into an empty in-memory store still cost most of it. Here the store is asked for
triples only (the case; its evidence, outcomes, reform and origin claims; their evidence), and the joins the
queries did are done on those few triples in Python, with the same results (tests/test_case_facts.py runs the
per-field queries beside them on every case of the bundled and of synthetic documents). What the case names
(agencies, zones, batches, items, documents, the provider) is shared by many cases and changes only with the
store, so its facts are kept per thing (``read_cache``). The lineage is written from the facts in ``case_lineage``.

Where a query kept the first of several matching rows in an order the engine chose (an evidence node among
two for the same fact, two labels in one language), the choice here is the first by position, then by IRI.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.store.sparql_terms import iri_ref
from ftzgraph.graph.views.lineage_results import LineageQuote
from ftzgraph.graph.views.read_cache import remembered_each
from ftzgraph.graph.views.results import CaseEvidence, CaseOutcome, PolicyRef, Ref
from ftzgraph.ontology.namespace import FTZ, ORG, SPARQL_PREFIXES

_DCT = "http://purl.org/dc/terms/"
_PROV = "http://www.w3.org/ns/prov#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_OA = "http://www.w3.org/ns/oa#"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
TITLE, IDENTIFIER, IS_PART_OF, REFERENCES, SOURCE = (
    _DCT + "title",
    _DCT + "identifier",
    _DCT + "isPartOf",
    _DCT + "references",
    _DCT + "source",
)
LABEL, PREF_LABEL = _RDFS + "label", _SKOS + "prefLabel"
EXACT, START, END = _OA + "exact", _OA + "start", _OA + "end"
DERIVATION, DERIVED_FROM, ENTITY = _PROV + "qualifiedDerivation", _PROV + "wasDerivedFrom", _PROV + "entity"
SUB_ORGANIZATION_OF = str(ORG.subOrganizationOf)


@cache
def _ftz(name: str) -> str:
    """The IRI of ``ftz:name`` as text (kept: a page asks for a few hundred)."""
    return str(FTZ[name])


ENTITY_PREDICATES = (
    TYPE,
    LABEL,
    PREF_LABEL,
    TITLE,
    IDENTIFIER,
    _ftz("fileName"),
    _ftz("shortName"),
    _ftz("inZone"),
    _ftz("batchNumber"),
    _ftz("batchKind"),
    _ftz("inBatch"),
    _ftz("pilotedIn"),
    _ftz("sector"),
    SUB_ORGANIZATION_OF,
)
"""What the page reads of a thing a case names: its kinds, labels, titles, numbers and the things above it."""

ENTITY_WEIGHT = 5
"""What one kept thing's facts count for against ``read_cache.MAX_ITEMS``."""

Value = tuple[Any, str | None]
"""An object's value (``term_value``: text, or a number) and its language tag ("" untagged, None for an IRI)."""


class Facts:
    """Triples read from the store: subject -> predicate -> distinct objects, in the order read."""

    def __init__(self) -> None:
        self.by_subject: dict[str, dict[str, list[Value]]] = {}

    def add(self, subject: str, predicate: str, value: Any, lang: str | None) -> None:
        objects = self.by_subject.setdefault(subject, {}).setdefault(predicate, [])
        if (value, lang) not in objects:
            objects.append((value, lang))

    def merge(self, subject: str, predicates: dict[str, list[Value]]) -> None:
        for predicate, objects in predicates.items():
            for value, lang in objects:
                self.add(subject, predicate, value, lang)

    def all(self, subject: str | None, predicate: str, lang: str | None = None) -> list[Any]:
        """The values of ``subject predicate ?o`` (only those tagged ``lang`` when given)."""
        if subject is None:
            return []
        objects = self.by_subject.get(subject, {}).get(predicate, [])
        return [value for value, tag in objects if lang is None or tag == lang]

    def one(self, subject: str | None, predicate: str, lang: str | None = None) -> Any:
        """The first value of ``subject predicate ?o``, or None."""
        found = self.all(subject, predicate, lang)
        return found[0] if found else None

    def tagged(self, subject: str | None, predicates: tuple[str, ...], langs: tuple[str, ...]) -> list[Any]:
        """The values of ``subject`` under each of ``predicates`` in turn, tagged with one of ``langs``."""
        if subject is None:
            return []
        found = self.by_subject.get(subject, {})
        return [value for p in predicates for value, tag in found.get(p, []) if tag in langs]

    def has(self, subject: str | None, predicate: str, value: Any) -> bool:
        return value in self.all(subject, predicate)


def case_facts(store: Store, case_iri: str) -> Facts:
    """The triples of the case, its evidence, outcomes, reform and origin claims and their evidence, and the
    facts of what they name (``entity_facts``), two levels deep: agencies and their sectors and parents,
    claimed zones and the zones they lie in, batches, items, documents, the provider."""
    case = iri_ref(case_iri)
    facts = Facts()
    rows = store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?s ?p ?o WHERE {{
  {{ VALUES ?s {{ {case} }} ?s ?p ?o }}
  UNION {{ {case} ftz:evidence ?s . ?s ?p ?o }}
  UNION {{ {case} ftz:outcome ?s . ?s ?p ?o }}
  UNION {{ {case} ftz:outcome ?_o . ?_o ftz:evidence ?s . ?s ?p ?o }}
  UNION {{ {case} ftz:reform ?s . ?s ?p ?o }}
  UNION {{ {case} ftz:reform ?_r . ?_r prov:qualifiedDerivation ?s . ?s ?p ?o }}
  UNION {{ {case} ftz:reform ?_r . ?_r prov:qualifiedDerivation ?_c . ?_c ftz:evidence ?s . ?s ?p ?o }}
}}"""
    )
    for row in rows:
        facts.add(row["s"], row["p"], row["o"], None)
    reforms = facts.all(case_iri, _ftz("reform"))
    claims = [claim for reform in reforms for claim in facts.all(reform, DERIVATION)]
    named = [
        *facts.all(case_iri, IS_PART_OF),
        *facts.all(case_iri, _ftz("providedBy")),
        *facts.all(case_iri, _ftz("agency")),
        *facts.all(case_iri, REFERENCES),
        *facts.all(case_iri, _ftz("mentionsCompany")),
        *(item for reform in reforms for item in facts.all(reform, DERIVED_FROM)),
        *(
            value
            for claim in claims
            for predicate in (ENTITY, _ftz("claimedZone"), _ftz("claimedBatch"))
            for value in facts.all(claim, predicate)
        ),
    ]
    _add_entities(store, facts, named)
    above = [
        value
        for thing in named
        for predicate in (_ftz("sector"), SUB_ORGANIZATION_OF, _ftz("inZone"), _ftz("inBatch"), _ftz("pilotedIn"))
        for value in facts.all(thing, predicate)
    ]
    _add_entities(store, facts, above)
    return facts


def _add_entities(store: Store, facts: Facts, things: Iterable[str]) -> None:
    wanted = [thing for thing in dict.fromkeys(things) if isinstance(thing, str) and "://" in thing]
    if wanted:
        for thing, predicates in entity_facts(store, wanted).items():
            facts.merge(thing, predicates)


def entity_facts(store: Store, things: list[str]) -> dict[str, dict[str, list[Value]]]:
    """Per IRI of ``things``: its ``ENTITY_PREDICATES`` with their values and language tags, kept per thing
    while the store is unchanged (many cases name the same agencies, zones and batches)."""

    def compute(missing: list[str]) -> dict[str, dict[str, list[Value]]]:
        found: dict[str, dict[str, list[Value]]] = {thing: {} for thing in missing}
        rows = store.select(
            SPARQL_PREFIXES
            + f"""SELECT ?s ?p ?o ?lang WHERE {{
  VALUES ?s {{ {" ".join(iri_ref(thing) for thing in missing)} }}
  VALUES ?p {{ {" ".join(iri_ref(p) for p in ENTITY_PREDICATES)} }}
  ?s ?p ?o BIND(IF(isLITERAL(?o), LANG(?o), "-") AS ?lang)
}}"""
        )
        for row in rows:
            objects = found[row["s"]].setdefault(row["p"], [])
            value = (row["o"], None if row["lang"] == "-" else row["lang"])
            if value not in objects:
                objects.append(value)
        return found

    return remembered_each(store, "entity_facts", things, compute, ENTITY_WEIGHT)


def _position(value: Any) -> tuple[int, Any]:
    """An ORDER BY key: an unbound value first, numbers by value, anything else by its text."""
    if value is None:
        return (0, 0)
    return (1, value) if isinstance(value, int | float) else (2, str(value))


def _evidence_node(facts: Facts, ev: str, *, line_required: bool = True) -> LineageQuote | None:
    """An evidence node's quote, position and source, or None when one the queries required is missing."""
    quote, start, end = facts.one(ev, EXACT), facts.one(ev, START), facts.one(ev, END)
    line, source = facts.one(ev, _ftz("line")), facts.one(ev, SOURCE)
    if quote is None or start is None or end is None or (line_required and (line is None or source is None)):
        return None
    return {"quote": quote, "start": start, "end": end, "line": line, "document": source}


def _iri(ref: Ref | None) -> str | None:
    return ref["iri"] if ref else None


def case_evidence(facts: Facts, case_iri: str) -> list[CaseEvidence]:
    """Every quote of the case, its origin claims and its outcomes, by position."""
    f = facts
    evs = [
        *f.all(case_iri, _ftz("evidence")),
        *(ev for reform in f.all(case_iri, _ftz("reform")) for claim in f.all(reform, DERIVATION)
          for ev in f.all(claim, _ftz("evidence"))),
        *(ev for outcome in f.all(case_iri, _ftz("outcome")) for ev in f.all(outcome, _ftz("evidence"))),
    ]  # fmt: skip
    rows: list[tuple[Any, CaseEvidence]] = []
    for ev in dict.fromkeys(evs):
        quote, start, end, doc = f.one(ev, EXACT), f.one(ev, START), f.one(ev, END), f.one(ev, SOURCE)
        if quote is None or start is None or end is None or doc is None:
            continue
        for supports in f.all(ev, _ftz("supports")) or [None]:
            for obj in f.all(ev, _ftz("supportsObject")) or [None]:
                rows.append(
                    (
                        (_position(start), ev),
                        {
                            "iri": ev,
                            "quote": quote,
                            "start": start,
                            "end": end,
                            "line": f.one(ev, _ftz("line")),
                            "document": doc,
                            "supports": supports,
                            "object": obj,
                        },
                    )
                )
    return [row for _, row in sorted(rows, key=lambda pair: pair[0])]


def case_outcomes(facts: Facts, case_iri: str) -> list[CaseOutcome]:
    """The case's outcomes, each with its first quote, by the quote's position (outcomes without one first)."""
    f = facts
    rows: list[tuple[Any, CaseOutcome]] = []
    for outcome in f.all(case_iri, _ftz("outcome")):
        measure = f.one(outcome, _ftz("measure"))
        if measure is None:
            continue
        quotes = [
            (ev, node)
            for ev in f.all(outcome, _ftz("evidence"))
            if (node := _evidence_node(f, ev, line_required=False)) is not None
        ]
        first = min(quotes, key=lambda pair: (_position(pair[1]["start"]), pair[0])) if quotes else None
        rows.append(
            (
                (_position(first[1]["start"] if first else None), outcome),
                {
                    "iri": outcome,
                    "measure": measure,
                    "value": f.one(outcome, _ftz("value")),
                    "unit": f.one(outcome, _ftz("unit")),
                    "before": f.one(outcome, _ftz("valueBefore")),
                    "after": f.one(outcome, _ftz("valueAfter")),
                    "evidence": {
                        "iri": first[0],
                        "quote": first[1]["quote"],
                        "start": first[1]["start"],
                        "end": first[1]["end"],
                        "line": first[1]["line"],
                    }
                    if first
                    else None,
                },
            )
        )
    return [row for _, row in sorted(rows, key=lambda pair: pair[0])]


def case_documents(facts: Facts, case_iri: str) -> list[PolicyRef]:
    """The documents the case cites, by the position of the first quote that names one, then title."""
    f = facts
    starts: dict[str, list[Any]] = defaultdict(list)
    for ev in f.all(case_iri, _ftz("evidence")):
        for obj in f.all(ev, _ftz("supportsObject")):
            starts[obj].extend(f.all(ev, START))
    rows: list[tuple[Any, PolicyRef]] = []
    for policy in f.all(case_iri, REFERENCES):
        start = min((_position(s) for s in starts.get(policy, [])), default=_position(None))
        title = min(f.all(policy, TITLE), key=_position, default=None)
        rows.append(
            ((start, _position(title), policy), {"iri": policy, "label": title, "number": f.one(policy, IDENTIFIER)})
        )
    return [row for _, row in sorted(rows, key=lambda pair: pair[0])]


def case_extras(facts: Facts, case_iri: str) -> dict[str, Any]:
    """The dates, companies and warnings a case mentions."""
    f = facts
    companies: list[Ref] = []
    for company in f.all(case_iri, _ftz("mentionsCompany")):
        companies.extend(Ref(iri=company, label=label) for label in f.all(company, PREF_LABEL) or [None])
    return {
        "dates": sorted({str(date) for date in f.all(case_iri, _ftz("mentionsDate"))}),
        "companies": companies,
        "warnings": sorted(set(f.all(case_iri, _ftz("warning")))),
    }
