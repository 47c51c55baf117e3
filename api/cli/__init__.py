"""The ``ftzgraph`` command line: a thin layer over ``ftzgraph.graph``, one module per group of commands."""
