"""Flat views of the graph: one record per case (the ``ftzgraph cases`` export) and summary statistics.

Field names of ``case_records`` are a contract (scripts rely on them): id, number, title, provider,
provider_kind, origin_batches, origin_zones, national_item, agencies, agency_mentions, documents, outcomes
(each with qualifier and after_text), evidence, learned_from.
``national_item`` is the item an authority (the reference data with an independent source, or a batch notice
in the store) lists in a national batch; a document's own claim of a national item is in ``learned_from``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Any

from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.store.sparql_terms import iri_ref
from ftzgraph.graph.views.conflicts import conflicts
from ftzgraph.graph.views.learned_relations import contract, learned_from
from ftzgraph.graph.views.lineage_results import BatchClaim
from ftzgraph.graph.views.quality_results import CaseRecord, CitedDocument, Stats
from ftzgraph.graph.views.queries import EVIDENCE_FIELDS, PROVIDER_KINDS
from ftzgraph.graph.views.read_cache import remembered_whole
from ftzgraph.ontology.namespace import SPARQL_PREFIXES, batch_kind_label

CASE_FIELDS = (
    "id",
    "number",
    "title",
    "provider",
    "provider_kind",
    "origin_batches",
    "origin_zones",
    "national_item",
    "agencies",
    "agency_mentions",
    "documents",
    "outcomes",
    "evidence",
    "learned_from",
)


def _number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def case_records(store: Store, documents: Collection[str] | None = None) -> list[CaseRecord]:
    """Every case in the store as a flat record (see the module docstring for the fields); with ``documents``
    (source document IRIs), only their cases, each query bound on them (a gold file's scores need one document
    of a store that may hold hundreds)."""
    if documents is not None and not documents:
        return []
    in_documents = "VALUES ?doc { " + " ".join(map(iri_ref, documents)) + " }" if documents is not None else ""
    base = store.select(
        SPARQL_PREFIXES
        + """SELECT DISTINCT ?case ?id ?number ?title ?providerLabel ?providerType ?doc WHERE {
  %DOCS% ?case a ftz:Case ; dcterms:identifier ?id ; ftz:caseNumber ?number ; dcterms:title ?title ;
        dcterms:isPartOf ?doc ; ftz:providedBy ?provider .
  OPTIONAL { ?provider skos:prefLabel ?providerLabel FILTER(LANG(?providerLabel) = "zh") }
  OPTIONAL { ?provider a ?providerType FILTER(?providerType IN (ftz:City, ftz:Area)) }
} ORDER BY ?doc ?number""".replace("%DOCS%", in_documents)
    )
    records: dict[str, CaseRecord] = {}
    for row in base:
        records[row["case"]] = {
            "id": row["id"],
            "number": row["number"],
            "title": row["title"],
            "provider": row.get("providerLabel"),
            "provider_kind": PROVIDER_KINDS.get(row.get("providerType") or "", "other"),
            "origin_batches": [],
            "origin_zones": [],
            "national_item": None,
            "agencies": [],
            "agency_mentions": [],
            "documents": [],
            "outcomes": [],
            "evidence": {},
            "learned_from": [],
        }

    if documents is not None and not records:
        return []
    in_cases = "VALUES ?case { " + " ".join(map(iri_ref, records)) + " }" if documents is not None else ""

    def select(query: str) -> list[dict[str, Any]]:
        return store.select(SPARQL_PREFIXES + query.replace("%CASES%", in_cases))

    for row in select(
        """SELECT DISTINCT ?case ?claim ?kind ?number ?zoneShort WHERE {
  %CASES% ?case ftz:reform/prov:qualifiedDerivation ?claim .
  OPTIONAL { ?claim ftz:claimedBatch ?batch . ?batch ftz:batchKind ?kind . OPTIONAL { ?batch ftz:batchNumber ?number } }
  OPTIONAL { ?claim ftz:claimedZone ?zone . ?zone ftz:shortName ?zoneShort }
} ORDER BY ?case ?claim"""
    ):
        record = records.get(row["case"])
        if record is None:
            continue
        if row.get("kind"):
            batch: BatchClaim = {"kind": batch_kind_label(row["kind"]), "number": row.get("number")}
            if batch not in record["origin_batches"]:
                record["origin_batches"].append(batch)
        if row.get("zoneShort") and row["zoneShort"] not in record["origin_zones"]:
            record["origin_zones"].append(row["zoneShort"])

    for row in select(
        """SELECT ?case (MIN(?label) AS ?item) WHERE {
  %CASES% ?case ftz:reform/prov:wasDerivedFrom ?entity .
  ?entity a ftz:NationalReform ; skos:prefLabel ?label FILTER(LANG(?label) = "zh" || LANG(?label) = "")
} GROUP BY ?case"""
    ):
        if row["case"] in records:
            records[row["case"]]["national_item"] = row["item"]

    for row in select(
        """SELECT DISTINCT ?case ?label WHERE { %CASES% ?case ftz:agency ?a . ?a skos:prefLabel ?label }
ORDER BY ?case ?label"""
    ):
        if row["case"] in records:
            records[row["case"]]["agencies"].append(row["label"])

    for row in select(
        """SELECT DISTINCT ?case ?title ?number ?start WHERE {
  %CASES% ?case dcterms:references ?doc .
  OPTIONAL { ?doc dcterms:title ?title } OPTIONAL { ?doc dcterms:identifier ?number }
  OPTIONAL { ?case ftz:evidence ?ev . ?ev ftz:supportsObject ?doc ; oa:start ?start }
} ORDER BY ?case ?start ?number ?title"""
    ):
        record = records.get(row["case"])
        if record is not None:
            entry: CitedDocument = {"title": row.get("title"), "number": row.get("number")}
            if entry not in record["documents"]:
                record["documents"].append(entry)

    for row in select(
        """SELECT DISTINCT ?case ?outcome ?what ?value ?unit ?before ?after ?qualifier ?afterText ?valueMax WHERE {
  %CASES% ?case ftz:outcome ?outcome . ?outcome ftz:measure ?what .
  OPTIONAL { ?outcome ftz:value ?value } OPTIONAL { ?outcome ftz:unit ?unit }
  OPTIONAL { ?outcome ftz:valueBefore ?before } OPTIONAL { ?outcome ftz:valueAfter ?after }
  OPTIONAL { ?outcome ftz:qualifier ?qualifier } OPTIONAL { ?outcome ftz:afterText ?afterText }
  OPTIONAL { ?outcome ftz:valueMax ?valueMax }
} ORDER BY ?case ?outcome"""
    ):
        record = records.get(row["case"])
        if record is not None:
            record["outcomes"].append(
                {
                    "what": row["what"],
                    "value": _number(row.get("value")),
                    "unit": row.get("unit"),
                    "before": _number(row.get("before")),
                    "after": _number(row.get("after")),
                    "qualifier": row.get("qualifier"),
                    "after_text": row.get("afterText"),
                    "value_max": _number(row.get("valueMax")),
                }
            )

    mention_order: dict[str, list[int]] = defaultdict(list)  # the mention IRIs end in their ordinal in the text
    for row in select(
        """SELECT ?case ?m ?written ?confidence ?label WHERE {
  %CASES% ?case ftz:agencyMention ?m . ?m ftz:asWritten ?written ; ftz:confidence ?confidence .
  OPTIONAL { ?m ftz:mentionOf ?a . ?a skos:prefLabel ?label }
} ORDER BY ?case ?m"""
    ):
        record = records.get(row["case"])
        if record is not None:
            record["agency_mentions"].append(
                {"as_written": row["written"], "agency": row.get("label"), "confidence": row["confidence"]}
            )
            mention_order[row["case"]].append(int(row["m"].rsplit("/", 1)[-1]))
    for case, order in mention_order.items():  # in text order
        record = records[case]
        record["agency_mentions"] = [
            m for _, m in sorted(zip(order, record["agency_mentions"], strict=True), key=lambda p: p[0])
        ]

    for row in select(
        """SELECT DISTINCT ?case ?prop ?quote ?start WHERE {
  { %CASES% ?case a ftz:Case ; ftz:evidence ?ev . ?ev ftz:supports ?prop ; oa:exact ?quote ; oa:start ?start . }
  UNION
  { %CASES% ?case a ftz:Case ; ftz:reform/prov:qualifiedDerivation ?claim . ?claim ftz:evidence ?ev .
    ?ev oa:exact ?quote ; oa:start ?start . BIND(prov:wasDerivedFrom AS ?prop) }
} ORDER BY ?case ?start ?prop ?quote"""
    ):
        record = records.get(row["case"])
        if record is None:
            continue
        field = EVIDENCE_FIELDS.get(row["prop"], "origins" if row["prop"].endswith("wasDerivedFrom") else None)
        if field and field not in record["evidence"]:
            record["evidence"][field] = row["quote"]
    for case, entries in learned_from(store, list(records) if documents is not None else None).items():
        if case in records:
            records[case]["learned_from"] = [contract(e) for e in entries]
    return list(records.values())


def stats(store: Store) -> Stats:
    """Counts by class, cases per provider, per origin batch, per origin zone, and conflicts; each count reads the
    whole store, so the answer is kept while the store is unchanged (``read_cache``)."""
    return remembered_whole(store, "stats", lambda: _stats(store))


def _stats(store: Store) -> Stats:
    by_class = store.select(
        SPARQL_PREFIXES
        + """SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class FILTER(STRSTARTS(STR(?class), STR(ftz:))) }
GROUP BY ?class ORDER BY DESC(?n)"""
    )
    per_provider = store.select(
        SPARQL_PREFIXES
        + """SELECT ?provider (COUNT(DISTINCT ?case) AS ?n) WHERE {
  ?case a ftz:Case ; ftz:providedBy ?p . ?p skos:prefLabel ?provider FILTER(LANG(?provider) = "zh") }
GROUP BY ?provider ORDER BY DESC(?n) ?provider"""
    )
    per_batch = store.select(
        SPARQL_PREFIXES
        + """SELECT ?batch (COUNT(DISTINCT ?case) AS ?n) WHERE {
  ?case ftz:reform/prov:qualifiedDerivation/ftz:claimedBatch ?b . ?b skos:prefLabel ?batch FILTER(LANG(?batch) = "zh") }
GROUP BY ?batch ORDER BY DESC(?n) ?batch"""
    )
    per_zone = store.select(
        SPARQL_PREFIXES
        + """SELECT ?zone (COUNT(DISTINCT ?case) AS ?n) WHERE {
  ?case ftz:reform/prov:qualifiedDerivation/ftz:claimedZone ?z . ?z ftz:shortName ?zone }
GROUP BY ?zone ORDER BY DESC(?n) ?zone"""
    )
    found = conflicts(store)
    totals: dict[str, int] = defaultdict(int)
    for row in by_class:
        totals[str(row["class"]).rsplit("#", 1)[-1]] = row["n"]
    return {
        "classes": dict(totals),
        "cases_per_provider": {r["provider"]: r["n"] for r in per_provider},
        "cases_per_origin_batch": {r["batch"]: r["n"] for r in per_batch},
        "cases_per_origin_zone": {r["zone"]: r["n"] for r in per_zone},
        "conflicts": [
            {
                "case": c["holder"]["iri"],
                "title": c["holder"]["title"],
                "comment": c["message_en"],
                "comment_zh": c["message_zh"],
                "document_sources": [c["document"]["iri"]] if c["document"]["iri"] else [],
                "authority_sources": c["authority"]["sources"],
            }
            for c in found
        ],
    }
