"""Chinese and English names of the vocabulary's concepts and classes (``skos:prefLabel``, ``rdfs:label`` in
``ontology/ftz.ttl``).

Pages show a claim's kind by its names ("国家批次 national batch"), never by its local name
(``NationalBatchOrigin``); the names live with the vocabulary, so a new kind needs no change here.
"""

from __future__ import annotations

from functools import cache

from rdflib import Graph
from rdflib.namespace import RDFS, SKOS

from ftzgraph.ontology.namespace import VOCAB_PATH


@cache
def _labels() -> dict[str, dict[str, str]]:
    graph = Graph().parse(VOCAB_PATH, format="turtle")
    names: dict[str, dict[str, str]] = {}
    for predicate in (RDFS.label, SKOS.prefLabel):  # a concept's prefLabel wins over its rdfs:label
        for subject, label in graph.subject_objects(predicate):
            local = str(subject).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            names.setdefault(local, {})[getattr(label, "language", None) or ""] = str(label)
    return names


def concept_name(local_name: str) -> str:
    """``"国家批次 national batch"`` for ``NationalBatchOrigin``; the local name itself when the vocabulary has none."""
    names = _labels().get(local_name, {})
    parts = [names.get("zh"), names.get("en")]
    return " ".join(p for p in parts if p) or local_name
