"""``python -m ftzgraph.api.cli`` runs the ``ftzgraph`` command."""

from ftzgraph.api.cli.main import main

main()
