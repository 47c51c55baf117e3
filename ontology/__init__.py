"""The ftzgraph vocabulary: one namespace object, the Turtle files beside it, and where to find them."""

from ftzgraph.ontology.namespace import BASE, FTZ, GRAPH, ID, ONTOLOGY_DIR, SHAPES_PATH, VOCAB_PATH

__all__ = ["BASE", "FTZ", "GRAPH", "ID", "ONTOLOGY_DIR", "SHAPES_PATH", "VOCAB_PATH"]
