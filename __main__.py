"""``python -m ftzgraph``: the same command line as ``ftzgraph``."""

from ftzgraph.api.cli.main import main

main()
