"""How a request names resources: by id (the part of an IRI after its kind, ``case/d1fc55f7e367a-16`` ->
``d1fc55f7e367a-16``) and by filters that accept an IRI, an id or any label. Kept apart from the queries that list and
read resources, since every view of the read side names resources the same way."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ftzgraph.graph.store.sparql_terms import iri_ref, literal
from ftzgraph.ontology.namespace import ID


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
