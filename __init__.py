"""ftzgraph: a knowledge graph of China's Pilot Free Trade Zone reforms.

The repository root is the package ``ftzgraph``: its folders ``graph/``, ``api/``, ``ontology/`` and ``data/``
install as ``ftzgraph.graph`` and so on (see ``[tool.setuptools]`` in pyproject.toml).
"""
