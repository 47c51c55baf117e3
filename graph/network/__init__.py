"""Stage 7, networks: agency and learning networks derived by SPARQL, measured, exported and drawn."""
