"""Namespaces of the vocabulary, the minted instances and the named graphs.

Every vocabulary term used in code comes from ``FTZ``; instance IRIs are minted only in
``ftzgraph.graph.iris`` under ``ID``. Keeping both here means a change of base IRI is one edit.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Namespace

BASE = "https://w3id.org/ftzgraph/"
FTZ = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")

OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")

ONTOLOGY_DIR = Path(__file__).resolve().parent
VOCAB_PATH = ONTOLOGY_DIR / "ftz.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
