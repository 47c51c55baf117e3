"""The one place instance IRIs are minted. IRIs are ASCII and derived from content, never run order.

Chinese names go through a normalising key and a short hash, so the same name always gives the same
IRI (across runs, documents and formats) and Chinese stays in labels.
"""

from __future__ import annotations

import functools
import hashlib
import re

from rdflib import URIRef

from ftzgraph.graph.text import fold_width, title_key
from ftzgraph.ontology.namespace import BATCH_KIND_BY_LABEL, GRAPH, ID

"""Short codes of the national batch series: State Council pilot experiences, best-practice cases."""


def short_hash(text: str, length: int = 12) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def slug(text: str) -> str:
    """``Shenzhen Qianhai & Shekou Area`` -> ``shenzhen-qianhai-shekou-area``; empty when nothing ASCII remains."""
    return re.sub(r"[^a-z0-9]+", "-", fold_width(text).lower()).strip("-")


def name_key(name: str) -> str:
    """Key for names of bodies and places: width folded, no whitespace, one bracket style."""
    return re.sub(r"\s+", "", fold_width(name))


def document(doc_id: str) -> URIRef:
    return ID[f"doc/{doc_id}"]


def document_graph(doc_id: str) -> URIRef:
    return GRAPH[f"doc/{doc_id}"]


def document_of_graph(graph: str) -> URIRef:
    """The document whose named graph is ``graph`` (the inverse of ``document_graph``)."""
    return document(str(graph).removeprefix(str(GRAPH["doc/"])))


REFERENCE_GRAPH = GRAPH["reference"]
ONTOLOGY_GRAPH = GRAPH["ontology"]
ENTITIES_GRAPH = GRAPH["entities"]
"""Facts about things many documents share (agencies, places, cited policies, companies, national reforms,
batches): each fact once, however many documents state it. Document graphs hold what is their own."""
RUNS_GRAPH = GRAPH["runs"]
"""One ``ftz:BuildRun`` per build (graph/build/runs.py): what it read and what it changed."""


def owned_by(doc_id: str, subject: str) -> bool:
    """True when ``subject`` was minted for document ``doc_id`` (the document, its cases and their parts,
    its evidence); such triples live in the document's graph, all others in ``ENTITIES_GRAPH``."""
    text = str(subject)  # an rdflib URIRef never equals a plain str
    own, prefixes = _owned_prefixes(doc_id)
    return text == own or text.startswith(prefixes)


@functools.lru_cache(maxsize=64)
def _owned_prefixes(doc_id: str) -> tuple[str, tuple[str, str, str]]:
    """The document's IRI and the prefixes of what is minted for it, made once per document (asked per subject)."""
    return str(document(doc_id)), (f"{ID}case/{doc_id}-", f"{ID}evidence/{doc_id}-", f"{ID}doc/{doc_id}/")


def case(doc_id: str, number: int) -> URIRef:
    return ID[f"case/{doc_id}-{number}"]


def case_part(case_iri: URIRef, part: str, index: int | None = None) -> URIRef:
    """A node that belongs to one case: its reform, its k-th origin claim, outcome or conflict."""
    return URIRef(f"{case_iri}/{part}" + (f"/{index}" if index is not None else ""))


def diagnostic(doc_id: str, kind: str, message: str) -> URIRef:
    """A diagnostic of one document's extraction, named by its kind and message (the same on every build)."""
    return ID[f"doc/{doc_id}/diagnostic/{short_hash(kind + ' ' + message)}"]


def run(run_id: str) -> URIRef:
    """A build run; ``run_id`` is its UTC start time (``20261206T201516123456Z``)."""
    return ID[f"run/{run_id}"]


def evidence(doc_id: str, start: int, end: int, supports: str) -> URIRef:
    return ID[f"evidence/{doc_id}-{start}-{end}-{short_hash(supports, 6)}"]


def zone(zone_id: str) -> URIRef:
    return ID[f"zone/{slug(zone_id)}"]


def area(zone_id: str, area_name: str, name_en: str | None = None) -> URIRef:
    readable = slug(name_en) if name_en else ""
    return ID[f"zone/{slug(zone_id)}/{readable or short_hash(name_key(area_name), 8)}"]


def batch(kind: str, number: int | None) -> URIRef:
    code = BATCH_KIND_BY_LABEL[kind].code if kind in BATCH_KIND_BY_LABEL else "other"
    return ID[f"batch/{code}-{number if number is not None else 'unnumbered'}"]


def reform(title: str) -> URIRef:
    return ID[f"reform/{short_hash(title_key(title))}"]


def agency(name: str) -> URIRef:
    return ID[f"agency/{short_hash(name_key(name))}"]


def place(name: str) -> URIRef:
    return ID[f"place/{short_hash(name_key(name))}"]


def policy(number: str | None, title: str | None) -> URIRef:
    basis = number if number else title_key(title or "")
    return ID[f"policy/{short_hash(basis)}"]


def company(name: str) -> URIRef:
    return ID[f"company/{short_hash(name_key(name))}"]


def sector(slug_: str) -> URIRef:
    return ID[f"sector/{slug_}"]


def domain(slug_: str) -> URIRef:
    return ID[f"domain/{slug_}"]
