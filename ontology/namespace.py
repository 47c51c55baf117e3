"""Namespaces of the vocabulary, the minted instances and the named graphs.

Every vocabulary term used in code comes from ``FTZ``; instance IRIs are minted only in
``ftzgraph.graph.iris`` under ``ID``. Keeping both here means a change of base IRI is one edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Namespace, URIRef

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

# The one prefix table. Each use takes the prefixes it writes, by name, so an answer declares only what it uses.
PREFIXES: dict[str, str] = {
    "ftz": str(FTZ),
    "id": str(ID),
    "prov": "http://www.w3.org/ns/prov#",
    "org": str(ORG),
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "oa": str(OA),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "eli": str(ELI),
    "owl": "http://www.w3.org/2002/07/owl#",
}


def prefixes(*names: str) -> dict[str, str]:
    """The namespaces of ``names``, in the order given (a ``KeyError`` names a prefix the table lacks)."""
    return {name: PREFIXES[name] for name in names}


def sparql_prologue(*names: str) -> str:
    """``PREFIX`` lines for a SPARQL query."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes(*names).items())


@dataclass(frozen=True)
class BatchKind:
    """A kind of national batch: the series' own name, its class, the code in batch IRIs, an English name."""

    label: str
    iri: URIRef
    code: str
    english: str


# The two national series: the State Council's reform pilot experiences, MOFCOM's best-practice cases.
BATCH_KINDS = (
    BatchKind("改革试点经验", FTZ.PilotExperience, "sc", "reform pilot experiences"),
    BatchKind("最佳实践案例", FTZ.BestPractice, "bp", "best-practice cases"),
)
PILOT_EXPERIENCE, BEST_PRACTICE = (kind.label for kind in BATCH_KINDS)
BATCH_KIND_BY_LABEL = {kind.label: kind for kind in BATCH_KINDS}
BATCH_KIND_BY_IRI = {str(kind.iri): kind for kind in BATCH_KINDS}
# The prologue of the read side's SPARQL queries.
SPARQL_PREFIXES = sparql_prologue("ftz", "id", "prov", "org", "dcterms", "skos", "rdfs", "oa")


def batch_kind_label(iri: str | None) -> str:
    """The series name for a batch-kind class IRI; ``other`` for a kind outside the two national series."""
    kind = BATCH_KIND_BY_IRI.get(iri or "")
    return kind.label if kind else "other"


def batch_kind_iri(label: str) -> URIRef:
    """The class of a series named ``label``; ``ftz:OtherBatchKind`` for any other series."""
    kind = BATCH_KIND_BY_LABEL.get(label)
    return kind.iri if kind else FTZ.OtherBatchKind
