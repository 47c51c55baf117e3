"""One case's lineage and learned-from relations written from its facts read in bulk (``case_facts``): the documents,
batches, origins and agencies its reform is traced through, each with its quote. Kept apart from the reading of the
facts, which the case's page, its evidence and its outcomes share."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ftzgraph.graph.extract.learned_from import LEARNS_FROM_ZONE, RELATIONS, relation_label, relation_of_property
from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.views.case_facts import (
    DERIVATION,
    DERIVED_FROM,
    ENTITY,
    IDENTIFIER,
    IS_PART_OF,
    LABEL,
    PREF_LABEL,
    SUB_ORGANIZATION_OF,
    TITLE,
    TYPE,
    Facts,
    _evidence_node,
    _ftz,
    _position,
)
from ftzgraph.graph.views.conflicts import conflicts as read_conflicts
from ftzgraph.graph.views.conflicts import lineage_conflict
from ftzgraph.graph.views.lineage_results import LearnedFrom, Lineage, LineageAgency, LineageOrigin, LineageQuote
from ftzgraph.ontology.namespace import batch_kind_label

PROVIDER_KINDS = {_ftz("City"): "city", _ftz("Area"): "ftz_area"}


LINEAGE_PROVIDER_TYPES = (_ftz("City"), _ftz("Area"), _ftz("Zone"), _ftz("OtherUnit"))


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
