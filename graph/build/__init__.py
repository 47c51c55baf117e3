"""Stage 8, builds: documents through every stage into a store, recorded as runs; loads of RDF files."""
