"""Stage 3, facts to RDF: IRIs, triples, the reference graph, diagnostics and SHACL validation."""
