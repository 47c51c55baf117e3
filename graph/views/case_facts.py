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
store, so its facts are kept per thing (``read_cache``).

Where a query kept the first of several matching rows in an order the engine chose (an evidence node among
two for the same fact, two labels in one language), the choice here is the first by position, then by IRI.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

from ftzgraph.graph.extract.learned_from import LEARNS_FROM_ZONE, RELATIONS, relation_label, relation_of_property
from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.store.sparql_terms import iri_ref
from ftzgraph.graph.views.conflicts import conflicts as read_conflicts
from ftzgraph.graph.views.conflicts import lineage_conflict
from ftzgraph.graph.views.lineage_results import LearnedFrom, Lineage, LineageAgency, LineageOrigin, LineageQuote
from ftzgraph.graph.views.read_cache import remembered_each
from ftzgraph.graph.views.results import CaseEvidence, CaseOutcome, PolicyRef, Ref
from ftzgraph.ontology.namespace import FTZ, ORG, SPARQL_PREFIXES, batch_kind_label

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


PROVIDER_KINDS = {_ftz("City"): "city", _ftz("Area"): "ftz_area"}
LINEAGE_PROVIDER_TYPES = (_ftz("City"), _ftz("Area"), _ftz("Zone"), _ftz("OtherUnit"))

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


def _first_evidence(facts: Facts, evs: Iterable[str], **kwargs: bool) -> tuple[str, LineageQuote] | None:
    found = [(ev, node) for ev in evs if (node := _evidence_node(facts, ev, **kwargs)) is not None]
    if not found:
        return None
    return min(found, key=lambda pair: (_position(pair[1]["start"]), pair[0]))


def _agency_quote(facts: Facts, evidence: Iterable[str], agency: str) -> tuple[str, LineageQuote] | None:
    """The first of the case's quotes that supports ``agency`` as one of its agencies."""
    return _first_evidence(
        facts,
        (
            ev
            for ev in evidence
            if facts.has(ev, _ftz("supports"), _ftz("agency")) and facts.has(ev, _ftz("supportsObject"), agency)
        ),
    )


def case_lineage(store: Store, facts: Facts, case_iri: str) -> Lineage | None:
    """What ``queries.lineage`` answers, from ``facts``; None where it raised ``KeyError`` (a case without
    identifier, number, title, document (with a title), provider or reform)."""
    f = facts
    head = {
        "id": f.one(case_iri, IDENTIFIER),
        "number": f.one(case_iri, _ftz("caseNumber")),
        "title": f.one(case_iri, TITLE),
        "doc": f.one(case_iri, IS_PART_OF),
        "provider": f.one(case_iri, _ftz("providedBy")),
        "reform": f.one(case_iri, _ftz("reform")),
    }
    doc_title = f.one(head["doc"], TITLE)
    if any(value is None for value in head.values()) or doc_title is None:
        return None
    provider, reform = head["provider"], head["reform"]
    provider_type = next((t for t in f.all(provider, TYPE) if t in LINEAGE_PROVIDER_TYPES), None)
    own_evidence = f.all(case_iri, _ftz("evidence"))
    provider_ev = _first_evidence(f, (ev for ev in own_evidence if f.has(ev, _ftz("supports"), _ftz("providedBy"))))

    # item_facts: the national items the reform derives from, with the batches and zones an authority gives
    reference: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"batches": set(), "zones": set()})
    for item in sorted(f.all(reform, DERIVED_FROM)):
        if not f.has(item, TYPE, _ftz("NationalReform")) or not f.all(item, LABEL):
            continue
        for batch in f.all(item, _ftz("inBatch")):
            for label in f.all(batch, PREF_LABEL, "zh"):
                reference[item]["batches"].add(label)
        for zone in f.all(item, _ftz("pilotedIn")):
            for short in f.all(zone, _ftz("shortName")):
                reference[item]["zones"].add(short)

    origins: list[LineageOrigin] = []
    for claim in sorted(f.all(reform, DERIVATION)):
        kind, entity = f.one(claim, _ftz("originKind")), f.one(claim, ENTITY)
        if kind is None or entity is None:
            continue
        batch = next((b for b in f.all(claim, _ftz("claimedBatch")) if f.all(b, PREF_LABEL, "zh")), None)
        zone = next((z for z in f.all(claim, _ftz("claimedZone")) if f.all(z, PREF_LABEL, "zh")), None)
        parent = next((p for p in f.all(zone, _ftz("inZone")) if f.all(p, _ftz("shortName"))), None)
        evidence = _first_evidence(f, f.all(claim, _ftz("evidence")))
        origins.append(
            {
                "claim": claim,
                "kind": str(kind).rsplit("#", 1)[-1],
                "reform": {
                    "iri": entity,
                    "label": f.one(entity, LABEL, "zh"),
                    "national": f.has(entity, TYPE, _ftz("NationalReform")),
                    "reference_batches": sorted(reference[entity]["batches"]) if entity in reference else [],
                    "reference_zones": sorted(reference[entity]["zones"]) if entity in reference else [],
                },
                "batch": {
                    "iri": batch,
                    "label": f.one(batch, PREF_LABEL, "zh"),
                    "kind": batch_kind_label(f.one(batch, _ftz("batchKind"))),
                    "number": f.one(batch, _ftz("batchNumber")),
                }
                if batch
                else None,
                "zone": {
                    "iri": zone,
                    "label": f.one(zone, PREF_LABEL, "zh"),
                    "short": f.one(zone, _ftz("shortName")),
                    "in_zone": f.one(parent, _ftz("shortName")),
                }
                if zone
                else None,
                "evidence": evidence[1] if evidence else None,
            }
        )

    # agencies, ordered by label, each with the first quote that names it as acting
    agency_rows: list[tuple[tuple[Any, str], LineageAgency]] = []
    for agency in f.all(case_iri, _ftz("agency")):
        label, sector = f.one(agency, PREF_LABEL), f.one(agency, _ftz("sector"))
        if label is None or sector is None:
            continue
        parent = next((p for p in f.all(agency, SUB_ORGANIZATION_OF) if f.all(p, PREF_LABEL)), None)
        agency_rows.append(
            (
                (_position(label), agency),
                {
                    "iri": agency,
                    "label": label,
                    "sector": sector,
                    "sector_label": f.one(sector, PREF_LABEL, "en"),
                    "parent": {"iri": parent, "label": f.one(parent, PREF_LABEL)} if parent else None,
                    "evidence": quote[1] if (quote := _agency_quote(f, own_evidence, agency)) else None,
                },
            )
        )
    agencies = [row for _, row in sorted(agency_rows, key=lambda pair: pair[0])]

    conflicts = read_conflicts(store, case_iri) if f.all(case_iri, _ftz("hasConflict")) else []
    return {
        "case": {
            "iri": case_iri,
            "id": head["id"],
            "number": head["number"],
            "title": head["title"],
            "document": {
                "iri": head["doc"],
                "title": doc_title,
                "number": f.one(head["doc"], IDENTIFIER),
                "file": f.one(head["doc"], _ftz("fileName")),
            },
        },
        "reform": reform,
        "provider": {
            "iri": provider,
            "label": f.one(provider, LABEL, "zh"),
            "kind": PROVIDER_KINDS.get(provider_type or "", "other"),
            "evidence": provider_ev[1] if provider_ev else None,
        },
        "origins": origins,
        "national_items": [
            {"iri": item, "batches": sorted(found["batches"]), "zones": sorted(found["zones"])}
            for item, found in reference.items()
        ],
        "agencies": agencies,
        "learned_from": case_learned_from(f, case_iri),
        "conflicts": [lineage_conflict(c) for c in conflicts],
    }


def _iri(ref: Ref | None) -> str | None:
    return ref["iri"] if ref else None


def case_learned_from(facts: Facts, case_iri: str) -> list[LearnedFrom]:
    """What ``learned_relations.learned_from`` answers for one case, from ``facts``."""
    f = facts
    case_title = f.one(case_iri, TITLE)
    if case_title is None:
        return []
    claims = [claim for reform in f.all(case_iri, _ftz("reform")) for claim in f.all(reform, DERIVATION)]
    found: list[LearnedFrom] = []
    for claim in sorted(dict.fromkeys(claims), key=_claim_index):
        rel, conf, entity = (
            f.one(claim, _ftz("learnedRelation")),
            f.one(claim, _ftz("confidence")),
            f.one(claim, ENTITY),
        )
        if rel is None or conf is None or entity is None:
            continue
        relation = relation_of_property(str(rel).rsplit("#", 1)[-1])
        if relation not in RELATIONS:
            continue
        label = f.one(entity, LABEL, "zh")
        zone = f.one(claim, _ftz("claimedZone"))
        batch_kind, batch_number = None, None
        for batch in f.all(claim, _ftz("claimedBatch")):
            if f.one(batch, _ftz("batchKind")) is not None:
                batch_kind, batch_number = f.one(batch, _ftz("batchKind")), f.one(batch, _ftz("batchNumber"))
                break
        quotes = [node for ev in f.all(claim, _ftz("evidence")) if (node := _evidence_node(f, ev, line_required=False))]
        first = min(quotes, key=lambda node: _position(node["start"])) if quotes else None
        unnamed = relation == LEARNS_FROM_ZONE or (relation in UNNAMED_WHEN_OWN_TITLE and label == case_title)
        found.append(
            {
                "relation": relation,
                "target": None if unnamed else label,
                "zone": f.one(zone, _ftz("shortName")),
                "batch": {"kind": batch_kind_label(batch_kind), "number": batch_number} if batch_kind else None,
                "confidence": float(conf),
                "evidence": {
                    "quote": first["quote"] if first else None,
                    "line": first["line"] if first else None,
                    "start": first["start"] if first else None,
                    "end": first["end"] if first else None,
                },
                "relation_zh": relation_label(relation, "zh"),
                "relation_en": relation_label(relation, "en"),
                "target_iri": None if unnamed else entity,
                "zone_iri": zone,
                "claim": claim,
            }
        )
    return found


UNNAMED_WHEN_OWN_TITLE = {"self_initiated", "follows_ministry"}


def _claim_index(claim: str) -> int:
    tail = claim.rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else 0


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
