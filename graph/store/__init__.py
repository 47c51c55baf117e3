"""Stage 4, stores: the embedded Oxigraph store, remote SPARQL 1.1 servers, locks and recovery."""
